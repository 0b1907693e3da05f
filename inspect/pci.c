/* osdev-inspect pci [--json] [DIR]: decode PCI configuration spaces with the
 * pci_types library, in the spirit of `lspci -vvv`.
 *
 * DIR is a Linux sysfs device folder (default /sys/bus/pci/devices: one
 * "ssss:bb:dd.f/config" per function, BAR sizes from "resource") or a
 * fixture folder (files "bb_dd_f.bin", directly or under pci/, BAR sizes from
 * QEMU's `info pci` in pci.txt when present). Every function is decoded from
 * its bytes through the library's image backend, so nothing is written.
 * Exit status: 0, 1 when some function held malformed data (reported), 2 on
 * usage errors or when nothing could be read. The JSON shape is documented
 * in inspect/README.md. */
#include <dirent.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "files.h"
#include "inspect.h"
#include "pci_types/pci_types.h"

#define BAR_SLOTS 7 /* 0-5 and the expansion ROM (6), as sysfs and `info pci` number them */

struct func {
    struct pci_address address;
    uint8_t *config;
    size_t len;
    bool size_known[BAR_SLOTS];
    uint64_t size[BAR_SLOTS];
};

struct funcs {
    struct func *items;
    size_t count, cap;
};

static struct func *add_func(struct funcs *fs, struct pci_address a)
{
    if (fs->count == fs->cap) {
        size_t cap = fs->cap ? fs->cap * 2 : 32;
        struct func *n = realloc(fs->items, cap * sizeof *n);
        if (!n)
            return NULL;
        fs->items = n;
        fs->cap = cap;
    }
    memset(&fs->items[fs->count], 0, sizeof fs->items[0]);
    fs->items[fs->count].address = a;
    return &fs->items[fs->count++];
}

static int by_address(const void *a, const void *b)
{
    return pci_address_compare(((const struct func *)a)->address,
                               ((const struct func *)b)->address);
}

/* sysfs "resource": one "0xstart 0xend 0xflags" line per BAR, then the ROM. */
static void read_sysfs_resource(struct func *f, const char *path)
{
    FILE *fp = fopen(path, "r");
    char line[128];
    if (!fp)
        return;
    for (unsigned i = 0; i < BAR_SLOTS && fgets(line, sizeof line, fp); i++) {
        unsigned long long start, end, flags;
        if (sscanf(line, "%llx %llx %llx", &start, &end, &flags) != 3)
            break;
        f->size_known[i] = true;
        f->size[i] = end > start ? end - start + 1u : 0;
    }
    fclose(fp);
}

static int load_sysfs(struct funcs *fs, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    if (!d)
        return -1;
    while ((e = readdir(d)) != NULL) {
        unsigned seg, bus, dev, fn;
        char path[4096];
        struct func *f;
        if (sscanf(e->d_name, "%x:%x:%x.%x", &seg, &bus, &dev, &fn) != 4 || seg > 0xFFFF ||
            bus > 0xFF || dev > PCI_MAX_DEVICE || fn > PCI_MAX_FUNCTION)
            continue;
        f = add_func(fs, pci_address_make((uint16_t)seg, (uint8_t)bus, (uint8_t)dev, (uint8_t)fn));
        if (!f)
            break;
        snprintf(path, sizeof path, "%s/%s/config", dir, e->d_name);
        if (inspect_read_file(path, &f->config, &f->len) != 0) {
            fprintf(stderr, "osdev-inspect: cannot read %s\n", path);
            fs->count--;
            continue;
        }
        snprintf(path, sizeof path, "%s/%s/resource", dir, e->d_name);
        read_sysfs_resource(f, path);
    }
    closedir(d);
    return 0;
}

/* QEMU `info pci`: "Bus  0, device   3, function 0:" then "BARn: ... at 0xA [0xE]."
 * lines; the size is E - A + 1 modulo 2^64 (A is all-ones when unassigned). */
static void read_info_pci(struct funcs *fs, const char *path)
{
    FILE *fp = fopen(path, "r");
    char line[256];
    struct func *cur = NULL;
    if (!fp)
        return;
    while (fgets(line, sizeof line, fp)) {
        unsigned bus, dev, fn, n;
        unsigned long long a, e;
        char *bar = strstr(line, "BAR"), *at;
        if (sscanf(line, " Bus %u, device %u, function %u:", &bus, &dev, &fn) == 3) {
            cur = NULL;
            for (size_t i = 0; i < fs->count; i++)
                if (pci_address_compare(fs->items[i].address,
                                        pci_address_make(0, (uint8_t)bus, (uint8_t)dev,
                                                         (uint8_t)fn)) == 0)
                    cur = &fs->items[i];
            /* A listed function without a BAR line has no sized BARs. */
            if (cur)
                for (unsigned i = 0; i < BAR_SLOTS; i++)
                    cur->size_known[i] = true;
        } else if (cur && bar && sscanf(bar, "BAR%u:", &n) == 1 && n < BAR_SLOTS &&
                   (at = strstr(bar, " at 0x")) != NULL &&
                   sscanf(at, " at 0x%llx [0x%llx]", &a, &e) == 2) {
            cur->size[n] = (uint64_t)e - (uint64_t)a + 1u;
        }
    }
    fclose(fp);
}

static int load_fixture(struct funcs *fs, const char *dir)
{
    char pcidir[4096], path[4096 + 512];
    DIR *d;
    struct dirent *e;
    snprintf(pcidir, sizeof pcidir, "%s/pci", dir);
    if (!inspect_is_dir(pcidir))
        snprintf(pcidir, sizeof pcidir, "%s", dir);
    d = opendir(pcidir);
    if (!d)
        return -1;
    while ((e = readdir(d)) != NULL) {
        unsigned bus, dev, fn;
        char tail[8];
        struct func *f;
        if (sscanf(e->d_name, "%2x_%2x_%1x%7s", &bus, &dev, &fn, tail) != 4 ||
            strcmp(tail, ".bin") != 0 || dev > PCI_MAX_DEVICE || fn > PCI_MAX_FUNCTION)
            continue;
        f = add_func(fs, pci_address_make(0, (uint8_t)bus, (uint8_t)dev, (uint8_t)fn));
        if (!f)
            break;
        snprintf(path, sizeof path, "%s/%s", pcidir, e->d_name);
        if (inspect_read_file(path, &f->config, &f->len) != 0) {
            fprintf(stderr, "osdev-inspect: cannot read %s\n", path);
            fs->count--;
        }
    }
    closedir(d);
    if (fs->count == 0)
        return 0;
    qsort(fs->items, fs->count, sizeof fs->items[0], by_address);
    snprintf(path, sizeof path, "%s/pci.txt", dir);
    read_info_pci(fs, path);
    return 0;
}

struct out {
    bool json;
    struct json j;
    FILE *f;
    int status;
};

static void kv(struct out *o, const char *key, uint64_t v)
{
    if (o->json)
        json_kv_uint(&o->j, key, v);
    else
        fprintf(o->f, " %s=%" PRIu64, key, v);
}

/* Addresses and offsets: hexadecimal in the text form. */
static void kv_hex(struct out *o, const char *key, uint64_t v)
{
    if (o->json)
        json_kv_uint(&o->j, key, v);
    else
        fprintf(o->f, " %s=0x%" PRIx64, key, v);
}

static void kv_bool(struct out *o, const char *key, bool v)
{
    if (o->json)
        json_kv_bool(&o->j, key, v);
    else
        fprintf(o->f, " %s%c", key, v ? '+' : '-');
}

static void kv_str(struct out *o, const char *key, const char *s)
{
    if (o->json)
        json_kv_string(&o->j, key, s);
    else
        fprintf(o->f, " %s", s);
}

/* Raw registers and bit masks: hexadecimal in the text form too. */
static void kv_ns(struct out *o, const char *key, uint64_t ns)
{
    /* UINT64_MAX: a scale the spec does not permit. */
    if (o->json && ns == UINT64_MAX)
        json_kv_null(&o->j, key);
    else if (ns == UINT64_MAX)
        fprintf(o->f, " %s=invalid", key);
    else
        kv(o, key, ns);
}

/* Lists and their objects: JSON arrays, or " key=[ ... ]" in text. */
static void begin_list(struct out *o, const char *key)
{
    if (o->json) {
        json_key(&o->j, key);
        json_begin_array(&o->j);
    } else {
        fprintf(o->f, " %s=[", key);
    }
}

static void end_list(struct out *o)
{
    if (o->json)
        json_end_array(&o->j);
    else
        fputs(" ]", o->f);
}

static void begin_item(struct out *o)
{
    if (o->json)
        json_begin_object(&o->j);
    else
        fputs(" {", o->f);
}

static void end_item(struct out *o)
{
    if (o->json)
        json_end_object(&o->j);
    else
        fputs(" }", o->f);
}

static void list_hex(struct out *o, uint64_t v)
{
    if (o->json)
        json_uint(&o->j, v);
    else
        fprintf(o->f, " 0x%" PRIx64, v);
}

static void report_error(struct out *o, enum pci_status st)
{
    o->status = 1;
    if (o->json)
        json_kv_string(&o->j, "error", pci_status_str(st));
    else
        fprintf(o->f, " [error: %s]", pci_status_str(st));
}

