/* Capability walks and decoders on QEMU's captured functions. Expected
 * values are pciutils 3.9.0's decoding of the same bytes (`lspci -F <dump>
 * -vvv` over a hex dump of the fixture files), and QEMU's configuration: the
 * q35 root port 00:04.0, the ICH9 AHCI 00:1f.2 and virtio-net 01:00.0. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "mock_pci.h"
#include "pci_types/pci_types.h"
#include "support.h"

struct fixture {
    struct mock_pci m;
    struct pci_config_access acc;
};

static void load(struct fixture *fx, const char *config)
{
    char dir[128];
    snprintf(dir, sizeof dir, "fixtures/qemu/%s", config);
    assert_true(mock_pci_load_fixture(&fx->m, support_path(dir)) > 0);
    mock_pci_access(&fx->m, &fx->acc);
}

static void expect_caps(const struct pci_function *fn, const uint8_t *ids, const uint8_t *offsets,
                        size_t n)
{
    struct pci_cap_iter it;
    struct pci_capability cap;
    size_t i = 0;
    pci_cap_iter_init(&it, fn);
    while (pci_cap_next(&it, &cap) == PCI_OK) {
        assert_true(i < n);
        assert_int_equal(cap.id, ids[i]);
        assert_int_equal(cap.offset, offsets[i]);
        i++;
    }
    assert_int_equal(it.status, PCI_END);
    assert_int_equal(i, n);
}

static void test_capability_lists(void **state)
{
    struct fixture fx;
    (void)state;
    load(&fx, "q35-seabios");
    /* lspci: [54] Express, [48] MSI-X, [40] Subsystem (bridge SSVID). */
    static const uint8_t rp_ids[] = {0x10, 0x11, 0x0D}, rp_off[] = {0x54, 0x48, 0x40};
    struct pci_function rp = pci_function_make(&fx.acc, pci_address_make(0, 0, 4, 0));
    expect_caps(&rp, rp_ids, rp_off, 3);
    /* lspci: [80] MSI, [a8] SATA HBA. */
    static const uint8_t ahci_ids[] = {0x05, 0x12}, ahci_off[] = {0x80, 0xa8};
    struct pci_function ahci = pci_function_make(&fx.acc, pci_address_make(0, 0, 0x1f, 2));
    expect_caps(&ahci, ahci_ids, ahci_off, 2);
    /* lspci: [dc] MSI-X, [c8] [b4] [a4] [94] [84] vendor, [7c] PM, [40] Express. */
    static const uint8_t net_ids[] = {0x11, 0x09, 0x09, 0x09, 0x09, 0x09, 0x01, 0x10};
    static const uint8_t net_off[] = {0xdc, 0xc8, 0xb4, 0xa4, 0x94, 0x84, 0x7c, 0x40};
    struct pci_function net = pci_function_make(&fx.acc, pci_address_make(0, 1, 0, 0));
    expect_caps(&net, net_ids, net_off, 8);
    /* lspci: Status Cap- on the host bridge. */
    struct pci_function host = pci_function_make(&fx.acc, pci_address_make(0, 0, 0, 0));
    expect_caps(&host, NULL, NULL, 0);
    uint8_t off;
    assert_int_equal(pci_cap_find(&net, PCI_CAP_POWER_MANAGEMENT, &off), PCI_OK);
    assert_int_equal(off, 0x7c);
    assert_int_equal(pci_cap_find(&net, PCI_CAP_MSI, &off), PCI_NOT_FOUND);
    assert_int_equal(fx.m.bad_accesses, 0);
    mock_pci_free(&fx.m);

    /* i440fx: no function has a capability list (lspci: Cap-). */
    load(&fx, "i440fx-seabios");
    for (size_t i = 0; i < fx.m.count; i++) {
        struct pci_function fn = pci_function_make(&fx.acc, fx.m.functions[i].address);
        struct pci_ext_cap_iter eit;
        struct pci_ext_capability ecap;
        expect_caps(&fn, NULL, NULL, 0);
        /* 256-byte mechanism: no extended space at all. */
        pci_ext_cap_iter_init(&eit, &fn);
        assert_int_equal(pci_ext_cap_next(&eit, &ecap), PCI_END);
    }
    assert_int_equal(fx.m.bad_accesses, 0);
    mock_pci_free(&fx.m);
}

