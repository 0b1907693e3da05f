/*
 * apic/lapic.h: the local APIC in xAPIC (MMIO) and x2APIC (MSR) mode behind one
 * interface (Intel SDM Vol. 3A, chapter 11 "Advanced Programmable Interrupt
 * Controller"; chapter 10 in older editions, whose numbers below the chapter
 * are the same). Checked: 11.4.4, 11.5.1, 11.5.4, Table 11-1 and Figure 11-8
 * in a transcription of the current chapter 11; Table 10-2, 10-6 and Figures
 * 10-8, 10-10, 10-12, 10-20, 10-27 (10-28 as Table 10-6 refers to it) in the
 * 2016 edition, so 11-x here assumes only the chapter number changed. Figures
 * 11-7 (version), 11-9 (ESR) and 11-23 (SVR) were not seen in either copy;
 * their fields were, in 11.4.8 and 11.8.5 (version bit 24, SVR bit 12) and
 * 11.5.3 (ESR bits), except SVR bits 8 and 9 (11.9, not seen in a copy; they
 * agree with Linux's apicdef.h, as DFR 0xFFFFFFFF flat / 0x0FFFFFFF cluster do).
 *
 * Registers are named by their xAPIC offset (Table 11-1); in x2APIC mode the same
 * register is MSR 0x800 + offset / 16 (Table 11-6), so one offset serves both.
 * Host callbacks used: rdmsr/wrmsr (IA32_APIC_BASE, x2APIC registers), cpuid
 * (detection), mmio_read32/mmio_write32 (xAPIC registers).
 *
 * The struct apic_lapic is the caller's; it describes the LAPIC of the CPU that
 * runs the code (each CPU reaches only its own LAPIC), so keep one per CPU or
 * re-initialise it after a mode change on an AP.
 */
#ifndef APIC_LAPIC_H
#define APIC_LAPIC_H

#include "apic/host.h"

/* Register offsets in the xAPIC page (SDM Table 11-1). */
#define APIC_REG_ID        0x020u
#define APIC_REG_VERSION   0x030u
#define APIC_REG_TPR       0x080u
#define APIC_REG_APR       0x090u  /* xAPIC only */
#define APIC_REG_PPR       0x0A0u
#define APIC_REG_EOI       0x0B0u
#define APIC_REG_RRD       0x0C0u  /* xAPIC only */
#define APIC_REG_LDR       0x0D0u  /* read only in x2APIC mode */
#define APIC_REG_DFR       0x0E0u  /* xAPIC only */
#define APIC_REG_SVR       0x0F0u
#define APIC_REG_ISR0      0x100u  /* ISR: 8 registers, 0x100..0x170 */
#define APIC_REG_TMR0      0x180u  /* TMR: 0x180..0x1F0 */
#define APIC_REG_IRR0      0x200u  /* IRR: 0x200..0x270 */
#define APIC_REG_ESR       0x280u
#define APIC_REG_LVT_CMCI  0x2F0u
#define APIC_REG_ICR_LOW   0x300u  /* the whole 64-bit ICR in x2APIC mode (MSR 0x830) */
#define APIC_REG_ICR_HIGH  0x310u  /* xAPIC only */
#define APIC_REG_LVT_TIMER 0x320u
#define APIC_REG_LVT_THERMAL 0x330u
#define APIC_REG_LVT_PERF  0x340u
#define APIC_REG_LVT_LINT0 0x350u
#define APIC_REG_LVT_LINT1 0x360u
#define APIC_REG_LVT_ERROR 0x370u
#define APIC_REG_TIMER_INITIAL 0x380u
#define APIC_REG_TIMER_CURRENT 0x390u
#define APIC_REG_TIMER_DIVIDE  0x3E0u
#define APIC_REG_SELF_IPI  0x3F0u  /* x2APIC only (MSR 0x83F) */

#define APIC_X2APIC_MSR_BASE 0x800u
#define APIC_X2APIC_MSR(offset) (APIC_X2APIC_MSR_BASE + ((offset) >> 4))
#define APIC_MSR_TSC_DEADLINE 0x6E0u   /* IA32_TSC_DEADLINE (SDM 11.5.4.1) */

