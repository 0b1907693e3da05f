/* riscv64 entry of the e2e image: QEMU's virt machine with `-bios none` jumps to the
 * ELF entry at 0x80000000 in M-mode on every hart (a0 = hart id). Hart 0 runs the
 * image; any other hart waits forever. */
    .section .text.entry, "ax"
    .global _start
_start:
    bnez a0, 2f
    la sp, stack_top
    call image_main
2:  wfi
    j 2b

    .section .bss
    .balign 16
    .space 16384
stack_top:
