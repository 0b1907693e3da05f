/* GPE block devices, the EC's _GPE package and the deferred SCI
 * (acpi/aml_events.h, acpi/aml_gpe_block.h) over the events rig
 * (events_rig.h: QEMU q35's FADT and GPE0 at 0x620, the EC model, an I/O
 * block at 0xFC00 and a memory block at RIG_GPE_MMIO), on an ASL table iasl
 * compiles at test time.
 *
 * Expected values: the register layout and method placement of ACPI 6.5,
 * 9.10 (one I/O or memory range, status half then enable half as in 4.8.4.1;
 * _Lxx/_Exx under the block device; no interrupt descriptor: the SCI; the
 * first ACPI0006 device without _CRS stands for the FADT blocks), 12.11 (the
 * EC's _GPE package {block device, index}) and 5.6.4 (edge GPEs cleared
 * before their method, level ones after). ACPICA's acpiexec 20200925 cannot
 * tell which block method runs (it installs no GPE block devices: its `gpes`
 * lists the FADT blocks only), so from it come the _CRS buffers and the
 * _GPE/_PRW packages, as it evaluates them from the same AML. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "acpi/aml_events.h"
#include "acpi/aml_gpe_block.h"
#include "tests/acpi/events_rig.h"

static const char asl_text[] =
    "DefinitionBlock (\"\", \"DSDT\", 2, \"OSDEV\", \"GPEBLK\", 1)\n"
    "{\n"
    "    OperationRegion (DBGP, SystemIO, 0x80, 1)\n"
    "    Field (DBGP, ByteAcc, NoLock, Preserve) { PORT, 8 }\n"
    "    Name (_S0, Package (4) { 0, 0, 0, 0 })\n"
    "    Name (_S3, Package (4) { 0x05, 0x05, 0, 0 })\n"
    "    Scope (_GPE)\n"
    "    {\n"
    "        Method (_L01) { PORT = 0x01 }\n"
    "        Method (_E02) { PORT = 0x02\n"
    "            Notify (\\_SB.PCI0, 0x02) }\n"
    "    }\n"
    "    Scope (_SB)\n"
    "    {\n"
    "        Device (GPE0) { Name (_HID, \"ACPI0006\") Name (_UID, 1) }\n"
    "        Device (PCI0)\n"
    "        {\n"
    "            Name (_HID, EisaId (\"PNP0A08\"))\n"
    "            Device (GPE1)\n"
    "            {\n"
    "                Name (_HID, \"ACPI0006\")\n"
    "                Name (_UID, 2)\n"
    "                Name (_CRS, ResourceTemplate () {\n"
    "                    IO (Decode16, 0xFC00, 0xFC00, 0x04, 0x04)\n"
    "                    IRQ (Level, ActiveHigh, Shared) { 5 } })\n"
    "                Method (_L02) { PORT = 0x12 }\n"
    "                Method (_E07) { PORT = 0x17\n"
    "                    Notify (\\_SB.PCI0, 0x80) }\n"
    "                Method (_L1F) { PORT = 0x1F }\n"
    "            }\n"
    "        }\n"
    "        Device (GPE2)\n"
    "        {\n"
    "            Name (_HID, \"OSDV0006\")\n"
    "            Name (_CID, \"ACPI0006\")\n"
    "            Name (_UID, 3)\n"
    "            Name (_CRS, ResourceTemplate () {\n"
    "                Memory32Fixed (ReadWrite, 0xFED40100, 0x00000008) })\n"
    "            Method (_E00) { PORT = 0x20 }\n"
    "            Method (_L05) { PORT = 0x25 }\n"
    "        }\n"
    "        Device (GPE3) { Name (_HID, \"ACPI0006\") Name (_UID, 4) Name (_STA, 0)\n"
    "            Name (_CRS, ResourceTemplate () { IO (Decode16, 0xFD00, 0xFD00, 1, 2) }) }\n"
    "        Device (GPE4) { Name (_HID, \"ACPI0006\") Name (_UID, 5)\n"
    "            Name (_CRS, ResourceTemplate () { IO (Decode16, 0xFE00, 0xFE00, 1, 3) }) }\n"
    "        Device (EC0)\n"
    "        {\n"
    "            Name (_HID, EisaId (\"PNP0C09\"))\n"
    "            Name (_CRS, ResourceTemplate () {\n"
    "                IO (Decode16, 0x0062, 0x0062, 0x00, 0x01)\n"
    "                IO (Decode16, 0x0066, 0x0066, 0x00, 0x01) })\n"
    /* iasl 20200925 knows only the integer form of _GPE and refuses a
     * literal package there; through a Local it compiles (acpiexec then
     * warns "Return type mismatch" and returns the package). */
    "            Method (_GPE) { Local0 = Package () { \\_SB.GPE2, 0x03 }\n"
    "                Return (Local0) }\n"
    "            OperationRegion (ECOR, EmbeddedControl, 0, 0xFF)\n"
    "            Field (ECOR, ByteAcc, Lock, Preserve) { Offset (0x10), TMPV, 8 }\n"
    "            Method (_Q10) { PORT = 0x30\n"
    "                TMPV = 0x77 }\n"
    "        }\n"
    "        Device (LID0) { Name (_HID, EisaId (\"PNP0C0D\"))\n"
    "            Name (_PRW, Package () { Package () { \\_SB.PCI0.GPE1, 0x02 }, 0x03 }) }\n"
    "        Device (SLPB) { Name (_HID, EisaId (\"PNP0C0E\"))\n"
    "            Name (_PRW, Package () { Package () { \\_SB.GPE0, 0x01 }, 0x04 }) }\n"
    "        Device (PWRB) { Name (_HID, EisaId (\"PNP0C0C\")) }\n"
    "    }\n"
    "}\n";

