/* Name: control: every allowed use compiles
 * Expect: (compiles) */
#include "volatile/slice.h"
struct regs {
    struct vol_ro32 status;
    struct vol_wo32 command;
    struct vol_rw32 control;
};
uint32_t f(struct regs *regs, struct vol_slice32 s, struct vol_ro_slice32 ro,
           struct vol_wo_slice32 wo, uint32_t *buf);
uint32_t f(struct regs *regs, struct vol_slice32 s, struct vol_ro_slice32 ro,
           struct vol_wo_slice32 wo, uint32_t *buf)
{
    const struct regs *view = regs;
    VOL_WRITE(&regs->command, 1u);
    VOL_WRITE(&regs->control, 2u);
    uint32_t sum = VOL_READ(&regs->status) + VOL_READ(&view->control);
    sum += VOL_UPDATE(&regs->control, 1u, 4u);
    uint32_t value = 0;
    if (VOL_SLICE_READ(ro, 0, &value) == VOL_OK && VOL_SLICE_WRITE(wo, 0, value) == VOL_OK &&
        VOL_SLICE_COPY_INTO(s, buf, 4) == VOL_OK && VOL_SLICE_COPY_FROM(wo, buf, 4) == VOL_OK) {
        VOL_SLICE_FILL(s, sum);
    }
    return sum + value;
}
