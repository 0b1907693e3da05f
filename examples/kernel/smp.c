/* See smp.h. Intel SDM Vol. 3A 9.4.4.1 (INIT-SIPI-SIPI), 11.6.1 (ICR); MP
 * Specification 1.4 B.4 (the start-up page below 1 MiB, 4 KiB aligned). */
#include "smp.h"

#include "console.h"
#include "lowmem.h"
#include "x86_64/instructions.h"
#include "x86_64/registers.h"

#define AP_STACK_SIZE 16384u

/* trampoline.S: the blob and the fields smp.c patches in its copy. */
extern const char smp_trampoline_start[], smp_trampoline_end[];
extern const char smp_tr_protected[], smp_tr_long[], smp_tr_gdt_base[], smp_tr_far32[],
    smp_tr_far64[], smp_tr_gdt[], smp_tr_efer[], smp_tr_kernel_cr3[], smp_tr_stack[], smp_tr_cpu[];

void smp_ap_main(uint32_t index);

struct ap_slot {
    uint32_t apic_id;           /* from the MADT */
    volatile uint32_t seen_id;  /* the AP's own LAPIC ID register */
    volatile int status;        /* its apic_enable_this_cpu status */
    volatile bool online;
    volatile unsigned ipis;
};

static struct ap_slot slots[APIC_REPORT_MAX_CPUS];
static unsigned slot_count;
static const struct apic_report *report;
static const struct cpu_tables *kernel_tables;
static uint8_t ap_stacks[APIC_REPORT_MAX_CPUS][AP_STACK_SIZE] __attribute__((aligned(16)));

static size_t offset_of(const char *label)
{
    return (size_t)(label - smp_trampoline_start);
}

static void patch32(uint8_t *page, const char *label, uint32_t value)
{
    __builtin_memcpy(page + offset_of(label), &value, sizeof value);
}

static void patch64(uint8_t *page, const char *label, uint64_t value)
{
    __builtin_memcpy(page + offset_of(label), &value, sizeof value);
}

void smp_ap_main(uint32_t index)
{
    struct ap_slot *s = &slots[index];

    x86_gdt_load(&kernel_tables->gdt);
    x86_load_cs(kernel_tables->selectors.kernel_code);
    x86_load_data_segments(kernel_tables->selectors.kernel_data);
    x86_idt_load(&kernel_tables->idt);
    enum apic_status st = apic_enable_this_cpu(report);
    s->seen_id = apic_lapic_id(&report->lapic);
    s->status = (int)st;
    __atomic_store_n(&s->online, true, __ATOMIC_RELEASE);
    x86_sti();
    for (;;) {
        x86_hlt();
    }
}

static void on_ipi(void)
{
    uint32_t id = apic_lapic_id(&report->lapic);
    for (unsigned i = 0; i < slot_count; i++) {
        if (slots[i].seen_id == id && slots[i].online) {
            slots[i].ipis++;
        }
    }
}

static bool ap_online(void *ctx)
{
    const struct ap_slot *s = ctx;
    return __atomic_load_n(&s->online, __ATOMIC_ACQUIRE);
}

static bool ap_got_ipi(void *ctx)
{
    const struct ap_slot *s = ctx;
    return s->ipis > 0;
}

/* Copies and patches the trampoline at PAGE_PHYS (identity-mapped). */
static void install_trampoline(uint32_t page_phys, uint64_t kernel_cr3)
{
    uint8_t *page = (uint8_t *)(uintptr_t)page_phys;
    size_t len = (size_t)(smp_trampoline_end - smp_trampoline_start);

    __builtin_memcpy(page, smp_trampoline_start, len);
    patch32(page, smp_tr_gdt_base, page_phys + (uint32_t)offset_of(smp_tr_gdt));
    patch32(page, smp_tr_far32, page_phys + (uint32_t)offset_of(smp_tr_protected));
    patch32(page, smp_tr_far64, page_phys + (uint32_t)offset_of(smp_tr_long));
    patch32(page, smp_tr_efer, (uint32_t)(x86_read_efer() & (X86_EFER_LME | X86_EFER_NXE)));
    patch64(page, smp_tr_kernel_cr3, kernel_cr3);
}

