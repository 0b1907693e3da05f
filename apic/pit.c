/*
 * apic/pit.c: the 8254 PIT's channel 0 and 2 (8254 datasheet; PC/AT port 0x61).
 */
#include "apic/pit.h"

#include "apic/calibrate.h"

static bool host_ok(const struct apic_host *h)
{
    return h != NULL && h->inb != NULL && h->outb != NULL;
}

enum apic_status apic_pit_start(const struct apic_host *host, unsigned channel,
                                enum apic_pit_mode mode, uint32_t count)
{
    if (!host_ok(host) || channel > 2 || (unsigned)mode > APIC_PIT_MODE_HW_STROBE ||
        count == 0 || count > 65536u ||
        ((mode == APIC_PIT_MODE_RATE || mode == APIC_PIT_MODE_SQUARE) && count < 2)) {
        return APIC_INVALID_ARGUMENT;
    }
    uint8_t cw = (uint8_t)((channel << APIC_PIT_SC_SHIFT) | APIC_PIT_RW_LSB_MSB |
                           ((unsigned)mode << APIC_PIT_MODE_SHIFT));
    host->outb(host->ctx, APIC_PIT_COMMAND, cw);
    /* 65536 is the initial count 0 (8254 datasheet: maximum count). */
    host->outb(host->ctx, (uint16_t)(APIC_PIT_CHANNEL0 + channel), (uint8_t)count);
    host->outb(host->ctx, (uint16_t)(APIC_PIT_CHANNEL0 + channel), (uint8_t)(count >> 8));
    return APIC_OK;
}

enum apic_status apic_pit_channel0_periodic(const struct apic_host *host, uint32_t count)
{
    return apic_pit_start(host, 0, APIC_PIT_MODE_RATE, count);
}

enum apic_status apic_pit_channel0_one_shot(const struct apic_host *host, uint32_t count)
{
    return apic_pit_start(host, 0, APIC_PIT_MODE_TERMINAL_COUNT, count);
}

uint16_t apic_pit_read_count(const struct apic_host *host, unsigned channel)
{
    if (channel > 2) {
        return 0;   /* SC = 11 would be the read-back command */
    }
    uint16_t port = (uint16_t)(APIC_PIT_CHANNEL0 + channel);
    host->outb(host->ctx, APIC_PIT_COMMAND,
               (uint8_t)((channel << APIC_PIT_SC_SHIFT) | APIC_PIT_RW_LATCH));
    uint8_t lo = host->inb(host->ctx, port);
    uint8_t hi = host->inb(host->ctx, port);
    return (uint16_t)(lo | (hi << 8));
}

uint8_t apic_pit_read_status(const struct apic_host *host, unsigned channel)
{
    if (channel > 2) {
        return 0;
    }
    /* Read-back (8254 datasheet, "Read-Back Command"): D7:D6 = 11, COUNT# (D5) =
     * 1 (do not latch the count), STATUS# (D4) = 0 (latch status), D3..D1
     * select counters 2..0, D0 = 0. The status byte is OUT D7, NULL COUNT D6,
     * then the control word's D5:D0 (QEMU's i8254.c builds it the same way). */
    host->outb(host->ctx, APIC_PIT_COMMAND,
               (uint8_t)(APIC_PIT_READ_BACK | 0x20u | (2u << channel)));
    return host->inb(host->ctx, (uint16_t)(APIC_PIT_CHANNEL0 + channel));
}

void apic_pit_gate2(const struct apic_host *host, bool on)
{
    uint8_t b = host->inb(host->ctx, APIC_PIT_PORT_B);
    b = (uint8_t)(b & ~(APIC_PIT_PORT_B_GATE2 | APIC_PIT_PORT_B_SPEAKER));
    /* Bits 7:4 read status (bit 4 refresh, bit 5 OUT2): write back only 3:0. */
    host->outb(host->ctx, APIC_PIT_PORT_B, (uint8_t)((b & 0x0Fu) | (on ? APIC_PIT_PORT_B_GATE2 : 0u)));
}

bool apic_pit_out2(const struct apic_host *host)
{
    return (host->inb(host->ctx, APIC_PIT_PORT_B) & APIC_PIT_PORT_B_OUT2) != 0;
}

uint32_t apic_pit_count_for_hz(uint32_t hz)
{
    if (hz == 0) {
        return 65536u;
    }
    uint32_t c = (APIC_PIT_FREQUENCY_HZ + hz / 2) / hz;
    return c < 2 ? 2 : c > 65536u ? 65536u : c;
}

static uint64_t pit_ref_read(void *ctx)
{
    const struct apic_host *host = ctx;
    return (0x10000u - apic_pit_read_count(host, 2)) & 0xFFFFu;
}

enum apic_status apic_pit_ref_clock(const struct apic_host *host, struct apic_ref_clock *out)
{
    if (out == NULL) {
        return APIC_INVALID_ARGUMENT;
    }
    enum apic_status s = apic_pit_start(host, 2, APIC_PIT_MODE_RATE, 65536u);
    if (s != APIC_OK) {
        return s;
    }
    apic_pit_gate2(host, true);
    out->ctx = (void *)(uintptr_t)host;
    out->read = pit_ref_read;
    out->frequency_hz = APIC_PIT_FREQUENCY_HZ;
    out->mask = 0xFFFFu;
    return APIC_OK;
}

enum apic_status apic_pit_delay_us(const struct apic_host *host, uint32_t us, uint32_t spin_limit)
{
    if (!host_ok(host)) {
        return APIC_INVALID_ARGUMENT;
    }
    uint32_t limit = spin_limit != 0 ? spin_limit : APIC_DEFAULT_SPIN_LIMIT;
    while (us > 0) {
        uint32_t piece = us > 50000u ? 50000u : us;
        us -= piece;
        uint64_t ticks = apic_muldiv_u64(piece, APIC_PIT_FREQUENCY_HZ, 1000000u);
        /* Mode 0 counts from the count written; OUT rises at terminal count. The
         * gate low holds the count; raising it starts the piece. */
        apic_pit_gate2(host, false);
        enum apic_status s = apic_pit_start(host, 2, APIC_PIT_MODE_TERMINAL_COUNT,
                                            ticks == 0 ? 1u : (uint32_t)ticks);
        if (s != APIC_OK) {
            return s;
        }
        /* Mode 0 drives OUT low once programmed: high here means no PIT (an
         * empty bus reads all ones), and the wait below would end at once. */
        if (apic_pit_out2(host)) {
            return APIC_BAD_HARDWARE;
        }
        apic_pit_gate2(host, true);
        uint32_t polls = 0;
        while (!apic_pit_out2(host)) {
            if (++polls > limit) {
                apic_pit_gate2(host, false);
                return APIC_TIMEOUT;
            }
        }
    }
    apic_pit_gate2(host, false);
    return APIC_OK;
}
