/* acpi/gpe.c - FADT GPE blocks (ACPI 6.5, 4.8.4.1, 5.6.4). */
#include "acpi/gpe.h"

#include <stddef.h>

/* Which block holds gpe_number, and the byte and bit of it there. */
struct gpe_place {
    const struct acpi_gpe_block *block;
    unsigned reg;
    uint8_t bit;
};

static bool place(const struct acpi_gpe *gpe, uint16_t n, struct gpe_place *out)
{
    if (gpe == NULL)
        return false;
    for (unsigned b = 0; b < gpe->block_count; b++) {
        const struct acpi_gpe_block *blk = &gpe->blocks[b];
        if (n >= blk->base && (unsigned)(n - blk->base) < blk->registers * 8u) {
            out->block = blk;
            out->reg = (unsigned)(n - blk->base) / 8;
            out->bit = (uint8_t)(1u << ((n - blk->base) % 8));
            return true;
        }
    }
    return false;
}

/* 4.8.4.1: each GPE register is accessed as a byte; the enable half follows
 * the status half. */
static struct acpi_gas byte_reg(const struct acpi_gpe_block *blk, unsigned reg, bool enable)
{
    struct acpi_gas g = blk->status;
    g.address += reg + (enable ? blk->registers : 0u);
    g.bit_width = 8;
    g.bit_offset = 0;
    g.access_size = ACPI_GAS_ACCESS_BYTE;
    return g;
}

static enum acpi_status read_byte(const struct acpi_gpe *gpe, const struct acpi_gpe_block *blk,
                                  unsigned reg, bool enable, uint8_t *value)
{
    struct acpi_gas g = byte_reg(blk, reg, enable);
    uint64_t v = 0;
    enum acpi_status st = acpi_hw_read(gpe->host, &g, &v);
    *value = (uint8_t)v;
    return st;
}

static enum acpi_status write_byte(const struct acpi_gpe *gpe, const struct acpi_gpe_block *blk,
                                   unsigned reg, bool enable, uint8_t value)
{
    struct acpi_gas g = byte_reg(blk, reg, enable);
    return acpi_hw_write(gpe->host, &g, value);
}

/* A block of len bytes at g (base 0). */
static enum acpi_status describe_at(const struct acpi_gas *g, unsigned len,
                                    struct acpi_gpe_block *out)
{
    if (len % 2 != 0)
        return ACPI_BAD_ENTRY; /* 5.2.9: "a multiple of 2" */
    /* Every byte of the block must be addressable without wrapping into the
     * next PCI function or past port 0xFFFF. */
    if (!acpi_hw_span_fits(g, len))
        return ACPI_BAD_ADDRESS;
    out->status = *g;
    out->registers = (uint8_t)(len / 2);
    out->base = 0;
    return ACPI_OK;
}

/* One FADT block: ACPI_NOT_FOUND when absent; the byte length from the
 * _LEN field (what ACPICA and Linux use), the X_ bit width when that is 0. */
static enum acpi_status describe(const struct acpi_fadt *fadt, enum acpi_fadt_register which,
                                 uint8_t len_field, struct acpi_gpe_block *out)
{
    struct acpi_gas g;
    enum acpi_status st = acpi_fadt_register(fadt, which, &g);
    if (st != ACPI_OK)
        return st;
    unsigned len = len_field != 0 ? len_field : g.bit_width / 8u;
    return len == 0 ? ACPI_NOT_FOUND : describe_at(&g, len, out);
}

static uint16_t block_end(const struct acpi_gpe_block *blk)
{
    return (uint16_t)(blk->base + blk->registers * 8u);
}

enum acpi_status acpi_gpe_init(struct acpi_gpe *gpe, const struct acpi_hw_host *host,
                               const struct acpi_fadt *fadt)
{
    if (gpe == NULL || host == NULL || fadt == NULL)
        return ACPI_INVALID_ARGUMENT;
    *gpe = (struct acpi_gpe){.host = host};
    if (fadt->flags & ACPI_FADT_HW_REDUCED_ACPI)
        return ACPI_NOT_FOUND;
    struct acpi_gpe_block b0, b1;
    enum acpi_status st0 = describe(fadt, ACPI_FADT_REG_GPE0, fadt->gpe0_blk_len, &b0);
    enum acpi_status st1 = describe(fadt, ACPI_FADT_REG_GPE1, fadt->gpe1_blk_len, &b1);
    if (st0 == ACPI_OK && block_end(&b0) > ACPI_GPE_MAX)
        st0 = ACPI_BAD_ENTRY;
    if (st0 != ACPI_OK && st0 != ACPI_NOT_FOUND)
        return st0;
    if (st0 == ACPI_OK)
        gpe->blocks[gpe->block_count++] = b0;
    if (st1 == ACPI_OK) {
        b1.base = fadt->gpe1_base;
        /* 5.2.9, GPE1_BASE: GPE1's numbers follow GPE0's, never overlap. */
        if ((st0 == ACPI_OK && b1.base < block_end(&b0)) || block_end(&b1) > ACPI_GPE_MAX)
            st1 = ACPI_BAD_ENTRY;
        else
            gpe->blocks[gpe->block_count++] = b1;
    }
    if (st1 != ACPI_OK && st1 != ACPI_NOT_FOUND)
        return st1;
    return gpe->block_count != 0 ? ACPI_OK : ACPI_NOT_FOUND;
}

