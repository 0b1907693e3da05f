/* acpi/acpi_aml_ops_data.c - data and reference operators (ACPI 6.5, 19.6): Store,
 * CopyObject, RefOf, CondRefOf, DerefOf, ObjectType, SizeOf, Index, Match,
 * Concatenate, ConcatenateResTemplate, Mid and the explicit To* conversions. */
#include "acpi/aml_convert.h"
#include "acpi/aml_parse.h"

static enum acpi_status to_target(struct acpi_aml *aml, struct aml_object *target,
                                  struct aml_object *v, struct aml_object **out)
{
    if (v == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    *out = v;
    return acpi_aml_store(aml, target, v, false);
}

static enum acpi_status int_result(struct acpi_aml *aml, uint64_t v, struct aml_object **out)
{
    *out = acpi_aml_obj_integer(&aml->mem, v & acpi_aml_ones(acpi_aml_current_frame(aml)));
    return *out != NULL ? ACPI_OK : ACPI_AML_OUT_OF_MEMORY;
}

/* The object a reference names, for ObjectType/SizeOf/DerefOf. */
static enum acpi_status target_type(struct acpi_aml *aml, struct aml_object *r, uint8_t *type)
{
    if (r == NULL) {
        return ACPI_AML_UNINITIALIZED;
    }
    if (r->type != ACPI_AML_TYPE_REFERENCE) {
        *type = r->type;
        return ACPI_OK;
    }
    switch (r->u.ref.kind) {
    case AML_REF_NODE: {
        struct acpi_aml_node *n = acpi_aml_node_resolve_alias(r->u.ref.node);
        if (n == NULL) {
            return ACPI_AML_UNRESOLVED_NAME;
        }
        enum acpi_aml_type t = acpi_aml_node_type(n);
        *type = (uint8_t)(t == ACPI_AML_TYPE_SCOPE ? ACPI_AML_TYPE_DEVICE : t);
        return ACPI_OK;
    }
    case AML_REF_DEBUG:
        *type = ACPI_AML_TYPE_DEBUG;
        return ACPI_OK;
    case AML_REF_NULL:
        return ACPI_AML_UNRESOLVED_NAME;
    case AML_REF_INDEX: {
        /* ACPICA: an element of a package has its own type; one of a buffer
         * or string is a Buffer Field. */
        const struct aml_object *t = r->u.ref.target;
        if (t->type != ACPI_AML_TYPE_PACKAGE) {
            *type = ACPI_AML_TYPE_BUFFER_FIELD;
            return ACPI_OK;
        }
        const struct aml_object *e = r->u.ref.elem < t->u.package.count
                                         ? t->u.package.elems[r->u.ref.elem] : NULL;
        *type = e != NULL ? e->type : ACPI_AML_TYPE_UNINITIALIZED;
        if (*type == ACPI_AML_TYPE_REFERENCE) {
            *type = ACPI_AML_TYPE_UNINITIALIZED;
        }
        return ACPI_OK;
    }
    default: {
        /* LocalN/ArgN: the type of what it holds, through one reference. */
        struct aml_object *o;
        enum acpi_status st = acpi_aml_resolve(aml, r, &o);
        if (st == ACPI_AML_UNINITIALIZED) {
            *type = ACPI_AML_TYPE_UNINITIALIZED;
            return ACPI_OK;
        }
        if (st != ACPI_OK) {
            return st;
        }
        if (o->type == ACPI_AML_TYPE_REFERENCE && o->u.ref.kind != AML_REF_LOCAL &&
            o->u.ref.kind != AML_REF_ARG) {
            st = target_type(aml, o, type);
        } else {
            *type = o->type == ACPI_AML_TYPE_ALIAS ? ACPI_AML_TYPE_UNINITIALIZED : o->type;
        }
        acpi_aml_obj_put(&aml->mem, o);
        return st;
    }
    }
}

static enum acpi_status deref(struct acpi_aml *aml, struct aml_item *it, struct aml_object **out)
{
    struct aml_object *a = it->args[0];
    if (a != NULL && a->type == ACPI_AML_TYPE_STRING) {
        /* DerefOf of a string: the object at that path (ACPI 6.5, 19.6.29). */
        uint8_t segs[4 * 32];
        struct aml_name name;
        if (acpi_aml_parse_text_path(a->u.string.data, segs, 32, &name) != ACPI_OK) {
            return ACPI_AML_BAD_OPERAND;
        }
        struct acpi_aml_node *n = acpi_aml_name_lookup(&aml->ns, it->scope, &name);
        if (n == NULL) {
            return ACPI_AML_UNRESOLVED_NAME;
        }
        return acpi_aml_node_value(aml, n, out);
    }
    if (a == NULL || a->type != ACPI_AML_TYPE_REFERENCE) {
        return ACPI_AML_BAD_OPERAND;
    }
    if ((it->flags & AML_IT_WANT_REF) != 0) {
        *out = acpi_aml_obj_get(a);
        return ACPI_OK;
    }
    if (a->u.ref.kind == AML_REF_NODE) {
        return acpi_aml_node_value(aml, a->u.ref.node, out);
    }
    return acpi_aml_resolve(aml, a, out);
}

static enum acpi_status index_op(struct acpi_aml *aml, struct aml_item *it,
                                 struct aml_object **out)
{
    struct aml_object *src;
    enum acpi_status st = acpi_aml_resolve(aml, it->args[0], &src);
    if (st != ACPI_OK) {
        return st;
    }
    uint64_t i;
    st = acpi_aml_to_integer(aml, it->args[1], &i);
    uint64_t len = src->type == ACPI_AML_TYPE_PACKAGE ? src->u.package.count
                   : src->type == ACPI_AML_TYPE_BUFFER ? src->u.buffer.len
                   : src->type == ACPI_AML_TYPE_STRING ? src->u.string.len : 0;
    if (st == ACPI_OK && src->type != ACPI_AML_TYPE_PACKAGE && src->type != ACPI_AML_TYPE_BUFFER &&
        src->type != ACPI_AML_TYPE_STRING) {
        st = ACPI_AML_BAD_OPERAND;
    }
    if (st == ACPI_OK && i >= len) {
        st = ACPI_AML_INDEX_RANGE;
    }
    if (st != ACPI_OK) {
        acpi_aml_obj_put(&aml->mem, src);
        return st;
    }
    struct aml_object *r = acpi_aml_obj_ref(&aml->mem, AML_REF_INDEX);
    if (r == NULL) {
        acpi_aml_obj_put(&aml->mem, src);
        return ACPI_AML_OUT_OF_MEMORY;
    }
    r->u.ref.target = src;
    r->u.ref.elem = (uint32_t)i;
    return to_target(aml, it->args[2], r, out);
}

/* Match (ACPI 6.5, 19.6.81): MTR 0, MEQ 1, MLE 2, MLT 3, MGE 4, MGT 5. */
static enum acpi_status match_one(struct acpi_aml *aml, uint64_t op, struct aml_object *elem,
                                  struct aml_object *obj, bool *ok)
{
    if (op == 0) {
        *ok = true;
        return ACPI_OK;
    }
    /* ACPICA compares (M op' P[i]): the element converts to the match
     * object's type, and the operator flips accordingly. */
    int c;
    enum acpi_status st = acpi_aml_compare(aml, obj, elem, &c);
    if (st != ACPI_OK) {
        *ok = false;
        return ACPI_OK;     /* ACPICA skips elements that do not compare */
    }
    switch (op) {
    case 1: *ok = c == 0; break;   /* P == M */
    case 2: *ok = c >= 0; break;   /* P <= M */
    case 3: *ok = c > 0; break;    /* P < M */
    case 4: *ok = c <= 0; break;   /* P >= M */
    case 5: *ok = c < 0; break;    /* P > M */
    default: return ACPI_AML_BAD_OPERAND;
    }
    return ACPI_OK;
}

static enum acpi_status match_op(struct acpi_aml *aml, struct aml_item *it,
                                 struct aml_object **out)
{
    struct aml_object *pkg;
    enum acpi_status st = acpi_aml_resolve(aml, it->args[0], &pkg);
    if (st != ACPI_OK) {
        return st;
    }
    uint64_t start = 0;
    st = pkg->type == ACPI_AML_TYPE_PACKAGE ? acpi_aml_to_integer(aml, it->args[3], &start)
                                            : ACPI_AML_BAD_OPERAND;
    uint64_t found = acpi_aml_ones(acpi_aml_current_frame(aml));
    if (st == ACPI_OK && (it->imm[0] > 5 || it->imm[1] > 5)) {
        st = ACPI_AML_BAD_OPERAND;
    }
    for (uint64_t i = start; st == ACPI_OK && i < pkg->u.package.count; i++) {
        struct aml_object *e = pkg->u.package.elems[i];
        if (e == NULL) {
            continue;
        }
        bool a, b;
        st = match_one(aml, it->imm[0], e, it->args[1], &a);
        if (st == ACPI_OK && a) {
            st = match_one(aml, it->imm[1], e, it->args[2], &b);
            if (st == ACPI_OK && b) {
                found = i;
                break;
            }
        }
    }
    acpi_aml_obj_put(&aml->mem, pkg);
    return st != ACPI_OK ? st : int_result(aml, found, out);
}

static struct aml_object *join(struct acpi_aml *aml, uint8_t type, const uint8_t *a, uint32_t la,
                               const uint8_t *b, uint32_t lb)
{
    if (la > UINT32_MAX - 2 - lb || la + lb > aml->limits.max_object_bytes) {
        return NULL;
    }
    struct aml_object *o = type == ACPI_AML_TYPE_STRING ? acpi_aml_obj_string(&aml->mem, NULL, la + lb)
                                                        : acpi_aml_obj_buffer(&aml->mem, NULL, la + lb);
    if (o != NULL) {
        uint8_t *d = type == ACPI_AML_TYPE_STRING ? (uint8_t *)o->u.string.data : o->u.buffer.data;
        for (uint32_t i = 0; i < la; i++) {
            d[i] = a[i];
        }
        for (uint32_t i = 0; i < lb; i++) {
            d[la + i] = b[i];
        }
    }
    return o;
}

static enum acpi_status concat(struct acpi_aml *aml, struct aml_item *it, struct aml_object **out)
{
    struct aml_object *a;
    enum acpi_status st = acpi_aml_resolve(aml, it->args[0], &a);
    if (st != ACPI_OK) {
        return st;
    }
    uint8_t type = a->type == ACPI_AML_TYPE_INTEGER || a->type == ACPI_AML_TYPE_BUFFER
                       ? a->type : ACPI_AML_TYPE_STRING;
    struct aml_object *x = NULL, *y = NULL;
    if (type == ACPI_AML_TYPE_INTEGER) {
        /* 19.6.12: the second operand becomes an integer too; the result is
         * the buffer of both, integer width each. */
        uint64_t second;
        type = ACPI_AML_TYPE_BUFFER;
        st = acpi_aml_to_integer(aml, it->args[1], &second);
        if (st == ACPI_OK) {
            st = acpi_aml_to_buffer(aml, a, &x);
        }
        if (st == ACPI_OK) {
            struct aml_object *i2 = acpi_aml_obj_integer(&aml->mem, second);
            st = i2 != NULL ? acpi_aml_to_buffer(aml, i2, &y) : ACPI_AML_OUT_OF_MEMORY;
            acpi_aml_obj_put(&aml->mem, i2);
        }
    } else {
        st = acpi_aml_convert_to(aml, a, type, &x);
        if (st == ACPI_OK) {
            st = acpi_aml_convert_to(aml, it->args[1], type, &y);
        }
    }
    struct aml_object *r = NULL;
    if (st == ACPI_OK) {
        r = type == ACPI_AML_TYPE_STRING
                ? join(aml, type, (const uint8_t *)x->u.string.data, x->u.string.len,
                       (const uint8_t *)y->u.string.data, y->u.string.len)
                : join(aml, type, x->u.buffer.data, x->u.buffer.len, y->u.buffer.data,
                       y->u.buffer.len);
        st = to_target(aml, it->args[2], r, out);
    }
    acpi_aml_obj_put(&aml->mem, a);
    acpi_aml_obj_put(&aml->mem, x);
    acpi_aml_obj_put(&aml->mem, y);
    return st;
}

/* Length of a resource template without its End Tag (ACPI 6.5, 6.4.2.9). */
static uint32_t without_end_tag(const struct aml_object *b)
{
    uint32_t n = b->u.buffer.len;
    if (n >= 2 && b->u.buffer.data[n - 2] == 0x79) {
        return n - 2;
    }
    return n;
}

static enum acpi_status concat_res(struct acpi_aml *aml, struct aml_item *it,
                                   struct aml_object **out)
{
    struct aml_object *x = NULL, *y = NULL;
    enum acpi_status st = acpi_aml_to_buffer(aml, it->args[0], &x);
    if (st == ACPI_OK) {
        st = acpi_aml_to_buffer(aml, it->args[1], &y);
    }
    if (st == ACPI_OK) {
        uint32_t lx = without_end_tag(x), ly = without_end_tag(y);
        static const uint8_t end_tag[2] = { 0x79, 0x00 };   /* checksum 0: not computed */
        struct aml_object *xy = join(aml, ACPI_AML_TYPE_BUFFER, x->u.buffer.data, lx,
                                     y->u.buffer.data, ly);
        struct aml_object *r = xy != NULL ? join(aml, ACPI_AML_TYPE_BUFFER, xy->u.buffer.data,
                                                 xy->u.buffer.len, end_tag, 2)
                                          : NULL;
        acpi_aml_obj_put(&aml->mem, xy);
        st = to_target(aml, it->args[2], r, out);
    }
    acpi_aml_obj_put(&aml->mem, x);
    acpi_aml_obj_put(&aml->mem, y);
    return st;
}

static enum acpi_status mid(struct acpi_aml *aml, struct aml_item *it, struct aml_object **out)
{
    struct aml_object *s;
    enum acpi_status st = acpi_aml_resolve(aml, it->args[0], &s);
    if (st != ACPI_OK) {
        return st;
    }
    uint64_t idx = 0, len = 0;
    st = acpi_aml_to_integer(aml, it->args[1], &idx);
    if (st == ACPI_OK) {
        st = acpi_aml_to_integer(aml, it->args[2], &len);
    }
    if (st == ACPI_OK && s->type != ACPI_AML_TYPE_STRING && s->type != ACPI_AML_TYPE_BUFFER) {
        st = ACPI_AML_BAD_OPERAND;
    }
    if (st == ACPI_OK) {
        bool str = s->type == ACPI_AML_TYPE_STRING;
        uint32_t n = str ? s->u.string.len : s->u.buffer.len;
        const uint8_t *d = str ? (const uint8_t *)s->u.string.data : s->u.buffer.data;
        uint64_t from = idx > n ? n : idx;
        uint64_t take = len > n - from ? n - from : len;
        struct aml_object *r = join(aml, s->type, d + from, (uint32_t)take, NULL, 0);
        st = to_target(aml, it->args[3], r, out);
    }
    acpi_aml_obj_put(&aml->mem, s);
    return st;
}

/* ToInteger (19.6.142): decimal, or hexadecimal after "0x". */
static enum acpi_status to_integer_explicit(struct acpi_aml *aml, struct aml_object *in,
                                            uint64_t *v)
{
    struct aml_object *o;
    enum acpi_status st = acpi_aml_resolve(aml, in, &o);
    if (st != ACPI_OK) {
        return st;
    }
    if (o->type != ACPI_AML_TYPE_STRING) {
        st = acpi_aml_to_integer(aml, o, v);
        acpi_aml_obj_put(&aml->mem, o);
        return st;
    }
    const char *s = o->u.string.data;
    uint32_t i = 0, n = o->u.string.len;
    while (i < n && (s[i] == ' ' || s[i] == '\t')) {
        i++;
    }
    uint64_t r = 0;
    if (n - i >= 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
        /* ACPICA keeps the first digits that fit the integer width. */
        uint32_t max = acpi_aml_current_frame(aml)->int32 ? 8 : 16;
        i += 2;
        if (n - i > max) {
            n = i + max;
        }
        for (; i < n; i++) {
            char c = s[i];
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) {
                break;
            }
            r = (r << 4) | (uint64_t)d;
        }
    } else {
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
            r = r * 10 + (uint64_t)(s[i] - '0');
        }
    }
    acpi_aml_obj_put(&aml->mem, o);
    *v = r & acpi_aml_ones(acpi_aml_current_frame(aml));
    return ACPI_OK;
}

