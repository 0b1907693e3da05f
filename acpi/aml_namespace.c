/* acpi/aml_namespace.c - namespace nodes, the (parent, name) hash and the
 * predefined namespace (ACPI 6.5, 5.3.1). */
#include "acpi/aml_namespace.h"

#define AML_NS_MIN_BUCKETS 256u

static uint32_t hash_of(const struct acpi_aml_node *parent, uint32_t name)
{
    uint64_t x = (uint64_t)(uintptr_t)parent ^ ((uint64_t)name * 0x9E3779B97F4A7C15ull);
    x ^= x >> 29;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 32;
    return (uint32_t)x;
}

static void fill_name(struct acpi_aml_node *n, uint32_t name)
{
    n->name = name;
    for (int i = 0; i < 4; i++) {
        n->name_chars[i] = (char)(name >> (8 * i));
    }
}

static bool grow(struct aml_namespace *ns, struct aml_memory *m)
{
    uint32_t nb = ns->nbuckets * 2;
    struct acpi_aml_node **b = acpi_aml_zalloc(m, (size_t)nb * sizeof(struct acpi_aml_node *));
    if (b == NULL) {
        return false;               /* keep the old table: still correct, just fuller */
    }
    for (uint32_t i = 0; i < ns->nbuckets; i++) {
        struct acpi_aml_node *n = ns->buckets[i];
        while (n != NULL) {
            struct acpi_aml_node *next = n->hash_next;
            uint32_t h = hash_of(n->parent, n->name) & (nb - 1);
            n->hash_next = b[h];
            b[h] = n;
            n = next;
        }
    }
    acpi_aml_free(m, ns->buckets, (size_t)ns->nbuckets * sizeof(struct acpi_aml_node *));
    ns->buckets = b;
    ns->nbuckets = nb;
    return true;
}

struct acpi_aml_node *acpi_aml_ns_child(const struct aml_namespace *ns,
                                   const struct acpi_aml_node *parent, uint32_t name)
{
    struct acpi_aml_node *n = ns->buckets[hash_of(parent, name) & (ns->nbuckets - 1)];
    while (n != NULL && (n->parent != parent || n->name != name)) {
        n = n->hash_next;
    }
    return n;
}

struct acpi_aml_node *acpi_aml_ns_add(struct aml_namespace *ns, struct aml_memory *m,
                                 struct acpi_aml_node *parent, uint32_t name, uint8_t table)
{
    if (ns->count >= ns->nbuckets && ns->nbuckets < (1u << 30)) {
        (void)grow(ns, m);
    }
    struct acpi_aml_node *n = acpi_aml_zalloc(m, sizeof *n);
    if (n == NULL) {
        return NULL;
    }
    fill_name(n, name);
    n->table = table;
    n->parent = parent;
    if (parent != NULL) {
        if (parent->last_child != NULL) {
            parent->last_child->next = n;
        } else {
            parent->first_child = n;
        }
        parent->last_child = n;
    }
    uint32_t h = hash_of(parent, name) & (ns->nbuckets - 1);
    n->hash_next = ns->buckets[h];
    ns->buckets[h] = n;
    ns->count++;
    return n;
}

static void unhash(struct aml_namespace *ns, struct acpi_aml_node *n)
{
    struct acpi_aml_node **pp = &ns->buckets[hash_of(n->parent, n->name) & (ns->nbuckets - 1)];
    while (*pp != NULL && *pp != n) {
        pp = &(*pp)->hash_next;
    }
    if (*pp == n) {
        *pp = n->hash_next;
    }
    ns->count--;
}

/* Take `node` out of its parent's child list. */
static void unlink_child(struct acpi_aml_node *node)
{
    struct acpi_aml_node *parent = node->parent;
    if (parent == NULL) {
        return;
    }
    struct acpi_aml_node *prev = NULL;
    for (struct acpi_aml_node *c = parent->first_child; c != NULL; c = c->next) {
        if (c == node) {
            if (prev != NULL) {
                prev->next = c->next;
            } else {
                parent->first_child = c->next;
            }
            if (parent->last_child == c) {
                parent->last_child = prev;
            }
            return;
        }
        prev = c;
    }
}

void acpi_aml_ns_detach(struct aml_namespace *ns, struct acpi_aml_node *node)
{
    unlink_child(node);
    /* Depth first through the subtree only (never past `node`). */
    struct acpi_aml_node *n = node;
    while (n != NULL) {
        unhash(ns, n);
        n->flags |= AML_NODE_DETACHED;
        if (n->first_child != NULL) {
            n = n->first_child;
            continue;
        }
        while (n != node && n->next == NULL) {
            n = n->parent;
        }
        n = n == node ? NULL : n->next;
    }
}

/* Free the subtree bottom-up by walking down to a leaf each time; with `ns`,
 * take each node out of its hash as it goes (one pass for a removal). */
