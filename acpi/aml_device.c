/* acpi/aml_device.c - device walk and identification objects (ACPI 6.5, 6.1,
 * 6.3.7). */
#include "acpi/aml_device.h"

static bool is_device_like(enum acpi_aml_type t)
{
    return t == ACPI_AML_TYPE_DEVICE || t == ACPI_AML_TYPE_PROCESSOR ||
           t == ACPI_AML_TYPE_THERMAL_ZONE || t == ACPI_AML_TYPE_POWER_RESOURCE;
}

static char hex_digit(uint32_t v)
{
    v &= 0xFu;
    return (char)(v < 10 ? '0' + v : 'A' + (v - 10));
}

/* ACPI 6.5, 6.1.5: the 32-bit value is stored little-endian; read as a
 * big-endian word, bits 30:26, 25:21 and 20:16 are three letters ('A' = 1)
 * and bits 15:0 four hexadecimal digits. */
void acpi_aml_eisa_id_text(uint32_t value, char out[8])
{
    uint32_t be = ((value & 0xFFu) << 24) | ((value & 0xFF00u) << 8) |
                  ((value >> 8) & 0xFF00u) | (value >> 24);
    out[0] = (char)('@' + ((be >> 26) & 0x1Fu));
    out[1] = (char)('@' + ((be >> 21) & 0x1Fu));
    out[2] = (char)('@' + ((be >> 16) & 0x1Fu));
    out[3] = hex_digit(be >> 12);
    out[4] = hex_digit(be >> 8);
    out[5] = hex_digit(be >> 4);
    out[6] = hex_digit(be);
    out[7] = '\0';
}

static void copy_text(char *out, size_t size, const char *s, size_t len)
{
    size_t n = 0;
    for (; n < len && n + 1 < size && s[n] != '\0'; n++) {
        out[n] = s[n];
    }
    out[n] = '\0';
}

enum acpi_status acpi_aml_id_text(const struct acpi_aml_value *value, char out[ACPI_AML_ID_LEN])
{
    if (value->type == ACPI_AML_TYPE_INTEGER) {
        acpi_aml_eisa_id_text((uint32_t)value->u.integer, out);
        return ACPI_OK;
    }
    if (value->type == ACPI_AML_TYPE_STRING) {
        copy_text(out, ACPI_AML_ID_LEN, value->u.string.ptr, value->u.string.len);
        return ACPI_OK;
    }
    out[0] = '\0';
    return ACPI_AML_BAD_OPERAND;
}

struct acpi_aml_node *acpi_aml_device_next(struct acpi_aml *aml, const struct acpi_aml_node *prev)
{
    struct acpi_aml_node *n = prev == NULL ? acpi_aml_root(aml) : acpi_aml_node_next(prev);
    for (; n != NULL; n = acpi_aml_node_next(n)) {
        if (is_device_like(acpi_aml_node_type(n))) {
            return n;
        }
    }
    return NULL;
}

static bool name_is(const struct acpi_aml_node *n, const char name[4])
{
    const char *s = acpi_aml_node_name(n);
    return s[0] == name[0] && s[1] == name[1] && s[2] == name[2] && s[3] == name[3];
}

struct acpi_aml_node *acpi_aml_device_child(const struct acpi_aml_node *node, const char name[4])
{
    for (struct acpi_aml_node *c = acpi_aml_node_first_child(node); c != NULL;
         c = acpi_aml_node_next_sibling(c)) {
        if (name_is(c, name)) {
            /* An alias chain is resolved by the interpreter to its final node. */
            struct acpi_aml_node *t = acpi_aml_node_alias_target(c);
            return t != NULL ? t : c;
        }
    }
    return NULL;
}

enum acpi_status acpi_aml_device_eval(struct acpi_aml *aml, const struct acpi_aml_node *node,
                                      const char name[4], const struct acpi_aml_value *args,
                                      uint32_t argc, struct acpi_aml_value *result)
{
    const struct acpi_aml_node *c = acpi_aml_device_child(node, name);
    if (c == NULL) {
        return ACPI_NOT_FOUND;
    }
    return acpi_aml_evaluate(aml, c, args, argc, result);
}

