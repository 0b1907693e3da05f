/* A 32-bit kernel's use of apic/ for the i686 compile test (compile_i686.py):
 * everything a kernel calls on the boot CPU, with the ready-made x86 host. It is
 * compiled and linked, never run. */
#include "apic/apic.h"

int apic_i686_kernel_main(uintptr_t lapic_page, uintptr_t ioapic_page, uintptr_t hpet_page);

int apic_i686_kernel_main(uintptr_t lapic_page, uintptr_t ioapic_page, uintptr_t hpet_page)
{
    struct apic_lapic lapic;
    struct apic_ioapic io;
    struct apic_hpet hpet;
    struct apic_ref_clock ref;
    struct apic_calibration cal;
    struct apic_startup ap = {.apic_id = 1, .trampoline = 0x8000};
    int bad = 0;
    bad |= apic_pic8259_disable(&apic_host_x86, 0x20, 0x28) != APIC_OK;
    bad |= apic_lapic_init(&lapic, &apic_host_x86, lapic_page) != APIC_OK;
    bad |= apic_lapic_enable(&lapic, 0xFF, 0) != APIC_OK;
    bad |= apic_ioapic_init(&io, &apic_host_x86, ioapic_page, 0) != APIC_OK;
    bad |= apic_ioapic_route_gsi(&io, 1, 1, APIC_POLARITY_ACTIVE_HIGH, APIC_TRIGGER_EDGE, 0x21,
                                 (uint8_t)apic_lapic_id(&lapic)) != APIC_OK;
    bad |= apic_hpet_init(&hpet, &apic_host_x86, hpet_page) != APIC_OK;
    apic_hpet_enable(&hpet, true);
    apic_hpet_ref_clock(&hpet, &ref);
    bad |= apic_lapic_timer_calibrate(&lapic, &ref, APIC_DIVIDE_16, 10000, &cal) != APIC_OK;
    bad |= apic_lapic_timer_periodic(&lapic, 0x30, APIC_DIVIDE_16,
                                     apic_timer_count_for_us(cal.frequency_hz / 16, 1000)) !=
           APIC_OK;
    bad |= apic_lapic_start_ap(&lapic, &ap) != APIC_OK;
    apic_lapic_eoi(&lapic);
    return bad | (int)(apic_hpet_counter(&hpet) & 1u);
}