static void decode_capability(struct out *o, const struct pci_function *fn, struct pci_capability c)
{
    enum pci_status st = PCI_OK;
    switch (c.id) {
    case PCI_CAP_POWER_MANAGEMENT: {
        struct pci_pm pm;
        if ((st = pci_pm_read(fn, c.offset, &pm)) != PCI_OK)
            break;
        kv(o, "version", pm.version);
        kv_bool(o, "d1_support", pm.d1_support);
        kv_bool(o, "d2_support", pm.d2_support);
        kv(o, "pme_support", pm.pme_support);
        kv_str(o, "power_state", pci_power_state_name(pm.power_state));
        kv_bool(o, "pme_enable", pm.pme_enable);
        break;
    }
    case PCI_CAP_MSI: {
        struct pci_msi msi;
        if ((st = pci_msi_read(fn, c.offset, &msi)) != PCI_OK)
            break;
        kv_bool(o, "enabled", msi.enabled);
        kv_bool(o, "is_64bit", msi.is_64bit);
        kv_bool(o, "per_vector_masking", msi.per_vector_masking);
        kv(o, "multiple_message_capable", msi.multiple_message_capable);
        kv(o, "multiple_message_enable", msi.multiple_message_enable);
        kv_hex(o, "message_address", msi.address);
        kv(o, "message_data", msi.data);
        break;
    }
    case PCI_CAP_MSIX: {
        struct pci_msix x;
        if ((st = pci_msix_read(fn, c.offset, &x)) != PCI_OK)
            break;
        kv_bool(o, "enabled", x.enabled);
        kv_bool(o, "function_mask", x.function_mask);
        kv(o, "table_size", x.table_size);
        kv(o, "table_bir", x.table_bir);
        kv_hex(o, "table_offset", x.table_offset);
        kv(o, "pba_bir", x.pba_bir);
        kv_hex(o, "pba_offset", x.pba_offset);
        break;
    }
    case PCI_CAP_PCI_EXPRESS: {
        struct pci_express px;
        if ((st = pci_express_read(fn, c.offset, &px)) != PCI_OK)
            break;
        kv(o, "version", px.version);
        kv(o, "port_type", px.port_type);
        kv_str(o, "port_type_name", pcie_port_type_name(px.port_type));
        kv_bool(o, "slot_implemented", px.slot_implemented);
        kv(o, "max_payload_supported", px.max_payload_supported);
        kv(o, "max_payload_size", px.max_payload_size);
        kv(o, "max_read_request_size", px.max_read_request_size);
        kv(o, "max_link_speed_mts", pcie_link_speed_mts(px.max_link_speed));
        kv(o, "max_link_width", px.max_link_width);
        kv(o, "link_speed_mts", pcie_link_speed_mts(px.current_link_speed));
        kv(o, "link_width", px.negotiated_link_width);
        break;
    }
    case PCI_CAP_VENDOR_SPECIFIC: {
        struct pci_vendor_cap v;
        if ((st = pci_vendor_cap_read(fn, c.offset, &v)) != PCI_OK)
            break;
        kv(o, "length", v.length);
        break;
    }
    default:
        break;
    }
    if (st != PCI_OK)
        report_error(o, st);
}

static void print_aer(struct out *o, const struct pci_aer *a)
{
    kv_hex(o, "uncorrectable_status", a->uncorrectable_status);
    kv_hex(o, "uncorrectable_mask", a->uncorrectable_mask);
    kv_hex(o, "uncorrectable_severity", a->uncorrectable_severity);
    kv_hex(o, "correctable_status", a->correctable_status);
    kv_hex(o, "correctable_mask", a->correctable_mask);
    kv_hex(o, "capabilities_control", a->capabilities_control);
    kv(o, "first_error_pointer", a->first_error_pointer);
    kv_bool(o, "ecrc_generation_capable", a->ecrc_generation_capable);
    kv_bool(o, "ecrc_generation_enable", a->ecrc_generation_enable);
    kv_bool(o, "ecrc_check_capable", a->ecrc_check_capable);
    kv_bool(o, "ecrc_check_enable", a->ecrc_check_enable);
    kv_bool(o, "multiple_header_recording_capable", a->multiple_header_recording_capable);
    kv_bool(o, "multiple_header_recording_enable", a->multiple_header_recording_enable);
    kv_bool(o, "tlp_prefix_log_present", a->tlp_prefix_log_present);
    kv_bool(o, "completion_timeout_prefix_header_log_capable",
            a->completion_timeout_prefix_header_log_capable);
    begin_list(o, "header_log");
    for (unsigned i = 0; i < 4; i++)
        list_hex(o, a->header_log[i]);
    end_list(o);
    kv_bool(o, "root", a->root);
    if (!a->root)
        return;
    kv_hex(o, "root_error_command", a->root_error_command);
    kv_hex(o, "root_error_status", a->root_error_status);
    kv(o, "root_interrupt_message_number", a->root_interrupt_message_number);
    kv_hex(o, "error_source_correctable", a->error_source_correctable);
    kv_hex(o, "error_source_fatal_nonfatal", a->error_source_fatal_nonfatal);
}