enum acpi_status acpi_gpe_init_block(struct acpi_gpe *gpe, const struct acpi_hw_host *host,
                                     const struct acpi_gas *address, unsigned length)
{
    if (gpe == NULL || host == NULL || address == NULL)
        return ACPI_INVALID_ARGUMENT;
    *gpe = (struct acpi_gpe){.host = host};
    /* 9.10: I/O descriptors, or memory descriptors for memory-mapped registers. */
    if (address->space_id != ACPI_GAS_SYSTEM_IO && address->space_id != ACPI_GAS_SYSTEM_MEMORY)
        return ACPI_UNSUPPORTED;
    if (length == 0 || length > ACPI_GPE_MAX / 4)
        return ACPI_BAD_ENTRY;
    enum acpi_status st = describe_at(address, length, &gpe->blocks[0]);
    if (st == ACPI_OK)
        gpe->block_count = 1;
    return st;
}

uint16_t acpi_gpe_count(const struct acpi_gpe *gpe)
{
    if (gpe == NULL || gpe->block_count == 0)
        return 0;
    return block_end(&gpe->blocks[gpe->block_count - 1]);
}

bool acpi_gpe_valid(const struct acpi_gpe *gpe, uint16_t gpe_number)
{
    struct gpe_place p;
    return place(gpe, gpe_number, &p);
}

/* Write the mask (one bit per GPE) to every enable register, then clear
 * every status register. */
static enum acpi_status write_all(struct acpi_gpe *gpe, const uint8_t *mask)
{
    for (unsigned b = 0; b < gpe->block_count; b++) {
        const struct acpi_gpe_block *blk = &gpe->blocks[b];
        for (unsigned r = 0; r < blk->registers; r++) {
            uint8_t v = 0;
            for (unsigned i = 0; i < 8; i++) {
                unsigned n = blk->base + r * 8u + i;
                if (mask != NULL && (mask[n / 8] >> (n % 8)) & 1u)
                    v |= (uint8_t)(1u << i);
            }
            enum acpi_status st = write_byte(gpe, blk, r, true, v);
            if (st != ACPI_OK)
                return st;
        }
    }
    for (unsigned b = 0; b < gpe->block_count; b++)
        for (unsigned r = 0; r < gpe->blocks[b].registers; r++) {
            enum acpi_status st = write_byte(gpe, &gpe->blocks[b], r, false, 0xFF);
            if (st != ACPI_OK)
                return st;
        }
    return ACPI_OK;
}

enum acpi_status acpi_gpe_reset(struct acpi_gpe *gpe)
{
    if (gpe == NULL)
        return ACPI_INVALID_ARGUMENT;
    for (unsigned i = 0; i < sizeof gpe->runtime; i++) {
        gpe->runtime[i] = 0;
        gpe->pending[i] = 0;
    }
    return write_all(gpe, NULL);
}

void acpi_gpe_set_deferred(struct acpi_gpe *gpe, bool deferred)
{
    if (gpe != NULL)
        gpe->deferred = deferred;
}

void acpi_gpe_set_lock(struct acpi_gpe *gpe, const struct acpi_sci_lock *lock)
{
    if (gpe != NULL)
        gpe->lock = lock;
}

void acpi_gpe_set_handler(struct acpi_gpe *gpe, acpi_gpe_handler handler, void *ctx)
{
    if (gpe == NULL)
        return;
    gpe->handler = handler;
    gpe->handler_ctx = ctx;
}

static void set_bit(uint8_t *map, uint16_t n, bool on)
{
    if (on)
        map[n / 8] = (uint8_t)(map[n / 8] | (1u << (n % 8)));
    else
        map[n / 8] = (uint8_t)(map[n / 8] & ~(1u << (n % 8)));
}

static bool get_bit(const uint8_t *map, uint16_t n)
{
    return (map[n / 8] >> (n % 8)) & 1u;
}