static struct events_table table;

/* GPE2's registers in the model's memory. */
static uint8_t *mmio(struct rig *r, unsigned offset)
{
    return &r->m->mem[RIG_GPE_MMIO - HW_MODEL_MEM_BASE + offset];
}

/* acpiexec's _CRS buffer of PATH. */
static void acpiexec_crs(const char *path, struct bytes *out)
{
    char p[96];
    snprintf(p, sizeof p, "%s._CRS", path);
    out->n = 0;
    assert_true(acpiexec_eval(table.dir, "t.aml", p, buffer_line, out));
}


static const struct acpi_aml_gpe_device *device(struct rig *r, const char *path)
{
    const struct acpi_aml_node *n = node(r, path);
    for (unsigned i = 0; i < r->ae.gpe_device_count; i++) {
        if (r->ae.gpe_devices[i].info.device == n) {
            return &r->ae.gpe_devices[i];
        }
    }
    fail_msg("%s is not a kept GPE block device", path);
    return NULL;
}

static void test_block_devices_found(void **state)
{
    (void)state;
    struct rig *r = rig_new(&table, false);
    /* GPE0, GPE1, GPE2 (by _CID), GPE4; GPE3 is absent (_STA 0). */
    assert_int_equal(r->ae.gpe_block_devices, 4);
    assert_ptr_equal(r->ae.gpe_fadt_device, node(r, "\\_SB.GPE0"));
    assert_int_equal(r->ae.gpe_device_count, 2);
    assert_int_equal(r->ae.gpe_block_bad, 1); /* GPE4: 3 bytes, not two halves */
    /* GPE1's registers as acpiexec's _CRS buffer gives them (IO descriptor,
     * Table 6.40: minimum at bytes 2-3, length at byte 7), its IRQ 5. */
    struct bytes crs;
    acpiexec_crs("\\_SB.PCI0.GPE1", &crs);
    assert_true(crs.n >= 8);
    assert_int_equal(crs.b[0], 0x47);
    const struct acpi_aml_gpe_device *g1 = device(r, "\\_SB.PCI0.GPE1");
    assert_int_equal(g1->info.address.space_id, ACPI_GAS_SYSTEM_IO);
    assert_int_equal(g1->info.address.address, crs.b[2] | (crs.b[3] << 8));
    assert_int_equal(g1->info.length, crs.b[7]);
    assert_true(g1->info.has_interrupt);
    assert_int_equal(g1->info.interrupt, 5);
    assert_false(g1->info.edge_triggered);
    assert_int_equal(acpi_gpe_count(&g1->regs), 16);
    /* Its methods are its own children (9.10), numbered in the block. */
    assert_int_equal(g1->gpes.methods, 3);
    assert_ptr_equal(g1->gpes.method[7], node(r, "\\_SB.PCI0.GPE1._E07"));
    assert_null(r->ae.fadt_gpes.method[7]);
    assert_int_equal(g1->gpes.outside, 1); /* _L1F: GPE 31 of a 16-GPE block */
    assert_true(bit(g1->regs.edge, 7));
    assert_false(bit(g1->regs.edge, 2));
    /* GPE2 in memory (Memory32Fixed, Table 6.53: base bytes 4-7, length
     * 8-11), on the SCI. */
    acpiexec_crs("\\_SB.GPE2", &crs);
    assert_true(crs.n >= 12);
    assert_int_equal(crs.b[0], 0x86);
    const struct acpi_aml_gpe_device *g2 = device(r, "\\_SB.GPE2");
    assert_int_equal(g2->info.address.space_id, ACPI_GAS_SYSTEM_MEMORY);
    assert_int_equal(g2->info.address.address,
                     crs.b[4] | (crs.b[5] << 8) | (crs.b[6] << 16) | ((uint32_t)crs.b[7] << 24));
    assert_int_equal(g2->info.length, crs.b[8] | (crs.b[9] << 8));
    assert_false(g2->info.has_interrupt);
    assert_int_equal(acpi_gpe_count(&g2->regs), 32);
    /* _PRW {\_SB.PCI0.GPE1, 2} (acpiexec: index 2, S3): GPE1's GPE 2 is a
     * wake GPE; {\_SB.GPE0, 1}: the stand-in, so FADT GPE 1. */
    uint64_t v[8];
    assert_int_equal(acpiexec_ints(table.dir, "\\_SB.LID0._PRW", v, 8), 2);
    const struct acpi_aml_wake *w = acpi_aml_wake_find(&r->ae, node(r, "\\_SB.LID0"));
    assert_non_null(w);
    assert_ptr_equal(w->gpe_device, node(r, "\\_SB.PCI0.GPE1"));
    assert_int_equal(w->gpe, v[0]);
    assert_true(bit(g1->regs.wake, (unsigned)v[0]));
    assert_int_equal(acpiexec_ints(table.dir, "\\_SB.SLPB._PRW", v, 8), 2);
    assert_true(bit(r->gpe.wake, (unsigned)v[0]));
    assert_int_equal(r->ae.prw_outside, 0);
    /* Run-time GPEs: methods that are not wake GPEs (ACPICA's rule) in each
     * block: FADT 2 (not 1), GPE1 7 (not 2; 0x1F is outside), GPE2 0 and 5;
     * the enable half follows the status half. */
    assert_int_equal(r->m->io[0x628], 0x04);
    assert_int_equal(r->m->io[0xFC02], 0x80);
    assert_int_equal(r->m->io[0xFC03], 0x00);
    assert_int_equal(*mmio(r, 4), 0x21);
    assert_int_equal(g1->gpes.enabled, 1);
    assert_int_equal(g2->gpes.enabled, 2);
    assert_null(acpi_aml_gpe_scope_of(&r->ae, node(r, "\\_SB.GPE3")));
    assert_ptr_equal(acpi_aml_gpe_scope_of(&r->ae, node(r, "\\_SB.GPE0")), &r->ae.fadt_gpes);
    rig_free(r);
}

