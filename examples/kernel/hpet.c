/* See hpet.h. Register layout: IA-PC HPET Specification 1.0a, 2.3 (2.3.4
 * General Capabilities and ID, 2.3.5 General Configuration, 2.3.7 Main
 * Counter Value). */
#include "hpet.h"

#include <stdbool.h>
#include <stddef.h>

#include "console.h"
#include "memory.h"
#include "volatile/access.h"

struct hpet_registers {
    struct vol_ro64 general_capabilities;      /* 0x000 */
    uint64_t reserved0;
    struct vol_rw64 general_configuration;     /* 0x010 */
    uint64_t reserved1;
    struct vol_rw64 general_interrupt_status;  /* 0x020 */
    uint8_t reserved2[0xF0 - 0x28];
    struct vol_rw64 main_counter;              /* 0x0F0 */
};
VOL_ASSERT_OFFSET(struct hpet_registers, general_configuration, 0x010);
VOL_ASSERT_OFFSET(struct hpet_registers, main_counter, 0x0F0);

#define HPET_ENABLE_CNF UINT64_C(1)            /* General Configuration bit 0 */
#define FEMTOSECONDS_PER_SECOND UINT64_C(1000000000000000)
/* Reads of the main counter while waiting for it to move. */
#define COUNTER_POLLS 100000u

void hpet_report(const struct acpi_hpet *table)
{
    uint64_t base = table->base_address.address;

    if (table->base_address.space_id != ACPI_GAS_SYSTEM_MEMORY ||
        base >= MEMORY_IDENTITY_LIMIT - sizeof(struct hpet_registers)) {
        console_check(false, "hpet-registers", "block at 0x%llx is not identity-mapped memory",
                      (unsigned long long)base);
        return;
    }
    struct hpet_registers *regs = VOL_BLOCK(struct hpet_registers, base);
    uint64_t caps = VOL_READ(&regs->general_capabilities);
    uint32_t period_fs = (uint32_t)(caps >> 32);
    uint16_t vendor = (uint16_t)(caps >> 16);
    unsigned comparators = (unsigned)((caps >> 8) & 0x1Fu) + 1;

    VOL_UPDATE(&regs->general_configuration, 0, HPET_ENABLE_CNF);
    uint64_t start = VOL_READ(&regs->main_counter);
    uint64_t now = start;
    for (unsigned i = 0; i < COUNTER_POLLS && now == start; i++) {
        now = VOL_READ(&regs->main_counter);
    }
    bool counts = now != start;
    uint64_t khz = period_fs != 0 ? FEMTOSECONDS_PER_SECOND / period_fs / 1000 : 0;

    console_printf("hpet-registers period_fs=%u (%llu kHz) vendor=0x%04x comparators=%u "
                   "counter_moves=%u\n",
                   period_fs, (unsigned long long)khz, vendor, comparators, counts ? 1u : 0u);
    /* 2.3.4: a period of 0 or above 100 ns (10^8 fs) is invalid. */
    console_check(vendor == table->block_id.pci_vendor_id &&
                      comparators == table->block_id.number_of_comparators + 1u &&
                      period_fs != 0 && period_fs <= 100000000u && counts,
                  "hpet-registers", "registers vs ACPI table: vendor 0x%04x/0x%04x, %u/%u comparators",
                  vendor, table->block_id.pci_vendor_id, comparators,
                  table->block_id.number_of_comparators + 1u);
}