enum acpi_status acpi_aml_device_eval_integer(struct acpi_aml *aml,
                                              const struct acpi_aml_node *node,
                                              const char name[4], uint64_t *out)
{
    struct acpi_aml_value v;
    enum acpi_status st = acpi_aml_device_eval(aml, node, name, NULL, 0, &v);
    if (st != ACPI_OK) {
        return st;
    }
    if (v.type == ACPI_AML_TYPE_INTEGER) {
        *out = v.u.integer;
    } else {
        st = ACPI_AML_BAD_OPERAND;
    }
    acpi_aml_value_release(aml, &v);
    return st;
}

enum acpi_status acpi_aml_device_status(struct acpi_aml *aml, const struct acpi_aml_node *node,
                                        uint32_t *sta)
{
    uint64_t v;
    enum acpi_status st = acpi_aml_device_eval_integer(aml, node, "_STA", &v);
    if (st == ACPI_NOT_FOUND) {
        *sta = ACPI_AML_STA_DEFAULT;
        return ACPI_OK;
    }
    if (st == ACPI_OK) {
        *sta = (uint32_t)v;
    }
    return st;
}

/* Record an evaluation's outcome in the valid/failed bits. */
static void note(struct acpi_aml_device_info *out, uint32_t bit, enum acpi_status st)
{
    if (st == ACPI_OK) {
        out->valid |= bit;
    } else if (st != ACPI_NOT_FOUND) {
        out->failed |= bit;
    }
}

static enum acpi_status read_cid(struct acpi_aml *aml, struct acpi_aml_device_info *out)
{
    struct acpi_aml_value v;
    enum acpi_status st = acpi_aml_device_eval(aml, out->node, "_CID", NULL, 0, &v);
    if (st != ACPI_OK) {
        return st;
    }
    /* 6.1.2: a single ID, or a package of IDs. */
    const struct acpi_aml_value *elements = &v;
    uint32_t count = 1;
    if (v.type == ACPI_AML_TYPE_PACKAGE) {
        elements = v.u.package.elements;
        count = v.u.package.count;
    }
    for (uint32_t i = 0; i < count && st == ACPI_OK; i++) {
        char id[ACPI_AML_ID_LEN];
        st = acpi_aml_id_text(&elements[i], id);
        if (st == ACPI_OK && out->cid_count < ACPI_AML_CID_MAX) {
            copy_text(out->cid[out->cid_count++], ACPI_AML_ID_LEN, id, ACPI_AML_ID_LEN);
        }
    }
    out->cid_total = count;
    acpi_aml_value_release(aml, &v);
    return st;
}

/* Decimal text of v by subtracting powers of ten: no 64-bit division, which
 * i686 freestanding builds would need from libgcc. */
static void decimal(char *out, size_t size, uint64_t v)
{
    static const uint64_t powers[20] = {
        10000000000000000000ull, 1000000000000000000ull, 100000000000000000ull,
        10000000000000000ull, 1000000000000000ull, 100000000000000ull, 10000000000000ull,
        1000000000000ull, 100000000000ull, 10000000000ull, 1000000000ull, 100000000ull,
        10000000ull, 1000000ull, 100000ull, 10000ull, 1000ull, 100ull, 10ull, 1ull,
    };
    size_t n = 0;
    bool started = false;
    for (size_t i = 0; i < 20; i++) {
        char digit = '0';
        while (v >= powers[i]) {   /* at most 9 times (once for 10^19) */
            v -= powers[i];
            digit++;
        }
        started = started || digit != '0' || i == 19;
        if (started && n + 1 < size) {
            out[n++] = digit;
        }
    }
    out[n] = '\0';
}