/* ToDecimalString / ToHexString (19.6.141, 19.6.143). */
static enum acpi_status to_text(struct acpi_aml *aml, struct aml_item *it, bool hex,
                                struct aml_object **out)
{
    struct aml_object *o;
    enum acpi_status st = acpi_aml_resolve(aml, it->args[0], &o);
    if (st != ACPI_OK) {
        return st;
    }
    char buf[24];
    struct aml_object *r = NULL;
    if (o->type == ACPI_AML_TYPE_STRING) {
        r = acpi_aml_obj_get(o);
    } else if (o->type == ACPI_AML_TYPE_INTEGER && !hex) {
        uint32_t n = 0;
        uint64_t v = o->u.integer;
        do {
            uint64_t digit;
            v = acpi_aml_udiv64(v, 10, &digit);
            buf[n++] = (char)('0' + digit);
        } while (v != 0);
        for (uint32_t i = 0; i < n / 2; i++) {
            char c = buf[i];
            buf[i] = buf[n - 1 - i];
            buf[n - 1 - i] = c;
        }
        r = acpi_aml_obj_string(&aml->mem, buf, n);
    } else if (o->type == ACPI_AML_TYPE_INTEGER) {
        st = acpi_aml_to_string(aml, o, &r);
    } else if (o->type == ACPI_AML_TYPE_BUFFER) {
        /* ACPICA: "0x%02X" (hex) or "%d" (decimal) per byte, comma-separated. */
        uint32_t cap = o->u.buffer.len * 5;
        r = acpi_aml_obj_string(&aml->mem, NULL, cap);
        if (r != NULL) {
            uint32_t n = 0;
            for (uint32_t i = 0; i < o->u.buffer.len; i++) {
                uint8_t b = o->u.buffer.data[i];
                if (i != 0) {
                    r->u.string.data[n++] = ',';
                }
                if (hex) {
                    r->u.string.data[n++] = '0';
                    r->u.string.data[n++] = 'x';
                    r->u.string.data[n++] = "0123456789ABCDEF"[b >> 4];
                    r->u.string.data[n++] = "0123456789ABCDEF"[b & 15];
                } else {
                    if (b >= 100) {
                        r->u.string.data[n++] = (char)('0' + b / 100);
                    }
                    if (b >= 10) {
                        r->u.string.data[n++] = (char)('0' + b / 10 % 10);
                    }
                    r->u.string.data[n++] = (char)('0' + b % 10);
                }
            }
            r->u.string.data[n] = '\0';
            r->u.string.len = n;   /* the allocation keeps its size in cap: see below */
            if (n != cap) {
                struct aml_object *t = acpi_aml_obj_string(&aml->mem, r->u.string.data, n);
                r->u.string.len = cap;
                acpi_aml_obj_put(&aml->mem, r);
                r = t;
            }
        }
    } else {
        st = ACPI_AML_BAD_OPERAND;
    }
    acpi_aml_obj_put(&aml->mem, o);
    if (st != ACPI_OK) {
        acpi_aml_obj_put(&aml->mem, r);
        return st;
    }
    return to_target(aml, it->args[1], r, out);
}

