/* Embedded controller driver against the register-level EC model of
 * tests/support/ec_model (ACPI 6.5, 12.2, 12.3): the exact EC_SC/EC_DATA
 * sequence of each command, IBF/OBF delays, ECs that stall (a status, not a
 * hang, within the wait's bound), burst mode, queries behind SCI_EVT, the
 * EmbeddedControl region access byte by byte, the corpus ECDT's registers
 * and GPE against ACPICA's decoding, and an SCI -> GPE -> QR_EC chain. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/ec.h"
#include "acpi/event.h"
#include "ec_model.h"
#include "hw_model.h"
#include "iasl_text.h"
#include "support.h"

/* The usual EC ports (the _CRS of PNP0C09 in 12.11's example and on most PCs). */
#define DATA 0x62
#define SC 0x66

struct rig {
    struct hw_model *m;
    struct ec_model model;
    struct acpi_ec ec;
};

static void rig_new(struct rig *r, uint32_t polls)
{
    r->m = hw_model_new();
    ec_model_init(&r->model);
    assert_int_equal(ec_model_attach(&r->model, &r->m->ports, DATA, SC), 0);
    struct acpi_hw_wait wait = hw_model_wait(r->m, polls);
    assert_int_equal(acpi_ec_init_io(&r->ec, &r->m->host, DATA, SC, 0x17, &wait), ACPI_OK);
}

/* Number of logged accesses to port with that direction. */
static unsigned count(const struct hw_model *m, uint16_t port, bool is_write)
{
    unsigned n = 0;
    for (size_t i = 0; i < m->ports.log_count; i++)
        n += m->ports.log[i].port == port && m->ports.log[i].is_write == is_write;
    return n;
}

static void rd_ec_sequence(void **state)
{
    (void)state;
    struct rig r;
    rig_new(&r, 8);
    r.model.space[0x10] = 0xA5;
    uint8_t v = 0;
    assert_int_equal(acpi_ec_read(&r.ec, 0x10, &v), ACPI_OK);
    assert_int_equal(v, 0xA5);
    /* 12.3.1: wait IBF=0, RD_EC to EC_SC; wait IBF=0, address to EC_DATA;
     * wait OBF=1, read EC_DATA. Byte accesses only. */
    hw_model_expect(r.m, 0, SC, 1, false, 0x00);
    hw_model_expect(r.m, 1, SC, 1, true, 0x80);
    hw_model_expect(r.m, 2, SC, 1, false, 0x08); /* command taken, CMD still shown */
    hw_model_expect(r.m, 3, DATA, 1, true, 0x10);
    hw_model_expect(r.m, 4, SC, 1, false, 0x00); /* address taken, byte not out yet */
    hw_model_expect(r.m, 5, SC, 1, false, 0x01); /* OBF */
    hw_model_expect(r.m, 6, DATA, 1, false, 0xA5);
    assert_int_equal(r.m->ports.log_count, 7);
    assert_int_equal(r.model.violations, 0);
    assert_int_equal(r.model.state, EC_MODEL_IDLE);
    hw_model_free(r.m);
}

static void wr_ec_sequence(void **state)
{
    (void)state;
    struct rig r;
    rig_new(&r, 8);
    assert_int_equal(acpi_ec_write(&r.ec, 0x20, 0x5A), ACPI_OK);
    assert_int_equal(r.model.space[0x20], 0x5A);
    /* 12.3.2: WR_EC, address, byte, each after IBF=0; then IBF=0 once more. */
    hw_model_expect(r.m, 1, SC, 1, true, 0x81);
    hw_model_expect(r.m, 3, DATA, 1, true, 0x20);
    hw_model_expect(r.m, 5, DATA, 1, true, 0x5A);
    hw_model_expect(r.m, 6, SC, 1, false, 0x00);
    assert_int_equal(r.m->ports.log_count, 7);
    assert_int_equal(r.model.commands[1], 1);
    assert_int_equal(r.model.violations, 0);
    hw_model_free(r.m);
}

static void slow_ec(void **state)
{
    (void)state;
    struct rig r;
    rig_new(&r, 20);
    r.model.ibf_delay = 3;
    r.model.obf_delay = 2;
    for (unsigned a = 0; a < 256; a++)
        r.model.space[a] = (uint8_t)(a ^ 0x5C);
    uint8_t v;
    assert_int_equal(acpi_ec_read(&r.ec, 0x80, &v), ACPI_OK);
    assert_int_equal(v, 0x80 ^ 0x5C);
    assert_int_equal(acpi_ec_write(&r.ec, 0x81, 0x11), ACPI_OK);
    assert_int_equal(r.model.space[0x81], 0x11);
    assert_int_equal(r.model.violations, 0);
    /* The waits polled and stalled between polls. */
    assert_true(r.m->stalls > 10);
    hw_model_free(r.m);
}

