/* Resource descriptors (ACPI 6.5, 6.4):
 * - every descriptor type, compiled from ASL by ACPICA's iasl at test time and
 *   compared with the values the ASL states;
 * - every static _CRS/_PRS template of the QEMU DSDTs against the fixtures'
 *   DSDT.dsl (ACPICA's decoding);
 * - every static _CRS/_PRS template of the corpus DSDTs/SSDTs walks to its End Tag;
 * - Clock Input and CSI-2 (newer than iasl 20200925) hand-assembled; evil streams. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "acpi/resource.h"
#include "iasl_text.h"
#include "support.h"

/* ---- finding Name (_CRS|_PRS, Buffer (...) {...}) in AML (ACPI 6.5, 20.2) ---- */

typedef void (*template_fn)(const uint8_t *bytes, size_t len, void *ctx);

/* Calls fn for each buffer; returns how many were found. */
static int each_template(const uint8_t *aml, size_t len, template_fn fn, void *ctx)
{
    int found = 0;
    for (size_t i = 0; i + 8 < len; i++) {
        /* NameOp (0x08), NameSeg, BufferOp (0x11) */
        if (aml[i] != 0x08 || aml[i + 5] != 0x11 ||
            (memcmp(aml + i + 1, "_CRS", 4) != 0 && memcmp(aml + i + 1, "_PRS", 4) != 0))
            continue;
        size_t q = i + 6;
        /* PkgLength (20.2.4): bits 7:6 of the lead byte count the extra bytes. */
        unsigned extra = aml[q] >> 6;
        size_t pkg = extra ? (aml[q] & 0x0Fu) : (aml[q] & 0x3Fu);
        for (unsigned k = 0; k < extra; k++)
            pkg |= (size_t)aml[q + 1 + k] << (4 + 8 * k);
        size_t end = q + pkg, d = q + 1 + extra;
        /* BufferSize: BytePrefix, WordPrefix, DWordPrefix or a one-byte constant. */
        d += aml[d] == 0x0A ? 2 : aml[d] == 0x0B ? 3 : aml[d] == 0x0C ? 5 : 1;
        if (end > len || d > end)
            continue;
        fn(aml + d, end - d, ctx);
        found++;
    }
    return found;
}

/* ---- one descriptor at a time ---- */

static struct acpi_resource next_of(struct acpi_resource_iter *it, enum acpi_resource_type type)
{
    struct acpi_resource r;
    assert_int_equal(acpi_resource_next(it, &r), ACPI_OK);
    assert_int_equal(r.type, type);
    return r;
}

static void assert_string(struct acpi_resource_string s, const char *want)
{
    assert_int_equal(s.length, strlen(want));
    assert_memory_equal(s.chars, want, s.length);
}

static const char every_descriptor_asl[] =
    "DefinitionBlock (\"\", \"SSDT\", 2, \"OSDEV\", \"RESOURCE\", 1)\n{\n"
    " Name (_CRS, ResourceTemplate ()\n {\n"
    "  IRQ (Edge, ActiveLow, Shared, ) {3,4}\n"
    "  IRQNoFlags () {1}\n"
    "  DMA (Compatibility, BusMaster, Transfer8_16, ) {2}\n"
    "  StartDependentFn (1, 2) { IO (Decode16, 0x03F8, 0x03F8, 0x08, 0x08, ) }\n"
    "  StartDependentFnNoPri () { FixedIO (0x0060, 0x01, ) }\n"
    "  EndDependentFn ()\n"
    "  FixedDMA (0x0010, 0x0003, Width32bit, )\n"
    "  VendorShort () {0x01, 0x02, 0x03}\n"
    "  Memory24 (ReadWrite, 0x0D00, 0x0E00, 0x0100, 0x0080, )\n"
    "  Register (SystemIO, 0x08, 0x00, 0x0000000000000CF9, 0x01, )\n"
    "  VendorLong () {0x11, 0x22, 0x33}\n"
    "  Memory32 (ReadOnly, 0xFEC00000, 0xFEC0F000, 0x00001000, 0x00001000, )\n"
    "  Memory32Fixed (ReadWrite, 0xFED00000, 0x00000400, )\n"
    "  WordBusNumber (ResourceProducer, MinFixed, MaxFixed, PosDecode, 0x0000, 0x0000,"
    " 0x00FF, 0x0000, 0x0100, 0x02, \"\\\\_SB.PCI0\", )\n"
    "  DWordIO (ResourceProducer, MinFixed, MaxFixed, PosDecode, EntireRange, 0x00000000,"
    " 0x00000D00, 0x0000FFFF, 0x00000000, 0x0000F300, , , , TypeStatic, DenseTranslation)\n"
    "  QWordMemory (ResourceProducer, PosDecode, MinFixed, MaxFixed, Cacheable, ReadWrite,"
    " 0x0, 0x100000000, 0x17FFFFFFF, 0x0, 0x80000000, , , , AddressRangeMemory, TypeStatic)\n"
    "  ExtendedMemory (ResourceProducer, PosDecode, MinFixed, MaxFixed, Cacheable, ReadWrite,"
    " 0x0, 0x200000000, 0x2FFFFFFFF, 0x0, 0x100000000, 0x1234, , AddressRangeMemory, TypeStatic)\n"
    "  Interrupt (ResourceConsumer, Edge, ActiveLow, Exclusive, 0x07, \"\\\\_SB.GPIO\", )"
    " {0x20, 0x21}\n"
    "  GpioInt (Edge, ActiveHigh, Exclusive, PullUp, 0x0064, \"\\\\_SB.GPO0\", 0x00,"
    " ResourceConsumer, , ) {0x0012}\n"
    "  GpioIo (Shared, PullDown, 0x0000, 0x0BB8, IoRestrictionOutputOnly, \"\\\\_SB.GPO1\","
    " 0x00, ResourceConsumer, , RawDataBuffer (0x02) {0xAA, 0xBB}) {0x0007, 0x0008}\n"
    "  I2cSerialBusV2 (0x0050, ControllerInitiated, 0x00061A80, AddressingMode7Bit,"
    " \"\\\\_SB.I2C1\", 0x00, ResourceConsumer, , Exclusive, )\n"
    "  SpiSerialBusV2 (0x0001, PolarityLow, FourWireMode, 0x08, ControllerInitiated,"
    " 0x007A1200, ClockPolarityLow, ClockPhaseFirst, \"\\\\_SB.SPI1\", 0x00,"
    " ResourceConsumer, , Exclusive, )\n"
    "  UartSerialBusV2 (0x0001C200, DataBitsEight, StopBitsOne, 0xC0, LittleEndian,"
    " ParityTypeNone, FlowControlNone, 0x0040, 0x0020, \"\\\\_SB.URT1\", 0x00,"
    " ResourceConsumer, , Exclusive, )\n"
    "  PinFunction (Exclusive, PullUp, 0x0005, \"\\\\_SB.GPO0\", 0x00, ResourceConsumer, , )"
    " {0x0001, 0x0002}\n"
    "  PinConfig (Exclusive, 0x01, 0x00002710, \"\\\\_SB.GPO0\", 0x00, ResourceConsumer, , )"
    " {0x0003}\n"
    "  PinGroup (\"grp1\", ResourceProducer, , ) {0x0004, 0x0005}\n"
    "  PinGroupFunction (Exclusive, 0x0006, \"\\\\_SB.GPO0\", 0x00, \"grp1\","
    " ResourceConsumer, , )\n"
    "  PinGroupConfig (Exclusive, 0x02, 0x00000064, \"\\\\_SB.GPO0\", 0x00, \"grp1\","
    " ResourceConsumer, , )\n"
    " })\n}\n";

