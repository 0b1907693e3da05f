/* acpi/hwreg.c - register access through a GAS (ACPI 6.5, 5.2.3.2), reset,
 * sleep and the PM timer. */
#include "acpi/hwreg.h"
#include "acpi/shift.h"

#include "volatile/access.h"
#include "x86_64/port.h"

/* How a GAS splits into accesses: `units` accesses of `unit` bits each. */
struct geometry {
    unsigned unit;
    unsigned units;
};

static uint64_t low_mask(unsigned bits)
{
    return bits >= 64 ? ~(uint64_t)0 : shl64(1, bits) - 1;
}

static enum acpi_status check(const struct acpi_hw_host *host, const struct acpi_gas *reg,
                              struct geometry *g)
{
    if (host == NULL || reg == NULL)
        return ACPI_INVALID_ARGUMENT;
    if (reg->address == 0)
        return ACPI_NOT_FOUND;
    if (reg->bit_width == 0 || reg->bit_width > 64 || reg->access_size > ACPI_GAS_ACCESS_QWORD)
        return ACPI_BAD_ENTRY;
    unsigned span = (unsigned)reg->bit_offset + reg->bit_width;
    if (reg->access_size == ACPI_GAS_ACCESS_UNDEFINED) {
        /* Table 5.1: "undefined (legacy reasons)": use the register's size. */
        g->unit = 8;
        while (g->unit < span && g->unit < 64)
            g->unit *= 2;
    } else {
        g->unit = 8u << (reg->access_size - 1);
    }
    g->units = (span + g->unit - 1) / g->unit;
    uint64_t bytes = (uint64_t)g->units * (g->unit / 8);
    switch (reg->space_id) {
    case ACPI_GAS_SYSTEM_MEMORY:
        if (reg->address > UINT64_MAX - bytes)
            return ACPI_BAD_ADDRESS;
        return host->memory_read != NULL ? ACPI_OK : ACPI_UNSUPPORTED;
    case ACPI_GAS_SYSTEM_IO:
        /* Ports are at most 32 bits wide and 16 bits of address. */
        if (g->unit > 32)
            return ACPI_BAD_ENTRY;
        if (reg->address > 0x10000u - bytes)
            return ACPI_BAD_ADDRESS;
        return host->io_read != NULL ? ACPI_OK : ACPI_UNSUPPORTED;
    case ACPI_GAS_PCI_CONFIG:
        /* Table 5.1: device in bits 47:32, function in 31:16, offset in 15:0. */
        if (g->unit > 32)
            return ACPI_BAD_ENTRY;
        if (((reg->address >> 32) & 0xFFFFu) > 31 || ((reg->address >> 16) & 0xFFFFu) > 7 ||
            (reg->address >> 48) != 0 || (reg->address & 0xFFFFu) > 0x10000u - bytes)
            return ACPI_BAD_ADDRESS;
        return host->pci_read != NULL ? ACPI_OK : ACPI_UNSUPPORTED;
    default:
        return ACPI_UNSUPPORTED;
    }
}

static enum acpi_status unit_read(const struct acpi_hw_host *host, const struct acpi_gas *reg,
                                  unsigned width, uint64_t byte_offset, uint64_t *value)
{
    uint32_t v32 = 0;
    enum acpi_status st;
    switch (reg->space_id) {
    case ACPI_GAS_SYSTEM_MEMORY:
        return host->memory_read(host->ctx, reg->address + byte_offset, width, value);
    case ACPI_GAS_SYSTEM_IO:
        st = host->io_read(host->ctx, (uint16_t)(reg->address + byte_offset), width, &v32);
        break;
    default:
        st = host->pci_read(host->ctx, (uint8_t)(reg->address >> 32), (uint8_t)(reg->address >> 16),
                            (uint16_t)((reg->address & 0xFFFFu) + byte_offset), width, &v32);
        break;
    }
    *value = v32;
    return st;
}

