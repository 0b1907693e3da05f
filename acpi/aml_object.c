/* acpi/aml_object.c - object creation, reference counting and the copy rules
 * (ACPI 6.5, 19.3.5.8: a stored value is a copy of the source). */
#include "acpi/aml_object.h"

struct aml_object *acpi_aml_obj_new(struct aml_memory *m, uint8_t type)
{
    struct aml_object *o = acpi_aml_zalloc(m, sizeof *o);
    if (o != NULL) {
        o->refcount = 1;
        o->type = type;
    }
    return o;
}

struct aml_object *acpi_aml_obj_integer(struct aml_memory *m, uint64_t value)
{
    struct aml_object *o = acpi_aml_obj_new(m, ACPI_AML_TYPE_INTEGER);
    if (o != NULL) {
        o->u.integer = value;
    }
    return o;
}

struct aml_object *acpi_aml_obj_string(struct aml_memory *m, const char *s, uint32_t len)
{
    if (len == UINT32_MAX) {
        return NULL;
    }
    struct aml_object *o = acpi_aml_obj_new(m, ACPI_AML_TYPE_STRING);
    if (o == NULL) {
        return NULL;
    }
    o->u.string.data = acpi_aml_alloc(m, (size_t)len + 1);
    if (o->u.string.data == NULL) {
        acpi_aml_free(m, o, sizeof *o);
        return NULL;
    }
    for (uint32_t i = 0; i < len; i++) {
        o->u.string.data[i] = s != NULL ? s[i] : '\0';
    }
    o->u.string.data[len] = '\0';
    o->u.string.len = len;
    return o;
}

struct aml_object *acpi_aml_obj_buffer(struct aml_memory *m, const uint8_t *bytes, uint32_t len)
{
    struct aml_object *o = acpi_aml_obj_new(m, ACPI_AML_TYPE_BUFFER);
    if (o == NULL) {
        return NULL;
    }
    if (len != 0) {
        o->u.buffer.data = acpi_aml_alloc(m, len);
        if (o->u.buffer.data == NULL) {
            acpi_aml_free(m, o, sizeof *o);
            return NULL;
        }
        for (uint32_t i = 0; i < len; i++) {
            o->u.buffer.data[i] = bytes != NULL ? bytes[i] : 0;
        }
    }
    o->u.buffer.len = len;
    return o;
}

struct aml_object *acpi_aml_obj_package(struct aml_memory *m, uint32_t count)
{
    struct aml_object *o = acpi_aml_obj_new(m, ACPI_AML_TYPE_PACKAGE);
    if (o == NULL) {
        return NULL;
    }
    if (count != 0) {
        o->u.package.elems = acpi_aml_zalloc(m, (size_t)count * sizeof(struct aml_object *));
        if (o->u.package.elems == NULL) {
            acpi_aml_free(m, o, sizeof *o);
            return NULL;
        }
    }
    o->u.package.count = count;
    return o;
}

struct aml_object *acpi_aml_obj_ref(struct aml_memory *m, uint8_t kind)
{
    struct aml_object *o = acpi_aml_obj_new(m, ACPI_AML_TYPE_REFERENCE);
    if (o != NULL) {
        o->u.ref.kind = kind;
    }
    return o;
}

/* Hand a child to the work list when this was its last reference. */
static void put_child(struct aml_object **list, struct aml_object *child)
{
    if (child != NULL && --child->refcount == 0) {
        child->dead_next = *list;
        *list = child;
    }
}

