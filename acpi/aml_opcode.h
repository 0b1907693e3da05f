/* acpi/aml_opcode.h - the AML opcode table (ACPI 6.5, chapter 20): every opcode
 * and extended opcode (0x5B prefix) with the shape of its arguments. Private to
 * acpi/aml_*.c. */
#ifndef ACPI_AML_OPCODE_H
#define ACPI_AML_OPCODE_H

#include <stdint.h>

/* Argument shapes, one character each, in encoding order:
 *   p  PkgLength (the op's end; checked against the enclosing object)
 *   N  NameString of the object the op creates
 *   n  NameString of an existing object (unresolved: ACPI_AML_UNRESOLVED_NAME)
 *   b w d q  ByteData WordData DWordData QWordData
 *   t  TermArg, evaluated to a value
 *   S  SuperName (a reference: name, LocalN, ArgN, Debug, Index/RefOf/DerefOf result)
 *   C  SuperName that may be unresolved (CondRefOf)
 *   T  Target: NullName or a SuperName
 * What follows the listed arguments up to the op's end (term lists, field lists,
 * package elements, buffer bytes) is read by the op's own code. */
struct aml_opinfo {
    const char *name;       /* ASL name, NULL for bytes that are not opcodes */
    const char *args;
    uint8_t flags;
};

#define AML_OPF_BODY 0x01     /* TermList/ObjectList after the arguments */
#define AML_OPF_NAMED 0x02    /* creates a namespace node */
#define AML_OPF_VALUE 0x04    /* Type 2 opcode: yields a value */
#define AML_OPF_CONST 0x08    /* data object with no arguments */

#define AML_EXT_PREFIX 0x5B
#define AML_EXT(op) (0x100u | (op))   /* internal code of extended opcode 0x5B op */

/* NULL when the byte (extended: the second byte) is not an opcode. */
const struct aml_opinfo *acpi_aml_opcode_info(uint16_t code);

/* Opcodes the interpreter names (ACPI 6.5, 20.2). */
enum aml_op {
    AML_ZERO = 0x00, AML_ONE = 0x01, AML_ALIAS = 0x06, AML_NAME_OP = 0x08,
    AML_BYTE_PREFIX = 0x0A, AML_WORD_PREFIX = 0x0B, AML_DWORD_PREFIX = 0x0C,
    AML_STRING_PREFIX = 0x0D, AML_QWORD_PREFIX = 0x0E, AML_SCOPE = 0x10, AML_BUFFER = 0x11,
    AML_PACKAGE = 0x12, AML_VAR_PACKAGE = 0x13, AML_METHOD = 0x14, AML_EXTERNAL = 0x15,
    AML_DUAL_NAME_PREFIX = 0x2E, AML_MULTI_NAME_PREFIX = 0x2F, AML_ROOT_CHAR = 0x5C,
    AML_PARENT_PREFIX = 0x5E,
    AML_LOCAL0 = 0x60, AML_LOCAL7 = 0x67, AML_ARG0 = 0x68, AML_ARG6 = 0x6E,
    AML_STORE = 0x70, AML_REF_OF = 0x71, AML_ADD = 0x72, AML_CONCAT = 0x73, AML_SUBTRACT = 0x74,
    AML_INCREMENT = 0x75, AML_DECREMENT = 0x76, AML_MULTIPLY = 0x77, AML_DIVIDE = 0x78,
    AML_SHIFT_LEFT = 0x79, AML_SHIFT_RIGHT = 0x7A, AML_AND = 0x7B, AML_NAND = 0x7C,
    AML_OR = 0x7D, AML_NOR = 0x7E, AML_XOR = 0x7F, AML_NOT = 0x80,
    AML_FIND_SET_LEFT_BIT = 0x81, AML_FIND_SET_RIGHT_BIT = 0x82, AML_DEREF_OF = 0x83,
    AML_CONCAT_RES = 0x84, AML_MOD = 0x85, AML_NOTIFY = 0x86, AML_SIZE_OF = 0x87,
    AML_INDEX = 0x88, AML_MATCH = 0x89, AML_CREATE_DWORD_FIELD = 0x8A,
    AML_CREATE_WORD_FIELD = 0x8B, AML_CREATE_BYTE_FIELD = 0x8C, AML_CREATE_BIT_FIELD = 0x8D,
    AML_OBJECT_TYPE = 0x8E, AML_CREATE_QWORD_FIELD = 0x8F, AML_LAND = 0x90, AML_LOR = 0x91,
    AML_LNOT = 0x92, AML_LEQUAL = 0x93, AML_LGREATER = 0x94, AML_LLESS = 0x95,
    AML_TO_BUFFER = 0x96, AML_TO_DECIMAL_STRING = 0x97, AML_TO_HEX_STRING = 0x98,
    AML_TO_INTEGER = 0x99, AML_TO_STRING = 0x9C, AML_COPY_OBJECT = 0x9D, AML_MID = 0x9E,
    AML_CONTINUE = 0x9F, AML_IF = 0xA0, AML_ELSE = 0xA1, AML_WHILE = 0xA2, AML_NOOP = 0xA3,
    AML_RETURN = 0xA4, AML_BREAK = 0xA5, AML_BREAKPOINT = 0xCC, AML_ONES = 0xFF,

    AML_MUTEX = AML_EXT(0x01), AML_EVENT = AML_EXT(0x02), AML_COND_REF_OF = AML_EXT(0x12),
    AML_CREATE_FIELD = AML_EXT(0x13), AML_LOAD_TABLE = AML_EXT(0x1F), AML_LOAD = AML_EXT(0x20),
    AML_STALL = AML_EXT(0x21), AML_SLEEP = AML_EXT(0x22), AML_ACQUIRE = AML_EXT(0x23),
    AML_SIGNAL = AML_EXT(0x24), AML_WAIT = AML_EXT(0x25), AML_RESET = AML_EXT(0x26),
    AML_RELEASE = AML_EXT(0x27), AML_FROM_BCD = AML_EXT(0x28), AML_TO_BCD = AML_EXT(0x29),
    AML_UNLOAD = AML_EXT(0x2A), AML_REVISION = AML_EXT(0x30), AML_DEBUG = AML_EXT(0x31),
    AML_FATAL = AML_EXT(0x32), AML_TIMER = AML_EXT(0x33), AML_OP_REGION = AML_EXT(0x80),
    AML_FIELD = AML_EXT(0x81), AML_DEVICE = AML_EXT(0x82), AML_PROCESSOR = AML_EXT(0x83),
    AML_POWER_RES = AML_EXT(0x84), AML_THERMAL_ZONE = AML_EXT(0x85),
    AML_INDEX_FIELD = AML_EXT(0x86), AML_BANK_FIELD = AML_EXT(0x87),
    AML_DATA_REGION = AML_EXT(0x88),

    /* Internal pseudo-opcodes of the execution stack (never in byte code). */
    AML_PSEUDO_TABLE = 0x300,    /* a table's top-level TermList */
    AML_PSEUDO_METHOD = 0x301,   /* a method body */
    AML_PSEUDO_CALL = 0x302,     /* a method invocation collecting its arguments */
    AML_PSEUDO_ELEMENT = 0x303,  /* one package element that is a name */
};

#endif