static void check_every_descriptor(const uint8_t *bytes, size_t len, void *ctx)
{
    int *checked = ctx;
    struct acpi_resource_iter it;
    struct acpi_resource r;
    acpi_resource_iter_init(&it, bytes, len);
    /* Expected values: the ASL above and the flag bits of ACPI 6.5 6.4. */
    r = next_of(&it, ACPI_RESOURCE_IRQ);
    assert_int_equal(r.u.irq.mask, (1u << 3) | (1u << 4));
    assert_true(r.u.irq.has_information);
    assert_true(r.u.irq.edge_triggered && r.u.irq.active_low && r.u.irq.shared);
    r = next_of(&it, ACPI_RESOURCE_IRQ);
    assert_int_equal(r.u.irq.mask, 1u << 1);
    assert_false(r.u.irq.has_information);
    assert_true(r.u.irq.edge_triggered && !r.u.irq.active_low && !r.u.irq.shared);
    r = next_of(&it, ACPI_RESOURCE_DMA);
    assert_int_equal(r.u.dma.channel_mask, 1u << 2);
    assert_int_equal(r.u.dma.flags, 0x05); /* bus master (bit 2), transfer 8/16 (01) */
    r = next_of(&it, ACPI_RESOURCE_START_DEPENDENT);
    assert_true(r.u.start_dependent.has_priority);
    assert_int_equal(r.u.start_dependent.priority, 1 | (2 << 2));
    r = next_of(&it, ACPI_RESOURCE_IO);
    assert_int_equal(r.u.io.information, 1);
    assert_int_equal(r.u.io.minimum, 0x3F8);
    assert_int_equal(r.u.io.maximum, 0x3F8);
    assert_int_equal(r.u.io.alignment, 8);
    assert_int_equal(r.u.io.length, 8);
    r = next_of(&it, ACPI_RESOURCE_START_DEPENDENT);
    assert_false(r.u.start_dependent.has_priority);
    r = next_of(&it, ACPI_RESOURCE_FIXED_IO);
    assert_int_equal(r.u.fixed_io.base, 0x60);
    assert_int_equal(r.u.fixed_io.length, 1);
    next_of(&it, ACPI_RESOURCE_END_DEPENDENT);
    r = next_of(&it, ACPI_RESOURCE_FIXED_DMA);
    assert_int_equal(r.u.fixed_dma.request_line, 0x10);
    assert_int_equal(r.u.fixed_dma.channel, 3);
    assert_int_equal(r.u.fixed_dma.transfer_width, 2); /* Width32bit */
    r = next_of(&it, ACPI_RESOURCE_VENDOR_SMALL);
    assert_int_equal(r.u.vendor.length, 3);
    assert_memory_equal(r.u.vendor.data, "\x01\x02\x03", 3);
    r = next_of(&it, ACPI_RESOURCE_MEMORY24);
    assert_int_equal(r.u.memory24.information, 1);
    assert_int_equal(r.u.memory24.minimum, 0xD0000);
    assert_int_equal(r.u.memory24.maximum, 0xE0000);
    assert_int_equal(r.u.memory24.alignment, 0x100);
    assert_int_equal(r.u.memory24.length, 0x8000);
    r = next_of(&it, ACPI_RESOURCE_GENERIC_REGISTER);
    assert_int_equal(r.u.generic_register.space_id, ACPI_GAS_SYSTEM_IO);
    assert_int_equal(r.u.generic_register.bit_width, 8);
    assert_int_equal(r.u.generic_register.address, 0xCF9);
    assert_int_equal(r.u.generic_register.access_size, 1);
    r = next_of(&it, ACPI_RESOURCE_VENDOR_LARGE);
    assert_int_equal(r.u.vendor.length, 3);
    assert_false(r.u.vendor.has_uuid);
    r = next_of(&it, ACPI_RESOURCE_MEMORY32);
    assert_int_equal(r.u.memory32.information, 0);
    assert_int_equal(r.u.memory32.minimum, 0xFEC00000);
    assert_int_equal(r.u.memory32.maximum, 0xFEC0F000);
    assert_int_equal(r.u.memory32.alignment, 0x1000);
    assert_int_equal(r.u.memory32.length, 0x1000);
    r = next_of(&it, ACPI_RESOURCE_FIXED_MEMORY32);
    assert_int_equal(r.u.fixed_memory32.information, 1);
    assert_int_equal(r.u.fixed_memory32.base, 0xFED00000);
    assert_int_equal(r.u.fixed_memory32.length, 0x400);
    r = next_of(&it, ACPI_RESOURCE_ADDRESS16);
    assert_int_equal(r.u.address.resource_type, ACPI_RESOURCE_ADDRESS_BUS_NUMBER);
    assert_int_equal(r.u.address.general_flags, 0x0C); /* producer, min+max fixed */
    assert_int_equal(r.u.address.maximum, 0xFF);
    assert_int_equal(r.u.address.length, 0x100);
    assert_true(r.u.address.source.present);
    assert_int_equal(r.u.address.source.index, 2);
    assert_string(r.u.address.source.name, "\\_SB.PCI0");
    r = next_of(&it, ACPI_RESOURCE_ADDRESS32);
    assert_int_equal(r.u.address.resource_type, ACPI_RESOURCE_ADDRESS_IO);
    assert_int_equal(r.u.address.type_specific_flags, 3); /* EntireRange */
    assert_int_equal(r.u.address.minimum, 0xD00);
    assert_int_equal(r.u.address.maximum, 0xFFFF);
    assert_int_equal(r.u.address.length, 0xF300);
    assert_false(r.u.address.source.present);
    r = next_of(&it, ACPI_RESOURCE_ADDRESS64);
    assert_int_equal(r.u.address.resource_type, ACPI_RESOURCE_ADDRESS_MEMORY);
    assert_int_equal(r.u.address.minimum, 0x100000000ull);
    assert_int_equal(r.u.address.maximum, 0x17FFFFFFFull);
    assert_int_equal(r.u.address.length, 0x80000000ull);
    assert_int_equal(r.u.address.type_specific_flags & 0x1E, 0x02); /* cacheable, RW */
    r = next_of(&it, ACPI_RESOURCE_EXTENDED_ADDRESS);
    assert_int_equal(r.u.address.revision_id, 1);
    assert_int_equal(r.u.address.minimum, 0x200000000ull);
    assert_int_equal(r.u.address.length, 0x100000000ull);
    assert_int_equal(r.u.address.type_specific_attribute, 0x1234);
    r = next_of(&it, ACPI_RESOURCE_EXTENDED_IRQ);
    assert_int_equal(r.u.extended_irq.flags, 0x01 | 0x02 | 0x04); /* consumer, edge, low */
    assert_int_equal(r.u.extended_irq.interrupts.count, 2);
    assert_int_equal(acpi_resource_u32_at(&r.u.extended_irq.interrupts, 1), 0x21);
    assert_int_equal(r.u.extended_irq.source.index, 7);
    assert_string(r.u.extended_irq.source.name, "\\_SB.GPIO");
    r = next_of(&it, ACPI_RESOURCE_GPIO);
    assert_int_equal(r.u.gpio.connection_type, 0); /* interrupt */
    assert_int_equal(r.u.gpio.pin_configuration, 1); /* PullUp */
    assert_int_equal(r.u.gpio.debounce_timeout, 0x64);
    assert_int_equal(r.u.gpio.pins.count, 1);
    assert_int_equal(acpi_resource_u16_at(&r.u.gpio.pins, 0), 0x12);
    assert_string(r.u.gpio.source.name, "\\_SB.GPO0");
    assert_int_equal(r.u.gpio.vendor.count, 0);
    r = next_of(&it, ACPI_RESOURCE_GPIO);
    assert_int_equal(r.u.gpio.connection_type, 1); /* I/O */
    assert_int_equal(r.u.gpio.pin_configuration, 2); /* PullDown */
    assert_int_equal(r.u.gpio.output_drive_strength, 0xBB8);
    assert_int_equal(r.u.gpio.interrupt_io_flags & 3, 2); /* output only */
    assert_int_equal(r.u.gpio.pins.count, 2);
    assert_int_equal(acpi_resource_u16_at(&r.u.gpio.pins, 1), 8);
    assert_string(r.u.gpio.source.name, "\\_SB.GPO1");
    assert_int_equal(r.u.gpio.vendor.count, 2);
    assert_memory_equal(r.u.gpio.vendor.bytes, "\xAA\xBB", 2);
    r = next_of(&it, ACPI_RESOURCE_SERIAL_BUS);
    assert_int_equal(r.u.serial_bus.serial_bus_type, ACPI_RESOURCE_SERIAL_I2C);
    assert_int_equal(r.u.serial_bus.slave_address, 0x50);
    assert_int_equal(r.u.serial_bus.connection_speed, 400000);
    assert_string(r.u.serial_bus.source.name, "\\_SB.I2C1");
    r = next_of(&it, ACPI_RESOURCE_SERIAL_BUS);
    assert_int_equal(r.u.serial_bus.serial_bus_type, ACPI_RESOURCE_SERIAL_SPI);
    assert_int_equal(r.u.serial_bus.connection_speed, 8000000);
    assert_int_equal(r.u.serial_bus.data_bit_length, 8);
    assert_int_equal(r.u.serial_bus.device_selection, 1);
    assert_string(r.u.serial_bus.source.name, "\\_SB.SPI1");
    r = next_of(&it, ACPI_RESOURCE_SERIAL_BUS);
    assert_int_equal(r.u.serial_bus.serial_bus_type, ACPI_RESOURCE_SERIAL_UART);
    assert_int_equal(r.u.serial_bus.connection_speed, 115200);
    assert_int_equal(r.u.serial_bus.rx_fifo_size, 0x40);
    assert_int_equal(r.u.serial_bus.tx_fifo_size, 0x20);
    assert_int_equal(r.u.serial_bus.serial_lines_enabled, 0xC0);
    assert_string(r.u.serial_bus.source.name, "\\_SB.URT1");
    r = next_of(&it, ACPI_RESOURCE_PIN_FUNCTION);
    assert_int_equal(r.u.pin_function.function_number, 5);
    assert_int_equal(r.u.pin_function.pin_pull_configuration, 1);
    assert_int_equal(r.u.pin_function.pins.count, 2);
    assert_int_equal(acpi_resource_u16_at(&r.u.pin_function.pins, 1), 2);
    assert_string(r.u.pin_function.source.name, "\\_SB.GPO0");
    r = next_of(&it, ACPI_RESOURCE_PIN_CONFIGURATION);
    assert_int_equal(r.u.pin_configuration.pin_configuration_type, 1);
    assert_int_equal(r.u.pin_configuration.pin_configuration_value, 10000);
    assert_int_equal(r.u.pin_configuration.pins.count, 1);
    r = next_of(&it, ACPI_RESOURCE_PIN_GROUP);
    assert_int_equal(r.u.pin_group.pins.count, 2);
    assert_int_equal(acpi_resource_u16_at(&r.u.pin_group.pins, 0), 4);
    assert_string(r.u.pin_group.label, "grp1");
    r = next_of(&it, ACPI_RESOURCE_PIN_GROUP_FUNCTION);
    assert_int_equal(r.u.pin_group_function.function_number, 6);
    assert_string(r.u.pin_group_function.source.name, "\\_SB.GPO0");
    assert_string(r.u.pin_group_function.label, "grp1");
    r = next_of(&it, ACPI_RESOURCE_PIN_GROUP_CONFIGURATION);
    assert_int_equal(r.u.pin_group_function.pin_configuration_type, 2);
    assert_int_equal(r.u.pin_group_function.pin_configuration_value, 100);
    assert_string(r.u.pin_group_function.label, "grp1");
    r = next_of(&it, ACPI_RESOURCE_END_TAG);
    assert_true(r.u.end_tag.checksum_ok);
    assert_int_equal(acpi_resource_next(&it, &r), ACPI_END);
    (*checked)++;
}

