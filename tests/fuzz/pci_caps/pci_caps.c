/* Fuzz harness: arbitrary configuration-space images to both capability
 * walks and every capability decoder and programming helper, standard
 * (PM, MSI, MSI-X, PCI Express, vendor) and extended (AER, ACS, SR-IOV with
 * VF BAR sizing, ARI, LTR, L1 PM Substates, Resizable BAR, DPC, PTM, DSN,
 * VSEC).
 *
 * Input: up to 4096 bytes of configuration space (shorter inputs read
 * all-ones past their end, as absent bytes do); everything is writable, so
 * the programming helpers' read-modify-write cycles run on the same bytes. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "pci_types/pci_types.h"

int fuzz_one(const uint8_t *data, size_t size);

/* Statuses are consumed here so the calls stay (warn_unused_result). */
static volatile unsigned status_sink;
static void use(enum pci_status st)
{
    status_sink += (unsigned)st;
}

static uint8_t bytes[4096];
static size_t len;

static uint32_t rd(uint16_t off, unsigned width)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < width; i++)
        v |= (uint32_t)(off + i < len ? bytes[off + i] : 0xFFu) << (8 * i);
    return v;
}

static void wr(uint16_t off, unsigned width, uint32_t v)
{
    for (unsigned i = 0; i < width && off + i < len; i++)
        bytes[off + i] = (uint8_t)(v >> (8 * i));
}

static uint8_t r8(void *c, struct pci_address a, uint16_t o) { (void)c; (void)a; return (uint8_t)rd(o, 1); }
static uint16_t r16(void *c, struct pci_address a, uint16_t o) { (void)c; (void)a; return (uint16_t)rd(o, 2); }
static uint32_t r32(void *c, struct pci_address a, uint16_t o) { (void)c; (void)a; return rd(o, 4); }
static void w8(void *c, struct pci_address a, uint16_t o, uint8_t v) { (void)c; (void)a; wr(o, 1, v); }
static void w16(void *c, struct pci_address a, uint16_t o, uint16_t v) { (void)c; (void)a; wr(o, 2, v); }
static void w32(void *c, struct pci_address a, uint16_t o, uint32_t v) { (void)c; (void)a; wr(o, 4, v); }

static void decode(const struct pci_function *fn, struct pci_capability c)
{
    struct pci_pm pm;
    struct pci_msi msi;
    struct pci_msix msix;
    struct pci_express px;
    struct pci_vendor_cap vc;
    uint32_t table[8 * 4];
    (void)pci_cap_name(c.id);
    switch (c.id) {
    case PCI_CAP_POWER_MANAGEMENT:
        if (pci_pm_read(fn, c.offset, &pm) == PCI_OK)
            use(pci_pm_set_state(fn, c.offset, PCI_POWER_D3HOT));
        break;
    case PCI_CAP_MSI:
        if (pci_msi_read(fn, c.offset, &msi) == PCI_OK) {
            use(pci_msi_program(fn, c.offset, 0xFEE00000u, 0x41, msi.multiple_message_capable));
            use(pci_msi_set_mask(fn, c.offset, 1));
            use(pci_msi_set_enable(fn, c.offset, true));
        }
        break;
    case PCI_CAP_MSIX:
        if (pci_msix_read(fn, c.offset, &msix) == PCI_OK) {
            use(pci_msix_set_control(fn, c.offset, true, false));
            memset(table, 0, sizeof table);
            /* The table is memory the kernel mapped: 8 entries here. */
            use(pci_msix_entry_program(table, msix.table_size < 8 ? msix.table_size : 8,
                                         (uint16_t)(msix.table_size - 1u), 0xFEE00000u, 1, false));
        }
        break;
    case PCI_CAP_PCI_EXPRESS:
        if (pci_express_read(fn, c.offset, &px) == PCI_OK) {
            (void)pcie_link_speed_name(px.current_link_speed);
            (void)pcie_port_type_name(px.port_type);
        }
        break;
    case PCI_CAP_VENDOR_SPECIFIC:
        use(pci_vendor_cap_read(fn, c.offset, &vc));
        break;
    default:
        break;
    }
}

static void decode_sriov(const struct pci_function *fn, uint16_t offset)
{
    struct pci_sriov s;
    struct pci_bar b;
    uint16_t rid;
    if (pci_sriov_read(fn, offset, &s) != PCI_OK)
        return;
    for (uint8_t i = 0; i < PCI_SRIOV_VF_BARS + 1u; i++) {
        use(pci_sriov_vf_bar(&s, i, &b));
        use(pci_sriov_vf_bar_size(fn, &s, i, &b));
    }
    use(pci_sriov_vf_rid(&s, 0x0100, s.num_vfs, &rid));
    use(pci_sriov_vf_rid(&s, 0xFFFF, s.total_vfs, &rid));
}

static void decode_rebar(const struct pci_function *fn, uint16_t offset)
{
    struct pci_rebar r;
    if (pci_rebar_read(fn, offset, &r) != PCI_OK)
        return;
    for (uint8_t i = 0; i <= r.count; i++) {
        uint8_t enc = i < PCI_REBAR_MAX_ENTRIES ? r.entries[i].current_size : 0;
        status_sink += (unsigned)pci_rebar_size_bytes(enc);
        use(pci_rebar_set_size(fn, &r, i, (uint8_t)(enc + 1u)));
    }
}

static void decode_ext(const struct pci_function *fn, struct pci_ext_capability c)
{
    struct pci_aer aer;
    struct pci_acs acs;
    struct pci_ari ari;
    struct pci_ltr ltr;
    struct pci_l1pm l1;
    struct pci_dpc dpc;
    struct pci_ptm ptm;
    struct pci_vsec vsec;
    uint64_t sn;
    (void)pci_ext_cap_name(c.id);
    switch (c.id) {
    case PCI_EXT_CAP_AER:
        if (pci_aer_read(fn, c.offset, &aer) == PCI_OK)
            use(pci_aer_clear_status(fn, &aer));
        break;
    case PCI_EXT_CAP_ACS:
        if (pci_acs_read(fn, c.offset, &acs) == PCI_OK)
            use(pci_acs_enable(fn, &acs, 0xFFFFu));
        break;
    case PCI_EXT_CAP_SRIOV:
        decode_sriov(fn, c.offset);
        break;
    case PCI_EXT_CAP_ARI:
        use(pci_ari_read(fn, c.offset, &ari));
        break;
    case PCI_EXT_CAP_LTR:
        if (pci_ltr_read(fn, c.offset, &ltr) == PCI_OK) {
            status_sink += (unsigned)pci_ltr_latency_ns(ltr.max_snoop_value, ltr.max_snoop_scale);
            use(pci_ltr_set_max(fn, &ltr, ltr.max_no_snoop, ltr.max_snoop));
        }
        break;
    case PCI_EXT_CAP_L1_PM_SUBSTATES:
        if (pci_l1pm_read(fn, c.offset, &l1) == PCI_OK)
            status_sink += pci_l1pm_t_power_on_us(l1.t_power_on_scale, l1.t_power_on_value);
        break;
    case PCI_EXT_CAP_RESIZABLE_BAR:
        decode_rebar(fn, c.offset);
        break;
    case PCI_EXT_CAP_DPC:
        use(pci_dpc_read(fn, c.offset, &dpc));
        break;
    case PCI_EXT_CAP_PTM:
        use(pci_ptm_read(fn, c.offset, &ptm));
        break;
    case PCI_EXT_CAP_DEVICE_SERIAL_NUMBER:
        use(pci_dsn_read(fn, c.offset, &sn));
        break;
    case PCI_EXT_CAP_VENDOR_SPECIFIC:
        use(pci_vsec_read(fn, c.offset, &vsec));
        break;
    default:
        break;
    }
}

int fuzz_one(const uint8_t *data, size_t size)
{
    struct pci_config_access acc = {NULL, r8, r16, r32, w8, w16, w32, 0};
    struct pci_function fn;
    struct pci_cap_iter it;
    struct pci_capability c;
    struct pci_ext_cap_iter eit;
    struct pci_ext_capability ec;
    unsigned count = 0;
    uint8_t off8;
    uint16_t off16;

    len = size < sizeof bytes ? size : sizeof bytes;
    memcpy(bytes, data, len);
    acc.config_size = len > 256 ? 4096 : 256;
    fn = pci_function_make(&acc, pci_address_make(0, 0, 0, 0));

    pci_cap_iter_init(&it, &fn);
    while (pci_cap_next(&it, &c) == PCI_OK) {
        decode(&fn, c);
        if (++count > 48)
            __builtin_trap(); /* 48 dwords in 0x40-0xFC: more means a loop */
    }
    count = 0;
    pci_ext_cap_iter_init(&eit, &fn);
    while (pci_ext_cap_next(&eit, &ec) == PCI_OK) {
        decode_ext(&fn, ec);
        if (++count > 960)
            __builtin_trap();
    }
    use(pci_cap_find(&fn, PCI_CAP_MSIX, &off8));
    use(pci_ext_cap_find(&fn, PCI_EXT_CAP_SRIOV, &off16));
    return 0;
}
