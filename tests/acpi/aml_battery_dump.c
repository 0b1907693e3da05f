/* aml_battery_dump [--btp LEVEL] TABLE...
 *
 * The test side of acpi/aml_battery.h: load the tables (DSDT first) into the
 * interpreter over a host that behaves as ACPICA's acpiexec does (every
 * operation region reads zeros until written and keeps what is written, keyed
 * by space and address: tests/support/aml_host.h for SystemMemory, a byte
 * store here for every other space, PCI_Config included; SMBus and
 * GenericSerialBus answer as acpiexec's simulated devices), initialise, find
 * every battery and AC adapter and decode their objects, and print JSON:
 *
 *   {"ec_reg": [EC device paths with a _REG], "sources": [{"path", "kind", "by_cid", "has_sta", "sta", "sta_status",
 *                 "present", "uid", "evals": [{"object", "status", "fields"}]}],
 *    "replay": ["\\_SB_.BAT0._STA", ...]}
 *
 * `replay` lists the objects in the order this program evaluated them (after
 * the iterator's _HID/_CID), so the driver (battery_compare.py) has acpiexec
 * evaluate the same objects in the same order. "fields" maps each field to
 * [value, state]. With --btp, _BTP(LEVEL) runs on every battery before _BST.
 * With --ec-reg, every EC device's _REG(3, 1) is called once after
 * initialisation: ACPICA calls it (the "orphan" _REG) when an EC handler is
 * installed on the EC device even without an EmbeddedControl region under
 * it, as Linux's EC driver does; our interpreter runs _REG only for regions
 * that exist (an EC with one under it gets a second, same call here).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/aml.h"
#include "acpi/aml_battery.h"
#include "aml_host.h"
#include "support.h"

#define STORE_BUCKETS 4096u
#define MAX_TABLES 64
#define MAX_REPLAY 512

/* ---- every region space but SystemMemory: bytes kept per (space, address) --- */

struct cell {
    struct cell *next;
    uint8_t space;
    uint64_t address;
    uint8_t byte;
};

struct store {
    struct cell *bucket[STORE_BUCKETS];
};

static struct cell **cell_slot(struct store *s, uint8_t space, uint64_t address)
{
    struct cell **c = &s->bucket[(address * 131u + space) % STORE_BUCKETS];
    while (*c != NULL && ((*c)->space != space || (*c)->address != address)) {
        c = &(*c)->next;
    }
    return c;
}

/* Byte `address` of `space`: written (write), or read into *byte (zero when
 * never written). */
static enum acpi_status store_byte(struct store *s, uint8_t space, uint64_t address, bool write,
                                   uint8_t *byte)
{
    struct cell **c = cell_slot(s, space, address);
    if (!write) {
        *byte = *c != NULL ? (*c)->byte : 0;
        return ACPI_OK;
    }
    if (*c == NULL) {
        *c = calloc(1, sizeof **c);
        if (*c == NULL) {
            return ACPI_AML_OUT_OF_MEMORY;
        }
        (*c)->space = space;
        (*c)->address = address;
    }
    (*c)->byte = *byte;
    return ACPI_OK;
}

/* The Length byte acpiexec 20200925 answers for an SMBus/GenericSerialBus
 * access attribute (AccessAs, ACPI 6.5, 19.6.2): 1 for Byte, 2 for Word,
 * 0x20 for Block and Bytes (what that acpiexec returned to a table of test
 * fields); the others as its source (aeregion.c) lists them. */
static uint8_t serial_bus_length(uint8_t attrib)
{
    switch (attrib) {
    case 0x02: return 0;    /* AttribQuick */
    case 0x04:              /* AttribSendReceive */
    case 0x06: return 1;    /* AttribByte */
    case 0x08:              /* AttribWord */
    case 0x0C: return 2;    /* AttribProcessCall */
    default: return 0x20;   /* Block, BlockProcessCall, Bytes, RawBytes, RawProcessBytes */
    }
}

/* acpiexec simulates SMBus and GenericSerialBus devices rather than keeping
 * bytes: every access, read or write, gets back Status 0, the Length of its
 * attribute and data bytes 0xA0, 0xA1, ... over the whole data area (what
 * acpiexec 20200925 returns; the I2C fuel gauges of the corpus compute
 * their _BIX/_BST from these words). */
