/* acpi/hwreg.h - fixed-hardware register access through a Generic Address
 * Structure (ACPI 6.5, 5.2.3.2), and what is built on it: reset through the
 * FADT reset register (4.8.3.6), entering a sleep state through PM1a/PM1b
 * control or the hardware-reduced sleep control register (4.8.3.2.1,
 * 4.8.3.7, 7.4.2), and the ACPI PM timer (4.8.3.3).
 *
 * The library never touches hardware itself: the kernel passes a struct
 * acpi_hw_host with width-specific callbacks (an access of 16 bits is one
 * 16-bit access, never split). Callbacks left NULL make accesses to their
 * space fail with ACPI_UNSUPPORTED.
 */
#ifndef ACPI_HWREG_H
#define ACPI_HWREG_H

#include <stdbool.h>
#include <stdint.h>

#include "acpi/fadt.h"
#include "acpi/gas.h"
#include "acpi/status.h"

struct acpi_hw_host {
    void *ctx;
    /* System memory at physical address phys; width 8, 16, 32 or 64 bits. */
    enum acpi_status (*memory_read)(void *ctx, uint64_t phys, unsigned width, uint64_t *value);
    enum acpi_status (*memory_write)(void *ctx, uint64_t phys, unsigned width, uint64_t value);
    /* System I/O port; width 8, 16 or 32 bits. */
    enum acpi_status (*io_read)(void *ctx, uint16_t port, unsigned width, uint32_t *value);
    enum acpi_status (*io_write)(void *ctx, uint16_t port, unsigned width, uint32_t value);
    /* PCI configuration space of segment 0, bus 0 (the only place a GAS can
     * name, ACPI 6.5 Table 5.1); width 8, 16 or 32 bits. */
    enum acpi_status (*pci_read)(void *ctx, uint8_t device, uint8_t function, uint16_t offset,
                                 unsigned width, uint32_t *value);
    enum acpi_status (*pci_write)(void *ctx, uint8_t device, uint8_t function, uint16_t offset,
                                  unsigned width, uint32_t value);
};

/* Ready-made backend for a kernel running on the hardware: system memory
 * through volatile accesses at virtual address phys + memory_offset (0 for an
 * identity map; a 64-bit access on a 32-bit CPU is two 32-bit ones, low word
 * first); on x86, system I/O through inline in/out and PCI configuration
 * space through configuration mechanism #1 (ports 0xCF8/0xCFC, offsets up to
 * 0xFF, ACPI_BAD_ADDRESS beyond). Elsewhere the I/O and PCI callbacks are NULL.
 *
 *     struct acpi_hw_direct direct = { .memory_offset = HHDM_OFFSET };
 *     struct acpi_hw_host host;
 *     acpi_hw_host_direct(&host, &direct);
 */
struct acpi_hw_direct {
    uintptr_t memory_offset;
};

void acpi_hw_host_direct(struct acpi_hw_host *host, struct acpi_hw_direct *direct);

/* A bounded wait for a register to reach a state (an EC's IBF/OBF, SCI_EN,
 * WAK_STS): at most max_polls reads (0 counts as 1), with stall(ctx,
 * interval_us) between two reads when stall is not NULL; a NULL stall makes
 * max_polls a pure spin limit. A kernel sets, e.g., 10000 polls of 10 us for
 * 100 ms; a host test passes a NULL stall and a small count. */
struct acpi_hw_wait {
    void *ctx;
    void (*stall)(void *ctx, uint32_t interval_us);
    uint32_t interval_us;
    uint32_t max_polls;
};

/* Read the register a GAS describes: bits bit_offset .. bit_offset+bit_width-1
 * of consecutive accesses of the GAS's access size (or, when that is 0, the
 * smallest of 8/16/32/64 bits that holds offset + width), returned in the low
 * bits of *value. Statuses: ACPI_OK; ACPI_NOT_FOUND for a null GAS (address
 * 0); ACPI_BAD_ENTRY for a bit width of 0 or above 64, an access size above 4
 * or an access wider than the space allows (64-bit I/O or PCI); ACPI_BAD_ADDRESS
 * for an I/O port above 0xFFFF or a PCI offset past 0xFFFF; ACPI_UNSUPPORTED for
 * another address space or a missing callback; a callback's failure as is. */
ACPI_MUST_USE enum acpi_status acpi_hw_read(const struct acpi_hw_host *host,
                                            const struct acpi_gas *reg, uint64_t *value);

/* Write the low bit_width bits of value to the register. Within an access
 * unit that the field does not cover entirely, the other bits are preserved
 * by a read-modify-write. Statuses as acpi_hw_read. */
ACPI_MUST_USE enum acpi_status acpi_hw_write(const struct acpi_hw_host *host,
                                             const struct acpi_gas *reg, uint64_t value);

