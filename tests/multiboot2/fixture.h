/* The GRUB captures of ../shared/fixtures/multiboot2 for the tests. */
#ifndef TESTS_MB2_FIXTURE_H
#define TESTS_MB2_FIXTURE_H

#include <stddef.h>
#include <stdint.h>

#include "multiboot2/info.h"

#define FIXTURE_COUNT 3
extern const char *const fixture_names[FIXTURE_COUNT];

struct fixture {
    uint8_t *bytes; /* malloc'd (8-byte aligned), exactly len bytes */
    size_t len;
    struct mb2_info info;
};

/* Read fixtures/multiboot2/NAME.mbi and validate it (fails the test on error). */
void fixture_load(const char *name, struct fixture *f);
void fixture_free(struct fixture *f);
/* Read a whole file of the shared folder (REL relative to it); fails the test
 * when it cannot be read. */
uint8_t *fixture_file(const char *rel, size_t *len);

#endif