static void serial_bus_reply(const struct acpi_aml_region_access *a)
{
    a->buffer[0] = 0;
    if (a->buffer_len > 1) {
        a->buffer[1] = serial_bus_length(a->attrib);
    }
    for (uint32_t i = 2; i < a->buffer_len; i++) {
        a->buffer[i] = (uint8_t)(0xA0u + (i - 2));
    }
}

/* IPMI keeps the whole Status/Length/data buffer at the command's address
 * on, as acpiexec copies it into its region buffer at the field's offset;
 * SMBus and GenericSerialBus answer as acpiexec's simulation does. */
static enum acpi_status store_region(void *ctx, const struct acpi_aml_region_access *a)
{
    struct store *s = ctx;
    enum acpi_status st = ACPI_OK;
    if (a->buffer != NULL && a->buffer_len > 0 &&
        (a->space == ACPI_AML_SPACE_SMBUS || a->space == ACPI_AML_SPACE_GENERIC_SERIAL_BUS)) {
        serial_bus_reply(a);
        return ACPI_OK;
    }
    if (a->buffer != NULL) {
        for (uint32_t i = 0; i < a->buffer_len && st == ACPI_OK; i++) {
            st = store_byte(s, a->space, a->address + i, a->write, &a->buffer[i]);
        }
        return st;
    }
    uint64_t v = a->write ? *a->value : 0;
    for (unsigned i = 0; i < a->width && st == ACPI_OK; i++) {
        uint8_t b = (uint8_t)(v >> (8 * i));
        st = store_byte(s, a->space, a->address + i, a->write, &b);
        v |= a->write ? 0 : (uint64_t)b << (8 * i);
    }
    if (!a->write) {
        *a->value = v;
    }
    return st;
}

static void store_free(struct store *s)
{
    for (unsigned b = 0; b < STORE_BUCKETS; b++) {
        while (s->bucket[b] != NULL) {
            struct cell *c = s->bucket[b];
            s->bucket[b] = c->next;
            free(c);
        }
    }
}

/* ---- JSON out ------------------------------------------------------------------ */

static void json_str(const char *s)
{
    putchar('"');
    for (; *s != '\0'; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
            printf("\\u%04x", c);
        } else {
            putchar(c);
        }
    }
    putchar('"');
}

static void field_int(const char *name, uint32_t v, uint8_t state, bool *first)
{
    printf("%s\"%s\": [%u, \"%s\"]", *first ? "" : ", ", name, v,
           acpi_battery_field_state_str(state));
    *first = false;
}

static void field_str(const char *name, const char *v, uint8_t state, bool *first)
{
    printf("%s\"%s\": [", *first ? "" : ", ", name);
    json_str(v);
    printf(", \"%s\"]", acpi_battery_field_state_str(state));
    *first = false;
}

static void print_info(const struct acpi_battery_info *in)
{
    const uint8_t *st = in->state;
    bool first = true;
    field_int("revision", in->revision, st[ACPI_BATTERY_INFO_REVISION], &first);
    field_int("power_unit", in->power_unit, st[ACPI_BATTERY_INFO_POWER_UNIT], &first);
    field_int("design_capacity", in->design_capacity, st[ACPI_BATTERY_INFO_DESIGN_CAPACITY],
              &first);
    field_int("last_full_charge_capacity", in->last_full_charge_capacity,
              st[ACPI_BATTERY_INFO_LAST_FULL_CHARGE_CAPACITY], &first);
    field_int("technology", in->technology, st[ACPI_BATTERY_INFO_TECHNOLOGY], &first);
    field_int("design_voltage", in->design_voltage, st[ACPI_BATTERY_INFO_DESIGN_VOLTAGE], &first);
    field_int("design_capacity_warning", in->design_capacity_warning,
              st[ACPI_BATTERY_INFO_DESIGN_CAPACITY_WARNING], &first);
    field_int("design_capacity_low", in->design_capacity_low,
              st[ACPI_BATTERY_INFO_DESIGN_CAPACITY_LOW], &first);
    field_int("cycle_count", in->cycle_count, st[ACPI_BATTERY_INFO_CYCLE_COUNT], &first);
    field_int("measurement_accuracy", in->measurement_accuracy,
              st[ACPI_BATTERY_INFO_MEASUREMENT_ACCURACY], &first);
    field_int("max_sampling_time", in->max_sampling_time, st[ACPI_BATTERY_INFO_MAX_SAMPLING_TIME],
              &first);
    field_int("min_sampling_time", in->min_sampling_time, st[ACPI_BATTERY_INFO_MIN_SAMPLING_TIME],
              &first);
    field_int("max_averaging_interval", in->max_averaging_interval,
              st[ACPI_BATTERY_INFO_MAX_AVERAGING_INTERVAL], &first);
    field_int("min_averaging_interval", in->min_averaging_interval,
              st[ACPI_BATTERY_INFO_MIN_AVERAGING_INTERVAL], &first);
    field_int("granularity_1", in->granularity_1, st[ACPI_BATTERY_INFO_GRANULARITY_1], &first);
    field_int("granularity_2", in->granularity_2, st[ACPI_BATTERY_INFO_GRANULARITY_2], &first);
    field_str("model_number", in->model_number, st[ACPI_BATTERY_INFO_MODEL_NUMBER], &first);
    field_str("serial_number", in->serial_number, st[ACPI_BATTERY_INFO_SERIAL_NUMBER], &first);
    field_str("battery_type", in->battery_type, st[ACPI_BATTERY_INFO_BATTERY_TYPE], &first);
    field_str("oem_information", in->oem_information, st[ACPI_BATTERY_INFO_OEM_INFORMATION],
              &first);
    field_int("swapping_capability", in->swapping_capability,
              st[ACPI_BATTERY_INFO_SWAPPING_CAPABILITY], &first);
    printf(", \"element_count\": %u", in->element_count);
}