static void every_descriptor_compiled_by_iasl(void **state)
{
    (void)state;
    if (!iasl_available())
        skip();
    char dir[] = "/tmp/osdev-res-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char asl[128], aml[128], cmd[300];
    snprintf(asl, sizeof asl, "%s/res.asl", dir);
    snprintf(aml, sizeof aml, "%s/res.aml", dir);
    FILE *f = fopen(asl, "w");
    assert_non_null(f);
    fputs(every_descriptor_asl, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "cd %s && iasl res.asl >/dev/null 2>&1", dir);
    assert_int_equal(system(cmd), 0);
    uint8_t *bytes;
    size_t len;
    assert_int_equal(support_read_file(aml, &bytes, &len), 0);
    int checked = 0;
    assert_int_equal(each_template(bytes, len, check_every_descriptor, &checked), 1);
    assert_int_equal(checked, 1);
    free(bytes);
    unlink(aml);
    unlink(asl);
    rmdir(dir);
}

/* ---- the QEMU DSDTs against ACPICA's decoding ---- */

/* One descriptor as ACPICA's disassembler wrote it in DSDT.dsl. */
struct dsl_item {
    char macro[32];   /* "IO", "Interrupt", "QWordMemory" ... */
    char args[256];   /* the keywords on the macro's first line */
    char text[512];   /* every line of the item, joined */
    uint64_t nums[8]; /* hexadecimal operands, in order */
    size_t n;
    uint64_t list[32]; /* IRQ / DMA / interrupt lists */
    size_t nlist;
};