static void free_subtree(struct aml_namespace *ns, struct aml_memory *m,
                         struct acpi_aml_node *node)
{
    struct acpi_aml_node *n = node;
    while (n != NULL) {
        if (n->first_child != NULL) {
            struct acpi_aml_node *c = n->first_child;
            n->first_child = c->next;
            c->next = NULL;
            n = c;
            continue;
        }
        struct acpi_aml_node *up = (n == node) ? NULL : n->parent;
        if (ns != NULL) {
            unhash(ns, n);
        }
        acpi_aml_obj_put(m, n->object);
        acpi_aml_free(m, n, sizeof *n);
        n = up;
    }
}

void acpi_aml_ns_free_detached(struct aml_memory *m, struct acpi_aml_node *node)
{
    free_subtree(NULL, m, node);
}

void acpi_aml_ns_remove(struct aml_namespace *ns, struct aml_memory *m, struct acpi_aml_node *node)
{
    unlink_child(node);
    free_subtree(ns, m, node);
}

enum acpi_aml_type acpi_aml_node_type(const struct acpi_aml_node *node)
{
    if (node->object == NULL) {
        return (node->flags & AML_NODE_SCOPE) != 0 ? ACPI_AML_TYPE_SCOPE
                                                   : ACPI_AML_TYPE_UNINITIALIZED;
    }
    return (enum acpi_aml_type)node->object->type;
}

struct acpi_aml_node *acpi_aml_node_resolve_alias(struct acpi_aml_node *node)
{
    /* Alias chains are short in real tables; a bound stops a hostile cycle. */
    for (int i = 0; i < 16 && node != NULL && node->object != NULL &&
                    node->object->type == ACPI_AML_TYPE_ALIAS;
         i++) {
        node = node->object->u.alias.target;
    }
    if (node != NULL && node->object != NULL && node->object->type == ACPI_AML_TYPE_ALIAS) {
        return NULL;
    }
    return node;
}

/* A walk may stand on a node that an Unload took out meanwhile (kept until
 * the walk ends, aml_context.c). Its pointers are frozen as they were at the
 * removal, so its subtree and its next siblings may be removed nodes too: the
 * walk skips them and goes on with the next node still in the namespace, so
 * it never returns what the Unload removed. Children are only appended
 * (acpi_aml_ns_add), so a frozen next chain only moves forward and ends. */
static bool detached(const struct acpi_aml_node *n)
{
    return (n->flags & AML_NODE_DETACHED) != 0;
}

struct acpi_aml_node *acpi_aml_ns_next(const struct acpi_aml_node *node, bool skip_children)
{
    if (!skip_children && node->first_child != NULL && !detached(node)) {
        return node->first_child;   /* a live node's children are all live */
    }
    while (node != NULL) {
        struct acpi_aml_node *s = node->next;
        while (s != NULL && detached(s)) {
            s = s->next;
        }
        if (s != NULL) {
            return s;
        }
        node = node->parent;
    }
    return NULL;
}

void acpi_aml_ns_fini(struct aml_namespace *ns, struct aml_memory *m)
{
    if (ns->root != NULL) {
        acpi_aml_ns_remove(ns, m, ns->root);
        ns->root = NULL;
    }
    acpi_aml_free(m, ns->buckets, (size_t)ns->nbuckets * sizeof(struct acpi_aml_node *));
    ns->buckets = NULL;
}

enum acpi_status acpi_aml_ns_init(struct aml_namespace *ns, struct aml_memory *m)
{
    ns->count = 0;
    ns->nbuckets = AML_NS_MIN_BUCKETS;
    ns->buckets = acpi_aml_zalloc(m, (size_t)ns->nbuckets * sizeof(struct acpi_aml_node *));
    if (ns->buckets == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    ns->root = acpi_aml_ns_add(ns, m, NULL, AML_NAME('\\', '_', '_', '_'), AML_TABLE_NONE);
    if (ns->root == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    ns->root->flags = AML_NODE_SCOPE;
    /* ACPI 6.5, 5.3.1; ACPICA makes \_SB_ and \_TZ_ devices, the others scopes. */
    static const struct { char name[5]; uint8_t type; } predefined[] = {
        { "_GPE", ACPI_AML_TYPE_SCOPE }, { "_PR_", ACPI_AML_TYPE_SCOPE },
        { "_SB_", ACPI_AML_TYPE_DEVICE }, { "_SI_", ACPI_AML_TYPE_SCOPE },
        { "_TZ_", ACPI_AML_TYPE_DEVICE },
    };
    for (size_t i = 0; i < sizeof predefined / sizeof predefined[0]; i++) {
        const char *s = predefined[i].name;
        struct acpi_aml_node *n = acpi_aml_ns_add(ns, m, ns->root, AML_NAME(s[0], s[1], s[2], s[3]),
                                             AML_TABLE_NONE);
        if (n == NULL) {
            return ACPI_AML_OUT_OF_MEMORY;
        }
        if (predefined[i].type == ACPI_AML_TYPE_SCOPE) {
            n->flags = AML_NODE_SCOPE;
        } else if ((n->object = acpi_aml_obj_new(m, predefined[i].type)) == NULL) {
            return ACPI_AML_OUT_OF_MEMORY;
        }
    }
    return ACPI_OK;
}
