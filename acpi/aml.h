/* acpi/aml.h - the AML interpreter (ACPI 6.5, chapters 5.3, 6.5.1, 19 and 20).
 *
 * Create an interpreter over a host (aml_host.h), load the DSDT then every SSDT,
 * initialise the namespace, then look up and evaluate objects:
 *
 *     struct acpi_aml *aml;
 *     acpi_aml_create(&host, &mem, &aml);
 *     acpi_aml_load_table(aml, dsdt, dsdt_len);       // then each SSDT
 *     acpi_aml_initialize(aml, &counts);
 *     struct acpi_aml_value v;
 *     if (acpi_aml_evaluate_path(aml, NULL, "\\_SB.PCI0._STA", NULL, 0, &v) == ACPI_OK) ...
 *     acpi_aml_value_release(aml, &v);
 *     acpi_aml_destroy(aml);
 *
 * Table bytes handed to acpi_aml_load_table must stay valid until destroy (method
 * bodies are executed from them). Nothing here recurses on the C stack with the
 * AML's nesting: method calls, expressions and packages live on an explicit stack
 * in interpreter memory.
 */
#ifndef ACPI_AML_H
#define ACPI_AML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/aml_host.h"
#include "acpi/status.h"

struct acpi_aml;
struct acpi_aml_node;

/* Object types: the values of ObjectType (ACPI 6.5, 19.6.97), then the
 * interpreter's own node kinds. */
enum acpi_aml_type {
    ACPI_AML_TYPE_UNINITIALIZED = 0,
    ACPI_AML_TYPE_INTEGER = 1,
    ACPI_AML_TYPE_STRING = 2,
    ACPI_AML_TYPE_BUFFER = 3,
    ACPI_AML_TYPE_PACKAGE = 4,
    ACPI_AML_TYPE_FIELD_UNIT = 5,
    ACPI_AML_TYPE_DEVICE = 6,
    ACPI_AML_TYPE_EVENT = 7,
    ACPI_AML_TYPE_METHOD = 8,
    ACPI_AML_TYPE_MUTEX = 9,
    ACPI_AML_TYPE_OPERATION_REGION = 10,
    ACPI_AML_TYPE_POWER_RESOURCE = 11,
    ACPI_AML_TYPE_PROCESSOR = 12,
    ACPI_AML_TYPE_THERMAL_ZONE = 13,
    ACPI_AML_TYPE_BUFFER_FIELD = 14,
    ACPI_AML_TYPE_DDB_HANDLE = 15,
    ACPI_AML_TYPE_DEBUG = 16,
    ACPI_AML_TYPE_REFERENCE = 20,   /* RefOf/Index results */
    ACPI_AML_TYPE_SCOPE = 21,       /* \_GPE, \_PR_, \_SI_ (ACPICA's "Scope") */
    ACPI_AML_TYPE_ALIAS = 22,       /* a node made by Alias (before resolution) */
};

/* A value handed to the caller: owned by the caller until
 * acpi_aml_value_release. Packages hold `count` element values. */
struct acpi_aml_value {
    enum acpi_aml_type type;
    union {
        uint64_t integer;
        struct { const char *ptr; uint32_t len; } string;      /* NUL-terminated too */
        struct { const uint8_t *ptr; uint32_t len; } buffer;
        struct { struct acpi_aml_value *elements; uint32_t count; } package;
        const struct acpi_aml_node *node;   /* device, method, ... or a reference's target */
    } u;
    void *priv;   /* the interpreter's object; do not touch */
};

/* Counts of acpi_aml_initialize (ACPI 6.5, 6.5.1). */
struct acpi_aml_init_counts {
    uint32_t devices;        /* Device/Processor/ThermalZone nodes examined */
    uint32_t sta_run;        /* _STA evaluations */
    uint32_t sta_failed;
    uint32_t ini_run;        /* _INI evaluations (\_SB._INI included) */
    uint32_t ini_failed;
    uint32_t reg_run;        /* _REG evaluations */
    uint32_t reg_failed;
    uint32_t not_present;    /* devices skipped (not present, not functional) */
};

/* Interpreter limits; acpi_aml_create sets these defaults. */
struct acpi_aml_limits {
    uint32_t loop_timeout_s;  /* a While running longer ends with ACPI_AML_LOOP_TIMEOUT (3) */
    uint32_t max_call_depth;  /* nested method calls (256) */
    uint32_t max_stack_items; /* explicit-stack entries: expressions, packages (65536) */
    uint32_t max_object_bytes;/* largest Buffer, String or Package an op may create (64 MiB) */
};

/* Create an interpreter. host and mem are copied. ACPI_AML_OUT_OF_MEMORY when the
 * predefined namespace does not fit. */
ACPI_MUST_USE enum acpi_status acpi_aml_create(const struct acpi_aml_host *host,
                                               const struct acpi_aml_memory *mem,
                                               struct acpi_aml **out);
/* Free everything the interpreter holds. No call may be running or blocked
 * in it (aml_host.h wait/wake): destroying under a blocked thread is the
 * host's error, that thread would wake in freed memory. */
void acpi_aml_destroy(struct acpi_aml *aml);
struct acpi_aml_limits *acpi_aml_limits(struct acpi_aml *aml);

/* Load a DSDT or SSDT (whole table, header included) and run its table-level
 * code. An error in one term is reported (acpi_aml_errors) and the load goes on
 * with the next term, as ACPICA does; the status is the first such error or
 * ACPI_OK. Header problems (length, signature) fail the whole table. */
ACPI_MUST_USE enum acpi_status acpi_aml_load_table(struct acpi_aml *aml, const uint8_t *table,
                                                   size_t len);
/* Map a table at a physical address through host->map and load it; the mapping
 * is kept until destroy. */
ACPI_MUST_USE enum acpi_status acpi_aml_load_table_at(struct acpi_aml *aml, uint64_t phys);

/* Namespace initialisation of ACPI 6.5, 6.5.1: _REG for the spaces with a
 * handler, \_SB._INI, then _STA/_INI of every device in namespace order. Errors
 * are counted and reported; the status is the first error or ACPI_OK. */
ACPI_MUST_USE enum acpi_status acpi_aml_initialize(struct acpi_aml *aml,
                                                   struct acpi_aml_init_counts *counts);

/* _OSI strings (ACPI 6.5, 5.7.2): the defaults are Linux's list of Windows
 * strings plus the feature strings; add or remove any. */
ACPI_MUST_USE enum acpi_status acpi_aml_osi_add(struct acpi_aml *aml, const char *interface);
ACPI_MUST_USE enum acpi_status acpi_aml_osi_remove(struct acpi_aml *aml, const char *interface);

/* Register a handler for an address space (host-wide when `device` is NULL,
 * else for regions under that device); _REG(space, 1) runs for the regions it
 * covers, as ACPI 6.5, 6.5.4 orders. Replaces the default handlers of
 * SystemMemory, SystemIO and PCI_Config too. */
ACPI_MUST_USE enum acpi_status acpi_aml_install_region_handler(struct acpi_aml *aml,
                                                               struct acpi_aml_node *device,
                                                               uint8_t space,
                                                               acpi_aml_region_handler handler,
                                                               void *ctx);

/* Look up PATH (absolute "\\_SB.PCI0", or relative to `scope`, NULL = root;
 * segments of 1-4 characters are padded with '_'). A single-segment relative
 * name is searched upward as ACPI 6.5, 5.3 says. ACPI_NOT_FOUND when absent. */
ACPI_MUST_USE enum acpi_status acpi_aml_lookup(struct acpi_aml *aml,
                                               const struct acpi_aml_node *scope,
                                               const char *path,
                                               struct acpi_aml_node **out);

/* Evaluate a node: a method is called with args[0..argc), a field is read, a
 * data object is copied out. The result is the caller's until released. An error
 * inside a method unwinds it and is reported with the method's path. */
ACPI_MUST_USE enum acpi_status acpi_aml_evaluate(struct acpi_aml *aml,
                                                 const struct acpi_aml_node *node,
                                                 const struct acpi_aml_value *args,
                                                 uint32_t argc, struct acpi_aml_value *result);
ACPI_MUST_USE enum acpi_status acpi_aml_evaluate_path(struct acpi_aml *aml,
                                                      const struct acpi_aml_node *scope,
                                                      const char *path,
                                                      const struct acpi_aml_value *args,
                                                      uint32_t argc,
                                                      struct acpi_aml_value *result);
void acpi_aml_value_release(struct acpi_aml *aml, struct acpi_aml_value *value);

/* Tree access. */
struct acpi_aml_node *acpi_aml_root(struct acpi_aml *aml);
/* A walk that keeps a node pointer across evaluations (evaluate _STA of each
 * device as it goes) brackets itself with these: in between, no node is
 * freed; one removed meanwhile (an Unload by that AML or by another thread,
 * aml_host.h wait/wake) is unlinked from the tree but stays readable, its
 * parent and next pointers intact, until the last walk ends. Nest freely;
 * every begin needs its end. */
void acpi_aml_walk_begin(struct acpi_aml *aml);
void acpi_aml_walk_end(struct acpi_aml *aml);
struct acpi_aml_node *acpi_aml_node_parent(const struct acpi_aml_node *node);
struct acpi_aml_node *acpi_aml_node_first_child(const struct acpi_aml_node *node);
struct acpi_aml_node *acpi_aml_node_next_sibling(const struct acpi_aml_node *node);
/* Depth-first, parents before children, in namespace order; NULL at the end. */
struct acpi_aml_node *acpi_aml_node_next(const struct acpi_aml_node *node);
enum acpi_aml_type acpi_aml_node_type(const struct acpi_aml_node *node);
/* The four characters of the node's name (not NUL-terminated); the root is "\\___". */
const char *acpi_aml_node_name(const struct acpi_aml_node *node);
/* Method argument count (0-7), or 0 for other nodes. */
uint8_t acpi_aml_node_method_args(const struct acpi_aml_node *node);
/* For an OperationRegion node, its address space (enum acpi_aml_space);
 * 0xFF for any other node. */
uint8_t acpi_aml_node_region_space(const struct acpi_aml_node *node);
/* For an Alias node, the node it names (NULL otherwise). */
struct acpi_aml_node *acpi_aml_node_alias_target(const struct acpi_aml_node *node);
/* Absolute path "\\_SB_.PCI0" (4-character segments); returns the length
 * needed without the NUL, writing at most `size` bytes, NUL-terminated. */
size_t acpi_aml_node_path(const struct acpi_aml_node *node, char *buf, size_t size);

/* Errors seen by load, initialise and evaluate, oldest first: a ring of the last
 * 64, each with the path of the method or scope and its status. */
struct acpi_aml_error {
    enum acpi_status status;
    char path[64];
    uint32_t aml_offset;     /* offset in its table of the failing opcode */
    uint32_t table;          /* load order of that table (0 = the first loaded) */
};
uint32_t acpi_aml_error_count(const struct acpi_aml *aml);   /* total, not only the kept */
bool acpi_aml_error_get(const struct acpi_aml *aml, uint32_t index, struct acpi_aml_error *out);

/* Memory statistics: bytes live now and at the peak. */
size_t acpi_aml_memory_used(const struct acpi_aml *aml);
size_t acpi_aml_memory_peak(const struct acpi_aml *aml);
/* Number of tables loaded. */
uint32_t acpi_aml_table_count(const struct acpi_aml *aml);

#endif
