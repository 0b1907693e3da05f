/* acpi/aml_object.h - the interpreter's object model (ACPI 6.5, 19.3.5 data
 * types): reference-counted objects, the memory accounting they come from, and the
 * copy rules of Store and CopyObject. Private to acpi/aml_*.c. */
#ifndef ACPI_AML_OBJECT_H
#define ACPI_AML_OBJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/aml.h"

struct acpi_aml_node;
struct aml_object;
struct aml_context;

/* Kinds of ACPI_AML_TYPE_REFERENCE (what RefOf, Index, Local/Arg targets name). */
enum aml_ref_kind {
    AML_REF_NODE = 0,      /* a namespace node (RefOf(NAME), a SuperName) */
    AML_REF_LOCAL,         /* LocalN of the current method frame */
    AML_REF_ARG,           /* ArgN of the current method frame */
    AML_REF_INDEX,         /* element `index` of a package, buffer or string */
    AML_REF_DEBUG,         /* the Debug object */
    AML_REF_NULL,          /* an absent Target (NullName): stores are dropped */
};

/* Field unit kinds (ACPI 6.5, 19.6.48, 19.6.64, 19.6.7). */
enum aml_field_kind { AML_FIELD_REGION = 0, AML_FIELD_INDEX, AML_FIELD_BANK };

struct aml_object {
    uint32_t refcount;
    uint8_t type;            /* enum acpi_aml_type */
    uint8_t flags;           /* AML_OBJ_* */
    struct aml_object *dead_next;   /* acpi_aml_obj_put's work list, unused while alive */
    union {
        uint64_t integer;
        struct { uint32_t len; char *data; } string;          /* len + 1 bytes, NUL */
        struct { uint32_t len; uint8_t *data; } buffer;
        struct { uint32_t count; struct aml_object **elems; } package;   /* elems may be NULL */
        struct {
            const uint8_t *code; uint32_t len;
            uint8_t flags;                  /* MethodFlags: arg count, serialized, sync level */
            uint8_t table;                  /* index of the defining table */
            uint8_t native;                 /* AML_NATIVE_*: implemented by the interpreter */
            struct aml_object *mutex;       /* serialized methods: their implicit mutex */
            uint8_t auto_serial;            /* AML_AUTO_*: the threaded scan's verdict */
        } method;
        struct {
            uint8_t space; uint8_t table;
            uint64_t offset, length;
            bool pci_resolved;
            uint16_t pci_seg; uint8_t pci_bus, pci_dev, pci_fn;
            const uint8_t *data;            /* DataTableRegion: the table's bytes */
        } region;
        struct {
            uint8_t kind;                   /* enum aml_field_kind */
            uint8_t flags;                  /* FieldFlags: access type, lock, update rule */
            uint8_t access_bytes;           /* 1, 2, 4, 8 */
            uint8_t attrib;                 /* AccessAs attribute (SMBus/GSB) */
            uint32_t bit_offset, bit_length;
            struct acpi_aml_node *region;   /* REGION/BANK: the OperationRegion */
            struct acpi_aml_node *index, *data;   /* INDEX: IndexName, DataName */
            struct acpi_aml_node *bank;     /* BANK: the bank register field */
            uint64_t bank_value;
            struct aml_object *connection;  /* Connection() resource, if any */
        } field;
        struct {
            struct aml_object *buffer;      /* the Buffer it is a window of */
            uint32_t bit_offset, bit_length;
            bool create_field;              /* made by CreateField: reads as a Buffer */
        } bfield;
        struct {
            uint8_t kind;                   /* enum aml_ref_kind */
            uint8_t index;                  /* LOCAL/ARG number */
            uint32_t elem;                  /* INDEX: element number */
            struct acpi_aml_node *node;     /* NODE */
            struct aml_object *target;      /* INDEX: package/buffer/string */
            uint32_t frame;                 /* LOCAL/ARG: index of the method frame */
        } ref;
        struct {
            uint8_t sync_level;
            uint16_t depth;                 /* recursive acquisitions */
            struct aml_context *owner;      /* the execution context holding it; NULL = free */
            bool ignore_level;              /* an auto-serialised method's: outside the order */
        } mutex;
        struct { uint32_t count; } event;
        struct { uint8_t id; uint32_t pblk; uint8_t pblk_len; } processor;
        struct { uint8_t system_level; uint16_t order; } power;
        struct { struct acpi_aml_node *target; } alias;
        struct { uint8_t table; } ddb;
    } u;
};

/* method.auto_serial: a NotSerialized method, scanned at its first call on a
 * threaded instance (aml_exec.c enter_method). */
#define AML_AUTO_UNKNOWN 0
#define AML_AUTO_NO 1      /* creates no named object: runs concurrently */
#define AML_AUTO_YES 2     /* creates some: serialised, sync level 0, level ignored */

#define AML_OBJ_CONSTANT 0x01      /* Zero/One/Ones/Revision: not a store target */

/* Native methods (bodies the interpreter implements). */
enum { AML_NATIVE_NONE = 0, AML_NATIVE_OSI = 1 };

/* The allocator front end: accounting, cap, peak. */
struct aml_memory {
    struct acpi_aml_memory host;
    size_t used, peak;
};

void *acpi_aml_alloc(struct aml_memory *m, size_t size);
void *acpi_aml_zalloc(struct aml_memory *m, size_t size);
void acpi_aml_free(struct aml_memory *m, void *ptr, size_t size);

/* Objects (refcount 1 on creation; NULL when out of memory). */
struct aml_object *acpi_aml_obj_new(struct aml_memory *m, uint8_t type);
struct aml_object *acpi_aml_obj_integer(struct aml_memory *m, uint64_t value);
struct aml_object *acpi_aml_obj_string(struct aml_memory *m, const char *s, uint32_t len);
struct aml_object *acpi_aml_obj_buffer(struct aml_memory *m, const uint8_t *bytes, uint32_t len);
struct aml_object *acpi_aml_obj_package(struct aml_memory *m, uint32_t count);
struct aml_object *acpi_aml_obj_ref(struct aml_memory *m, uint8_t kind);
static inline struct aml_object *acpi_aml_obj_get(struct aml_object *o)
{
    if (o != NULL) {
        o->refcount++;
    }
    return o;
}
/* Drop one reference; frees the object and its children at zero, without
 * recursion (a package nested a million deep is freed in a loop). */
void acpi_aml_obj_put(struct aml_memory *m, struct aml_object *o);

/* A deep copy of a data object (integer, string, buffer, package with nested
 * packages); other objects are shared (their reference count goes up). NULL when
 * out of memory. ACPI 6.5, 19.3.5.8: Store and CopyObject copy the value. */
struct aml_object *acpi_aml_obj_copy(struct aml_memory *m, struct aml_object *o);

#endif
