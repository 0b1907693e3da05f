/* i686 entry of the e2e image: a Multiboot1 header (Multiboot Specification 0.6.96,
 * 3.1.1: magic, flags, checksum with magic + flags + checksum == 0) so that
 * `qemu-system-x86_64 -kernel` loads this 32-bit ELF; the loader enters _start in
 * 32-bit protected mode with paging off. */
#define MULTIBOOT_MAGIC 0x1BADB002
#define MULTIBOOT_FLAGS 0x00000000

    .section .multiboot, "a"
    .balign 4
    .long MULTIBOOT_MAGIC
    .long MULTIBOOT_FLAGS
    .long -(MULTIBOOT_MAGIC + MULTIBOOT_FLAGS)

    .section .text
    .global _start
    .type _start, @function
_start:
    cli
    movl $stack_top, %esp
    call image_main
1:  hlt
    jmp 1b

    .section .bss
    .balign 16
    .space 16384
stack_top:
