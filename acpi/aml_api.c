/* acpi/aml_api.c - the public lookup, evaluate and tree-walk API of acpi/aml.h,
 * and values handed to the caller. */
#include "acpi/aml_convert.h"
#include "acpi/aml_parse.h"

#define PATH_MAX_SEGS 64

enum acpi_status acpi_aml_lookup(struct acpi_aml *aml, const struct acpi_aml_node *scope,
                                 const char *path, struct acpi_aml_node **out)
{
    if (aml == NULL || path == NULL || out == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    uint8_t segs[4 * PATH_MAX_SEGS];
    struct aml_name name;
    enum acpi_status st = acpi_aml_parse_text_path(path, segs, PATH_MAX_SEGS, &name);
    if (st != ACPI_OK) {
        return st;
    }
    struct acpi_aml_node *s = scope != NULL ? (struct acpi_aml_node *)scope : aml->ns.root;
    acpi_aml_lock(aml);   /* another thread's AML may be adding nodes (the hash grows) */
    struct acpi_aml_node *n = name.nsegs == 0 && name.root ? aml->ns.root
                                                           : acpi_aml_name_lookup(&aml->ns, s, &name);
    acpi_aml_unlock(aml);
    if (n == NULL) {
        return ACPI_NOT_FOUND;
    }
    *out = n;
    return ACPI_OK;
}

/* Object -> caller value; packages are filled breadth-first with a work list
 * (no recursion). */
struct value_work {
    struct aml_object *pkg;
    struct acpi_aml_value *elems;
    struct value_work *next;
};

static enum acpi_status one_value(struct acpi_aml *aml, struct aml_object *o,
                                  struct acpi_aml_value *v, struct value_work **work)
{
    *v = (struct acpi_aml_value){ 0 };
    if (o == NULL) {
        v->type = ACPI_AML_TYPE_UNINITIALIZED;
        return ACPI_OK;
    }
    v->type = (enum acpi_aml_type)o->type;
    switch (o->type) {
    case ACPI_AML_TYPE_INTEGER:
        v->u.integer = o->u.integer;
        return ACPI_OK;
    case ACPI_AML_TYPE_STRING:
        v->u.string.ptr = o->u.string.data;
        v->u.string.len = o->u.string.len;
        v->priv = acpi_aml_obj_get(o);
        return ACPI_OK;
    case ACPI_AML_TYPE_BUFFER:
        v->u.buffer.ptr = o->u.buffer.data;
        v->u.buffer.len = o->u.buffer.len;
        v->priv = acpi_aml_obj_get(o);
        return ACPI_OK;
    case ACPI_AML_TYPE_PACKAGE: {
        uint32_t n = o->u.package.count;
        v->u.package.count = n;
        if (n == 0) {
            return ACPI_OK;
        }
        v->u.package.elements = acpi_aml_zalloc(&aml->mem, (size_t)n * sizeof(struct acpi_aml_value));
        struct value_work *w = acpi_aml_alloc(&aml->mem, sizeof *w);
        if (v->u.package.elements == NULL || w == NULL) {
            acpi_aml_free(&aml->mem, w, sizeof *w);
            acpi_aml_free(&aml->mem, v->u.package.elements, (size_t)n * sizeof(struct acpi_aml_value));
            v->u.package.elements = NULL;
            v->u.package.count = 0;
            return ACPI_AML_OUT_OF_MEMORY;
        }
        w->pkg = o;
        w->elems = v->u.package.elements;
        w->next = *work;
        *work = w;
        return ACPI_OK;
    }
    case ACPI_AML_TYPE_REFERENCE:
        if (o->u.ref.kind == AML_REF_NODE) {
            v->u.node = o->u.ref.node;
        }
        return ACPI_OK;
    default:
        return ACPI_OK;
    }
}

static enum acpi_status to_value(struct acpi_aml *aml, struct aml_object *o,
                                 struct acpi_aml_value *v)
{
    struct value_work *work = NULL;
    enum acpi_status st = one_value(aml, o, v, &work);
    while (work != NULL) {
        struct value_work *w = work;
        work = w->next;
        for (uint32_t i = 0; i < w->pkg->u.package.count; i++) {
            if (st == ACPI_OK) {
                st = one_value(aml, w->pkg->u.package.elems[i], &w->elems[i], &work);
            } else {
                w->elems[i] = (struct acpi_aml_value){ 0 };
            }
        }
        acpi_aml_free(&aml->mem, w, sizeof *w);
    }
    return st;
}

void acpi_aml_value_release(struct acpi_aml *aml, struct acpi_aml_value *value)
{
    if (aml == NULL || value == NULL) {
        return;
    }
    /* Package arrays still to free, as a list threaded through a small node. */
    struct rel { struct acpi_aml_value *elems; uint32_t count; struct rel *next; };
    struct rel first = { value, 1, NULL };
    struct rel *list = &first;
    acpi_aml_lock(aml);   /* the objects' counts and the allocator are shared */
    while (list != NULL) {
        struct rel *r = list;
        list = r->next;
        for (uint32_t i = 0; i < r->count; i++) {
            struct acpi_aml_value *v = &r->elems[i];
            if (v->type == ACPI_AML_TYPE_PACKAGE && v->u.package.elements != NULL) {
                struct rel *n = acpi_aml_alloc(&aml->mem, sizeof *n);
                if (n != NULL) {
                    n->elems = v->u.package.elements;
                    n->count = v->u.package.count;
                    n->next = list;
                    list = n;
                }
            } else if (v->priv != NULL) {
                acpi_aml_obj_put(&aml->mem, v->priv);
            }
        }
        if (r != &first) {
            acpi_aml_free(&aml->mem, r->elems, (size_t)r->count * sizeof(struct acpi_aml_value));
            acpi_aml_free(&aml->mem, r, sizeof *r);
        }
    }
    acpi_aml_unlock(aml);
    *value = (struct acpi_aml_value){ 0 };
}

static enum acpi_status from_value(struct acpi_aml *aml, const struct acpi_aml_value *v,
                                   struct aml_object **out)
{
    switch (v->type) {
    case ACPI_AML_TYPE_INTEGER:
        *out = acpi_aml_obj_integer(&aml->mem, v->u.integer);
        break;
    case ACPI_AML_TYPE_STRING:
        *out = acpi_aml_obj_string(&aml->mem, v->u.string.ptr, v->u.string.len);
        break;
    case ACPI_AML_TYPE_BUFFER:
        *out = acpi_aml_obj_buffer(&aml->mem, v->u.buffer.ptr, v->u.buffer.len);
        break;
    case ACPI_AML_TYPE_PACKAGE: {
        /* One level of elements (integers, strings, buffers) from the host. */
        *out = acpi_aml_obj_package(&aml->mem, v->u.package.count);
        for (uint32_t i = 0; *out != NULL && i < v->u.package.count; i++) {
            const struct acpi_aml_value *e = &v->u.package.elements[i];
            if (e->type == ACPI_AML_TYPE_PACKAGE) {
                return ACPI_INVALID_ARGUMENT;
            }
            if (from_value(aml, e, &(*out)->u.package.elems[i]) != ACPI_OK) {
                acpi_aml_obj_put(&aml->mem, *out);
                return ACPI_AML_OUT_OF_MEMORY;
            }
        }
        break;
    }
    default:
        return ACPI_INVALID_ARGUMENT;
    }
    return *out != NULL ? ACPI_OK : ACPI_AML_OUT_OF_MEMORY;
}

enum acpi_status acpi_aml_evaluate(struct acpi_aml *aml, const struct acpi_aml_node *node,
                                   const struct acpi_aml_value *args, uint32_t argc,
                                   struct acpi_aml_value *result)
{
    if (aml == NULL || node == NULL || argc > AML_MAX_ARGS || (argc != 0 && args == NULL)) {
        return ACPI_INVALID_ARGUMENT;
    }
    struct aml_object *a[AML_MAX_ARGS] = { 0 };
    enum acpi_status st = ACPI_OK;
    acpi_aml_lock(aml);
    for (uint32_t i = 0; i < argc && st == ACPI_OK; i++) {
        st = from_value(aml, &args[i], &a[i]);
    }
    struct aml_object *r = NULL;
    if (st == ACPI_OK) {
        st = acpi_aml_exec_call(aml, (struct acpi_aml_node *)node, a, argc, &r);
    }
    for (uint32_t i = 0; i < argc; i++) {
        acpi_aml_obj_put(&aml->mem, a[i]);
    }
    if (st == ACPI_OK && result != NULL) {
        st = to_value(aml, r, result);
    }
    acpi_aml_obj_put(&aml->mem, r);
    acpi_aml_unlock(aml);
    return st;
}

enum acpi_status acpi_aml_evaluate_path(struct acpi_aml *aml, const struct acpi_aml_node *scope,
                                        const char *path, const struct acpi_aml_value *args,
                                        uint32_t argc, struct acpi_aml_value *result)
{
    struct acpi_aml_node *n;
    enum acpi_status st = acpi_aml_lookup(aml, scope, path, &n);
    if (st != ACPI_OK) {
        return st;
    }
    return acpi_aml_evaluate(aml, n, args, argc, result);
}

struct acpi_aml_node *acpi_aml_root(struct acpi_aml *aml)
{
    return aml->ns.root;
}

struct acpi_aml_node *acpi_aml_node_parent(const struct acpi_aml_node *node)
{
    return node->parent;
}

struct acpi_aml_node *acpi_aml_node_first_child(const struct acpi_aml_node *node)
{
    return node->first_child;
}

struct acpi_aml_node *acpi_aml_node_next_sibling(const struct acpi_aml_node *node)
{
    return node->next;
}

struct acpi_aml_node *acpi_aml_node_next(const struct acpi_aml_node *node)
{
    return acpi_aml_ns_next(node, false);
}

const char *acpi_aml_node_name(const struct acpi_aml_node *node)
{
    return node->name_chars;
}

uint8_t acpi_aml_node_method_args(const struct acpi_aml_node *node)
{
    if (node->object != NULL && node->object->type == ACPI_AML_TYPE_METHOD) {
        return node->object->u.method.flags & 7;
    }
    return 0;
}

uint8_t acpi_aml_node_region_space(const struct acpi_aml_node *node)
{
    if (node->object != NULL && node->object->type == ACPI_AML_TYPE_OPERATION_REGION) {
        return node->object->u.region.space;
    }
    return 0xFF;
}

struct acpi_aml_node *acpi_aml_node_alias_target(const struct acpi_aml_node *node)
{
    if (node->object != NULL && node->object->type == ACPI_AML_TYPE_ALIAS) {
        return node->object->u.alias.target;
    }
    return NULL;
}

size_t acpi_aml_node_path(const struct acpi_aml_node *node, char *buf, size_t size)
{
    size_t depth = 0;
    for (const struct acpi_aml_node *n = node; n->parent != NULL; n = n->parent) {
        depth++;
    }
    /* "\\" then 4 characters per segment, with '.' between segments. */
    size_t need = depth == 0 ? 1 : depth * 5;
    if (size == 0) {
        return need;
    }
    size_t limit = size - 1;
    size_t p = need;
    for (const struct acpi_aml_node *n = node; n->parent != NULL; n = n->parent) {
        p -= 4;
        for (size_t i = 0; i < 4; i++) {
            if (p + i < limit) {
                buf[p + i] = n->name_chars[i];
            }
        }
        p -= 1;
        if (p < limit) {
            buf[p] = p == 0 ? '\\' : '.';
        }
    }
    if (depth == 0 && limit > 0) {
        buf[0] = '\\';
    }
    buf[need < limit ? need : limit] = '\0';
    return need;
}

uint32_t acpi_aml_error_count(const struct acpi_aml *aml)
{
    acpi_aml_lock(aml);   /* another thread's AML may be adding one */
    uint32_t n = aml->nerrors;
    acpi_aml_unlock(aml);
    return n;
}

bool acpi_aml_error_get(const struct acpi_aml *aml, uint32_t index, struct acpi_aml_error *out)
{
    acpi_aml_lock(aml);
    uint32_t kept = aml->nerrors < AML_ERROR_RING ? aml->nerrors : AML_ERROR_RING;
    bool found = index < kept;
    if (found) {
        uint32_t first = aml->nerrors - kept;
        *out = aml->errors[(first + index) % AML_ERROR_RING];
    }
    acpi_aml_unlock(aml);
    return found;
}

size_t acpi_aml_memory_used(const struct acpi_aml *aml)
{
    return aml->mem.used;
}

size_t acpi_aml_memory_peak(const struct acpi_aml *aml)
{
    return aml->mem.peak;
}
