/* acpi/aml_namespace.h - the ACPI namespace (ACPI 6.5, 5.3): nodes named by
 * 4-character segments, a hash over (parent, name) so that every lookup step is
 * one probe, and the predefined scopes and objects. Private to acpi/aml_*.c. */
#ifndef ACPI_AML_NAMESPACE_H
#define ACPI_AML_NAMESPACE_H

#include <stdbool.h>
#include <stdint.h>

#include "acpi/aml_object.h"

#define AML_NODE_TEMPORARY 0x01    /* created by a running method; gone when it returns */
#define AML_NODE_SCOPE 0x02        /* a predefined scope with no object (\_GPE ...) */
#define AML_NODE_DETACHED 0x04     /* taken out of the namespace, not yet freed */
#define AML_TABLE_NONE 0xFF        /* owner of the predefined nodes */

struct acpi_aml_node {
    uint32_t name;                         /* 4 ASCII bytes, little-endian order */
    uint8_t flags;
    uint8_t table;                         /* index of the table that created it */
    struct acpi_aml_node *parent;
    struct acpi_aml_node *first_child, *last_child, *next;
    struct acpi_aml_node *hash_next;
    struct acpi_aml_node *temp_next;       /* a method frame's list of temporaries */
    struct aml_object *object;             /* NULL for scopes */
    char name_chars[4];                    /* acpi_aml_node_name's answer */
};

struct aml_namespace {
    struct acpi_aml_node *root;
    struct acpi_aml_node **buckets;
    uint32_t nbuckets;                     /* a power of two */
    uint32_t count;
};

#define AML_NAME(a, b, c, d) \
    ((uint32_t)(a) | ((uint32_t)(b) << 8) | ((uint32_t)(c) << 16) | ((uint32_t)(d) << 24))

ACPI_MUST_USE enum acpi_status acpi_aml_ns_init(struct aml_namespace *ns, struct aml_memory *m);
/* Free every node and object. */
void acpi_aml_ns_fini(struct aml_namespace *ns, struct aml_memory *m);

/* The child `name` of `parent`, or NULL. */
struct acpi_aml_node *acpi_aml_ns_child(const struct aml_namespace *ns,
                                   const struct acpi_aml_node *parent, uint32_t name);
/* A new child (no object yet); NULL when out of memory. The caller checked that
 * the name is free. */
struct acpi_aml_node *acpi_aml_ns_add(struct aml_namespace *ns, struct aml_memory *m,
                                 struct acpi_aml_node *parent, uint32_t name, uint8_t table);
/* Remove a node and its whole subtree, releasing their objects (no recursion). */
void acpi_aml_ns_remove(struct aml_namespace *ns, struct aml_memory *m, struct acpi_aml_node *node);
/* The two halves of acpi_aml_ns_remove. Detach: unlink the node from its
 * parent and take its subtree out of the hash, marked AML_NODE_DETACHED, so no
 * lookup finds it; the nodes keep their objects, parent and sibling pointers
 * (a walk or a scope that still points at them goes on safely). Free: free a
 * detached subtree and release its objects. */
void acpi_aml_ns_detach(struct aml_namespace *ns, struct acpi_aml_node *node);
void acpi_aml_ns_free_detached(struct aml_memory *m, struct acpi_aml_node *node);

/* acpi_aml_node_type (acpi/aml.h) is defined in aml_namespace.c: the type a
 * node shows to ObjectType and to the namespace dump. */

/* Follow Alias nodes (bounded) to the node they name. */
struct acpi_aml_node *acpi_aml_node_resolve_alias(struct acpi_aml_node *node);

/* Depth-first successor (parents before children); NULL after the last. With
 * `skip_children`, the successor that is not inside `node`. */
struct acpi_aml_node *acpi_aml_ns_next(const struct acpi_aml_node *node, bool skip_children);

#endif
