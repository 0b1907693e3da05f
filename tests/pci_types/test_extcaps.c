/* Extended-capability decoders: behaviour that lspci cannot show. The field
 * decoding itself is compared with pciutils by extcaps_lspci.py; here the
 * same hand-made spaces (extcaps/NAME.dump, argv[1] is that folder) go through
 * tests/support/mock_pci with writable masks to check VF BAR sizing, the
 * programming helpers and the 4 KiB bounds. Values quoted as "lspci" are
 * pciutils 3.9.0's decoding of the dump (extcaps/NAME.lspci). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "mock_pci.h"
#include "pci_types/pci_types.h"

static const char *dump_dir;

/* Load an lspci -xxxx style dump ("off: 16 hex bytes" lines) as function
 * 00:02.0 of a 4 KiB mock. */
static struct mock_pci_function *load_dump(struct mock_pci *m, const char *name)
{
    static uint8_t bytes[4096];
    char path[512], line[256];
    size_t len = 0;
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dump_dir, name);
    f = fopen(path, "r");
    assert_non_null(f);
    while (fgets(line, sizeof line, f)) {
        unsigned off, v[16];
        int n = sscanf(line, "%x: %x %x %x %x %x %x %x %x %x %x %x %x %x %x %x %x", &off, &v[0],
                       &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8], &v[9], &v[10],
                       &v[11], &v[12], &v[13], &v[14], &v[15]);
        if (n != 17 || off != len || len + 16 > sizeof bytes)
            continue;
        for (unsigned i = 0; i < 16; i++)
            bytes[len++] = (uint8_t)v[i];
    }
    fclose(f);
    assert_int_equal(len, sizeof bytes);
    mock_pci_init(m, 4096);
    return mock_pci_add(m, pci_address_make(0, 0, 2, 0), bytes, len);
}

/* An access backend over the mock that records writes, and checks that no
 * VF BAR holds all-ones while VF MSE is set. */
struct spy {
    struct mock_pci *m;
    uint16_t sriov;
    unsigned writes, all_ones_with_mse;
    uint16_t last_offset[16];
};
static uint8_t spy_r8(void *c, struct pci_address a, uint16_t o) { return (uint8_t)mock_pci_read(((struct spy *)c)->m, a, o, 1); }
static uint16_t spy_r16(void *c, struct pci_address a, uint16_t o) { return (uint16_t)mock_pci_read(((struct spy *)c)->m, a, o, 2); }
static uint32_t spy_r32(void *c, struct pci_address a, uint16_t o) { return mock_pci_read(((struct spy *)c)->m, a, o, 4); }
static void spy_write(struct spy *s, struct pci_address a, uint16_t o, unsigned w, uint32_t v)
{
    if (s->sriov && o >= s->sriov + PCI_SRIOV_VF_BAR0 && o < s->sriov + PCI_SRIOV_VF_BAR0 + 24u &&
        v == UINT32_MAX &&
        (mock_pci_read(s->m, a, (uint16_t)(s->sriov + PCI_SRIOV_CONTROL), 2) & PCI_SRIOV_CTL_VF_MSE))
        s->all_ones_with_mse++;
    if (s->writes < 16)
        s->last_offset[s->writes] = o;
    s->writes++;
    mock_pci_write(s->m, a, o, w, v);
}
static void spy_w8(void *c, struct pci_address a, uint16_t o, uint8_t v) { spy_write(c, a, o, 1, v); }
static void spy_w16(void *c, struct pci_address a, uint16_t o, uint16_t v) { spy_write(c, a, o, 2, v); }
static void spy_w32(void *c, struct pci_address a, uint16_t o, uint32_t v) { spy_write(c, a, o, 4, v); }

static struct pci_config_access spy_access(struct spy *s)
{
    struct pci_config_access acc = {s, spy_r8, spy_r16, spy_r32, spy_w8, spy_w16, spy_w32, 4096};
    return acc;
}

static void test_vf_bar_sizing(void **state)
{
    struct mock_pci m;
    struct spy spy = {&m, 0, 0, 0, {0}};
    struct pci_config_access acc;
    struct pci_sriov s;
    struct pci_bar b;
    uint16_t off, rid;
    (void)state;
    struct mock_pci_function *mf = load_dump(&m, "endpoint.dump");
    acc = spy_access(&spy);
    struct pci_function fn = pci_function_make(&acc, mf->address);
    assert_int_equal(pci_ext_cap_find(&fn, PCI_EXT_CAP_SRIOV, &off), PCI_OK);
    assert_int_equal(off, 0x158); /* lspci: [158 v1] SR-IOV */
    spy.sriov = off;
    assert_int_equal(pci_sriov_read(&fn, off, &s), PCI_OK);
    /* Hardware model (9.3.3.14): VF BAR0/1 a 64-bit BAR of 1 MiB per VF,
     * VF BAR2 a 32-bit BAR of 16 KiB per VF, VF BAR3-5 unimplemented (read
     * only zeros); SR-IOV Control bits 5:0 writable. */
    mock_pci_set_writable(mf, (uint16_t)(off + 0x24), 4, 0xFFF00000u);
    mock_pci_set_writable(mf, (uint16_t)(off + 0x28), 4, 0xFFFFFFFFu);
    mock_pci_set_writable(mf, (uint16_t)(off + 0x2C), 4, 0xFFFFC000u);
    mock_pci_set_writable(mf, (uint16_t)(off + PCI_SRIOV_CONTROL), 2, 0x003Fu);

    assert_int_equal(pci_sriov_vf_bar_size(&fn, &s, 0, &b), PCI_OK);
    assert_int_equal(b.kind, PCI_BAR_MEM64);
    assert_true(b.prefetchable);
    assert_int_equal(b.address, 0x1F0000000ull); /* lspci: Region 0: Memory at 00000001f0000000 */
    assert_int_equal(b.size, 0x100000u);
    assert_int_equal(pci_sriov_vf_bar_size(&fn, &s, 2, &b), PCI_OK);
    assert_int_equal(b.kind, PCI_BAR_MEM32);
    assert_int_equal(b.address, 0xE0100000u);   /* lspci: Region 2: Memory at e0100000 */
    assert_int_equal(b.size, 0x4000u);
    assert_int_equal(pci_sriov_vf_bar_size(&fn, &s, 3, &b), PCI_OK);
    assert_int_equal(b.kind, PCI_BAR_UNUSED);
    assert_int_equal(b.size, 0);
    /* VF MSE (set in this space: lspci IOVCtl MSE+) was off during every
     * all-ones write, and everything holds its old value again. */
    assert_int_equal(spy.all_ones_with_mse, 0);
    assert_true(spy.writes > 0);
    assert_int_equal(mock_pci_read(&m, mf->address, (uint16_t)(off + PCI_SRIOV_CONTROL), 2), 0x0019u);
    assert_int_equal(mock_pci_read(&m, mf->address, (uint16_t)(off + 0x24), 4), 0xF000000Cu);
    assert_int_equal(mock_pci_read(&m, mf->address, (uint16_t)(off + 0x28), 4), 0x00000001u);
    assert_int_equal(mock_pci_read(&m, mf->address, (uint16_t)(off + 0x2C), 4), 0xE0100000u);

    /* Bad VF BARs. */
    struct pci_sriov bad = s;
    bad.vf_bar[4] = 0x00001001u; /* I/O: VFs have none */
    assert_int_equal(pci_sriov_vf_bar(&bad, 4, &b), PCI_BAD_BAR);
    bad.vf_bar[5] = 0x00000004u; /* 64-bit in the last slot */
    assert_int_equal(pci_sriov_vf_bar(&bad, 5, &b), PCI_BAD_BAR);
    bad.vf_bar[4] = 0x00000006u; /* reserved memory type */
    assert_int_equal(pci_sriov_vf_bar(&bad, 4, &b), PCI_BAD_BAR);
    assert_int_equal(pci_sriov_vf_bar(&s, 6, &b), PCI_INVALID_ARGUMENT);

    /* lspci: VF offset: 128, stride: 2, Total VFs: 16. The PF 00:02.0 is RID 0x0010. */
    assert_int_equal(pci_sriov_vf_rid(&s, 0x0010, 1, &rid), PCI_OK);
    assert_int_equal(rid, 0x0090);
    assert_int_equal(pci_sriov_vf_rid(&s, 0x0010, 16, &rid), PCI_OK);
    assert_int_equal(rid, 0x0090 + 15 * 2);
    assert_int_equal(pci_sriov_vf_rid(&s, 0x0010, 0, &rid), PCI_INVALID_ARGUMENT);
    assert_int_equal(pci_sriov_vf_rid(&s, 0x0010, 17, &rid), PCI_INVALID_ARGUMENT);
    assert_int_equal(m.bad_accesses, 0);

    /* A read-only backend cannot size. */
    struct pci_config_image image;
    struct pci_config_access ro;
    pci_image_access_init(&ro, &image, mf->bytes, 4096);
    struct pci_function rofn = pci_function_make(&ro, mf->address);
    assert_int_equal(pci_sriov_vf_bar_size(&rofn, &s, 0, &b), PCI_READ_ONLY);
    mock_pci_free(&m);
}

static void test_programming_helpers(void **state)
{
    struct mock_pci m;
    struct spy spy = {&m, 0, 0, 0, {0}};
    struct pci_config_access acc;
    struct pci_rebar rb;
    struct pci_acs acs;
    struct pci_ltr ltr;
    struct pci_aer aer;
    (void)state;
    struct mock_pci_function *mf = load_dump(&m, "endpoint.dump");
    acc = spy_access(&spy);
    struct pci_function fn = pci_function_make(&acc, mf->address);

    /* Resizable BAR at 0x1c0, lspci: BAR 0 current 256MB, supported 1MB-2GB;
     * BAR 2 current 512MB, supported 256MB 512MB. Control 13:8 writable. */
    assert_int_equal(pci_rebar_read(&fn, 0x1C0, &rb), PCI_OK);
    assert_int_equal(rb.count, 2);
    mock_pci_set_writable(mf, 0x1C8, 4, 0x3F00u);
    mock_pci_set_writable(mf, 0x1D0, 4, 0x3F00u);
    assert_int_equal(pci_rebar_set_size(&fn, &rb, 0, 11), PCI_OK); /* 2 GiB */
    assert_int_equal(rb.entries[0].current_size, 11);
    assert_int_equal(mock_pci_read(&m, mf->address, 0x1C8, 4), 0x00000B40u);
    assert_int_equal(pci_rebar_size_bytes(rb.entries[0].current_size), 0x80000000ull);
    assert_int_equal(pci_rebar_set_size(&fn, &rb, 1, 10), PCI_UNSUPPORTED); /* 1 GiB */
    assert_int_equal(pci_rebar_set_size(&fn, &rb, 1, 44), PCI_UNSUPPORTED);
    assert_int_equal(pci_rebar_set_size(&fn, &rb, 2, 8), PCI_INVALID_ARGUMENT);
    assert_int_equal(mock_pci_read(&m, mf->address, 0x1D0, 4), 0x00000902u);

    /* ACS at 0x200, lspci: ACSCap all seven; ACSCtl SrcValid+ TransBlk-
     * ReqRedir+ CmpltRedir+ UpstreamFwd+ EgressCtrl- DirectTrans-. */
    assert_int_equal(pci_acs_read(&fn, 0x200, &acs), PCI_OK);
    assert_int_equal(acs.egress_vector_bits, 8);
    mock_pci_set_writable(mf, 0x206, 2, 0x007Fu);
    assert_int_equal(pci_acs_enable(&fn, &acs, PCI_ACS_TRANSLATION_BLOCKING | 0x8000u), PCI_OK);
    assert_int_equal(acs.control, 0x001Fu);
    assert_int_equal(mock_pci_read(&m, mf->address, 0x206, 2), 0x001Fu);

    /* LTR at 0x1a0: reserved bits 15:13 are preserved. */
    assert_int_equal(pci_ltr_read(&fn, 0x1A0, &ltr), PCI_OK);
    mock_pci_set_writable(mf, 0x1A4, 4, 0xFFFFFFFFu);
    mock_pci_write(&m, mf->address, 0x1A4, 2, 0xE003u);
    assert_int_equal(pci_ltr_set_max(&fn, &ltr, 0x0C10u, 0xFFFFu), PCI_OK);
    assert_int_equal(mock_pci_read(&m, mf->address, 0x1A4, 2), 0xEC10u);
    assert_int_equal(mock_pci_read(&m, mf->address, 0x1A6, 2), 0x1FFFu);
    assert_int_equal(pci_ltr_latency_ns(0x10, 3), 0x10u * 32768u);
    assert_int_equal(pci_ltr_latency_ns(1, 6), UINT64_MAX);

    /* AER at 0x100 (an endpoint: no root registers): status written back. */
    assert_int_equal(pci_aer_read(&fn, 0x100, &aer), PCI_OK);
    assert_false(aer.root);
    spy.writes = 0;
    assert_int_equal(pci_aer_clear_status(&fn, &aer), PCI_OK);
    assert_int_equal(spy.writes, 2);
    assert_int_equal(spy.last_offset[0], 0x104);
    assert_int_equal(spy.last_offset[1], 0x110);
    assert_int_equal(m.bad_accesses, 0);
    mock_pci_free(&m);

    /* Root port: the Root Error Status write carries only bits 6:0. */
    mf = load_dump(&m, "root_port.dump");
    fn = pci_function_make(&acc, mf->address);
    assert_int_equal(pci_aer_read(&fn, 0x100, &aer), PCI_OK);
    assert_true(aer.root);
    assert_int_equal(aer.root_interrupt_message_number, 5); /* lspci: IntMsg 5 */
    mock_pci_set_writable(mf, 0x130, 4, 0xFFFFFFFFu);
    spy.writes = 0;
    assert_int_equal(pci_aer_clear_status(&fn, &aer), PCI_OK);
    assert_int_equal(spy.writes, 3);
    assert_int_equal(spy.last_offset[2], 0x130);
    assert_int_equal(mock_pci_read(&m, mf->address, 0x130, 4), 0x55u);
    mock_pci_free(&m);
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v; p[1] = (uint8_t)(v >> 8); p[2] = (uint8_t)(v >> 16); p[3] = (uint8_t)(v >> 24);
}

/* Every decoder checks its structure against the 4 KiB space before it
 * reads, and refuses the wrong ID, a bad offset or a 256-byte backend. */
static void test_bounds(void **state)
{
    static uint8_t img[4096];
    struct pci_config_image image;
    struct pci_config_access acc, small;
    struct pci_aer aer;
    struct pci_acs acs;
    struct pci_sriov sriov;
    struct pci_ari ari;
    struct pci_ltr ltr;
    struct pci_l1pm l1;
    struct pci_rebar rb;
    struct pci_dpc dpc;
    struct pci_ptm ptm;
    struct pci_vsec vsec;
    uint64_t sn;
    (void)state;
    memset(img, 0, sizeof img);
    img[0] = 0x36; img[1] = 0x1B;
    pci_image_access_init(&acc, &image, img, sizeof img);
    struct pci_function fn = pci_function_make(&acc, pci_address_make(0, 0, 0, 0));

    /* Each fits exactly at the end of the space, one dword later it does not. */
    put32(img + 0xFC0, 0x00010010u); /* SR-IOV, 0x40 bytes */
    assert_int_equal(pci_sriov_read(&fn, 0xFC0, &sriov), PCI_OK);
    put32(img + 0xFC4, 0x00010010u);
    assert_int_equal(pci_sriov_read(&fn, 0xFC4, &sriov), PCI_BAD_CAPABILITY);
    put32(img + 0xFD4, 0x00020001u); /* AER, 0x2C bytes */
    assert_int_equal(pci_aer_read(&fn, 0xFD4, &aer), PCI_OK);
    put32(img + 0xFD8, 0x00020001u);
    assert_int_equal(pci_aer_read(&fn, 0xFD8, &aer), PCI_BAD_CAPABILITY);
    put32(img + 0xFF8, 0x0001000Eu); /* ARI, 8 */
    assert_int_equal(pci_ari_read(&fn, 0xFF8, &ari), PCI_OK);
    put32(img + 0xFFC, 0x0001000Eu);
    assert_int_equal(pci_ari_read(&fn, 0xFFC, &ari), PCI_BAD_CAPABILITY);
    put32(img + 0xFF8, 0x00010018u); /* LTR, 8 */
    assert_int_equal(pci_ltr_read(&fn, 0xFF8, &ltr), PCI_OK);
    put32(img + 0xFFC, 0x00010018u);
    assert_int_equal(pci_ltr_read(&fn, 0xFFC, &ltr), PCI_BAD_CAPABILITY);
    put32(img + 0xFF4, 0x0001001Fu); /* PTM, 0x0C */
    assert_int_equal(pci_ptm_read(&fn, 0xFF4, &ptm), PCI_OK);
    put32(img + 0xFF8, 0x0001001Fu);
    assert_int_equal(pci_ptm_read(&fn, 0xFF8, &ptm), PCI_BAD_CAPABILITY);
    put32(img + 0xFF4, 0x00010003u); /* DSN, 0x0C */
    assert_int_equal(pci_dsn_read(&fn, 0xFF4, &sn), PCI_OK);
    put32(img + 0xFF8, 0x00010003u);
    assert_int_equal(pci_dsn_read(&fn, 0xFF8, &sn), PCI_BAD_CAPABILITY);
    /* L1 PM Substates: 0x10 bytes needed, Status read only when it fits. */
    put32(img + 0xFF0, 0x0001001Eu);
    put32(img + 0xFFC, 0xFFFFFFFFu);
    assert_int_equal(pci_l1pm_read(&fn, 0xFF0, &l1), PCI_OK);
    assert_int_equal(l1.status, 0);
    assert_int_equal(l1.control2, 0xFFFFFFFFu);
    put32(img + 0xFF4, 0x0001001Eu);
    assert_int_equal(pci_l1pm_read(&fn, 0xFF4, &l1), PCI_BAD_CAPABILITY);
    memset(img + 0xF00, 0, 0x100);

    /* ACS: the egress vector counts. 0 encodes 256 bits: 8 + 32 bytes. */
    put32(img + 0xFD8, 0x0001000Du);
    put32(img + 0xFDC, 0x00000020u);
    assert_int_equal(pci_acs_read(&fn, 0xFD8, &acs), PCI_OK);
    assert_int_equal(acs.egress_vector_bits, 256);
    put32(img + 0xFDC, 0x00000000u); /* no egress control: 8 bytes */
    put32(img + 0xFDC + 4, 0);
    memmove(img + 0xFF8, img + 0xFD8, 8);
    assert_int_equal(pci_acs_read(&fn, 0xFF8, &acs), PCI_OK);
    put32(img + 0xFFC, 0x00000020u); /* with it, 40 bytes from 0xFF8 */
    assert_int_equal(pci_acs_read(&fn, 0xFF8, &acs), PCI_BAD_CAPABILITY);
    memset(img + 0xF00, 0, 0x100);

    /* DPC: 0x0C bytes, 0x20 with the RP extensions. */
    put32(img + 0xFE8, 0x0001001Du);
    assert_int_equal(pci_dpc_read(&fn, 0xFE8, &dpc), PCI_OK);
    put32(img + 0xFEC, 0x00000020u);
    assert_int_equal(pci_dpc_read(&fn, 0xFE8, &dpc), PCI_BAD_CAPABILITY);
    memset(img + 0xF00, 0, 0x100);

    /* Resizable BAR: 1-6 entries, each 8 bytes. */
    put32(img + 0xFCC, 0x00010015u);
    put32(img + 0xFD4, 0x000000C0u); /* 6 entries: 0x34 bytes from 0xFCC end at 0x1000 */
    assert_int_equal(pci_rebar_read(&fn, 0xFCC, &rb), PCI_OK);
    assert_int_equal(rb.count, 6);
    put32(img + 0xFD4, 0x000000E0u); /* 7 */
    assert_int_equal(pci_rebar_read(&fn, 0xFCC, &rb), PCI_BAD_CAPABILITY);
    put32(img + 0xFD4, 0x00000000u); /* 0 */
    assert_int_equal(pci_rebar_read(&fn, 0xFCC, &rb), PCI_BAD_CAPABILITY);
    put32(img + 0xFD0, 0x00010015u);
    put32(img + 0xFD8, 0x000000C0u); /* 6 entries from 0xFD0 run past 4 KiB */
    assert_int_equal(pci_rebar_read(&fn, 0xFD0, &rb), PCI_BAD_CAPABILITY);
    put32(img + 0xFD8, 0x000000A0u); /* 5 fit */
    assert_int_equal(pci_rebar_read(&fn, 0xFD0, &rb), PCI_OK);
    memset(img + 0xF00, 0, 0x100);

    /* VSEC: its own length, at least the 8 header bytes, inside 4 KiB. */
    put32(img + 0xFF0, 0x0001000Bu);
    put32(img + 0xFF4, 0x01010001u); /* 16 bytes */
    assert_int_equal(pci_vsec_read(&fn, 0xFF0, &vsec), PCI_OK);
    assert_int_equal(vsec.length, 16);
    put32(img + 0xFF4, 0x01410001u); /* 20 */
    assert_int_equal(pci_vsec_read(&fn, 0xFF0, &vsec), PCI_BAD_CAPABILITY);
    put32(img + 0xFF4, 0x00410001u); /* 4 */
    assert_int_equal(pci_vsec_read(&fn, 0xFF0, &vsec), PCI_BAD_CAPABILITY);

    /* Wrong ID, offsets outside 0x100-0xFFC or misaligned, NULLs. */
    put32(img + 0x100, 0x00010003u);
    assert_int_equal(pci_aer_read(&fn, 0x100, &aer), PCI_BAD_CAPABILITY);
    assert_int_equal(pci_dsn_read(&fn, 0x100, &sn), PCI_OK);
    assert_int_equal(pci_dsn_read(&fn, 0x0FC, &sn), PCI_BAD_CAPABILITY);
    assert_int_equal(pci_dsn_read(&fn, 0x102, &sn), PCI_BAD_CAPABILITY);
    assert_int_equal(pci_dsn_read(&fn, 0x100, NULL), PCI_INVALID_ARGUMENT);
    assert_int_equal(pci_dsn_read(NULL, 0x100, &sn), PCI_INVALID_ARGUMENT);
    /* A 256-byte backend has no extended space. */
    pci_image_access_init(&small, &image, img, 256);
    struct pci_function sfn = pci_function_make(&small, pci_address_make(0, 0, 0, 0));
    assert_int_equal(pci_dsn_read(&sfn, 0x100, &sn), PCI_UNSUPPORTED);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_vf_bar_sizing),
        cmocka_unit_test(test_programming_helpers),
        cmocka_unit_test(test_bounds),
    };
    if (argc < 2) {
        fprintf(stderr, "usage: %s EXTCAPS_DIR\n", argv[0]);
        return 2;
    }
    dump_dir = argv[1];
    return cmocka_run_group_tests(tests, NULL, NULL);
}
