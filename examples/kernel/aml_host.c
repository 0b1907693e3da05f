/* See aml_host.h. */
#include "aml_host.h"

#include "acpi/aml.h"
#include "console.h"
#include "memory.h"
#include "x86_64/instructions.h"
#include "x86_64/port.h"

/* Interpreter messages beyond this many are counted, not printed: hostile or
 * chatty AML must not flood COM1 past the boot time budget. */
#define MAX_LOG_LINES 64u
/* A stall without a PM timer: pause instructions per microsecond, roughly. */
#define PAUSES_PER_US 100u
#define NS_PER_S UINT64_C(1000000000)

static void *host_map(void *ctx, uint64_t phys, size_t len)
{
    (void)ctx;
    if (phys >= MEMORY_IDENTITY_LIMIT || len > MEMORY_IDENTITY_LIMIT - phys) {
        return NULL;
    }
    return (void *)(uintptr_t)phys;
}

static void host_unmap(void *ctx, void *virt, size_t len)
{
    (void)ctx;
    (void)virt;
    (void)len;
}

static uint32_t host_port_read(void *ctx, uint16_t port, uint8_t width)
{
    (void)ctx;
    switch (width) {
    case 1:
        return x86_inb(port);
    case 2:
        return x86_inw(port);
    default:
        return x86_inl(port);
    }
}

static void host_port_write(void *ctx, uint16_t port, uint8_t width, uint32_t value)
{
    (void)ctx;
    switch (width) {
    case 1:
        x86_outb(port, (uint8_t)value);
        break;
    case 2:
        x86_outw(port, (uint16_t)value);
        break;
    default:
        x86_outl(port, value);
        break;
    }
}

/* acpi/aml_host_pci.h answers: all ones for what nothing reaches. */
static uint64_t host_pci_read(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                              uint16_t offset, uint8_t width)
{
    const struct aml_kernel_host *k = ctx;

    return acpi_aml_pci_read(&k->pci, seg, bus, dev, fn, offset, width);
}

static void host_pci_write(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                           uint16_t offset, uint8_t width, uint64_t value)
{
    const struct aml_kernel_host *k = ctx;
    /* AML cannot see a failed write (acpi/aml_host.h): dropped, as hardware
     * drops writes to absent functions. */
    enum acpi_status st = acpi_aml_pci_write(&k->pci, seg, bus, dev, fn, offset, width, value);

    (void)st;
}

/* Nanoseconds since the first call: PM timer ticks accumulated across the
 * counter's wrap (24 bits wrap every 4.7 s; the interpreter reads the clock
 * far more often than that while it runs). */
static uint64_t host_clock_ns(void *ctx)
{
    struct aml_kernel_host *k = ctx;
    uint32_t now;

    if (acpi_pm_timer_read(k->hw, &k->timer, &now) == ACPI_OK) {
        k->ticks += acpi_pm_timer_elapsed(&k->timer, k->last, now);
        k->last = now;
    }
    return k->ticks / ACPI_PM_TIMER_FREQUENCY_HZ * NS_PER_S +
           k->ticks % ACPI_PM_TIMER_FREQUENCY_HZ * NS_PER_S / ACPI_PM_TIMER_FREQUENCY_HZ;
}

void aml_kernel_stall_us(void *ctx, uint32_t us)
{
    struct aml_kernel_host *k = ctx;

    if (!k->have_timer) {
        for (uint64_t i = 0; i < (uint64_t)us * PAUSES_PER_US; i++) {
            x86_pause();
        }
        return;
    }
    uint64_t end = host_clock_ns(k) + (uint64_t)us * 1000u;
    /* The PM timer runs at 3.58 MHz: a poll loop of this bound lasts far
     * longer than the largest stall (UINT32_MAX us) even if the timer stops. */
    for (uint64_t polls = 0; polls < (uint64_t)us * 64u + 64u && host_clock_ns(k) < end; polls++) {
        x86_pause();
    }
}

static void host_sleep_ms(void *ctx, uint64_t ms)
{
    /* Single-threaded kernel: a sleep is a stall, in 1 ms steps, at most 10 s
     * (AML asks for at most 65535 ms per Sleep; the boot budget is 15 s). */
    for (uint64_t i = 0; i < ms && i < 10000u; i++) {
        aml_kernel_stall_us(ctx, 1000u);
    }
}

static const char *level_name(enum acpi_aml_log_level level)
{
    switch (level) {
    case ACPI_AML_LOG_ERROR:
        return "error";
    case ACPI_AML_LOG_WARN:
        return "warn";
    case ACPI_AML_LOG_INFO:
        return "info";
    default:
        return "trace";
    }
}

static void host_log(void *ctx, enum acpi_aml_log_level level, const char *msg)
{
    struct aml_kernel_host *k = ctx;

    if (level == ACPI_AML_LOG_TRACE || k->log_lines >= MAX_LOG_LINES) {
        return;
    }
    k->log_lines++;
    console_printf("aml-log level=%s text=\"%s\"\n", level_name(level), msg);
}

static void host_notify(void *ctx, const struct acpi_aml_node *node, uint64_t value)
{
    (void)ctx;
    console_printf("aml-notify node=%.4s value=0x%llx\n", acpi_aml_node_name(node),
                   (unsigned long long)value);
}

static void host_fatal(void *ctx, uint8_t type, uint32_t code, uint64_t arg)
{
    (void)ctx;
    console_printf("aml-fatal type=0x%x code=0x%x arg=0x%llx\n", type, code,
                   (unsigned long long)arg);
}

void aml_kernel_host_init(struct aml_kernel_host *k, struct acpi_aml_host *host,
                          const struct acpi_hw_host *hw, const struct acpi_pm_timer *timer,
                          const struct acpi_mcfg_allocation *ecam, unsigned ecam_count)
{
    *k = (struct aml_kernel_host){.hw = hw};
    if (timer != NULL) {
        k->timer = *timer;
        k->have_timer = acpi_pm_timer_read(hw, timer, &k->last) == ACPI_OK;
    }
    acpi_aml_pci_init(&k->pci);
    for (unsigned i = 0; i < ecam_count; i++) {
        const struct acpi_mcfg_allocation *a = &ecam[i];
        uint64_t phys = pci_ecam_window_phys(a->base_address, a->start_bus);
        uint64_t size = pci_ecam_window_size(a->start_bus, a->end_bus);
        /* Through the identity map (memory.h), as the PCI report reads ECAM;
         * real hardware wants these pages mapped uncached. */
        if (size != 0 && phys < MEMORY_IDENTITY_LIMIT && size <= MEMORY_IDENTITY_LIMIT - phys) {
            enum acpi_status st = acpi_aml_pci_add_ecam_window(
                &k->pci, (volatile void *)(uintptr_t)phys, a->base_address, a->pci_segment_group,
                a->start_bus, a->end_bus);
            (void)st; /* a full table leaves the region to Mechanism #1 */
        }
    }
    enum acpi_status legacy = acpi_aml_pci_set_legacy(&k->pci, NULL);
    (void)legacy; /* x86: always available */
    *host = (struct acpi_aml_host){
        .ctx = k,
        .map = host_map,
        .unmap = host_unmap,
        .port_read = host_port_read,
        .port_write = host_port_write,
        .pci_read = host_pci_read,
        .pci_write = host_pci_write,
        .clock_ns = k->have_timer ? host_clock_ns : NULL,
        .sleep_ms = host_sleep_ms,
        .stall_us = aml_kernel_stall_us,
        .log = host_log,
        .notify = host_notify,
        .fatal = host_fatal,
    };
}
