/* acpi/aml_load.c - interpreter lifetime, the predefined objects (ACPI 6.5,
 * 5.7), table loading (DSDT then SSDTs; Load, LoadTable, Unload) and the
 * public lookup/evaluate/walk API. */
#include "acpi/aml_convert.h"
#include "acpi/aml_parse.h"
#include "acpi/aml_region.h"

/* The interface strings Linux answers _OSI with (ACPI 6.5, 5.7.2). */
static const char *const default_osi[] = {
    "Windows 2000", "Windows 2001", "Windows 2001 SP1", "Windows 2001.1", "Windows 2001 SP2",
    "Windows 2001.1 SP1", "Windows 2006", "Windows 2006.1", "Windows 2006 SP1",
    "Windows 2006 SP2", "Windows 2009", "Windows 2012", "Windows 2013", "Windows 2015",
    "Windows 2016", "Windows 2017", "Windows 2017.2", "Windows 2018", "Windows 2018.2",
    "Windows 2019", "Windows 2020", "Windows 2021", "Windows 2022",
    "Module Device", "Processor Device", "3.0 _SCP Extensions", "Processor Aggregator Device",
};

static uint32_t slen(const char *s)
{
    uint32_t n = 0;
    while (s[n] != '\0') {
        n++;
    }
    return n;
}

