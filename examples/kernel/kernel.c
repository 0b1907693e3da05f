/* The demo kernel: boot.S enters kernel_main in long mode with GRUB's
 * Multiboot2 magic and boot information address. It reports what every
 * library of the suite finds on this machine, on COM1 and on the framebuffer,
 * checks itself, waits for one byte on COM1 (so a test harness can query the
 * QEMU monitor while the machine is in the state the report describes) and
 * powers the machine off through the AML interpreter's \_S5 when every check
 * passed (aml_report.h); any failure leaves QEMU through isa-debug-exit's
 * failure code (the success code only if there is no interpreter). */
#include <stdbool.h>
#include <stdint.h>

#include "acpi_report.h"
#include "aml_report.h"
#include "aml_tables.h"
#include "apic_demo.h"
#include "bootinfo.h"
#include "console.h"
#include "fbcon.h"
#include "interrupts.h"
#include "memory.h"
#include "pci_irq.h"
#include "pci_report.h"
#include "multiboot2/header.h"
#include "qemu_exit/qemu_exit.h"
#include "uart16550/backend.h"
#include "x86_64/cpuid.h"
#include "x86_64/instructions.h"
#include "x86_64/port.h"
#include "x86_64/registers.h"

/* Report framing on COM1 (only there: firmware and GRUB write to COM1 too). */
#define REPORT_BEGIN "\n@@OSDEV-REPORT-BEGIN\n"
#define REPORT_WAIT "@@OSDEV-WAIT press a key (or send a byte on COM1) to exit\n"
#define REPORT_END "@@OSDEV-REPORT-END\n"

#define COM1_PORT 0x3F8u

/* An unmapped region whose pages the page-fault handler maps on first touch. */
#define DEMAND_BASE UINT64_C(0xFFFF900000000000)
#define DEMAND_PAGES 4u
#define DEMAND_PATTERN UINT64_C(0x0123456789ABCDEF)

#define WAIT_SECONDS 30u
/* Bound of the wait when there is no PM timer to measure it. */
#define WAIT_POLLS_WITHOUT_TIMER 400000000u

/* Multiboot2 spec 3.1: the header GRUB looks for in the first 32 KiB. It asks
 * for a 1024x768x32 linear framebuffer (optional: the kernel boots without). */
struct kernel_mb2_header {
    struct mb2_header header;
    MB2_HEADER_SLOT(struct mb2_header_tag_framebuffer) framebuffer;
    MB2_HEADER_SLOT(struct mb2_header_tag) end;
};
__attribute__((section(".multiboot2"), used, aligned(8))) static const struct kernel_mb2_header
    kernel_mb2_header = {
        .header = MB2_HEADER_INIT(MB2_HEADER_ARCHITECTURE_I386, sizeof(struct kernel_mb2_header)),
        .framebuffer = {MB2_HEADER_TAG_FRAMEBUFFER_INIT(MB2_HEADER_TAG_OPTIONAL, 1024, 768, 32)},
        .end = {MB2_HEADER_TAG_END_INIT},
};

struct kernel {
    struct uart16550 uart;
    bool uart_ok;
    struct fbcon fb;
    struct boot_info boot;
    struct cpu_tables cpu;
    struct frame_allocator frames;
    struct x86_mapper mapper;
    bool mapper_ready;
    bool nx;                    /* EFER.NXE is on (boot.S sets it when CPUID has NX) */
    struct acpi_facts acpi;
    struct apic_report apic;
    struct aml_state aml;
    struct pci_irq pci_irq;
    struct pci_irq pci_probe;
    unsigned breakpoints;
    unsigned demand_faults;
    struct qemu_exit exit;
};

/* The kernel's state: one instance, reached by the interrupt dispatcher too. */
static struct kernel kernel;
static uint8_t double_fault_stack[16384] __attribute__((aligned(16)));

void kernel_main(uint32_t magic, uint64_t mbi);

/* linker.ld: physical bounds of the loaded image (absolute symbols). */
extern const char kernel_phys_start[], kernel_phys_end[];

