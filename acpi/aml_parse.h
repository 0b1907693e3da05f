/* acpi/aml_parse.h - byte-level AML decoding (ACPI 6.5, 20.2.2 and 20.2.4):
 * PkgLength checked against the enclosing object, NameString with root and
 * parent prefixes, dual and multi name paths, and name resolution by the rules
 * of ACPI 6.5, 5.3. Private to acpi/aml_*.c. */
#ifndef ACPI_AML_PARSE_H
#define ACPI_AML_PARSE_H

#include <stdbool.h>
#include <stdint.h>

#include "acpi/aml_namespace.h"

/* A decoded NameString: `nsegs` 4-byte segments at `segs` (in the AML, or in a
 * caller's array for paths given as text). */
struct aml_name {
    const uint8_t *segs;
    uint16_t nsegs;
    uint16_t parents;       /* '^' prefixes */
    bool root;              /* '\' prefix */
};

static inline uint32_t acpi_aml_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}

static inline uint64_t acpi_aml_le64(const uint8_t *p)
{
    return (uint64_t)acpi_aml_le32(p) | ((uint64_t)acpi_aml_le32(p + 4) << 32);
}

/* True when byte b starts a NameString (LeadNameChar, '\', '^', prefixes, 0). */
bool acpi_aml_is_name_start(uint8_t b);

/* PkgLength at *pc (ACPI 6.5, 20.2.4): *end = the package's end, which must not
 * pass `limit`; *pc moves past the encoding. */
ACPI_MUST_USE enum acpi_status acpi_aml_parse_pkglen(const uint8_t **pc, const uint8_t *limit,
                                                const uint8_t **end);
/* NameString at *pc, which moves past it. Every segment's characters are checked
 * (ACPI 6.5, 20.2.2: LeadNameChar then NameChar). */
ACPI_MUST_USE enum acpi_status acpi_aml_parse_name(const uint8_t **pc, const uint8_t *limit,
                                              struct aml_name *out);
/* Text path ("\\_SB.PCI0", "^FOO", "_STA"; segments shorter than 4 padded with
 * '_') into segs[0..max) as 4-byte segments. */
ACPI_MUST_USE enum acpi_status acpi_aml_parse_text_path(const char *path, uint8_t *segs,
                                                   uint16_t max_segs, struct aml_name *out);

/* Resolve an existing name from `scope` (ACPI 6.5, 5.3: a single bare segment
 * searches the scope and then each parent; anything else is exact). Aliases are
 * followed. NULL when not found. */
struct acpi_aml_node *acpi_aml_name_lookup(const struct aml_namespace *ns,
                                      struct acpi_aml_node *scope, const struct aml_name *name);
/* For creating: the node that will be the parent (all segments but the last must
 * exist) and the last segment. ACPI_AML_UNRESOLVED_NAME when the parent is
 * missing; ACPI_AML_BAD_OPCODE for a NullName. */
ACPI_MUST_USE enum acpi_status acpi_aml_name_parent(const struct aml_namespace *ns,
                                               struct acpi_aml_node *scope,
                                               const struct aml_name *name,
                                               struct acpi_aml_node **parent, uint32_t *last);

/* Auto-serialisation (ACPICA's acpi_ds_auto_serialize_method, dsmethod.c):
 * true when the method body [code, code + len) holds a term that creates a
 * named object (Name, Alias, Method, Device and the other named objects,
 * CreateXField, OperationRegion, Field, IndexField, BankField, Mutex, Event),
 * anywhere in its If/Else/While/Scope bodies, or when it cannot be read to
 * its end (then serialising is the safe answer). The bytes are parsed term by
 * term, not searched, so constants and strings do not count; a name in a
 * TermArg that resolves (from `method`, ACPI 6.5, 5.3) to a method takes its
 * argument count of terms, as ACPICA's parse does with the namespace. */
bool acpi_aml_body_creates_names(const struct aml_namespace *ns, struct acpi_aml_node *method,
                                 const uint8_t *code, uint32_t len);

#endif