static void print_sriov(struct out *o, const struct pci_sriov *s)
{
    kv_hex(o, "sriov_capabilities", s->capabilities);
    kv_hex(o, "sriov_control", s->control);
    kv_hex(o, "sriov_status", s->status);
    kv(o, "migration_interrupt_message_number", s->migration_interrupt_message_number);
    kv(o, "initial_vfs", s->initial_vfs);
    kv(o, "total_vfs", s->total_vfs);
    kv(o, "num_vfs", s->num_vfs);
    kv(o, "function_dependency_link", s->function_dependency_link);
    kv(o, "first_vf_offset", s->first_vf_offset);
    kv(o, "vf_stride", s->vf_stride);
    kv_hex(o, "vf_device_id", s->vf_device_id);
    kv_hex(o, "supported_page_sizes", s->supported_page_sizes);
    kv_hex(o, "system_page_size", s->system_page_size);
    begin_list(o, "vf_bars");
    for (uint8_t i = 0; i < PCI_SRIOV_VF_BARS; i++) {
        struct pci_bar b;
        enum pci_status st = pci_sriov_vf_bar(s, i, &b);
        /* Like lspci, leave out VF BAR registers that read 0 (not
         * implemented, or an unassigned 32-bit BAR): the image backend
         * cannot size them to tell. */
        if (s->vf_bar[i] == 0)
            continue;
        begin_item(o);
        kv(o, "index", i);
        if (st == PCI_OK) {
            kv_str(o, "kind", pci_bar_kind_name(b.kind));
            kv_bool(o, "prefetchable", b.prefetchable);
            kv_hex(o, "address", b.address);
        } else {
            report_error(o, st);
        }
        end_item(o);
        if (st == PCI_OK && b.kind == PCI_BAR_MEM64)
            i++;
    }
    end_list(o);
    kv(o, "migration_state_bir", s->migration_state_bir);
    kv_hex(o, "migration_state_offset", s->migration_state_offset);
}

static void print_l1pm(struct out *o, const struct pci_l1pm *l)
{
    kv_hex(o, "l1pm_capabilities", l->capabilities);
    kv_hex(o, "l1pm_control1", l->control1);
    kv_hex(o, "l1pm_control2", l->control2);
    kv_hex(o, "l1pm_status", l->status);
    kv_bool(o, "pcipm_l1_2_supported", l->supported & PCI_L1PM_PCIPM_L1_2);
    kv_bool(o, "pcipm_l1_1_supported", l->supported & PCI_L1PM_PCIPM_L1_1);
    kv_bool(o, "aspm_l1_2_supported", l->supported & PCI_L1PM_ASPM_L1_2);
    kv_bool(o, "aspm_l1_1_supported", l->supported & PCI_L1PM_ASPM_L1_1);
    kv_bool(o, "l1_pm_substates_supported", l->supported & PCI_L1PM_CAP_SUPPORTED);
    kv(o, "port_common_mode_restore_time_us", l->port_common_mode_restore_time);
    kv(o, "port_t_power_on_us",
       pci_l1pm_t_power_on_us(l->port_t_power_on_scale, l->port_t_power_on_value));
    kv_bool(o, "pcipm_l1_2_enabled", l->enabled & PCI_L1PM_PCIPM_L1_2);
    kv_bool(o, "pcipm_l1_1_enabled", l->enabled & PCI_L1PM_PCIPM_L1_1);
    kv_bool(o, "aspm_l1_2_enabled", l->enabled & PCI_L1PM_ASPM_L1_2);
    kv_bool(o, "aspm_l1_1_enabled", l->enabled & PCI_L1PM_ASPM_L1_1);
    kv(o, "common_mode_restore_time_us", l->common_mode_restore_time);
    kv_ns(o, "ltr_l1_2_threshold_ns",
          pci_ltr_latency_ns(l->ltr_l1_2_threshold_value, l->ltr_l1_2_threshold_scale));
    kv(o, "t_power_on_us", pci_l1pm_t_power_on_us(l->t_power_on_scale, l->t_power_on_value));
}

static void print_rebar(struct out *o, const struct pci_rebar *r)
{
    kv(o, "resizable_bars", r->count);
    begin_list(o, "bars");
    for (unsigned i = 0; i < r->count; i++) {
        const struct pci_rebar_entry *e = &r->entries[i];
        begin_item(o);
        kv(o, "bar_index", e->bar_index);
        kv_hex(o, "rebar_capability", e->capability);
        kv_hex(o, "rebar_control", e->control);
        kv_hex(o, "current_size", pci_rebar_size_bytes(e->current_size));
        begin_list(o, "supported_sizes");
        for (uint8_t n = 0; n <= PCI_REBAR_MAX_SIZE_ENCODING; n++)
            if ((e->supported >> n) & 1u)
                list_hex(o, pci_rebar_size_bytes(n));
        end_list(o);
        end_item(o);
    }
    end_list(o);
}

