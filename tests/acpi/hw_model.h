/* A register-level model of ACPI fixed hardware for the event, GPE and sleep
 * tests: byte-backed I/O ports (through tests/support/mock_port, so every
 * port access is logged with port, width, direction and value) and 4 KiB of
 * MMIO, with the register behaviours the spec gives them:
 *
 * - status registers (PM1 status, GPE status, the hardware-reduced sleep
 *   status) are write-one-to-clear (4.8.3.1, 4.8.4.1, 4.8.3.8);
 * - SLP_EN in a PM1 control block is write-only and reads as 0 (Table 4.16);
 * - triggers model the firmware's delayed answers: "after a write of V to X,
 *   set bit B of byte Y once Y has been read N more times" (SMI_CMD ->
 *   SCI_EN, SLP_EN -> WAK_STS), or never.
 *
 * A port no span claims reads as all ones and counts in ports.unclaimed. */
#ifndef TESTS_ACPI_HW_MODEL_H
#define TESTS_ACPI_HW_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/fadt.h"
#include "acpi/hwreg.h"
#include "acpi/sci_lock.h"
#include "mock_port.h"

#define HW_MODEL_MEM_BASE 0xFED40000u
#define HW_MODEL_NEVER 0xFFFFFFFFu

enum hw_span_kind { HW_RAM, HW_W1C, HW_PM1_CNT };

struct hw_model;

struct hw_span {
    struct hw_model *m;
    bool mem;
    uint64_t first;
    uint32_t count;
    enum hw_span_kind kind;
};

struct hw_trigger {
    bool mem;
    uint64_t write_addr;
    uint32_t write_mask, write_match; /* fires when (value & mask) == match */
    uint64_t target;                  /* byte that gets target_bit */
    uint8_t target_bit;
    uint32_t delay;                   /* reads of target first; HW_MODEL_NEVER: never */
    bool armed;
    uint32_t reads;
    unsigned fired;                   /* writes that matched */
};

struct hw_mem_access {
    uint64_t addr;
    uint8_t width; /* bits */
    bool is_write;
    uint64_t value;
};

struct hw_model {
    struct mock_port ports;
    struct acpi_hw_host host;
    uint8_t io[0x10000];
    uint8_t mem[0x1000];
    struct hw_span spans[16];
    unsigned span_count;
    struct hw_trigger triggers[4];
    unsigned trigger_count;
    struct hw_mem_access mem_log[512];
    size_t mem_log_count;
    unsigned stalls; /* calls of hw_model_stall */
};

struct hw_model *hw_model_new(void);
void hw_model_free(struct hw_model *m);

/* Claim I/O ports or MMIO bytes [first, first+count) with a behaviour. */
void hw_model_io(struct hw_model *m, uint16_t first, uint32_t count, enum hw_span_kind kind);
void hw_model_mem(struct hw_model *m, uint64_t first, uint32_t count, enum hw_span_kind kind);

/* Claim the PM1 event/control blocks, PM timer and GPE blocks the FADT's raw
 * 32-bit fields name (status halves W1C, enable halves RAM), and SMI_CMD. */
void hw_model_fadt(struct hw_model *m, const struct acpi_fadt *fadt);

struct hw_trigger *hw_model_trigger(struct hw_model *m, bool mem, uint64_t write_addr,
                                    uint32_t mask, uint32_t match, uint64_t target,
                                    uint8_t bit, uint32_t delay);

/* 16-bit little-endian peek/poke of the backing bytes (no logging). */
uint16_t hw_model_get16(const struct hw_model *m, uint16_t port);
void hw_model_set16(struct hw_model *m, uint16_t port, uint16_t value);

/* A struct acpi_hw_wait whose stall counts its calls in m->stalls. */
struct acpi_hw_wait hw_model_wait(struct hw_model *m, uint32_t max_polls);

/* Assert that log entry i is exactly this port access (width in bytes). */
void hw_model_expect(const struct hw_model *m, size_t i, uint16_t port, unsigned width,
                     bool is_write, uint32_t value);

/* A QEMU fixture's FADT (tables/FACP.dat of fixtures/qemu/<config>). */
struct acpi_fadt hw_model_qemu_fadt(const char *config);

/* A model with the registers of that fixture's FADT claimed (hw_model_fadt);
 * the FADT in *fadt. */
struct hw_model *hw_model_qemu(const char *config, struct acpi_fadt *fadt);

/* For each of the corpus's FADTs: parse it and have iasl decode it, call
 * fn with both, free. Returns the number of FADTs, or -1 when iasl is
 * missing (the caller skips). */
struct iasl_text;
typedef void (*hw_model_fadt_fn)(const char *path, const struct acpi_fadt *fadt,
                                 const struct iasl_text *text, void *ctx);
int hw_model_each_corpus_fadt(hw_model_fadt_fn fn, void *ctx);

/* The integer elements of Name (<name>, Package ...) in the fixture's
 * DSDT.dsl (ACPICA's disassembly): their count (0 when absent). */
size_t hw_model_dsl_package(const char *config, const char *name, uint64_t *out, size_t max);

/* A lock for the SCI code (acpi/sci_lock.h) that counts, knows whether it
 * is held, and fails the test on a recursive acquire or a stray release. */
struct hw_lock {
    unsigned acquired, released;
    bool held;
};
struct acpi_sci_lock hw_lock_sci(struct hw_lock *lock);

/* A FADT of full length with nothing set, for hand-made corner cases. */
struct acpi_fadt hw_model_blank_fadt(void);

#endif
