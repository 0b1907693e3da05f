/* acpi/spcr.c - Serial Port Console Redirection table (Microsoft SPCR spec). */
#include "acpi/spcr.h"

#include "acpi/le.h"

#define OFF(f) offsetof(struct acpi_spcr_raw, f)

/* "Configured Baud Rate" codes of the SPCR specification. */
static uint32_t baud_from_code(uint8_t code)
{
    switch (code) {
    case 3: return 9600;
    case 4: return 19200;
    case 6: return 57600;
    case 7: return 115200;
    default: return 0;
    }
}

enum acpi_status acpi_spcr_parse(const void *bytes, size_t len,
                                 enum acpi_checksum_policy policy, struct acpi_spcr *out)
{
    if (out == NULL)
        return ACPI_INVALID_ARGUMENT;
    *out = (struct acpi_spcr){0};
    enum acpi_status st = acpi_sdt_validate(bytes, len, "SPCR", policy, &out->sdt);
    if (st != ACPI_OK)
        return st;
    uint32_t length = out->sdt.length;
    const uint8_t *p = out->sdt.bytes;
    if (length < ACPI_SPCR_V1_LENGTH)
        return ACPI_BAD_LENGTH;
    out->interface_type = p[OFF(interface_type)];
    st = acpi_gas_parse(p + OFF(base_address), ACPI_GAS_LENGTH, &out->base_address);
    if (st != ACPI_OK)
        return st;
    out->interrupt_type = p[OFF(interrupt_type)];
    out->irq = p[OFF(irq)];
    out->global_system_interrupt = acpi_le32(p + OFF(global_system_interrupt));
    out->configured_baud_rate = p[OFF(configured_baud_rate)];
    out->parity = p[OFF(parity)];
    out->stop_bits = p[OFF(stop_bits)];
    out->flow_control = p[OFF(flow_control)];
    out->terminal_type = p[OFF(terminal_type)];
    out->language = p[OFF(language)];
    out->pci_device_id = acpi_le16(p + OFF(pci_device_id));
    out->pci_vendor_id = acpi_le16(p + OFF(pci_vendor_id));
    out->pci_bus_number = p[OFF(pci_bus_number)];
    out->pci_device_number = p[OFF(pci_device_number)];
    out->pci_function_number = p[OFF(pci_function_number)];
    out->pci_flags = acpi_le32(p + OFF(pci_flags));
    out->pci_segment = p[OFF(pci_segment)];
    /* The UART clock field was reserved (zero) before revision 3. */
    if (out->sdt.revision >= 3)
        out->uart_clock_frequency = acpi_le32(p + OFF(uart_clock_frequency));
    if (out->sdt.revision >= 4) {
        if (length < sizeof(struct acpi_spcr_raw))
            return ACPI_BAD_LENGTH;
        out->precise_baud_rate = acpi_le32(p + OFF(precise_baud_rate));
        uint16_t slen = acpi_le16(p + OFF(namespace_string_length));
        uint16_t soff = acpi_le16(p + OFF(namespace_string_offset));
        /* The string must lie in the table after the fixed part and end in
         * a NUL within its stated length ("." when there is no device). */
        if (slen == 0 || soff < sizeof(struct acpi_spcr_raw) || soff > length ||
            slen > length - soff || p[soff + slen - 1u] != 0)
            return ACPI_BAD_ENTRY;
        out->namespace_string = (const char *)(p + soff);
        out->namespace_string_length = slen;
    }
    out->baud_rate = out->precise_baud_rate != 0 ? out->precise_baud_rate
                                                 : baud_from_code(out->configured_baud_rate);
    return ACPI_OK;
}