struct dsl_template {
    struct dsl_item items[48];
    size_t count;
};

/* Every Name (_CRS|_PRS, ResourceTemplate () {...}) block, in file order. */
static size_t parse_dsl_templates(const char *path, struct dsl_template *out, size_t max)
{
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[512];
    size_t count = 0;
    struct dsl_template *t = NULL;
    struct dsl_item *item = NULL;
    int in_list = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        char *s = line;
        while (*s == ' ')
            s++;
        if (t == NULL) {
            if ((strncmp(s, "Name (_CRS, ResourceTemplate", 28) == 0 ||
                 strncmp(s, "Name (_PRS, ResourceTemplate", 28) == 0) && count < max) {
                t = &out[count++];
                memset(t, 0, sizeof *t);
                item = NULL;
            }
            continue;
        }
        if (strncmp(s, "})", 2) == 0) {
            t = NULL;
            continue;
        }
        if (s[0] >= 'A' && s[0] <= 'Z' && strchr(s, '(') != NULL) {
            assert_true(t->count < 48);
            item = &t->items[t->count++];
            memset(item, 0, sizeof *item);
            size_t n = strcspn(s, " (");
            snprintf(item->macro, sizeof item->macro, "%.*s", (int)n, s);
            snprintf(item->args, sizeof item->args, "%s", s + n);
            snprintf(item->text, sizeof item->text, "%s", s + n);
            in_list = 0;
            continue;
        }
        if (item == NULL)
            continue;
        size_t used = strlen(item->text);
        snprintf(item->text + used, sizeof item->text - used, "%s", s);
        if (s[0] == '{' && s[1] != '\n' && s[1] != ' ') {
            /* "{1}" or "{5,9,10,11}": decimal IRQ / DMA numbers */
            for (char *p = s + 1; *p && *p != '}';) {
                item->list[item->nlist++] = strtoull(p, &p, 10);
                if (*p == ',')
                    p++;
            }
        } else if (s[0] == '{') {
            in_list = 1;
        } else if (s[0] == '}') {
            in_list = 0;
        } else if (s[0] == '0' && s[1] == 'x') {
            uint64_t v = strtoull(s, NULL, 16);
            if (in_list)
                item->list[item->nlist++] = v;
            else if (item->n < 8)
                item->nums[item->n++] = v;
        }
    }
    fclose(f);
    return count;
}

static int has(const struct dsl_item *item, const char *word)
{
    return strstr(item->args, word) != NULL;
}

