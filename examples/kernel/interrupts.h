/* The kernel's own descriptor tables, built with x86_64/: a GDT with the
 * standard 64-bit segments and a TSS whose IST1 is a separate stack for double
 * faults, and an IDT whose 32 exception gates lead through x86_64/isr.S to one
 * dispatcher. The caller owns the struct; it must stay in memory while loaded. */
#ifndef KERNEL_INTERRUPTS_H
#define KERNEL_INTERRUPTS_H

#include "x86_64/gdt.h"
#include "x86_64/idt.h"
#include "x86_64/isr.h"
#include "x86_64/tss.h"

/* The IST slot (1-7) of the double-fault gate. */
#define INTERRUPTS_DOUBLE_FAULT_IST 1

struct cpu_tables {
    struct x86_gdt gdt;
    struct x86_tss tss;
    struct x86_idt idt;
    struct x86_gdt_selectors selectors;
};

/* Builds and loads GDT, TSS and IDT (exceptions 0-31; #DF on its IST stack
 * DOUBLE_FAULT_STACK_TOP) and makes DISPATCH the handler. Returns the first
 * x86_idt_set failure (nothing is loaded then). */
enum x86_status interrupts_init(struct cpu_tables *t, uint64_t double_fault_stack_top,
                                x86_isr_dispatch_fn dispatch);

/* The name of an exception vector ("page fault" ...), "exception" for others. */
const char *interrupts_exception_name(uint64_t vector);

#endif