static void test_extended_lists(void **state)
{
    struct fixture fx;
    struct pci_ext_cap_iter it;
    struct pci_ext_capability cap;
    uint16_t off;
    (void)state;
    load(&fx, "q35-seabios");
    /* lspci: [100 v2] Advanced Error Reporting, [148 v1] Access Control Services. */
    struct pci_function rp = pci_function_make(&fx.acc, pci_address_make(0, 0, 4, 0));
    pci_ext_cap_iter_init(&it, &rp);
    assert_int_equal(pci_ext_cap_next(&it, &cap), PCI_OK);
    assert_int_equal(cap.id, PCI_EXT_CAP_AER);
    assert_int_equal(cap.version, 2);
    assert_int_equal(cap.offset, 0x100);
    assert_int_equal(pci_ext_cap_next(&it, &cap), PCI_OK);
    assert_int_equal(cap.id, PCI_EXT_CAP_ACS);
    assert_int_equal(cap.version, 1);
    assert_int_equal(cap.offset, 0x148);
    assert_int_equal(pci_ext_cap_next(&it, &cap), PCI_END);
    assert_int_equal(pci_ext_cap_find(&rp, PCI_EXT_CAP_ACS, &off), PCI_OK);
    assert_int_equal(off, 0x148);
    assert_int_equal(pci_ext_cap_find(&rp, PCI_EXT_CAP_SRIOV, &off), PCI_NOT_FOUND);
    /* virtio-net: a zero header at 0x100 means none; conventional ICH9
     * functions read all-ones there. */
    static const struct pci_address none[] = {{0, 1, 0, 0}, {0, 0, 0, 0}, {0, 0, 0x1f, 2}};
    for (size_t i = 0; i < 3; i++) {
        struct pci_function fn = pci_function_make(&fx.acc, none[i]);
        pci_ext_cap_iter_init(&it, &fn);
        assert_int_equal(pci_ext_cap_next(&it, &cap), PCI_END);
    }
    assert_int_equal(fx.m.bad_accesses, 0);
    mock_pci_free(&fx.m);
}

static void test_pcie_decoding(void **state)
{
    struct fixture fx;
    struct pci_express px;
    (void)state;
    load(&fx, "q35-seabios");
    /* lspci: Express (v2) Root Port (Slot+), MSI 00; DevCap MaxPayload 128;
     * DevCtl MaxPayload 128, MaxReadReq 128; LnkCap Port #0, Speed 16GT/s,
     * Width x32, ASPM L0s; LnkSta Speed 2.5GT/s, Width x1. */
    struct pci_function rp = pci_function_make(&fx.acc, pci_address_make(0, 0, 4, 0));
    assert_int_equal(pci_express_read(&rp, 0x54, &px), PCI_OK);
    assert_int_equal(px.version, 2);
    assert_int_equal(px.port_type, PCIE_TYPE_ROOT_PORT);
    assert_string_equal(pcie_port_type_name(px.port_type), "Root Port");
    assert_true(px.slot_implemented);
    assert_int_equal(px.interrupt_message_number, 0);
    assert_int_equal(px.max_payload_supported, 128);
    assert_int_equal(px.max_payload_size, 128);
    assert_int_equal(px.max_read_request_size, 128);
    assert_int_equal(px.port_number, 0);
    assert_int_equal(pcie_link_speed_mts(px.max_link_speed), 16000);
    assert_string_equal(pcie_link_speed_name(px.max_link_speed), "16 GT/s");
    assert_int_equal(px.max_link_width, 32);
    assert_int_equal(px.aspm_support, 1);
    assert_int_equal(pcie_link_speed_mts(px.current_link_speed), 2500);
    assert_int_equal(px.negotiated_link_width, 1);
    /* lspci: LnkCap2 Supported Link Speeds: 2.5-16GT/s (vector bits 1-4). */
    assert_int_equal((px.link_capabilities2 >> 1) & 0x7F, 0x0F);
    /* lspci: Express (v2) Endpoint; FLReset+; LnkCap Speed 2.5GT/s, Width x1. */
    struct pci_function net = pci_function_make(&fx.acc, pci_address_make(0, 1, 0, 0));
    assert_int_equal(pci_express_read(&net, 0x40, &px), PCI_OK);
    assert_int_equal(px.port_type, PCIE_TYPE_ENDPOINT);
    assert_false(px.slot_implemented);
    assert_true(px.flr_capable);
    assert_int_equal(pcie_link_speed_mts(px.max_link_speed), 2500);
    assert_int_equal(px.max_link_width, 1);
    assert_int_equal(px.negotiated_link_width, 1);
    assert_int_equal(px.device_status, 0);
    /* The wrong ID at an offset is refused. */
    assert_int_equal(pci_express_read(&net, 0x7c, &px), PCI_BAD_CAPABILITY);
    mock_pci_free(&fx.m);
}