static enum acpi_status osi_add(struct acpi_aml *aml, const char *interface)
{
    uint32_t n = slen(interface);
    for (struct aml_osi *o = aml->osi; o != NULL; o = o->next) {
        if (o->len == n) {
            uint32_t i = 0;
            while (i < n && o->name[i] == interface[i]) {
                i++;
            }
            if (i == n) {
                return ACPI_OK;
            }
        }
    }
    struct aml_osi *o = acpi_aml_alloc(&aml->mem, sizeof *o + n + 1);
    if (o == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    o->len = n;
    for (uint32_t i = 0; i <= n; i++) {
        o->name[i] = interface[i];
    }
    o->next = aml->osi;
    aml->osi = o;
    return ACPI_OK;
}

/* The host edits the list while other threads may evaluate _OSI. */
enum acpi_status acpi_aml_osi_add(struct acpi_aml *aml, const char *interface)
{
    if (aml == NULL || interface == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    acpi_aml_lock(aml);
    enum acpi_status st = osi_add(aml, interface);
    acpi_aml_unlock(aml);
    return st;
}

static enum acpi_status osi_remove(struct acpi_aml *aml, const char *interface)
{
    uint32_t n = slen(interface);
    for (struct aml_osi **pp = &aml->osi; *pp != NULL; pp = &(*pp)->next) {
        struct aml_osi *o = *pp;
        uint32_t i = 0;
        while (o->len == n && i < n && o->name[i] == interface[i]) {
            i++;
        }
        if (o->len == n && i == n) {
            *pp = o->next;
            acpi_aml_free(&aml->mem, o, sizeof *o + n + 1);
            return ACPI_OK;
        }
    }
    return ACPI_NOT_FOUND;
}

enum acpi_status acpi_aml_osi_remove(struct acpi_aml *aml, const char *interface)
{
    if (aml == NULL || interface == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    acpi_aml_lock(aml);
    enum acpi_status st = osi_remove(aml, interface);
    acpi_aml_unlock(aml);
    return st;
}

static enum acpi_status predefined(struct acpi_aml *aml)
{
    struct aml_namespace *ns = &aml->ns;
    struct acpi_aml_node *n;
    /* \_GL_: the global lock mutex (ACPI 6.5, 5.7.1). */
    n = acpi_aml_ns_add(ns, &aml->mem, ns->root, AML_NAME('_', 'G', 'L', '_'), AML_TABLE_NONE);
    if (n == NULL || (n->object = acpi_aml_obj_new(&aml->mem, ACPI_AML_TYPE_MUTEX)) == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    aml->global_lock = n->object;
    /* \_OSI: one argument, answered natively (5.7.2). */
    n = acpi_aml_ns_add(ns, &aml->mem, ns->root, AML_NAME('_', 'O', 'S', 'I'), AML_TABLE_NONE);
    if (n == NULL || (n->object = acpi_aml_obj_new(&aml->mem, ACPI_AML_TYPE_METHOD)) == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    n->object->u.method.flags = 1;
    n->object->u.method.native = AML_NATIVE_OSI;
    n->object->u.method.table = AML_TABLE_NONE;
    /* \_OS_ and \_REV as Linux sets them (5.7.3, 5.7.4). */
    static const char os[] = "Microsoft Windows NT";
    n = acpi_aml_ns_add(ns, &aml->mem, ns->root, AML_NAME('_', 'O', 'S', '_'), AML_TABLE_NONE);
    if (n == NULL || (n->object = acpi_aml_obj_string(&aml->mem, os, sizeof os - 1)) == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    n = acpi_aml_ns_add(ns, &aml->mem, ns->root, AML_NAME('_', 'R', 'E', 'V'), AML_TABLE_NONE);
    if (n == NULL || (n->object = acpi_aml_obj_integer(&aml->mem, 2)) == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    for (size_t i = 0; i < sizeof default_osi / sizeof default_osi[0]; i++) {
        enum acpi_status st = osi_add(aml, default_osi[i]);
        if (st != ACPI_OK) {
            return st;
        }
    }
    return ACPI_OK;
}

enum acpi_status acpi_aml_create(const struct acpi_aml_host *host,
                                 const struct acpi_aml_memory *mem, struct acpi_aml **out)
{
    if (host == NULL || mem == NULL || mem->alloc == NULL || mem->free == NULL || out == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    /* wait and wake come together, and only over a lock (aml_host.h). */
    if ((host->wait == NULL) != (host->wake == NULL) ||
        (host->wait != NULL && (host->lock == NULL || host->unlock == NULL))) {
        return ACPI_INVALID_ARGUMENT;
    }
    struct aml_memory m = { .host = *mem, .used = 0, .peak = 0 };
    struct acpi_aml *aml = acpi_aml_zalloc(&m, sizeof *aml);
    if (aml == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    aml->mem = m;
    aml->host = *host;
    aml->threaded = host->wait != NULL;
    aml->pool = &aml->first;
    aml->limits.loop_timeout_s = 3;
    aml->limits.max_call_depth = 256;
    aml->limits.max_stack_items = 65536;
    aml->limits.max_object_bytes = 64u << 20;
    enum acpi_status st = acpi_aml_ns_init(&aml->ns, &aml->mem);
    if (st == ACPI_OK) {
        st = predefined(aml);
    }
    if (st != ACPI_OK) {
        acpi_aml_destroy(aml);
        return st;
    }
    *out = aml;
    return ACPI_OK;
}

void acpi_aml_destroy(struct acpi_aml *aml)
{
    if (aml == NULL) {
        return;
    }
    acpi_aml_ns_fini(&aml->ns, &aml->mem);
    while (aml->osi != NULL) {
        struct aml_osi *o = aml->osi;
        aml->osi = o->next;
        acpi_aml_free(&aml->mem, o, sizeof *o + o->len + 1);
    }
    for (uint32_t i = 0; i < aml->ntables; i++) {
        struct aml_table *t = &aml->tables[i];
        if (t->mapped != NULL && aml->host.unmap != NULL) {
            aml->host.unmap(aml->host.ctx, t->mapped, t->len);
        }
        acpi_aml_free(&aml->mem, t->owned, t->len);
    }
    acpi_aml_exec_fini(aml);
    struct aml_memory m = aml->mem;
    acpi_aml_free(&m, aml, sizeof *aml);
}

struct acpi_aml_limits *acpi_aml_limits(struct acpi_aml *aml)
{
    return &aml->limits;
}

/* Check a definition block's header (ACPI 6.5, 5.2.6) and add it to the table
 * list. The host's own loads must be a DSDT, SSDT, PSDT, OSDT or OEMx table
 * (a FACP passed by mistake is refused); Load and LoadTable from AML take any
 * signature, as ACPICA 20200925 does ("Dynamic OEM Table Load": firmware such
 * as corpus 01ACEA39AAB2 loads a table named PRAD this way). */
static enum acpi_status add_table(struct acpi_aml *aml, const uint8_t *bytes, size_t len,
                                  bool any_signature, uint8_t *index)
{
    if (len < 36) {
        return ACPI_TRUNCATED;
    }
    uint32_t tlen = acpi_aml_le32(bytes + 4);
    if (tlen < 36) {
        return ACPI_BAD_LENGTH;
    }
    if (tlen > len) {
        return ACPI_TRUNCATED;
    }
    bool sdt = bytes[1] == 'S' && bytes[2] == 'D' && bytes[3] == 'T' &&
               (bytes[0] == 'D' || bytes[0] == 'S' || bytes[0] == 'P' || bytes[0] == 'O');
    bool oem = bytes[0] == 'O' && bytes[1] == 'E' && bytes[2] == 'M';
    if (!any_signature && !sdt && !oem) {
        return ACPI_BAD_SIGNATURE;
    }
    if (aml->ntables >= AML_MAX_TABLES) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    struct aml_table *t = &aml->tables[aml->ntables];
    *t = (struct aml_table){ .bytes = bytes, .len = tlen, .int32 = bytes[8] < 2, .loaded = true };
    *index = (uint8_t)aml->ntables++;
    return ACPI_OK;
}

enum acpi_status acpi_aml_load_table(struct acpi_aml *aml, const uint8_t *table, size_t len)
{
    if (aml == NULL || table == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    acpi_aml_lock(aml);
    uint8_t index;
    enum acpi_status st = add_table(aml, table, len, false, &index);
    if (st == ACPI_OK) {
        st = acpi_aml_exec_table(aml, index, NULL);
    }
    acpi_aml_unlock(aml);
    return st;
}

enum acpi_status acpi_aml_load_table_at(struct acpi_aml *aml, uint64_t phys)
{
    if (aml == NULL || aml->host.map == NULL || aml->host.unmap == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    const uint8_t *h = aml->host.map(aml->host.ctx, phys, 36);
    if (h == NULL) {
        return ACPI_MAP_FAILED;
    }
    uint32_t len = acpi_aml_le32(h + 4);
    aml->host.unmap(aml->host.ctx, (void *)(uintptr_t)h, 36);
    if (len < 36) {
        return ACPI_BAD_LENGTH;
    }
    void *t = aml->host.map(aml->host.ctx, phys, len);
    if (t == NULL) {
        return ACPI_MAP_FAILED;
    }
    acpi_aml_lock(aml);
    uint8_t index;
    enum acpi_status st = add_table(aml, t, len, false, &index);
    if (st != ACPI_OK) {
        aml->host.unmap(aml->host.ctx, t, len);
    } else {
        aml->tables[index].mapped = t;
        st = acpi_aml_exec_table(aml, index, NULL);
    }
    acpi_aml_unlock(aml);
    return st;
}

uint32_t acpi_aml_table_count(const struct acpi_aml *aml)
{
    return aml->ntables;
}

/* ---- Load, LoadTable, Unload (ACPI 6.5, 19.6.73-75, 19.6.146) ---------------- */

/* Header fields compare as fixed-width; an empty (all-NUL) request matches. */
static bool field_matches(const uint8_t *have, const char *want, unsigned n)
{
    if (want[0] == '\0') {
        return true;
    }
    for (unsigned i = 0; i < n; i++) {
        if (have[i] != (uint8_t)want[i]) {
            return false;
        }
        if (want[i] == '\0') {
            return true;
        }
    }
    return true;
}

enum acpi_status acpi_aml_find_table(struct acpi_aml *aml, const char sig[4], const char oem[6],
                                const char tid[8], const uint8_t **bytes, size_t *len)
{
    for (uint32_t i = 0; i < aml->ntables; i++) {
        const struct aml_table *t = &aml->tables[i];
        if (t->loaded && field_matches(t->bytes, sig, 4) && field_matches(t->bytes + 10, oem, 6) &&
            field_matches(t->bytes + 16, tid, 8)) {
            *bytes = t->bytes;
            *len = t->len;
            return ACPI_OK;
        }
    }
    if (aml->host.find_table == NULL) {
        return ACPI_NOT_FOUND;
    }
    return aml->host.find_table(aml->host.ctx, sig, oem, tid, bytes, len);
}

enum acpi_status acpi_aml_table_by_args(struct acpi_aml *aml, struct aml_object *const args[3],
                                   bool loaded_too, const uint8_t **bytes, size_t *len)
{
    struct aml_object *s[3] = { NULL, NULL, NULL };
    enum acpi_status st = ACPI_OK;
    for (int i = 0; i < 3 && st == ACPI_OK; i++) {
        st = acpi_aml_to_string(aml, args[i], &s[i]);
    }
    if (st == ACPI_OK) {
        /* SignatureString, OEMIDString, OEMTableIDString: 4, 6, 8 characters. */
        static const unsigned width[3] = { 4, 6, 8 };
        char ids[3][8] = { { 0 } };
        for (int k = 0; k < 3; k++) {
            for (uint32_t i = 0; i < width[k] && i < s[k]->u.string.len; i++) {
                ids[k][i] = s[k]->u.string.data[i];
            }
        }
        if (loaded_too) {
            st = acpi_aml_find_table(aml, ids[0], ids[1], ids[2], bytes, len);
        } else {
            st = aml->host.find_table != NULL
                     ? aml->host.find_table(aml->host.ctx, ids[0], ids[1], ids[2], bytes, len)
                     : ACPI_NOT_FOUND;
        }
    }
    for (int i = 0; i < 3; i++) {
        acpi_aml_obj_put(&aml->mem, s[i]);
    }
    return st;
}

/* ACPI 6.5, 5.2.6: the bytes of a table sum to zero. */
static bool checksum_ok(const uint8_t *b, uint32_t len)
{
    uint8_t sum = 0;
    for (uint32_t i = 0; i < len; i++) {
        sum = (uint8_t)(sum + b[i]);
    }
    return sum == 0;
}

static enum acpi_status ddb_handle(struct acpi_aml *aml, uint8_t index, struct aml_object **out)
{
    *out = acpi_aml_obj_new(&aml->mem, ACPI_AML_TYPE_DDB_HANDLE);
    if (*out == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    (*out)->u.ddb.table = index;
    return ACPI_OK;
}

/* Load(Object, Target): the table is the contents of a region or a buffer
 * field; the interpreter keeps its own copy. */
static enum acpi_status load_op(struct acpi_aml *aml, struct aml_item *it, struct aml_object **out)
{
    struct acpi_aml_node *src = it->nodes[0];
    struct aml_object *o = src->object;
    uint8_t *copy = NULL;
    uint32_t len = 0;
    enum acpi_status st = ACPI_OK;
    if (o != NULL && o->type == ACPI_AML_TYPE_OPERATION_REGION) {
        uint64_t v;
        if (o->u.region.length < 36 || o->u.region.length > 0x1000000u) {
            return ACPI_AML_BAD_TABLE;
        }
        uint8_t hdr[8];
        for (uint32_t i = 0; i < 8 && st == ACPI_OK; i++) {
            st = acpi_aml_region_access(aml, src, i, 1, false, &v);
            hdr[i] = (uint8_t)v;
        }
        len = st == ACPI_OK ? acpi_aml_le32(hdr + 4) : 0;
        if (st == ACPI_OK && (len < 36 || len > o->u.region.length)) {
            st = ACPI_AML_BAD_TABLE;
        }
        if (st == ACPI_OK && (copy = acpi_aml_alloc(&aml->mem, len)) == NULL) {
            st = ACPI_AML_OUT_OF_MEMORY;
        }
        for (uint32_t i = 0; i < len && st == ACPI_OK; i++) {
            st = acpi_aml_region_access(aml, src, i, 1, false, &v);
            copy[i] = (uint8_t)v;
        }
    } else {
        struct aml_object *b = NULL;
        st = acpi_aml_node_value(aml, src, &b);
        if (st == ACPI_OK && b->type != ACPI_AML_TYPE_BUFFER) {
            st = ACPI_AML_BAD_OPERAND;
        }
        if (st == ACPI_OK) {
            len = b->u.buffer.len;
            if (len < 36 || (copy = acpi_aml_alloc(&aml->mem, len)) == NULL) {
                st = len < 36 ? ACPI_AML_BAD_TABLE : ACPI_AML_OUT_OF_MEMORY;
            }
            for (uint32_t i = 0; st == ACPI_OK && i < len; i++) {
                copy[i] = b->u.buffer.data[i];
            }
        }
        acpi_aml_obj_put(&aml->mem, b);
    }
    if (st == ACPI_OK && !checksum_ok(copy, len)) {
        st = ACPI_BAD_CHECKSUM;   /* ACPICA refuses such a Load (AE_BAD_CHECKSUM) */
    }
    if (st != ACPI_OK) {
        acpi_aml_free(&aml->mem, copy, len);
        return st;
    }
    uint8_t index;
    st = add_table(aml, copy, len, true, &index);
    if (st != ACPI_OK) {
        acpi_aml_free(&aml->mem, copy, len);
        return ACPI_AML_BAD_TABLE;
    }
    aml->tables[index].owned = copy;
    aml->tables[index].len = len;
    st = acpi_aml_exec_table(aml, index, NULL);
    struct aml_object *h = NULL;
    /* A failure inside the new table was reported by its load and does not fail
     * the Load itself (ACPICA logs it the same way). */
    (void)st;
    st = ddb_handle(aml, index, &h);
    if (st == ACPI_OK) {
        st = acpi_aml_store(aml, it->args[0], h, false);
    }
    *out = h;
    return st;
}

/* The node a path operand names, relative to `scope`; an empty string leaves
 * *out as it is (LoadTable's optional paths). */
static enum acpi_status text_node(struct acpi_aml *aml, struct aml_object *arg,
                                  struct acpi_aml_node *scope, struct acpi_aml_node **out)
{
    struct aml_object *s;
    enum acpi_status st = acpi_aml_to_string(aml, arg, &s);
    if (st != ACPI_OK) {
        return st;
    }
    if (s->u.string.len != 0) {
        uint8_t segs[4 * 32];
        struct aml_name name;
        st = acpi_aml_parse_text_path(s->u.string.data, segs, 32, &name);
        struct acpi_aml_node *n = st == ACPI_OK ? acpi_aml_name_lookup(&aml->ns, scope, &name) : NULL;
        st = n != NULL ? ACPI_OK : ACPI_AML_UNRESOLVED_NAME;
        if (n != NULL) {
            *out = n;
        }
    }
    acpi_aml_obj_put(&aml->mem, s);
    return st;
}

static enum acpi_status load_table_op(struct acpi_aml *aml, struct aml_item *it,
                                      struct aml_object **out)
{
    const uint8_t *bytes = NULL;
    size_t len = 0;
    enum acpi_status st = acpi_aml_table_by_args(aml, it->args, false, &bytes, &len);
    if (st != ACPI_OK) {
        /* 19.6.74: no such table gives a Zero handle, not an error. */
        *out = acpi_aml_obj_integer(&aml->mem, 0);
        return *out != NULL ? ACPI_OK : ACPI_AML_OUT_OF_MEMORY;
    }
    uint8_t index;
    st = add_table(aml, bytes, len, true, &index);
    if (st != ACPI_OK) {
        return ACPI_AML_BAD_TABLE;
    }
    /* RootPath (default \\): where the table's names go; ParameterPath, when
     * given, receives ParameterData after the load (19.6.74). */
    struct acpi_aml_node *root = aml->ns.root, *param = NULL;
    st = text_node(aml, it->args[3], aml->ns.root, &root);
    if (st == ACPI_OK) {
        st = text_node(aml, it->args[4], root, &param);
    }
    if (st != ACPI_OK) {
        return st;
    }
    st = acpi_aml_exec_table(aml, index, root);
    (void)st;   /* reported by the load, as for Load */
    if (param != NULL && param != root) {
        struct aml_object *target = acpi_aml_obj_ref(&aml->mem, AML_REF_NODE);
        if (target == NULL) {
            return ACPI_AML_OUT_OF_MEMORY;
        }
        target->u.ref.node = param;
        st = acpi_aml_store(aml, target, it->args[5], false);
        acpi_aml_obj_put(&aml->mem, target);
        if (st != ACPI_OK) {
            return st;
        }
    }
    return ddb_handle(aml, index, out);
}

static enum acpi_status unload_op(struct acpi_aml *aml, struct aml_item *it)
{
    struct aml_object *h;
    enum acpi_status st = acpi_aml_resolve(aml, it->args[0], &h);
    if (st != ACPI_OK) {
        return st;
    }
    if (h->type != ACPI_AML_TYPE_DDB_HANDLE || h->u.ddb.table >= aml->ntables) {
        acpi_aml_obj_put(&aml->mem, h);
        return ACPI_AML_BAD_OPERAND;
    }
    uint8_t t = h->u.ddb.table;
    acpi_aml_obj_put(&aml->mem, h);
    /* Remove every node the table created (their subtrees go with them). */
    struct acpi_aml_node *n = aml->ns.root->first_child;
    while (n != NULL) {
        if (n->table == t) {
            struct acpi_aml_node *next = acpi_aml_ns_next(n, true);
            /* A context blocked in one of its methods may point at it. */
            acpi_aml_node_remove(aml, n, false);
            n = next;
        } else {
            n = acpi_aml_ns_next(n, false);
        }
    }
    aml->tables[t].loaded = false;
    return ACPI_OK;
}

enum acpi_status acpi_aml_ops_load(struct acpi_aml *aml, struct aml_item *it, struct aml_object **out)
{
    switch (it->op) {
    case AML_LOAD: return load_op(aml, it, out);
    case AML_LOAD_TABLE: return load_table_op(aml, it, out);
    default: return unload_op(aml, it);
    }
}
