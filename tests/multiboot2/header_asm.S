/* A Multiboot2 header written in assembly with the library's constants:
 * proves multiboot2/header.h and info.h assemble (#ifndef __ASSEMBLER__). */
#include "multiboot2/header.h"
#include "multiboot2/info.h"

    .section .rodata
    .balign MB2_HEADER_ALIGN
    .globl mb2_test_asm_header
mb2_test_asm_header:
    .long MB2_HEADER_MAGIC
    .long MB2_HEADER_ARCHITECTURE_I386
    .long asm_header_end - mb2_test_asm_header
    .long -(MB2_HEADER_MAGIC + MB2_HEADER_ARCHITECTURE_I386 + (asm_header_end - mb2_test_asm_header))
    /* information request: memory map and boot loader name (12 + 4 bytes) */
    .short MB2_HEADER_TAG_INFORMATION_REQUEST, 0
    .long 16
    .long MB2_TAG_TYPE_MMAP, MB2_TAG_TYPE_BOOT_LOADER_NAME
    /* console flags (12 bytes, padded to 16) */
    .short MB2_HEADER_TAG_CONSOLE_FLAGS, MB2_HEADER_TAG_OPTIONAL
    .long 12
    .long MB2_CONSOLE_FLAGS_EGA_TEXT_SUPPORTED
    .balign MB2_HEADER_ALIGN
    .short MB2_HEADER_TAG_END, 0
    .long 8
asm_header_end:
    .globl mb2_test_asm_header_end
mb2_test_asm_header_end:

#if defined(__linux__) && defined(__ELF__)
    .section .note.GNU-stack, "", %progbits
#endif
