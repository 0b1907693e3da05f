/* osdev-inspect acpi: the fixed hardware, the FADT (every field its Length
 * holds, in truth.json names) and the FACS it points to. */
#include <stdio.h>

#include "acpi/facs.h"
#include "acpi/fadt.h"
#include "acpi_print.h"

/* One FADT field, only when the table is long enough to hold it. */
#define FADT_U(key, field, off, size)                                                          \
    do {                                                                                       \
        if (acpi_fadt_has(f, off, size))                                                       \
            json_kv_uint(j, key, f->field);                                                    \
    } while (0)
#define FADT_GAS(key, field, off)                                                              \
    do {                                                                                       \
        if (acpi_fadt_has(f, off, ACPI_GAS_LENGTH))                                            \
            inspect_json_gas(j, key, &f->field);                                               \
    } while (0)

void inspect_json_fadt(struct json *j, const struct inspect_table *t)
{
    struct acpi_fadt fadt;
    if (acpi_fadt_parse(t->bytes, t->len, &fadt) != ACPI_OK)
        return;
    const struct acpi_fadt *f = &fadt;
    json_begin_object(j);
    inspect_json_sdt_header(j, t, &f->header);
    FADT_U("firmware_ctrl", firmware_ctrl, ACPI_FADT_FIRMWARE_CTRL, 4);
    FADT_U("dsdt", dsdt, ACPI_FADT_DSDT, 4);
    FADT_U("int_model", int_model, ACPI_FADT_INT_MODEL, 1);
    FADT_U("preferred_pm_profile", preferred_pm_profile, ACPI_FADT_PREFERRED_PM_PROFILE, 1);
    FADT_U("sci_int", sci_int, ACPI_FADT_SCI_INT, 2);
    FADT_U("smi_cmd", smi_cmd, ACPI_FADT_SMI_CMD, 4);
    FADT_U("acpi_enable", acpi_enable, ACPI_FADT_ACPI_ENABLE, 1);
    FADT_U("acpi_disable", acpi_disable, ACPI_FADT_ACPI_DISABLE, 1);
    FADT_U("s4bios_req", s4bios_req, ACPI_FADT_S4BIOS_REQ, 1);
    FADT_U("pstate_cnt", pstate_cnt, ACPI_FADT_PSTATE_CNT, 1);
    FADT_U("pm1a_evt_blk", pm1a_evt_blk, ACPI_FADT_PM1A_EVT_BLK, 4);
    FADT_U("pm1b_evt_blk", pm1b_evt_blk, ACPI_FADT_PM1B_EVT_BLK, 4);
    FADT_U("pm1a_cnt_blk", pm1a_cnt_blk, ACPI_FADT_PM1A_CNT_BLK, 4);
    FADT_U("pm1b_cnt_blk", pm1b_cnt_blk, ACPI_FADT_PM1B_CNT_BLK, 4);
    FADT_U("pm2_cnt_blk", pm2_cnt_blk, ACPI_FADT_PM2_CNT_BLK, 4);
    FADT_U("pm_tmr_blk", pm_tmr_blk, ACPI_FADT_PM_TMR_BLK, 4);
    FADT_U("gpe0_blk", gpe0_blk, ACPI_FADT_GPE0_BLK, 4);
    FADT_U("gpe1_blk", gpe1_blk, ACPI_FADT_GPE1_BLK, 4);
    FADT_U("pm1_evt_len", pm1_evt_len, ACPI_FADT_PM1_EVT_LEN, 1);
    FADT_U("pm1_cnt_len", pm1_cnt_len, ACPI_FADT_PM1_CNT_LEN, 1);
    FADT_U("pm2_cnt_len", pm2_cnt_len, ACPI_FADT_PM2_CNT_LEN, 1);
    FADT_U("pm_tmr_len", pm_tmr_len, ACPI_FADT_PM_TMR_LEN, 1);
    FADT_U("gpe0_blk_len", gpe0_blk_len, ACPI_FADT_GPE0_BLK_LEN, 1);
    FADT_U("gpe1_blk_len", gpe1_blk_len, ACPI_FADT_GPE1_BLK_LEN, 1);
    FADT_U("gpe1_base", gpe1_base, ACPI_FADT_GPE1_BASE, 1);
    FADT_U("cst_cnt", cst_cnt, ACPI_FADT_CST_CNT, 1);
    FADT_U("p_lvl2_lat", p_lvl2_lat, ACPI_FADT_P_LVL2_LAT, 2);
    FADT_U("p_lvl3_lat", p_lvl3_lat, ACPI_FADT_P_LVL3_LAT, 2);
    FADT_U("flush_size", flush_size, ACPI_FADT_FLUSH_SIZE, 2);
    FADT_U("flush_stride", flush_stride, ACPI_FADT_FLUSH_STRIDE, 2);
    FADT_U("duty_offset", duty_offset, ACPI_FADT_DUTY_OFFSET, 1);
    FADT_U("duty_width", duty_width, ACPI_FADT_DUTY_WIDTH, 1);
    FADT_U("day_alrm", day_alrm, ACPI_FADT_DAY_ALRM, 1);
    FADT_U("mon_alrm", mon_alrm, ACPI_FADT_MON_ALRM, 1);
    FADT_U("century", century, ACPI_FADT_CENTURY, 1);
    FADT_U("iapc_boot_arch", iapc_boot_arch, ACPI_FADT_IAPC_BOOT_ARCH, 2);
    FADT_U("flags", flags, ACPI_FADT_FLAGS, 4);
    FADT_GAS("reset_reg", reset_reg, ACPI_FADT_RESET_REG);
    FADT_U("reset_value", reset_value, ACPI_FADT_RESET_VALUE, 1);
    FADT_U("arm_boot_arch", arm_boot_arch, ACPI_FADT_ARM_BOOT_ARCH, 2);
    FADT_U("minor_revision", minor_version, ACPI_FADT_MINOR_VERSION, 1);
    FADT_U("x_firmware_ctrl", x_firmware_ctrl, ACPI_FADT_X_FIRMWARE_CTRL, 8);
    FADT_U("x_dsdt", x_dsdt, ACPI_FADT_X_DSDT, 8);
    FADT_GAS("x_pm1a_evt_blk", x_pm1a_evt_blk, ACPI_FADT_X_PM1A_EVT_BLK);
    FADT_GAS("x_pm1b_evt_blk", x_pm1b_evt_blk, ACPI_FADT_X_PM1B_EVT_BLK);
    FADT_GAS("x_pm1a_cnt_blk", x_pm1a_cnt_blk, ACPI_FADT_X_PM1A_CNT_BLK);
    FADT_GAS("x_pm1b_cnt_blk", x_pm1b_cnt_blk, ACPI_FADT_X_PM1B_CNT_BLK);
    FADT_GAS("x_pm2_cnt_blk", x_pm2_cnt_blk, ACPI_FADT_X_PM2_CNT_BLK);
    FADT_GAS("x_pm_tmr_blk", x_pm_tmr_blk, ACPI_FADT_X_PM_TMR_BLK);
    FADT_GAS("x_gpe0_blk", x_gpe0_blk, ACPI_FADT_X_GPE0_BLK);
    FADT_GAS("x_gpe1_blk", x_gpe1_blk, ACPI_FADT_X_GPE1_BLK);
    FADT_GAS("sleep_control_reg", sleep_control_reg, ACPI_FADT_SLEEP_CONTROL_REG);
    FADT_GAS("sleep_status_reg", sleep_status_reg, ACPI_FADT_SLEEP_STATUS_REG);
    FADT_U("hypervisor_vendor_identity", hypervisor_vendor_identity,
           ACPI_FADT_HYPERVISOR_VENDOR_IDENTITY, 8);
    json_key(j, "effective");
    json_begin_object(j);
    json_kv_uint(j, "dsdt", acpi_fadt_dsdt_address(f));
    json_kv_uint(j, "facs", acpi_fadt_facs_address(f));
    json_end_object(j);
    json_end_object(j);
}