/* The ResourceSource string ACPICA printed ("\\_SB.GPIO" in the text) equals ours. */
static void check_source_name(const struct dsl_item *d, struct acpi_resource_string name)
{
    const char *q = strchr(d->text, '"');
    assert_non_null(q);
    char want[128];
    size_t n = 0;
    for (const char *p = q + 1; *p && *p != '"' && n + 1 < sizeof want; p++) {
        if (p[0] == '\\' && p[1] == '\\')
            p++; /* ASL escapes the backslash */
        want[n++] = *p;
    }
    want[n] = 0;
    assert_int_equal(name.length, n);
    assert_memory_equal(name.chars, want, n);
}

struct qemu_walk {
    struct dsl_template *templates;
    size_t count, next;
    int descriptors;
};

static void compare_with_dsl(const uint8_t *bytes, size_t len, void *ctx)
{
    struct qemu_walk *w = ctx;
    assert_true(w->next < w->count);
    const struct dsl_template *t = &w->templates[w->next++];
    struct acpi_resource_iter it;
    struct acpi_resource r;
    acpi_resource_iter_init(&it, bytes, len);
    for (size_t i = 0; i < t->count; i++) {
        const struct dsl_item *d = &t->items[i];
        assert_int_equal(acpi_resource_next(&it, &r), ACPI_OK);
        if (strcmp(d->macro, "IO") == 0) {
            assert_int_equal(r.type, ACPI_RESOURCE_IO);
            assert_int_equal(r.u.io.information & 1, has(d, "Decode16"));
            assert_int_equal(r.u.io.minimum, d->nums[0]);
            assert_int_equal(r.u.io.maximum, d->nums[1]);
            assert_int_equal(r.u.io.alignment, d->nums[2]);
            assert_int_equal(r.u.io.length, d->nums[3]);
        } else if (strcmp(d->macro, "IRQNoFlags") == 0 || strcmp(d->macro, "IRQ") == 0) {
            assert_int_equal(r.type, ACPI_RESOURCE_IRQ);
            assert_int_equal(r.u.irq.has_information, strcmp(d->macro, "IRQ") == 0);
            if (r.u.irq.has_information) {
                assert_int_equal(r.u.irq.edge_triggered, has(d, "Edge"));
                assert_int_equal(r.u.irq.active_low, has(d, "ActiveLow"));
                assert_int_equal(r.u.irq.shared, has(d, "Shared"));
            }
            uint16_t mask = 0;
            for (size_t k = 0; k < d->nlist; k++)
                mask |= (uint16_t)(1u << d->list[k]);
            assert_int_equal(r.u.irq.mask, mask);
        } else if (strcmp(d->macro, "DMA") == 0) {
            assert_int_equal(r.type, ACPI_RESOURCE_DMA);
            uint8_t mask = 0;
            for (size_t k = 0; k < d->nlist; k++)
                mask |= (uint8_t)(1u << d->list[k]);
            assert_int_equal(r.u.dma.channel_mask, mask);
            assert_int_equal((r.u.dma.flags >> 2) & 1, !has(d, "NotBusMaster"));
        } else if (strcmp(d->macro, "Interrupt") == 0) {
            assert_int_equal(r.type, ACPI_RESOURCE_EXTENDED_IRQ);
            /* 6.4.3.6 flags: consumer bit 0, edge bit 1, active low bit 2, shared bit 3 */
            assert_int_equal(r.u.extended_irq.flags & 1, has(d, "ResourceConsumer"));
            assert_int_equal((r.u.extended_irq.flags >> 1) & 1, has(d, "Edge"));
            assert_int_equal((r.u.extended_irq.flags >> 2) & 1, has(d, "ActiveLow"));
            assert_int_equal((r.u.extended_irq.flags >> 3) & 1, has(d, "Shared"));
            assert_int_equal(r.u.extended_irq.interrupts.count, d->nlist);
            for (size_t k = 0; k < d->nlist; k++)
                assert_int_equal(acpi_resource_u32_at(&r.u.extended_irq.interrupts, k), d->list[k]);
        } else if (strcmp(d->macro, "Memory32Fixed") == 0) {
            assert_int_equal(r.type, ACPI_RESOURCE_FIXED_MEMORY32);
            assert_int_equal(r.u.fixed_memory32.information & 1, has(d, "ReadWrite"));
            assert_int_equal(r.u.fixed_memory32.base, d->nums[0]);
            assert_int_equal(r.u.fixed_memory32.length, d->nums[1]);
        } else if (strncmp(d->macro, "StartDependentFn", 16) == 0) {
            assert_int_equal(r.type, ACPI_RESOURCE_START_DEPENDENT);
            assert_int_equal(r.u.start_dependent.has_priority,
                             strcmp(d->macro, "StartDependentFn") == 0);
        } else if (strcmp(d->macro, "EndDependentFn") == 0) {
            assert_int_equal(r.type, ACPI_RESOURCE_END_DEPENDENT);
        } else if (strcmp(d->macro, "FixedIO") == 0) {
            assert_int_equal(r.type, ACPI_RESOURCE_FIXED_IO);
            assert_int_equal(r.u.fixed_io.base, d->nums[0]);
            assert_int_equal(r.u.fixed_io.length, d->nums[1]);
        } else if (strcmp(d->macro, "FixedDMA") == 0) {
            assert_int_equal(r.type, ACPI_RESOURCE_FIXED_DMA);
            /* FixedDMA (request line, channel, width, ) on one line */
            char *p = strchr(d->args, '(') + 1;
            assert_int_equal(r.u.fixed_dma.request_line, strtoul(p, &p, 16));
            assert_int_equal(r.u.fixed_dma.channel, strtoul(p + 1, NULL, 16));
        } else if (strcmp(d->macro, "Memory32") == 0) {
            assert_int_equal(r.type, ACPI_RESOURCE_MEMORY32);
            assert_int_equal(r.u.memory32.minimum, d->nums[0]);
            assert_int_equal(r.u.memory32.maximum, d->nums[1]);
            assert_int_equal(r.u.memory32.alignment, d->nums[2]);
            assert_int_equal(r.u.memory32.length, d->nums[3]);
        } else if (strcmp(d->macro, "Register") == 0) {
            assert_int_equal(r.type, ACPI_RESOURCE_GENERIC_REGISTER);
            assert_int_equal(r.u.generic_register.address, d->nums[2]);
        } else if (strcmp(d->macro, "VendorShort") == 0 || strcmp(d->macro, "VendorLong") == 0) {
            assert_int_equal(r.type, d->macro[6] == 'S' ? ACPI_RESOURCE_VENDOR_SMALL
                                                        : ACPI_RESOURCE_VENDOR_LARGE);
        } else if (strcmp(d->macro, "GpioInt") == 0 || strcmp(d->macro, "GpioIo") == 0) {
            assert_int_equal(r.type, ACPI_RESOURCE_GPIO);
            assert_int_equal(r.u.gpio.connection_type, d->macro[4] == 'I' && d->macro[5] == 'n' ? 0 : 1);
            assert_int_equal(r.u.gpio.pins.count, d->nlist);
            for (size_t k = 0; k < d->nlist; k++)
                assert_int_equal(acpi_resource_u16_at(&r.u.gpio.pins, k), d->list[k]);
            check_source_name(d, r.u.gpio.source.name);
        } else if (strstr(d->macro, "SerialBus") != NULL) {
            assert_int_equal(r.type, ACPI_RESOURCE_SERIAL_BUS);
            uint8_t bus = d->macro[0] == 'I' ? ACPI_RESOURCE_SERIAL_I2C
                          : d->macro[0] == 'S' ? ACPI_RESOURCE_SERIAL_SPI
                                               : ACPI_RESOURCE_SERIAL_UART;
            assert_int_equal(r.u.serial_bus.serial_bus_type, bus);
            /* The first operand: I2C slave address, SPI device selection,
             * UART initial baud rate. */
            uint64_t first = strtoull(strchr(d->args, '(') + 1, NULL, 16);
            assert_int_equal(bus == ACPI_RESOURCE_SERIAL_I2C   ? r.u.serial_bus.slave_address
                             : bus == ACPI_RESOURCE_SERIAL_SPI ? r.u.serial_bus.device_selection
                                                               : r.u.serial_bus.connection_speed,
                             first);
            check_source_name(d, r.u.serial_bus.source.name);
        } else {
            /* Word/DWord/QWord address spaces: five operands in spec order. */
            const char *size = strncmp(d->macro, "QWord", 5) == 0   ? "QWord"
                               : strncmp(d->macro, "DWord", 5) == 0 ? "DWord"
                               : strncmp(d->macro, "Word", 4) == 0  ? "Word"
                                                                    : NULL;
            if (size == NULL)
                fail_msg("descriptor %s not expected in QEMU's DSDT", d->macro);
            enum acpi_resource_type type = size[0] == 'Q'   ? ACPI_RESOURCE_ADDRESS64
                                           : size[0] == 'D' ? ACPI_RESOURCE_ADDRESS32
                                                            : ACPI_RESOURCE_ADDRESS16;
            assert_int_equal(r.type, type);
            const char *space = d->macro + strlen(size);
            uint8_t want = strcmp(space, "Memory") == 0 ? ACPI_RESOURCE_ADDRESS_MEMORY
                           : strcmp(space, "IO") == 0   ? ACPI_RESOURCE_ADDRESS_IO
                                                        : ACPI_RESOURCE_ADDRESS_BUS_NUMBER;
            assert_int_equal(r.u.address.resource_type, want);
            assert_int_equal(r.u.address.general_flags & 1, has(d, "ResourceConsumer"));
            assert_int_equal((r.u.address.general_flags >> 2) & 1, has(d, "MinFixed"));
            assert_int_equal((r.u.address.general_flags >> 3) & 1, has(d, "MaxFixed"));
            assert_true(d->n >= 5);
            assert_int_equal(r.u.address.granularity, d->nums[0]);
            assert_int_equal(r.u.address.minimum, d->nums[1]);
            assert_int_equal(r.u.address.maximum, d->nums[2]);
            assert_int_equal(r.u.address.translation_offset, d->nums[3]);
            assert_int_equal(r.u.address.length, d->nums[4]);
        }
        w->descriptors++;
    }
    assert_int_equal(acpi_resource_next(&it, &r), ACPI_OK);
    assert_int_equal(r.type, ACPI_RESOURCE_END_TAG);
    assert_int_equal(acpi_resource_next(&it, &r), ACPI_END);
}