/* ToString (19.6.144): buffer bytes up to a NUL or the length. */
static enum acpi_status to_string_op(struct acpi_aml *aml, struct aml_item *it,
                                     struct aml_object **out)
{
    struct aml_object *b;
    enum acpi_status st = acpi_aml_to_buffer(aml, it->args[0], &b);
    if (st != ACPI_OK) {
        return st;
    }
    uint64_t max;
    st = acpi_aml_to_integer(aml, it->args[1], &max);
    if (st == ACPI_OK) {
        uint32_t n = 0;
        while (n < b->u.buffer.len && n < max && b->u.buffer.data[n] != 0) {
            n++;
        }
        st = to_target(aml, it->args[2],
                       acpi_aml_obj_string(&aml->mem, (const char *)b->u.buffer.data, n), out);
    }
    acpi_aml_obj_put(&aml->mem, b);
    return st;
}

enum acpi_status acpi_aml_ops_data(struct acpi_aml *aml, struct aml_item *it, struct aml_object **out)
{
    enum acpi_status st;
    switch (it->op) {
    case AML_STORE:
        *out = acpi_aml_obj_get(it->args[0]);
        return acpi_aml_store(aml, it->args[1], it->args[0], false);
    case AML_COPY_OBJECT:
        *out = acpi_aml_obj_get(it->args[0]);
        return acpi_aml_store(aml, it->args[1], it->args[0], true);
    case AML_REF_OF:
        *out = acpi_aml_obj_get(it->args[0]);
        return ACPI_OK;
    case AML_COND_REF_OF: {
        struct aml_object *r = it->args[0];
        bool exists = r != NULL && r->type == ACPI_AML_TYPE_REFERENCE &&
                      r->u.ref.kind != AML_REF_NULL;
        if (exists) {
            st = acpi_aml_store(aml, it->args[1], r, false);
            if (st != ACPI_OK) {
                return st;
            }
        }
        return int_result(aml, exists ? ~0ull : 0, out);
    }
    case AML_DEREF_OF:
        return deref(aml, it, out);
    case AML_OBJECT_TYPE: {
        uint8_t t;
        st = target_type(aml, it->args[0], &t);
        if (st != ACPI_OK) {
            return st;
        }
        return int_result(aml, t <= ACPI_AML_TYPE_DEBUG ? t : 0, out);
    }
    case AML_SIZE_OF: {
        struct aml_object *o;
        st = acpi_aml_resolve(aml, it->args[0], &o);
        if (st == ACPI_OK && o->type == ACPI_AML_TYPE_REFERENCE) {
            /* A LocalN/ArgN holding RefOf(X): the size of X (ACPICA). */
            struct aml_object *d;
            st = acpi_aml_resolve(aml, o, &d);
            acpi_aml_obj_put(&aml->mem, o);
            o = d;
        }
        if (st != ACPI_OK) {
            return st;
        }
        /* ACPICA also sizes an Integer: its width in bytes. */
        uint64_t n = o->type == ACPI_AML_TYPE_STRING ? o->u.string.len
                     : o->type == ACPI_AML_TYPE_BUFFER ? o->u.buffer.len
                     : o->type == ACPI_AML_TYPE_PACKAGE ? o->u.package.count
                     : o->type == ACPI_AML_TYPE_INTEGER ? (acpi_aml_current_frame(aml)->int32 ? 4u : 8u)
                     : ~0ull;
        acpi_aml_obj_put(&aml->mem, o);
        return n == ~0ull ? ACPI_AML_BAD_OPERAND : int_result(aml, n, out);
    }
    case AML_INDEX:
        return index_op(aml, it, out);
    case AML_MATCH:
        return match_op(aml, it, out);
    case AML_CONCAT:
        return concat(aml, it, out);
    case AML_CONCAT_RES:
        return concat_res(aml, it, out);
    case AML_MID:
        return mid(aml, it, out);
    case AML_TO_BUFFER: {
        struct aml_object *b;
        st = acpi_aml_to_buffer(aml, it->args[0], &b);
        return st != ACPI_OK ? st : to_target(aml, it->args[1], b, out);
    }
    case AML_TO_INTEGER: {
        uint64_t v;
        st = to_integer_explicit(aml, it->args[0], &v);
        if (st != ACPI_OK) {
            return st;
        }
        return to_target(aml, it->args[1], acpi_aml_obj_integer(&aml->mem, v), out);
    }
    case AML_TO_DECIMAL_STRING:
        return to_text(aml, it, false, out);
    case AML_TO_HEX_STRING:
        return to_text(aml, it, true, out);
    case AML_TO_STRING:
        return to_string_op(aml, it, out);
    default:
        return ACPI_AML_BAD_OPCODE;
    }
}
