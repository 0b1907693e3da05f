/* GDT, IDT, TSS and interrupt-stub encodings against the Intel SDM Vol. 3A bit
 * layouts: Figure 3-8 (segment descriptor), Figure 7-4 (16-byte TSS descriptor),
 * Figure 6-8 (64-bit gate), Figure 6-2 (32-bit gate), Figure 7-11 (64-bit TSS),
 * Table 6-1 (error codes), 5.8.8 (SYSRET selectors), and the x86 opcodes
 * 6A ib (PUSH imm8), 68 id (PUSH imm32), E9/EB (JMP) for the stubs. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "x86_64/gdt.h"
#include "x86_64/idt.h"
#include "x86_64/isr.h"
#include "x86_64/tss.h"

static void test_flat_descriptors(void **state)
{
    (void)state;
    /* The well-known flat 64-bit kernel code descriptor: P, DPL 0, S, type
     * execute/read (0x9A), G and L (0xA), limit 0xFFFFF. */
    uint64_t code = x86_desc_make(0, 0xFFFFF,
                                  X86_DESC_PRESENT | X86_DESC_USER_SEGMENT | X86_DESC_EXECUTABLE |
                                      X86_DESC_READABLE | X86_DESC_LONG_MODE | X86_DESC_GRANULARITY);
    assert_int_equal(code, UINT64_C(0x00AF9A000000FFFF));
    assert_int_equal(X86_DESC_KERNEL_CODE64, UINT64_C(0x00AF9A000000FFFF));
    /* Flat data: type read/write (0x92), G and D/B (0xC). */
    uint64_t data = x86_desc_make(0, 0xFFFFF,
                                  X86_DESC_PRESENT | X86_DESC_USER_SEGMENT | X86_DESC_WRITABLE |
                                      X86_DESC_DEFAULT_SIZE | X86_DESC_GRANULARITY);
    assert_int_equal(data, UINT64_C(0x00CF92000000FFFF));
    assert_int_equal(X86_DESC_KERNEL_DATA, data);
    /* DPL 3 sets bits 46:45: 0x9A -> 0xFA, 0x92 -> 0xF2. */
    assert_int_equal(X86_DESC_USER_CODE64, code | X86_DESC_DPL(3));
    assert_int_equal(X86_DESC_USER_DATA, data | X86_DESC_DPL(3));
    assert_int_equal(X86_DESC_USER_CODE64, UINT64_C(0x00AFFA000000FFFF));
    /* 32-bit flat code for an i686 entry: D/B instead of L. */
    assert_int_equal(X86_DESC_KERNEL_CODE32, UINT64_C(0x00CF9A000000FFFF));
    assert_int_equal(x86_desc_dpl(X86_DESC_USER_DATA), 3);
    assert_int_equal(x86_desc_dpl(X86_DESC_KERNEL_DATA), 0);
}

static void test_base_limit(void **state)
{
    (void)state;
    uint64_t d = x86_desc_make(0x12345678, 0xABCDE, X86_DESC_PRESENT | X86_DESC_USER_SEGMENT);
    /* base 31:24 | flags+limit 19:16 | access | base 23:16 | base 15:0 | limit 15:0 */
    assert_int_equal(d, UINT64_C(0x120A90345678BCDE));
    assert_int_equal(x86_desc_base(d), 0x12345678);
    assert_int_equal(x86_desc_limit(d), 0xABCDE);
}

static void test_tss_descriptor(void **state)
{
    (void)state;
    uint64_t d[2];
    x86_desc_tss64(UINT64_C(0xFFFF800012345678), 103, d);
    /* Type 9 (available 64-bit TSS), P, DPL 0, byte granularity, limit 0x67. */
    assert_int_equal(d[0], UINT64_C(0x1200893456780067));
    assert_int_equal(d[1], UINT64_C(0x00000000FFFF8000));
}

static void test_standard_gdt(void **state)
{
    (void)state;
    struct x86_gdt gdt;
    struct x86_gdt_selectors sel;
    x86_gdt_build_standard(&gdt, 0x1000, X86_TSS_LIMIT, &sel);
    assert_int_equal(gdt.count, 7);
    assert_int_equal(gdt.entries[0], 0);
    assert_int_equal(gdt.entries[1], UINT64_C(0x00AF9A000000FFFF));
    assert_int_equal(gdt.entries[2], UINT64_C(0x00CF92000000FFFF));
    assert_int_equal(gdt.entries[3], UINT64_C(0x00CFF2000000FFFF));
    assert_int_equal(gdt.entries[4], UINT64_C(0x00AFFA000000FFFF));
    assert_int_equal(gdt.entries[5], UINT64_C(0x0000890010000067));
    assert_int_equal(gdt.entries[6], 0);
    assert_int_equal(sel.kernel_code, 0x08);
    assert_int_equal(sel.kernel_data, 0x10);
    assert_int_equal(sel.user_data, 0x1B);
    assert_int_equal(sel.user_code, 0x23);
    assert_int_equal(sel.tss, 0x28);
    /* SYSCALL CS = STAR[47:32]; 64-bit SYSRET: CS = STAR[63:48] + 16, SS = + 8. */
    uint64_t star = x86_gdt_star(&sel);
    assert_int_equal((star >> 32) & 0xFFFF, 0x08);
    assert_int_equal((((star >> 48) & 0xFFFF) + 16) | 3, sel.user_code);
    assert_int_equal((((star >> 48) & 0xFFFF) + 8) | 3, sel.user_data);
}