static const void *identity_map(void *ctx, uint64_t phys, size_t len)
{
    (void)ctx;
    if (phys >= MEMORY_IDENTITY_LIMIT || len > MEMORY_IDENTITY_LIMIT - phys) {
        return NULL;
    }
    return (const void *)(uintptr_t)phys;
}

static void identity_unmap(void *ctx, const void *virt, size_t len)
{
    (void)ctx;
    (void)virt;
    (void)len;
}

static void serial_marker(const char *text)
{
    if (kernel.uart_ok) {
        (void)uart16550_write_string(&kernel.uart, text);
    }
}

static void print_status(void)
{
    unsigned total = console_checks_total();
    unsigned failed = console_checks_failed();

    if (failed == 0) {
        console_printf("status PASS checks=%u: every check passed\n", total);
    } else {
        console_printf("status FAIL checks=%u failed=%u\n", total, failed);
    }
}

static void end_report(void)
{
    serial_marker(REPORT_END);
    if (kernel.uart_ok) {
        (void)uart16550_flush(&kernel.uart);
    }
}

static enum acpi_status hw_io_read(void *ctx, uint16_t port, unsigned width, uint32_t *value);
static enum acpi_status hw_io_write(void *ctx, uint16_t port, unsigned width, uint32_t value);

/* The acpi/hwreg.h host: fixed-hardware registers in system I/O space. */
static const struct acpi_hw_host kernel_hw = {.io_read = hw_io_read, .io_write = hw_io_write};

static _Noreturn void finish(void)
{
    print_status();
    if (console_checks_failed() == 0 && kernel.aml.aml != NULL) {
        /* Returns only when the power-off failed (a failed check). */
        aml_poweroff(&kernel.aml, &kernel_hw, end_report);
        print_status();
    }
    end_report();
    if (console_checks_failed() == 0) {
        qemu_exit_success(&kernel.exit);
    }
    qemu_exit_failure(&kernel.exit);
}

/* Maps a fresh frame at a touched page of the demand region; false for any
 * other fault. */
static bool handle_demand_fault(uint64_t address, uint64_t error)
{
    uint64_t page = address & ~UINT64_C(0xFFF);
    uint64_t frame;

    if (!kernel.mapper_ready || (error & X86_PF_PRESENT) != 0 || address < DEMAND_BASE ||
        address >= DEMAND_BASE + (uint64_t)DEMAND_PAGES * 4096) {
        return false;
    }
    if (!frame_allocator_alloc(&kernel.frames, &frame)) {
        return false;
    }
    enum x86_status st = x86_map(&kernel.mapper, page, frame, X86_PAGE_4K,
                                 X86_PTE_WRITABLE | (kernel.nx ? X86_PTE_NO_EXECUTE : 0));
    console_printf("exception vector=14 (page fault) address=0x%llx error=0x%llx: mapped frame "
                   "0x%llx there (%s)\n",
                   (unsigned long long)address, (unsigned long long)error,
                   (unsigned long long)frame, x86_status_str(st));
    kernel.demand_faults++;
    return st == X86_OK;
}

static void on_interrupt(struct x86_isr_frame *f)
{
    if (f->vector == X86_EXC_BP) {
        /* RIP already points past the int3. */
        console_printf("exception vector=3 (breakpoint) rip=0x%llx: resuming\n",
                       (unsigned long long)f->rip);
        kernel.breakpoints++;
        return;
    }
    if (f->vector == X86_EXC_PF && handle_demand_fault(x86_read_cr2(), f->error_code)) {
        return;
    }
    if (pci_irq_dispatch(f->vector)) {
        return;
    }
    if (f->vector >= X86_FIRST_USER_VECTOR && apic_dispatch(f->vector)) {
        return;
    }
    console_printf("exception vector=%llu (%s) error=0x%llx rip=0x%llx cr2=0x%llx: fatal\n",
                   (unsigned long long)f->vector, interrupts_exception_name(f->vector),
                   (unsigned long long)f->error_code, (unsigned long long)f->rip,
                   (unsigned long long)x86_read_cr2());
    console_check(false, "no-unexpected-exception", "vector %llu", (unsigned long long)f->vector);
    finish();
}