static void print_dpc(struct out *o, const struct pci_dpc *d)
{
    kv_hex(o, "dpc_capability", d->capability);
    kv_hex(o, "dpc_control", d->control);
    kv_hex(o, "dpc_status", d->status);
    kv_hex(o, "error_source_id", d->error_source_id);
    kv(o, "interrupt_message_number", d->interrupt_message_number);
    kv_bool(o, "rp_extensions", d->rp_extensions);
    kv_bool(o, "poisoned_tlp_egress_blocking", d->poisoned_tlp_egress_blocking);
    kv_bool(o, "software_triggering", d->software_triggering);
    kv(o, "rp_pio_log_size", d->rp_pio_log_size);
    kv_bool(o, "dl_active_err_cor_signaling", d->dl_active_err_cor_signaling);
    kv(o, "trigger_enable", d->trigger_enable);
    kv_bool(o, "completion_control", d->completion_control);
    kv_bool(o, "interrupt_enable", d->interrupt_enable);
    kv_bool(o, "err_cor_enable", d->err_cor_enable);
    kv_bool(o, "trigger_status", d->trigger_status);
    kv(o, "trigger_reason", d->trigger_reason);
    kv_bool(o, "interrupt_status", d->interrupt_status);
    kv_bool(o, "rp_busy", d->rp_busy);
    kv(o, "trigger_reason_extension", d->trigger_reason_extension);
    kv(o, "rp_pio_first_error_pointer", d->rp_pio_first_error_pointer);
    if (!d->rp_extensions)
        return;
    kv_hex(o, "rp_pio_status", d->rp_pio_status);
    kv_hex(o, "rp_pio_mask", d->rp_pio_mask);
    kv_hex(o, "rp_pio_severity", d->rp_pio_severity);
    kv_hex(o, "rp_pio_syserror", d->rp_pio_syserror);
    kv_hex(o, "rp_pio_exception", d->rp_pio_exception);
}

/* The small ones: ACS, ARI, LTR, PTM, DSN, VSEC. */
static enum pci_status print_small_ext(struct out *o, const struct pci_function *fn,
                                       struct pci_ext_capability e)
{
    enum pci_status st = PCI_OK;
    switch (e.id) {
    case PCI_EXT_CAP_ACS: {
        struct pci_acs a;
        if ((st = pci_acs_read(fn, e.offset, &a)) != PCI_OK)
            break;
        kv_hex(o, "acs_capability", a.capability);
        kv_hex(o, "acs_control", a.control);
        kv(o, "egress_vector_bits", a.egress_vector_bits);
        if (a.egress_vector_bits)
            kv_hex(o, "egress_vector0", a.egress_vector0);
        break;
    }
    case PCI_EXT_CAP_ARI: {
        struct pci_ari a;
        if ((st = pci_ari_read(fn, e.offset, &a)) != PCI_OK)
            break;
        kv_bool(o, "mfvc_groups_capable", a.mfvc_groups_capable);
        kv_bool(o, "acs_groups_capable", a.acs_groups_capable);
        kv(o, "next_function", a.next_function);
        kv_bool(o, "mfvc_groups_enable", a.mfvc_groups_enable);
        kv_bool(o, "acs_groups_enable", a.acs_groups_enable);
        kv(o, "function_group", a.function_group);
        break;
    }
    case PCI_EXT_CAP_LTR: {
        struct pci_ltr l;
        if ((st = pci_ltr_read(fn, e.offset, &l)) != PCI_OK)
            break;
        kv_hex(o, "max_snoop", l.max_snoop);
        kv_hex(o, "max_no_snoop", l.max_no_snoop);
        kv_ns(o, "max_snoop_latency_ns", pci_ltr_latency_ns(l.max_snoop_value, l.max_snoop_scale));
        kv_ns(o, "max_no_snoop_latency_ns",
              pci_ltr_latency_ns(l.max_no_snoop_value, l.max_no_snoop_scale));
        break;
    }
    case PCI_EXT_CAP_PTM: {
        struct pci_ptm p;
        if ((st = pci_ptm_read(fn, e.offset, &p)) != PCI_OK)
            break;
        kv_bool(o, "requester_capable", p.requester_capable);
        kv_bool(o, "responder_capable", p.responder_capable);
        kv_bool(o, "root_capable", p.root_capable);
        kv_bool(o, "eptm_capable", p.eptm_capable);
        kv(o, "local_clock_granularity", p.local_clock_granularity);
        kv_bool(o, "enabled", p.enabled);
        kv_bool(o, "root_select", p.root_select);
        kv(o, "effective_granularity", p.effective_granularity);
        break;
    }
    case PCI_EXT_CAP_DEVICE_SERIAL_NUMBER: {
        uint64_t sn;
        if ((st = pci_dsn_read(fn, e.offset, &sn)) != PCI_OK)
            break;
        kv_hex(o, "serial_number", sn);
        break;
    }
    case PCI_EXT_CAP_VENDOR_SPECIFIC: {
        struct pci_vsec v;
        if ((st = pci_vsec_read(fn, e.offset, &v)) != PCI_OK)
            break;
        kv_hex(o, "vsec_id", v.id);
        kv(o, "vsec_revision", v.revision);
        kv(o, "vsec_length", v.length);
        break;
    }
    default:
        break;
    }
    return st;
}