static void test_block_dispatch(void **state)
{
    (void)state;
    struct rig *r = rig_new(&table, false);
    struct seen s = { 0 };
    assert_int_equal(acpi_aml_notify_install(&r->ae, node(r, "\\_SB.PCI0"), record, &s), ACPI_OK);
    /* GPE1 is wired to IRQ 5: the SCI does not look at it. */
    r->m->io[0xFC00] = 0x80;
    unsigned handled = 99;
    assert_int_equal(acpi_aml_events_sci(&r->ae, &handled), ACPI_OK);
    assert_int_equal(handled, 0);
    assert_int_equal(acpi_aml_gpe_interrupt(&r->ae, 4, &handled), ACPI_OK);
    assert_int_equal(handled, 0);
    assert_int_equal(acpi_aml_gpe_interrupt(&r->ae, 5, &handled), ACPI_OK);
    assert_int_equal(handled, 1);
    uint8_t dbg[8];
    assert_int_equal(debug_writes(r, dbg, 8), 1);
    assert_int_equal(dbg[0], 0x17);
    assert_int_equal(r->m->io[0xFC00], 0x00); /* edge: cleared */
    assert_int_equal(s.count, 1);
    assert_int_equal(s.value[0], 0x80);
    /* One SCI, the FADT's edge GPE 2 and GPE2's level GPE 5: FADT first. */
    mock_port_clear_log(&r->m->ports);
    raise_gpe(r, 2);
    *mmio(r, 0) = 0x20;
    assert_int_equal(acpi_aml_events_sci(&r->ae, &handled), ACPI_OK);
    assert_int_equal(handled, 2);
    assert_int_equal(debug_writes(r, dbg, 8), 2);
    assert_int_equal(dbg[0], 0x02);
    assert_int_equal(dbg[1], 0x25);
    assert_int_equal(*mmio(r, 0), 0x00); /* level: cleared after its method */
    assert_int_equal(*mmio(r, 4), 0x21);
    assert_int_equal(s.count, 2);
    assert_int_equal(s.value[1], 0x02);
    /* A wake GPE of a block is not enabled: its status alone does nothing. */
    r->m->io[0xFC00] = 0x04;
    assert_int_equal(acpi_aml_gpe_interrupt(&r->ae, 5, &handled), ACPI_OK);
    assert_int_equal(handled, 0);
    assert_int_equal(r->ae.method_failures, 0);
    rig_free(r);
}

