/* Interrupt entry stubs for all 256 vectors and the common path to the C
 * dispatcher; the frame layout is struct x86_isr_frame in isr.h.
 * Intel SDM Vol. 3A, 6.14 (64-bit interrupt handling) and Table 6-1 (which
 * exceptions push an error code). Assembles to nothing outside x86_64. */
#if defined(__x86_64__)

/* Offset of the saved CS once the stub pushed vector and error code: vector 0,
 * error code 8, RIP 16, CS 24. After the 15 registers it is 24 + 120. */
#define CS_BEFORE_REGS 24
#define CS_AFTER_REGS (24 + 15 * 8)

    .text

/* One stub per vector, each padded to 16 bytes so the table can be computed.
 * Vectors 8, 10-14, 17, 21, 29 and 30 come with an error code from the CPU. */
    .p2align 4
    .globl x86_isr_stubs
    .type x86_isr_stubs, @function
x86_isr_stubs:
    .set vector, 0
    .rept 256
    /* .org cannot move backwards: the assembler stops if a stub outgrows 16 bytes. */
    .org x86_isr_stubs + 16 * vector, 0xCC
    .set has_error_code, 0
    .irp error_vector, 8, 10, 11, 12, 13, 14, 17, 21, 29, 30
    .if vector == \error_vector
    .set has_error_code, 1
    .endif
    .endr
    .if has_error_code == 0
    pushq $0
    .endif
    pushq $vector
    jmp x86_isr_common
    .set vector, vector + 1
    .endr
    .org x86_isr_stubs + 16 * 256, 0xCC
    .size x86_isr_stubs, . - x86_isr_stubs

.macro push_regs regs:vararg
    .irp reg, \regs
    pushq %\reg
    .endr
.endm

.macro pop_regs regs:vararg
    .irp reg, \regs
    popq %\reg
    .endr
.endm

    .p2align 4
    .type x86_isr_common, @function
x86_isr_common:
    testb $3, CS_BEFORE_REGS(%rsp)
    jz 1f
    swapgs
1:
    push_regs rax, rbx, rcx, rdx, rsi, rdi, rbp, r8, r9, r10, r11, r12, r13, r14, r15
    cld
    movq %rsp, %rdi
    movq x86_isr_dispatcher(%rip), %rax
    testq %rax, %rax
    jz 3f
    /* 176 bytes pushed onto a 16-byte aligned stack: RSP is aligned here. */
    call *%rax
    pop_regs r15, r14, r13, r12, r11, r10, r9, r8, rbp, rdi, rsi, rdx, rcx, rbx, rax
    testb $3, CS_BEFORE_REGS(%rsp)
    jz 2f
    swapgs
2:
    addq $16, %rsp
    iretq
3:
    cli
    hlt
    jmp 3b
    .size x86_isr_common, . - x86_isr_common

/* Addresses of the stubs, for IDT gates. */
    .section .data.rel.ro, "aw"
    .p2align 3
    .globl x86_isr_stub_table
    .type x86_isr_stub_table, @object
x86_isr_stub_table:
    .set vector, 0
    .rept 256
    .quad x86_isr_stubs + 16 * vector
    .set vector, vector + 1
    .endr
    .size x86_isr_stub_table, . - x86_isr_stub_table

    .bss
    .p2align 3
    .globl x86_isr_dispatcher
    .type x86_isr_dispatcher, @object
x86_isr_dispatcher:
    .zero 8
    .size x86_isr_dispatcher, 8

    .section .note.GNU-stack, "", @progbits
#endif
