/* See acpi_report.h. Table layouts: ACPI 6.5 chapter 5. */
#include "acpi_report.h"

#include "acpi/fadt.h"
#include "acpi/hpet.h"
#include "acpi/madt.h"
#include "console.h"
#include "hpet.h"
#include "rsdp/efi.h"
#include "rsdp/rsdp.h"

static void print_rsdp(const char *source, const struct rsdp_info *r)
{
    console_printf("rsdp source=%s address=0x%llx revision=%u oem=\"%.6s\" rsdt=0x%x xsdt=0x%llx\n",
                   source, (unsigned long long)r->address, r->revision, r->oem_id, r->rsdt_address,
                   (unsigned long long)r->xsdt_address);
}

static bool same_rsdp(const struct rsdp_info *a, const struct rsdp_info *b)
{
    for (unsigned i = 0; i < sizeof a->oem_id; i++) {
        if (a->oem_id[i] != b->oem_id[i]) {
            return false;
        }
    }
    return a->revision == b->revision && a->checksum == b->checksum &&
           a->rsdt_address == b->rsdt_address && a->xsdt_address == b->xsdt_address;
}

/* The RSDP: the Multiboot2 copy (ACPI_NEW preferred, as GRUB also prefers it)
 * and the firmware's own, which must agree. Returns the one to use. */
static bool find_rsdp(const struct boot_info *boot, const struct acpi_host *host,
                      struct rsdp_info *out)
{
    const struct rsdp_host rh = {host->ctx, host->map, host->unmap};
    const struct mb2_rsdp *tag = boot->have_rsdp_new ? &boot->rsdp_new : &boot->rsdp_old;
    struct rsdp_info copy;
    struct rsdp_info firmware;
    enum rsdp_status copy_st = RSDP_NOT_FOUND;
    enum rsdp_status fw_st;
    const char *fw_source;

    if (boot->have_rsdp_new || boot->have_rsdp_old) {
        copy_st = rsdp_validate_copy(tag->bytes, tag->len, &copy);
    }
    if (copy_st == RSDP_OK) {
        print_rsdp(boot->have_rsdp_new ? "multiboot2-acpi-new" : "multiboot2-acpi-old", &copy);
    }
    console_check(copy_st == RSDP_OK, "rsdp-multiboot2", "%s", rsdp_status_str(copy_st));

    if (boot->have_efi64) {
        fw_source = "efi-system-table";
        fw_st = rsdp_find_efi(&rh, boot->efi64_system_table, RSDP_EFI64, &firmware);
    } else {
        fw_source = "bios-area";
        fw_st = rsdp_find_bios(&rh, &firmware);
    }
    if (fw_st == RSDP_OK) {
        print_rsdp(fw_source, &firmware);
    }
    console_check(fw_st == RSDP_OK, "rsdp-firmware", "%s: %s", fw_source, rsdp_status_str(fw_st));
    if (copy_st == RSDP_OK && fw_st == RSDP_OK) {
        console_check(same_rsdp(&copy, &firmware), "rsdp-agree",
                      "multiboot2 copy and %s: rsdt 0x%x/0x%x xsdt 0x%llx/0x%llx", fw_source,
                      copy.rsdt_address, firmware.rsdt_address,
                      (unsigned long long)copy.xsdt_address,
                      (unsigned long long)firmware.xsdt_address);
    }
    if (fw_st == RSDP_OK) {
        *out = firmware;
        return true;
    }
    if (copy_st == RSDP_OK) {
        *out = copy;
        return true;
    }
    return false;
}

static void list_tables(const struct acpi_root *root)
{
    struct acpi_table_iter it;
    struct acpi_table_ref ref;
    enum acpi_status st;
    unsigned n = 0;

    console_printf("acpi root=%s address=0x%llx entries=%u\n", root->xsdt ? "XSDT" : "RSDT",
                   (unsigned long long)root->address, root->entry_count);
    acpi_table_iter_init(&it, root);
    while ((st = acpi_table_next(&it, &ref)) == ACPI_OK) {
        console_printf("acpi-table signature=%.4s address=0x%llx length=%u revision=%u "
                       "oem=\"%.6s\" checksum_ok=%u\n",
                       ref.header.signature, (unsigned long long)ref.address, ref.header.length,
                       ref.header.revision, ref.header.oem_id, ref.header.checksum_ok ? 1u : 0u);
        n++;
    }
    console_check(st == ACPI_END && n == root->entry_count, "acpi-tables", "%u of %u tables: %s", n,
                  root->entry_count, acpi_status_str(st));
}