static void decode_ext_capability(struct out *o, const struct pci_function *fn,
                                  struct pci_ext_capability e)
{
    enum pci_status st;
    union {
        struct pci_aer aer;
        struct pci_sriov sriov;
        struct pci_l1pm l1pm;
        struct pci_rebar rebar;
        struct pci_dpc dpc;
    } u;
    switch (e.id) {
    case PCI_EXT_CAP_AER:
        if ((st = pci_aer_read(fn, e.offset, &u.aer)) == PCI_OK)
            print_aer(o, &u.aer);
        break;
    case PCI_EXT_CAP_SRIOV:
        if ((st = pci_sriov_read(fn, e.offset, &u.sriov)) == PCI_OK)
            print_sriov(o, &u.sriov);
        break;
    case PCI_EXT_CAP_L1_PM_SUBSTATES:
        if ((st = pci_l1pm_read(fn, e.offset, &u.l1pm)) == PCI_OK)
            print_l1pm(o, &u.l1pm);
        break;
    case PCI_EXT_CAP_RESIZABLE_BAR:
        if ((st = pci_rebar_read(fn, e.offset, &u.rebar)) == PCI_OK)
            print_rebar(o, &u.rebar);
        break;
    case PCI_EXT_CAP_DPC:
        if ((st = pci_dpc_read(fn, e.offset, &u.dpc)) == PCI_OK)
            print_dpc(o, &u.dpc);
        break;
    default:
        st = print_small_ext(o, fn, e);
        break;
    }
    if (st != PCI_OK)
        report_error(o, st);
}

static void print_capabilities(struct out *o, const struct pci_function *fn)
{
    struct pci_cap_iter it;
    struct pci_capability c;
    struct pci_ext_cap_iter eit;
    struct pci_ext_capability e;
    enum pci_status st;

    if (o->json) {
        json_key(&o->j, "capabilities");
        json_begin_array(&o->j);
    }
    pci_cap_iter_init(&it, fn);
    while ((st = pci_cap_next(&it, &c)) == PCI_OK) {
        if (o->json) {
            json_begin_object(&o->j);
            json_kv_uint(&o->j, "id", c.id);
            json_kv_uint(&o->j, "offset", c.offset);
            json_kv_string(&o->j, "name", pci_cap_name(c.id));
        } else {
            fprintf(o->f, "\tCapabilities: [%02x] %s:", c.offset, pci_cap_name(c.id));
        }
        decode_capability(o, fn, c);
        if (o->json)
            json_end_object(&o->j);
        else
            fputc('\n', o->f);
    }
    if (o->json)
        json_end_array(&o->j);
    if (st != PCI_END) {
        o->status = 1;
        if (o->json)
            json_kv_string(&o->j, "capabilities_error", pci_status_str(st));
        else
            fprintf(o->f, "\tCapabilities: [error: %s]\n", pci_status_str(st));
    }

    if (o->json) {
        json_key(&o->j, "extended_capabilities");
        json_begin_array(&o->j);
    }
    pci_ext_cap_iter_init(&eit, fn);
    while ((st = pci_ext_cap_next(&eit, &e)) == PCI_OK) {
        if (o->json) {
            json_begin_object(&o->j);
            json_kv_uint(&o->j, "id", e.id);
            json_kv_uint(&o->j, "version", e.version);
            json_kv_uint(&o->j, "offset", e.offset);
            json_kv_string(&o->j, "name", pci_ext_cap_name(e.id));
        } else {
            fprintf(o->f, "\tCapabilities: [%03x v%u] %s:", e.offset, e.version,
                    pci_ext_cap_name(e.id));
        }
        decode_ext_capability(o, fn, e);
        if (o->json)
            json_end_object(&o->j);
        else
            fputc('\n', o->f);
    }
    if (o->json)
        json_end_array(&o->j);
    if (st != PCI_END) {
        o->status = 1;
        if (o->json)
            json_kv_string(&o->j, "extended_capabilities_error", pci_status_str(st));
        else
            fprintf(o->f, "\tExtended capabilities: [error: %s]\n", pci_status_str(st));
    }
}

