/* acpi/fadt.h - Fixed ACPI Description Table, signature "FACP" (ACPI 6.5,
 * 5.2.9), every field of revisions 1 to 6.5.
 *
 * Older firmware ships shorter FADTs (116 bytes in ACPI 1.0, 129 in some 2.0
 * tables, 244 in 3.0/4.0, 268 in 5.0): a field whose end lies beyond the
 * table's Length is absent, is never read, and is 0 in struct acpi_fadt.
 * acpi_fadt_has() says whether a field is present.
 */
#ifndef ACPI_FADT_H
#define ACPI_FADT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/gas.h"
#include "acpi/sdt.h"
#include "acpi/status.h"

/* Byte offsets of the fields (ACPI 6.5, Table 5.9), for acpi_fadt_has(). */
enum acpi_fadt_offset {
    ACPI_FADT_FIRMWARE_CTRL = 36,
    ACPI_FADT_DSDT = 40,
    ACPI_FADT_INT_MODEL = 44, /* ACPI 1.0 only; reserved since 2.0 */
    ACPI_FADT_PREFERRED_PM_PROFILE = 45,
    ACPI_FADT_SCI_INT = 46,
    ACPI_FADT_SMI_CMD = 48,
    ACPI_FADT_ACPI_ENABLE = 52,
    ACPI_FADT_ACPI_DISABLE = 53,
    ACPI_FADT_S4BIOS_REQ = 54,
    ACPI_FADT_PSTATE_CNT = 55,
    ACPI_FADT_PM1A_EVT_BLK = 56,
    ACPI_FADT_PM1B_EVT_BLK = 60,
    ACPI_FADT_PM1A_CNT_BLK = 64,
    ACPI_FADT_PM1B_CNT_BLK = 68,
    ACPI_FADT_PM2_CNT_BLK = 72,
    ACPI_FADT_PM_TMR_BLK = 76,
    ACPI_FADT_GPE0_BLK = 80,
    ACPI_FADT_GPE1_BLK = 84,
    ACPI_FADT_PM1_EVT_LEN = 88,
    ACPI_FADT_PM1_CNT_LEN = 89,
    ACPI_FADT_PM2_CNT_LEN = 90,
    ACPI_FADT_PM_TMR_LEN = 91,
    ACPI_FADT_GPE0_BLK_LEN = 92,
    ACPI_FADT_GPE1_BLK_LEN = 93,
    ACPI_FADT_GPE1_BASE = 94,
    ACPI_FADT_CST_CNT = 95,
    ACPI_FADT_P_LVL2_LAT = 96,
    ACPI_FADT_P_LVL3_LAT = 98,
    ACPI_FADT_FLUSH_SIZE = 100,
    ACPI_FADT_FLUSH_STRIDE = 102,
    ACPI_FADT_DUTY_OFFSET = 104,
    ACPI_FADT_DUTY_WIDTH = 105,
    ACPI_FADT_DAY_ALRM = 106,
    ACPI_FADT_MON_ALRM = 107,
    ACPI_FADT_CENTURY = 108,
    ACPI_FADT_IAPC_BOOT_ARCH = 109,
    ACPI_FADT_FLAGS = 112,
    ACPI_FADT_RESET_REG = 116,
    ACPI_FADT_RESET_VALUE = 128,
    ACPI_FADT_ARM_BOOT_ARCH = 129,
    ACPI_FADT_MINOR_VERSION = 131,
    ACPI_FADT_X_FIRMWARE_CTRL = 132,
    ACPI_FADT_X_DSDT = 140,
    ACPI_FADT_X_PM1A_EVT_BLK = 148,
    ACPI_FADT_X_PM1B_EVT_BLK = 160,
    ACPI_FADT_X_PM1A_CNT_BLK = 172,
    ACPI_FADT_X_PM1B_CNT_BLK = 184,
    ACPI_FADT_X_PM2_CNT_BLK = 196,
    ACPI_FADT_X_PM_TMR_BLK = 208,
    ACPI_FADT_X_GPE0_BLK = 220,
    ACPI_FADT_X_GPE1_BLK = 232,
    ACPI_FADT_SLEEP_CONTROL_REG = 244,
    ACPI_FADT_SLEEP_STATUS_REG = 256,
    ACPI_FADT_HYPERVISOR_VENDOR_IDENTITY = 268,
    ACPI_FADT_LENGTH_6_5 = 276, /* full length since ACPI 6.0 */
};