/* 12.11: _GPE as {GPE block device, index}. */
static void test_ec_gpe_package(void **state)
{
    (void)state;
    struct rig *r = rig_new(&table, false);
    struct acpi_aml_ec_info info;
    assert_int_equal(acpi_aml_ec_find(r->aml, NULL, &info), ACPI_OK);
    uint64_t v[8];
    assert_int_equal(acpiexec_ints(table.dir, "\\_SB.EC0._GPE", v, 8), 1);
    assert_true(info.has_gpe);
    assert_ptr_equal(info.gpe_device, node(r, "\\_SB.GPE2"));
    assert_int_equal(info.gpe, v[0]);
    assert_int_equal(acpi_ec_init_io(&r->ec, &r->m->host, info.data_port, info.command_port,
                                     info.gpe, &r->wait), ACPI_OK);
    /* A device that is not a kept GPE block is refused. */
    assert_int_equal(acpi_aml_ec_attach(&r->ae, &r->ec, (struct acpi_aml_node *)info.device,
                                        node(r, "\\_SB.GPE3")),
                     ACPI_NOT_FOUND);
    assert_int_equal(acpi_aml_ec_attach(&r->ae, &r->ec, (struct acpi_aml_node *)info.device,
                                        info.gpe_device),
                     ACPI_OK);
    const struct acpi_aml_gpe_device *g2 = device(r, "\\_SB.GPE2");
    assert_ptr_equal(r->ae.ec_gpes, &g2->gpes);
    assert_true(bit(g2->regs.edge, 3));
    assert_int_equal(*mmio(r, 4), 0x29); /* GPE 3 enabled beside 0 and 5 */
    assert_int_equal(r->m->io[0x628], 0x04); /* not FADT GPE 3 */
    /* The EC raises GPE2's bit 3: QR_EC gives 0x10, _Q10 runs and writes
     * the EC space through the EmbeddedControl handler. */
    assert_int_equal(ec_model_queue_event(&r->ecm, 0x10), 0);
    *mmio(r, 0) = 0x08;
    unsigned handled = 0;
    assert_int_equal(acpi_aml_events_sci(&r->ae, &handled), ACPI_OK);
    assert_int_equal(handled, 1);
    assert_int_equal(r->ae.ec_queries, 1);
    assert_int_equal(r->ae.ec_queries_missing, 0);
    assert_int_equal(r->ecm.space[0x10], 0x77);
    assert_int_equal(r->ecm.violations, 0);
    uint8_t dbg[8];
    assert_int_equal(debug_writes(r, dbg, 8), 1);
    assert_int_equal(dbg[0], 0x30);
    assert_int_equal(*mmio(r, 0), 0x00);
    rig_free(r);
}

/* Deferred mode: the SCI acknowledges and masks, records; the worker runs
 * the methods, the EC query and the fixed power button, clears the level
 * GPE after its method and unmasks. */