static void print_bst(const struct acpi_battery_status *b)
{
    bool first = true;
    field_int("state", b->state, b->state_of[ACPI_BATTERY_STATUS_STATE], &first);
    field_int("present_rate", b->present_rate, b->state_of[ACPI_BATTERY_STATUS_PRESENT_RATE],
              &first);
    field_int("remaining_capacity", b->remaining_capacity,
              b->state_of[ACPI_BATTERY_STATUS_REMAINING_CAPACITY], &first);
    field_int("present_voltage", b->present_voltage,
              b->state_of[ACPI_BATTERY_STATUS_PRESENT_VOLTAGE], &first);
    printf(", \"power_unit\": %u, \"charging\": %s, \"discharging\": %s, \"critical\": %s, "
           "\"charge_limiting\": %s",
           b->power_unit, b->charging ? "true" : "false", b->discharging ? "true" : "false",
           b->critical ? "true" : "false", b->charge_limiting ? "true" : "false");
}

/* ---- evaluation ------------------------------------------------------------------ */

struct run {
    struct acpi_aml *aml;
    char replay[MAX_REPLAY][128];
    unsigned replays;
    bool first_eval;
};

static void replay_add(struct run *r, const char *dev, const char *obj)
{
    if (r->replays < MAX_REPLAY) {
        snprintf(r->replay[r->replays++], sizeof r->replay[0], "%s.%s", dev, obj);
    }
}

static bool has_child(struct run *r, const char *dev, const char *obj)
{
    char path[96];
    struct acpi_aml_node *n;
    snprintf(path, sizeof path, "%s.%s", dev, obj);
    return acpi_aml_lookup(r->aml, NULL, path, &n) == ACPI_OK;
}

static void eval_open(struct run *r, const char *obj, enum acpi_status s)
{
    printf("%s{\"object\": \"%s\", \"status\": \"%s\", \"fields\": {", r->first_eval ? "" : ", ",
           obj, acpi_status_str(s));
    r->first_eval = false;
}

/* The _BIF of a battery that also has _BIX (read_info takes _BIX then). */
static void eval_bif(struct run *r, const char *dev)
{
    char path[96];
    snprintf(path, sizeof path, "%s._BIF", dev);
    struct acpi_aml_value v;
    struct acpi_battery_info info;
    enum acpi_status s = acpi_aml_evaluate_path(r->aml, NULL, path, NULL, 0, &v);
    replay_add(r, dev, "_BIF");
    if (s == ACPI_OK) {
        s = acpi_battery_decode_bif(r->aml, &v, &info);
        acpi_aml_value_release(r->aml, &v);
        eval_open(r, "_BIF", s);
        print_info(&info);
    } else {
        eval_open(r, "_BIF", s);
    }
    printf("}}");
}