static void qemu_templates_match_dsl(void **state)
{
    (void)state;
    static const char *const configs[] = {"i440fx-seabios", "q35-seabios", "q35-ovmf",
                                          "i440fx-seabios-nohpet"};
    static struct dsl_template templates[64];
    for (size_t c = 0; c < sizeof configs / sizeof configs[0]; c++) {
        char rel[256];
        snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/DSDT.dsl", configs[c]);
        struct qemu_walk w = {templates, 0, 0, 0};
        w.count = parse_dsl_templates(support_path(rel), templates, 64);
        assert_true(w.count > 10);
        snprintf(rel, sizeof rel, "fixtures/qemu/%s/tables/DSDT.dat", configs[c]);
        uint8_t *aml;
        size_t len;
        assert_int_equal(support_read_file(support_path(rel), &aml, &len), 0);
        /* As many templates in the bytes as ACPICA printed, each equal. */
        assert_int_equal(each_template(aml, len, compare_with_dsl, &w), (int)w.count);
        assert_int_equal(w.next, w.count);
        assert_true(w.descriptors >= (int)w.count);
        free(aml);
    }
}

/* ---- the corpus DSDTs against ACPICA's disassembly of them ---- */

struct dsdt_walk {
    int files, templates, descriptors;
};

static void compare_dsdt(const char *path, const uint8_t *bytes, size_t len, void *ctx)
{
    struct dsdt_walk *dw = ctx;
    char dir[] = "/tmp/osdev-dsdt-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char dat[128], dsl[128], cmd[300];
    snprintf(dat, sizeof dat, "%s/dsdt.dat", dir);
    snprintf(dsl, sizeof dsl, "%s/dsdt.dsl", dir);
    FILE *f = fopen(dat, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(bytes, 1, len, f), len);
    fclose(f);
    snprintf(cmd, sizeof cmd, "cd %s && iasl -d dsdt.dat >/dev/null 2>&1", dir);
    if (system(cmd) != 0)
        fail_msg("iasl could not disassemble %s", path);
    static struct dsl_template templates[256];
    struct qemu_walk w = {templates, 0, 0, 0};
    w.count = parse_dsl_templates(dsl, templates, 256);
    assert_int_equal(each_template(bytes, len, compare_with_dsl, &w), (int)w.count);
    dw->files++;
    dw->templates += (int)w.count;
    dw->descriptors += w.descriptors;
    unlink(dsl);
    unlink(dat);
    rmdir(dir);
}

