/* 32-bit entry of the demo kernel (Multiboot2 i386 machine state, Multiboot2
 * spec 3.3): check for long mode, build the initial page tables, enable long
 * mode and jump to kernel_main(magic, mbi_physical) in the higher half.
 *
 * Initial tables (Intel SDM Vol. 3A 4.5): identity map of 0-4 GiB and the
 * first GiB again at -2 GiB (KERNEL_VMA of linker.ld, PML4 slot 511, PDPT
 * slot 510), all with 2 MiB pages. kernel_main
 * replaces them with its own tables built by the x86_64 mapper. */

/* CPUID, control-register, EFER and RFLAGS constants come from the x86_64
 * library, whose headers are usable from assembly (Intel SDM Vol. 2A, CPUID;
 * Vol. 3A 2.5, 4.1). */
#include "x86_64/cpuid.h"
#include "x86_64/registers.h"

#define PTE_PRESENT_RW   0x03
#define PTE_HUGE         0x80

#define COM1             0x3F8
#define ISA_DEBUG_EXIT   0xF4

    .section .boot.text, "ax"
    .code32
    .global _start
_start:
    cli
    cld
    mov $boot_stack_top, %esp
    mov %eax, boot_magic        /* kernel_main's arguments, reloaded in long mode */
    mov %ebx, boot_mbi

    /* CPUID exists when EFLAGS.ID can be toggled (SDM Vol. 1 3.4.3.3). */
    pushfl
    pop %eax
    mov %eax, %ecx
    xor $X86_RFLAGS_ID, %eax
    push %eax
    popfl
    pushfl
    pop %eax
    push %ecx
    popfl
    xor %ecx, %eax
    jz no_long_mode

    mov $X86_CPUID_EXT_MAX_LEAF, %eax
    cpuid
    cmp $X86_CPUID_EXT_FEATURES, %eax
    jb no_long_mode
    mov $X86_CPUID_EXT_FEATURES, %eax
    cpuid
    bt $X86_CPUID_EXT_EDX_LM, %edx
    jnc no_long_mode
    mov %edx, %ebp              /* keep the feature bits for NXE below */

    /* Zero the seven table pages, then fill them. */
    mov $boot_pml4, %edi
    xor %eax, %eax
    mov $(7 * 4096 / 4), %ecx
    rep stosl

    mov $boot_pml4, %edi
    mov $boot_pdpt_low, %eax
    or $PTE_PRESENT_RW, %eax
    mov %eax, 0(%edi)                   /* PML4[0]   -> identity PDPT */
    mov $boot_pdpt_high, %eax
    or $PTE_PRESENT_RW, %eax
    mov %eax, (511 * 8)(%edi)           /* PML4[511] -> -512 GiB .. 0 */

    mov $boot_pdpt_low, %edi
    mov $boot_pd, %eax
    or $PTE_PRESENT_RW, %eax
    mov $4, %ecx
1:  mov %eax, (%edi)
    add $4096, %eax
    add $8, %edi
    loop 1b

    mov $boot_pd, %eax
    or $PTE_PRESENT_RW, %eax
    mov %eax, (boot_pdpt_high + 510 * 8) /* -2 GiB -> physical 0 */

    /* 2048 2 MiB pages: physical 0 .. 4 GiB. */
    mov $boot_pd, %edi
    mov $(PTE_PRESENT_RW | PTE_HUGE), %eax
    xor %edx, %edx
    mov $2048, %ecx
2:  mov %eax, 0(%edi)
    mov %edx, 4(%edi)
    add $0x200000, %eax
    adc $0, %edx
    add $8, %edi
    loop 2b

    /* Enable long mode (SDM Vol. 3A 9.8.5). */
    mov %cr4, %eax
    or $X86_CR4_PAE, %eax
    mov %eax, %cr4
    mov $boot_pml4, %eax
    mov %eax, %cr3
    mov $X86_MSR_EFER, %ecx
    rdmsr
    or $X86_EFER_LME, %eax
    bt $X86_CPUID_EXT_EDX_NX, %ebp
    jnc 3f
    or $X86_EFER_NXE, %eax
3:  wrmsr
    mov %cr0, %eax
    or $(X86_CR0_PE | X86_CR0_WP | X86_CR0_PG), %eax
    mov %eax, %cr0

    lgdt boot_gdt_pointer
    ljmp $0x08, $long_mode_entry

no_long_mode:
    mov $no_long_mode_message, %ebx
4:  movb (%ebx), %al
    test %al, %al
    jz 5f
    mov $COM1, %dx
    outb %al, %dx
    inc %ebx
    jmp 4b
5:  /* Leave QEMU with the kernel's failure code (qemu_exit_failure: code 1
     * to isa-debug-exit, 4 bytes at 0xF4); on other machines, halt. */
    mov $ISA_DEBUG_EXIT, %dx
    mov $1, %eax
    outl %eax, %dx
6:  hlt
    jmp 6b

    .code64
long_mode_entry:
    mov $0x10, %eax
    mov %eax, %ds
    mov %eax, %es
    mov %eax, %ss
    xor %eax, %eax
    mov %eax, %fs
    mov %eax, %gs
    movl boot_magic, %edi       /* zero-extended: kernel_main(magic, mbi) */
    movl boot_mbi, %esi
    movabs $higher_half_entry, %rax
    jmp *%rax

    .section .boot.data, "a"
    .balign 8
/* Temporary GDT: null, 64-bit code, data. kernel_main loads its own. */
boot_gdt:
    .quad 0
    .quad 0x00AF9A000000FFFF
    .quad 0x00CF92000000FFFF
boot_gdt_end:
boot_gdt_pointer:
    .word boot_gdt_end - boot_gdt - 1
    .long boot_gdt
no_long_mode_message:
    .asciz "demo kernel: this CPU has no long mode\r\n"

    .section .boot.bss, "aw", @nobits
    .global boot_pml4           /* the APs' first tables too (trampoline.S) */
    .balign 4096
boot_pml4:      .skip 4096
boot_pdpt_low:  .skip 4096
boot_pdpt_high: .skip 4096
boot_pd:        .skip 4 * 4096
boot_stack:     .skip 4096
boot_stack_top:
boot_magic:     .skip 4
boot_mbi:       .skip 4

    .text
higher_half_entry:
    movabs $kernel_stack_top, %rsp
    xor %ebp, %ebp
    call kernel_main
7:  cli
    hlt
    jmp 7b

    .bss
    .balign 16
kernel_stack:   .skip 65536
    .global kernel_stack_top
kernel_stack_top:
