/* Shared set-up of the apic/ tests: a local APIC model with its host and an
 * initialised struct apic_lapic in xAPIC or x2APIC mode. */
#ifndef TESTS_APIC_TEST_H
#define TESTS_APIC_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "apic/apic.h"
#include "apic_lapic_model.h"

#define TEST_LAPIC_MMIO ((uintptr_t)0xFEE00000u)

struct lapic_fixture {
    struct apic_lapic_model model;
    struct apic_host host;
    struct apic_lapic lapic;
};

/* VERSION is the LAPIC version register; X2APIC switches to x2APIC mode. */
static inline void lapic_fixture_init(struct lapic_fixture *f, uint32_t apic_id, uint32_t version,
                                      bool x2apic)
{
    apic_lapic_model_init(&f->model, TEST_LAPIC_MMIO, apic_id, version, true, true);
    apic_lapic_model_host(&f->model, &f->host);
    assert_int_equal(apic_lapic_init(&f->lapic, &f->host, TEST_LAPIC_MMIO), APIC_OK);
    if (x2apic) {
        assert_int_equal(apic_lapic_set_mode(&f->lapic, APIC_MODE_X2APIC), APIC_OK);
    }
    f->model.log_count = 0;
}

/* An Intel LAPIC version register: version 0x15, max LVT 6 (7 entries: CMCI
 * too), EOI-broadcast suppression supported (SDM Figure 11-7 layout). */
#define TEST_LAPIC_VERSION 0x01060015u

#endif