static enum acpi_status read_uid(struct acpi_aml *aml, struct acpi_aml_device_info *out)
{
    struct acpi_aml_value v;
    enum acpi_status st = acpi_aml_device_eval(aml, out->node, "_UID", NULL, 0, &v);
    if (st != ACPI_OK) {
        return st;
    }
    /* 6.1.12: an integer or a string; an integer is not an EISA ID here. */
    if (v.type == ACPI_AML_TYPE_INTEGER) {
        out->uid_integer = v.u.integer;
        out->valid |= ACPI_AML_DEVICE_UID_INTEGER;
        decimal(out->uid, sizeof out->uid, v.u.integer);
    } else if (v.type == ACPI_AML_TYPE_STRING) {
        copy_text(out->uid, sizeof out->uid, v.u.string.ptr, v.u.string.len);
    } else {
        st = ACPI_AML_BAD_OPERAND;
    }
    acpi_aml_value_release(aml, &v);
    return st;
}

static enum acpi_status read_cls(struct acpi_aml *aml, struct acpi_aml_device_info *out)
{
    struct acpi_aml_value v;
    enum acpi_status st = acpi_aml_device_eval(aml, out->node, "_CLS", NULL, 0, &v);
    if (st != ACPI_OK) {
        return st;
    }
    /* 6.1.3: Package {base class, subclass, programming interface}. */
    if (v.type != ACPI_AML_TYPE_PACKAGE || v.u.package.count != 3) {
        st = ACPI_AML_BAD_OPERAND;
    } else {
        out->cls = 0;
        for (uint32_t i = 0; i < 3 && st == ACPI_OK; i++) {
            const struct acpi_aml_value *e = &v.u.package.elements[i];
            if (e->type != ACPI_AML_TYPE_INTEGER) {
                st = ACPI_AML_BAD_OPERAND;
            } else {
                out->cls = (out->cls << 8) | (uint32_t)(e->u.integer & 0xFFu);
            }
        }
    }
    acpi_aml_value_release(aml, &v);
    return st;
}

/* _DDN is a string (6.1.4); _STR a buffer holding a UTF-16LE string (6.1.10). */
static enum acpi_status read_name(struct acpi_aml *aml, struct acpi_aml_device_info *out,
                                  const char name[4], char *text)
{
    struct acpi_aml_value v;
    enum acpi_status st = acpi_aml_device_eval(aml, out->node, name, NULL, 0, &v);
    if (st != ACPI_OK) {
        return st;
    }
    if (v.type == ACPI_AML_TYPE_STRING) {
        copy_text(text, ACPI_AML_NAME_LEN, v.u.string.ptr, v.u.string.len);
    } else if (v.type == ACPI_AML_TYPE_BUFFER) {
        size_t n = 0;
        for (uint32_t i = 0; i + 1 < v.u.buffer.len && n + 1 < ACPI_AML_NAME_LEN; i += 2) {
            uint16_t unit = (uint16_t)(v.u.buffer.ptr[i] | (v.u.buffer.ptr[i + 1] << 8));
            if (unit == 0) {
                break;
            }
            text[n++] = unit >= 0x20 && unit < 0x7F ? (char)unit : '?';
        }
        text[n] = '\0';
    } else {
        st = ACPI_AML_BAD_OPERAND;
    }
    acpi_aml_value_release(aml, &v);
    return st;
}

static bool text_equal(const char *a, const char *b)
{
    size_t i = 0;
    for (; a[i] != '\0' && a[i] == b[i]; i++) {
    }
    return a[i] == b[i];
}