void acpi_aml_obj_put(struct aml_memory *m, struct aml_object *o)
{
    if (o == NULL || --o->refcount != 0) {
        return;
    }
    /* A work list instead of recursion: the C stack stays flat for any nesting. */
    struct aml_object *list = o;
    o->dead_next = NULL;
    while (list != NULL) {
        struct aml_object *d = list;
        list = d->dead_next;
        switch (d->type) {
        case ACPI_AML_TYPE_STRING:
            acpi_aml_free(m, d->u.string.data, (size_t)d->u.string.len + 1);
            break;
        case ACPI_AML_TYPE_BUFFER:
            acpi_aml_free(m, d->u.buffer.data, d->u.buffer.len);
            break;
        case ACPI_AML_TYPE_PACKAGE:
            if (d->u.package.elems != NULL) {
                for (uint32_t i = 0; i < d->u.package.count; i++) {
                    put_child(&list, d->u.package.elems[i]);
                }
                acpi_aml_free(m, d->u.package.elems,
                         (size_t)d->u.package.count * sizeof(struct aml_object *));
            }
            break;
        case ACPI_AML_TYPE_REFERENCE:
            put_child(&list, d->u.ref.target);
            break;
        case ACPI_AML_TYPE_BUFFER_FIELD:
            put_child(&list, d->u.bfield.buffer);
            break;
        case ACPI_AML_TYPE_FIELD_UNIT:
            put_child(&list, d->u.field.connection);
            break;
        case ACPI_AML_TYPE_METHOD:
            put_child(&list, d->u.method.mutex);
            break;
        default:
            break;
        }
        acpi_aml_free(m, d, sizeof *d);
    }
}

/* Copy one level: a package gets a new element array whose slots are still
 * NULL, filled by acpi_aml_obj_copy's loop. */
static struct aml_object *copy_shallow(struct aml_memory *m, struct aml_object *o)
{
    switch (o->type) {
    case ACPI_AML_TYPE_INTEGER:
        return acpi_aml_obj_integer(m, o->u.integer);
    case ACPI_AML_TYPE_STRING:
        return acpi_aml_obj_string(m, o->u.string.data, o->u.string.len);
    case ACPI_AML_TYPE_BUFFER:
        return acpi_aml_obj_buffer(m, o->u.buffer.data, o->u.buffer.len);
    case ACPI_AML_TYPE_PACKAGE:
        return acpi_aml_obj_package(m, o->u.package.count);
    default:
        return acpi_aml_obj_get(o);
    }
}

struct aml_object *acpi_aml_obj_copy(struct aml_memory *m, struct aml_object *o)
{
    if (o == NULL) {
        return NULL;
    }
    struct aml_object *root = copy_shallow(m, o);
    if (root == NULL || o->type != ACPI_AML_TYPE_PACKAGE) {
        return root;
    }
    /* Pairs (source, copy) of packages whose elements are still to copy: a
     * work list instead of recursion. */
    struct pending { struct aml_object *src, *dst; struct pending *next; };
    struct pending *work = acpi_aml_alloc(m, sizeof *work);
    if (work == NULL) {
        acpi_aml_obj_put(m, root);
        return NULL;
    }
    work->src = o;
    work->dst = root;
    work->next = NULL;
    bool failed = false;
    while (work != NULL) {
        struct pending *w = work;
        work = w->next;
        for (uint32_t i = 0; !failed && i < w->src->u.package.count; i++) {
            struct aml_object *e = w->src->u.package.elems[i];
            if (e == NULL) {
                continue;
            }
            struct aml_object *c = copy_shallow(m, e);
            if (c == NULL) {
                failed = true;
                break;
            }
            w->dst->u.package.elems[i] = c;
            if (e->type == ACPI_AML_TYPE_PACKAGE && e->u.package.count != 0) {
                struct pending *n = acpi_aml_alloc(m, sizeof *n);
                if (n == NULL) {
                    failed = true;
                    break;
                }
                n->src = e;
                n->dst = c;
                n->next = work;
                work = n;
            }
        }
        acpi_aml_free(m, w, sizeof *w);
    }
    if (failed) {
        while (work != NULL) {
            struct pending *w = work;
            work = w->next;
            acpi_aml_free(m, w, sizeof *w);
        }
        acpi_aml_obj_put(m, root);
        return NULL;
    }
    return root;
}