static void test_deferred_split(void **state)
{
    (void)state;
    struct rig *r = rig_new(&table, true);
    struct hw_lock lock = { 0 };
    struct acpi_sci_lock sci_lock = hw_lock_sci(&lock);
    acpi_aml_events_set_lock(&r->ae, &sci_lock);
    struct acpi_aml_ec_info info;
    assert_int_equal(acpi_aml_ec_find(r->aml, NULL, &info), ACPI_OK);
    assert_int_equal(acpi_ec_init_io(&r->ec, &r->m->host, info.data_port, info.command_port,
                                     info.gpe, &r->wait), ACPI_OK);
    assert_int_equal(acpi_aml_ec_attach(&r->ae, &r->ec, (struct acpi_aml_node *)info.device,
                                        info.gpe_device),
                     ACPI_OK);
    struct seen button = { 0 }, pci = { 0 };
    assert_int_equal(acpi_aml_power_button_install(&r->ae, record, &button, NULL), ACPI_OK);
    assert_int_equal(acpi_aml_notify_install(&r->ae, node(r, "\\_SB.PCI0"), record, &pci),
                     ACPI_OK);
    assert_false(acpi_aml_events_work_pending(&r->ae));
    /* Power button, FADT GPE 2 (edge), GPE2's 3 (the EC, edge) and 5 (level). */
    assert_int_equal(ec_model_queue_event(&r->ecm, 0x10), 0);
    hw_model_set16(r->m, 0x600, ACPI_PM1_STS_PWRBTN);
    raise_gpe(r, 2);
    *mmio(r, 0) = 0x28;
    mock_port_clear_log(&r->m->ports);
    unsigned handled = 0, ran = 0;
    assert_int_equal(acpi_aml_events_sci(&r->ae, &handled), ACPI_OK);
    assert_int_equal(handled, 4);
    uint8_t dbg[8];
    assert_int_equal(debug_writes(r, dbg, 8), 0);      /* no AML ran */
    assert_int_equal(r->ecm.commands[4], 0);           /* no QR_EC either */
    assert_int_equal(button.count, 0);
    assert_int_equal(hw_model_get16(r->m, 0x600), 0);  /* PM1: acknowledged */
    assert_int_equal(r->m->io[0x620], 0x00);           /* edge acknowledged */
    assert_int_equal(r->m->io[0x628], 0x00);           /* masked */
    assert_int_equal(*mmio(r, 0), 0x20);               /* level still set, edge cleared */
    assert_int_equal(*mmio(r, 4), 0x01);               /* 3 and 5 masked, 0 not */
    assert_true(acpi_aml_events_work_pending(&r->ae));
    assert_false(lock.held);
    /* The worker. */
    assert_int_equal(acpi_aml_events_work(&r->ae, &ran), ACPI_OK);
    assert_int_equal(ran, 4);
    assert_int_equal(button.count, 1);
    assert_null(button.node[0]);
    assert_int_equal(debug_writes(r, dbg, 8), 3);
    assert_int_equal(dbg[0], 0x02); /* FADT, then GPE2's in number order: the EC's 3, then 5 */
    assert_int_equal(dbg[1], 0x30);
    assert_int_equal(dbg[2], 0x25);
    assert_int_equal(r->ecm.space[0x10], 0x77);
    assert_int_equal(*mmio(r, 0), 0x00);               /* level cleared after its method */
    assert_int_equal(*mmio(r, 4), 0x29);               /* unmasked */
    assert_int_equal(r->m->io[0x628], 0x04);
    assert_int_equal(pci.count, 1);                    /* _E02's Notify delivered */
    assert_int_equal(pci.value[0], 0x02);
    assert_false(acpi_aml_events_work_pending(&r->ae));
    assert_int_equal(acpi_aml_events_work(&r->ae, &ran), ACPI_OK);
    assert_int_equal(ran, 0);
    assert_int_equal(lock.acquired, lock.released);
    assert_true(lock.acquired >= 4);
    assert_int_equal(r->ae.method_failures, 0);
    assert_int_equal(acpi_aml_events_work(NULL, &ran), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_aml_events_sci(NULL, &handled), ACPI_INVALID_ARGUMENT);
    rig_free(r);
}

/* Sleep (16.1.x): only wake GPEs stay enabled, in the block devices too;
 * waking puts the run-time enables back. */