static void start_framebuffer(void)
{
    const struct mb2_framebuffer *fb = &kernel.boot.fb;

    if (!kernel.boot.have_fb || fb->framebuffer_type != MB2_FRAMEBUFFER_TYPE_RGB ||
        identity_map(NULL, fb->framebuffer_addr,
                     (size_t)fb->framebuffer_pitch * fb->framebuffer_height) == NULL) {
        return;
    }
    struct fbcon_mode mode = {
        .address = fb->framebuffer_addr,
        .pitch = fb->framebuffer_pitch,
        .width = fb->framebuffer_width,
        .height = fb->framebuffer_height,
        .bpp = fb->framebuffer_bpp,
        .red_position = fb->rgb.framebuffer_red_field_position,
        .red_size = fb->rgb.framebuffer_red_mask_size,
        .green_position = fb->rgb.framebuffer_green_field_position,
        .green_size = fb->rgb.framebuffer_green_mask_size,
        .blue_position = fb->rgb.framebuffer_blue_field_position,
        .blue_size = fb->rgb.framebuffer_blue_mask_size,
    };
    if (fbcon_init(&kernel.fb, &mode)) {
        console_attach_fb(&kernel.fb);
    }
}

static bool report_cpu(void)
{
    struct x86_cpuid_raw raw;
    struct x86_cpu_info cpu;

    x86_cpuid_read(&raw);
    x86_cpuid_decode(&raw, &cpu);
    console_printf("cpuid vendor=%s family=%u model=%u stepping=%u phys_bits=%u long_mode=%u "
                   "nx=%u page_1g=%u hypervisor=%u\n",
                   cpu.vendor_string, cpu.family, cpu.model, cpu.stepping, cpu.phys_addr_bits,
                   cpu.long_mode, cpu.nx, cpu.page_1g, cpu.hypervisor);
    console_check(cpu.long_mode, "cpuid-long-mode", "CPUID 80000001h EDX.LM=%u", cpu.long_mode);
    return cpu.nx;
}

static void setup_interrupts(void)
{
    enum x86_status st = interrupts_init(
        &kernel.cpu, (uint64_t)(uintptr_t)(double_fault_stack + sizeof double_fault_stack),
        on_interrupt);
    console_check(st == X86_OK, "gdt-tss-idt", "%s; double faults on IST%u", x86_status_str(st),
                  INTERRUPTS_DOUBLE_FAULT_IST);
    if (st != X86_OK) {
        return;
    }
    /* The task register now selects our TSS, and #DF's gate names IST1 in it. */
    uint16_t tr;
    __asm__ __volatile__("str %0" : "=r"(tr));
    const struct x86_idt_gate *df = &kernel.cpu.idt.gates[X86_EXC_DF];
    console_check(tr == kernel.cpu.selectors.tss && (df->ist & 7u) == INTERRUPTS_DOUBLE_FAULT_IST &&
                      kernel.cpu.tss.ist[INTERRUPTS_DOUBLE_FAULT_IST - 1] != 0,
                  "double-fault-ist", "TR=0x%x (TSS selector 0x%x), #DF gate IST%u, stack top 0x%llx",
                  tr, kernel.cpu.selectors.tss, df->ist & 7u,
                  (unsigned long long)kernel.cpu.tss.ist[INTERRUPTS_DOUBLE_FAULT_IST - 1]);
    x86_int3();
    console_check(kernel.breakpoints == 1, "breakpoint", "int3 caught %u time(s), execution went on",
                  kernel.breakpoints);
}

