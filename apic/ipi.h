/*
 * apic/ipi.h: inter-processor interrupts through the interrupt command register
 * (SDM Vol. 3A 11.6.1, Figure 11-12; x2APIC 11.12.9 and 11.12.11) and the
 * INIT-SIPI-SIPI start-up of application processors (SDM Vol. 3A 9.4.4.1,
 * "Typical BSP Initialization Sequence" (8.4.4.1 in older editions); Intel
 * MultiProcessor Specification 1.4, B.4).
 *
 * xAPIC: the ICR is two registers; the high word (destination, bits 63:56) is
 * written first, the low-word write sends. The delivery-status bit (12) is
 * polled before and after a send, at most spin_limit times. x2APIC: one WRMSR of
 * the 64-bit ICR (destination in bits 63:32) sends; there is no delivery status.
 * Host callbacks used: those of apic/lapic.h, plus delay_us for the start-up.
 */
#ifndef APIC_IPI_H
#define APIC_IPI_H

#include "apic/lapic.h"

/* ICR low-word fields (SDM Figure 11-12). */
#define APIC_ICR_DELIVERY_SHIFT  8
#define APIC_ICR_LOGICAL         (1u << 11)
#define APIC_ICR_SEND_PENDING    (1u << 12)
#define APIC_ICR_ASSERT          (1u << 14)
#define APIC_ICR_LEVEL           (1u << 15)
#define APIC_ICR_SHORTHAND_SHIFT 18

enum apic_ipi_delivery {
    APIC_IPI_FIXED = 0,
    APIC_IPI_LOWEST_PRIORITY = 1, /* model specific (SDM 11.6.1) */
    APIC_IPI_SMI = 2,
    APIC_IPI_NMI = 4,
    APIC_IPI_INIT = 5,
    APIC_IPI_STARTUP = 6
};

enum apic_ipi_shorthand {
    APIC_SHORTHAND_NONE = 0,
    APIC_SHORTHAND_SELF = 1,
    APIC_SHORTHAND_ALL_INCLUDING_SELF = 2,
    APIC_SHORTHAND_ALL_EXCLUDING_SELF = 3
};

enum apic_dest_mode { APIC_DEST_PHYSICAL = 0, APIC_DEST_LOGICAL = 1 };

struct apic_ipi {
    uint8_t vector;                  /* fixed/lowest: 16..255; STARTUP: page number */
    enum apic_ipi_delivery delivery;
    enum apic_dest_mode dest_mode;
    bool level_assert;               /* level bit 14: false only for INIT de-assert */
    enum apic_trigger trigger;       /* bit 15: level only for INIT de-assert */
    enum apic_ipi_shorthand shorthand;
    uint32_t destination;            /* xAPIC: 0..255 (0xFF broadcast); x2APIC: 32 bits */
};

/* ICR value for IPI in MODE (pure): *low is the xAPIC low word (bits 31:0), *high
 * the xAPIC high word or the x2APIC bits 63:32. APIC_INVALID_ARGUMENT for a
 * field out of range: destination > 255 in xAPIC mode, a fixed or lowest-priority
 * vector < 16, de-assert with anything but INIT (or in x2APIC mode: SDM 11.6.1
 * says Pentium 4 and later processors do not support INIT level de-assert), an
 * unknown enum value. */
APIC_MUST_USE enum apic_status apic_icr_encode(enum apic_lapic_mode mode, const struct apic_ipi *ipi,
                                               uint32_t *low, uint32_t *high);

/* Send IPI. xAPIC: APIC_TIMEOUT when the previous IPI is still pending after
 * spin_limit polls (nothing sent) or the new one does not leave the send-pending
 * state (it was written). APIC_WRONG_MODE when the LAPIC is disabled. */
APIC_MUST_USE enum apic_status apic_lapic_send_ipi(const struct apic_lapic *l,
                                                   const struct apic_ipi *ipi);

/* Common IPIs to one physical destination. */
APIC_MUST_USE enum apic_status apic_lapic_send_fixed(const struct apic_lapic *l, uint32_t dest,
                                                     uint8_t vector);
APIC_MUST_USE enum apic_status apic_lapic_send_nmi(const struct apic_lapic *l, uint32_t dest);
APIC_MUST_USE enum apic_status apic_lapic_send_init(const struct apic_lapic *l, uint32_t dest);
APIC_MUST_USE enum apic_status apic_lapic_send_startup(const struct apic_lapic *l, uint32_t dest,
                                                       uint8_t page);

/* A fixed interrupt to this CPU: the SELF IPI register in x2APIC mode (SDM
 * 11.12.11), the self shorthand in xAPIC mode. */
APIC_MUST_USE enum apic_status apic_lapic_self_ipi(const struct apic_lapic *l, uint8_t vector);

/* Start-up of one AP (or all but this CPU) at physical address trampoline. */
struct apic_startup {
    uint32_t apic_id;        /* physical destination; ignored when broadcast */
    bool broadcast;          /* all excluding self (SDM 9.4.4.1's example) */
    uint32_t trampoline;     /* real-mode entry: 4 KiB aligned, below 1 MiB */
    bool init_deassert;      /* also send INIT level de-assert (SDM 11.6.1: it
                                resets arbitration IDs on P6-era and older APICs;
                                the MP spec's B.4.1 text on it was not checked;
                                not supported by the
                                Pentium 4 and later, SDM 11.6.1; xAPIC mode only) */
    uint32_t init_delay_us;  /* after INIT; 0 means 10000 (10 ms: MP spec 1.4
                                Example B-1, SDM 9.4.4.1 step 15) */
    uint32_t sipi_delay_us;  /* after each SIPI; 0 means 200 (same sources) */
};

/* INIT, wait, STARTUP, wait, STARTUP, wait (MP spec 1.4 B.4, Example B-1, the
 * "universal start-up algorithm"). APIC_INVALID_ARGUMENT when the trampoline
 * is not a 4 KiB page below 1 MiB, its page number lies in the range 0xA0-0xBF
 * that MP spec B.4.2 reserves, or host->delay_us is NULL; send statuses. */
APIC_MUST_USE enum apic_status apic_lapic_start_ap(const struct apic_lapic *l,
                                                   const struct apic_startup *s);

#endif
