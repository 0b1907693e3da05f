/* acpi/aml_convert.c - operand resolution, implicit conversions (ACPI 6.5,
 * 19.3.5.4-19.3.5.7) and the store rules (19.3.5.8). */
#include "acpi/aml_convert.h"

#include "acpi/aml_region.h"
#include "acpi/shift.h"

static bool width32(struct acpi_aml *aml)
{
    return aml->exec.nframes != 0 && acpi_aml_current_frame(aml)->int32;
}

enum acpi_status acpi_aml_node_value(struct acpi_aml *aml, struct acpi_aml_node *node,
                                struct aml_object **out)
{
    node = acpi_aml_node_resolve_alias(node);
    if (node == NULL) {
        return ACPI_AML_UNRESOLVED_NAME;
    }
    struct aml_object *o = node->object;
    if (o == NULL) {
        if ((node->flags & AML_NODE_SCOPE) == 0) {
            return ACPI_AML_UNINITIALIZED;
        }
    } else {
        switch (o->type) {
        case ACPI_AML_TYPE_INTEGER:
        case ACPI_AML_TYPE_STRING:
        case ACPI_AML_TYPE_BUFFER:
        case ACPI_AML_TYPE_PACKAGE:
        case ACPI_AML_TYPE_REFERENCE:
        case ACPI_AML_TYPE_DDB_HANDLE:
            *out = acpi_aml_obj_get(o);
            return ACPI_OK;
        case ACPI_AML_TYPE_FIELD_UNIT:
            return acpi_aml_field_read(aml, o, out);
        case ACPI_AML_TYPE_BUFFER_FIELD:
            return acpi_aml_bfield_read(aml, o, out);
        default:
            break;
        }
    }
    struct aml_object *r = acpi_aml_obj_ref(&aml->mem, AML_REF_NODE);
    if (r == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    r->u.ref.node = node;
    *out = r;
    return ACPI_OK;
}

enum acpi_status acpi_aml_resolve(struct acpi_aml *aml, struct aml_object *in, struct aml_object **out)
{
    if (in == NULL) {
        return ACPI_AML_UNINITIALIZED;
    }
    switch (in->type) {
    case ACPI_AML_TYPE_FIELD_UNIT:
        return acpi_aml_field_read(aml, in, out);
    case ACPI_AML_TYPE_BUFFER_FIELD:
        return acpi_aml_bfield_read(aml, in, out);
    case ACPI_AML_TYPE_REFERENCE:
        break;
    default:
        *out = acpi_aml_obj_get(in);
        return ACPI_OK;
    }
    switch (in->u.ref.kind) {
    case AML_REF_INDEX: {
        struct aml_object *t = in->u.ref.target;
        uint32_t i = in->u.ref.elem;
        if (t->type == ACPI_AML_TYPE_PACKAGE) {
            if (i >= t->u.package.count || t->u.package.elems[i] == NULL) {
                return ACPI_AML_UNINITIALIZED;
            }
            return acpi_aml_resolve(aml, t->u.package.elems[i], out);
        }
        uint64_t v;
        if (t->type == ACPI_AML_TYPE_BUFFER && i < t->u.buffer.len) {
            v = t->u.buffer.data[i];
        } else if (t->type == ACPI_AML_TYPE_STRING && i < t->u.string.len) {
            v = (uint8_t)t->u.string.data[i];
        } else {
            return ACPI_AML_INDEX_RANGE;
        }
        *out = acpi_aml_obj_integer(&aml->mem, v);
        return *out != NULL ? ACPI_OK : ACPI_AML_OUT_OF_MEMORY;
    }
    case AML_REF_NODE: {
        struct acpi_aml_node *n = acpi_aml_node_resolve_alias(in->u.ref.node);
        if (n != NULL && n->object != NULL &&
            (n->object->type <= ACPI_AML_TYPE_FIELD_UNIT ||
             n->object->type == ACPI_AML_TYPE_BUFFER_FIELD ||
             n->object->type == ACPI_AML_TYPE_DDB_HANDLE)) {
            return acpi_aml_node_value(aml, n, out);
        }
        *out = acpi_aml_obj_get(in);
        return ACPI_OK;
    }
    case AML_REF_LOCAL:
    case AML_REF_ARG: {
        if (in->u.ref.frame >= aml->exec.nframes) {
            return ACPI_AML_UNINITIALIZED;
        }
        struct aml_frame *f = acpi_aml_frame_at(aml, in->u.ref.frame);
        struct aml_object *o = in->u.ref.kind == AML_REF_LOCAL ? f->locals[in->u.ref.index]
                                                               : f->args[in->u.ref.index];
        if (o == NULL) {
            return ACPI_AML_UNINITIALIZED;
        }
        *out = acpi_aml_obj_get(o);
        return ACPI_OK;
    }
    default:
        return ACPI_AML_BAD_OPERAND;
    }
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

enum acpi_status acpi_aml_to_integer(struct acpi_aml *aml, struct aml_object *in, uint64_t *out)
{
    if (in != NULL && in->type == ACPI_AML_TYPE_INTEGER) {
        *out = in->u.integer;
        return ACPI_OK;
    }
    struct aml_object *o;
    enum acpi_status st = acpi_aml_resolve(aml, in, &o);
    if (st != ACPI_OK) {
        return st;
    }
    uint64_t v = 0;
    switch (o->type) {
    case ACPI_AML_TYPE_INTEGER:
        v = o->u.integer;
        break;
    case ACPI_AML_TYPE_STRING: {
        /* ACPI 6.5, 19.3.5.7: a string converts as hexadecimal digits; like
         * ACPICA, leading blanks are skipped and the first non-digit ends it. */
        const char *s = o->u.string.data;
        uint32_t i = 0, n = o->u.string.len;
        while (i < n && (s[i] == ' ' || s[i] == '\t')) {
            i++;
        }
        /* ACPICA takes a "0x" prefix here too, and at most as many digits
         * as the integer holds. */
        if (n - i >= 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
            i += 2;
        }
        uint32_t max = width32(aml) ? 8 : 16;
        if (n - i > max) {
            n = i + max;
        }
        for (; i < n; i++) {
            int d = hex_digit(s[i]);
            if (d < 0) {
                break;
            }
            v = (v << 4) | (uint64_t)d;
        }
        break;
    }
    case ACPI_AML_TYPE_BUFFER: {
        uint32_t n = o->u.buffer.len < 8 ? o->u.buffer.len : 8;
        for (uint32_t i = 0; i < n; i++) {
            v |= shl64(o->u.buffer.data[i], 8 * (uint64_t)i);
        }
        break;
    }
    default:
        st = ACPI_AML_BAD_OPERAND;
        break;
    }
    acpi_aml_obj_put(&aml->mem, o);
    if (width32(aml)) {
        v &= 0xFFFFFFFFull;
    }
    *out = v;
    return st;
}

/* The start of a conversion to `type`: resolve the operand; true when that is
 * all (it has the type already and *out holds it, or it failed: *st). */
static bool resolved_as(struct acpi_aml *aml, struct aml_object *in, uint8_t type,
                        struct aml_object **o, struct aml_object **out, enum acpi_status *st)
{
    *st = acpi_aml_resolve(aml, in, o);
    if (*st == ACPI_OK && (*o)->type == type) {
        *out = *o;
        return true;
    }
    return *st != ACPI_OK;
}

/* The end of one: the operand goes, the new object (or NULL) stays. */
static enum acpi_status converted(struct acpi_aml *aml, struct aml_object *o,
                                  struct aml_object *made)
{
    acpi_aml_obj_put(&aml->mem, o);
    return made != NULL ? ACPI_OK : ACPI_AML_OUT_OF_MEMORY;
}

enum acpi_status acpi_aml_to_buffer(struct acpi_aml *aml, struct aml_object *in,
                               struct aml_object **out)
{
    struct aml_object *o;
    enum acpi_status st;
    if (resolved_as(aml, in, ACPI_AML_TYPE_BUFFER, &o, out, &st)) {
        return st;
    }
    *out = NULL;
    switch (o->type) {
    case ACPI_AML_TYPE_INTEGER: {
        uint8_t b[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (uint8_t)shr64(o->u.integer, 8 * (uint64_t)i);
        }
        *out = acpi_aml_obj_buffer(&aml->mem, b, width32(aml) ? 4 : 8);
        break;
    }
    case ACPI_AML_TYPE_STRING:
        /* As ACPICA: the NUL goes with the characters (firmware depends on it). */
        *out = acpi_aml_obj_buffer(&aml->mem, (const uint8_t *)o->u.string.data, o->u.string.len + 1);
        break;
    default:
        acpi_aml_obj_put(&aml->mem, o);
        return ACPI_AML_BAD_OPERAND;
    }
    return converted(aml, o, *out);
}

static const char hexchars[] = "0123456789ABCDEF";

enum acpi_status acpi_aml_to_string(struct acpi_aml *aml, struct aml_object *in,
                               struct aml_object **out)
{
    struct aml_object *o;
    enum acpi_status st;
    if (resolved_as(aml, in, ACPI_AML_TYPE_STRING, &o, out, &st)) {
        return st;
    }
    *out = NULL;
    switch (o->type) {
    case ACPI_AML_TYPE_INTEGER: {
        /* 19.3.5.7: as many hex digits as the integer width, upper case. */
        uint32_t digits = width32(aml) ? 8 : 16;
        char s[16];
        for (uint32_t i = 0; i < digits; i++) {
            s[i] = hexchars[shr64(o->u.integer, 4 * (uint64_t)(digits - 1 - i)) & 0xF];
        }
        *out = acpi_aml_obj_string(&aml->mem, s, digits);
        break;
    }
    case ACPI_AML_TYPE_BUFFER: {
        /* 19.3.5.7; ACPICA's form: "0x%02X" per byte, separated by spaces. */
        uint32_t n = o->u.buffer.len;
        uint32_t len = n == 0 ? 0 : n * 5 - 1;
        *out = acpi_aml_obj_string(&aml->mem, NULL, len);
        if (*out != NULL) {
            char *d = (*out)->u.string.data;
            for (uint32_t i = 0; i < n; i++) {
                if (i != 0) {
                    *d++ = ' ';
                }
                *d++ = '0';
                *d++ = 'x';
                *d++ = hexchars[o->u.buffer.data[i] >> 4];
                *d++ = hexchars[o->u.buffer.data[i] & 0xF];
            }
        }
        break;
    }
    default:
        acpi_aml_obj_put(&aml->mem, o);
        return ACPI_AML_BAD_OPERAND;
    }
    return converted(aml, o, *out);
}

enum acpi_status acpi_aml_convert_to(struct acpi_aml *aml, struct aml_object *in, uint8_t type,
                                struct aml_object **out)
{
    switch (type) {
    case ACPI_AML_TYPE_INTEGER: {
        uint64_t v;
        enum acpi_status st = acpi_aml_to_integer(aml, in, &v);
        if (st != ACPI_OK) {
            return st;
        }
        *out = acpi_aml_obj_integer(&aml->mem, v);
        return *out != NULL ? ACPI_OK : ACPI_AML_OUT_OF_MEMORY;
    }
    case ACPI_AML_TYPE_BUFFER:
        return acpi_aml_to_buffer(aml, in, out);
    case ACPI_AML_TYPE_STRING:
        return acpi_aml_to_string(aml, in, out);
    default:
        return acpi_aml_resolve(aml, in, out);
    }
}

/* Compare two operands by the type of the first (ACPI 6.5, 19.6.69): -1, 0, 1. */
enum acpi_status acpi_aml_compare(struct acpi_aml *aml, struct aml_object *a, struct aml_object *b,
                             int *cmp)
{
    struct aml_object *ra;
    enum acpi_status st = acpi_aml_resolve(aml, a, &ra);
    if (st != ACPI_OK) {
        return st;
    }
    if (ra->type == ACPI_AML_TYPE_STRING || ra->type == ACPI_AML_TYPE_BUFFER) {
        struct aml_object *rb;
        st = acpi_aml_convert_to(aml, b, ra->type, &rb);
        if (st == ACPI_OK) {
            const uint8_t *pa, *pb;
            uint32_t la, lb;
            if (ra->type == ACPI_AML_TYPE_STRING) {
                pa = (const uint8_t *)ra->u.string.data;
                la = ra->u.string.len;
                pb = (const uint8_t *)rb->u.string.data;
                lb = rb->u.string.len;
            } else {
                pa = ra->u.buffer.data;
                la = ra->u.buffer.len;
                pb = rb->u.buffer.data;
                lb = rb->u.buffer.len;
            }
            uint32_t n = la < lb ? la : lb;
            *cmp = 0;
            for (uint32_t i = 0; i < n && *cmp == 0; i++) {
                *cmp = pa[i] < pb[i] ? -1 : pa[i] > pb[i] ? 1 : 0;
            }
            if (*cmp == 0) {
                *cmp = la < lb ? -1 : la > lb ? 1 : 0;
            }
            acpi_aml_obj_put(&aml->mem, rb);
        }
    } else {
        uint64_t x = 0, y = 0;
        st = acpi_aml_to_integer(aml, ra, &x);
        if (st == ACPI_OK) {
            st = acpi_aml_to_integer(aml, b, &y);
        }
        *cmp = x < y ? -1 : x > y ? 1 : 0;
    }
    acpi_aml_obj_put(&aml->mem, ra);
    return st;
}

/* The Debug object: one log line with the value (ACPI 6.5, 19.6.26). */
static void store_debug(struct acpi_aml *aml, struct aml_object *value)
{
    char line[96];
    size_t n = 0;
    const char *pre = "AML Debug: ";
    while (*pre != '\0') {
        line[n++] = *pre++;
    }
    struct aml_object *s = NULL;
    if (value != NULL && (value->type == ACPI_AML_TYPE_INTEGER ||
                          value->type == ACPI_AML_TYPE_STRING ||
                          value->type == ACPI_AML_TYPE_BUFFER)) {
        if (acpi_aml_to_string(aml, value, &s) != ACPI_OK) {
            s = NULL;
        }
    }
    const char *text = s != NULL ? s->u.string.data : "(object)";
    for (; *text != '\0' && n + 1 < sizeof line; text++) {
        line[n++] = *text;
    }
    line[n] = '\0';
    acpi_aml_obj_put(&aml->mem, s);
    acpi_aml_log(aml, ACPI_AML_LOG_INFO, line);
}

static enum acpi_status replace(struct acpi_aml *aml, struct aml_object **slot,
                                struct aml_object *value)
{
    struct aml_object *c = acpi_aml_obj_copy(&aml->mem, value);
    if (c == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    c->flags &= (uint8_t)~AML_OBJ_CONSTANT;
    acpi_aml_obj_put(&aml->mem, *slot);
    *slot = c;
    return ACPI_OK;
}

static enum acpi_status store_node(struct acpi_aml *aml, struct acpi_aml_node *node,
                                   struct aml_object *value, bool copy_object)
{
    node = acpi_aml_node_resolve_alias(node);
    if (node == NULL) {
        return ACPI_AML_UNRESOLVED_NAME;
    }
    struct aml_object *t = node->object;
    if (copy_object && t != NULL && (t->type == ACPI_AML_TYPE_FIELD_UNIT ||
                                     t->type == ACPI_AML_TYPE_BUFFER_FIELD)) {
        copy_object = false;   /* ACPICA: CopyObject into a field writes the field */
    }
    /* References and table handles replace a data object (ACPICA does the
     * same: they have no implicit conversion). */
    bool replace_any = value != NULL && (value->type == ACPI_AML_TYPE_DDB_HANDLE ||
                                         (value->type == ACPI_AML_TYPE_REFERENCE &&
                                          value->u.ref.kind != AML_REF_INDEX));
    if (copy_object || t == NULL ||
        (replace_any && t->type <= ACPI_AML_TYPE_PACKAGE)) {
        struct aml_object *v = NULL;
        enum acpi_status st = ACPI_OK;
        if (replace_any) {
            v = acpi_aml_obj_get(value);
        } else {
            st = acpi_aml_resolve(aml, value, &v);
        }
        if (st != ACPI_OK) {
            return st;
        }
        st = replace(aml, &node->object, v);
        acpi_aml_obj_put(&aml->mem, v);
        return st;
    }
    switch (t->type) {
    case ACPI_AML_TYPE_FIELD_UNIT:
        return acpi_aml_field_write(aml, t, value);
    case ACPI_AML_TYPE_BUFFER_FIELD:
        return acpi_aml_bfield_write(aml, t, value);
    case ACPI_AML_TYPE_INTEGER: {
        uint64_t v;
        enum acpi_status st = acpi_aml_to_integer(aml, value, &v);
        if (st == ACPI_OK) {
            if (node->table < aml->ntables && aml->tables[node->table].int32) {
                v &= 0xFFFFFFFFull;
            }
            t->u.integer = v;
        }
        return st;
    }
    case ACPI_AML_TYPE_BUFFER: {
        /* 19.3.5.8: the target keeps its length; shorter data is zero-padded. */
        struct aml_object *b;
        enum acpi_status st = acpi_aml_to_buffer(aml, value, &b);
        if (st != ACPI_OK) {
            return st;
        }
        for (uint32_t i = 0; i < t->u.buffer.len; i++) {
            t->u.buffer.data[i] = i < b->u.buffer.len ? b->u.buffer.data[i] : 0;
        }
        acpi_aml_obj_put(&aml->mem, b);
        return ACPI_OK;
    }
    case ACPI_AML_TYPE_STRING: {
        struct aml_object *s;
        enum acpi_status st = acpi_aml_to_string(aml, value, &s);
        if (st != ACPI_OK) {
            return st;
        }
        st = replace(aml, &node->object, s);
        acpi_aml_obj_put(&aml->mem, s);
        return st;
    }
    case ACPI_AML_TYPE_PACKAGE:
    case ACPI_AML_TYPE_REFERENCE: {
        struct aml_object *v;
        enum acpi_status st = acpi_aml_resolve(aml, value, &v);
        if (st != ACPI_OK) {
            return st;
        }
        st = replace(aml, &node->object, v);
        acpi_aml_obj_put(&aml->mem, v);
        return st;
    }
    default:
        return ACPI_AML_BAD_OPERAND;   /* a Device, Method, Mutex ... is no store target */
    }
}

enum acpi_status acpi_aml_store(struct acpi_aml *aml, struct aml_object *target,
                           struct aml_object *value, bool copy_object)
{
    if (target == NULL || target->type != ACPI_AML_TYPE_REFERENCE) {
        return ACPI_AML_READ_ONLY;
    }
    switch (target->u.ref.kind) {
    case AML_REF_NULL:
        return ACPI_OK;
    case AML_REF_DEBUG:
        store_debug(aml, value);
        return ACPI_OK;
    case AML_REF_NODE:
        return store_node(aml, target->u.ref.node, value, copy_object);
    case AML_REF_LOCAL:
    case AML_REF_ARG: {
        if (target->u.ref.frame >= aml->exec.nframes) {
            return ACPI_AML_BAD_OPERAND;
        }
        struct aml_frame *f = acpi_aml_frame_at(aml, target->u.ref.frame);
        struct aml_object **slot = target->u.ref.kind == AML_REF_LOCAL
                                       ? &f->locals[target->u.ref.index]
                                       : &f->args[target->u.ref.index];
        /* ACPI 6.5, 19.3.5.8: an ArgN holding a reference stores through it. */
        if (!copy_object && target->u.ref.kind == AML_REF_ARG && *slot != NULL &&
            (*slot)->type == ACPI_AML_TYPE_REFERENCE && (*slot)->u.ref.kind != AML_REF_ARG) {
            return acpi_aml_store(aml, *slot, value, false);
        }
        struct aml_object *v;
        enum acpi_status st;
        if (value != NULL && value->type == ACPI_AML_TYPE_REFERENCE) {
            v = acpi_aml_obj_get(value);    /* a reference is stored as the reference */
            st = ACPI_OK;
        } else {
            st = acpi_aml_resolve(aml, value, &v);
        }
        if (st != ACPI_OK) {
            return st;
        }
        st = replace(aml, slot, v);
        acpi_aml_obj_put(&aml->mem, v);
        return st;
    }
    case AML_REF_INDEX: {
        struct aml_object *t = target->u.ref.target;
        uint32_t i = target->u.ref.elem;
        if (t->type == ACPI_AML_TYPE_PACKAGE) {
            if (i >= t->u.package.count) {
                return ACPI_AML_INDEX_RANGE;
            }
            struct aml_object *v;
            enum acpi_status st = acpi_aml_resolve(aml, value, &v);
            if (st != ACPI_OK) {
                return st;
            }
            st = replace(aml, &t->u.package.elems[i], v);
            acpi_aml_obj_put(&aml->mem, v);
            return st;
        }
        uint64_t v;
        enum acpi_status st = acpi_aml_to_integer(aml, value, &v);
        if (st != ACPI_OK) {
            return st;
        }
        if (t->type == ACPI_AML_TYPE_BUFFER && i < t->u.buffer.len) {
            t->u.buffer.data[i] = (uint8_t)v;
        } else if (t->type == ACPI_AML_TYPE_STRING && i < t->u.string.len) {
            t->u.string.data[i] = (char)v;
        } else {
            return ACPI_AML_INDEX_RANGE;
        }
        return ACPI_OK;
    }
    default:
        return ACPI_AML_BAD_OPERAND;
    }
}