static void eval_battery(struct run *r, const struct acpi_power_source *src, const char *dev,
                         const char *btp)
{
    bool bix = has_child(r, dev, "_BIX");
    if (bix && has_child(r, dev, "_BIF")) {
        eval_bif(r, dev);
    }
    struct acpi_battery_info info;
    enum acpi_status s = acpi_battery_read_info(r->aml, src->node, &info);
    if (s != ACPI_NOT_FOUND) {
        replay_add(r, dev, bix ? "_BIX" : "_BIF");
        eval_open(r, bix ? "_BIX" : "_BIF", s);
        if (s == ACPI_OK || s == ACPI_TRUNCATED || s == ACPI_BAD_ENTRY) {
            print_info(&info);
        }
        printf("}}");
    }
    enum acpi_battery_power_unit unit =
        s == ACPI_OK || s == ACPI_TRUNCATED || s == ACPI_BAD_ENTRY ? info.power_unit
                                                                   : ACPI_BATTERY_UNIT_MW;
    if (btp != NULL) {
        s = acpi_battery_set_trip_point(r->aml, src->node, (uint32_t)strtoul(btp, NULL, 0));
        if (s != ACPI_NOT_FOUND) {
            char obj[32];
            snprintf(obj, sizeof obj, "_BTP %s", btp);
            replay_add(r, dev, obj);
            eval_open(r, "_BTP", s);
            printf("}}");
        }
    }
    struct acpi_battery_status st;
    s = acpi_battery_read_status(r->aml, src->node, unit, &st);
    if (s != ACPI_NOT_FOUND) {
        replay_add(r, dev, "_BST");
        eval_open(r, "_BST", s);
        if (s == ACPI_OK || s == ACPI_TRUNCATED || s == ACPI_BAD_ENTRY) {
            print_bst(&st);
        }
        printf("}}");
    }
}

static void eval_adapter(struct run *r, const struct acpi_power_source *src, const char *dev)
{
    bool online;
    enum acpi_status s = acpi_ac_adapter_read_psr(r->aml, src->node, &online);
    if (s != ACPI_NOT_FOUND) {
        replay_add(r, dev, "_PSR");
        eval_open(r, "_PSR", s);
        printf("\"online\": %s}}", online ? "true" : "false");
    }
}

static void print_source(struct run *r, const struct acpi_power_source *src, const char *btp)
{
    char dev[80];
    acpi_aml_node_path(src->node, dev, sizeof dev);
    printf("{\"path\": ");
    json_str(dev);
    printf(", \"kind\": \"%s\", \"by_cid\": %s, \"has_sta\": %s, \"sta\": %u, "
           "\"sta_status\": \"%s\", \"present\": %s, \"uid\": ",
           src->kind == ACPI_POWER_SOURCE_BATTERY ? "battery" : "ac_adapter",
           src->matched_by_cid ? "true" : "false", src->has_sta ? "true" : "false", src->sta,
           acpi_status_str(src->sta_status), src->present ? "true" : "false");
    if (!src->has_uid) {
        printf("null");
    } else if (src->uid_is_string) {
        json_str(src->uid_string);
    } else {
        printf("%llu", (unsigned long long)src->uid);
    }
    if (src->has_sta) {
        replay_add(r, dev, "_STA");
    }
    if (src->has_uid) {
        replay_add(r, dev, "_UID");
    }
    printf(", \"evals\": [");
    r->first_eval = true;
    if (src->kind == ACPI_POWER_SOURCE_BATTERY) {
        eval_battery(r, src, dev, btp);
    } else {
        eval_adapter(r, src, dev);
    }
    printf("]}");
}

/* Every _REG of an embedded controller device (_HID PNP0C09): ours runs
 * _REG(3, 1) when the EmbeddedControl handler arrives (6.5.4), as Linux's EC
 * driver makes ACPICA do; acpiexec installs its handlers before the tables
 * are loaded and runs _REG for the default spaces only, so the driver has
 * acpiexec evaluate these first. */
static void print_ec_reg(struct acpi_aml *aml, bool orphan)
{
    bool first = true;
    printf("\"ec_reg\": [");
    for (const struct acpi_aml_node *n = acpi_aml_root(aml); n != NULL; n = acpi_aml_node_next(n)) {
        if (acpi_aml_node_type(n) != ACPI_AML_TYPE_METHOD ||
            memcmp(acpi_aml_node_name(n), "_REG", 4) != 0) {
            continue;
        }
        char path[128];
        acpi_aml_node_path(acpi_aml_node_parent(n), path, sizeof path);
        char hid[160];
        snprintf(hid, sizeof hid, "%s._HID", path);
        struct acpi_aml_value v;
        if (acpi_aml_evaluate_path(aml, NULL, hid, NULL, 0, &v) != ACPI_OK) {
            continue;
        }
        /* EisaId ("PNP0C09") */
        bool ec = (v.type == ACPI_AML_TYPE_INTEGER && v.u.integer == 0x090CD041u) ||
                  (v.type == ACPI_AML_TYPE_STRING && strcmp(v.u.string.ptr, "PNP0C09") == 0);
        acpi_aml_value_release(aml, &v);
        if (ec && orphan) {
            struct acpi_aml_value args[2] = { { .type = ACPI_AML_TYPE_INTEGER },
                                              { .type = ACPI_AML_TYPE_INTEGER } };
            args[0].u.integer = ACPI_AML_SPACE_EMBEDDED_CONTROL;
            args[1].u.integer = 1;
            if (acpi_aml_evaluate(aml, n, args, 2, &v) == ACPI_OK) {
                acpi_aml_value_release(aml, &v);
            }
        }
        if (ec) {
            printf("%s", first ? "" : ", ");
            first = false;
            json_str(path);
        }
    }
    printf("]");
}

