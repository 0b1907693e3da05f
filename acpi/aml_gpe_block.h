/* acpi/aml_gpe_block.h - GPE block devices (ACPI 6.5, 9.10): a device with
 * _HID or _CID "ACPI0006" whose _CRS gives the register block of GPEs beyond
 * the FADT's GPE0/GPE1, and optionally the interrupt it is wired to.
 *
 * 9.10: the block is one I/O range (or a memory range when the registers
 * are memory-mapped), laid out as a FADT block (4.8.4.1): the status
 * registers, then as many enable registers, one byte each; its GPEs are
 * numbered from 0 in the block and their methods (_Lxx, _Exx) are children
 * of the block device, not of \_GPE. With no interrupt descriptor the block
 * signals through the SCI. An ACPI0006 device with no _CRS stands for the
 * FADT's blocks ("OSPM assumes that the first such ACPI0006 device is the
 * GPE Block Device that is associated with the FADT GPEs"), so a _PRW or EC
 * _GPE package naming it names a FADT GPE.
 *
 * The dispatch of these GPEs is in acpi/aml_events.h; this header decodes. */
#ifndef ACPI_AML_GPE_BLOCK_H
#define ACPI_AML_GPE_BLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/aml.h"
#include "acpi/gas.h"
#include "acpi/status.h"

struct acpi_aml_gpe_block_info {
    const struct acpi_aml_node *device;
    struct acpi_gas address;  /* the first status byte: System I/O or System Memory */
    uint32_t length;          /* bytes of the block, both halves (saturated) */
    bool has_interrupt;       /* false: the block signals through the SCI */
    uint32_t interrupt;       /* IRQ (IRQ descriptor) or GSI (Extended Interrupt) */
    bool edge_triggered;
    bool active_low;
};

/* Decode a GPE block device's _CRS bytes: the first I/O, Fixed I/O, Memory24,
 * Memory32, Fixed Memory32, Generic Register (length: its bit width / 8) or
 * memory / I/O address space descriptor (its minimum and length) is the
 * block; the first IRQ (lowest IRQ of its mask) or Extended Interrupt (its
 * first interrupt) descriptor, if any, its interrupt. device is left NULL.
 * Statuses: ACPI_OK; ACPI_BAD_ENTRY when no register range is given, it is
 * empty, or an interrupt descriptor lists no interrupt; the resource
 * decoder's status for malformed bytes. */
ACPI_MUST_USE enum acpi_status acpi_aml_gpe_block_decode(const uint8_t *crs, size_t len,
                                                         struct acpi_aml_gpe_block_info *out);

/* Evaluate `device`'s _CRS and decode it. Statuses: those of the decoder;
 * ACPI_NOT_FOUND when the device has no _CRS (the FADT's stand-in);
 * evaluation statuses. */
ACPI_MUST_USE enum acpi_status acpi_aml_gpe_block_get(struct acpi_aml *aml,
                                                      const struct acpi_aml_node *device,
                                                      struct acpi_aml_gpe_block_info *out);

#endif
