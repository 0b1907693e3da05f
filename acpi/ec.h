/* acpi/ec.h - the ACPI Embedded Controller (PNP0C09) interface (ACPI 6.5,
 * 12.2 and 12.3): a status/command register EC_SC and a data register
 * EC_DATA, byte-wide, and five commands over a 256-byte address space.
 *
 * The caller passes the two registers: from the ECDT before the namespace
 * exists (acpi_ec_init_ecdt), or from the device's _CRS later (the first I/O
 * descriptor is EC_DATA, the second EC_SC, 12.11: acpi_ec_init_io). Every
 * wait for IBF/OBF is bounded by the caller's struct acpi_hw_wait: an EC
 * that never becomes ready gives ACPI_HW_TIMEOUT, never a hang.
 *
 * For the AML layer: acpi_ec_space_access is the EmbeddedControl operation
 * region handler (byte by byte, increasing addresses, 12.3); acpi_ec_handle_gpe
 * runs the queries when the EC's GPE (ECDT GPE_BIT or _GPE) fires and hands
 * each _Qxx number to a callback. struct acpi_ec is owned by the caller.
 */
#ifndef ACPI_EC_H
#define ACPI_EC_H

#include <stdbool.h>
#include <stdint.h>

#include "acpi/ecdt.h"
#include "acpi/gas.h"
#include "acpi/hwreg.h"
#include "acpi/status.h"

/* EC_SC status bits (12.2.1, Table 12.2). */
#define ACPI_EC_STS_OBF 0x01u     /* output buffer full: EC_DATA holds a byte for the host */
#define ACPI_EC_STS_IBF 0x02u     /* input buffer full: the EC has not taken the last byte */
#define ACPI_EC_STS_CMD 0x08u     /* the last byte written was a command */
#define ACPI_EC_STS_BURST 0x10u   /* the EC is in burst mode */
#define ACPI_EC_STS_SCI_EVT 0x20u /* an event is pending: issue QR_EC */
#define ACPI_EC_STS_SMI_EVT 0x40u

/* Commands (12.3, Table 12.4). */
#define ACPI_EC_RD_EC 0x80u
#define ACPI_EC_WR_EC 0x81u
#define ACPI_EC_BE_EC 0x82u
#define ACPI_EC_BD_EC 0x83u
#define ACPI_EC_QR_EC 0x84u
#define ACPI_EC_BURST_ACK 0x90u /* 12.3.3: what BE_EC returns */

/* Queries taken per acpi_ec_handle_gpe call, so a stuck SCI_EVT ends. */
#define ACPI_EC_MAX_QUERIES 32u

struct acpi_ec {
    const struct acpi_hw_host *host;
    struct acpi_gas command; /* EC_SC */
    struct acpi_gas data;    /* EC_DATA */
    struct acpi_hw_wait wait;
    uint16_t gpe;            /* the EC's GPE number */
    bool use_burst;          /* multi-byte region accesses in burst mode */
};

/* Set up an EC over two registers (copied; accessed as bytes whatever the
 * GAS's width). Statuses: ACPI_OK; ACPI_INVALID_ARGUMENT for NULL; ACPI_BAD_ADDRESS
 * when a register's address is 0. */
ACPI_MUST_USE enum acpi_status acpi_ec_init(struct acpi_ec *ec, const struct acpi_hw_host *host,
                                            const struct acpi_gas *command,
                                            const struct acpi_gas *data, uint16_t gpe,
                                            const struct acpi_hw_wait *wait);

/* The same for two system I/O ports (the _CRS form). */
ACPI_MUST_USE enum acpi_status acpi_ec_init_io(struct acpi_ec *ec, const struct acpi_hw_host *host,
                                               uint16_t data_port, uint16_t command_port,
                                               uint16_t gpe, const struct acpi_hw_wait *wait);

/* The same from a parsed ECDT (EC_CONTROL, EC_DATA, GPE_BIT). */
ACPI_MUST_USE enum acpi_status acpi_ec_init_ecdt(struct acpi_ec *ec,
                                                 const struct acpi_hw_host *host,
                                                 const struct acpi_ecdt *ecdt,
                                                 const struct acpi_hw_wait *wait);

/* Read EC_SC. */
ACPI_MUST_USE enum acpi_status acpi_ec_status(const struct acpi_ec *ec, uint8_t *status);

/* RD_EC / WR_EC of one byte (12.3.1, 12.3.2). Statuses: ACPI_OK;
 * ACPI_HW_TIMEOUT when IBF never cleared or OBF never set; register access
 * statuses as is. */
ACPI_MUST_USE enum acpi_status acpi_ec_read(const struct acpi_ec *ec, uint8_t address,
                                            uint8_t *value);
ACPI_MUST_USE enum acpi_status acpi_ec_write(const struct acpi_ec *ec, uint8_t address,
                                             uint8_t value);

/* BE_EC / BD_EC (12.3.3, 12.3.4). BE_EC waits for the burst acknowledge
 * byte: ACPI_BAD_ENTRY when the EC answers something other than 0x90.
 * Timeouts as acpi_ec_read. */
ACPI_MUST_USE enum acpi_status acpi_ec_burst_enable(const struct acpi_ec *ec);
ACPI_MUST_USE enum acpi_status acpi_ec_burst_disable(const struct acpi_ec *ec);

/* QR_EC (12.3.5): *query is the _Qxx number, 0 when no event was pending.
 * Timeouts as acpi_ec_read. */
ACPI_MUST_USE enum acpi_status acpi_ec_query(const struct acpi_ec *ec, uint8_t *query);

/* The EmbeddedControl region handler: bit_width / 8 bytes (width 8, 16, 32
 * or 64) from address on, one RD_EC or WR_EC each in increasing address
 * order, the lowest address the least significant byte (12.3). With
 * use_burst, a multi-byte access is wrapped in BE_EC ... BD_EC. Statuses:
 * ACPI_INVALID_ARGUMENT for another width; ACPI_BAD_ADDRESS when the access
 * runs past address 0xFF; the EC statuses above (a failing byte ends the
 * access; a write may then be partly done). */
ACPI_MUST_USE enum acpi_status acpi_ec_space_access(const struct acpi_ec *ec, bool write,
                                                    uint32_t address, unsigned bit_width,
                                                    uint64_t *value);

/* Called with each non-zero query number (the AML layer runs _Qxx). */
typedef void (*acpi_ec_query_handler)(void *ctx, uint8_t query);

/* For the EC's GPE (wire it from the GPE dispatch callback when gpe_number
 * == ec->gpe; the EC's GPE has no _Lxx/_Exx, Linux treats it as an edge
 * GPE: acpi_gpe_set_trigger(gpe, ec->gpe, ACPI_GPE_EDGE)): while EC_SC shows SCI_EVT, issue QR_EC and pass each non-zero
 * number to handler; at most ACPI_EC_MAX_QUERIES. *queries (may be NULL)
 * counts the numbers passed on. Statuses as acpi_ec_query. */
ACPI_MUST_USE enum acpi_status acpi_ec_handle_gpe(const struct acpi_ec *ec,
                                                  acpi_ec_query_handler handler, void *ctx,
                                                  unsigned *queries);

#endif