enum acpi_status acpi_gpe_set_trigger(struct acpi_gpe *gpe, uint16_t gpe_number,
                                      enum acpi_gpe_trigger trigger)
{
    struct gpe_place p;
    if (!place(gpe, gpe_number, &p) || (trigger != ACPI_GPE_LEVEL && trigger != ACPI_GPE_EDGE))
        return ACPI_INVALID_ARGUMENT;
    set_bit(gpe->edge, gpe_number, trigger == ACPI_GPE_EDGE);
    return ACPI_OK;
}

/* The GPE's enable bit in the hardware (read-modify-write of its byte). */
static enum acpi_status hw_enable(struct acpi_gpe *gpe, const struct gpe_place *p, bool on)
{
    uint8_t v;
    enum acpi_status st = read_byte(gpe, p->block, p->reg, true, &v);
    if (st != ACPI_OK)
        return st;
    v = on ? (uint8_t)(v | p->bit) : (uint8_t)(v & ~p->bit);
    return write_byte(gpe, p->block, p->reg, true, v);
}

/* ... and in the run-time mask. */
static enum acpi_status set_enable(struct acpi_gpe *gpe, uint16_t n, bool on)
{
    struct gpe_place p;
    if (!place(gpe, n, &p))
        return ACPI_INVALID_ARGUMENT;
    enum acpi_status st = hw_enable(gpe, &p, on);
    if (st == ACPI_OK)
        set_bit(gpe->runtime, n, on);
    return st;
}

enum acpi_status acpi_gpe_enable(struct acpi_gpe *gpe, uint16_t gpe_number)
{
    return set_enable(gpe, gpe_number, true);
}

enum acpi_status acpi_gpe_disable(struct acpi_gpe *gpe, uint16_t gpe_number)
{
    return set_enable(gpe, gpe_number, false);
}

enum acpi_status acpi_gpe_status(const struct acpi_gpe *gpe, uint16_t gpe_number, bool *set,
                                 bool *enabled)
{
    struct gpe_place p;
    if (!place(gpe, gpe_number, &p) || set == NULL)
        return ACPI_INVALID_ARGUMENT;
    uint8_t v;
    enum acpi_status st = read_byte(gpe, p.block, p.reg, false, &v);
    if (st != ACPI_OK)
        return st;
    *set = (v & p.bit) != 0;
    if (enabled == NULL)
        return ACPI_OK;
    st = read_byte(gpe, p.block, p.reg, true, &v);
    *enabled = (v & p.bit) != 0;
    return st;
}

enum acpi_status acpi_gpe_clear(const struct acpi_gpe *gpe, uint16_t gpe_number)
{
    struct gpe_place p;
    if (!place(gpe, gpe_number, &p))
        return ACPI_INVALID_ARGUMENT;
    return write_byte(gpe, p.block, p.reg, false, p.bit);
}

enum acpi_status acpi_gpe_set_wake(struct acpi_gpe *gpe, uint16_t gpe_number, bool wake)
{
    struct gpe_place p;
    if (!place(gpe, gpe_number, &p))
        return ACPI_INVALID_ARGUMENT;
    set_bit(gpe->wake, gpe_number, wake);
    return ACPI_OK;
}

enum acpi_status acpi_gpe_arm_wake(struct acpi_gpe *gpe)
{
    if (gpe == NULL)
        return ACPI_INVALID_ARGUMENT;
    return write_all(gpe, gpe->wake);
}

enum acpi_status acpi_gpe_restore_runtime(struct acpi_gpe *gpe)
{
    if (gpe == NULL)
        return ACPI_INVALID_ARGUMENT;
    return write_all(gpe, gpe->runtime);
}

/* One pending enabled GPE (5.6.4). */
static enum acpi_status handle_one(struct acpi_gpe *gpe, const struct acpi_gpe_block *blk,
                                   unsigned reg, uint8_t bit, uint16_t n)
{
    enum acpi_status st;
    if (gpe->handler == NULL) {
        st = set_enable(gpe, n, false);
        return st == ACPI_OK ? write_byte(gpe, blk, reg, false, bit) : st;
    }
    bool edge = get_bit(gpe->edge, n);
    if (edge) {
        /* An edge that arrives while the handler runs sets the bit again. */
        st = write_byte(gpe, blk, reg, false, bit);
        if (st != ACPI_OK)
            return st;
    }
    /* Deferred mode: the worker calls the handler (acpi_gpe_run_deferred). */
    enum acpi_gpe_result r = ACPI_GPE_DEFERRED;
    if (gpe->deferred)
        set_bit(gpe->pending, n, true);
    else
        r = gpe->handler(gpe->handler_ctx, n, edge ? ACPI_GPE_EDGE : ACPI_GPE_LEVEL);
    if (r == ACPI_GPE_DEFERRED) {
        /* Masked until acpi_gpe_finish, so a level source that is still
         * asserted raises no SCI storm meanwhile. */
        struct gpe_place p = {blk, reg, bit};
        return hw_enable(gpe, &p, false);
    }
    /* A level GPE stays asserted until its source is serviced: clear after. */
    return edge ? ACPI_OK : write_byte(gpe, blk, reg, false, bit);
}

