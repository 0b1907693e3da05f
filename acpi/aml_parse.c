/* acpi/aml_parse.c - PkgLength, NameString, name resolution and the scan of a
 * method body for named objects (auto-serialisation). */
#include "acpi/aml_parse.h"

#include "acpi/aml_opcode.h"

static bool lead_char(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') || c == '_';
}

static bool name_char(uint8_t c)
{
    return lead_char(c) || (c >= '0' && c <= '9');
}

bool acpi_aml_is_name_start(uint8_t b)
{
    return lead_char(b) || b == AML_ROOT_CHAR || b == AML_PARENT_PREFIX ||
           b == AML_DUAL_NAME_PREFIX || b == AML_MULTI_NAME_PREFIX;
}

enum acpi_status acpi_aml_parse_pkglen(const uint8_t **pc, const uint8_t *limit, const uint8_t **end)
{
    const uint8_t *p = *pc;
    if (p >= limit) {
        return ACPI_TRUNCATED;
    }
    uint8_t lead = *p;
    unsigned follow = lead >> 6;
    if ((size_t)(limit - p) < 1u + follow) {
        return ACPI_TRUNCATED;
    }
    uint32_t len;
    if (follow == 0) {
        len = lead & 0x3F;
    } else {
        /* ACPI 6.5, 20.2.4: with follow bytes, bits 4-5 of the lead are reserved
         * zero and its low nibble is the least significant. */
        len = lead & 0x0F;
        for (unsigned i = 0; i < follow; i++) {
            len |= (uint32_t)p[1 + i] << (4 + 8 * i);
        }
    }
    /* The length counts its own encoding bytes. */
    if (len < 1u + follow || len > (size_t)(limit - p)) {
        return ACPI_TRUNCATED;
    }
    *end = p + len;
    *pc = p + 1 + follow;
    return ACPI_OK;
}

static enum acpi_status check_segs(const uint8_t *segs, uint16_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        const uint8_t *s = segs + (size_t)4 * i;
        if (!lead_char(s[0]) || !name_char(s[1]) || !name_char(s[2]) || !name_char(s[3])) {
            return ACPI_AML_BAD_OPCODE;
        }
    }
    return ACPI_OK;
}

enum acpi_status acpi_aml_parse_name(const uint8_t **pc, const uint8_t *limit, struct aml_name *out)
{
    const uint8_t *p = *pc;
    out->root = false;
    out->parents = 0;
    if (p < limit && *p == AML_ROOT_CHAR) {
        out->root = true;
        p++;
    } else {
        while (p < limit && *p == AML_PARENT_PREFIX) {
            out->parents++;
            p++;
        }
    }
    if (p >= limit) {
        return ACPI_TRUNCATED;
    }
    uint16_t n;
    if (*p == 0x00) {              /* NullName */
        n = 0;
        p++;
    } else if (*p == AML_DUAL_NAME_PREFIX) {
        n = 2;
        p++;
    } else if (*p == AML_MULTI_NAME_PREFIX) {
        if (limit - p < 2) {
            return ACPI_TRUNCATED;
        }
        n = p[1];
        p += 2;
        if (n == 0) {
            return ACPI_AML_BAD_OPCODE;
        }
    } else {
        n = 1;
    }
    if ((size_t)(limit - p) < (size_t)4 * n) {
        return ACPI_TRUNCATED;
    }
    enum acpi_status st = check_segs(p, n);
    if (st != ACPI_OK) {
        return st;
    }
    out->segs = p;
    out->nsegs = n;
    *pc = p + (size_t)4 * n;
    return ACPI_OK;
}