static void stalled_ec_is_a_status(void **state)
{
    (void)state;
    struct rig r;
    /* Never takes the byte after the command: the second IBF wait runs out. */
    rig_new(&r, 50);
    r.model.stall_input = true;
    uint8_t v = 0x77;
    assert_int_equal(acpi_ec_read(&r.ec, 0x10, &v), ACPI_HW_TIMEOUT);
    assert_int_equal(v, 0x77);
    assert_int_equal(r.model.status_reads, 1 + 50);
    assert_int_equal(r.m->stalls, 49);
    assert_int_equal(count(r.m, DATA, true), 0); /* the address was never written */
    assert_int_equal(r.model.violations, 0);
    assert_int_equal(acpi_ec_write(&r.ec, 0x10, 1), ACPI_HW_TIMEOUT);
    assert_int_equal(count(r.m, SC, true), 1); /* IBF still set: no second command */
    hw_model_free(r.m);

    /* Takes bytes but never answers: the OBF wait runs out. */
    rig_new(&r, 30);
    r.model.stall_output = true;
    assert_int_equal(acpi_ec_read(&r.ec, 0x10, &v), ACPI_HW_TIMEOUT);
    assert_int_equal(count(r.m, DATA, false), 0); /* EC_DATA never read without OBF */
    assert_int_equal(acpi_ec_query(&r.ec, &v), ACPI_HW_TIMEOUT);
    assert_int_equal(acpi_ec_burst_enable(&r.ec), ACPI_HW_TIMEOUT);
    assert_int_equal(r.model.violations, 0);
    hw_model_free(r.m);

    /* A pure spin limit (no stall callback) bounds it too. */
    rig_new(&r, 1);
    r.ec.wait.stall = NULL;
    r.ec.wait.max_polls = 4;
    r.model.stall_input = true;
    assert_int_equal(acpi_ec_burst_disable(&r.ec), ACPI_HW_TIMEOUT);
    assert_int_equal(r.model.status_reads, 1 + 4);
    hw_model_free(r.m);
}

static void burst_mode(void **state)
{
    (void)state;
    struct rig r;
    rig_new(&r, 8);
    assert_int_equal(acpi_ec_burst_enable(&r.ec), ACPI_OK);
    uint8_t sts;
    assert_int_equal(acpi_ec_status(&r.ec, &sts), ACPI_OK);
    assert_true(sts & ACPI_EC_STS_BURST);
    assert_int_equal(acpi_ec_burst_disable(&r.ec), ACPI_OK);
    assert_int_equal(acpi_ec_status(&r.ec, &sts), ACPI_OK);
    assert_false(sts & ACPI_EC_STS_BURST);
    /* 12.3.3: anything but 0x90 is no acknowledge. */
    r.model.burst_ack = 0x00;
    assert_int_equal(acpi_ec_burst_enable(&r.ec), ACPI_BAD_ENTRY);
    assert_int_equal(r.model.violations, 0);
    hw_model_free(r.m);
}

struct queries {
    uint8_t q[64];
    unsigned n;
};

static void on_query(void *ctx, uint8_t q)
{
    struct queries *qs = ctx;
    assert_true(qs->n < 64);
    qs->q[qs->n++] = q;
}

