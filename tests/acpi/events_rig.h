/* The shared rig of the events tests (test_aml_events.c, test_aml_gpe.c):
 * an ASL text compiled by iasl at test time, acpiexec run over it, and the
 * register model (hw_model.c, QEMU q35's FADT: PM1a at 0x600, PM1a control
 * 0x604, GPE0 at 0x620, 8 bytes a half) with the EC model at 0x62/0x66 and
 * the interpreter on the model's ports. */
#ifndef TESTS_ACPI_EVENTS_RIG_H
#define TESTS_ACPI_EVENTS_RIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/aml_events.h"
#include "tests/acpi/hw_model.h"
#include "tests/support/aml_host.h"
#include "tests/support/ec_model.h"

/* An ASL text compiled into dir/t.aml. */
struct events_table {
    char dir[256];
    uint8_t *aml;
    size_t len;
};
/* 0, or -1 when iasl could not compile it. */
int events_table_compile(struct events_table *t, const char *asl);
void events_table_remove(struct events_table *t);
/* For main(): 0 when acpica-tools are there and the table compiled, else
 * 77 (a skip) with the reason printed. */
int events_table_prepare(struct events_table *t, const char *asl);

/* Run acpiexec in DIR on FILES (shell words) with the batch COMMANDS
 * ("evaluate X;evaluate Y"), every output line to fn. False when it could
 * not run. */
typedef void (*acpiexec_line_fn)(const char *line, void *ctx);
bool acpiexec_run(const char *dir, const char *files, const char *commands, acpiexec_line_fn fn,
                  void *ctx);
/* One evaluation, the lines after its result to fn; whether it returned. */
bool acpiexec_eval(const char *dir, const char *files, const char *path, acpiexec_line_fn fn,
                   void *ctx);

/* acpiexec's evaluation of PATH in dir/t.aml: the integers of the result
 * ("[Integer] = " lines, in order); their count, or -1. */
int acpiexec_ints(const char *dir, const char *path, uint64_t *out, int max);

/* The bytes of a Buffer result ("    0010: 79 00          // y.", or on
 * the "[Buffer] Length" line itself for a short one). */
struct bytes {
    uint8_t b[512];
    size_t n;
};
void buffer_line(const char *line, void *ctx);

/* The memory-mapped GPE block the rig's model serves (test_aml_gpe.c). */
#define RIG_GPE_MMIO (HW_MODEL_MEM_BASE + 0x100u)

struct rig {
    struct hw_model *m;
    struct acpi_fadt fadt;
    struct ec_model ecm;
    struct acpi_ec ec;
    struct aml_fake *fake;
    struct acpi_aml *aml;
    struct acpi_events ev;
    struct acpi_gpe gpe;
    struct acpi_aml_events ae;
    struct acpi_hw_wait wait;
};

/* The rig over a compiled table, namespace initialised and scanned
 * (acpi_aml_events_scan); the port log cleared. With deferred, the events
 * layer is set deferred before the scan. */
struct rig *rig_new(const struct events_table *t, bool deferred);
void rig_free(struct rig *r);
struct acpi_aml_node *node(struct rig *r, const char *path);
bool bit(const uint8_t *bits, unsigned n);
/* The values written to port 0x80 by the table's methods, in order. */
size_t debug_writes(const struct rig *r, uint8_t *out, size_t max);
/* Raise GPE n's status bit in the model (GPE0 status at 0x620). */
void raise_gpe(struct rig *r, unsigned n);

/* Notify values seen by record(). */
struct seen {
    const struct acpi_aml_node *node[8];
    uint64_t value[8];
    unsigned count;
};
void record(void *ctx, const struct acpi_aml_node *n, uint64_t value);

#endif
