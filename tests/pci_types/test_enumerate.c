/* Enumeration of QEMU's machines: the functions found, brute force and
 * through bridges, are exactly those `info pci` lists (pci.txt), with the
 * IDs of index.txt; hostile bridges do not loop. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fixture_index.h"
#include "mock_pci.h"
#include "pci_types/pci_types.h"
#include "support.h"

static const char *const configs[] = {"i440fx-seabios", "q35-seabios", "q35-ovmf"};

/* pci.txt "Bus  b, device   d, function f:" lines in the order QEMU prints them. */
static int info_pci_addresses(const char *config, struct pci_address *out, int max)
{
    char rel[128], line[256];
    int n = 0;
    FILE *fp;
    snprintf(rel, sizeof rel, "fixtures/qemu/%s/pci.txt", config);
    fp = fopen(support_path(rel), "r");
    assert_non_null(fp);
    while (n < max && fgets(line, sizeof line, fp)) {
        unsigned b, d, f;
        if (sscanf(line, " Bus %u, device %u, function %u:", &b, &d, &f) == 3)
            out[n++] = pci_address_make(0, (uint8_t)b, (uint8_t)d, (uint8_t)f);
    }
    fclose(fp);
    return n;
}

static int contains(const struct pci_address *list, int n, struct pci_address a)
{
    for (int i = 0; i < n; i++)
        if (pci_address_compare(list[i], a) == 0)
            return 1;
    return 0;
}

static void enumerate_and_check(const char *config, bool recursive)
{
    struct pci_address want[32];
    struct fixture_function ids[32];
    struct mock_pci m;
    struct pci_config_access acc;
    struct pci_enum e;
    struct pci_enum_entry ent;
    char dir[128];
    int n = info_pci_addresses(config, want, 32), found = 0, nids = fixture_index_read(config, ids, 32);
    struct pci_address prev = {0, 0, 0, 0};
    snprintf(dir, sizeof dir, "fixtures/qemu/%s", config);
    assert_true(mock_pci_load_fixture(&m, support_path(dir)) > 0);
    mock_pci_access(&m, &acc);
    if (recursive)
        pci_enum_init_recursive(&e, &acc, 0, 0, 255);
    else
        pci_enum_init_brute_force(&e, &acc, 0, 0, 255);
    while (pci_enum_next(&e, &ent) == PCI_OK) {
        assert_true(contains(want, n, ent.function.address));
        if (found > 0)
            assert_true(pci_address_compare(prev, ent.function.address) < 0);
        prev = ent.function.address;
        for (int i = 0; i < nids; i++)
            if (pci_address_compare(ids[i].address, ent.function.address) == 0) {
                assert_int_equal(ent.header.vendor_id, ids[i].vendor);
                assert_int_equal(ent.header.device_id, ids[i].device);
                assert_int_equal(pci_header_class24(&ent.header), ids[i].class24);
            }
        found++;
    }
    assert_int_equal(found, n);
    assert_int_equal(pci_enum_next(&e, &ent), PCI_END);
    assert_int_equal(m.bad_accesses, 0);
    mock_pci_free(&m);
}

static void test_brute_force(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof configs / sizeof configs[0]; c++)
        enumerate_and_check(configs[c], false);
}

static void test_recursive(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof configs / sizeof configs[0]; c++)
        enumerate_and_check(configs[c], true);
}

/* Recursive scanning probes bus 0 and bus 1 (behind 00:04.0) only: 2 buses
 * of 32 devices, plus functions 1-7 of the multi-function 00:1f. */
static void test_recursive_probes_only_existing_buses(void **state)
{
    struct mock_pci m;
    struct pci_config_access acc;
    struct pci_enum e;
    struct pci_enum_entry ent;
    (void)state;
    assert_int_equal(mock_pci_load_fixture(&m, support_path("fixtures/qemu/q35-seabios")), 7);
    mock_pci_access(&m, &acc);
    pci_enum_init_recursive(&e, &acc, 0, 0, 255);
    while (pci_enum_next(&e, &ent) == PCI_OK)
        ;
    size_t recursive_reads = m.reads;
    m.reads = 0;
    pci_enum_init_brute_force(&e, &acc, 0, 0, 255);
    while (pci_enum_next(&e, &ent) == PCI_OK)
        ;
    assert_true(recursive_reads * 50 < m.reads);
    mock_pci_free(&m);
}