static int run_tables(struct acpi_aml *aml, const char *btp, bool orphan, struct store *store)
{
    struct acpi_aml_init_counts counts;
    /* Errors are the firmware's (and acpiexec's too); go on. */
    enum acpi_status s = acpi_aml_initialize(aml, &counts);
    for (uint8_t space = ACPI_AML_SPACE_EMBEDDED_CONTROL; space <= ACPI_AML_SPACE_PCC; space++) {
        s = acpi_aml_install_region_handler(aml, NULL, space, store_region, store);
        if (s != ACPI_OK) {
            return 2;
        }
    }
    static struct run r;
    memset(&r, 0, sizeof r);
    r.aml = aml;
    struct acpi_power_source_iter it;
    struct acpi_power_source src;
    acpi_power_source_iter_init(&it, aml);
    printf("{");
    print_ec_reg(aml, orphan);
    printf(", \"sources\": [");
    bool first = true;
    while ((s = acpi_power_source_next(&it, &src)) == ACPI_OK) {
        printf("%s", first ? "" : ", ");
        first = false;
        print_source(&r, &src, btp);
    }
    printf("], \"replay\": [");
    for (unsigned i = 0; i < r.replays; i++) {
        printf("%s", i != 0 ? ", " : "");
        json_str(r.replay[i]);
    }
    printf("]}\n");
    return s == ACPI_END ? 0 : 1;
}

int main(int argc, char **argv)
{
    const char *btp = NULL;
    bool orphan = false;
    int at = 1;
    for (; at < argc && strncmp(argv[at], "--", 2) == 0; at++) {
        if (strcmp(argv[at], "--btp") == 0 && at + 1 < argc) {
            btp = argv[++at];
        } else if (strcmp(argv[at], "--ec-reg") == 0) {
            orphan = true;
        }
    }
    if (at >= argc || argc - at > MAX_TABLES) {
        fprintf(stderr, "usage: aml_battery_dump [--btp LEVEL] [--ec-reg] TABLE...\n");
        return 2;
    }
    struct aml_fake *f = aml_fake_new();
    static struct store store;
    struct acpi_aml_host host;
    struct acpi_aml_memory mem;
    struct acpi_aml *aml;
    if (f == NULL) {
        return 2;
    }
    aml_fake_host(f, &host);
    aml_fake_memory(f, &mem);
    if (acpi_aml_create(&host, &mem, &aml) != ACPI_OK) {
        return 2;
    }
    /* acpiexec simulates every space (SystemMemory is the fake's own); the
     * others are installed after initialisation (run_tables). */
    for (uint8_t space = ACPI_AML_SPACE_SYSTEM_IO; space <= ACPI_AML_SPACE_PCI_CONFIG; space++) {
        if (acpi_aml_install_region_handler(aml, NULL, space, store_region, &store) != ACPI_OK) {
            return 2;
        }
    }
    uint8_t *tables[MAX_TABLES];
    int n = 0;
    for (int i = at; i < argc; i++) {
        size_t len;
        if (support_read_file(argv[i], &tables[n], &len) != 0) {
            fprintf(stderr, "cannot read %s\n", argv[i]);
            return 2;
        }
        /* A table that fails to load is the firmware's problem; acpiexec goes on too. */
        enum acpi_status s = acpi_aml_load_table(aml, tables[n++], len);
        (void)s;
    }
    int rc = run_tables(aml, btp, orphan, &store);
    acpi_aml_destroy(aml);
    for (int i = 0; i < n; i++) {
        free(tables[i]);
    }
    store_free(&store);
    aml_fake_free(f);
    return rc;
}