static enum acpi_status unit_write(const struct acpi_hw_host *host, const struct acpi_gas *reg,
                                   unsigned width, uint64_t byte_offset, uint64_t value)
{
    switch (reg->space_id) {
    case ACPI_GAS_SYSTEM_MEMORY:
        if (host->memory_write == NULL)
            return ACPI_UNSUPPORTED;
        return host->memory_write(host->ctx, reg->address + byte_offset, width, value);
    case ACPI_GAS_SYSTEM_IO:
        if (host->io_write == NULL)
            return ACPI_UNSUPPORTED;
        return host->io_write(host->ctx, (uint16_t)(reg->address + byte_offset), width,
                              (uint32_t)value);
    default:
        if (host->pci_write == NULL)
            return ACPI_UNSUPPORTED;
        return host->pci_write(host->ctx, (uint8_t)(reg->address >> 32),
                               (uint8_t)(reg->address >> 16),
                               (uint16_t)((reg->address & 0xFFFFu) + byte_offset), width,
                               (uint32_t)value);
    }
}

/* The part of access unit i that the field covers: register bits lo..hi-1. */
static bool overlap(const struct acpi_gas *reg, const struct geometry *g, unsigned i,
                    unsigned *lo, unsigned *hi)
{
    unsigned ulo = i * g->unit, uhi = ulo + g->unit;
    unsigned flo = reg->bit_offset, fhi = flo + reg->bit_width;
    *lo = ulo > flo ? ulo : flo;
    *hi = uhi < fhi ? uhi : fhi;
    return *lo < *hi;
}

enum acpi_status acpi_hw_read(const struct acpi_hw_host *host, const struct acpi_gas *reg,
                              uint64_t *value)
{
    struct geometry g;
    enum acpi_status st = check(host, reg, &g);
    if (st != ACPI_OK)
        return st;
    uint64_t result = 0;
    for (unsigned i = 0; i < g.units; i++) {
        unsigned lo, hi;
        if (!overlap(reg, &g, i, &lo, &hi))
            continue; /* never touch a unit that holds none of the field */
        uint64_t raw = 0;
        st = unit_read(host, reg, g.unit, (uint64_t)i * (g.unit / 8), &raw);
        if (st != ACPI_OK)
            return st;
        uint64_t piece = shr64(raw, lo - i * g.unit) & low_mask(hi - lo);
        result |= shl64(piece, lo - reg->bit_offset);
    }
    *value = result;
    return ACPI_OK;
}

enum acpi_status acpi_hw_write(const struct acpi_hw_host *host, const struct acpi_gas *reg,
                               uint64_t value)
{
    struct geometry g;
    enum acpi_status st = check(host, reg, &g);
    if (st != ACPI_OK)
        return st;
    for (unsigned i = 0; i < g.units; i++) {
        unsigned lo, hi;
        if (!overlap(reg, &g, i, &lo, &hi))
            continue;
        uint64_t byte_offset = (uint64_t)i * (g.unit / 8);
        unsigned shift = lo - i * g.unit;
        uint64_t piece = shr64(value, lo - reg->bit_offset) & low_mask(hi - lo);
        uint64_t raw = 0;
        if (hi - lo < g.unit) {
            /* The field covers part of this unit: keep the other bits. */
            st = unit_read(host, reg, g.unit, byte_offset, &raw);
            if (st != ACPI_OK)
                return st;
            raw &= ~shl64(low_mask(hi - lo), shift);
        }
        raw |= shl64(piece, shift);
        st = unit_write(host, reg, g.unit, byte_offset, raw);
        if (st != ACPI_OK)
            return st;
    }
    return ACPI_OK;
}

bool acpi_hw_span_fits(const struct acpi_gas *reg, uint64_t bytes)
{
    if (reg == NULL || bytes > 0x10000u)
        return false;
    switch (reg->space_id) {
    case ACPI_GAS_SYSTEM_IO:
        return reg->address <= 0x10000u - bytes;
    case ACPI_GAS_PCI_CONFIG:
        return (reg->address & 0xFFFFu) <= 0x10000u - bytes;
    default:
        return reg->address <= UINT64_MAX - bytes;
    }
}

enum acpi_status acpi_hw_poll(const struct acpi_hw_host *host, const struct acpi_hw_wait *wait,
                              const struct acpi_gas *reg, uint64_t mask, uint64_t want,
                              uint64_t *last)
{
    if (wait == NULL)
        return ACPI_INVALID_ARGUMENT;
    uint32_t polls = wait->max_polls != 0 ? wait->max_polls : 1;
    for (uint32_t i = 0; i < polls; i++) {
        if (i != 0 && wait->stall != NULL)
            wait->stall(wait->ctx, wait->interval_us);
        uint64_t v = 0;
        enum acpi_status st = acpi_hw_read(host, reg, &v);
        if (last != NULL)
            *last = v;
        if (st != ACPI_OK)
            return st;
        if ((v & mask) == want)
            return ACPI_OK;
    }
    return ACPI_HW_TIMEOUT;
}

enum acpi_status acpi_hw_reset(const struct acpi_hw_host *host, const struct acpi_fadt *fadt)
{
    if (host == NULL || fadt == NULL)
        return ACPI_INVALID_ARGUMENT;
    if (!acpi_fadt_has(fadt, ACPI_FADT_RESET_VALUE, 1) ||
        (fadt->flags & ACPI_FADT_RESET_REG_SUP) == 0 || fadt->reset_reg.address == 0)
        return ACPI_NOT_FOUND;
    /* 4.8.3.6: the reset register is 8 bits at offset 0 in memory, I/O or
     * PCI configuration space; a byte access regardless of what the GAS says
     * (ACPICA does the same, firmware gets the width wrong). */
    struct acpi_gas reg = fadt->reset_reg;
    if (reg.space_id != ACPI_GAS_SYSTEM_MEMORY && reg.space_id != ACPI_GAS_SYSTEM_IO &&
        reg.space_id != ACPI_GAS_PCI_CONFIG)
        return ACPI_UNSUPPORTED;
    reg.bit_width = 8;
    reg.bit_offset = 0;
    reg.access_size = ACPI_GAS_ACCESS_BYTE;
    return acpi_hw_write(host, &reg, fadt->reset_value);
}

/* WAK_STS is write-one-to-clear in the status half of a PM1 event block
 * (ACPI 6.5, 4.8.3.1): write it alone so no other status bit is cleared. */
static enum acpi_status clear_wake_status(const struct acpi_hw_host *host,
                                          const struct acpi_fadt *fadt,
                                          enum acpi_fadt_register evt)
{
    struct acpi_gas sts;
    if (acpi_fadt_register(fadt, evt, &sts) != ACPI_OK)
        return ACPI_OK; /* no such block */
    sts.bit_width = (uint8_t)(sts.bit_width / 2);
    return acpi_hw_write(host, &sts, ACPI_PM1_STS_WAK_STS);
}

static enum acpi_status sleep_reduced(const struct acpi_hw_host *host,
                                      const struct acpi_fadt *fadt, uint8_t slp_typ)
{
    if (fadt->sleep_control_reg.address == 0)
        return ACPI_NOT_FOUND;
    /* 4.8.3.8: WAK_STS is bit 7 of the sleep status register. */
    if (fadt->sleep_status_reg.address != 0) {
        enum acpi_status st = acpi_hw_write(host, &fadt->sleep_status_reg, 0x80);
        if (st != ACPI_OK)
            return st;
    }
    uint64_t v = (((uint64_t)slp_typ << ACPI_SLEEP_CONTROL_SLP_TYP_SHIFT) &
                  ACPI_SLEEP_CONTROL_SLP_TYP_MASK) |
                 ACPI_SLEEP_CONTROL_SLP_EN;
    return acpi_hw_write(host, &fadt->sleep_control_reg, v);
}

