/*
 * apic/apic.h: the whole apic library: local APIC (xAPIC and x2APIC), IPIs and
 * AP start-up, LAPIC timer and calibration, HPET, I/O APIC, legacy 8259 pair and
 * 8254 PIT, and the ready-made x86 host.
 */
#ifndef APIC_APIC_H
#define APIC_APIC_H

#include "apic/backend.h"
#include "apic/calibrate.h"
#include "apic/host.h"
#include "apic/hpet.h"
#include "apic/ioapic.h"
#include "apic/ipi.h"
#include "apic/lapic.h"
#include "apic/lapic_timer.h"
#include "apic/pic8259.h"
#include "apic/pit.h"
#include "apic/version.h"

#endif