/* Fixed feature flags (ACPI 6.5, Table 5.10). */
#define ACPI_FADT_WBINVD (1u << 0)
#define ACPI_FADT_WBINVD_FLUSH (1u << 1)
#define ACPI_FADT_PROC_C1 (1u << 2)
#define ACPI_FADT_P_LVL2_UP (1u << 3)
#define ACPI_FADT_PWR_BUTTON (1u << 4)
#define ACPI_FADT_SLP_BUTTON (1u << 5)
#define ACPI_FADT_FIX_RTC (1u << 6)
#define ACPI_FADT_RTC_S4 (1u << 7)
#define ACPI_FADT_TMR_VAL_EXT (1u << 8)
#define ACPI_FADT_DCK_CAP (1u << 9)
#define ACPI_FADT_RESET_REG_SUP (1u << 10)
#define ACPI_FADT_SEALED_CASE (1u << 11)
#define ACPI_FADT_HEADLESS (1u << 12)
#define ACPI_FADT_CPU_SW_SLP (1u << 13)
#define ACPI_FADT_PCI_EXP_WAK (1u << 14)
#define ACPI_FADT_USE_PLATFORM_CLOCK (1u << 15)
#define ACPI_FADT_S4_RTC_STS_VALID (1u << 16)
#define ACPI_FADT_REMOTE_POWER_ON_CAPABLE (1u << 17)
#define ACPI_FADT_FORCE_APIC_CLUSTER_MODEL (1u << 18)
#define ACPI_FADT_FORCE_APIC_PHYSICAL_DESTINATION_MODE (1u << 19)
#define ACPI_FADT_HW_REDUCED_ACPI (1u << 20)
#define ACPI_FADT_LOW_POWER_S0_IDLE_CAPABLE (1u << 21)
#define ACPI_FADT_PERSISTENT_CPU_CACHES_MASK (3u << 22) /* ACPI 6.5 */

/* IA-PC boot architecture flags (ACPI 6.5, Table 5.11). */
#define ACPI_IAPC_LEGACY_DEVICES (1u << 0)
#define ACPI_IAPC_8042 (1u << 1)
#define ACPI_IAPC_VGA_NOT_PRESENT (1u << 2)
#define ACPI_IAPC_MSI_NOT_SUPPORTED (1u << 3)
#define ACPI_IAPC_PCIE_ASPM_CONTROLS (1u << 4)
#define ACPI_IAPC_CMOS_RTC_NOT_PRESENT (1u << 5)

/* ARM boot architecture flags (ACPI 6.5, Table 5.12). */
#define ACPI_ARM_PSCI_COMPLIANT (1u << 0)
#define ACPI_ARM_PSCI_USE_HVC (1u << 1)

/* Preferred_PM_Profile values (ACPI 6.5, Table 5.9). */
enum acpi_pm_profile {
    ACPI_PM_UNSPECIFIED = 0,
    ACPI_PM_DESKTOP = 1,
    ACPI_PM_MOBILE = 2,
    ACPI_PM_WORKSTATION = 3,
    ACPI_PM_ENTERPRISE_SERVER = 4,
    ACPI_PM_SOHO_SERVER = 5,
    ACPI_PM_APPLIANCE_PC = 6,
    ACPI_PM_PERFORMANCE_SERVER = 7,
    ACPI_PM_TABLET = 8,
};

