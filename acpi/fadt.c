/* acpi/fadt.c - Fixed ACPI Description Table (ACPI 6.5, 5.2.9, Table 5.9). */
#include "acpi/fadt.h"

#include "acpi/le.h"

/* The ACPI 1.0 FADT ends after Flags. */
#define FADT_MIN_LENGTH 116u

bool acpi_fadt_has(const struct acpi_fadt *fadt, enum acpi_fadt_offset offset, size_t size)
{
    return (size_t)offset + size <= fadt->length;
}

/* Readers that leave the field 0 when it lies beyond the table. */
static uint8_t u8_at(const struct acpi_fadt *f, const uint8_t *p, enum acpi_fadt_offset off)
{
    return acpi_fadt_has(f, off, 1) ? p[off] : 0;
}

static uint16_t u16_at(const struct acpi_fadt *f, const uint8_t *p, enum acpi_fadt_offset off)
{
    return acpi_fadt_has(f, off, 2) ? acpi_le16(p + off) : 0;
}

static uint32_t u32_at(const struct acpi_fadt *f, const uint8_t *p, enum acpi_fadt_offset off)
{
    return acpi_fadt_has(f, off, 4) ? acpi_le32(p + off) : 0;
}

static uint64_t u64_at(const struct acpi_fadt *f, const uint8_t *p, enum acpi_fadt_offset off)
{
    return acpi_fadt_has(f, off, 8) ? acpi_le64(p + off) : 0;
}

static struct acpi_gas gas_at(const struct acpi_fadt *f, const uint8_t *p,
                              enum acpi_fadt_offset off)
{
    struct acpi_gas gas = {0, 0, 0, 0, 0};
    if (acpi_fadt_has(f, off, ACPI_GAS_LENGTH) &&
        acpi_gas_parse(p + off, ACPI_GAS_LENGTH, &gas) != ACPI_OK)
        gas.address = 0;
    return gas;
}