/* True when `bytes` bytes from reg's address stay inside its address space:
 * below port 0x10000 for system I/O, inside the function's 64 KiB for PCI
 * configuration space, without wrapping for memory (and other spaces). For
 * register blocks the library splits into several GASes (GPE, PM1 halves),
 * which are small: false for more than 64 KiB. */
bool acpi_hw_span_fits(const struct acpi_gas *reg, uint64_t bytes);

/* Read reg until (value & mask) == want, within wait's bound. *last gets the
 * last value read (may be NULL). Statuses: ACPI_OK; ACPI_HW_TIMEOUT when the
 * bound ran out; ACPI_INVALID_ARGUMENT for a NULL wait; those of
 * acpi_hw_read. */
ACPI_MUST_USE enum acpi_status acpi_hw_poll(const struct acpi_hw_host *host,
                                            const struct acpi_hw_wait *wait,
                                            const struct acpi_gas *reg, uint64_t mask,
                                            uint64_t want, uint64_t *last);

/* Reset the machine: write the FADT's RESET_VALUE to RESET_REG (ACPI 6.5,
 * 4.8.3.6). ACPI_NOT_FOUND when the FADT lacks the register or does not set
 * RESET_REG_SUP; ACPI_UNSUPPORTED when the register is outside memory, I/O and
 * PCI configuration space. Returns only if the reset did not happen. */
ACPI_MUST_USE enum acpi_status acpi_hw_reset(const struct acpi_hw_host *host,
                                             const struct acpi_fadt *fadt);

/* PM1 control register bits (ACPI 6.5, Table 4.16). */
#define ACPI_PM1_CNT_SCI_EN 0x0001u
#define ACPI_PM1_CNT_SLP_TYP_SHIFT 10
#define ACPI_PM1_CNT_SLP_TYP_MASK 0x1C00u
#define ACPI_PM1_CNT_SLP_EN 0x2000u
/* PM1 status WAK_STS (Table 4.12) and sleep control/status bits (4.8.3.7). */
#define ACPI_PM1_STS_WAK_STS 0x8000u
#define ACPI_SLEEP_CONTROL_SLP_TYP_SHIFT 2
#define ACPI_SLEEP_CONTROL_SLP_TYP_MASK 0x1Cu
#define ACPI_SLEEP_CONTROL_SLP_EN 0x20u

/* Enter a sleep state on fixed hardware (ACPI 6.5, 7.4.2 and 16.1.x): clear
 * WAK_STS in PM1a/PM1b status, write SLP_TYPa to PM1a control and SLP_TYPb to
 * PM1b control (each block gets its own value, from the \_Sx package that the
 * AML interpreter evaluates), then set SLP_EN in both. On a hardware-reduced
 * platform (FADT flag HW_REDUCED_ACPI) the sleep control register gets
 * SLP_TYPa and SLP_EN instead. Statuses: those of acpi_hw_write;
 * ACPI_NOT_FOUND when the FADT has no PM1a control (or sleep control) block.
 * On success a real machine does not return; a host mock does. */
ACPI_MUST_USE enum acpi_status acpi_hw_sleep(const struct acpi_hw_host *host,
                                             const struct acpi_fadt *fadt, uint8_t slp_typ_a,
                                             uint8_t slp_typ_b);

/* The ACPI PM timer: 3.579545 MHz, 24 bits or (TMR_VAL_EXT) 32 bits. */
#define ACPI_PM_TIMER_FREQUENCY_HZ 3579545u

struct acpi_pm_timer {
    struct acpi_gas reg;
    bool extended; /* 32-bit counter; else 24-bit */
    uint32_t mask; /* 0xFFFFFF or 0xFFFFFFFF */
};

/* Describe the PM timer of a FADT. ACPI_NOT_FOUND when it has none (a
 * hardware-reduced platform, or PM_TMR_LEN 0 and no X_PM_TMR_BLK). */
ACPI_MUST_USE enum acpi_status acpi_pm_timer_init(struct acpi_pm_timer *timer,
                                                  const struct acpi_fadt *fadt);

/* Read the counter (masked to its 24 or 32 bits). Statuses as acpi_hw_read. */
ACPI_MUST_USE enum acpi_status acpi_pm_timer_read(const struct acpi_hw_host *host,
                                                  const struct acpi_pm_timer *timer,
                                                  uint32_t *ticks);

/* Ticks from `start` to `end`, across one wrap-around of the counter. */
uint32_t acpi_pm_timer_elapsed(const struct acpi_pm_timer *timer, uint32_t start, uint32_t end);

/* Ticks (one acpi_pm_timer_elapsed result) in nanoseconds, rounded down. */
uint64_t acpi_pm_timer_ticks_to_ns(uint32_t ticks);

#endif