/* Maps the first table with SIGNATURE; false (after a printed note) if absent. */
static bool map_table(const struct acpi_root *root, const char *signature, struct acpi_sdt *sdt)
{
    struct acpi_table_ref ref;
    enum acpi_status st = acpi_find_table(root, signature, 0, &ref);

    if (st == ACPI_OK) {
        st = acpi_table_map(root, &ref, sdt);
    }
    if (st != ACPI_OK) {
        console_printf("acpi-missing signature=%s status=\"%s\"\n", signature, acpi_status_str(st));
        return false;
    }
    return true;
}

static void survey_madt(struct acpi_facts *facts)
{
    struct acpi_sdt sdt;
    struct acpi_madt madt;
    struct acpi_madt_iter it;
    struct acpi_madt_entry e;
    enum acpi_status st;

    if (!map_table(&facts->root, "APIC", &sdt)) {
        console_check(false, "madt", "no MADT");
        return;
    }
    st = acpi_madt_parse(sdt.bytes, sdt.length, &madt);
    if (st == ACPI_OK) {
        uint64_t lapic = 0;
        if (acpi_madt_local_apic_address(&madt, &lapic) == ACPI_OK) {
            console_printf("madt local_apic=0x%llx flags=0x%x\n", (unsigned long long)lapic,
                           madt.flags);
        }
        acpi_madt_iter_init(&it, &madt);
        while ((st = acpi_madt_next(&it, &e)) == ACPI_OK) {
            if (e.type == ACPI_MADT_LOCAL_APIC) {
                const struct acpi_madt_local_apic *p = &e.u.local_apic;
                bool enabled = (p->flags & ACPI_MADT_ENABLED) != 0;
                console_printf("%s uid=%u apic_id=%u flags=0x%x\n", enabled ? "cpu" : "cpu-disabled",
                               p->acpi_processor_uid, p->apic_id, p->flags);
                facts->cpus += enabled ? 1u : 0u;
            } else if (e.type == ACPI_MADT_LOCAL_X2APIC) {
                const struct acpi_madt_local_x2apic *p = &e.u.local_x2apic;
                bool enabled = (p->flags & ACPI_MADT_ENABLED) != 0;
                console_printf("%s uid=%u x2apic_id=%u flags=0x%x\n",
                               enabled ? "cpu" : "cpu-disabled", p->acpi_processor_uid,
                               p->x2apic_id, p->flags);
                facts->cpus += enabled ? 1u : 0u;
            } else if (e.type == ACPI_MADT_IO_APIC) {
                const struct acpi_madt_io_apic *p = &e.u.io_apic;
                console_printf("ioapic id=%u addr=0x%x gsi_base=%u\n", p->io_apic_id,
                               p->io_apic_address, p->global_system_interrupt_base);
                facts->ioapics++;
            } else if (e.type == ACPI_MADT_INTERRUPT_SOURCE_OVERRIDE) {
                const struct acpi_madt_interrupt_source_override *p = &e.u.interrupt_source_override;
                console_printf("irq-override bus=%u source=%u gsi=%u flags=0x%x\n", p->bus, p->source,
                               p->global_system_interrupt, p->flags);
            }
        }
    }
    acpi_table_unmap(&facts->root, &sdt);
    console_check(st == ACPI_END && facts->cpus > 0 && facts->ioapics > 0, "madt",
                  "%u processors, %u I/O APICs: %s", facts->cpus, facts->ioapics,
                  acpi_status_str(st));
}

static void survey_hpet(const struct acpi_facts *facts)
{
    struct acpi_sdt sdt;
    struct acpi_hpet hpet;

    if (!map_table(&facts->root, "HPET", &sdt)) {
        return;
    }
    enum acpi_status st = acpi_hpet_parse(sdt.bytes, sdt.length, &hpet);
    if (st == ACPI_OK) {
        console_printf("hpet addr=0x%llx number=%u comparators=%u vendor=0x%04x min_tick=%u\n",
                       (unsigned long long)hpet.base_address.address, hpet.hpet_number,
                       hpet.block_id.number_of_comparators + 1u, hpet.block_id.pci_vendor_id,
                       hpet.main_counter_minimum_clock_tick);
    }
    acpi_table_unmap(&facts->root, &sdt);
    console_check(st == ACPI_OK, "hpet", "%s", acpi_status_str(st));
    if (st == ACPI_OK) {
        hpet_report(&hpet);
    }
}

