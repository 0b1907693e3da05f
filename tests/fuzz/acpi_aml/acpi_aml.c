/* Fuzz harness: the AML interpreter on arbitrary bytes. The input's first
 * byte is the DefinitionBlock revision (odd: 1, 32-bit integers; even: 2),
 * the rest the AML after a 36-byte DSDT header built here, so the fuzzer
 * spends its time in the byte code. The harness loads the table, initialises
 * the namespace, then evaluates every method (at most 256) with arguments of
 * each type, on the interpreter's fake clock (no host clock: 1 ms per reading,
 * so loop timeouts end after 3000 readings) and with an arena over a static
 * buffer. Any crash, sanitizer report or hang is a finding. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "acpi/aml.h"

int fuzz_one(const uint8_t *data, size_t size);

#define ARENA_BYTES (32u << 20)
#define MAX_METHODS 256
#define MAX_TABLE (1u << 20)

static uint8_t arena[ARENA_BYTES];
static uint8_t table[MAX_TABLE + 36];
static uint8_t page[64];

static void *m_map(void *ctx, uint64_t phys, size_t len)
{
    (void)ctx;
    (void)phys;
    return len <= sizeof page ? page : NULL;
}

static void m_unmap(void *ctx, void *virt, size_t len)
{
    (void)ctx;
    (void)virt;
    (void)len;
}

static uint32_t p_in(void *ctx, uint16_t port, uint8_t width)
{
    (void)ctx;
    return (uint32_t)(port * 7u + width);
}

static void p_out(void *ctx, uint16_t port, uint8_t width, uint32_t v)
{
    (void)ctx;
    (void)port;
    (void)width;
    (void)v;
}

static uint64_t pci_in(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                       uint16_t off, uint8_t width)
{
    (void)ctx; (void)seg; (void)bus; (void)dev; (void)fn; (void)off;
    return width == 8 ? ~0ull : (1ull << (8 * width)) - 1;
}

static void pci_out(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                    uint16_t off, uint8_t width, uint64_t v)
{
    (void)ctx; (void)seg; (void)bus; (void)dev; (void)fn; (void)off; (void)width; (void)v;
}

static enum acpi_status any_space(void *ctx, const struct acpi_aml_region_access *a)
{
    (void)ctx;
    if (!a->write) {
        *a->value = a->address;
    }
    return ACPI_OK;
}

/* Results are not needed here; gcc does not accept a (void) cast for them. */
static void consume(int status)
{
    (void)status;
}

static void evaluate_all(struct acpi_aml *aml)
{
    static const char text[] = "fuzz";
    static const uint8_t bytes[4] = { 1, 2, 3, 4 };
    struct acpi_aml_value elems[2] = {
        { .type = ACPI_AML_TYPE_INTEGER, .u.integer = 1 },
        { .type = ACPI_AML_TYPE_STRING, .u.string = { text, 4 } },
    };
    struct acpi_aml_value kinds[4] = {
        { .type = ACPI_AML_TYPE_INTEGER, .u.integer = 0xFFFFFFFFFFFFFFFFull },
        { .type = ACPI_AML_TYPE_STRING, .u.string = { text, 4 } },
        { .type = ACPI_AML_TYPE_BUFFER, .u.buffer = { bytes, 4 } },
        { .type = ACPI_AML_TYPE_PACKAGE, .u.package = { elems, 2 } },
    };
    unsigned methods = 0;
    for (struct acpi_aml_node *n = acpi_aml_root(aml); n != NULL && methods < MAX_METHODS;
         n = acpi_aml_node_next(n)) {
        if (acpi_aml_node_type(n) != ACPI_AML_TYPE_METHOD) {
            continue;
        }
        methods++;
        uint8_t argc = acpi_aml_node_method_args(n);
        for (unsigned k = 0; k < 4; k++) {
            struct acpi_aml_value args[7], r;
            for (unsigned i = 0; i < argc; i++) {
                args[i] = kinds[(k + i) % 4];
            }
            if (acpi_aml_evaluate(aml, n, args, argc, &r) == ACPI_OK) {
                acpi_aml_value_release(aml, &r);
            }
        }
    }
}

int fuzz_one(const uint8_t *data, size_t size)
{
    if (size < 1 || size - 1 > MAX_TABLE) {
        return 0;
    }
    size_t len = 36 + size - 1;
    memset(table, 0, 36);
    memcpy(table, "DSDT", 4);
    table[4] = (uint8_t)len;
    table[5] = (uint8_t)(len >> 8);
    table[6] = (uint8_t)(len >> 16);
    table[7] = (uint8_t)(len >> 24);
    table[8] = (data[0] & 1) != 0 ? 1 : 2;
    memcpy(table + 10, "OSDEV FUZZTABL", 14);
    memcpy(table + 36, data + 1, size - 1);

    struct acpi_aml_memory mem;
    if (acpi_aml_arena_init(arena, sizeof arena, &mem) != ACPI_OK) {
        abort();
    }
    const struct acpi_aml_host host = {
        .map = m_map, .unmap = m_unmap, .port_read = p_in, .port_write = p_out,
        .pci_read = pci_in, .pci_write = pci_out,
    };
    struct acpi_aml *aml;
    if (acpi_aml_create(&host, &mem, &aml) != ACPI_OK) {
        abort();
    }
    /* Short limits keep each input fast; they are the same code paths. */
    acpi_aml_limits(aml)->loop_timeout_s = 1;
    acpi_aml_limits(aml)->max_object_bytes = 1u << 20;
    consume(acpi_aml_install_region_handler(aml, NULL, ACPI_AML_SPACE_EMBEDDED_CONTROL,
                                            any_space, NULL));
    consume(acpi_aml_load_table(aml, table, len));
    struct acpi_aml_init_counts counts;
    consume(acpi_aml_initialize(aml, &counts));
    evaluate_all(aml);
    /* Every path fits its reported length. */
    char path[64];
    for (struct acpi_aml_node *n = acpi_aml_root(aml); n != NULL; n = acpi_aml_node_next(n)) {
        size_t need = acpi_aml_node_path(n, path, sizeof path);
        if (need < sizeof path && strlen(path) != need) {
            abort();
        }
    }
    acpi_aml_destroy(aml);
    return 0;
}