static unsigned start_aps(const struct apic_report *r, uint32_t page_phys,
                          const struct pm_clock *clock)
{
    uint8_t *page = (uint8_t *)(uintptr_t)page_phys;
    unsigned online = 0;

    for (size_t i = 0; i < r->plat.processors.count && i < APIC_REPORT_MAX_CPUS; i++) {
        const struct acpi_platform_processor *p = &r->cpu_items[i];
        if (p->bsp || !p->enabled) {
            continue;
        }
        unsigned index = slot_count++;
        struct ap_slot *s = &slots[index];
        s->apic_id = p->apic_id;
        patch64(page, smp_tr_stack, (uint64_t)(uintptr_t)(ap_stacks[index] + AP_STACK_SIZE));
        patch32(page, smp_tr_cpu, index);
        const struct apic_startup start = {.apic_id = p->apic_id, .trampoline = page_phys};
        enum apic_status st = apic_lapic_start_ap(&r->lapic, &start);
        bool up = st == APIC_OK && pm_clock_wait(clock, ap_online, s, SMP_AP_WAIT_US);
        if (!up) {
            /* Park a late AP in wait-for-SIPI (SDM 9.4.2) before the next AP's
             * stack is patched into the trampoline it would still read. */
            (void)apic_lapic_send_init(&r->lapic, p->apic_id);
        }
        console_printf("ap index=%u apic_id=%u online=%u lapic_id=%u lapic=%s start=%s\n", index,
                       p->apic_id, up, up ? s->seen_id : 0u,
                       up ? apic_status_str((enum apic_status)s->status) : "-",
                       apic_status_str(st));
        online += console_check(up && s->seen_id == p->apic_id && s->status == APIC_OK,
                                "ap-online", "APIC ID %u: long mode, kernel GDT/IDT, LAPIC "
                                "enabled within %u ms",
                                p->apic_id, SMP_AP_WAIT_US / 1000u);
    }
    return online;
}

static void send_ipis(const struct apic_report *r, const struct pm_clock *clock)
{
    const struct irq_handlers h = {.ipi = on_ipi};
    apic_set_handlers(&h);
    for (unsigned i = 0; i < slot_count; i++) {
        struct ap_slot *s = &slots[i];
        if (!s->online) {
            continue;
        }
        enum apic_status st = apic_lapic_send_fixed(&r->lapic, s->apic_id, VECTOR_IPI);
        bool got = st == APIC_OK && pm_clock_wait(clock, ap_got_ipi, s, SMP_IPI_WAIT_US);
        console_printf("ipi apic_id=%u vector=0x%x received=%u\n", s->apic_id, VECTOR_IPI,
                       s->ipis);
        console_check(got && s->ipis == 1, "ipi-fixed", "to APIC ID %u, counted %u time(s): %s",
                      s->apic_id, s->ipis, apic_status_str(st));
    }
}

void smp_report(const struct apic_report *r, const struct cpu_tables *tables,
                const struct boot_info *boot, const struct pm_clock *clock, uint64_t kernel_cr3)
{
    uint32_t page_phys = boot->have_mmap ? lowmem_startup_page(&boot->mmap, boot->phys,
                                                               boot->phys + boot->info.total_size)
                                         : 0;
    size_t len = (size_t)(smp_trampoline_end - smp_trampoline_start);

    report = r;
    kernel_tables = tables;
    bool placed = page_phys != 0 && len <= LOWMEM_PAGE;
    console_check(placed, "smp-trampoline",
                  "%u bytes at 0x%x (available in the memory map, below 640 KiB)", (unsigned)len,
                  page_phys);
    if (!placed) {
        return;
    }
    install_trampoline(page_phys, kernel_cr3);
    unsigned online = start_aps(r, page_phys, clock);
    unsigned enabled = 0;
    for (size_t i = 0; i < r->plat.processors.count; i++) {
        enabled += r->cpu_items[i].enabled;
    }
    console_printf("smp cpus_running=%u madt_enabled=%u trampoline=0x%x\n", 1 + online, enabled,
                   page_phys);
    console_check(1 + online == enabled, "smp-cpus-running",
                  "the BSP and %u AP(s) run; the MADT enables %u", online, enabled);
    send_ipis(r, clock);
}