static void survey_mcfg(struct acpi_facts *facts)
{
    struct acpi_sdt sdt;
    struct acpi_mcfg mcfg;

    if (!map_table(&facts->root, "MCFG", &sdt)) {
        return;
    }
    enum acpi_status st = acpi_mcfg_parse(sdt.bytes, sdt.length, &mcfg);
    for (uint32_t i = 0; st == ACPI_OK && i < mcfg.allocation_count; i++) {
        struct acpi_mcfg_allocation a;
        st = acpi_mcfg_allocation(&mcfg, i, &a);
        if (st != ACPI_OK) {
            break;
        }
        console_printf("mcfg base=0x%llx segment=%u start_bus=%u end_bus=%u\n",
                       (unsigned long long)a.base_address, a.pci_segment_group, a.start_bus,
                       a.end_bus);
        if (facts->ecam_count < ACPI_REPORT_MAX_ECAM) {
            facts->ecam[facts->ecam_count++] = a;
        }
    }
    acpi_table_unmap(&facts->root, &sdt);
    console_check(st == ACPI_OK, "mcfg", "%u regions: %s", facts->ecam_count, acpi_status_str(st));
}

static const char *space_name(uint8_t space_id)
{
    switch (space_id) {
    case ACPI_GAS_SYSTEM_MEMORY:
        return "mem";
    case ACPI_GAS_SYSTEM_IO:
        return "io";
    case ACPI_GAS_PCI_CONFIG:
        return "pci";
    default:
        return "other";
    }
}

static void survey_fadt(struct acpi_facts *facts)
{
    struct acpi_sdt sdt;
    struct acpi_fadt fadt;

    if (!map_table(&facts->root, "FACP", &sdt)) {
        console_check(false, "fadt", "no FADT");
        return;
    }
    enum acpi_status st = acpi_fadt_parse(sdt.bytes, sdt.length, &fadt);
    if (st == ACPI_OK) {
        console_printf("fadt revision=%u sci_int=%u flags=0x%x dsdt=0x%llx\n", fadt.header.revision,
                       fadt.sci_int, fadt.flags,
                       (unsigned long long)acpi_fadt_dsdt_address(&fadt));
        if (acpi_fadt_has(&fadt, ACPI_FADT_RESET_VALUE, 1) && (fadt.flags & ACPI_FADT_RESET_REG_SUP)) {
            console_printf("fadt-reset register=%s:0x%llx width=%u value=0x%02x\n",
                           space_name(fadt.reset_reg.space_id),
                           (unsigned long long)fadt.reset_reg.address, fadt.reset_reg.bit_width,
                           fadt.reset_value);
        } else {
            console_printf("fadt-reset none\n");
        }
        facts->have_pm_timer = acpi_pm_timer_init(&facts->pm_timer, &fadt) == ACPI_OK;
        if (facts->have_pm_timer) {
            console_printf("fadt-pm-timer register=%s:0x%llx width=%u counter_bits=%u\n",
                           space_name(facts->pm_timer.reg.space_id),
                           (unsigned long long)facts->pm_timer.reg.address,
                           facts->pm_timer.reg.bit_width, facts->pm_timer.extended ? 32u : 24u);
        }
    }
    acpi_table_unmap(&facts->root, &sdt);
    console_check(st == ACPI_OK, "fadt", "%s", acpi_status_str(st));
}

void acpi_report(struct acpi_facts *facts, const struct boot_info *boot,
                 const struct acpi_host *host)
{
    struct rsdp_info rsdp;

    *facts = (struct acpi_facts){0};
    if (!find_rsdp(boot, host, &rsdp)) {
        return;
    }
    enum acpi_status st = acpi_root_init(&facts->root, host, &rsdp, ACPI_CHECKSUM_STRICT);
    console_check(st == ACPI_OK, "acpi-root", "%s", acpi_status_str(st));
    if (st != ACPI_OK) {
        return;
    }
    facts->have_root = true;
    list_tables(&facts->root);
    survey_madt(facts);
    survey_hpet(facts);
    survey_mcfg(facts);
    survey_fadt(facts);
}