static void queries_behind_sci_evt(void **state)
{
    (void)state;
    struct rig r;
    rig_new(&r, 8);
    struct queries qs = {0};
    unsigned n = 9;
    /* No SCI_EVT: one status read, no QR_EC. */
    assert_int_equal(acpi_ec_handle_gpe(&r.ec, on_query, &qs, &n), ACPI_OK);
    assert_int_equal(n, 0);
    assert_int_equal(r.m->ports.log_count, 1);
    assert_int_equal(ec_model_queue_event(&r.model, 0x12), 0);
    assert_int_equal(ec_model_queue_event(&r.model, 0x34), 0);
    assert_int_equal(acpi_ec_handle_gpe(&r.ec, on_query, &qs, &n), ACPI_OK);
    assert_int_equal(n, 2);
    assert_int_equal(qs.n, 2);
    assert_int_equal(qs.q[0], 0x12); /* _Q12 first, then _Q34 */
    assert_int_equal(qs.q[1], 0x34);
    assert_int_equal(r.model.commands[4], 2);
    uint8_t sts;
    assert_int_equal(acpi_ec_status(&r.ec, &sts), ACPI_OK);
    assert_false(sts & ACPI_EC_STS_SCI_EVT);
    /* A QR_EC answered 0 ends the loop ("no outstanding event"). */
    r.model.sci_stuck = true;
    r.model.stuck_query = 0;
    r.model.status |= ACPI_EC_STS_SCI_EVT;
    assert_int_equal(acpi_ec_handle_gpe(&r.ec, on_query, &qs, &n), ACPI_OK);
    assert_int_equal(n, 0);
    assert_int_equal(r.model.commands[4], 3);
    /* SCI_EVT stuck with a number: bounded by ACPI_EC_MAX_QUERIES. */
    r.model.stuck_query = 0x55;
    qs.n = 0;
    assert_int_equal(acpi_ec_handle_gpe(&r.ec, on_query, &qs, &n), ACPI_OK);
    assert_int_equal(n, ACPI_EC_MAX_QUERIES);
    assert_int_equal(qs.n, ACPI_EC_MAX_QUERIES);
    assert_int_equal(r.model.violations, 0);
    hw_model_free(r.m);
}

/* The addresses written to EC_DATA right after each RD_EC/WR_EC command. */
static unsigned addresses(const struct hw_model *m, uint8_t *out, unsigned max)
{
    unsigned n = 0;
    bool after_cmd = false;
    for (size_t i = 0; i < m->ports.log_count; i++) {
        const struct mock_port_access *a = &m->ports.log[i];
        if (!a->is_write)
            continue;
        if (a->port == SC) {
            after_cmd = a->value == ACPI_EC_RD_EC || a->value == ACPI_EC_WR_EC;
        } else if (after_cmd && n < max) {
            out[n++] = (uint8_t)a->value;
            after_cmd = false;
        }
    }
    return n;
}

static void region_access_byte_by_byte(void **state)
{
    (void)state;
    struct rig r;
    rig_new(&r, 8);
    memcpy(&r.model.space[0x40], "\x11\x22\x33\x44\x55\x66\x77\x88", 8);
    uint64_t v = 0;
    assert_int_equal(acpi_ec_space_access(&r.ec, false, 0x40, 32, &v), ACPI_OK);
    assert_int_equal(v, 0x44332211); /* lowest address least significant (12.3) */
    uint8_t seq[16];
    assert_int_equal(addresses(r.m, seq, 16), 4);
    assert_memory_equal(seq, "\x40\x41\x42\x43", 4);
    assert_int_equal(r.model.commands[0], 4);
    mock_port_clear_log(&r.m->ports);
    v = 0x0102030405060708ull;
    assert_int_equal(acpi_ec_space_access(&r.ec, true, 0xF8, 64, &v), ACPI_OK);
    assert_memory_equal(&r.model.space[0xF8], "\x08\x07\x06\x05\x04\x03\x02\x01", 8);
    assert_int_equal(addresses(r.m, seq, 16), 8);
    assert_memory_equal(seq, "\xF8\xF9\xFA\xFB\xFC\xFD\xFE\xFF", 8);
    /* Bounds and widths. */
    mock_port_clear_log(&r.m->ports);
    assert_int_equal(acpi_ec_space_access(&r.ec, false, 0xFE, 32, &v), ACPI_BAD_ADDRESS);
    assert_int_equal(acpi_ec_space_access(&r.ec, false, 0x100, 8, &v), ACPI_BAD_ADDRESS);
    assert_int_equal(acpi_ec_space_access(&r.ec, false, 0, 24, &v), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_ec_space_access(&r.ec, false, 0, 8, NULL), ACPI_INVALID_ARGUMENT);
    assert_int_equal(r.m->ports.log_count, 0);
    assert_int_equal(acpi_ec_space_access(&r.ec, false, 0xFF, 8, &v), ACPI_OK);
    assert_int_equal(v, 0x01);
    /* In burst mode: BE_EC ... BD_EC around the bytes of one access. */
    r.ec.use_burst = true;
    assert_int_equal(acpi_ec_space_access(&r.ec, false, 0x40, 16, &v), ACPI_OK);
    assert_int_equal(v, 0x2211);
    assert_int_equal(r.model.commands[2], 1);
    assert_int_equal(r.model.commands[3], 1);
    assert_int_equal(acpi_ec_space_access(&r.ec, false, 0x40, 8, &v), ACPI_OK);
    assert_int_equal(r.model.commands[2], 1); /* one byte: no burst */
    /* A byte that fails mid-way still leaves burst mode when it can. */
    r.model.stall_output = true;
    assert_int_equal(acpi_ec_space_access(&r.ec, false, 0x40, 16, &v), ACPI_HW_TIMEOUT);
    assert_int_equal(r.model.violations, 0);
    hw_model_free(r.m);
}

