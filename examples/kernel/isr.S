/* Exception entry stubs for vectors 0-31 (Intel SDM Vol. 3A 6.15, 6.14.2).
 * Every stub leaves the same frame: a vector number and an error code (0 for
 * vectors without one) below the CPU's interrupt frame, then the general
 * registers, and calls interrupt_dispatch(struct interrupt_frame *). The
 * layout matches struct interrupt_frame in interrupts.h. */

    .text

.macro isr_stub vector
isr_stub_\vector:
    /* Vectors that push an error code: #DF 8, #TS 10, #NP 11, #SS 12, #GP 13,
     * #PF 14, #AC 17, #CP 21, #VC 29, #SX 30 (SDM Vol. 3A Table 6-1). */
    .if (\vector == 8) || (\vector == 10) || (\vector == 11) || (\vector == 12) || (\vector == 13) || (\vector == 14) || (\vector == 17) || (\vector == 21) || (\vector == 29) || (\vector == 30)
    .else
    pushq $0
    .endif
    pushq $\vector
    jmp isr_common
.endm

.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    isr_stub \v
.endr

isr_common:
    push %rax
    push %rbx
    push %rcx
    push %rdx
    push %rsi
    push %rdi
    push %rbp
    push %r8
    push %r9
    push %r10
    push %r11
    push %r12
    push %r13
    push %r14
    push %r15
    cld
    mov %rsp, %rdi
    call interrupt_dispatch
    pop %r15
    pop %r14
    pop %r13
    pop %r12
    pop %r11
    pop %r10
    pop %r9
    pop %r8
    pop %rbp
    pop %rdi
    pop %rsi
    pop %rdx
    pop %rcx
    pop %rbx
    pop %rax
    add $16, %rsp               /* vector and error code */
    iretq

    .section .rodata
    .balign 8
    .global isr_stub_table
isr_stub_table:
.irp v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    .quad isr_stub_\v
.endr