static void setup_paging(void)
{
    const struct boot_info *b = &kernel.boot;
    bool ok = true;

    frame_allocator_init(&kernel.frames, MEMORY_IDENTITY_LIMIT);
    if (b->have_mmap) {
        struct mb2_mmap_iter it;
        struct mb2_mmap_entry e;
        mb2_mmap_iter_init(&it, &b->mmap);
        while (mb2_mmap_next(&it, &e) == MB2_OK) {
            if (e.type == MB2_MEMORY_AVAILABLE) {
                ok = frame_allocator_add_usable(&kernel.frames, e.base_addr, e.length) && ok;
            }
        }
    }
    /* The linker script's physical bounds are absolute symbols, not objects. */
    ok = frame_allocator_reserve(&kernel.frames, (uint64_t)(uintptr_t)kernel_phys_start,
                                 (uint64_t)(uintptr_t)kernel_phys_end) && ok;
    ok = frame_allocator_reserve(&kernel.frames, b->phys, b->phys + b->info.total_size) && ok;
    for (unsigned i = 0; i < b->module_count; i++) {
        ok = frame_allocator_reserve(&kernel.frames, b->modules[i].mod_start,
                                     b->modules[i].mod_end) && ok;
    }
    if (!console_check(ok && kernel.frames.usable_count > 0, "frame-allocator",
                       "%u usable ranges from the memory map", kernel.frames.usable_count)) {
        return;
    }

    enum x86_status st = memory_build_kernel_tables(&kernel.mapper, &kernel.frames, kernel.nx);
    if (!console_check(st == X86_OK, "page-tables", "%s; %llu frames for tables",
                       x86_status_str(st), (unsigned long long)kernel.frames.handed_out)) {
        return;
    }
    memory_switch_to(&kernel.mapper);
    kernel.mapper_ready = true;

    /* Still running: check the new tables through the mapper's own walk. */
    struct x86_translation tr;
    uint64_t virt = (uint64_t)(uintptr_t)&kernel;
    st = x86_translate(&kernel.mapper, virt, &tr);
    console_check(st == X86_OK && tr.phys == memory_kernel_phys(&kernel) &&
                      x86_read_cr3() == kernel.mapper.root,
                  "cr3-switch", "CR3=0x%llx, kernel data 0x%llx -> 0x%llx",
                  (unsigned long long)x86_read_cr3(), (unsigned long long)virt,
                  (unsigned long long)tr.phys);

    /* A deliberate page fault: the handler maps the page, the write retries. */
    volatile uint64_t *demand = (volatile uint64_t *)(uintptr_t)DEMAND_BASE;
    *demand = DEMAND_PATTERN;
    console_check(kernel.demand_faults == 1 && *demand == DEMAND_PATTERN, "page-fault",
                  "%u fault(s) at 0x%llx handled, value read back", kernel.demand_faults,
                  (unsigned long long)DEMAND_BASE);
}

static enum acpi_status hw_io_read(void *ctx, uint16_t port, unsigned width, uint32_t *value)
{
    (void)ctx;
    switch (width) {
    case 8:
        *value = x86_inb(port);
        return ACPI_OK;
    case 16:
        *value = x86_inw(port);
        return ACPI_OK;
    case 32:
        *value = x86_inl(port);
        return ACPI_OK;
    default:
        return ACPI_UNSUPPORTED;
    }
}

static enum acpi_status hw_io_write(void *ctx, uint16_t port, unsigned width, uint32_t value)
{
    (void)ctx;
    switch (width) {
    case 8:
        x86_outb(port, (uint8_t)value);
        return ACPI_OK;
    case 16:
        x86_outw(port, (uint16_t)value);
        return ACPI_OK;
    case 32:
        x86_outl(port, value);
        return ACPI_OK;
    default:
        return ACPI_UNSUPPORTED;
    }
}

/* Waits for one byte on COM1, at most WAIT_SECONDS measured with the ACPI PM
 * timer (or a fixed number of polls without one); at once without a UART. */