/* ---- the corpus ECDT ---- */

struct ecdt_tally {
    int tables, io_checked;
};

static void ecdt_one(const char *path, const uint8_t *bytes, size_t len, void *ctx)
{
    struct ecdt_tally *tally = ctx;
    struct acpi_ecdt e;
    assert_int_equal(acpi_ecdt_parse(bytes, len, ACPI_CHECKSUM_STRICT, &e), ACPI_OK);
    struct iasl_text t;
    if (iasl_text_decode(bytes, len, &t) != 0)
        fail_msg("iasl could not decode %s", path);
    uint64_t sc_space, sc_addr, data_space, data_addr, gpe;
    const struct iasl_field *ctl = iasl_find(&t, 36, 48, "Command/Status Register", 0);
    const struct iasl_field *dat = iasl_find(&t, 48, 60, "Data Register", 0);
    assert_non_null(ctl);
    assert_non_null(dat);
    assert_true(iasl_hex(&t, ctl->offset, ctl->offset + 12, "Space ID", &sc_space));
    assert_true(iasl_hex(&t, ctl->offset, ctl->offset + 12, "Address", &sc_addr));
    assert_true(iasl_hex(&t, dat->offset, dat->offset + 12, "Space ID", &data_space));
    assert_true(iasl_hex(&t, dat->offset, dat->offset + 12, "Address", &data_addr));
    assert_true(iasl_hex(&t, 60, 66, "GPE Number", &gpe));
    tally->tables++;
    struct rig r;
    r.m = hw_model_new();
    struct acpi_hw_wait wait = hw_model_wait(r.m, 8);
    assert_int_equal(acpi_ec_init_ecdt(&r.ec, &r.m->host, &e, &wait), ACPI_OK);
    assert_int_equal(r.ec.gpe, gpe);
    assert_int_equal(r.ec.command.address, sc_addr);
    assert_int_equal(r.ec.data.address, data_addr);
    if (sc_space == ACPI_GAS_SYSTEM_IO && data_space == ACPI_GAS_SYSTEM_IO) {
        /* The EC model at the ports the firmware names answers a RD_EC. */
        ec_model_init(&r.model);
        assert_int_equal(ec_model_attach(&r.model, &r.m->ports, (uint16_t)data_addr,
                                         (uint16_t)sc_addr), 0);
        r.model.space[0x03] = 0x3C;
        uint8_t v;
        assert_int_equal(acpi_ec_read(&r.ec, 0x03, &v), ACPI_OK);
        assert_int_equal(v, 0x3C);
        assert_int_equal(r.model.violations, 0);
        assert_int_equal(r.m->ports.unclaimed, 0);
        tally->io_checked++;
    }
    hw_model_free(r.m);
    iasl_text_free(&t);
}

static void corpus_ecdt_registers(void **state)
{
    (void)state;
    if (!iasl_available())
        skip();
    struct ecdt_tally tally = {0};
    assert_true(corpus_each_table("ecdt", ecdt_one, &tally) >= 1);
    print_message("corpus: %d ECDT(s), %d driven through the EC model at their ports\n",
                  tally.tables, tally.io_checked);
    assert_int_equal(tally.io_checked, tally.tables);
}

/* ---- SCI -> GPE dispatch -> EC query ---- */

struct chain {
    struct acpi_ec *ec;
    struct queries qs;
    unsigned ec_gpes, other_gpes;
};

static enum acpi_gpe_result gpe_router(void *ctx, uint16_t n, enum acpi_gpe_trigger trigger)
{
    struct chain *c = ctx;
    (void)trigger;
    if (n == c->ec->gpe) {
        unsigned q;
        assert_int_equal(acpi_ec_handle_gpe(c->ec, on_query, &c->qs, &q), ACPI_OK);
        c->ec_gpes++;
    } else {
        c->other_gpes++;
    }
    return ACPI_GPE_DONE;
}

