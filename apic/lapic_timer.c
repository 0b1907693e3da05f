/*
 * apic/lapic_timer.c: LAPIC timer modes, divider, TSC deadline, calibration and
 * the TSC frequency (SDM Vol. 3A 11.5.4; Vol. 2A CPUID leaves 15H and 16H).
 */
#include "apic/lapic_timer.h"

#define CPUID1_ECX_TSC_DEADLINE (1u << 24)

enum apic_status apic_timer_divide_encode(enum apic_timer_divide divide, uint32_t *value)
{
    /* Figure 11-10: bits 3,1,0 = 000 /2, 001 /4, 010 /8, 011 /16, 100 /32,
     * 101 /64, 110 /128, 111 /1: the code is log2(divide) - 1, modulo 8. */
    unsigned d = (unsigned)divide;
    if (value == NULL || d == 0 || d > 128 || (d & (d - 1)) != 0) {
        return APIC_INVALID_ARGUMENT;
    }
    unsigned log2 = 0;
    while ((1u << log2) != d) {
        log2++;
    }
    unsigned code = (log2 + 7u) & 7u;
    *value = (code & 3u) | ((code & 4u) << 1);
    return APIC_OK;
}

static enum apic_status start(const struct apic_lapic *l, uint8_t vector,
                              enum apic_timer_mode mode, enum apic_timer_divide divide,
                              uint32_t initial_count)
{
    uint32_t div;
    if (l == NULL || initial_count == 0 || vector < 16) {
        return APIC_INVALID_ARGUMENT;
    }
    enum apic_status s = apic_timer_divide_encode(divide, &div);
    if (s != APIC_OK) {
        return s;
    }
    struct apic_lvt lvt = {.vector = vector, .timer_mode = mode};
    s = apic_lapic_lvt_set(l, APIC_LVT_TIMER, &lvt);
    if (s == APIC_OK) {
        apic_lapic_write(l, APIC_REG_TIMER_DIVIDE, div);
        apic_lapic_write(l, APIC_REG_TIMER_INITIAL, initial_count);
    }
    return s;
}

enum apic_status apic_lapic_timer_one_shot(const struct apic_lapic *l, uint8_t vector,
                                           enum apic_timer_divide divide, uint32_t initial_count)
{
    return start(l, vector, APIC_TIMER_ONE_SHOT, divide, initial_count);
}

enum apic_status apic_lapic_timer_periodic(const struct apic_lapic *l, uint8_t vector,
                                           enum apic_timer_divide divide, uint32_t initial_count)
{
    return start(l, vector, APIC_TIMER_PERIODIC, divide, initial_count);
}

enum apic_status apic_lapic_timer_tsc_deadline(const struct apic_lapic *l, uint8_t vector)
{
    if (l == NULL || l->host == NULL || l->host->cpuid == NULL || vector < 16) {
        return APIC_INVALID_ARGUMENT;
    }
    uint32_t r[4];
    l->host->cpuid(l->host->ctx, 1, 0, r);
    if ((r[2] & CPUID1_ECX_TSC_DEADLINE) == 0) {
        return APIC_NOT_SUPPORTED;
    }
    struct apic_lvt lvt = {.vector = vector, .timer_mode = APIC_TIMER_TSC_DEADLINE};
    enum apic_status s = apic_lapic_lvt_set(l, APIC_LVT_TIMER, &lvt);
#if defined(__x86_64__) || defined(__i386__)
    /* SDM 11.5.4.1: in xAPIC mode the LVT write (a memory store) must be ordered
     * before the later WRMSR to IA32_TSC_DEADLINE, which MFENCE does. */
    __asm__ __volatile__("mfence" : : : "memory");
#endif
    return s;
}

void apic_lapic_tsc_deadline_arm(const struct apic_lapic *l, uint64_t tsc_deadline)
{
    l->host->wrmsr(l->host->ctx, APIC_MSR_TSC_DEADLINE, tsc_deadline);
}

void apic_lapic_timer_stop(const struct apic_lapic *l)
{
    /* Masked first, so that no interrupt comes between the two writes. */
    apic_lapic_write(l, APIC_REG_LVT_TIMER,
                     apic_lapic_read(l, APIC_REG_LVT_TIMER) | APIC_LVT_MASKED);
    apic_lapic_write(l, APIC_REG_TIMER_INITIAL, 0);
}

uint32_t apic_lapic_timer_current(const struct apic_lapic *l)
{
    return apic_lapic_read(l, APIC_REG_TIMER_CURRENT);
}

uint32_t apic_timer_count_for_us(uint64_t hz, uint32_t period_us)
{
    uint64_t n = apic_muldiv_u64(hz, period_us, 1000000u);
    uint64_t rem_check = apic_muldiv_u64(hz, (uint64_t)period_us * 2u, 1000000u);
    if (rem_check != UINT64_MAX && (rem_check & 1u) != 0) {
        n++;   /* the dropped fraction was at least one half */
    }
    if (n > UINT32_MAX) {
        return UINT32_MAX;
    }
    return n == 0 ? 1u : (uint32_t)n;
}