enum acpi_status acpi_aml_parse_text_path(const char *path, uint8_t *segs, uint16_t max_segs,
                                     struct aml_name *out)
{
    out->root = false;
    out->parents = 0;
    out->segs = segs;
    out->nsegs = 0;
    const char *p = path;
    if (*p == '\\') {
        out->root = true;
        p++;
    } else {
        while (*p == '^') {
            out->parents++;
            p++;
        }
    }
    while (*p != '\0') {
        if (out->nsegs >= max_segs) {
            return ACPI_INVALID_ARGUMENT;
        }
        uint8_t *s = segs + (size_t)4 * out->nsegs;
        unsigned len = 0;
        while (*p != '\0' && *p != '.') {
            if (len == 4) {
                return ACPI_INVALID_ARGUMENT;
            }
            s[len++] = (uint8_t)*p++;
        }
        if (len == 0) {
            return ACPI_INVALID_ARGUMENT;
        }
        while (len < 4) {
            s[len++] = '_';
        }
        out->nsegs++;
        if (*p == '.') {
            p++;
            if (*p == '\0') {
                return ACPI_INVALID_ARGUMENT;
            }
        }
    }
    return check_segs(segs, out->nsegs) == ACPI_OK ? ACPI_OK : ACPI_INVALID_ARGUMENT;
}

/* The node the name's prefixes start from. */
static struct acpi_aml_node *start_node(const struct aml_namespace *ns,
                                        struct acpi_aml_node *scope, const struct aml_name *name)
{
    if (name->root) {
        return ns->root;
    }
    struct acpi_aml_node *n = scope;
    for (uint16_t i = 0; i < name->parents; i++) {
        if (n->parent == NULL) {
            return NULL;   /* ^ above the root */
        }
        n = n->parent;
    }
    return n;
}

/* Walk segments [0, count) down from `n`, following aliases on the way. */
static struct acpi_aml_node *walk(const struct aml_namespace *ns, struct acpi_aml_node *n,
                                  const struct aml_name *name, uint16_t count)
{
    for (uint16_t i = 0; i < count && n != NULL; i++) {
        n = acpi_aml_ns_child(ns, n, acpi_aml_le32(name->segs + (size_t)4 * i));
        if (n != NULL && i + 1 < count) {
            n = acpi_aml_node_resolve_alias(n);
        }
    }
    return n;
}

struct acpi_aml_node *acpi_aml_name_lookup(const struct aml_namespace *ns,
                                      struct acpi_aml_node *scope, const struct aml_name *name)
{
    struct acpi_aml_node *n = start_node(ns, scope, name);
    if (name->nsegs == 0) {
        /* "\" or "^" alone (Scope(\), Scope(^)); a bare NullName names nothing. */
        return (name->root || name->parents != 0) ? n : NULL;
    }
    if (n == NULL) {
        return NULL;
    }
    if (!name->root && name->parents == 0 && name->nsegs == 1) {
        uint32_t seg = acpi_aml_le32(name->segs);
        for (; n != NULL; n = n->parent) {
            struct acpi_aml_node *c = acpi_aml_ns_child(ns, n, seg);
            if (c != NULL) {
                return acpi_aml_node_resolve_alias(c);
            }
        }
        return NULL;
    }
    n = walk(ns, n, name, name->nsegs);
    return n != NULL ? acpi_aml_node_resolve_alias(n) : NULL;
}

enum acpi_status acpi_aml_name_parent(const struct aml_namespace *ns, struct acpi_aml_node *scope,
                                 const struct aml_name *name, struct acpi_aml_node **parent,
                                 uint32_t *last)
{
    if (name->nsegs == 0) {
        return ACPI_AML_BAD_OPCODE;
    }
    struct acpi_aml_node *n = start_node(ns, scope, name);
    if (n != NULL) {
        n = walk(ns, n, name, (uint16_t)(name->nsegs - 1));
    }
    if (n != NULL) {
        n = acpi_aml_node_resolve_alias(n);
    }
    if (n == NULL) {
        return ACPI_AML_UNRESOLVED_NAME;
    }
    *parent = n;
    *last = acpi_aml_le32(name->segs + (size_t)4 * (name->nsegs - 1u));
    return ACPI_OK;
}

/* ---- auto-serialisation scan --------------------------------------------------- */

/* Nesting of terms the scan follows; deeper bodies are taken as creating
 * names (serialised: safe, only slower). */
#define SCAN_DEPTH 48

struct scan {
    const struct aml_namespace *ns;
    struct acpi_aml_node *scope;   /* the method: names of calls resolve from it */
};

static bool scan_term(const struct scan *s, const uint8_t **pc, const uint8_t *limit,
                      unsigned depth, bool call);

