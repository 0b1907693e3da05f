/* A register-level model of an Intel 82093AA I/O APIC for host tests (82093AA
 * datasheet, 3.0 "Register Description"), reached through the apic library's
 * mmio_read32/mmio_write32 host callbacks.
 *
 * IOREGSEL (base + 0x00, bits 7:0 select) and IOWIN (base + 0x10) are the only
 * memory-mapped registers; any other offset, a non-aligned address or an access
 * outside the 32-byte window counts in `bad_access`. Behind them (3.1, 3.2):
 * IOAPICID (0x00, bits 27:24 writable), IOAPICVER (0x01, read only: version and
 * maximum redirection entry), IOAPICARB (0x02, read only), and IOREDTBL[n] at
 * 0x10 + 2n / 0x11 + 2n, reset masked (bit 16); delivery status (bit 12) and
 * remote IRR (bit 14) are read only and keep the model's values. A selected
 * index that names no register reads 0 and counts in `bad_index`. `absent`
 * makes the chip read all ones. Every IOWIN write is logged (index, value). */
#ifndef TESTS_IOAPIC_MODEL_H
#define TESTS_IOAPIC_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "apic/host.h"

#define IOAPIC_MODEL_MAX_PINS 240
#define IOAPIC_MODEL_LOG 1024

struct ioapic_model_write {
    uint8_t index;
    uint32_t value;
};

struct ioapic_model {
    uintptr_t base;
    uint8_t ioregsel;
    uint32_t id;                 /* IOAPICID register value */
    uint32_t arb;
    uint8_t version;
    unsigned pins;               /* maximum redirection entry + 1 */
    uint32_t redtbl[IOAPIC_MODEL_MAX_PINS][2];
    bool absent;
    struct ioapic_model_write log[IOAPIC_MODEL_LOG];
    size_t log_count;
    size_t bad_access;
    size_t bad_index;
};

/* Reset state with PINS entries (24 on the 82093AA), version 0x11, ID ID. */
void ioapic_model_init(struct ioapic_model *m, uintptr_t base, uint8_t id, unsigned pins);
/* A host with mmio_read32/mmio_write32 reaching the model (ctx = m). */
void ioapic_model_host(struct ioapic_model *m, struct apic_host *out);
/* The 64-bit redirection entry of PIN as the model holds it. */
uint64_t ioapic_model_entry(const struct ioapic_model *m, unsigned pin);

#endif
