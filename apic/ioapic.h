/*
 * apic/ioapic.h: the I/O APIC (Intel 82093AA datasheet, 3.0 "Register
 * Description": IOREGSEL/IOWIN indirect access, IOAPICID, IOAPICVER, IOAPICARB,
 * IOREDTBL), and routing a global system interrupt (GSI) to a vector.
 *
 * An I/O APIC serves GSIs gsi_base .. gsi_base + entries - 1 (ACPI MADT 5.2.12.3
 * gives the base). GSI routing takes plain values, so apic/ does not depend on
 * acpi/: for ISA IRQ n, acpi_platform's isa_irqs[n] gives (gsi, polarity,
 * trigger) with the MADT's interrupt source overrides applied; for a PCI device,
 * its _PRT entry or link device does (PCI: active low, level). The README shows
 * the three lines. Host callbacks used: mmio_read32/mmio_write32.
 */
#ifndef APIC_IOAPIC_H
#define APIC_IOAPIC_H

#include "apic/host.h"

/* Memory-mapped registers (3.0) and indirect register indices (3.1, 3.2). */
#define APIC_IOAPIC_IOREGSEL 0x00u
#define APIC_IOAPIC_IOWIN    0x10u
#define APIC_IOAPIC_REG_ID   0x00u
#define APIC_IOAPIC_REG_VER  0x01u
#define APIC_IOAPIC_REG_ARB  0x02u
#define APIC_IOAPIC_REG_REDTBL(pin) (0x10u + 2u * (pin))   /* low word; high is +1 */
#define APIC_IOAPIC_MAX_ENTRIES 120u   /* what an 8-bit IOREGSEL reaches */

/* Redirection entry fields (3.2.4). */
#define APIC_IOAPIC_DELIVERY_SHIFT 8
#define APIC_IOAPIC_LOGICAL        (1u << 11)
#define APIC_IOAPIC_DELIVERY_STATUS (1u << 12)
#define APIC_IOAPIC_ACTIVE_LOW     (1u << 13)
#define APIC_IOAPIC_REMOTE_IRR     (1u << 14)
#define APIC_IOAPIC_LEVEL          (1u << 15)
#define APIC_IOAPIC_MASKED         (1u << 16)

enum apic_ioapic_delivery {
    APIC_IOAPIC_FIXED = 0,
    APIC_IOAPIC_LOWEST_PRIORITY = 1,
    APIC_IOAPIC_SMI = 2,
    APIC_IOAPIC_NMI = 4,
    APIC_IOAPIC_INIT = 5,
    APIC_IOAPIC_EXTINT = 7
};

struct apic_ioapic {
    const struct apic_host *host;
    uintptr_t base;          /* virtual address of IOREGSEL (uncached) */
    uint32_t gsi_base;
    uint8_t id;              /* IOAPICID bits 27:24 */
    uint8_t version;         /* IOAPICVER bits 7:0 (0x11 for the 82093AA) */
    uint8_t entries;         /* maximum redirection entry (bits 23:16) + 1: 1..120 */
};

struct apic_ioapic_redirection {
    uint8_t vector;          /* 0x10..0xFE for fixed and lowest priority (3.2.4) */
    enum apic_ioapic_delivery delivery;
    bool logical;            /* destination mode: false physical, true logical */
    enum apic_polarity polarity;
    enum apic_trigger trigger;
    bool masked;
    uint8_t destination;     /* physical: APIC ID (bits 59:56 on the 82093AA, 63:56
                                later); logical: the set of processors (63:56) */
    bool delivery_pending;   /* read back only: delivery status (bit 12) */
    bool remote_irr;         /* read back only: bit 14 */
};

/* Read the ID and version. APIC_BAD_HARDWARE when the version register reads
 * all ones (nothing mapped there) or claims more than 120 entries, which the
 * 8-bit IOREGSEL cannot address (index 0x10 + 2n + 1 <= 0xFF). */
APIC_MUST_USE enum apic_status apic_ioapic_init(struct apic_ioapic *io, const struct apic_host *host,
                                                uintptr_t base, uint32_t gsi_base);

/* Indirect register access: IOREGSEL = index, then IOWIN. */
uint32_t apic_ioapic_read(const struct apic_ioapic *io, uint8_t index);
void apic_ioapic_write(const struct apic_ioapic *io, uint8_t index, uint32_t value);

/* Set the 4-bit I/O APIC ID (bits 27:24); APIC_INVALID_ARGUMENT above 15. */
APIC_MUST_USE enum apic_status apic_ioapic_set_id(struct apic_ioapic *io, uint8_t id);
uint8_t apic_ioapic_arbitration_id(const struct apic_ioapic *io);

/* Encode/decode one redirection entry as its 64-bit value (pure). Encode:
 * APIC_INVALID_ARGUMENT for an unknown delivery mode, SMI/NMI/INIT/ExtINT not
 * edge-triggered (3.2.4, DELMOD: each of the four requires, or "must be
 * programmed" as, edge trigger), a fixed or lowest-priority vector outside
 * 10h-FEh (3.2.4, INTVEC) on an unmasked entry. */
APIC_MUST_USE enum apic_status apic_ioapic_encode(const struct apic_ioapic_redirection *r,
                                                  uint64_t *value);
void apic_ioapic_decode(uint64_t value, struct apic_ioapic_redirection *out);

/* Program / read / mask one pin (0 .. entries-1). Set writes the low word masked
 * first, then the high word, then the low word, so the entry never fires half
 * written. APIC_OUT_OF_RANGE for a pin beyond the entries. */
APIC_MUST_USE enum apic_status apic_ioapic_set(const struct apic_ioapic *io, unsigned pin,
                                               const struct apic_ioapic_redirection *r);
APIC_MUST_USE enum apic_status apic_ioapic_get(const struct apic_ioapic *io, unsigned pin,
                                               struct apic_ioapic_redirection *out);
APIC_MUST_USE enum apic_status apic_ioapic_mask(const struct apic_ioapic *io, unsigned pin,
                                                bool masked);
/* Mask every pin. */
void apic_ioapic_mask_all(const struct apic_ioapic *io);

/* Which of LIST[0..COUNT) owns GSI: *index set. APIC_NOT_FOUND when none does. */
APIC_MUST_USE enum apic_status apic_ioapic_find(const struct apic_ioapic *list, size_t count,
                                                uint32_t gsi, size_t *index);

/* Route GSI (from a (GSI, polarity, trigger) triple: an ISA IRQ after the MADT's
 * overrides, or a PCI interrupt) to VECTOR, fixed delivery, physical destination
 * APIC ID DEST, unmasked. APIC_NOT_FOUND when no I/O APIC owns GSI. */
APIC_MUST_USE enum apic_status apic_ioapic_route_gsi(const struct apic_ioapic *list, size_t count,
                                                     uint32_t gsi, enum apic_polarity polarity,
                                                     enum apic_trigger trigger, uint8_t vector,
                                                     uint8_t dest);

#endif