static void test_block_wake_masks(void **state)
{
    (void)state;
    struct rig *r = rig_new(&table, false);
    struct acpi_sleep_type t;
    assert_int_equal(acpi_aml_sleep_prepare(&r->ae, 3, &t), ACPI_OK);
    assert_int_equal(r->m->io[0xFC02], 0x04);          /* GPE1: LID0's wake GPE 2 alone */
    assert_int_equal(*mmio(r, 4), 0x00);               /* GPE2: no wake GPE */
    /* The chipset sets WAK_STS after SLP_EN (modelled), the kernel wakes. */
    hw_model_trigger(r->m, false, 0x604, 0x2000, 0x2000, 0x601, 0x80, 1);
    assert_int_equal(acpi_sleep_enter(&r->ev, &r->gpe, 3, t, &r->wait), ACPI_OK);
    assert_int_equal(r->m->io[0x628], 0x02);           /* FADT: SLPB's wake GPE 1 */
    assert_int_equal(acpi_aml_sleep_wake(&r->ae, 3), ACPI_OK);
    assert_int_equal(r->m->io[0xFC02], 0x80);
    assert_int_equal(*mmio(r, 4), 0x21);
    assert_int_equal(r->m->io[0x628], 0x04);
    rig_free(r);
}

/* Hand-made _CRS bytes a real block does not reach: each a status. */
static void test_block_decode_evil(void **state)
{
    (void)state;
    struct acpi_aml_gpe_block_info info;
    /* Generic Register (Table 6.50), SystemIO 0x1000, 32 bits: 4 bytes; then
     * an Extended Interrupt with GSI 20, edge, active low. */
    static const uint8_t gas[] = { 0x82, 0x0C, 0x00, 0x01, 0x20, 0x00, 0x01,
                                   0x00, 0x10, 0, 0, 0, 0, 0, 0,
                                   0x89, 0x06, 0x00, 0x07, 0x01, 20, 0, 0, 0,
                                   0x79, 0x00 };
    assert_int_equal(acpi_aml_gpe_block_decode(gas, sizeof gas, &info), ACPI_OK);
    assert_int_equal(info.address.space_id, ACPI_GAS_SYSTEM_IO);
    assert_int_equal(info.address.address, 0x1000);
    assert_int_equal(info.length, 4);
    assert_true(info.has_interrupt);
    assert_int_equal(info.interrupt, 20);
    assert_true(info.edge_triggered);
    assert_true(info.active_low);
    /* Only an interrupt: no registers. */
    static const uint8_t irq_only[] = { 0x22, 0x20, 0x00, 0x79, 0x00 };
    assert_int_equal(acpi_aml_gpe_block_decode(irq_only, sizeof irq_only, &info), ACPI_BAD_ENTRY);
    /* An IRQ descriptor with an empty mask. */
    static const uint8_t no_irq[] = { 0x47, 0x01, 0x00, 0xFC, 0x00, 0xFC, 0x01, 0x04,
                                      0x22, 0x00, 0x00, 0x79, 0x00 };
    assert_int_equal(acpi_aml_gpe_block_decode(no_irq, sizeof no_irq, &info), ACPI_BAD_ENTRY);
    /* A zero-length range. */
    static const uint8_t empty[] = { 0x47, 0x01, 0x00, 0xFC, 0x00, 0xFC, 0x01, 0x00, 0x79, 0x00 };
    assert_int_equal(acpi_aml_gpe_block_decode(empty, sizeof empty, &info), ACPI_BAD_ENTRY);
    /* Truncated descriptor: the decoder's status, not a read past the end. */
    assert_int_not_equal(acpi_aml_gpe_block_decode(gas, 9, &info), ACPI_OK);
    assert_int_equal(acpi_aml_gpe_block_decode(NULL, 4, &info), ACPI_INVALID_ARGUMENT);
    assert_int_equal(acpi_aml_gpe_block_decode(NULL, 0, &info), ACPI_BAD_ENTRY);
}

int main(void)
{
    int prepared = events_table_prepare(&table, asl_text);
    if (prepared != 0) {
        return prepared;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_block_devices_found), cmocka_unit_test(test_block_dispatch),
        cmocka_unit_test(test_ec_gpe_package),      cmocka_unit_test(test_deferred_split),
        cmocka_unit_test(test_block_wake_masks),   cmocka_unit_test(test_block_decode_evil),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    events_table_remove(&table);
    return rc;
}
