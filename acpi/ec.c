/* acpi/ec.c - Embedded Controller host interface (ACPI 6.5, 12.2, 12.3). */
#include "acpi/ec.h"

#include <stddef.h>

/* Both registers are bytes (12.2): whatever width the ECDT's GAS claims. */
static struct acpi_gas byte_gas(const struct acpi_gas *g)
{
    struct acpi_gas b = *g;
    b.bit_width = 8;
    b.bit_offset = 0;
    b.access_size = ACPI_GAS_ACCESS_BYTE;
    return b;
}

enum acpi_status acpi_ec_init(struct acpi_ec *ec, const struct acpi_hw_host *host,
                              const struct acpi_gas *command, const struct acpi_gas *data,
                              uint16_t gpe, const struct acpi_hw_wait *wait)
{
    if (ec == NULL || host == NULL || command == NULL || data == NULL || wait == NULL)
        return ACPI_INVALID_ARGUMENT;
    if (command->address == 0 || data->address == 0)
        return ACPI_BAD_ADDRESS;
    *ec = (struct acpi_ec){.host = host,
                           .command = byte_gas(command),
                           .data = byte_gas(data),
                           .wait = *wait,
                           .gpe = gpe};
    return ACPI_OK;
}

enum acpi_status acpi_ec_init_io(struct acpi_ec *ec, const struct acpi_hw_host *host,
                                 uint16_t data_port, uint16_t command_port, uint16_t gpe,
                                 const struct acpi_hw_wait *wait)
{
    struct acpi_gas cmd = {ACPI_GAS_SYSTEM_IO, 8, 0, ACPI_GAS_ACCESS_BYTE, command_port};
    struct acpi_gas dat = {ACPI_GAS_SYSTEM_IO, 8, 0, ACPI_GAS_ACCESS_BYTE, data_port};
    return acpi_ec_init(ec, host, &cmd, &dat, gpe, wait);
}

enum acpi_status acpi_ec_init_ecdt(struct acpi_ec *ec, const struct acpi_hw_host *host,
                                   const struct acpi_ecdt *ecdt, const struct acpi_hw_wait *wait)
{
    if (ecdt == NULL)
        return ACPI_INVALID_ARGUMENT;
    return acpi_ec_init(ec, host, &ecdt->ec_control, &ecdt->ec_data, ecdt->gpe_bit, wait);
}

enum acpi_status acpi_ec_status(const struct acpi_ec *ec, uint8_t *status)
{
    if (ec == NULL || status == NULL)
        return ACPI_INVALID_ARGUMENT;
    uint64_t v = 0;
    enum acpi_status st = acpi_hw_read(ec->host, &ec->command, &v);
    *status = (uint8_t)v;
    return st;
}

/* 12.2.1: the host may write EC_SC or EC_DATA only while IBF is clear. */
static enum acpi_status wait_ibf_clear(const struct acpi_ec *ec)
{
    return acpi_hw_poll(ec->host, &ec->wait, &ec->command, ACPI_EC_STS_IBF, 0, NULL);
}

/* ... and read EC_DATA only once OBF is set. */
static enum acpi_status wait_obf_set(const struct acpi_ec *ec)
{
    return acpi_hw_poll(ec->host, &ec->wait, &ec->command, ACPI_EC_STS_OBF, ACPI_EC_STS_OBF,
                        NULL);
}

static enum acpi_status put(const struct acpi_ec *ec, const struct acpi_gas *reg, uint8_t byte)
{
    enum acpi_status st = wait_ibf_clear(ec);
    return st == ACPI_OK ? acpi_hw_write(ec->host, reg, byte) : st;
}

static enum acpi_status get(const struct acpi_ec *ec, uint8_t *byte)
{
    enum acpi_status st = wait_obf_set(ec);
    if (st != ACPI_OK)
        return st;
    uint64_t v = 0;
    st = acpi_hw_read(ec->host, &ec->data, &v);
    *byte = (uint8_t)v;
    return st;
}

enum acpi_status acpi_ec_read(const struct acpi_ec *ec, uint8_t address, uint8_t *value)
{
    if (ec == NULL || value == NULL)
        return ACPI_INVALID_ARGUMENT;
    /* 12.3.1: RD_EC to EC_SC, the address to EC_DATA, the byte back in EC_DATA. */
    enum acpi_status st = put(ec, &ec->command, ACPI_EC_RD_EC);
    if (st == ACPI_OK)
        st = put(ec, &ec->data, address);
    if (st == ACPI_OK)
        st = get(ec, value);
    return st;
}

enum acpi_status acpi_ec_write(const struct acpi_ec *ec, uint8_t address, uint8_t value)
{
    if (ec == NULL)
        return ACPI_INVALID_ARGUMENT;
    /* 12.3.2: WR_EC to EC_SC, then the address and the byte to EC_DATA; the
     * write is done when the EC has taken the last byte (IBF clear). */
    enum acpi_status st = put(ec, &ec->command, ACPI_EC_WR_EC);
    if (st == ACPI_OK)
        st = put(ec, &ec->data, address);
    if (st == ACPI_OK)
        st = put(ec, &ec->data, value);
    if (st == ACPI_OK)
        st = wait_ibf_clear(ec);
    return st;
}

enum acpi_status acpi_ec_burst_enable(const struct acpi_ec *ec)
{
    if (ec == NULL)
        return ACPI_INVALID_ARGUMENT;
    uint8_t ack = 0;
    enum acpi_status st = put(ec, &ec->command, ACPI_EC_BE_EC);
    if (st == ACPI_OK)
        st = get(ec, &ack);
    if (st == ACPI_OK && ack != ACPI_EC_BURST_ACK)
        st = ACPI_BAD_ENTRY;
    return st;
}

enum acpi_status acpi_ec_burst_disable(const struct acpi_ec *ec)
{
    if (ec == NULL)
        return ACPI_INVALID_ARGUMENT;
    enum acpi_status st = put(ec, &ec->command, ACPI_EC_BD_EC);
    return st == ACPI_OK ? wait_ibf_clear(ec) : st;
}

enum acpi_status acpi_ec_query(const struct acpi_ec *ec, uint8_t *query)
{
    if (ec == NULL || query == NULL)
        return ACPI_INVALID_ARGUMENT;
    /* 12.3.5: QR_EC to EC_SC; the EC clears SCI_EVT and returns the number. */
    enum acpi_status st = put(ec, &ec->command, ACPI_EC_QR_EC);
    return st == ACPI_OK ? get(ec, query) : st;
}

enum acpi_status acpi_ec_space_access(const struct acpi_ec *ec, bool write, uint32_t address,
                                      unsigned bit_width, uint64_t *value)
{
    if (ec == NULL || value == NULL ||
        (bit_width != 8 && bit_width != 16 && bit_width != 32 && bit_width != 64))
        return ACPI_INVALID_ARGUMENT;
    unsigned bytes = bit_width / 8;
    if (address > 0x100u - bytes)
        return ACPI_BAD_ADDRESS;
    bool burst = ec->use_burst && bytes > 1;
    enum acpi_status st = burst ? acpi_ec_burst_enable(ec) : ACPI_OK;
    if (st != ACPI_OK)
        return st;
    uint64_t result = 0;
    for (unsigned i = 0; i < bytes && st == ACPI_OK; i++) {
        uint8_t a = (uint8_t)(address + i);
        if (write) {
            st = acpi_ec_write(ec, a, (uint8_t)(*value >> (8 * i)));
        } else {
            uint8_t b = 0;
            st = acpi_ec_read(ec, a, &b);
            result |= (uint64_t)b << (8 * i);
        }
    }
    if (burst) {
        /* Leave burst mode even after a failed byte. */
        enum acpi_status st2 = acpi_ec_burst_disable(ec);
        if (st == ACPI_OK)
            st = st2;
    }
    if (st == ACPI_OK && !write)
        *value = result;
    return st;
}

enum acpi_status acpi_ec_handle_gpe(const struct acpi_ec *ec, acpi_ec_query_handler handler,
                                    void *ctx, unsigned *queries)
{
    if (queries != NULL)
        *queries = 0;
    if (ec == NULL)
        return ACPI_INVALID_ARGUMENT;
    for (unsigned n = 0; n < ACPI_EC_MAX_QUERIES; n++) {
        uint8_t sts = 0;
        enum acpi_status st = acpi_ec_status(ec, &sts);
        if (st != ACPI_OK || !(sts & ACPI_EC_STS_SCI_EVT))
            return st;
        uint8_t q = 0;
        st = acpi_ec_query(ec, &q);
        if (st != ACPI_OK)
            return st;
        if (q == 0)
            return ACPI_OK; /* 12.3.5: nothing was outstanding after all */
        if (handler != NULL)
            handler(ctx, q);
        if (queries != NULL)
            (*queries)++;
    }
    return ACPI_OK;
}