static void print_bar(struct out *o, const struct func *f, const struct pci_bar *b)
{
    bool known = f->size_known[b->index];
    if (o->json) {
        json_begin_object(&o->j);
        json_kv_uint(&o->j, "index", b->index);
        json_kv_string(&o->j, "kind", pci_bar_kind_name(b->kind));
        json_kv_bool(&o->j, "prefetchable", b->prefetchable);
        json_kv_uint(&o->j, "address", b->address);
        if (known)
            json_kv_uint(&o->j, "size", f->size[b->index]);
        else
            json_kv_null(&o->j, "size");
        json_end_object(&o->j);
    } else {
        fprintf(o->f, "\tRegion %u: %s at 0x%" PRIx64 "%s", b->index,
                b->kind == PCI_BAR_IO ? "I/O ports" : b->kind == PCI_BAR_MEM64 ? "Memory (64-bit)"
                                                                                : "Memory (32-bit)",
                b->address, b->prefetchable ? ", prefetchable" : "");
        if (known)
            fprintf(o->f, " [size=0x%" PRIx64 "]", f->size[b->index]);
        fputc('\n', o->f);
    }
}

static void print_bars(struct out *o, const struct func *f, const struct pci_function *fn)
{
    struct pci_bar_iter it;
    struct pci_bar b;
    enum pci_status st;
    if (o->json) {
        json_key(&o->j, "bars");
        json_begin_array(&o->j);
    }
    pci_bar_iter_init(&it, fn, false);
    while ((st = pci_bar_next(&it, &b)) == PCI_OK) {
        /* A BAR that reads 0 and has no size is not implemented (or not
         * assigned and unknown): like lspci, leave it out. */
        bool sized = f->size_known[b.index] && f->size[b.index] != 0;
        if (b.address == 0 && !sized)
            continue;
        print_bar(o, f, &b);
    }
    if (o->json)
        json_end_array(&o->j);
    if (st != PCI_END) {
        o->status = 1;
        if (o->json)
            json_kv_string(&o->j, "bars_error", pci_status_str(st));
        else
            fprintf(o->f, "\tRegions: [error: %s]\n", pci_status_str(st));
    }
}

/* The expansion ROM BAR (slot 6 of sysfs and `info pci`), when it holds an
 * address or has a known size. */
static void print_rom(struct out *o, const struct func *f, const struct pci_function *fn)
{
    struct pci_rom rom;
    bool sized = f->size_known[6] && f->size[6] != 0;
    if (pci_rom_read(fn, &rom) != PCI_OK || (rom.address == 0 && !sized))
        return;
    if (o->json) {
        json_key(&o->j, "expansion_rom");
        json_begin_object(&o->j);
        json_kv_uint(&o->j, "address", rom.address);
        json_kv_bool(&o->j, "enabled", rom.enabled);
        if (f->size_known[6])
            json_kv_uint(&o->j, "size", f->size[6]);
        else
            json_kv_null(&o->j, "size");
        json_end_object(&o->j);
    } else {
        fprintf(o->f, "\tExpansion ROM at 0x%08" PRIx32 " [%s]", rom.address,
                rom.enabled ? "enabled" : "disabled");
        if (f->size_known[6])
            fprintf(o->f, " [size=0x%" PRIx64 "]", f->size[6]);
        fputc('\n', o->f);
    }
}