/* IA32_APIC_BASE (MSR 0x1B, SDM 11.4.4 and 11.12.1) and the default base. */
#define APIC_DEFAULT_PHYS_BASE 0xFEE00000u

/* Spurious-interrupt vector register (SDM Figure 11-23). */
#define APIC_SVR_ENABLE           (1u << 8)
#define APIC_SVR_FOCUS_DISABLE    (1u << 9)
#define APIC_SVR_EOI_SUPPRESS     (1u << 12)

/* Error status register bits (SDM Figure 11-9). */
#define APIC_ESR_SEND_CHECKSUM    (1u << 0)
#define APIC_ESR_RECEIVE_CHECKSUM (1u << 1)
#define APIC_ESR_SEND_ACCEPT      (1u << 2)
#define APIC_ESR_RECEIVE_ACCEPT   (1u << 3)
#define APIC_ESR_REDIRECTABLE_IPI (1u << 4)
#define APIC_ESR_SEND_ILLEGAL_VECTOR    (1u << 5)
#define APIC_ESR_RECEIVE_ILLEGAL_VECTOR (1u << 6)
#define APIC_ESR_ILLEGAL_REGISTER (1u << 7)

/* LVT entry fields (SDM Figure 11-8). */
#define APIC_LVT_VECTOR_MASK      0xFFu
#define APIC_LVT_DELIVERY_SHIFT   8
#define APIC_LVT_DELIVERY_STATUS  (1u << 12)
#define APIC_LVT_ACTIVE_LOW       (1u << 13)
#define APIC_LVT_REMOTE_IRR       (1u << 14)
#define APIC_LVT_LEVEL            (1u << 15)
#define APIC_LVT_MASKED           (1u << 16)
#define APIC_LVT_TIMER_MODE_SHIFT 17

/* The four states of IA32_APIC_BASE's EN and EXTD bits (SDM 11.12.5.1). */
enum apic_lapic_mode {
    APIC_MODE_DISABLED = 0, /* EN = 0, EXTD = 0 */
    APIC_MODE_XAPIC = 1,    /* EN = 1, EXTD = 0 */
    APIC_MODE_X2APIC = 2,   /* EN = 1, EXTD = 1 */
    APIC_MODE_INVALID = 3   /* EN = 0, EXTD = 1: cannot be entered */
};

/* What CPUID and IA32_APIC_BASE say about this CPU's LAPIC. */
struct apic_lapic_info {
    bool present;             /* CPUID.01H:EDX.APIC[bit 9] */
    bool x2apic_supported;    /* CPUID.01H:ECX.x2APIC[bit 21] */
    bool tsc_deadline;        /* CPUID.01H:ECX.TSC_Deadline[bit 24] */
    bool bsp;                 /* IA32_APIC_BASE.BSP[bit 8] */
    enum apic_lapic_mode mode;
    uint64_t base_phys;       /* IA32_APIC_BASE[MAXPHYADDR-1:12] */
    uint8_t initial_apic_id;  /* CPUID.01H:EBX[31:24] */
    uint32_t x2apic_id;       /* CPUID.0BH:EDX when leaf 0xB exists, else initial_apic_id */
};

struct apic_lapic {
    const struct apic_host *host;
    uintptr_t mmio;           /* virtual address of the xAPIC page (xAPIC mode only) */
    enum apic_lapic_mode mode;
    uint32_t spin_limit;      /* delivery-status polls; 0 means APIC_DEFAULT_SPIN_LIMIT */
};

struct apic_lapic_version {
    uint8_t version;          /* 0x1X: integrated APIC; 0x0X: 82489DX */
    uint8_t max_lvt;          /* number of LVT entries minus one */
    bool eoi_broadcast_suppression; /* bit 24: SVR bit 12 may be set */
};

/* The seven LVT entries (SDM 11.5.1). */
enum apic_lvt_entry {
    APIC_LVT_TIMER = 0,
    APIC_LVT_THERMAL = 1,
    APIC_LVT_PERFORMANCE = 2,
    APIC_LVT_LINT0 = 3,
    APIC_LVT_LINT1 = 4,
    APIC_LVT_ERROR = 5,
    APIC_LVT_CMCI = 6
};

/* LVT delivery modes (bits 10:8). */
enum apic_lvt_delivery {
    APIC_LVT_FIXED = 0,
    APIC_LVT_SMI = 2,
    APIC_LVT_NMI = 4,
    APIC_LVT_INIT = 5,
    APIC_LVT_EXTINT = 7
};

/* LVT timer modes (bits 18:17, SDM Table 11-2). */
enum apic_timer_mode {
    APIC_TIMER_ONE_SHOT = 0,
    APIC_TIMER_PERIODIC = 1,
    APIC_TIMER_TSC_DEADLINE = 2
};

/* One LVT entry. Polarity and trigger exist only on LINT0/LINT1; timer_mode only
 * on the timer; the timer and error entries deliver only fixed interrupts; the
 * thermal, performance and CMCI entries take fixed, SMI and NMI (SDM 11.5.1). */
struct apic_lvt {
    uint8_t vector;            /* 16..255 for fixed delivery; ignored otherwise */
    enum apic_lvt_delivery delivery;
    enum apic_polarity polarity;
    enum apic_trigger trigger; /* LINT0 only; level is ignored for NMI/SMI/INIT */
    bool masked;
    enum apic_timer_mode timer_mode;
    bool delivery_pending;     /* read back: bit 12 (send pending) */
    bool remote_irr;           /* read back: bit 14 (LINT level interrupts) */
};

/* Read CPUID leaves 1 and 0xB and IA32_APIC_BASE. APIC_NOT_SUPPORTED when
 * CPUID says there is no APIC (*out still filled). */
APIC_MUST_USE enum apic_status apic_lapic_detect(const struct apic_host *host,
                                                 struct apic_lapic_info *out);

/* Describe this CPU's LAPIC: reads IA32_APIC_BASE for the current mode. MMIO is
 * where the kernel mapped the base page (uncached); 0 if it uses x2APIC only.
 * APIC_WRONG_MODE when the LAPIC is disabled or xAPIC with MMIO 0 (*l is still
 * set up, so apic_lapic_set_mode can enable it). */
APIC_MUST_USE enum apic_status apic_lapic_init(struct apic_lapic *l, const struct apic_host *host,
                                               uintptr_t mmio);

/* Whether the SDM allows writing IA32_APIC_BASE from mode FROM to mode TO in one
 * step (SDM 11.12.5, Figure 11-27): disabled <-> xAPIC, xAPIC -> x2APIC,
 * x2APIC -> disabled; staying put is allowed. */
bool apic_lapic_transition_allowed(enum apic_lapic_mode from, enum apic_lapic_mode to);

/* Move to mode TARGET by allowed steps only: disabled -> xAPIC -> x2APIC, and
 * x2APIC -> disabled -> xAPIC (after which no register but the ID keeps its
 * state, SDM 11.12.5.1). APIC_NOT_SUPPORTED for x2APIC without CPUID support;
 * APIC_INVALID_ARGUMENT for xAPIC without the MMIO page (l->mmio 0);
 * APIC_BAD_TRANSITION for TARGET INVALID or a current INVALID state. */
APIC_MUST_USE enum apic_status apic_lapic_set_mode(struct apic_lapic *l,
                                                   enum apic_lapic_mode target);

/* Raw register access by xAPIC offset: MMIO in xAPIC mode, MSR in x2APIC mode.
 * The caller must name a register of the current mode (apic_lapic_* check it). */
uint32_t apic_lapic_read(const struct apic_lapic *l, uint32_t offset);
void apic_lapic_write(const struct apic_lapic *l, uint32_t offset, uint32_t value);

/* End of interrupt: one store (xAPIC) or one WRMSR (x2APIC). The hot path. */
static inline void apic_lapic_eoi(const struct apic_lapic *l)
{
    if (l->mode == APIC_MODE_X2APIC) {
        l->host->wrmsr(l->host->ctx, APIC_X2APIC_MSR(APIC_REG_EOI), 0);
    } else {
        l->host->mmio_write32(l->host->ctx, l->mmio + APIC_REG_EOI, 0);
    }
}

/* The APIC ID: x2APIC mode: all 32 bits; xAPIC mode: bits 31:24 of the ID
 * register (apic_lapic_id8 gives the 8-bit form in both modes). */
uint32_t apic_lapic_id(const struct apic_lapic *l);
uint8_t apic_lapic_id8(const struct apic_lapic *l);

void apic_lapic_version(const struct apic_lapic *l, struct apic_lapic_version *out);

/* Task priority (bits 7:4 class, 3:0 subclass) and processor priority (read only). */
void apic_lapic_set_tpr(const struct apic_lapic *l, uint8_t tpr);
uint8_t apic_lapic_tpr(const struct apic_lapic *l);
uint8_t apic_lapic_ppr(const struct apic_lapic *l);

/* Software enable with spurious vector VECTOR and the SVR's flag bits
 * (APIC_SVR_FOCUS_DISABLE, APIC_SVR_EOI_SUPPRESS; the latter needs version bit
 * 24, else APIC_NOT_SUPPORTED). Disable clears bit 8 and keeps the vector. */
APIC_MUST_USE enum apic_status apic_lapic_enable(const struct apic_lapic *l, uint8_t vector,
                                                 uint32_t flags);
void apic_lapic_disable(const struct apic_lapic *l);
bool apic_lapic_enabled(const struct apic_lapic *l);

/* The 256-bit ISR, TMR or IRR as 8 words, word i holding vectors 32i..32i+31. */
void apic_lapic_read_isr(const struct apic_lapic *l, uint32_t out[8]);
void apic_lapic_read_tmr(const struct apic_lapic *l, uint32_t out[8]);
void apic_lapic_read_irr(const struct apic_lapic *l, uint32_t out[8]);
/* One bit of a 256-bit register set read above. */
static inline bool apic_vector_bit(const uint32_t words[8], uint8_t vector)
{
    return ((words[vector >> 5] >> (vector & 31u)) & 1u) != 0;
}

/* Error status: writes the ESR (0) to latch the errors, then reads it (SDM
 * 11.5.3: the register is updated only by a write). */
uint32_t apic_lapic_read_esr(const struct apic_lapic *l);

/* Logical destination: xAPIC LDR bits 31:24 and DFR model (0xF flat, 0x0
 * cluster); APIC_WRONG_MODE in x2APIC mode, where the LDR is read only and
 * derived from the ID. apic_lapic_logical_id reads the LDR (32 bits in x2APIC
 * mode, bits 31:24 in xAPIC mode). */
APIC_MUST_USE enum apic_status apic_lapic_set_logical(const struct apic_lapic *l, uint8_t ldr,
                                                      uint8_t dfr_model);
uint32_t apic_lapic_logical_id(const struct apic_lapic *l);

/* Encode/decode an LVT entry for ENTRY (pure). Encode: APIC_INVALID_ARGUMENT for
 * a delivery mode, vector, polarity, trigger or timer mode that entry does not
 * take (level on LINT1, ExtINT on the thermal entry, fixed vector < 16). */
APIC_MUST_USE enum apic_status apic_lvt_encode(enum apic_lvt_entry entry,
                                               const struct apic_lvt *lvt, uint32_t *value);
void apic_lvt_decode(enum apic_lvt_entry entry, uint32_t value, struct apic_lvt *out);

/* Program / read / mask one LVT entry. APIC_OUT_OF_RANGE when the version
 * register's max LVT says the entry does not exist (thermal needs max LVT >= 5,
 * CMCI >= 6, performance >= 4); encode's statuses. */
APIC_MUST_USE enum apic_status apic_lapic_lvt_set(const struct apic_lapic *l,
                                                  enum apic_lvt_entry entry,
                                                  const struct apic_lvt *lvt);
APIC_MUST_USE enum apic_status apic_lapic_lvt_get(const struct apic_lapic *l,
                                                  enum apic_lvt_entry entry, struct apic_lvt *out);
APIC_MUST_USE enum apic_status apic_lapic_lvt_mask(const struct apic_lapic *l,
                                                   enum apic_lvt_entry entry, bool masked);

/* Register offset of an LVT entry. */
uint32_t apic_lvt_offset(enum apic_lvt_entry entry);

#endif
