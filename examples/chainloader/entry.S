/* The chainloader's two ends in assembly.
 *
 * _start: GRUB enters here in the i386 machine state of Multiboot2 spec 3.3
 * (EAX magic, EBX boot information, flat protected mode, paging off, no
 * stack); set a stack and call chain_main(magic, mbi).
 *
 * chain_enter(entry, mbi): hand over to the kernel in that same state, built
 * here rather than inherited: a GDT of our own with flat 32-bit code (0x08)
 * and data (0x10) segments, every data segment register reloaded, CR0.PG
 * clear (PE stays set), EFLAGS with IF and VM (and everything else) clear,
 * EAX = MB2_BOOTLOADER_MAGIC, EBX = the new boot information. The GDT lives in
 * the chainloader's image, which the kernel's memory map marks reserved; spec
 * 3.3 lets the kernel find GDTR invalid anyway. */
#include "multiboot2/info.h"
#include "x86_64/registers.h"

#define CODE_SELECTOR 0x08
#define DATA_SELECTOR 0x10
/* EFLAGS bit 1 is reserved and always 1 (SDM Vol. 1, 3.4.3). */
#define EFLAGS_CLEAR 0x2

    .section .text.entry, "ax"
    .code32
    .global _start
    .type _start, @function
_start:
    cli
    cld
    mov $chain_stack_top, %esp
    push %ebx
    push %eax
    call chain_main
1:  hlt
    jmp 1b

    .text
    .global chain_enter
    .type chain_enter, @function
chain_enter:
    cli
    mov 4(%esp), %esi           /* entry */
    mov 8(%esp), %ebx           /* boot information */
    lgdt chain_gdt_pointer
    ljmp $CODE_SELECTOR, $2f
2:  mov $DATA_SELECTOR, %eax
    mov %eax, %ds
    mov %eax, %es
    mov %eax, %fs
    mov %eax, %gs
    mov %eax, %ss
    mov %cr0, %eax
    and $~X86_CR0_PG, %eax
    or $X86_CR0_PE, %eax
    mov %eax, %cr0
    pushl $EFLAGS_CLEAR
    popfl
    mov $MB2_BOOTLOADER_MAGIC, %eax
    xor %ecx, %ecx
    xor %edx, %edx
    xor %edi, %edi
    xor %ebp, %ebp
    jmp *%esi

    .section .rodata
    .balign 8
/* Null, code (base 0, limit 4 GiB, 32-bit, execute/read), data (read/write). */
chain_gdt:
    .quad 0
    .quad 0x00CF9A000000FFFF
    .quad 0x00CF92000000FFFF
chain_gdt_end:
    .balign 4
chain_gdt_pointer:
    .word chain_gdt_end - chain_gdt - 1
    .long chain_gdt

    .section .bss
    .balign 16
    .skip 16384
chain_stack_top:
