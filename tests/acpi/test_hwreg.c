/* Fixed-hardware access: GAS reads/writes honouring access size, bit width and
 * bit offset; reset, sleep and PM timer driven by QEMU's real FADTs over the
 * project's mock port space, plus hand-made FADTs for PM1b and HW-reduced. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/hwreg.h"
#include "mock_port.h"
#include "support.h"

/* ---- a host: ports through mock_port, 4 KiB of memory, one PCI function ---- */

struct host_state {
    struct mock_port ports;
    uint8_t io[0x1000];       /* backing bytes of the port devices (ports 0-0xFFF) */
    uint64_t mem_base;
    uint8_t mem[0x1000];
    uint8_t pci[256];         /* config space of 00:1F.0 */
    unsigned mem_accesses, pci_accesses;
    unsigned last_width;
    enum acpi_status fail_with; /* non-zero: every callback fails */
};

static uint32_t bytes_read(void *dev, uint16_t port, unsigned width)
{
    struct host_state *h = dev;
    uint32_t v = 0;
    for (unsigned i = 0; i < width; i++)
        v |= (uint32_t)h->io[(port + i) & 0xFFF] << (8 * i);
    return v;
}

static void bytes_write(void *dev, uint16_t port, unsigned width, uint32_t value)
{
    struct host_state *h = dev;
    for (unsigned i = 0; i < width; i++)
        h->io[(port + i) & 0xFFF] = (uint8_t)(value >> (8 * i));
}

static enum acpi_status io_read(void *ctx, uint16_t port, unsigned width, uint32_t *value)
{
    struct host_state *h = ctx;
    if (h->fail_with != ACPI_OK)
        return h->fail_with;
    *value = mock_port_read(&h->ports, port, width / 8);
    return ACPI_OK;
}

static enum acpi_status io_write(void *ctx, uint16_t port, unsigned width, uint32_t value)
{
    struct host_state *h = ctx;
    if (h->fail_with != ACPI_OK)
        return h->fail_with;
    mock_port_write(&h->ports, port, width / 8, value);
    return ACPI_OK;
}

static enum acpi_status mem_read(void *ctx, uint64_t phys, unsigned width, uint64_t *value)
{
    struct host_state *h = ctx;
    assert_true(phys >= h->mem_base && phys - h->mem_base + width / 8 <= sizeof h->mem);
    h->mem_accesses++;
    h->last_width = width;
    uint64_t v = 0;
    for (unsigned i = 0; i < width / 8; i++)
        v |= (uint64_t)h->mem[phys - h->mem_base + i] << (8 * i);
    *value = v;
    return ACPI_OK;
}

static enum acpi_status mem_write(void *ctx, uint64_t phys, unsigned width, uint64_t value)
{
    struct host_state *h = ctx;
    assert_true(phys >= h->mem_base && phys - h->mem_base + width / 8 <= sizeof h->mem);
    h->mem_accesses++;
    h->last_width = width;
    for (unsigned i = 0; i < width / 8; i++)
        h->mem[phys - h->mem_base + i] = (uint8_t)(value >> (8 * i));
    return ACPI_OK;
}

static enum acpi_status pci_read(void *ctx, uint8_t dev, uint8_t fn, uint16_t off, unsigned width,
                                 uint32_t *value)
{
    struct host_state *h = ctx;
    assert_int_equal(dev, 0x1F);
    assert_int_equal(fn, 0);
    assert_true(off + width / 8 <= sizeof h->pci);
    h->pci_accesses++;
    uint32_t v = 0;
    for (unsigned i = 0; i < width / 8; i++)
        v |= (uint32_t)h->pci[off + i] << (8 * i);
    *value = v;
    return ACPI_OK;
}

static enum acpi_status pci_write(void *ctx, uint8_t dev, uint8_t fn, uint16_t off,
                                  unsigned width, uint32_t value)
{
    struct host_state *h = ctx;
    assert_int_equal(dev, 0x1F);
    assert_int_equal(fn, 0);
    h->pci_accesses++;
    for (unsigned i = 0; i < width / 8; i++)
        h->pci[off + i] = (uint8_t)(value >> (8 * i));
    return ACPI_OK;
}

static struct host_state *host_new(struct acpi_hw_host *host)
{
    struct host_state *h = calloc(1, sizeof *h);
    assert_non_null(h);
    mock_port_init(&h->ports);
    assert_int_equal(mock_port_add(&h->ports, 0, 0x1000, bytes_read, bytes_write, h), 0);
    h->mem_base = 0xFED00000;
    *host = (struct acpi_hw_host){h, mem_read, mem_write, io_read, io_write, pci_read, pci_write};
    return h;
}

static struct acpi_fadt load_fadt(const char *config)
{
    char rel[256];
    snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/FACP.dat", config);
    uint8_t *bytes;
    size_t len;
    assert_int_equal(support_read_file(support_path(rel), &bytes, &len), 0);
    struct acpi_fadt fadt;
    assert_int_equal(acpi_fadt_parse(bytes, len, &fadt), ACPI_OK);
    fadt.header.bytes = NULL; /* the decoded fields are all we keep */
    free(bytes);
    return fadt;
}

/* ---- GAS access ---- */

static void gas_bit_fields_in_memory(void **state)
{
    (void)state;
    struct acpi_hw_host host;
    struct host_state *h = host_new(&host);
    memcpy(h->mem + 0x10, "\x78\x56\x34\x12", 4);
    /* Bits 4..11 of a dword register. */
    struct acpi_gas g = {ACPI_GAS_SYSTEM_MEMORY, 8, 4, ACPI_GAS_ACCESS_DWORD, 0xFED00010};
    uint64_t v;
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_OK);
    assert_int_equal(v, 0x67);
    assert_int_equal(h->last_width, 32);
    /* Write keeps the other 24 bits. */
    assert_int_equal(acpi_hw_write(&host, &g, 0xAB), ACPI_OK);
    assert_memory_equal(h->mem + 0x10, "\xB8\x5A\x34\x12", 4);
    /* A 16-bit register read with byte accesses takes two byte reads. */
    g = (struct acpi_gas){ACPI_GAS_SYSTEM_MEMORY, 16, 0, ACPI_GAS_ACCESS_BYTE, 0xFED00012};
    h->mem_accesses = 0;
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_OK);
    assert_int_equal(v, 0x1234);
    assert_int_equal(h->mem_accesses, 2);
    assert_int_equal(h->last_width, 8);
    /* A field straddling two byte units: bits 6..9. */
    g = (struct acpi_gas){ACPI_GAS_SYSTEM_MEMORY, 4, 6, ACPI_GAS_ACCESS_BYTE, 0xFED00020};
    h->mem[0x20] = 0xC0, h->mem[0x21] = 0x03;
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_OK);
    assert_int_equal(v, 0xF);
    assert_int_equal(acpi_hw_write(&host, &g, 0x5), ACPI_OK);
    assert_int_equal(h->mem[0x20], 0x40);
    assert_int_equal(h->mem[0x21], 0x01);
    /* Units that hold none of the field are never touched: bits 16..23 with
     * byte accesses read only the third byte. */
    g = (struct acpi_gas){ACPI_GAS_SYSTEM_MEMORY, 8, 16, ACPI_GAS_ACCESS_BYTE, 0xFED00010};
    h->mem_accesses = 0;
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_OK);
    assert_int_equal(v, 0x34);
    assert_int_equal(h->mem_accesses, 1);
    /* Access size 0 (legacy): the register's own size, here 64 bits. */
    g = (struct acpi_gas){ACPI_GAS_SYSTEM_MEMORY, 64, 0, ACPI_GAS_ACCESS_UNDEFINED, 0xFED00100};
    assert_int_equal(acpi_hw_write(&host, &g, 0x0123456789ABCDEFull), ACPI_OK);
    assert_int_equal(h->last_width, 64);
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_OK);
    assert_int_equal(v, 0x0123456789ABCDEFull);
    /* A field in the upper half of a qword: bits 36..47 (0x456 above). */
    g = (struct acpi_gas){ACPI_GAS_SYSTEM_MEMORY, 12, 36, ACPI_GAS_ACCESS_QWORD, 0xFED00100};
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_OK);
    assert_int_equal(v, 0x456);
    assert_int_equal(acpi_hw_write(&host, &g, 0xFFF), ACPI_OK);
    g.bit_width = 64, g.bit_offset = 0;
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_OK);
    assert_int_equal(v, 0x0123FFF789ABCDEFull);
    free(h);
}

static void gas_io_and_pci(void **state)
{
    (void)state;
    struct acpi_hw_host host;
    struct host_state *h = host_new(&host);
    struct acpi_gas g = {ACPI_GAS_SYSTEM_IO, 16, 0, ACPI_GAS_ACCESS_WORD, 0x604};
    assert_int_equal(acpi_hw_write(&host, &g, 0x2401), ACPI_OK);
    /* One 16-bit port write, never split. */
    assert_int_equal(h->ports.log_count, 1);
    assert_int_equal(h->ports.log[0].port, 0x604);
    assert_int_equal(h->ports.log[0].width, 2);
    assert_true(h->ports.log[0].is_write);
    assert_int_equal(h->ports.log[0].value, 0x2401);
    /* PCI configuration space: device in bits 47:32, function 31:16, offset 15:0. */
    g = (struct acpi_gas){ACPI_GAS_PCI_CONFIG, 8, 0, ACPI_GAS_ACCESS_BYTE, 0x001F00000044ull};
    h->pci[0x44] = 0x80;
    uint64_t v;
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_OK);
    assert_int_equal(v, 0x80);
    assert_int_equal(acpi_hw_write(&host, &g, 0x81), ACPI_OK);
    assert_int_equal(h->pci[0x44], 0x81);
    assert_int_equal(h->pci_accesses, 2);
    free(h);
}

static void gas_evil(void **state)
{
    (void)state;
    struct acpi_hw_host host;
    struct host_state *h = host_new(&host);
    uint64_t v;
    struct acpi_gas g = {ACPI_GAS_SYSTEM_IO, 0, 0, 0, 0x604};
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_BAD_ENTRY);  /* width 0 */
    g.bit_width = 65;
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_BAD_ENTRY);  /* over 64 */
    g.bit_width = 8, g.access_size = 5;
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_BAD_ENTRY);  /* no such size */
    g.access_size = ACPI_GAS_ACCESS_QWORD;
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_BAD_ENTRY);  /* 64-bit port */
    g = (struct acpi_gas){ACPI_GAS_SYSTEM_IO, 16, 0, ACPI_GAS_ACCESS_WORD, 0xFFFF};
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_BAD_ADDRESS); /* past port 0xFFFF */
    g.address = 0x10000;
    assert_int_equal(acpi_hw_write(&host, &g, 0), ACPI_BAD_ADDRESS);
    g = (struct acpi_gas){ACPI_GAS_PCI_CONFIG, 8, 0, 1, 0x002000000000ull}; /* device 32 */
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_BAD_ADDRESS);
    g = (struct acpi_gas){ACPI_GAS_SYSTEM_MEMORY, 64, 0, 4, UINT64_MAX - 3};
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_BAD_ADDRESS); /* wraps */
    g = (struct acpi_gas){ACPI_GAS_EMBEDDED_CONTROLLER, 8, 0, 1, 0x10};
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_UNSUPPORTED);
    g = (struct acpi_gas){ACPI_GAS_SYSTEM_IO, 8, 0, 1, 0};
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_NOT_FOUND);  /* null GAS */
    /* No callbacks for the space. */
    struct acpi_hw_host none = {h, NULL, NULL, NULL, NULL, NULL, NULL};
    g = (struct acpi_gas){ACPI_GAS_SYSTEM_IO, 8, 0, 1, 0x80};
    assert_int_equal(acpi_hw_read(&none, &g, &v), ACPI_UNSUPPORTED);
    assert_int_equal(acpi_hw_read(NULL, &g, &v), ACPI_INVALID_ARGUMENT);
    /* A host failure comes back as is. */
    h->fail_with = ACPI_MAP_FAILED;
    assert_int_equal(acpi_hw_write(&host, &g, 1), ACPI_MAP_FAILED);
    free(h);
}

/* ---- reset, sleep, PM timer on QEMU's FADTs ---- */

static void reset_through_qemu_fadt(void **state)
{
    (void)state;
    struct acpi_hw_host host;
    struct host_state *h = host_new(&host);
    /* q35's FACP.dsl: Reset Register SystemIO 0xCF9, value 0x0F, RESET_REG_SUP set. */
    struct acpi_fadt fadt = load_fadt("q35-seabios");
    assert_int_equal(acpi_hw_reset(&host, &fadt), ACPI_OK);
    assert_int_equal(h->ports.log_count, 1);
    assert_int_equal(h->ports.log[0].port, 0xCF9);
    assert_int_equal(h->ports.log[0].width, 1);
    assert_int_equal(h->ports.log[0].value, 0x0F);
    /* i440fx's FADT is revision 1 (116 bytes): no reset register at all. */
    fadt = load_fadt("i440fx-seabios");
    assert_int_equal(acpi_hw_reset(&host, &fadt), ACPI_NOT_FOUND);
    /* RESET_REG_SUP clear: not used even though the register is there. */
    fadt = load_fadt("q35-seabios");
    fadt.flags &= ~ACPI_FADT_RESET_REG_SUP;
    assert_int_equal(acpi_hw_reset(&host, &fadt), ACPI_NOT_FOUND);
    free(h);
}

static void sleep_through_qemu_fadt(void **state)
{
    (void)state;
    struct acpi_hw_host host;
    struct host_state *h = host_new(&host);
    /* q35's FACP.dsl: PM1a event block 0x600 (4 bytes), PM1a control 0x604
     * (2 bytes), no PM1b. SCI_EN is set in PM1a control as firmware leaves it. */
    struct acpi_fadt fadt = load_fadt("q35-seabios");
    h->io[0x604] = 0x01;
    /* QEMU's DSDT.dsl: _S4 = Package { 0x02, 0x02, Zero, Zero }. */
    assert_int_equal(acpi_hw_sleep(&host, &fadt, 2, 2), ACPI_OK);
    const struct mock_port_access *log = h->ports.log;
    assert_int_equal(h->ports.log_count, 4);
    /* WAK_STS cleared alone in the 16-bit status half of PM1a_EVT. */
    assert_int_equal(log[0].port, 0x600);
    assert_int_equal(log[0].width, 2);
    assert_true(log[0].is_write);
    assert_int_equal(log[0].value, 0x8000);
    /* Read, SLP_TYP written first, then SLP_EN; SCI_EN preserved. */
    assert_int_equal(log[1].port, 0x604);
    assert_false(log[1].is_write);
    assert_int_equal(log[2].port, 0x604);
    assert_int_equal(log[2].value, 0x0801);
    assert_int_equal(log[3].port, 0x604);
    assert_int_equal(log[3].value, 0x2801);
    free(h);
}

static void sleep_writes_each_block_its_own_value(void **state)
{
    (void)state;
    struct acpi_hw_host host;
    struct host_state *h = host_new(&host);
    /* A FADT with separate PM1a and PM1b control blocks (the Rust crate's
     * issue #328: both must not get SLP_TYPa). */
    struct acpi_fadt fadt = {0};
    fadt.length = ACPI_FADT_LENGTH_6_5;
    fadt.header.length = ACPI_FADT_LENGTH_6_5;
    fadt.x_pm1a_cnt_blk = (struct acpi_gas){ACPI_GAS_SYSTEM_IO, 16, 0, 2, 0x404};
    fadt.x_pm1b_cnt_blk = (struct acpi_gas){ACPI_GAS_SYSTEM_IO, 16, 0, 2, 0x504};
    fadt.pm1_cnt_len = 2;
    assert_int_equal(acpi_hw_sleep(&host, &fadt, 5, 7), ACPI_OK);
    /* Final values: A has SLP_TYP 5, B has SLP_TYP 7, both SLP_EN. */
    assert_int_equal(h->io[0x404] | (h->io[0x405] << 8), (5 << 10) | 0x2000);
    assert_int_equal(h->io[0x504] | (h->io[0x505] << 8), (7 << 10) | 0x2000);
    /* SLP_EN is set only after both SLP_TYP writes. */
    size_t first_en = h->ports.log_count;
    size_t last_typ = 0;
    for (size_t i = 0; i < h->ports.log_count; i++) {
        if (!h->ports.log[i].is_write)
            continue;
        if (h->ports.log[i].value & 0x2000) {
            if (first_en == h->ports.log_count)
                first_en = i;
        } else {
            last_typ = i;
        }
    }
    assert_true(last_typ < first_en);
    free(h);
}

static void sleep_hardware_reduced(void **state)
{
    (void)state;
    struct acpi_hw_host host;
    struct host_state *h = host_new(&host);
    struct acpi_fadt fadt = {0};
    fadt.length = ACPI_FADT_LENGTH_6_5;
    fadt.flags = ACPI_FADT_HW_REDUCED_ACPI;
    fadt.sleep_control_reg = (struct acpi_gas){ACPI_GAS_SYSTEM_MEMORY, 8, 0, 1, 0xFED00200};
    fadt.sleep_status_reg = (struct acpi_gas){ACPI_GAS_SYSTEM_MEMORY, 8, 0, 1, 0xFED00201};
    assert_int_equal(acpi_hw_sleep(&host, &fadt, 5, 0), ACPI_OK);
    /* ACPI 6.5 4.8.3.7: SLP_TYP in bits 4:2, SLP_EN bit 5; WAK_STS bit 7. */
    assert_int_equal(h->mem[0x200], (5 << 2) | 0x20);
    assert_int_equal(h->mem[0x201], 0x80);
    fadt.sleep_control_reg.address = 0;
    assert_int_equal(acpi_hw_sleep(&host, &fadt, 5, 0), ACPI_NOT_FOUND);
    free(h);
}

static void pm_timer_wraps(void **state)
{
    (void)state;
    struct acpi_hw_host host;
    struct host_state *h = host_new(&host);
    /* q35's FACP.dsl: PM Timer Block 0x608, 4 bytes, "32-bit PM Timer (V1) : 0". */
    struct acpi_fadt fadt = load_fadt("q35-seabios");
    struct acpi_pm_timer timer;
    assert_int_equal(acpi_pm_timer_init(&timer, &fadt), ACPI_OK);
    assert_int_equal(timer.reg.address, 0x608);
    assert_false(timer.extended);
    memcpy(h->io + 0x608, "\xF0\xFF\xFF\xAB", 4); /* top byte is not part of a 24-bit count */
    uint32_t start, end;
    assert_int_equal(acpi_pm_timer_read(&host, &timer, &start), ACPI_OK);
    assert_int_equal(start, 0xFFFFF0);
    memcpy(h->io + 0x608, "\x10\x00\x00\x00", 4);
    assert_int_equal(acpi_pm_timer_read(&host, &timer, &end), ACPI_OK);
    assert_int_equal(acpi_pm_timer_elapsed(&timer, start, end), 0x20);
    fadt.flags |= ACPI_FADT_TMR_VAL_EXT;
    assert_int_equal(acpi_pm_timer_init(&timer, &fadt), ACPI_OK);
    assert_int_equal(acpi_pm_timer_elapsed(&timer, 0xFFFFFFF0u, 0x10), 0x20);
    assert_int_equal(acpi_pm_timer_elapsed(&timer, 5, 5), 0);
    /* 3.579545 MHz: that many ticks are one second. */
    assert_int_equal(acpi_pm_timer_ticks_to_ns(ACPI_PM_TIMER_FREQUENCY_HZ), 1000000000u);
    assert_int_equal(acpi_pm_timer_ticks_to_ns(358), 100012); /* 358 / 3579545 s, rounded down */
    assert_int_equal(acpi_pm_timer_ticks_to_ns(0xFFFFFFFFu), 1199864031601ull); /* floor((2^32-1) * 1e9 / 3579545) */
    /* A hardware-reduced FADT has no PM timer. */
    struct acpi_fadt reduced = {0};
    reduced.length = ACPI_FADT_LENGTH_6_5;
    assert_int_equal(acpi_pm_timer_init(&timer, &reduced), ACPI_NOT_FOUND);
    free(h);
}

static void direct_backend_memory(void **state)
{
    (void)state;
    /* The ready-made backend over host memory: "physical" 0x1000 is buf. */
    static uint8_t buf[16] = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88};
    struct acpi_hw_direct direct = {(uintptr_t)buf - 0x1000u};
    struct acpi_hw_host host;
    acpi_hw_host_direct(&host, &direct);
    uint64_t v;
    struct acpi_gas g = {ACPI_GAS_SYSTEM_MEMORY, 32, 0, ACPI_GAS_ACCESS_DWORD, 0x1000};
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_OK);
    assert_int_equal(v, 0x44332211);
    g = (struct acpi_gas){ACPI_GAS_SYSTEM_MEMORY, 64, 0, ACPI_GAS_ACCESS_QWORD, 0x1008};
    assert_int_equal(acpi_hw_write(&host, &g, 0x0102030405060708ull), ACPI_OK);
    assert_memory_equal(buf + 8, "\x08\x07\x06\x05\x04\x03\x02\x01", 8);
    g = (struct acpi_gas){ACPI_GAS_SYSTEM_MEMORY, 4, 4, ACPI_GAS_ACCESS_BYTE, 0x1001};
    assert_int_equal(acpi_hw_write(&host, &g, 0xA), ACPI_OK);
    assert_int_equal(buf[1], 0xA2);
#if defined(__x86_64__) || defined(__i386__)
    /* Mechanism #1 reaches offsets 0-0xFF only: refused before any port access. */
    g = (struct acpi_gas){ACPI_GAS_PCI_CONFIG, 8, 0, ACPI_GAS_ACCESS_BYTE, 0x001F00000100ull};
    assert_int_equal(acpi_hw_read(&host, &g, &v), ACPI_BAD_ADDRESS);
    assert_non_null(host.io_read);
#else
    assert_null(host.io_read);
#endif
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gas_bit_fields_in_memory),
        cmocka_unit_test(gas_io_and_pci),
        cmocka_unit_test(gas_evil),
        cmocka_unit_test(reset_through_qemu_fadt),
        cmocka_unit_test(sleep_through_qemu_fadt),
        cmocka_unit_test(sleep_writes_each_block_its_own_value),
        cmocka_unit_test(sleep_hardware_reduced),
        cmocka_unit_test(pm_timer_wraps),
        cmocka_unit_test(direct_backend_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