enum acpi_status acpi_gpe_finish(struct acpi_gpe *gpe, uint16_t gpe_number)
{
    struct gpe_place p;
    if (!place(gpe, gpe_number, &p))
        return ACPI_INVALID_ARGUMENT;
    acpi_sci_lock_acquire(gpe->lock);
    enum acpi_status st = ACPI_OK;
    if (!get_bit(gpe->edge, gpe_number))
        st = write_byte(gpe, p.block, p.reg, false, p.bit);
    if (st == ACPI_OK && get_bit(gpe->runtime, gpe_number))
        st = hw_enable(gpe, &p, true);
    acpi_sci_lock_release(gpe->lock);
    return st;
}

enum acpi_status acpi_gpe_run_deferred(struct acpi_gpe *gpe, unsigned *ran)
{
    if (ran != NULL)
        *ran = 0;
    if (gpe == NULL)
        return ACPI_INVALID_ARGUMENT;
    uint8_t take[ACPI_GPE_MAX / 8];
    acpi_sci_lock_acquire(gpe->lock);
    for (unsigned i = 0; i < sizeof take; i++) {
        take[i] = gpe->pending[i];
        gpe->pending[i] = 0;
    }
    acpi_sci_lock_release(gpe->lock);
    for (unsigned n = 0; n < ACPI_GPE_MAX; n++) {
        if (!get_bit(take, (uint16_t)n))
            continue;
        enum acpi_gpe_result r = ACPI_GPE_DONE;
        if (gpe->handler != NULL)
            r = gpe->handler(gpe->handler_ctx, (uint16_t)n,
                             get_bit(gpe->edge, (uint16_t)n) ? ACPI_GPE_EDGE : ACPI_GPE_LEVEL);
        if (ran != NULL)
            (*ran)++;
        enum acpi_status st = r == ACPI_GPE_DONE ? acpi_gpe_finish(gpe, (uint16_t)n) : ACPI_OK;
        if (st != ACPI_OK) {
            /* Keep the rest for the next call. */
            acpi_sci_lock_acquire(gpe->lock);
            for (unsigned m = n + 1; m < ACPI_GPE_MAX; m++)
                if (get_bit(take, (uint16_t)m))
                    set_bit(gpe->pending, (uint16_t)m, true);
            acpi_sci_lock_release(gpe->lock);
            return st;
        }
    }
    return ACPI_OK;
}

bool acpi_gpe_deferred_pending(const struct acpi_gpe *gpe)
{
    for (unsigned i = 0; gpe != NULL && i < sizeof gpe->pending; i++)
        if (gpe->pending[i] != 0)
            return true;
    return false;
}

static enum acpi_status dispatch_locked(struct acpi_gpe *gpe, unsigned *handled)
{
    for (unsigned b = 0; b < gpe->block_count; b++) {
        const struct acpi_gpe_block *blk = &gpe->blocks[b];
        for (unsigned r = 0; r < blk->registers; r++) {
            uint8_t sts, en;
            enum acpi_status st = read_byte(gpe, blk, r, false, &sts);
            if (st == ACPI_OK)
                st = read_byte(gpe, blk, r, true, &en);
            if (st != ACPI_OK)
                return st;
            uint8_t pending = (uint8_t)(sts & en);
            for (unsigned i = 0; i < 8; i++) {
                if (!((pending >> i) & 1u))
                    continue;
                st = handle_one(gpe, blk, r, (uint8_t)(1u << i), (uint16_t)(blk->base + r * 8u + i));
                if (st != ACPI_OK)
                    return st;
                if (handled != NULL)
                    (*handled)++;
            }
        }
    }
    return ACPI_OK;
}

enum acpi_status acpi_gpe_dispatch(struct acpi_gpe *gpe, unsigned *handled)
{
    if (handled != NULL)
        *handled = 0;
    if (gpe == NULL)
        return ACPI_INVALID_ARGUMENT;
    acpi_sci_lock_acquire(gpe->lock);
    enum acpi_status st = dispatch_locked(gpe, handled);
    acpi_sci_lock_release(gpe->lock);
    return st;
}