static void corpus_dsdt_templates_match_acpica(void **state)
{
    (void)state;
    if (!iasl_available())
        skip();
    struct dsdt_walk dw = {0};
    assert_true(corpus_each_table("dsdt", compare_dsdt, &dw) >= 40);
    /* ACPICA prints as many static _CRS/_PRS templates as the bytes hold (504). */
    assert_true(dw.templates >= 500);
    assert_true(dw.descriptors > dw.templates);
}

/* ---- every static template of the corpus ---- */

struct corpus_walk {
    int templates, descriptors;
    const char *path;
};

static void walk_to_end(const uint8_t *bytes, size_t len, void *ctx)
{
    struct corpus_walk *w = ctx;
    struct acpi_resource_iter it;
    struct acpi_resource r;
    acpi_resource_iter_init(&it, bytes, len);
    while (acpi_resource_next(&it, &r) == ACPI_OK) {
        if (r.type == ACPI_RESOURCE_RESERVED)
            fail_msg("%s: reserved item 0x%x at %u", w->path, r.name, r.offset);
        if (r.type == ACPI_RESOURCE_END_TAG && !r.u.end_tag.checksum_ok)
            fail_msg("%s: End Tag checksum", w->path);
        w->descriptors++;
    }
    if (it.status != ACPI_END)
        fail_msg("%s: %s at offset %zu of a %zu-byte template", w->path,
                 acpi_status_str(it.status), it.offset, len);
    w->templates++;
}

static void walk_file(const char *path, const uint8_t *bytes, size_t len, void *ctx)
{
    struct corpus_walk *w = ctx;
    w->path = path;
    each_template(bytes, len, walk_to_end, w);
}

static void corpus_templates_walk_to_end_tag(void **state)
{
    (void)state;
    struct corpus_walk w = {0};
    assert_true(corpus_each_table("dsdt", walk_file, &w) >= 40);
    assert_true(corpus_each_table("ssdt", walk_file, &w) > 100);
    /* The count of static _CRS/_PRS buffers in the corpus (by the AML pattern). */
    assert_true(w.templates >= 500);
    assert_true(w.descriptors > w.templates);
}

/* ---- descriptors newer than iasl 20200925, hand-assembled from ACPI 6.5 ---- */

static void clock_input_and_csi2(void **state)
{
    (void)state;
    /* 6.4.3.14 Clock Input: revision 1, flags 0x0001 (fixed), divisor 2,
     * numerator 24000000, resource source index 0 and "\CLK0". */
    static const uint8_t clock[] = {0x93, 15, 0, 1, 0x01, 0, 2, 0, 0x00, 0x36, 0x6E, 0x01,
                                    0, '\\', 'C', 'L', 'K', '0', 0, 0x79, 0};
    struct acpi_resource_iter it;
    struct acpi_resource r;
    acpi_resource_iter_init(&it, clock, sizeof clock - 2);
    r = next_of(&it, ACPI_RESOURCE_CLOCK_INPUT);
    assert_int_equal(r.u.clock_input.flags, 1);
    assert_int_equal(r.u.clock_input.frequency_divisor, 2);
    assert_int_equal(r.u.clock_input.frequency_numerator, 24000000);
    assert_string(r.u.clock_input.source.name, "\\CLK0");
    /* 6.4.3.8.2.4 CSI-2: serial bus type 4, no type data, source "\CSI". */
    static const uint8_t csi2[] = {0x8E, 14, 0, 1, 0, 4, 0, 0x05, 0, 1, 0, 0,
                                   '\\', 'C', 'S', 'I', 0, 0x79, 0};
    acpi_resource_iter_init(&it, csi2, sizeof csi2);
    r = next_of(&it, ACPI_RESOURCE_SERIAL_BUS);
    assert_int_equal(r.u.serial_bus.serial_bus_type, ACPI_RESOURCE_SERIAL_CSI2);
    assert_int_equal(r.u.serial_bus.type_specific_flags, 5);
    assert_int_equal(r.u.serial_bus.type_data.count, 0);
    assert_string(r.u.serial_bus.source.name, "\\CSI");
    r = next_of(&it, ACPI_RESOURCE_END_TAG);
    assert_int_equal(acpi_resource_next(&it, &r), ACPI_END);
}

/* ---- evil streams ---- */

static enum acpi_status final_status(const uint8_t *bytes, size_t len)
{
    struct acpi_resource_iter it;
    struct acpi_resource r;
    acpi_resource_iter_init(&it, bytes, len);
    int guard = 0;
    while (acpi_resource_next(&it, &r) == ACPI_OK)
        assert_true(++guard < 1000); /* always terminates */
    struct acpi_resource again;
    assert_int_equal(acpi_resource_next(&it, &again), it.status); /* sticky */
    return it.status;
}

