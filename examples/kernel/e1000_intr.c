/* See e1000_intr.h. */
#include "e1000_intr.h"

#include <stddef.h>

#include "volatile/access.h"

#define VENDOR_INTEL 0x8086u

static const struct {
    uint16_t device_id;
    const char *model;
} models[] = {
    {0x100Eu, "82540EM"}, /* QEMU's e1000 */
    {0x10D3u, "82574L"},  /* QEMU's e1000e */
};

const char *e1000_model(uint16_t vendor_id, uint16_t device_id)
{
    if (vendor_id != VENDOR_INTEL) {
        return NULL;
    }
    for (size_t i = 0; i < sizeof models / sizeof models[0]; i++) {
        if (models[i].device_id == device_id) {
            return models[i].model;
        }
    }
    return NULL;
}

static uint32_t reg_read(const struct e1000_nic *n, uint32_t offset)
{
    return vol_read32(n->regs + offset / 4u);
}

static void reg_write(const struct e1000_nic *n, uint32_t offset, uint32_t value)
{
    vol_write32(n->regs + offset / 4u, value);
}

void e1000_intr_quiet(const struct e1000_nic *n)
{
    reg_write(n, E1000_REG_IMC, UINT32_MAX);
    (void)reg_read(n, E1000_REG_ICR);
}

void e1000_intr_raise(const struct e1000_nic *n, uint32_t cause)
{
    reg_write(n, E1000_REG_IMS, cause);
    reg_write(n, E1000_REG_ICS, cause);
}

uint32_t e1000_intr_ack(const struct e1000_nic *n)
{
    return reg_read(n, E1000_REG_ICR);
}