static bool scan_list(const struct scan *s, const uint8_t **pc, const uint8_t *limit,
                      unsigned depth)
{
    /* Every term moves *pc by at least one byte: the loop ends. */
    while (*pc < limit) {
        if (scan_term(s, pc, limit, depth, true)) {
            return true;
        }
    }
    return false;
}

/* A name in a TermArg: a method's name is a call followed by its arguments
 * (20.2.5 MethodInvocation), whose count the namespace gives. */
static bool scan_name(const struct scan *s, const uint8_t **pc, const uint8_t *limit,
                      unsigned depth, bool call)
{
    struct aml_name name;
    if (acpi_aml_parse_name(pc, limit, &name) != ACPI_OK) {
        return true;
    }
    const struct acpi_aml_node *n = call && name.nsegs != 0
                                        ? acpi_aml_name_lookup(s->ns, s->scope, &name)
                                        : NULL;
    unsigned argc = n != NULL && n->object != NULL && n->object->type == ACPI_AML_TYPE_METHOD
                        ? n->object->u.method.flags & 7u
                        : 0;
    for (unsigned i = 0; i < argc; i++) {
        if (scan_term(s, pc, limit, depth + 1, true)) {
            return true;
        }
    }
    return false;
}

static bool skip_bytes(const uint8_t **pc, const uint8_t *limit, size_t n)
{
    if ((size_t)(limit - *pc) < n) {
        return false;
    }
    *pc += n;
    return true;
}

/* One term at *pc: true when it creates a named object or cannot be read.
 * ACPICA's test is the opcode's AML_NAMED, AML_CREATE or AML_FIELD flag
 * (psopcode.c), which Scope carries too: a body with a Scope counts. */
static bool scan_term(const struct scan *s, const uint8_t **pc, const uint8_t *limit,
                      unsigned depth, bool call)
{
    if (depth > SCAN_DEPTH || *pc >= limit) {
        return true;
    }
    if (acpi_aml_is_name_start(**pc)) {
        return scan_name(s, pc, limit, depth, call);
    }
    uint16_t code = *(*pc)++;
    if (code == AML_EXT_PREFIX) {
        if (*pc >= limit) {
            return true;
        }
        code = AML_EXT(*(*pc)++);
    }
    const struct aml_opinfo *info = acpi_aml_opcode_info(code);
    if (info == NULL || (info->flags & AML_OPF_NAMED) != 0 || code == AML_SCOPE ||
        code == AML_FIELD || code == AML_INDEX_FIELD || code == AML_BANK_FIELD) {
        return true;
    }
    if (code == AML_STRING_PREFIX) {
        while (*pc < limit && **pc != 0) {
            (*pc)++;
        }
        return !skip_bytes(pc, limit, 1);
    }
    const uint8_t *end = limit;
    bool package = false;
    for (const char *a = info->args; *a != '\0'; a++) {
        bool bad;
        switch (*a) {
        case 'p':
            bad = acpi_aml_parse_pkglen(pc, limit, &end) != ACPI_OK;
            package = true;
            break;
        case 'N':
        case 'n': {
            struct aml_name name;
            bad = acpi_aml_parse_name(pc, end, &name) != ACPI_OK;
            break;
        }
        case 'b': bad = !skip_bytes(pc, end, 1); break;
        case 'w': bad = !skip_bytes(pc, end, 2); break;
        case 'd': bad = !skip_bytes(pc, end, 4); break;
        case 'q': bad = !skip_bytes(pc, end, 8); break;
        case 't': bad = scan_term(s, pc, end, depth + 1, true); break;
        default:   /* S C T: a name there is a reference, not a call */
            bad = scan_term(s, pc, end, depth + 1, false);
            break;
        }
        if (bad) {
            return true;
        }
    }
    if (package) {
        /* A body (If, While, Scope) is scanned; buffer bytes and package
         * elements create nothing. */
        if ((info->flags & AML_OPF_BODY) != 0 && scan_list(s, pc, end, depth + 1)) {
            return true;
        }
        *pc = end;
    }
    return false;
}

bool acpi_aml_body_creates_names(const struct aml_namespace *ns, struct acpi_aml_node *method,
                                 const uint8_t *code, uint32_t len)
{
    const struct scan s = { .ns = ns, .scope = method };
    const uint8_t *pc = code;
    return scan_list(&s, &pc, code + len, 0);
}
