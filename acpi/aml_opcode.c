/* acpi/aml_opcode.c - the opcode table of ACPI 6.5, 20.2.5 (Term objects
 * encoding), with argument shapes as aml_opcode.h describes. */
#include "acpi/aml_opcode.h"

#include <stddef.h>

#define V AML_OPF_VALUE
#define B AML_OPF_BODY
#define NM AML_OPF_NAMED

static const struct aml_opinfo primary[256] = {
    [0x00] = { "Zero", "", V | AML_OPF_CONST },
    [0x01] = { "One", "", V | AML_OPF_CONST },
    [0x06] = { "Alias", "nN", NM },
    [0x08] = { "Name", "Nt", NM },
    [0x0A] = { "BytePrefix", "b", V | AML_OPF_CONST },
    [0x0B] = { "WordPrefix", "w", V | AML_OPF_CONST },
    [0x0C] = { "DWordPrefix", "d", V | AML_OPF_CONST },
    [0x0D] = { "StringPrefix", "", V | AML_OPF_CONST },
    [0x0E] = { "QWordPrefix", "q", V | AML_OPF_CONST },
    [0x10] = { "Scope", "pn", B },
    [0x11] = { "Buffer", "pt", V },
    [0x12] = { "Package", "pb", V },
    [0x13] = { "VarPackage", "pt", V },
    [0x14] = { "Method", "pNb", NM },
    [0x15] = { "External", "Nbb", 0 },
    [0x60] = { "Local0", "", V }, [0x61] = { "Local1", "", V }, [0x62] = { "Local2", "", V },
    [0x63] = { "Local3", "", V }, [0x64] = { "Local4", "", V }, [0x65] = { "Local5", "", V },
    [0x66] = { "Local6", "", V }, [0x67] = { "Local7", "", V },
    [0x68] = { "Arg0", "", V }, [0x69] = { "Arg1", "", V }, [0x6A] = { "Arg2", "", V },
    [0x6B] = { "Arg3", "", V }, [0x6C] = { "Arg4", "", V }, [0x6D] = { "Arg5", "", V },
    [0x6E] = { "Arg6", "", V },
    [0x70] = { "Store", "tS", V },
    [0x71] = { "RefOf", "S", V },
    [0x72] = { "Add", "ttT", V },
    [0x73] = { "Concatenate", "ttT", V },
    [0x74] = { "Subtract", "ttT", V },
    [0x75] = { "Increment", "S", V },
    [0x76] = { "Decrement", "S", V },
    [0x77] = { "Multiply", "ttT", V },
    [0x78] = { "Divide", "ttTT", V },
    [0x79] = { "ShiftLeft", "ttT", V },
    [0x7A] = { "ShiftRight", "ttT", V },
    [0x7B] = { "And", "ttT", V },
    [0x7C] = { "NAnd", "ttT", V },
    [0x7D] = { "Or", "ttT", V },
    [0x7E] = { "NOr", "ttT", V },
    [0x7F] = { "XOr", "ttT", V },
    [0x80] = { "Not", "tT", V },
    [0x81] = { "FindSetLeftBit", "tT", V },
    [0x82] = { "FindSetRightBit", "tT", V },
    [0x83] = { "DerefOf", "t", V },
    [0x84] = { "ConcatenateResTemplate", "ttT", V },
    [0x85] = { "Mod", "ttT", V },
    [0x86] = { "Notify", "St", 0 },
    [0x87] = { "SizeOf", "S", V },
    [0x88] = { "Index", "ttT", V },
    [0x89] = { "Match", "tbtbtt", V },
    [0x8A] = { "CreateDWordField", "ttN", NM },
    [0x8B] = { "CreateWordField", "ttN", NM },
    [0x8C] = { "CreateByteField", "ttN", NM },
    [0x8D] = { "CreateBitField", "ttN", NM },
    [0x8E] = { "ObjectType", "C", V },
    [0x8F] = { "CreateQWordField", "ttN", NM },
    [0x90] = { "LAnd", "tt", V },
    [0x91] = { "LOr", "tt", V },
    [0x92] = { "LNot", "t", V },
    [0x93] = { "LEqual", "tt", V },
    [0x94] = { "LGreater", "tt", V },
    [0x95] = { "LLess", "tt", V },
    [0x96] = { "ToBuffer", "tT", V },
    [0x97] = { "ToDecimalString", "tT", V },
    [0x98] = { "ToHexString", "tT", V },
    [0x99] = { "ToInteger", "tT", V },
    [0x9C] = { "ToString", "ttT", V },
    [0x9D] = { "CopyObject", "tS", V },
    [0x9E] = { "Mid", "tttT", V },
    [0x9F] = { "Continue", "", 0 },
    [0xA0] = { "If", "pt", B },
    [0xA1] = { "Else", "p", B },
    [0xA2] = { "While", "pt", B },
    [0xA3] = { "Noop", "", 0 },
    [0xA4] = { "Return", "t", 0 },
    [0xA5] = { "Break", "", 0 },
    [0xCC] = { "BreakPoint", "", 0 },
    [0xFF] = { "Ones", "", V | AML_OPF_CONST },
};

static const struct aml_opinfo extended[256] = {
    [0x01] = { "Mutex", "Nb", NM },
    [0x02] = { "Event", "N", NM },
    [0x12] = { "CondRefOf", "CT", V },
    [0x13] = { "CreateField", "tttN", NM },
    [0x1F] = { "LoadTable", "tttttt", V },
    [0x20] = { "Load", "nT", V },
    [0x21] = { "Stall", "t", 0 },
    [0x22] = { "Sleep", "t", 0 },
    [0x23] = { "Acquire", "Sw", V },
    [0x24] = { "Signal", "S", 0 },
    [0x25] = { "Wait", "St", V },
    [0x26] = { "Reset", "S", 0 },
    [0x27] = { "Release", "S", 0 },
    [0x28] = { "FromBCD", "tT", V },
    [0x29] = { "ToBCD", "tT", V },
    [0x2A] = { "Unload", "S", 0 },
    [0x30] = { "Revision", "", V | AML_OPF_CONST },
    [0x31] = { "Debug", "", V },
    [0x32] = { "Fatal", "bdt", 0 },
    [0x33] = { "Timer", "", V },
    [0x80] = { "OperationRegion", "Nbtt", NM },
    [0x81] = { "Field", "pn", 0 },
    [0x82] = { "Device", "pN", NM | B },
    [0x83] = { "Processor", "pNbdb", NM | B },
    [0x84] = { "PowerResource", "pNbw", NM | B },
    [0x85] = { "ThermalZone", "pN", NM | B },
    [0x86] = { "IndexField", "pnn", 0 },
    [0x87] = { "BankField", "pnnt", 0 },
    [0x88] = { "DataTableRegion", "Nttt", NM },
};

const struct aml_opinfo *acpi_aml_opcode_info(uint16_t code)
{
    const struct aml_opinfo *info;
    if (code < 0x100) {
        info = &primary[code];
    } else if (code < 0x200) {
        info = &extended[code & 0xFF];
    } else {
        return NULL;
    }
    return info->name != NULL ? info : NULL;
}
