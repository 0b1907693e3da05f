/* IDT gate encoding: Intel SDM Vol. 3A, 6.11 (Figure 6-2) and 6.14.1 (Figure 6-8). */
#include "x86_64/idt.h"

bool x86_exception_has_error_code(unsigned vector)
{
    switch (vector) {
    case X86_EXC_DF:
    case X86_EXC_TS:
    case X86_EXC_NP:
    case X86_EXC_SS:
    case X86_EXC_GP:
    case X86_EXC_PF:
    case X86_EXC_AC:
    case X86_EXC_CP:
    case X86_EXC_VC:
    case X86_EXC_SX:
        return true;
    default:
        return false;
    }
}

static bool gate_args_ok(enum x86_gate_type type, unsigned dpl)
{
    return (type == X86_GATE_INTERRUPT || type == X86_GATE_TRAP) && dpl <= 3;
}

enum x86_status x86_idt_gate_make(uint64_t handler, uint16_t selector, enum x86_gate_type type,
                                  unsigned dpl, unsigned ist, struct x86_idt_gate *out)
{
    if (!gate_args_ok(type, dpl) || ist > 7) {
        return X86_BAD_ARGUMENT;
    }
    out->offset_low = (uint16_t)handler;
    out->selector = selector;
    out->ist = (uint8_t)ist;
    out->type_attributes = (uint8_t)(X86_GATE_PRESENT | (dpl << X86_GATE_DPL_SHIFT) | type);
    out->offset_mid = (uint16_t)(handler >> 16);
    out->offset_high = (uint32_t)(handler >> 32);
    out->reserved = 0;
    return X86_OK;
}

uint64_t x86_idt_gate_handler(const struct x86_idt_gate *gate)
{
    return (uint64_t)gate->offset_low | ((uint64_t)gate->offset_mid << 16) |
           ((uint64_t)gate->offset_high << 32);
}

enum x86_status x86_idt_gate32_make(uint32_t handler, uint16_t selector, enum x86_gate_type type,
                                    unsigned dpl, struct x86_idt_gate32 *out)
{
    if (!gate_args_ok(type, dpl)) {
        return X86_BAD_ARGUMENT;
    }
    out->offset_low = (uint16_t)handler;
    out->selector = selector;
    out->zero = 0;
    out->type_attributes = (uint8_t)(X86_GATE_PRESENT | (dpl << X86_GATE_DPL_SHIFT) | type);
    out->offset_high = (uint16_t)(handler >> 16);
    return X86_OK;
}

void x86_idt_init(struct x86_idt *idt)
{
    for (unsigned i = 0; i < X86_IDT_VECTORS; i++) {
        idt->gates[i] = (struct x86_idt_gate){ 0, 0, 0, 0, 0, 0, 0 };
    }
}

enum x86_status x86_idt_set(struct x86_idt *idt, unsigned vector, uint64_t handler,
                            uint16_t selector, enum x86_gate_type type, unsigned dpl, unsigned ist)
{
    if (vector >= X86_IDT_VECTORS) {
        return X86_BAD_ARGUMENT;
    }
    struct x86_idt_gate gate;
    enum x86_status status = x86_idt_gate_make(handler, selector, type, dpl, ist, &gate);
    if (status == X86_OK) {
        idt->gates[vector] = gate;
    }
    return status;
}