static void wait_for_byte(void)
{
    const struct acpi_hw_host *hw = &kernel_hw;
    const struct acpi_pm_timer *timer = &kernel.acpi.pm_timer;
    uint32_t last = 0;
    bool timed = kernel.acpi.have_pm_timer && acpi_pm_timer_read(hw, timer, &last) == ACPI_OK;
    uint64_t elapsed = 0;
    uint8_t byte;

    if (!kernel.uart_ok) {
        return;
    }
    serial_marker(REPORT_WAIT);
    for (uint64_t polls = 0;; polls++) {
        enum uart16550_status st = uart16550_try_receive_byte(&kernel.uart, &byte);
        if (st != UART16550_WOULD_BLOCK) {
            return;
        }
        uint32_t now;
        if (timed && acpi_pm_timer_read(hw, timer, &now) == ACPI_OK) {
            elapsed += acpi_pm_timer_elapsed(timer, last, now);
            last = now;
            if (elapsed >= (uint64_t)WAIT_SECONDS * ACPI_PM_TIMER_FREQUENCY_HZ) {
                return;
            }
        } else if (polls >= WAIT_POLLS_WITHOUT_TIMER) {
            return;
        }
        x86_pause();
    }
}

void kernel_main(uint32_t magic, uint64_t mbi)
{
    const struct uart16550_config uart_config = UART16550_CONFIG_DEFAULT;
    const struct qemu_exit exit_device = QEMU_EXIT_DEFAULT;
    const struct acpi_host host = {NULL, identity_map, identity_unmap};

    kernel.exit = exit_device;
    enum uart16550_status uart_st = uart16550_init_port(&kernel.uart, COM1_PORT, &uart_config);
    kernel.uart_ok = uart_st == UART16550_OK;
    if (kernel.uart_ok) {
        console_init(&kernel.uart);
    }
    serial_marker(REPORT_BEGIN);

    enum mb2_status mb2_st = boot_info_read(&kernel.boot, magic, mbi);
    start_framebuffer();
    console_printf("osdev-c demo kernel: every library of the suite on this machine\n");
    console_check(kernel.uart_ok, "uart16550", "COM1 0x3F8, loopback self-test: %s",
                  uart16550_status_str(uart_st));
    console_check(mb2_st == MB2_OK, "multiboot2", "magic 0x%x, boot information at 0x%llx: %s",
                  magic, (unsigned long long)mbi, mb2_status_str(mb2_st));
    if (mb2_st != MB2_OK && kernel.boot.info.bytes == NULL) {
        finish();
    }
    if (kernel.boot.have_fb && kernel.boot.fb.framebuffer_type == MB2_FRAMEBUFFER_TYPE_RGB) {
        console_check(kernel.fb.columns > 0, "framebuffer",
                      "%ux%ux%u, %u panes of %u columns x %u rows of text",
                      kernel.boot.fb.framebuffer_width, kernel.boot.fb.framebuffer_height,
                      kernel.boot.fb.framebuffer_bpp, kernel.fb.panes, kernel.fb.columns,
                      kernel.fb.rows);
    } else {
        /* Text mode or none: GRUB found no linear mode; the report stays on COM1. */
        console_printf("framebuffer none (no linear RGB framebuffer from GRUB)\n");
    }

    kernel.nx = report_cpu();
    boot_info_print(&kernel.boot);
    setup_interrupts();
    /* Firmware structures first: once frames are handed out, RAM the memory
     * map calls available (e.g. what UEFI boot services used) may be reused. */
    acpi_report(&kernel.acpi, &kernel.boot, &host);
    setup_paging();
    apic_demo(&kernel.apic, &kernel.acpi, &kernel.cpu, &kernel.boot, &kernel_hw, x86_read_cr3(),
              serial_marker);
    aml_survey(&kernel.aml, &kernel.acpi, &kernel_hw);
    /* After the survey: it walks every host bridge the device layer found. */
    pci_report(&kernel.acpi, &kernel.aml);

    aml_tables_report();
    pci_irq_demo(&kernel.pci_irq, &kernel.aml, &kernel.apic, &kernel.acpi, &kernel_hw);
    pci_irq_probe(&kernel.pci_probe, &kernel.aml, &kernel.apic, &kernel.acpi, &kernel_hw);

    unsigned failed = console_checks_failed();
    console_printf("summary checks=%u failed=%u: %s\n", console_checks_total(), failed,
                   failed == 0 ? "PASS" : "FAIL");
    wait_for_byte();
    pci_irq_finish(&kernel.pci_irq);
    pci_irq_probe_finish(&kernel.pci_probe);
    finish();
}
