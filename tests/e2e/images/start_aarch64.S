/* aarch64 entry of the e2e image: `qemu-system-aarch64 -machine virt -cpu cortex-a57
 * -kernel image.elf` starts the ELF entry at EL1 (EL3/EL2 off by default), MMU off. */
    .section .text.entry, "ax"
    .global _start
_start:
    ldr x0, =stack_top
    mov sp, x0
    bl image_main
1:  wfi
    b 1b

    .section .bss
    .balign 16
    .space 16384
stack_top:
