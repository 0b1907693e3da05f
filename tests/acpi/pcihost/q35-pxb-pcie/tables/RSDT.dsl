/*
 * Intel ACPI Component Architecture
 * AML/ASL+ Disassembler version 20200925 (64-bit version)
 * Copyright (c) 2000 - 2020 Intel Corporation
 * 
 * Disassembly of RSDT.dat, Tue Dec  1 23:48:19 2026
 *
 * ACPI Data Table [RSDT]
 *
 * Format: [HexOffset DecimalOffset ByteLength]  FieldName : FieldValue
 */

[000h 0000   4]                    Signature : "RSDT"    [Root System Description Table]
[004h 0004   4]                 Table Length : 00000038
[008h 0008   1]                     Revision : 01
[009h 0009   1]                     Checksum : 65
[00Ah 0010   6]                       Oem ID : "BOCHS "
[010h 0016   8]                 Oem Table ID : "BXPC    "
[018h 0024   4]                 Oem Revision : 00000001
[01Ch 0028   4]              Asl Compiler ID : "BXPC"
[020h 0032   4]        Asl Compiler Revision : 00000001

[024h 0036   4]       ACPI Table Address   0 : 07FE2368
[028h 0040   4]       ACPI Table Address   1 : 07FE245C
[02Ch 0044   4]       ACPI Table Address   2 : 07FE24D4
[030h 0048   4]       ACPI Table Address   3 : 07FE250C
[034h 0052   4]       ACPI Table Address   4 : 07FE2548

Raw Table Data: Length 56 (0x38)

    0000: 52 53 44 54 38 00 00 00 01 65 42 4F 43 48 53 20  // RSDT8....eBOCHS 
    0010: 42 58 50 43 20 20 20 20 01 00 00 00 42 58 50 43  // BXPC    ....BXPC
    0020: 01 00 00 00 68 23 FE 07 5C 24 FE 07 D4 24 FE 07  // ....h#..\$...$..
    0030: 0C 25 FE 07 48 25 FE 07                          // .%..H%..