static void test_gdt_builder(void **state)
{
    (void)state;
    struct x86_gdt gdt;
    x86_gdt_init(&gdt);
    uint16_t s;
    assert_int_equal(x86_gdt_add(&gdt, X86_DESC_USER_CODE32, &s), X86_OK);
    assert_int_equal(s, 0x0B); /* index 1, RPL 3 from the descriptor's DPL */
    assert_int_equal(x86_gdt_add_tss(&gdt, 0x5000, 103, &s), X86_OK);
    assert_int_equal(s, 0x10);
    assert_int_equal(gdt.count, 4);
    while (gdt.count < X86_GDT_MAX - 1) {
        assert_int_equal(x86_gdt_add(&gdt, 0, &s), X86_OK);
    }
    assert_int_equal(x86_gdt_add_tss(&gdt, 0, 103, &s), X86_TABLE_FULL);
    assert_int_equal(x86_gdt_add(&gdt, 0, &s), X86_OK);
    assert_int_equal(x86_gdt_add(&gdt, 0, &s), X86_TABLE_FULL);
    assert_int_equal(x86_selector(5, 3), 0x2B);
    assert_int_equal(x86_selector_index(0x2B), 5);
    assert_int_equal(x86_selector_rpl(0x2B), 3);
}

static void test_idt_gates(void **state)
{
    (void)state;
    struct x86_idt_gate g;
    assert_int_equal(x86_idt_gate_make(UINT64_C(0xFFFFFFFF80101234), 0x08, X86_GATE_INTERRUPT, 0, 1, &g),
                     X86_OK);
    static const uint8_t want[16] = { 0x34, 0x12, 0x08, 0x00, 0x01, 0x8E, 0x10, 0x80,
                                      0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00 };
    assert_memory_equal(&g, want, 16);
    assert_int_equal(x86_idt_gate_handler(&g), UINT64_C(0xFFFFFFFF80101234));
    assert_true(x86_idt_gate_present(&g));
    /* Trap gate, DPL 3: P | DPL 3 | type F = 0xEF. */
    assert_int_equal(x86_idt_gate_make(0x1000, 0x08, X86_GATE_TRAP, 3, 0, &g), X86_OK);
    assert_int_equal(g.type_attributes, 0xEF);
    assert_int_equal(x86_idt_gate_make(0, 8, X86_GATE_TRAP, 4, 0, &g), X86_BAD_ARGUMENT);
    assert_int_equal(x86_idt_gate_make(0, 8, X86_GATE_TRAP, 0, 8, &g), X86_BAD_ARGUMENT);
    assert_int_equal(x86_idt_gate_make(0, 8, (enum x86_gate_type)0xC, 0, 0, &g), X86_BAD_ARGUMENT);

    struct x86_idt_gate32 g32;
    assert_int_equal(x86_idt_gate32_make(0x00101234, 0x08, X86_GATE_INTERRUPT, 0, &g32), X86_OK);
    static const uint8_t want32[8] = { 0x34, 0x12, 0x08, 0x00, 0x00, 0x8E, 0x10, 0x00 };
    assert_memory_equal(&g32, want32, 8);
    assert_int_equal(x86_idt_gate32_make(0, 8, X86_GATE_INTERRUPT, 5, &g32), X86_BAD_ARGUMENT);

    static struct x86_idt idt;
    x86_idt_init(&idt);
    assert_false(x86_idt_gate_present(&idt.gates[14]));
    assert_int_equal(x86_idt_set(&idt, 14, 0xABCDEF, 0x08, X86_GATE_INTERRUPT, 0, 2), X86_OK);
    assert_int_equal(x86_idt_gate_handler(&idt.gates[14]), 0xABCDEF);
    assert_int_equal(idt.gates[14].ist, 2);
    assert_int_equal(x86_idt_set(&idt, 256, 0, 0x08, X86_GATE_INTERRUPT, 0, 0), X86_BAD_ARGUMENT);
    assert_int_equal(x86_idt_set(&idt, 3, 0, 0x08, X86_GATE_INTERRUPT, 0, 9), X86_BAD_ARGUMENT);
    assert_false(x86_idt_gate_present(&idt.gates[3]));
}

/* Table 6-1 plus AMD's #VC (29) and #SX (30). */
static bool pushes_error_code(unsigned v)
{
    return v == 8 || (v >= 10 && v <= 14) || v == 17 || v == 21 || v == 29 || v == 30;
}