enum acpi_status acpi_aml_device_get_info(struct acpi_aml *aml, const struct acpi_aml_node *node,
                                          struct acpi_aml_device_info *out)
{
    if (aml == NULL || node == NULL || out == NULL || !is_device_like(acpi_aml_node_type(node))) {
        return ACPI_INVALID_ARGUMENT;
    }
    *out = (struct acpi_aml_device_info){ .node = node, .type = acpi_aml_node_type(node) };
    struct acpi_aml_value v;
    enum acpi_status st = acpi_aml_device_eval(aml, node, "_HID", NULL, 0, &v);
    if (st == ACPI_OK) {
        st = acpi_aml_id_text(&v, out->hid);
        acpi_aml_value_release(aml, &v);
    }
    note(out, ACPI_AML_DEVICE_HAS_HID, st);
    note(out, ACPI_AML_DEVICE_HAS_CID, read_cid(aml, out));
    note(out, ACPI_AML_DEVICE_HAS_UID, read_uid(aml, out));
    note(out, ACPI_AML_DEVICE_HAS_ADR, acpi_aml_device_eval_integer(aml, node, "_ADR", &out->adr));
    note(out, ACPI_AML_DEVICE_HAS_CLS, read_cls(aml, out));
    uint64_t x = 0;
    st = acpi_aml_device_eval_integer(aml, node, "_STA", &x);
    note(out, ACPI_AML_DEVICE_HAS_STA, st);
    if (st == ACPI_OK) {
        out->sta = (uint32_t)x;
    } else {
        out->sta = ACPI_AML_STA_DEFAULT;
        if (st == ACPI_NOT_FOUND && acpi_aml_device_matches(out, "PNP0C0A")) {
            out->sta |= ACPI_AML_STA_BATTERY;
        }
    }
    note(out, ACPI_AML_DEVICE_HAS_DDN, read_name(aml, out, "_DDN", out->ddn));
    note(out, ACPI_AML_DEVICE_HAS_STR, read_name(aml, out, "_STR", out->str));
    st = acpi_aml_device_eval_integer(aml, node, "_SEG", &x);
    note(out, ACPI_AML_DEVICE_HAS_SEG, st);
    out->seg = st == ACPI_OK ? (uint16_t)x : 0;
    st = acpi_aml_device_eval_integer(aml, node, "_BBN", &x);
    note(out, ACPI_AML_DEVICE_HAS_BBN, st);
    out->bbn = st == ACPI_OK ? (uint8_t)x : 0;
    return ACPI_OK;
}

bool acpi_aml_device_matches(const struct acpi_aml_device_info *info, const char *id)
{
    if ((info->valid & ACPI_AML_DEVICE_HAS_HID) != 0 && text_equal(info->hid, id)) {
        return true;
    }
    for (uint32_t i = 0; i < info->cid_count; i++) {
        if (text_equal(info->cid[i], id)) {
            return true;
        }
    }
    return false;
}

bool acpi_aml_device_has_id(struct acpi_aml *aml, const struct acpi_aml_node *node,
                            const char *id)
{
    struct acpi_aml_device_info d = { .node = node };
    struct acpi_aml_value v;
    if (acpi_aml_device_eval(aml, node, "_HID", NULL, 0, &v) == ACPI_OK) {
        if (acpi_aml_id_text(&v, d.hid) == ACPI_OK) {
            d.valid |= ACPI_AML_DEVICE_HAS_HID;
        }
        acpi_aml_value_release(aml, &v);
    }
    if ((d.valid & ACPI_AML_DEVICE_HAS_HID) == 0 || !text_equal(d.hid, id)) {
        (void)read_cid(aml, &d);   /* a bad element ends the list; what came before counts */
    }
    return acpi_aml_device_matches(&d, id);
}

struct acpi_aml_node *acpi_aml_device_find(struct acpi_aml *aml, const struct acpi_aml_node *prev,
                                           const char *id, struct acpi_aml_device_info *info)
{
    struct acpi_aml_node *found = NULL;
    acpi_aml_walk_begin(aml);   /* the walk evaluates _HID/_CID as it goes */
    for (struct acpi_aml_node *n = acpi_aml_device_next(aml, prev); n != NULL && found == NULL;
         n = acpi_aml_device_next(aml, n)) {
        if (acpi_aml_device_has_id(aml, n, id) &&
            (info == NULL || acpi_aml_device_get_info(aml, n, info) == ACPI_OK)) {
            found = n;
        }
    }
    acpi_aml_walk_end(aml);
    return found;
}
