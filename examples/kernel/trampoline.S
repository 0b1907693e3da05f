/* The application processors' way from real mode to the kernel (Intel SDM
 * Vol. 3A 9.4.4 "MP Initialization Example", 9.9 "Mode Switching", 9.8.5
 * "Initializing IA-32e Mode"). smp.c copies smp_trampoline_start ..
 * smp_trampoline_end to a free page below 1 MiB and sends INIT-SIPI-SIPI with
 * that page's number: the AP starts at CS = page << 8, IP = 0, in real mode.
 *
 * 16-bit: EBX = the page's physical address (from CS), load the trampoline's
 * own GDT (its base patched by smp.c), set CR0.PE, far jump into 32-bit code.
 * 32-bit: CR4.PAE, CR3 = boot.S's tables (they identity-map the low page and
 * leave it executable; the kernel's own tables map it no-execute), EFER (LME
 * and NXE as the BSP has them), CR0.PG, far jump into 64-bit code.
 * 64-bit: jump to smp_ap_entry64 in the higher half, which switches to the
 * kernel's CR3 and its per-AP stack and calls smp_ap_main(cpu index).
 * Fields after the code are patched by smp.c in the copy, at their offset
 * from smp_trampoline_start; every address in the blob is relative to EBX. */
#include "x86_64/registers.h"

#define OFFSET(label) ((label) - smp_trampoline_start)

    .section .rodata.trampoline, "a"
    .balign 16
    .global smp_trampoline_start
smp_trampoline_start:
    .code16
    cli
    cld
    xor %ebx, %ebx
    mov %cs, %bx
    mov %bx, %ds
    shl $4, %ebx
    lgdtl OFFSET(tr_gdtr)
    mov %cr0, %eax
    or $X86_CR0_PE, %eax
    mov %eax, %cr0
    ljmpl *OFFSET(smp_tr_far32)

    .code32
    .global smp_tr_protected
smp_tr_protected:
    mov $0x10, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov %cr4, %eax
    or $X86_CR4_PAE, %eax
    mov %eax, %cr4
    mov OFFSET(tr_boot_cr3)(%ebx), %eax
    mov %eax, %cr3
    mov $X86_MSR_EFER, %ecx
    mov OFFSET(smp_tr_efer)(%ebx), %eax
    xor %edx, %edx
    wrmsr
    mov %cr0, %eax
    or $(X86_CR0_PG | X86_CR0_WP), %eax
    mov %eax, %cr0
    ljmpl *OFFSET(smp_tr_far64)(%ebx)

    .code64
    .global smp_tr_long
smp_tr_long:
    movabs $smp_ap_entry64, %rax
    jmp *%rax

    .balign 8
/* null, 64-bit code (0x08), data (0x10), 32-bit code (0x18) */
    .global smp_tr_gdt
smp_tr_gdt:
    .quad 0
    .quad 0x00AF9A000000FFFF
    .quad 0x00CF92000000FFFF
    .quad 0x00CF9A000000FFFF
smp_tr_gdt_end:
    .balign 8
tr_gdtr:
    .word smp_tr_gdt_end - smp_tr_gdt - 1
    .global smp_tr_gdt_base
smp_tr_gdt_base:
    .long 0                     /* patched: page + OFFSET(smp_tr_gdt) */
    .balign 8
    .global smp_tr_far32
smp_tr_far32:
    .long 0                     /* patched: page + OFFSET(smp_tr_protected) */
    .word 0x18
    .balign 8
    .global smp_tr_far64
smp_tr_far64:
    .long 0                     /* patched: page + OFFSET(smp_tr_long) */
    .word 0x08
    .balign 8
tr_boot_cr3:
    .long boot_pml4
    .global smp_tr_efer
smp_tr_efer:
    .long 0                     /* patched: the BSP's EFER.LME and NXE */
    .global smp_tr_kernel_cr3
smp_tr_kernel_cr3:
    .quad 0                     /* patched: the kernel's tables */
    .global smp_tr_stack
smp_tr_stack:
    .quad 0                     /* patched per AP: its stack top */
    .global smp_tr_cpu
smp_tr_cpu:
    .long 0                     /* patched per AP: its index */
    .global smp_trampoline_end
smp_trampoline_end:

    .text
    .code64
smp_ap_entry64:
    mov $0x10, %eax
    mov %eax, %ds
    mov %eax, %es
    mov %eax, %ss
    movl %ebx, %ebx             /* zero-extend: upper halves are undefined after the switch */
    mov OFFSET(smp_tr_kernel_cr3)(%rbx), %rax
    mov %rax, %cr3
    mov OFFSET(smp_tr_stack)(%rbx), %rsp
    movl OFFSET(smp_tr_cpu)(%rbx), %edi
    xor %ebp, %ebp
    call smp_ap_main
1:  cli
    hlt
    jmp 1b
