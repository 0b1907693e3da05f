/* The caller's side of ps2_controller_config.has_8042 on real firmware: the FADT's
 * IAPC_BOOT_ARCH bit 1 ("8042", ACPI 6.5 section 5.2.9.3; defined from FADT revision 2
 * on, reserved in revision 1) of the 40 real computers of ../shared/corpus/acpi and of
 * QEMU's q35 and i440fx firmware in ../shared/fixtures, read from the raw table and
 * checked against ACPICA's decoding ("8042 Present on ports 60/64 (V2)" in
 * truth.json and FACP.dsl); then the controller set-up against the 8042 model with
 * the bool a kernel derives (revision 1: assume present): absent -> PS2_NO_CONTROLLER
 * with no port access, present -> PS2_OK. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "rig.h"
#include "support.h"

#define FADT_REVISION 8
#define FADT_IAPC_BOOT_ARCH 109
#define IAPC_8042 0x0002u

struct tally {
    unsigned tables, present, absent, revision1;
};

/* ACPICA's "8042 Present on ports 60/64 (V2)" value in `text`, or -1. */
static int acpica_flag(const char *text, const char *key)
{
    const char *p = strstr(text, key);
    if (p == NULL) {
        return -1;
    }
    p += strlen(key);
    while (*p == ' ' || *p == ':' || *p == '"') {
        p++;
    }
    return *p == '0' || *p == '1' ? *p - '0' : -1;
}

static char *read_text(const char *path)
{
    uint8_t *data = NULL;
    size_t len = 0;
    if (support_read_file(path, &data, &len) != 0) {
        return NULL;
    }
    char *text = realloc(data, len + 1);
    assert_non_null(text);
    text[len] = '\0';
    return text;
}

static void check_table(void **state, const char *fadt_path, int acpica, struct tally *t)
{
    struct rig *r = *state;
    uint8_t *fadt = NULL;
    size_t len = 0;
    assert_int_equal(support_read_file(fadt_path, &fadt, &len), 0);
    assert_true(len > FADT_REVISION);
    uint8_t revision = fadt[FADT_REVISION];
    bool bit = len >= FADT_IAPC_BOOT_ARCH + 2 &&
               ((fadt[FADT_IAPC_BOOT_ARCH] | (fadt[FADT_IAPC_BOOT_ARCH + 1] << 8)) & IAPC_8042);
    if (acpica >= 0) {
        if ((int)bit != acpica) {
            fail_msg("%s: bit 1 of IAPC_BOOT_ARCH is %d, ACPICA says %d", fadt_path, bit, acpica);
        }
    }
    free(fadt);
    /* What the kernel passes: the bit from revision 2 on; revision 1 cannot say. */
    bool has_8042 = revision < 2 || bit;
    t->tables++;
    t->revision1 += revision < 2;
    t->present += has_8042;
    t->absent += !has_8042;
    assert_int_equal(rig_reset(r), 0);
    r->cfg.has_8042 = has_8042;
    enum ps2_status st = ps2_controller_init(&r->ctl, &r->io, &r->ports, &r->cfg);
    assert_int_equal(st, has_8042 ? PS2_OK : PS2_NO_CONTROLLER);
    if (!has_8042) {
        assert_int_equal(r->ports.log_count, 0);
    }
}

static void test_corpus(void **state)
{
    struct tally t = {0};
    char index_path[4096];
    snprintf(index_path, sizeof index_path, "%s", support_path("corpus/acpi/index.tsv"));
    char *index = read_text(index_path);
    if (index == NULL) {
        print_message("corpus not readable at %s\n", index_path);
        skip();
    }
    /* Each line of index.tsv after the header starts with the computer's HWID. */
    for (char *line = strtok(index, "\n"); line != NULL; line = strtok(NULL, "\n")) {
        char hwid[64];
        if (sscanf(line, "%63[0-9A-F]", hwid) != 1 || strlen(hwid) != 12) {
            continue;
        }
        char rel[256], fadt[4096];
        snprintf(rel, sizeof rel, "corpus/acpi/%s/truth.json", hwid);
        char *truth = read_text(support_path(rel));
        assert_non_null(truth);
        const char *fadt_section = strstr(truth, "\"fadt\"");
        assert_non_null(fadt_section);
        int acpica = acpica_flag(fadt_section, "\"8042 Present on ports 60/64 (V2)\"");
        free(truth);
        snprintf(rel, sizeof rel, "corpus/acpi/%s/facp.dat", hwid);
        snprintf(fadt, sizeof fadt, "%s", support_path(rel));
        assert_true(acpica >= 0);
        check_table(state, fadt, acpica, &t);
    }
    free(index);
    print_message("%u real FADTs: %u with an 8042 (%u of them revision 1), %u without\n",
                  t.tables, t.present, t.revision1, t.absent);
    assert_int_equal(t.tables, 40);
}

static void test_qemu_fixtures(void **state)
{
    static const char *const configs[] = {"q35-seabios", "q35-ovmf", "i440fx-seabios",
                                          "i440fx-seabios-nohpet"};
    struct tally t = {0};
    for (size_t i = 0; i < sizeof configs / sizeof configs[0]; i++) {
        char rel[256], fadt[4096];
        snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/FACP.dsl", configs[i]);
        char *dsl = read_text(support_path(rel));
        if (dsl == NULL) {
            print_message("fixture %s not readable\n", rel);
            skip();
        }
        /* q35 (revision 3): 1; i440fx (revision 1): ACPICA prints the reserved 0 */
        int acpica = acpica_flag(dsl, "8042 Present on ports 60/64 (V2)");
        free(dsl);
        snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/FACP.dat", configs[i]);
        snprintf(fadt, sizeof fadt, "%s", support_path(rel));
        check_table(state, fadt, acpica, &t);
        assert_int_equal(acpica, strncmp(configs[i], "q35", 3) == 0 ? 1 : 0);
    }
    assert_int_equal(t.present, 4); /* QEMU always has its i8042: i440fx only by revision */
    assert_int_equal(t.revision1, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_corpus, rig_setup, rig_teardown),
        cmocka_unit_test_setup_teardown(test_qemu_fixtures, rig_setup, rig_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