/* Every FADT field, raw (no 32/64-bit reconciliation); absent fields are 0. */
struct acpi_fadt {
    struct acpi_sdt header;
    uint32_t length; /* = header.length: fields ending beyond it are absent */
    uint32_t firmware_ctrl;
    uint32_t dsdt;
    uint8_t int_model;
    uint8_t preferred_pm_profile;
    uint16_t sci_int;
    uint32_t smi_cmd;
    uint8_t acpi_enable;
    uint8_t acpi_disable;
    uint8_t s4bios_req;
    uint8_t pstate_cnt;
    uint32_t pm1a_evt_blk;
    uint32_t pm1b_evt_blk;
    uint32_t pm1a_cnt_blk;
    uint32_t pm1b_cnt_blk;
    uint32_t pm2_cnt_blk;
    uint32_t pm_tmr_blk;
    uint32_t gpe0_blk;
    uint32_t gpe1_blk;
    uint8_t pm1_evt_len;
    uint8_t pm1_cnt_len;
    uint8_t pm2_cnt_len;
    uint8_t pm_tmr_len;
    uint8_t gpe0_blk_len;
    uint8_t gpe1_blk_len;
    uint8_t gpe1_base;
    uint8_t cst_cnt;
    uint16_t p_lvl2_lat;
    uint16_t p_lvl3_lat;
    uint16_t flush_size;
    uint16_t flush_stride;
    uint8_t duty_offset;
    uint8_t duty_width;
    uint8_t day_alrm;
    uint8_t mon_alrm;
    uint8_t century;
    uint16_t iapc_boot_arch;
    uint32_t flags;
    struct acpi_gas reset_reg;
    uint8_t reset_value;
    uint16_t arm_boot_arch;
    uint8_t minor_version;
    uint64_t x_firmware_ctrl;
    uint64_t x_dsdt;
    struct acpi_gas x_pm1a_evt_blk;
    struct acpi_gas x_pm1b_evt_blk;
    struct acpi_gas x_pm1a_cnt_blk;
    struct acpi_gas x_pm1b_cnt_blk;
    struct acpi_gas x_pm2_cnt_blk;
    struct acpi_gas x_pm_tmr_blk;
    struct acpi_gas x_gpe0_blk;
    struct acpi_gas x_gpe1_blk;
    struct acpi_gas sleep_control_reg;
    struct acpi_gas sleep_status_reg;
    uint64_t hypervisor_vendor_identity;
};

/* Parse the FADT in buf (len readable bytes; the table's Length must fit).
 * The checksum is recorded in header.checksum_ok, not enforced (validate with
 * acpi_sdt_validate first for a strict policy). Statuses: ACPI_TRUNCATED,
 * ACPI_BAD_LENGTH (Length < 116, the ACPI 1.0 size), ACPI_BAD_SIGNATURE. */
ACPI_MUST_USE enum acpi_status acpi_fadt_parse(const void *buf, size_t len,
                                               struct acpi_fadt *out);

/* True when the field at `offset` (enum acpi_fadt_offset) of `size` bytes
 * lies within the table. */
bool acpi_fadt_has(const struct acpi_fadt *fadt, enum acpi_fadt_offset offset, size_t size);

/* The fixed registers with a 32-bit block and an X_ GAS form. */
enum acpi_fadt_register {
    ACPI_FADT_REG_PM1A_EVT,
    ACPI_FADT_REG_PM1B_EVT,
    ACPI_FADT_REG_PM1A_CNT,
    ACPI_FADT_REG_PM1B_CNT,
    ACPI_FADT_REG_PM2_CNT,
    ACPI_FADT_REG_PM_TMR,
    ACPI_FADT_REG_GPE0,
    ACPI_FADT_REG_GPE1,
};

/* The register block to use (ACPI 6.5, 5.2.9: the X_ field when present and
 * its address is non-zero, otherwise the 32-bit System I/O block with a width
 * of 8 * its _LEN field). ACPI_NOT_FOUND when the platform has none. */
ACPI_MUST_USE enum acpi_status acpi_fadt_register(const struct acpi_fadt *fadt,
                                                  enum acpi_fadt_register reg,
                                                  struct acpi_gas *out);

/* Physical address of the DSDT: X_DSDT when present and non-zero, else DSDT
 * (ACPI 6.5, Table 5.9). 0 when neither is set. */
uint64_t acpi_fadt_dsdt_address(const struct acpi_fadt *fadt);

/* Physical address of the FACS: X_FIRMWARE_CTRL when present and non-zero,
 * else FIRMWARE_CTRL. 0 when neither is set (hardware-reduced platforms). */
uint64_t acpi_fadt_facs_address(const struct acpi_fadt *fadt);

#endif
