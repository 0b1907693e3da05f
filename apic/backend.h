/*
 * apic/backend.h: the ready-made host for real x86 hardware (x86_64 and i686).
 *
 *   apic_host_x86   MMIO through volatile/access.h, RDMSR/WRMSR and CPUID through
 *                   x86_64/registers.h and x86_64/cpuid.h, RDTSC, IN/OUT through
 *                   x86_64/port.h, and delay_us on PIT channel 2 (apic_pit_delay_us;
 *                   an HPET- or TSC-based delay can replace it in a copy).
 *                   mmio_read64 is a single 64-bit load on x86_64 and NULL on
 *                   i686, where the HPET code then uses the hi-lo-hi rule.
 * Its ctx is unused. A kernel needs two lines:
 *     struct apic_lapic lapic;
 *     if (apic_lapic_init(&lapic, &apic_host_x86, lapic_virt) != APIC_OK) { ... }
 * MMIO addresses are virtual: map the LAPIC, I/O APIC and HPET pages uncached.
 * On other architectures this header declares nothing.
 */
#ifndef APIC_BACKEND_H
#define APIC_BACKEND_H

#include "apic/host.h"

#if defined(__x86_64__) || defined(__i386__)
extern const struct apic_host apic_host_x86;
#endif

#endif