struct visit_count {
    unsigned seen, stop_after;
};

static bool visit(void *ctx, const struct pci_enum_entry *entry)
{
    struct visit_count *v = ctx;
    assert_int_not_equal(entry->header.vendor_id, 0xFFFF);
    return ++v->seen < v->stop_after;
}

static void test_visitor_and_legacy_backend(void **state)
{
    struct mock_pci m;
    struct pci_port_io io;
    struct pci_legacy legacy;
    struct pci_config_access acc;
    struct visit_count v = {0, 100};
    (void)state;
    /* i440fx through 0xCF8/0xCFC, as a kernel on that machine would. */
    assert_int_equal(mock_pci_load_fixture(&m, support_path("fixtures/qemu/i440fx-seabios")), 6);
    mock_pci_port_io(&m, &io);
    assert_int_equal(pci_legacy_access_init(&acc, &legacy, &io), PCI_OK);
    assert_int_equal(pci_enumerate(&acc, 0, 0, 255, false, visit, &v), PCI_OK);
    assert_int_equal(v.seen, 6);
    v.seen = 0;
    v.stop_after = 2;
    assert_int_equal(pci_enumerate(&acc, 0, 0, 255, true, visit, &v), PCI_END);
    assert_int_equal(v.seen, 2);
    assert_int_equal(m.bad_accesses, 0);
    mock_pci_free(&m);
}

/* Bridges whose secondary bus is their own bus or a lower one, and two
 * bridges naming the same bus: each bus is scanned once, no loop. */
static void test_hostile_bridges(void **state)
{
    uint8_t bridge[256];
    struct mock_pci m;
    struct pci_config_access acc;
    struct pci_enum e;
    struct pci_enum_entry ent;
    unsigned count = 0;
    (void)state;
    memset(bridge, 0, sizeof bridge);
    bridge[0] = 0x36; bridge[1] = 0x1b; bridge[2] = 0x0c; bridge[3] = 0x00;
    bridge[0x0E] = 0x01;
    mock_pci_init(&m, 256);
    bridge[0x19] = 0;   /* 00:00.0 -> bus 0 (itself) */
    mock_pci_add(&m, pci_address_make(0, 0, 0, 0), bridge, sizeof bridge);
    bridge[0x19] = 2;   /* 00:01.0 -> bus 2 */
    mock_pci_add(&m, pci_address_make(0, 0, 1, 0), bridge, sizeof bridge);
    bridge[0x19] = 2;   /* 00:02.0 -> bus 2 again */
    mock_pci_add(&m, pci_address_make(0, 0, 2, 0), bridge, sizeof bridge);
    bridge[0x19] = 0;   /* 02:00.0 -> bus 0 (backwards) */
    mock_pci_add(&m, pci_address_make(0, 2, 0, 0), bridge, sizeof bridge);
    mock_pci_access(&m, &acc);
    pci_enum_init_recursive(&e, &acc, 0, 0, 255);
    while (pci_enum_next(&e, &ent) == PCI_OK)
        count++;
    assert_int_equal(count, 4);
    mock_pci_free(&m);
    /* An empty range and a NULL access end at once. */
    pci_enum_init_brute_force(&e, NULL, 0, 0, 255);
    assert_int_equal(pci_enum_next(&e, &ent), PCI_END);
    pci_enum_init_recursive(&e, &acc, 0, 5, 4);
    assert_int_equal(pci_enum_next(&e, &ent), PCI_END);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_brute_force),
        cmocka_unit_test(test_recursive),
        cmocka_unit_test(test_recursive_probes_only_existing_buses),
        cmocka_unit_test(test_visitor_and_legacy_backend),
        cmocka_unit_test(test_hostile_bridges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
