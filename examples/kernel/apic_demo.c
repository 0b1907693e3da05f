/* See apic_demo.h. */
#include "apic_demo.h"

#include "console.h"
#include "keyboard.h"
#include "smp.h"
#include "timer.h"

void apic_demo(struct apic_report *r, const struct acpi_facts *acpi, struct cpu_tables *tables,
               const struct boot_info *boot, const struct acpi_hw_host *hw, uint64_t kernel_cr3,
               void (*serial_only)(const char *text))
{
    struct pm_clock clock;

    /* Every wait below is measured with the PM timer. */
    if (!console_check(acpi->have_root && acpi->have_pm_timer, "apic-prerequisites",
                       "ACPI tables %u, PM timer %u", acpi->have_root, acpi->have_pm_timer)) {
        return;
    }
    apic_report(r, &acpi->root, tables);
    if (!r->ready) {
        return;
    }
    pm_clock_init(&clock, hw, &acpi->pm_timer);
    timer_report(r, &clock);
    smp_report(r, tables, boot, &clock, kernel_cr3);
    keyboard_report(r, &clock, serial_only);
}