static void test_error_codes(void **state)
{
    (void)state;
    for (unsigned v = 0; v < 256; v++) {
        assert_int_equal(x86_exception_has_error_code(v), pushes_error_code(v));
    }
    assert_int_equal(X86_EXC_PF, 14);
    assert_int_equal(X86_EXC_GP, 13);
    assert_int_equal(X86_EXC_DF, 8);
    assert_int_equal(X86_EXC_BP, 3);
    /* Page-fault error code, Figure 4-12: P W/R U/S RSVD I/D PK SS at bits 0-6. */
    assert_int_equal(X86_PF_PRESENT | X86_PF_WRITE | X86_PF_USER | X86_PF_RESERVED |
                         X86_PF_INSTRUCTION | X86_PF_PROTECTION_KEY | X86_PF_SHADOW_STACK,
                     0x7F);
    assert_int_equal(X86_PF_SGX, 0x8000);
}

static void test_tss_layout(void **state)
{
    (void)state;
    assert_int_equal(offsetof(struct x86_tss, rsp), 4);
    assert_int_equal(offsetof(struct x86_tss, ist), 0x24);
    assert_int_equal(offsetof(struct x86_tss, iomap_base), 0x66);
    struct x86_tss tss;
    memset(&tss, 0xFF, sizeof(tss));
    x86_tss_init(&tss);
    assert_int_equal(tss.iomap_base, 104);
    assert_int_equal(tss.rsp[0], 0);
    assert_int_equal(tss.ist[6], 0);
    assert_int_equal(X86_TSS_LIMIT, 103);
}

static void test_frame_layout(void **state)
{
    (void)state;
    /* 15 registers, then the vector and error code, then the CPU's frame. */
    assert_int_equal(offsetof(struct x86_isr_frame, r15), 0);
    assert_int_equal(offsetof(struct x86_isr_frame, rax), 14 * 8);
    assert_int_equal(offsetof(struct x86_isr_frame, vector), 15 * 8);
    assert_int_equal(offsetof(struct x86_isr_frame, error_code), 16 * 8);
    assert_int_equal(offsetof(struct x86_isr_frame, rip), 17 * 8);
    assert_int_equal(offsetof(struct x86_isr_frame, cs), 18 * 8);
    assert_int_equal(offsetof(struct x86_isr_frame, ss), 21 * 8);
    assert_int_equal(sizeof(struct x86_interrupt_stack_frame),
                     sizeof(struct x86_isr_frame) - offsetof(struct x86_isr_frame, rip));
}

static void test_stubs(void **state)
{
    (void)state;
    for (unsigned v = 0; v < 256; v++) {
        const uint8_t *stub = &x86_isr_stubs[v * 16];
        assert_int_equal(x86_isr_stub_table[v], (uintptr_t)stub);
        size_t at = 0;
        if (!pushes_error_code(v)) {
            /* PUSH imm8 0: the placeholder error code. */
            assert_int_equal(stub[at], 0x6A);
            assert_int_equal(stub[at + 1], 0x00);
            at += 2;
        }
        if (v < 128) {
            assert_int_equal(stub[at], 0x6A); /* PUSH imm8 (sign-extended) */
            assert_int_equal(stub[at + 1], v);
            at += 2;
        } else {
            uint32_t imm;
            assert_int_equal(stub[at], 0x68); /* PUSH imm32 */
            memcpy(&imm, &stub[at + 1], 4);
            assert_int_equal(imm, v);
            at += 5;
        }
        assert_true(stub[at] == 0xE9 || stub[at] == 0xEB); /* JMP to the common path */
        size_t len = stub[at] == 0xE9 ? 5 : 2;
        int32_t rel;
        if (len == 5) {
            memcpy(&rel, &stub[at + 1], 4);
        } else {
            rel = (int8_t)stub[at + 1];
        }
        /* Every stub jumps to the same place, past the 4 KiB of stubs. */
        uintptr_t target = (uintptr_t)&stub[at + len] + (uintptr_t)(intptr_t)rel;
        assert_int_equal(target, (uintptr_t)x86_isr_stubs + 4096);
    }
}

static void record(struct x86_isr_frame *frame)
{
    (void)frame;
}

static void test_dispatcher(void **state)
{
    (void)state;
    assert_null(x86_isr_dispatcher);
    x86_isr_set_dispatcher(record);
    assert_ptr_equal(x86_isr_dispatcher, record);
    x86_isr_set_dispatcher(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_flat_descriptors), cmocka_unit_test(test_base_limit),
        cmocka_unit_test(test_tss_descriptor),   cmocka_unit_test(test_standard_gdt),
        cmocka_unit_test(test_gdt_builder),      cmocka_unit_test(test_idt_gates),
        cmocka_unit_test(test_error_codes),      cmocka_unit_test(test_tss_layout),
        cmocka_unit_test(test_frame_layout),     cmocka_unit_test(test_stubs),
        cmocka_unit_test(test_dispatcher),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