enum acpi_status inspect_text_fadt(FILE *out, const struct inspect_table *t)
{
    struct acpi_fadt fadt;
    enum acpi_status st = acpi_fadt_parse(t->bytes, t->len, &fadt);
    if (st != ACPI_OK)
        return st;
    const struct acpi_fadt *f = &fadt;
    fprintf(out, "    DSDT 0x%llx, FACS 0x%llx, SCI %u, SMI_CMD 0x%x, profile %u, flags 0x%x, "
                 "IA-PC boot 0x%x\n",
            (unsigned long long)acpi_fadt_dsdt_address(f),
            (unsigned long long)acpi_fadt_facs_address(f), f->sci_int, f->smi_cmd,
            f->preferred_pm_profile, f->flags, f->iapc_boot_arch);
    static const char *const names[] = {"PM1a_EVT", "PM1b_EVT", "PM1a_CNT", "PM1b_CNT",
                                        "PM2_CNT", "PM_TMR", "GPE0", "GPE1"};
    for (int r = ACPI_FADT_REG_PM1A_EVT; r <= ACPI_FADT_REG_GPE1; r++) {
        struct acpi_gas g;
        if (acpi_fadt_register(f, (enum acpi_fadt_register)r, &g) == ACPI_OK)
            inspect_text_gas(out, names[r], &g);
    }
    if (acpi_fadt_has(f, ACPI_FADT_RESET_VALUE, 1) && (f->flags & ACPI_FADT_RESET_REG_SUP)) {
        inspect_text_gas(out, "RESET_REG", &f->reset_reg);
        fprintf(out, "    %-20s 0x%02x\n", "RESET_VALUE", f->reset_value);
    }
    if (f->flags & ACPI_FADT_HW_REDUCED_ACPI)
        fprintf(out, "    hardware-reduced ACPI (no fixed PM blocks, no FACS required)\n");
    if (acpi_fadt_has(f, ACPI_FADT_SLEEP_STATUS_REG, ACPI_GAS_LENGTH) &&
        !acpi_gas_is_null(&f->sleep_control_reg)) {
        inspect_text_gas(out, "SLEEP_CONTROL_REG", &f->sleep_control_reg);
        inspect_text_gas(out, "SLEEP_STATUS_REG", &f->sleep_status_reg);
    }
    return ACPI_OK;
}

