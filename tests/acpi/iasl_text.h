/* Ground truth for the table tests: ACPICA's decoding of a table.
 *
 * iasl_text_decode runs `iasl -d` on a copy of the bytes in a fresh temporary
 * directory (the shared folders stay read-only) and reads the resulting .dsl;
 * iasl_text_load reads an existing .dsl (the fixtures carry theirs). Every
 * "[XXXh DDDD  L]  Field Name : value" line becomes one field. Tests then ask
 * for a field by name inside a byte range of the table, so the expected
 * value comes from ACPICA's naming of that offset, not from our own offsets.
 */
#ifndef TESTS_ACPI_IASL_TEXT_H
#define TESTS_ACPI_IASL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct iasl_field {
    uint32_t offset; /* in the table */
    uint32_t length; /* bytes */
    char name[64];   /* trimmed, e.g. "Proximity Domain" */
    char value[160]; /* the text after " : ", trimmed */
};

struct iasl_text {
    struct iasl_field *fields;
    size_t count;
};

/* True when an `iasl` program is on PATH. */
bool iasl_available(void);

/* 0 on success, -1 on failure (iasl missing or failing, unreadable output). */
int iasl_text_decode(const uint8_t *bytes, size_t len, struct iasl_text *out);
int iasl_text_load(const char *dsl_path, struct iasl_text *out);
void iasl_text_free(struct iasl_text *t);

/* The n-th (0-based) field called `name` whose offset lies in [from, to); NULL if none. */
const struct iasl_field *iasl_find(const struct iasl_text *t, uint32_t from, uint32_t to,
                                   const char *name, size_t n);

/* The value of that field read as hexadecimal (ACPICA prints every integer in
 * hex); false when the field is missing. */
bool iasl_hex(const struct iasl_text *t, uint32_t from, uint32_t to, const char *name,
              uint64_t *value);

/* The value of that field with surrounding quotes removed, into buf. */
bool iasl_str(const struct iasl_text *t, uint32_t from, uint32_t to, const char *name, char *buf,
              size_t size);

/* Call fn for every corpus table file named <sig>.dat or <sig><N>.dat (sig in
 * lower case, as acpixtract names them) under ../shared/corpus/acpi/<HWID>/,
 * in sorted order. Returns how many files were visited, or -1 when the corpus
 * cannot be read. */
typedef void (*corpus_table_fn)(const char *path, const uint8_t *bytes, size_t len, void *ctx);
int corpus_each_table(const char *sig, corpus_table_fn fn, void *ctx);

#endif
