/* Loading the GRUB captures (see fixture.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "fixture.h"
#include "support.h"

const char *const fixture_names[FIXTURE_COUNT] = {
    "grub-bios-i440fx",
    "grub-bios-q35",
    "grub-efi-q35",
};

uint8_t *fixture_file(const char *rel, size_t *len)
{
    uint8_t *data = NULL;
    assert_int_equal(support_read_file(support_path(rel), &data, len), 0);
    return data;
}

void fixture_load(const char *name, struct fixture *f)
{
    char rel[128];
    snprintf(rel, sizeof(rel), "fixtures/multiboot2/%s.mbi", name);
    f->bytes = fixture_file(rel, &f->len);
    uint32_t bad = 1;
    assert_int_equal(mb2_info_load(f->bytes, f->len, &f->info, &bad), MB2_OK);
    assert_int_equal(bad, 0);
}

void fixture_free(struct fixture *f)
{
    free(f->bytes);
    f->bytes = NULL;
}