static void test_msi_msix_pm_vendor(void **state)
{
    struct fixture fx;
    struct pci_msi msi;
    struct pci_msix msix;
    struct pci_pm pm;
    struct pci_vendor_cap vc;
    (void)state;
    load(&fx, "q35-seabios");
    /* lspci: [80] MSI: Enable- Count=1/1 Maskable- 64bit+, Address 0, Data 0. */
    struct pci_function ahci = pci_function_make(&fx.acc, pci_address_make(0, 0, 0x1f, 2));
    assert_int_equal(pci_msi_read(&ahci, 0x80, &msi), PCI_OK);
    assert_false(msi.enabled);
    assert_true(msi.is_64bit);
    assert_false(msi.per_vector_masking);
    assert_int_equal(msi.multiple_message_capable, 0);
    assert_int_equal(msi.multiple_message_enable, 0);
    assert_int_equal(msi.address, 0);
    assert_int_equal(msi.data, 0);
    assert_int_equal(msi.data_offset, 0x8C);
    /* lspci: [48] MSI-X: Enable- Count=1 Masked-, table BAR=0 offset 0, PBA
     * BAR=0 offset 0x800 (root port); [dc] Count=4, BAR=1 (virtio-net). */
    struct pci_function rp = pci_function_make(&fx.acc, pci_address_make(0, 0, 4, 0));
    assert_int_equal(pci_msix_read(&rp, 0x48, &msix), PCI_OK);
    assert_int_equal(msix.table_size, 1);
    assert_false(msix.enabled);
    assert_false(msix.function_mask);
    assert_int_equal(msix.table_bir, 0);
    assert_int_equal(msix.table_offset, 0);
    assert_int_equal(msix.pba_bir, 0);
    assert_int_equal(msix.pba_offset, 0x800);
    struct pci_function net = pci_function_make(&fx.acc, pci_address_make(0, 1, 0, 0));
    assert_int_equal(pci_msix_read(&net, 0xdc, &msix), PCI_OK);
    assert_int_equal(msix.table_size, 4);
    assert_int_equal(msix.table_bir, 1);
    assert_int_equal(msix.table_offset, 0);
    assert_int_equal(msix.pba_bir, 1);
    assert_int_equal(msix.pba_offset, 0x800);
    /* lspci: [7c] Power Management version 3; D1- D2- PME(D0-...D3cold-);
     * Status: D0 NoSoftRst- PME-Enable- PME-. */
    assert_int_equal(pci_pm_read(&net, 0x7c, &pm), PCI_OK);
    assert_int_equal(pm.version, 3);
    assert_false(pm.d1_support);
    assert_false(pm.d2_support);
    assert_int_equal(pm.pme_support, 0);
    assert_int_equal(pm.aux_current, 0);
    assert_int_equal(pm.power_state, PCI_POWER_D0);
    assert_false(pm.no_soft_reset);
    assert_false(pm.pme_enable);
    assert_false(pm.pme_status);
    /* Virtio 1.x, 4.1.4: struct virtio_pci_cap is 16 bytes, the notify cap
     * (cfg_type 2) and the PCI cfg access cap (cfg_type 5) 20; lspci names
     * [84] CommonCfg, [94] ISR, [a4] DeviceCfg, [b4] Notify, [c8] type 5. */
    static const uint8_t vs_off[] = {0x84, 0x94, 0xa4, 0xb4, 0xc8};
    static const uint8_t vs_len[] = {16, 16, 16, 20, 20};
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(pci_vendor_cap_read(&net, vs_off[i], &vc), PCI_OK);
        assert_int_equal(vc.length, vs_len[i]);
    }
    assert_int_equal(pci_vendor_cap_read(&net, 0x7c, &vc), PCI_BAD_CAPABILITY);
    assert_int_equal(pci_msi_read(&net, 0xdc, &msi), PCI_BAD_CAPABILITY);
    assert_int_equal(pci_msix_read(&ahci, 0x80, &msix), PCI_BAD_CAPABILITY);
    assert_int_equal(pci_pm_read(&ahci, 0x80, &pm), PCI_BAD_CAPABILITY);
    mock_pci_free(&fx.m);
}