static void print_function(struct out *o, struct func *f)
{
    struct pci_config_image img;
    struct pci_config_access acc;
    struct pci_function fn;
    struct pci_header_common h;
    struct pci_header_type0 t0;
    char addr[PCI_ADDRESS_STR_LEN], desc[160];
    enum pci_status st;
    uint8_t pin, line;

    pci_image_access_init(&acc, &img, f->config, f->len);
    fn = pci_function_make(&acc, f->address);
    pci_address_format(f->address, addr);
    st = pci_header_read_common(&fn, &h);
    if (st == PCI_NO_FUNCTION) {
        o->status = 1;
        if (o->json) {
            json_begin_object(&o->j);
            json_kv_string(&o->j, "address", addr);
            json_kv_string(&o->j, "error", pci_status_str(st));
            json_end_object(&o->j);
        } else {
            fprintf(o->f, "%s [error: %s]\n\n", addr, pci_status_str(st));
        }
        return;
    }
    pci_class_describe(pci_header_class24(&h), desc, sizeof desc);
    /* Interrupt line and pin sit at 0x3C/0x3D in all three layouts. */
    pin = pci_read8(&fn, PCI_INTERRUPT_PIN);
    line = pci_read8(&fn, PCI_INTERRUPT_LINE);
    if (o->json) {
        json_begin_object(&o->j);
        json_kv_string(&o->j, "address", addr);
        json_kv_uint(&o->j, "config_bytes", f->len);
        json_kv_uint(&o->j, "vendor_id", h.vendor_id);
        json_kv_uint(&o->j, "device_id", h.device_id);
        json_kv_uint(&o->j, "revision", h.revision_id);
        json_kv_uint(&o->j, "class", pci_header_class24(&h));
        json_kv_string(&o->j, "class_name", desc);
        json_kv_uint(&o->j, "header_type", h.header_type);
        json_kv_bool(&o->j, "multifunction", h.multifunction);
        json_kv_uint(&o->j, "command", h.command);
        json_kv_uint(&o->j, "status", h.status);
        json_kv_uint(&o->j, "interrupt_pin", pin);
        json_kv_uint(&o->j, "interrupt_line", line);
    } else {
        fprintf(o->f, "%s %s [%06x]: %04x:%04x (rev %02x)\n", addr, desc,
                pci_header_class24(&h), h.vendor_id, h.device_id, h.revision_id);
        fprintf(o->f, "\tHeader type %u (%s)%s\n", h.header_type,
                pci_header_type_name(h.header_type), h.multifunction ? ", multi-function" : "");
        if (pin)
            fprintf(o->f, "\tInterrupt: pin %c routed to IRQ %u\n",
                    pin <= 4 ? 'A' + pin - 1 : '?', line);
    }
    if (st == PCI_BAD_HEADER_TYPE) {
        report_error(o, st);
    } else {
        if (pci_header_read_type0(&fn, &t0) == PCI_OK) {
            if (o->json) {
                json_kv_uint(&o->j, "subsystem_vendor_id", t0.subsystem_vendor_id);
                json_kv_uint(&o->j, "subsystem_id", t0.subsystem_id);
            } else {
                fprintf(o->f, "\tSubsystem: %04x:%04x\n", t0.subsystem_vendor_id,
                        t0.subsystem_id);
            }
        } else if (h.header_type == PCI_HEADER_TYPE_PCI_BRIDGE) {
            struct pci_header_type1 t1;
            if (pci_header_read_type1(&fn, &t1) == PCI_OK) {
                if (o->json) {
                    json_kv_uint(&o->j, "primary_bus", t1.primary_bus);
                    json_kv_uint(&o->j, "secondary_bus", t1.secondary_bus);
                    json_kv_uint(&o->j, "subordinate_bus", t1.subordinate_bus);
                } else {
                    fprintf(o->f, "\tBus: primary=%02x, secondary=%02x, subordinate=%02x\n",
                            t1.primary_bus, t1.secondary_bus, t1.subordinate_bus);
                    fprintf(o->f, "\tMemory behind bridge: %08" PRIx32 "-%08" PRIx32 "\n",
                            t1.memory_base, t1.memory_limit);
                }
            }
        }
        print_bars(o, f, &fn);
        print_rom(o, f, &fn);
        print_capabilities(o, &fn);
    }
    if (o->json)
        json_end_object(&o->j);
    else
        fputc('\n', o->f);
}

int inspect_pci_main(int argc, char **argv)
{
    const char *dir = NULL;
    struct out o = {0};
    struct funcs fs = {0};
    int rc;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) {
            o.json = true;
        } else if (argv[i][0] == '-' || dir != NULL) {
            fprintf(stderr, "usage: osdev-inspect pci [--json] [DIR]\n");
            return 2;
        } else {
            dir = argv[i];
        }
    }
    if (!dir)
        dir = "/sys/bus/pci/devices";
    if (!inspect_is_dir(dir)) {
        fprintf(stderr, "osdev-inspect: %s is not a directory\n", dir);
        return 2;
    }
    rc = load_fixture(&fs, dir);
    if (rc == 0 && fs.count == 0)
        rc = load_sysfs(&fs, dir);
    if (rc != 0 || fs.count == 0) {
        fprintf(stderr, "osdev-inspect: no PCI configuration space found in %s\n", dir);
        free(fs.items);
        return 2;
    }
    qsort(fs.items, fs.count, sizeof fs.items[0], by_address);
    o.f = stdout;
    if (o.json) {
        json_init(&o.j, stdout);
        json_begin_object(&o.j);
        json_key(&o.j, "functions");
        json_begin_array(&o.j);
    }
    for (size_t i = 0; i < fs.count; i++)
        print_function(&o, &fs.items[i]);
    if (o.json) {
        json_end_array(&o.j);
        json_end_object(&o.j);
        json_finish(&o.j);
    }
    for (size_t i = 0; i < fs.count; i++)
        free(fs.items[i].config);
    free(fs.items);
    return o.status;
}