static void evil_streams(void **state)
{
    (void)state;
    /* Empty, and no End Tag. */
    assert_int_equal(final_status((const uint8_t *)"", 0), ACPI_TRUNCATED);
    static const uint8_t no_end[] = {0x22, 0x02, 0x00};
    assert_int_equal(final_status(no_end, sizeof no_end), ACPI_TRUNCATED);
    /* A small item running past the buffer. */
    static const uint8_t io_cut[] = {0x47, 0x01, 0xF8, 0x03};
    assert_int_equal(final_status(io_cut, sizeof io_cut), ACPI_TRUNCATED);
    /* A large item's length past the buffer, and a header cut in two. */
    static const uint8_t big[] = {0x86, 0xFF, 0xFF, 0, 0, 0, 0, 0x79, 0};
    assert_int_equal(final_status(big, sizeof big), ACPI_TRUNCATED);
    static const uint8_t cut_header[] = {0x86, 0x09};
    assert_int_equal(final_status(cut_header, sizeof cut_header), ACPI_TRUNCATED);
    /* Wrong sizes for fixed items: IRQ with 1 byte, IO with 6, End Tag with 0. */
    static const uint8_t irq1[] = {0x21, 0x02, 0x79, 0};
    assert_int_equal(final_status(irq1, sizeof irq1), ACPI_BAD_ENTRY);
    static const uint8_t io6[] = {0x46, 1, 0, 0, 0, 0, 1, 0x79, 0};
    assert_int_equal(final_status(io6, sizeof io6), ACPI_BAD_ENTRY);
    static const uint8_t end0[] = {0x78};
    assert_int_equal(final_status(end0, sizeof end0), ACPI_BAD_ENTRY);
    /* Memory32Fixed one byte short. */
    static const uint8_t fixed8[] = {0x86, 8, 0, 1, 0, 0, 0xD0, 0xFE, 0, 4, 0, 0x79, 0};
    assert_int_equal(final_status(fixed8, sizeof fixed8), ACPI_BAD_ENTRY);
    /* Extended IRQ: zero count, and a count beyond the descriptor. */
    static const uint8_t xirq0[] = {0x89, 6, 0, 1, 0, 5, 0, 0, 0, 0x79, 0};
    assert_int_equal(final_status(xirq0, sizeof xirq0), ACPI_BAD_ENTRY);
    static const uint8_t xirq9[] = {0x89, 6, 0, 1, 9, 5, 0, 0, 0, 0x79, 0};
    assert_int_equal(final_status(xirq9, sizeof xirq9), ACPI_BAD_ENTRY);
    /* Serial bus whose type data length exceeds the descriptor, and an I2C
     * descriptor without its 6 bytes of type data. */
    static const uint8_t sb_long[] = {0x8E, 9, 0, 2, 0, 1, 0, 0, 0, 1, 0xFF, 0, 0x79, 0};
    assert_int_equal(final_status(sb_long, sizeof sb_long), ACPI_BAD_ENTRY);
    static const uint8_t i2c_short[] = {0x8E, 9, 0, 2, 0, 1, 0, 0, 0, 1, 0, 0, 0x79, 0};
    assert_int_equal(final_status(i2c_short, sizeof i2c_short), ACPI_BAD_ENTRY);
    /* GPIO: pin table offset inside the fixed part, past the end, odd pin bytes,
     * vendor data past the end. */
    uint8_t gpio[] = {0x8C, 24, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 23, 0,
                      0, 25, 0, 27, 0, 0, 0, 7, 0, 'A', 0, 0x79, 0};
    assert_int_equal(final_status(gpio, sizeof gpio), ACPI_END);
    gpio[14] = 10;
    assert_int_equal(final_status(gpio, sizeof gpio), ACPI_BAD_ENTRY);
    gpio[14] = 24;
    assert_int_equal(final_status(gpio, sizeof gpio), ACPI_BAD_ENTRY);
    gpio[14] = 23, gpio[17] = 60;
    assert_int_equal(final_status(gpio, sizeof gpio), ACPI_BAD_ENTRY);
    gpio[17] = 25, gpio[21] = 4;
    assert_int_equal(final_status(gpio, sizeof gpio), ACPI_BAD_ENTRY);
    gpio[21] = 0;
    assert_int_equal(final_status(gpio, sizeof gpio), ACPI_END);
    /* Reserved item names are handed over by length, not refused. */
    static const uint8_t reserved[] = {0x59, 0xAA, 0x83, 1, 0, 0xBB, 0x79, 0};
    struct acpi_resource_iter it;
    struct acpi_resource r;
    acpi_resource_iter_init(&it, reserved, sizeof reserved);
    r = next_of(&it, ACPI_RESOURCE_RESERVED);
    assert_int_equal(r.name, 0x0B);
    r = next_of(&it, ACPI_RESOURCE_RESERVED);
    assert_true(r.large);
    assert_int_equal(r.name, 0x03);
    next_of(&it, ACPI_RESOURCE_END_TAG);
    /* End Tag checksum: zero means "not computed"; otherwise the whole
     * template sums to zero (6.4.2.9). */
    static const uint8_t good_sum[] = {0x22, 0x02, 0x00, 0x79, 0x63};
    acpi_resource_iter_init(&it, good_sum, sizeof good_sum);
    next_of(&it, ACPI_RESOURCE_IRQ);
    r = next_of(&it, ACPI_RESOURCE_END_TAG);
    assert_true(r.u.end_tag.checksum_ok);
    static const uint8_t bad_sum[] = {0x22, 0x02, 0x00, 0x79, 0x64};
    acpi_resource_iter_init(&it, bad_sum, sizeof bad_sum);
    next_of(&it, ACPI_RESOURCE_IRQ);
    r = next_of(&it, ACPI_RESOURCE_END_TAG);
    assert_false(r.u.end_tag.checksum_ok);
    /* Bytes after the End Tag are not looked at. */
    static const uint8_t trailing[] = {0x79, 0x00, 0xFF, 0xFF};
    assert_int_equal(final_status(trailing, sizeof trailing), ACPI_END);
    assert_string_equal(acpi_resource_type_str(ACPI_RESOURCE_ADDRESS64), "QWordSpace");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_descriptor_compiled_by_iasl),
        cmocka_unit_test(qemu_templates_match_dsl),
        cmocka_unit_test(corpus_dsdt_templates_match_acpica),
        cmocka_unit_test(corpus_templates_walk_to_end_tag),
        cmocka_unit_test(clock_input_and_csi2),
        cmocka_unit_test(evil_streams),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
