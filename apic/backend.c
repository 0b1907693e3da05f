/*
 * apic/backend.c: apic_host_x86, the host services on real x86 hardware.
 */
#include "apic/backend.h"

#include "apic/pit.h"

/* Something for the translation unit to hold on every architecture. */
typedef int apic_backend_unit;

#if defined(__x86_64__) || defined(__i386__)

#include "volatile/access.h"
#include "x86_64/cpuid.h"
#include "x86_64/port.h"
#include "x86_64/registers.h"

static uint32_t x86_mmio_read32(void *ctx, uintptr_t addr)
{
    (void)ctx;
    return vol_read32((const volatile uint32_t *)addr);
}

static void x86_mmio_write32(void *ctx, uintptr_t addr, uint32_t value)
{
    (void)ctx;
    vol_write32((volatile uint32_t *)addr, value);
}

#if defined(__x86_64__)
static uint64_t x86_mmio_read64(void *ctx, uintptr_t addr)
{
    (void)ctx;
    return vol_read64((const volatile uint64_t *)addr);
}
#define X86_MMIO_READ64 x86_mmio_read64
#else
#define X86_MMIO_READ64 NULL
#endif

static uint64_t x86_msr_read(void *ctx, uint32_t msr)
{
    (void)ctx;
    return x86_rdmsr(msr);
}

static void x86_msr_write(void *ctx, uint32_t msr, uint64_t value)
{
    (void)ctx;
    x86_wrmsr(msr, value);
}

static void x86_cpuid_call(void *ctx, uint32_t leaf, uint32_t subleaf, uint32_t out[4])
{
    (void)ctx;
    struct x86_cpuid_regs r = x86_cpuid(leaf, subleaf);
    out[0] = r.eax;
    out[1] = r.ebx;
    out[2] = r.ecx;
    out[3] = r.edx;
}

static uint64_t x86_tsc_read(void *ctx)
{
    (void)ctx;
    uint32_t lo;
    uint32_t hi;
    __asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
    return ((uint64_t)hi << 32) | lo;
}

static uint8_t x86_port_in(void *ctx, uint16_t port)
{
    (void)ctx;
    return x86_inb(port);
}

static void x86_port_out(void *ctx, uint16_t port, uint8_t value)
{
    (void)ctx;
    x86_outb(port, value);
}

static void x86_delay(void *ctx, uint32_t us);

const struct apic_host apic_host_x86 = {
    .ctx = NULL,
    .mmio_read32 = x86_mmio_read32,
    .mmio_write32 = x86_mmio_write32,
    .mmio_read64 = X86_MMIO_READ64,
    .rdmsr = x86_msr_read,
    .wrmsr = x86_msr_write,
    .cpuid = x86_cpuid_call,
    .rdtsc = x86_tsc_read,
    .inb = x86_port_in,
    .outb = x86_port_out,
    .delay_us = x86_delay,
};

static void x86_delay(void *ctx, uint32_t us)
{
    (void)ctx;
    /* Without a PIT the wait ends at the spin limit: it is never shorter than
     * the polls it made, and it never hangs. */
    enum apic_status s = apic_pit_delay_us(&apic_host_x86, us, 0);
    (void)s;
}

#endif