enum acpi_status acpi_hw_sleep(const struct acpi_hw_host *host, const struct acpi_fadt *fadt,
                               uint8_t slp_typ_a, uint8_t slp_typ_b)
{
    if (host == NULL || fadt == NULL)
        return ACPI_INVALID_ARGUMENT;
    if (fadt->flags & ACPI_FADT_HW_REDUCED_ACPI)
        return sleep_reduced(host, fadt, slp_typ_a);

    struct acpi_gas cnt[2];
    uint8_t typ[2] = {slp_typ_a, slp_typ_b};
    bool present[2];
    if (acpi_fadt_register(fadt, ACPI_FADT_REG_PM1A_CNT, &cnt[0]) != ACPI_OK)
        return ACPI_NOT_FOUND;
    present[0] = true;
    present[1] = acpi_fadt_register(fadt, ACPI_FADT_REG_PM1B_CNT, &cnt[1]) == ACPI_OK;

    enum acpi_status st = clear_wake_status(host, fadt, ACPI_FADT_REG_PM1A_EVT);
    if (st == ACPI_OK)
        st = clear_wake_status(host, fadt, ACPI_FADT_REG_PM1B_EVT);
    if (st != ACPI_OK)
        return st;

    /* 7.4.2 / 16.1: program SLP_TYP first, then set SLP_EN; block A and
     * block B each take their own SLP_TYP value. */
    uint64_t value[2] = {0, 0};
    for (int i = 0; i < 2; i++) {
        if (!present[i])
            continue;
        st = acpi_hw_read(host, &cnt[i], &value[i]);
        if (st != ACPI_OK)
            return st;
        value[i] &= ~(uint64_t)(ACPI_PM1_CNT_SLP_TYP_MASK | ACPI_PM1_CNT_SLP_EN);
        value[i] |= ((uint64_t)typ[i] << ACPI_PM1_CNT_SLP_TYP_SHIFT) & ACPI_PM1_CNT_SLP_TYP_MASK;
        st = acpi_hw_write(host, &cnt[i], value[i]);
        if (st != ACPI_OK)
            return st;
    }
    for (int i = 0; i < 2; i++) {
        if (!present[i])
            continue;
        st = acpi_hw_write(host, &cnt[i], value[i] | ACPI_PM1_CNT_SLP_EN);
        if (st != ACPI_OK)
            return st;
    }
    return ACPI_OK;
}

enum acpi_status acpi_pm_timer_init(struct acpi_pm_timer *timer, const struct acpi_fadt *fadt)
{
    if (timer == NULL || fadt == NULL)
        return ACPI_INVALID_ARGUMENT;
    enum acpi_status st = acpi_fadt_register(fadt, ACPI_FADT_REG_PM_TMR, &timer->reg);
    if (st != ACPI_OK)
        return st;
    /* Table 5.10, TMR_VAL_EXT: the counter is 32 bits, else 24. */
    timer->extended = (fadt->flags & ACPI_FADT_TMR_VAL_EXT) != 0;
    timer->mask = timer->extended ? 0xFFFFFFFFu : 0x00FFFFFFu;
    return ACPI_OK;
}

enum acpi_status acpi_pm_timer_read(const struct acpi_hw_host *host,
                                    const struct acpi_pm_timer *timer, uint32_t *ticks)
{
    if (timer == NULL || ticks == NULL)
        return ACPI_INVALID_ARGUMENT;
    uint64_t v = 0;
    enum acpi_status st = acpi_hw_read(host, &timer->reg, &v);
    if (st != ACPI_OK)
        return st;
    *ticks = (uint32_t)v & timer->mask;
    return ACPI_OK;
}

uint32_t acpi_pm_timer_elapsed(const struct acpi_pm_timer *timer, uint32_t start, uint32_t end)
{
    /* Modular subtraction in the counter's width handles one wrap. */
    return (end - start) & timer->mask;
}

/* n / d by shift-and-subtract: 32-bit targets have no 64-bit divide
 * instruction, and the library must not need libgcc's __udivdi3. */
static uint64_t div64(uint64_t n, uint32_t d)
{
    uint64_t q = 0, r = 0;
    for (int i = 0; i < 64; i++) {
        r = (r << 1) | (n >> 63);
        n <<= 1;
        q <<= 1;
        if (r >= d) {
            r -= d;
            q |= 1;
        }
    }
    return q;
}

uint64_t acpi_pm_timer_ticks_to_ns(uint32_t ticks)
{
    /* ticks * 10^9 < 2^62: no overflow, one division. */
    return div64((uint64_t)ticks * 1000000000u, ACPI_PM_TIMER_FREQUENCY_HZ);
}

/* ---- the direct backend ---- */

