/*
 * apic/host.h: what every part of the apic library shares: the status enum, the
 * host services a kernel injects, the reference clock used for calibration and the
 * interrupt-pin attributes (polarity, trigger) common to the LAPIC, the I/O APIC
 * and the MADT.
 *
 * The library never executes RDMSR, CPUID, IN/OUT or touches MMIO itself: every
 * access goes through struct apic_host, so a host test passes register models
 * and a kernel passes apic_host_x86 (apic/backend.h). Each device needs only some
 * of the callbacks; the header of each device says which. The functions that
 * return a status check the callbacks they use (APIC_INVALID_ARGUMENT when one
 * is NULL); the plain accessors (no status) trust a device struct that its init
 * function accepted.
 */
#ifndef APIC_HOST_H
#define APIC_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "apic/version.h"

#define APIC_MUST_USE __attribute__((warn_unused_result))

enum apic_status {
    APIC_OK = 0,
    APIC_INVALID_ARGUMENT = 1,  /* NULL pointer, missing host callback, value out of its field */
    APIC_NOT_SUPPORTED = 2,     /* the CPU or device lacks the feature (CPUID, capability bits) */
    APIC_BAD_TRANSITION = 3,    /* an IA32_APIC_BASE change the SDM forbids (it would #GP) */
    APIC_TIMEOUT = 4,           /* a bounded wait ran out of its spin limit */
    APIC_NOT_FOUND = 5,         /* no I/O APIC owns the GSI; a CPUID leaf is absent */
    APIC_OUT_OF_RANGE = 6,      /* pin, comparator or LVT entry beyond what the device has */
    APIC_BAD_HARDWARE = 7,      /* the device reads all ones or reports an impossible value */
    APIC_WRONG_MODE = 8,        /* the operation needs the other LAPIC mode (or an enabled one) */
    APIC_CALIBRATION_FAILED = 9 /* the reference clock or the measured counter did not advance */
};

/* A short name for STATUS ("APIC_TIMEOUT"); "APIC_UNKNOWN" for other values. */
const char *apic_status_str(enum apic_status status);

/* Host services. CTX is passed back to every callback. MMIO addresses are the
 * kernel's virtual addresses of the mapped (uncached) register pages; each
 * access is exactly one access of the named width, never split or merged. */
struct apic_host {
    void *ctx;
    uint32_t (*mmio_read32)(void *ctx, uintptr_t addr);
    void (*mmio_write32)(void *ctx, uintptr_t addr, uint32_t value);
    /* Optional single 64-bit read (HPET main counter); NULL: two 32-bit reads. */
    uint64_t (*mmio_read64)(void *ctx, uintptr_t addr);
    uint64_t (*rdmsr)(void *ctx, uint32_t msr);
    void (*wrmsr)(void *ctx, uint32_t msr, uint64_t value);
    /* CPUID with EAX = LEAF, ECX = SUBLEAF: out[0..3] = EAX, EBX, ECX, EDX. */
    void (*cpuid)(void *ctx, uint32_t leaf, uint32_t subleaf, uint32_t out[4]);
    uint64_t (*rdtsc)(void *ctx);
    uint8_t (*inb)(void *ctx, uint16_t port);
    void (*outb)(void *ctx, uint16_t port, uint8_t value);
    /* Busy-wait at least US microseconds (INIT-SIPI-SIPI). */
    void (*delay_us)(void *ctx, uint32_t us);
};

/* A free-running reference counter of known frequency for calibration: the ACPI
 * PM timer (3579545 Hz, mask 0xFFFFFF or 0xFFFFFFFF), the HPET main counter
 * (apic_hpet_ref_clock) or the PIT (apic_pit_ref_clock). READ returns the raw
 * counter; it counts up and wraps at MASK (a power of two minus one); it must
 * be read at least once per wrap, which calibration's polling loop does. */
struct apic_ref_clock {
    void *ctx;
    uint64_t (*read)(void *ctx);
    uint64_t frequency_hz;
    uint64_t mask;
};

/* Input pin polarity and trigger mode, with the bit values of the LVT, the ICR
 * and the I/O APIC redirection entry (SDM Vol. 3A Figure 11-8; 82093AA 3.2.4). */
enum apic_polarity { APIC_POLARITY_ACTIVE_HIGH = 0, APIC_POLARITY_ACTIVE_LOW = 1 };
enum apic_trigger { APIC_TRIGGER_EDGE = 0, APIC_TRIGGER_LEVEL = 1 };

/* Polls of a status bit before a wait gives up with APIC_TIMEOUT. */
#define APIC_DEFAULT_SPIN_LIMIT 1000000u

#endif
