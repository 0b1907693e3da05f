/* Compiled at -O2 for each cross target by codegen.py, which checks the disassembly:
 * codegen_readW_x3 must make exactly three loads of width W (six 32-bit loads for
 * W = 64 on 32-bit targets), codegen_writeW_x3 three stores, codegen_update32 one
 * load and one store, and each fence function its architecture's fence instruction. */
#include "volatile/volatile.h"

#define READS(W)                                                             \
    uint64_t codegen_read##W##_x3(const struct vol_ro##W *reg);              \
    uint64_t codegen_read##W##_x3(const struct vol_ro##W *reg)               \
    {                                                                        \
        uint64_t first = VOL_READ(reg);                                      \
        uint64_t second = VOL_READ(reg);                                     \
        uint64_t third = VOL_READ(reg);                                      \
        return first ^ (second << 1) ^ (third << 2);                         \
    }

#define WRITES(W)                                                            \
    void codegen_write##W##_x3(struct vol_wo##W *reg, uint##W##_t value);    \
    void codegen_write##W##_x3(struct vol_wo##W *reg, uint##W##_t value)     \
    {                                                                        \
        VOL_WRITE(reg, value);                                               \
        VOL_WRITE(reg, value);                                               \
        VOL_WRITE(reg, value);                                               \
    }

READS(8)
READS(16)
READS(32)
READS(64)
WRITES(8)
WRITES(16)
WRITES(32)
WRITES(64)

uint32_t codegen_update32(struct vol_rw32 *reg);
uint32_t codegen_update32(struct vol_rw32 *reg)
{
    return VOL_UPDATE(reg, 0x0Fu, 0x100u);
}

void codegen_fence_full(void);
void codegen_fence_full(void) { vol_fence(); }
void codegen_fence_read(void);
void codegen_fence_read(void) { vol_fence_read(); }
void codegen_fence_write(void);
void codegen_fence_write(void) { vol_fence_write(); }