static void sci_to_ec_query(void **state)
{
    (void)state;
    struct rig r;
    rig_new(&r, 8);
    struct acpi_fadt fadt = hw_model_qemu_fadt("q35-seabios");
    hw_model_fadt(r.m, &fadt);
    struct acpi_events ev;
    struct acpi_gpe gpe;
    assert_int_equal(acpi_events_init(&ev, &r.m->host, &fadt), ACPI_OK);
    assert_int_equal(acpi_gpe_init(&gpe, &r.m->host, &fadt), ACPI_OK);
    acpi_events_attach_gpe(&ev, &gpe);
    struct chain c = {.ec = &r.ec};
    acpi_gpe_set_handler(&gpe, gpe_router, &c);
    assert_int_equal(acpi_gpe_set_trigger(&gpe, r.ec.gpe, ACPI_GPE_EDGE), ACPI_OK);
    assert_int_equal(acpi_gpe_enable(&gpe, r.ec.gpe), ACPI_OK);
    /* The EC has an event and raises its GPE (0x17: q35 GPE0 byte 2, bit 7). */
    assert_int_equal(ec_model_queue_event(&r.model, 0x42), 0);
    r.m->io[0x622] = 0x80;
    unsigned handled;
    assert_int_equal(acpi_sci_handle(&ev, &handled), ACPI_OK);
    assert_int_equal(handled, 1);
    assert_int_equal(c.ec_gpes, 1);
    assert_int_equal(c.other_gpes, 0);
    assert_int_equal(c.qs.n, 1);
    assert_int_equal(c.qs.q[0], 0x42); /* the AML layer would run _Q42 */
    assert_int_equal(r.m->io[0x622], 0);
    assert_int_equal(r.model.violations, 0);
    hw_model_free(r.m);
}

static void evil_arguments(void **state)
{
    (void)state;
    struct rig r;
    rig_new(&r, 4);
    struct acpi_hw_wait wait = r.ec.wait;
    struct acpi_ec ec;
    struct acpi_gas zero = {ACPI_GAS_SYSTEM_IO, 8, 0, 1, 0};
    struct acpi_gas port = {ACPI_GAS_SYSTEM_IO, 8, 0, 1, SC};
    assert_int_equal(acpi_ec_init(&ec, &r.m->host, &zero, &port, 0, &wait), ACPI_BAD_ADDRESS);
    assert_int_equal(acpi_ec_init(&ec, &r.m->host, &port, &zero, 0, &wait), ACPI_BAD_ADDRESS);
    assert_int_equal(acpi_ec_init(&ec, &r.m->host, &port, &port, 0, NULL), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_ec_init(NULL, &r.m->host, &port, &port, 0, &wait), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_ec_init_ecdt(&ec, &r.m->host, NULL, &wait), ACPI_INVALID_ARGUMENT);
    /* A 32-bit GAS for a byte register is still accessed as a byte. */
    struct acpi_gas wide = {ACPI_GAS_SYSTEM_IO, 32, 0, ACPI_GAS_ACCESS_DWORD, SC};
    struct acpi_gas data = {ACPI_GAS_SYSTEM_IO, 32, 0, ACPI_GAS_ACCESS_DWORD, DATA};
    assert_int_equal(acpi_ec_init(&ec, &r.m->host, &wide, &data, 0, &wait), ACPI_OK);
    uint8_t v;
    assert_int_equal(acpi_ec_read(&ec, 1, &v), ACPI_OK);
    assert_int_equal(r.model.violations, 0);
    assert_int_equal(acpi_ec_read(NULL, 1, &v), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_ec_read(&ec, 1, NULL), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_ec_write(NULL, 1, 1), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_ec_query(&ec, NULL), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_ec_status(&ec, NULL), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_ec_burst_enable(NULL), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_ec_burst_disable(NULL), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_ec_handle_gpe(NULL, NULL, NULL, NULL), ACPI_INVALID_ARGUMENT);
    /* An EC in a space the host cannot reach. */
    struct acpi_gas ecspace = {ACPI_GAS_EMBEDDED_CONTROLLER, 8, 0, 1, 0x10};
    assert_int_equal(acpi_ec_init(&ec, &r.m->host, &ecspace, &ecspace, 0, &wait), ACPI_OK);
    assert_int_equal(acpi_ec_read(&ec, 1, &v), ACPI_UNSUPPORTED);
    hw_model_free(r.m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rd_ec_sequence),
        cmocka_unit_test(wr_ec_sequence),
        cmocka_unit_test(slow_ec),
        cmocka_unit_test(stalled_ec_is_a_status),
        cmocka_unit_test(burst_mode),
        cmocka_unit_test(queries_behind_sci_evt),
        cmocka_unit_test(region_access_byte_by_byte),
        cmocka_unit_test(corpus_ecdt_registers),
        cmocka_unit_test(sci_to_ec_query),
        cmocka_unit_test(evil_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