/* The LAPIC current count as an up-counter for apic_calibrate. */
static uint64_t lapic_elapsed(void *ctx)
{
    const struct apic_lapic *l = ctx;
    return 0xFFFFFFFFu - apic_lapic_read(l, APIC_REG_TIMER_CURRENT);
}

enum apic_status apic_lapic_timer_calibrate(const struct apic_lapic *l,
                                            const struct apic_ref_clock *ref,
                                            enum apic_timer_divide divide, uint32_t window_us,
                                            struct apic_calibration *out)
{
    uint32_t div;
    if (l == NULL || out == NULL) {
        return APIC_INVALID_ARGUMENT;
    }
    enum apic_status s = apic_timer_divide_encode(divide, &div);
    if (s != APIC_OK) {
        return s;
    }
    struct apic_lvt lvt = {.vector = 0xFF, .masked = true, .timer_mode = APIC_TIMER_ONE_SHOT};
    s = apic_lapic_lvt_set(l, APIC_LVT_TIMER, &lvt);
    if (s != APIC_OK) {
        return s;
    }
    apic_lapic_write(l, APIC_REG_TIMER_DIVIDE, div);
    apic_lapic_write(l, APIC_REG_TIMER_INITIAL, 0xFFFFFFFFu);
    /* A const cast is avoided by reading through a copy of the descriptor. */
    struct apic_lapic copy = *l;
    struct apic_counter c = {&copy, lapic_elapsed, 0xFFFFFFFFu};
    s = apic_calibrate(&c, ref, window_us, l->spin_limit, out);
    uint32_t left = apic_lapic_read(l, APIC_REG_TIMER_CURRENT);
    apic_lapic_write(l, APIC_REG_TIMER_INITIAL, 0);
    if (s == APIC_OK && left == 0) {
        return APIC_TIMEOUT;   /* the one-shot count expired inside the window */
    }
    if (s == APIC_OK) {
        out->frequency_hz *= (uint64_t)divide;
    }
    return s;
}

enum apic_status apic_tsc_frequency_cpuid(const struct apic_host *host, uint64_t *hz,
                                          enum apic_freq_source *source)
{
    if (host == NULL || host->cpuid == NULL || hz == NULL || source == NULL) {
        return APIC_INVALID_ARGUMENT;
    }
    uint32_t r[4];
    host->cpuid(host->ctx, 0, 0, r);
    uint32_t max_leaf = r[0];
    if (max_leaf >= 0x15) {
        /* Leaf 15H: EAX denominator, EBX numerator, ECX crystal Hz (0: not
         * enumerated); TSC = ECX * EBX / EAX. */
        host->cpuid(host->ctx, 0x15, 0, r);
        if (r[0] != 0 && r[1] != 0 && r[2] != 0) {
            *hz = apic_muldiv_u64(r[2], r[1], r[0]);
            *source = APIC_FREQ_CPUID_15H;
            return APIC_OK;
        }
    }
    if (max_leaf >= 0x16) {
        host->cpuid(host->ctx, 0x16, 0, r);   /* EAX[15:0]: base frequency, MHz */
        if ((r[0] & 0xFFFFu) != 0) {
            *hz = (uint64_t)(r[0] & 0xFFFFu) * 1000000u;
            *source = APIC_FREQ_CPUID_16H;
            return APIC_OK;
        }
    }
    return APIC_NOT_FOUND;
}

enum apic_status apic_lapic_timer_frequency_cpuid(const struct apic_host *host, uint64_t *hz)
{
    if (host == NULL || host->cpuid == NULL || hz == NULL) {
        return APIC_INVALID_ARGUMENT;
    }
    uint32_t r[4];
    host->cpuid(host->ctx, 0, 0, r);
    if (r[0] < 0x15) {
        return APIC_NOT_FOUND;
    }
    host->cpuid(host->ctx, 0x15, 0, r);
    /* SDM 11.5.4: the timer counts the core crystal clock "when TSC/core crystal
     * clock ratio is enumerated in CPUID leaf 0x15" (EAX and EBX not 0), else the
     * bus clock; ECX 0 means the crystal frequency is not enumerated. (The 2016
     * edition's 10.5.4, the copy the search tool holds, predates the sentence;
     * it is quoted from the current SDM and not confirmed against a stored copy.) */
    if (r[0] == 0 || r[1] == 0 || r[2] == 0) {
        return APIC_NOT_FOUND;
    }
    *hz = r[2];
    return APIC_OK;
}

static uint64_t tsc_read(void *ctx)
{
    const struct apic_host *host = ctx;
    return host->rdtsc(host->ctx);
}

enum apic_status apic_tsc_calibrate(const struct apic_host *host, const struct apic_ref_clock *ref,
                                    uint32_t window_us, struct apic_calibration *out)
{
    if (host == NULL || host->rdtsc == NULL) {
        return APIC_INVALID_ARGUMENT;
    }
    struct apic_host copy = *host;
    struct apic_counter c = {&copy, tsc_read, UINT64_MAX};
    return apic_calibrate(&c, ref, window_us, 0, out);
}