static enum acpi_status direct_memory_read(void *ctx, uint64_t phys, unsigned width,
                                           uint64_t *value)
{
    const struct acpi_hw_direct *d = ctx;
    uintptr_t va = (uintptr_t)phys + d->memory_offset;
    switch (width) {
    case 8: *value = vol_read8((const volatile uint8_t *)va); return ACPI_OK;
    case 16: *value = vol_read16((const volatile uint16_t *)va); return ACPI_OK;
    case 32: *value = vol_read32((const volatile uint32_t *)va); return ACPI_OK;
    case 64: *value = vol_read64((const volatile uint64_t *)va); return ACPI_OK;
    default: return ACPI_INVALID_ARGUMENT;
    }
}

static enum acpi_status direct_memory_write(void *ctx, uint64_t phys, unsigned width,
                                            uint64_t value)
{
    const struct acpi_hw_direct *d = ctx;
    uintptr_t va = (uintptr_t)phys + d->memory_offset;
    switch (width) {
    case 8: vol_write8((volatile uint8_t *)va, (uint8_t)value); return ACPI_OK;
    case 16: vol_write16((volatile uint16_t *)va, (uint16_t)value); return ACPI_OK;
    case 32: vol_write32((volatile uint32_t *)va, (uint32_t)value); return ACPI_OK;
    case 64: vol_write64((volatile uint64_t *)va, value); return ACPI_OK;
    default: return ACPI_INVALID_ARGUMENT;
    }
}

#if defined(__x86_64__) || defined(__i386__)
static enum acpi_status direct_io_read(void *ctx, uint16_t port, unsigned width, uint32_t *value)
{
    (void)ctx;
    switch (width) {
    case 8: *value = x86_inb(port); return ACPI_OK;
    case 16: *value = x86_inw(port); return ACPI_OK;
    case 32: *value = x86_inl(port); return ACPI_OK;
    default: return ACPI_INVALID_ARGUMENT;
    }
}

static enum acpi_status direct_io_write(void *ctx, uint16_t port, unsigned width, uint32_t value)
{
    (void)ctx;
    switch (width) {
    case 8: x86_outb(port, (uint8_t)value); return ACPI_OK;
    case 16: x86_outw(port, (uint16_t)value); return ACPI_OK;
    case 32: x86_outl(port, value); return ACPI_OK;
    default: return ACPI_INVALID_ARGUMENT;
    }
}

/* PCI Local Bus 3.0, 3.2.2.3.2: configuration mechanism #1, bus 0. */
#define PCI_CONFIG_ADDRESS 0xCF8u
#define PCI_CONFIG_DATA 0xCFCu

static enum acpi_status select_config(uint8_t device, uint8_t function, uint16_t offset,
                                      unsigned width)
{
    if (offset > 0xFFu || offset + width / 8 > 0x100u || device > 31 || function > 7)
        return ACPI_BAD_ADDRESS;
    x86_outl(PCI_CONFIG_ADDRESS, 0x80000000u | ((uint32_t)device << 11) |
                                     ((uint32_t)function << 8) | (offset & 0xFCu));
    return ACPI_OK;
}

static enum acpi_status direct_pci_read(void *ctx, uint8_t device, uint8_t function,
                                        uint16_t offset, unsigned width, uint32_t *value)
{
    enum acpi_status st = select_config(device, function, offset, width);
    if (st != ACPI_OK)
        return st;
    return direct_io_read(ctx, (uint16_t)(PCI_CONFIG_DATA + (offset & 3u)), width, value);
}

static enum acpi_status direct_pci_write(void *ctx, uint8_t device, uint8_t function,
                                         uint16_t offset, unsigned width, uint32_t value)
{
    enum acpi_status st = select_config(device, function, offset, width);
    if (st != ACPI_OK)
        return st;
    return direct_io_write(ctx, (uint16_t)(PCI_CONFIG_DATA + (offset & 3u)), width, value);
}
#endif

void acpi_hw_host_direct(struct acpi_hw_host *host, struct acpi_hw_direct *direct)
{
    *host = (struct acpi_hw_host){.ctx = direct,
                                  .memory_read = direct_memory_read,
                                  .memory_write = direct_memory_write};
#if defined(__x86_64__) || defined(__i386__)
    host->io_read = direct_io_read;
    host->io_write = direct_io_write;
    host->pci_read = direct_pci_read;
    host->pci_write = direct_pci_write;
#endif
}