void inspect_json_facs(struct json *j, const struct inspect_table *t)
{
    struct acpi_facs f;
    enum acpi_status st = acpi_facs_parse(t->bytes, t->len, &f);
    json_begin_object(j);
    json_kv_string(j, "file", inspect_base_name(t->path));
    if (st == ACPI_OK) {
        json_kv_uint(j, "length", f.length);
        json_kv_uint(j, "hardware_signature", f.hardware_signature);
        json_kv_uint(j, "firmware_waking_vector", f.firmware_waking_vector);
        json_kv_uint(j, "global_lock", f.global_lock);
        json_kv_uint(j, "flags", f.flags);
        json_kv_bool(j, "s4bios", f.s4bios);
        json_kv_bool(j, "wake_64bit_supported", f.wake_64bit_supported);
        json_kv_uint(j, "x_firmware_waking_vector", f.x_firmware_waking_vector);
        json_kv_uint(j, "version", f.version);
        json_kv_uint(j, "ospm_flags", f.ospm_flags);
    }
    inspect_json_acpi_status(j, st);
    json_end_object(j);
}

enum acpi_status inspect_text_facs(FILE *out, const struct inspect_table *t)
{
    struct acpi_facs f;
    enum acpi_status st = acpi_facs_parse(t->bytes, t->len, &f);
    if (st == ACPI_OK)
        fprintf(out, "FACS  %s: version %u, hardware signature 0x%08x, waking vector "
                     "0x%08x / 0x%llx, global lock 0x%x, flags 0x%x\n",
                t->path, f.version, f.hardware_signature, f.firmware_waking_vector,
                (unsigned long long)f.x_firmware_waking_vector, f.global_lock, f.flags);
    return st;
}
