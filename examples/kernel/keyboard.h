/* The PS/2 keyboard (ps2/) on IRQ 1, routed through the MADT's interrupt
 * source overrides (acpi/platform.h) and the I/O APIC (apic/ioapic.h): the
 * 8042 is set up with translation off, the keyboard sends scan-code set 2,
 * the IRQ handler queues the bytes, and the kernel decodes them (US layout)
 * and echoes the characters on COM1 and the framebuffer until Enter or keypad
 * Enter, waiting at most KEYBOARD_WAIT_US of PM-timer time. Before it waits it
 * prints KEYBOARD_MARKER on COM1 only, so a harness knows when to type. */
#ifndef KEYBOARD_H
#define KEYBOARD_H

#include "apic_report.h"
#include "timer.h"

#define KEYBOARD_MARKER "@@OSDEV-KEYS type text, end with Enter\n"
#define KEYBOARD_WAIT_US 20000000u

/* SERIAL_ONLY writes a marker to COM1 alone. */
void keyboard_report(const struct apic_report *r, const struct pm_clock *clock,
                     void (*serial_only)(const char *text));

#endif
