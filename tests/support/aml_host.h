/* A machine with no hardware, for the AML interpreter's tests and benchmarks:
 * physical memory reads zeros until written and keeps what is written (8-byte
 * words in an open hash; an access across a word is refused), ports read zeros
 * and drop writes, every PCI function is absent (reads all ones, as on real
 * hardware), and a malloc-backed allocator that counts the bytes live. The
 * clock is left NULL (the interpreter's fake 1 ms-per-reading clock). */
#ifndef TESTS_SUPPORT_AML_HOST_H
#define TESTS_SUPPORT_AML_HOST_H

#include <stddef.h>

#include "acpi/aml_host.h"

struct aml_fake;

/* NULL when out of memory. */
struct aml_fake *aml_fake_new(void);
void aml_fake_free(struct aml_fake *f);
/* Fill a host and a memory interface (cap 0) over f. */
void aml_fake_host(struct aml_fake *f, struct acpi_aml_host *host);
void aml_fake_memory(struct aml_fake *f, struct acpi_aml_memory *mem);
/* Bytes allocated and not freed yet. */
size_t aml_fake_live(const struct aml_fake *f);
/* Forget every byte written to memory. */
void aml_fake_clear(struct aml_fake *f);

#endif