enum acpi_status acpi_fadt_parse(const void *buf, size_t len, struct acpi_fadt *out)
{
    if (buf == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    struct acpi_fadt f = {0};
    enum acpi_status st = acpi_sdt_validate(buf, len, "FACP", ACPI_CHECKSUM_ACCEPT, &f.header);
    if (st != ACPI_OK)
        return st;
    if (f.header.length < FADT_MIN_LENGTH)
        return ACPI_BAD_LENGTH;
    const uint8_t *p = buf;
    f.length = f.header.length;
    f.firmware_ctrl = u32_at(&f, p, ACPI_FADT_FIRMWARE_CTRL);
    f.dsdt = u32_at(&f, p, ACPI_FADT_DSDT);
    f.int_model = u8_at(&f, p, ACPI_FADT_INT_MODEL);
    f.preferred_pm_profile = u8_at(&f, p, ACPI_FADT_PREFERRED_PM_PROFILE);
    f.sci_int = u16_at(&f, p, ACPI_FADT_SCI_INT);
    f.smi_cmd = u32_at(&f, p, ACPI_FADT_SMI_CMD);
    f.acpi_enable = u8_at(&f, p, ACPI_FADT_ACPI_ENABLE);
    f.acpi_disable = u8_at(&f, p, ACPI_FADT_ACPI_DISABLE);
    f.s4bios_req = u8_at(&f, p, ACPI_FADT_S4BIOS_REQ);
    f.pstate_cnt = u8_at(&f, p, ACPI_FADT_PSTATE_CNT);
    f.pm1a_evt_blk = u32_at(&f, p, ACPI_FADT_PM1A_EVT_BLK);
    f.pm1b_evt_blk = u32_at(&f, p, ACPI_FADT_PM1B_EVT_BLK);
    f.pm1a_cnt_blk = u32_at(&f, p, ACPI_FADT_PM1A_CNT_BLK);
    f.pm1b_cnt_blk = u32_at(&f, p, ACPI_FADT_PM1B_CNT_BLK);
    f.pm2_cnt_blk = u32_at(&f, p, ACPI_FADT_PM2_CNT_BLK);
    f.pm_tmr_blk = u32_at(&f, p, ACPI_FADT_PM_TMR_BLK);
    f.gpe0_blk = u32_at(&f, p, ACPI_FADT_GPE0_BLK);
    f.gpe1_blk = u32_at(&f, p, ACPI_FADT_GPE1_BLK);
    f.pm1_evt_len = u8_at(&f, p, ACPI_FADT_PM1_EVT_LEN);
    f.pm1_cnt_len = u8_at(&f, p, ACPI_FADT_PM1_CNT_LEN);
    f.pm2_cnt_len = u8_at(&f, p, ACPI_FADT_PM2_CNT_LEN);
    f.pm_tmr_len = u8_at(&f, p, ACPI_FADT_PM_TMR_LEN);
    f.gpe0_blk_len = u8_at(&f, p, ACPI_FADT_GPE0_BLK_LEN);
    f.gpe1_blk_len = u8_at(&f, p, ACPI_FADT_GPE1_BLK_LEN);
    f.gpe1_base = u8_at(&f, p, ACPI_FADT_GPE1_BASE);
    f.cst_cnt = u8_at(&f, p, ACPI_FADT_CST_CNT);
    f.p_lvl2_lat = u16_at(&f, p, ACPI_FADT_P_LVL2_LAT);
    f.p_lvl3_lat = u16_at(&f, p, ACPI_FADT_P_LVL3_LAT);
    f.flush_size = u16_at(&f, p, ACPI_FADT_FLUSH_SIZE);
    f.flush_stride = u16_at(&f, p, ACPI_FADT_FLUSH_STRIDE);
    f.duty_offset = u8_at(&f, p, ACPI_FADT_DUTY_OFFSET);
    f.duty_width = u8_at(&f, p, ACPI_FADT_DUTY_WIDTH);
    f.day_alrm = u8_at(&f, p, ACPI_FADT_DAY_ALRM);
    f.mon_alrm = u8_at(&f, p, ACPI_FADT_MON_ALRM);
    f.century = u8_at(&f, p, ACPI_FADT_CENTURY);
    f.iapc_boot_arch = u16_at(&f, p, ACPI_FADT_IAPC_BOOT_ARCH);
    f.flags = u32_at(&f, p, ACPI_FADT_FLAGS);
    f.reset_reg = gas_at(&f, p, ACPI_FADT_RESET_REG);
    f.reset_value = u8_at(&f, p, ACPI_FADT_RESET_VALUE);
    f.arm_boot_arch = u16_at(&f, p, ACPI_FADT_ARM_BOOT_ARCH);
    f.minor_version = u8_at(&f, p, ACPI_FADT_MINOR_VERSION);
    f.x_firmware_ctrl = u64_at(&f, p, ACPI_FADT_X_FIRMWARE_CTRL);
    f.x_dsdt = u64_at(&f, p, ACPI_FADT_X_DSDT);
    f.x_pm1a_evt_blk = gas_at(&f, p, ACPI_FADT_X_PM1A_EVT_BLK);
    f.x_pm1b_evt_blk = gas_at(&f, p, ACPI_FADT_X_PM1B_EVT_BLK);
    f.x_pm1a_cnt_blk = gas_at(&f, p, ACPI_FADT_X_PM1A_CNT_BLK);
    f.x_pm1b_cnt_blk = gas_at(&f, p, ACPI_FADT_X_PM1B_CNT_BLK);
    f.x_pm2_cnt_blk = gas_at(&f, p, ACPI_FADT_X_PM2_CNT_BLK);
    f.x_pm_tmr_blk = gas_at(&f, p, ACPI_FADT_X_PM_TMR_BLK);
    f.x_gpe0_blk = gas_at(&f, p, ACPI_FADT_X_GPE0_BLK);
    f.x_gpe1_blk = gas_at(&f, p, ACPI_FADT_X_GPE1_BLK);
    f.sleep_control_reg = gas_at(&f, p, ACPI_FADT_SLEEP_CONTROL_REG);
    f.sleep_status_reg = gas_at(&f, p, ACPI_FADT_SLEEP_STATUS_REG);
    f.hypervisor_vendor_identity = u64_at(&f, p, ACPI_FADT_HYPERVISOR_VENDOR_IDENTITY);
    *out = f;
    return ACPI_OK;
}

enum acpi_status acpi_fadt_register(const struct acpi_fadt *fadt, enum acpi_fadt_register reg,
                                    struct acpi_gas *out)
{
    if (fadt == NULL || out == NULL)
        return ACPI_INVALID_ARGUMENT;
    const struct acpi_gas *x;
    enum acpi_fadt_offset x_off;
    uint32_t block;
    uint8_t block_len;
    switch (reg) {
    case ACPI_FADT_REG_PM1A_EVT:
        x = &fadt->x_pm1a_evt_blk, x_off = ACPI_FADT_X_PM1A_EVT_BLK;
        block = fadt->pm1a_evt_blk, block_len = fadt->pm1_evt_len;
        break;
    case ACPI_FADT_REG_PM1B_EVT:
        x = &fadt->x_pm1b_evt_blk, x_off = ACPI_FADT_X_PM1B_EVT_BLK;
        block = fadt->pm1b_evt_blk, block_len = fadt->pm1_evt_len;
        break;
    case ACPI_FADT_REG_PM1A_CNT:
        x = &fadt->x_pm1a_cnt_blk, x_off = ACPI_FADT_X_PM1A_CNT_BLK;
        block = fadt->pm1a_cnt_blk, block_len = fadt->pm1_cnt_len;
        break;
    case ACPI_FADT_REG_PM1B_CNT:
        x = &fadt->x_pm1b_cnt_blk, x_off = ACPI_FADT_X_PM1B_CNT_BLK;
        block = fadt->pm1b_cnt_blk, block_len = fadt->pm1_cnt_len;
        break;
    case ACPI_FADT_REG_PM2_CNT:
        x = &fadt->x_pm2_cnt_blk, x_off = ACPI_FADT_X_PM2_CNT_BLK;
        block = fadt->pm2_cnt_blk, block_len = fadt->pm2_cnt_len;
        break;
    case ACPI_FADT_REG_PM_TMR:
        x = &fadt->x_pm_tmr_blk, x_off = ACPI_FADT_X_PM_TMR_BLK;
        block = fadt->pm_tmr_blk, block_len = fadt->pm_tmr_len;
        break;
    case ACPI_FADT_REG_GPE0:
        x = &fadt->x_gpe0_blk, x_off = ACPI_FADT_X_GPE0_BLK;
        block = fadt->gpe0_blk, block_len = fadt->gpe0_blk_len;
        break;
    case ACPI_FADT_REG_GPE1:
        x = &fadt->x_gpe1_blk, x_off = ACPI_FADT_X_GPE1_BLK;
        block = fadt->gpe1_blk, block_len = fadt->gpe1_blk_len;
        break;
    default:
        return ACPI_INVALID_ARGUMENT;
    }
    /* ACPI 6.5, Table 5.9: "If this field contains a nonzero value which can
     * be used by the OSPM, then the [32-bit] field must be ignored". */
    if (acpi_fadt_has(fadt, x_off, ACPI_GAS_LENGTH) && x->address != 0) {
        *out = *x;
        return ACPI_OK;
    }
    if (block == 0)
        return ACPI_NOT_FOUND;
    out->space_id = ACPI_GAS_SYSTEM_IO;
    out->bit_width = (uint8_t)(block_len * 8u);
    out->bit_offset = 0;
    out->access_size = ACPI_GAS_ACCESS_UNDEFINED;
    out->address = block;
    return ACPI_OK;
}

uint64_t acpi_fadt_dsdt_address(const struct acpi_fadt *fadt)
{
    return fadt->x_dsdt != 0 ? fadt->x_dsdt : fadt->dsdt;
}

uint64_t acpi_fadt_facs_address(const struct acpi_fadt *fadt)
{
    return fadt->x_firmware_ctrl != 0 ? fadt->x_firmware_ctrl : fadt->firmware_ctrl;
}