static void test_programming(void **state)
{
    struct fixture fx;
    struct pci_msi msi;
    struct pci_msix msix;
    struct pci_pm pm;
    (void)state;
    load(&fx, "q35-seabios");
    /* Make the MSI registers of 00:1f.2 writable as QEMU's msi_init does:
     * control enable + MME, address, upper address, data. */
    struct mock_pci_function *f = mock_pci_find(&fx.m, pci_address_make(0, 0, 0x1f, 2));
    mock_pci_set_writable(f, 0x82, 2, 0x0071);
    mock_pci_set_writable(f, 0x84, 4, 0xFFFFFFFCu);
    mock_pci_set_writable(f, 0x88, 4, 0xFFFFFFFFu);
    mock_pci_set_writable(f, 0x8C, 2, 0xFFFF);
    struct pci_function ahci = pci_function_make(&fx.acc, f->address);
    /* x86 MSI address: 0xFEE00000 | destination APIC ID << 12 (SDM 10.11.1). */
    assert_int_equal(pci_msi_program(&ahci, 0x80, 0xFEE01000u, 0x4031, 0), PCI_OK);
    assert_int_equal(pci_msi_set_enable(&ahci, 0x80, true), PCI_OK);
    assert_int_equal(pci_msi_read(&ahci, 0x80, &msi), PCI_OK);
    assert_true(msi.enabled);
    assert_int_equal(msi.address, 0xFEE01000u);
    assert_int_equal(msi.data, 0x4031);
    /* One vector capable: asking for 2 is refused; masking is not there. */
    assert_int_equal(pci_msi_program(&ahci, 0x80, 0xFEE00000u, 0, 1), PCI_UNSUPPORTED);
    assert_int_equal(pci_msi_set_mask(&ahci, 0x80, 1), PCI_UNSUPPORTED);

    /* MSI-X control of virtio-net: enable and function mask (bits 15, 14). */
    f = mock_pci_find(&fx.m, pci_address_make(0, 1, 0, 0));
    mock_pci_set_writable(f, 0xde, 2, 0xC000);
    mock_pci_set_writable(f, 0x80, 2, 0x0003);
    struct pci_function net = pci_function_make(&fx.acc, f->address);
    assert_int_equal(pci_msix_set_control(&net, 0xdc, true, true), PCI_OK);
    assert_int_equal(pci_msix_read(&net, 0xdc, &msix), PCI_OK);
    assert_true(msix.enabled);
    assert_true(msix.function_mask);
    assert_int_equal(msix.table_size, 4);
    /* Programming a table entry through a mapping of BAR1 + table offset. */
    uint32_t table[4 * 4];
    memset(table, 0, sizeof table);
    assert_int_equal(pci_msix_entry_program(table, msix.table_size, 2, 0x1FEE02000ull, 0x41, false),
                     PCI_OK);
    assert_int_equal(table[8], 0xFEE02000u);
    assert_int_equal(table[9], 0x1);
    assert_int_equal(table[10], 0x41);
    assert_int_equal(table[11] & 1u, 0);
    assert_int_equal(pci_msix_entry_mask(table, msix.table_size, 2, true), PCI_OK);
    assert_int_equal(table[11] & 1u, 1);
    assert_int_equal(pci_msix_entry_program(table, msix.table_size, 4, 0, 0, true),
                     PCI_INVALID_ARGUMENT);
    /* Power state D3hot and back; D1 is not supported by this function. */
    assert_int_equal(pci_pm_set_state(&net, 0x7c, PCI_POWER_D3HOT), PCI_OK);
    assert_int_equal(pci_pm_read(&net, 0x7c, &pm), PCI_OK);
    assert_int_equal(pm.power_state, PCI_POWER_D3HOT);
    assert_string_equal(pci_power_state_name(pm.power_state), "D3hot");
    assert_int_equal(pci_pm_set_state(&net, 0x7c, PCI_POWER_D1), PCI_UNSUPPORTED);
    assert_int_equal(pci_pm_set_state(&net, 0x7c, PCI_POWER_D0), PCI_OK);
    assert_int_equal(fx.m.bad_accesses, 0);
    mock_pci_free(&fx.m);
}

/* Hostile lists on hand-made images: each ends with a status, never loops. */
static enum pci_status walk_status(uint8_t *img, size_t len, unsigned *count)
{
    struct pci_config_image image;
    struct pci_config_access acc;
    struct pci_cap_iter it;
    struct pci_capability cap;
    enum pci_status st;
    pci_image_access_init(&acc, &image, img, len);
    struct pci_function fn = pci_function_make(&acc, pci_address_make(0, 0, 0, 0));
    *count = 0;
    pci_cap_iter_init(&it, &fn);
    while ((st = pci_cap_next(&it, &cap)) == PCI_OK)
        (*count)++;
    return st;
}

static enum pci_status ext_walk_status(uint8_t *img, unsigned *count)
{
    struct pci_config_image image;
    struct pci_config_access acc;
    struct pci_ext_cap_iter it;
    struct pci_ext_capability cap;
    enum pci_status st;
    pci_image_access_init(&acc, &image, img, 4096);
    struct pci_function fn = pci_function_make(&acc, pci_address_make(0, 0, 0, 0));
    *count = 0;
    pci_ext_cap_iter_init(&it, &fn);
    while ((st = pci_ext_cap_next(&it, &cap)) == PCI_OK)
        (*count)++;
    return st;
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

static void test_hostile_lists(void **state)
{
    static uint8_t img[4096];
    unsigned n;
    (void)state;
    memset(img, 0, sizeof img);
    img[0] = 0x86; img[1] = 0x80;
    img[PCI_STATUS] = PCI_STATUS_CAPABILITIES_LIST;
    /* 0x40 -> 0x50 -> 0x40: a cycle after two items. */
    img[0x34] = 0x40; img[0x40] = 0x09; img[0x41] = 0x50; img[0x50] = 0x05; img[0x51] = 0x40;
    assert_int_equal(walk_status(img, 256, &n), PCI_CYCLE);
    assert_int_equal(n, 2);
    /* Self-loop. */
    img[0x41] = 0x40;
    assert_int_equal(walk_status(img, 256, &n), PCI_CYCLE);
    assert_int_equal(n, 1);
    /* Pointers into the header, with and without the reserved low bits. */
    img[0x41] = 0x3C;
    assert_int_equal(walk_status(img, 256, &n), PCI_BAD_POINTER);
    img[0x41] = 0x3F;
    assert_int_equal(walk_status(img, 256, &n), PCI_BAD_POINTER);
    assert_int_equal(n, 1);
    /* Low bits are masked, not an error (6.7): 0x45 is 0x44 and 0xFF is
     * 0xFC, zeroed dwords that are one more item (ID 0) and the end. */
    img[0x41] = 0x45;
    assert_int_equal(walk_status(img, 256, &n), PCI_END);
    assert_int_equal(n, 2);
    img[0x41] = 0xFF;
    assert_int_equal(walk_status(img, 256, &n), PCI_END);
    assert_int_equal(n, 2);
    /* A masked pointer that lands on a visited offset is still a cycle. */
    img[0x41] = 0x43;
    assert_int_equal(walk_status(img, 256, &n), PCI_CYCLE);
    assert_int_equal(n, 1);
    /* The longest legal list: 48 capabilities at 0x40, 0x44 ... 0xFC. */
    img[0x34] = 0x40;
    for (unsigned at = 0x40; at <= 0xFC; at += 4) {
        img[at] = 0x09;
        img[at + 1] = (uint8_t)(at == 0xFC ? 0 : at + 4);
    }
    assert_int_equal(walk_status(img, 256, &n), PCI_END);
    assert_int_equal(n, 48);
    /* Capabilities List bit clear: no list even with a pointer. */
    img[PCI_STATUS] = 0;
    assert_int_equal(walk_status(img, 256, &n), PCI_END);
    assert_int_equal(n, 0);

    /* Extended: 0x100 -> 0x200 -> 0x100 cycles; pointer below 0x100;
     * low bits masked; all-ones mid-list ends the list. */
    put32(img + 0x100, 0x20010001u);
    put32(img + 0x200, 0x1001000Du);
    assert_int_equal(ext_walk_status(img, &n), PCI_CYCLE);
    assert_int_equal(n, 2);
    put32(img + 0x200, 0x0801000Du);
    assert_int_equal(ext_walk_status(img, &n), PCI_BAD_POINTER);
    /* 0x302 masks to 0x300 (7.6.3), a zero header: the end. */
    put32(img + 0x200, 0x3021000Du);
    assert_int_equal(ext_walk_status(img, &n), PCI_END);
    assert_int_equal(n, 2);
    /* 0x103 masks to 0x100, visited: a cycle. */
    put32(img + 0x200, 0x1031000Du);
    assert_int_equal(ext_walk_status(img, &n), PCI_CYCLE);
    assert_int_equal(n, 2);
    put32(img + 0x200, 0x3001000Du);
    put32(img + 0x300, 0xFFFFFFFFu);
    assert_int_equal(ext_walk_status(img, &n), PCI_END);
    assert_int_equal(n, 2);
    /* Every dword of extended space in one list: 960 items, then the end. */
    for (unsigned at = 0x100; at <= 0xFFC; at += 4)
        put32(img + at, (at == 0xFFC ? 0u : (uint32_t)(at + 4) << 20) | 0x10000u | 0x0Bu);
    assert_int_equal(ext_walk_status(img, &n), PCI_END);
    assert_int_equal(n, 960);
}

/* The bytes of tests/pci_types/extcaps/low_bits.dump (made by its
 * make_dumps.py): reserved low bits set in the Capabilities Pointer (0x43),
 * two Next pointers (0x51, 0x62, and 0x03 at the end) and two Next
 * Capability Offsets (0x203, 0x002). pciutils 3.9.0 masks them and lists
 * "[40] Express", "[50] MSI", "[60] Power Management", "[100 v1] Device
 * Serial Number", "[200 v1] Latency Tolerance Reporting" (low_bits.lspci). */
static void test_reserved_pointer_bits(void **state)
{
    static uint8_t img[4096];
    static const uint8_t ids[] = {0x10, 0x05, 0x01}, offsets[] = {0x40, 0x50, 0x60};
    struct pci_config_image image;
    struct pci_config_access acc;
    struct pci_ext_cap_iter it;
    struct pci_ext_capability cap;
    (void)state;
    memset(img, 0, sizeof img);
    img[0] = 0x36; img[1] = 0x1B; img[2] = 0x05; img[3] = 0x7A;
    img[PCI_STATUS] = PCI_STATUS_CAPABILITIES_LIST;
    img[0x34] = 0x43;
    img[0x40] = 0x10; img[0x41] = 0x51; img[0x42] = 0x02;
    img[0x50] = 0x05; img[0x51] = 0x62;
    img[0x60] = 0x01; img[0x61] = 0x03; img[0x62] = 0x03;
    put32(img + 0x100, 0x20310003u);
    put32(img + 0x104, 1);
    put32(img + 0x200, 0x00210018u);
    pci_image_access_init(&acc, &image, img, sizeof img);
    struct pci_function fn = pci_function_make(&acc, pci_address_make(0, 0, 4, 0));
    expect_caps(&fn, ids, offsets, 3);
    pci_ext_cap_iter_init(&it, &fn);
    assert_int_equal(pci_ext_cap_next(&it, &cap), PCI_OK);
    assert_int_equal(cap.offset, 0x100);
    assert_int_equal(cap.id, PCI_EXT_CAP_DEVICE_SERIAL_NUMBER);
    assert_int_equal(pci_ext_cap_next(&it, &cap), PCI_OK);
    assert_int_equal(cap.offset, 0x200);
    assert_int_equal(cap.id, PCI_EXT_CAP_LTR);
    assert_int_equal(pci_ext_cap_next(&it, &cap), PCI_END);
}

/* Decoders refuse structures that would run past the 256-byte space. */
static void test_truncated_structures(void **state)
{
    static uint8_t img[256];
    struct pci_config_image image;
    struct pci_config_access acc;
    struct pci_msi msi;
    struct pci_msix msix;
    struct pci_express px;
    struct pci_pm pm;
    struct pci_vendor_cap vc;
    (void)state;
    memset(img, 0, sizeof img);
    pci_image_access_init(&acc, &image, img, sizeof img);
    struct pci_function fn = pci_function_make(&acc, pci_address_make(0, 0, 0, 0));
    /* 64-bit MSI with masking needs 0x18 bytes: at 0xF0 it would end at 0x108. */
    img[0xF0] = PCI_CAP_MSI;
    img[0xF2] = 0x80;
    img[0xF3] = 0x01;
    assert_int_equal(pci_msi_read(&fn, 0xF0, &msi), PCI_BAD_CAPABILITY);
    img[0xF3] = 0x00; /* 64-bit without masking: 0x0E bytes fit */
    assert_int_equal(pci_msi_read(&fn, 0xF0, &msi), PCI_OK);
    img[0xF8] = PCI_CAP_MSIX;
    assert_int_equal(pci_msix_read(&fn, 0xF8, &msix), PCI_BAD_CAPABILITY);
    img[0xF4] = PCI_CAP_MSIX;
    img[0xF8] = 0x06; /* table BIR 6 is reserved */
    assert_int_equal(pci_msix_read(&fn, 0xF4, &msix), PCI_BAD_CAPABILITY);
    img[0xE0] = PCI_CAP_PCI_EXPRESS;
    img[0xE2] = 0x02; /* version 2: 0x3C bytes do not fit at 0xE0 */
    assert_int_equal(pci_express_read(&fn, 0xE0, &px), PCI_BAD_CAPABILITY);
    img[0xE2] = 0x00; /* version 0 does not exist */
    assert_int_equal(pci_express_read(&fn, 0xE0, &px), PCI_BAD_CAPABILITY);
    img[0xFC] = PCI_CAP_POWER_MANAGEMENT;
    assert_int_equal(pci_pm_read(&fn, 0xFC, &pm), PCI_BAD_CAPABILITY);
    img[0xC0] = PCI_CAP_VENDOR_SPECIFIC;
    img[0xC2] = 2; /* shorter than its own header */
    assert_int_equal(pci_vendor_cap_read(&fn, 0xC0, &vc), PCI_BAD_CAPABILITY);
    img[0xC2] = 0x41; /* 0xC0 + 0x41 > 0x100 */
    assert_int_equal(pci_vendor_cap_read(&fn, 0xC0, &vc), PCI_BAD_CAPABILITY);
    assert_int_equal(pci_msi_read(&fn, 0x42, &msi), PCI_BAD_CAPABILITY);
}

static void test_names(void **state)
{
    (void)state;
    assert_string_equal(pci_cap_name(PCI_CAP_MSIX), "MSI-X");
    assert_string_equal(pci_cap_name(PCI_CAP_PCI_EXPRESS), "PCI Express");
    assert_string_equal(pci_cap_name(0x15), "Flattening Portal Bridge");
    assert_string_equal(pci_cap_name(0x16), "Reserved");
    assert_string_equal(pci_ext_cap_name(PCI_EXT_CAP_AER), "Advanced Error Reporting");
    assert_string_equal(pci_ext_cap_name(PCI_EXT_CAP_ACS), "Access Control Services");
    assert_string_equal(pci_ext_cap_name(PCI_EXT_CAP_SRIOV), "Single Root I/O Virtualization");
    assert_string_equal(pci_ext_cap_name(PCI_EXT_CAP_L1_PM_SUBSTATES), "L1 PM Substates");
    assert_string_equal(pci_ext_cap_name(0x34), "Flit Error Injection");
    assert_string_equal(pci_ext_cap_name(0xFFFF), "Reserved");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_capability_lists),
        cmocka_unit_test(test_extended_lists),
        cmocka_unit_test(test_pcie_decoding),
        cmocka_unit_test(test_msi_msix_pm_vendor),
        cmocka_unit_test(test_programming),
        cmocka_unit_test(test_hostile_lists),
        cmocka_unit_test(test_reserved_pointer_bits),
        cmocka_unit_test(test_truncated_structures),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
