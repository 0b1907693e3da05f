/*
 * volatile/access.h: typed volatile access to memory-mapped registers.
 *
 * Header-only. Two layers:
 *
 * 1. Raw pointers: vol_read8/16/32/64(p) and vol_write8/16/32/64(p, v) perform exactly
 *    one access of the named width through a volatile-qualified pointer, so the
 *    compiler may neither elide, repeat, merge nor cache it. On 32-bit targets a
 *    64-bit access is two 32-bit accesses, low half first (the targets are
 *    little-endian); a device that needs a single 64-bit access cannot get one there.
 *
 * 2. Register wrappers with an access restriction, one distinct struct type per
 *    width and kind: struct vol_ro32 (read-only), struct vol_wo32 (write-only),
 *    struct vol_rw32 (read-write), likewise 8, 16 and 64. Describe a device's
 *    register block as a struct of these and map it with VOL_BLOCK; then
 *        VOL_READ(&regs->status)        reads  (ro, rw; also raw volatile pointers)
 *        VOL_WRITE(&regs->data, v)      writes (wo, rw; also raw volatile pointers)
 *        VOL_UPDATE(&regs->ctrl, c, s)  read-modify-write: (old & ~c) | s (rw only)
 *    A VOL_WRITE to a read-only register, a VOL_READ of a write-only one, or a write
 *    through a `const` block pointer matches no _Generic association and is a compile
 *    error (tests/volatile/compile_fail proves it). The member `reg` inside a wrapper
 *    is not part of the API: touching it directly bypasses the restriction.
 *
 * Nothing here can fail, allocates or keeps state.
 */
#ifndef VOL_ACCESS_H
#define VOL_ACCESS_H

#include <stddef.h>
#include <stdint.h>

/* ---- raw pointers ---------------------------------------------------------- */

static inline uint8_t vol_read8(const volatile uint8_t *addr) { return *addr; }
static inline uint16_t vol_read16(const volatile uint16_t *addr) { return *addr; }
static inline uint32_t vol_read32(const volatile uint32_t *addr) { return *addr; }

static inline void vol_write8(volatile uint8_t *addr, uint8_t value) { *addr = value; }
static inline void vol_write16(volatile uint16_t *addr, uint16_t value) { *addr = value; }
static inline void vol_write32(volatile uint32_t *addr, uint32_t value) { *addr = value; }

#if UINTPTR_MAX == 0xFFFFFFFFu
/* 32-bit targets: two 32-bit accesses in a defined order (low word, then high word). */
static inline uint64_t vol_read64(const volatile uint64_t *addr)
{
    const volatile uint32_t *word = (const volatile uint32_t *)addr;
    uint64_t low = word[0];
    uint64_t high = word[1];
    return low | (high << 32);
}

static inline void vol_write64(volatile uint64_t *addr, uint64_t value)
{
    volatile uint32_t *word = (volatile uint32_t *)addr;
    word[0] = (uint32_t)value;
    word[1] = (uint32_t)(value >> 32);
}
#else
static inline uint64_t vol_read64(const volatile uint64_t *addr) { return *addr; }
static inline void vol_write64(volatile uint64_t *addr, uint64_t value) { *addr = value; }
#endif

/* ---- register wrappers --------------------------------------------------- */

/* Defines struct vol_roW / vol_woW / vol_rwW and their accessors for width W. */
#define VOL_DEFINE_REGISTERS_(W)                                                        \
    struct vol_ro##W { volatile uint##W##_t reg; };                                     \
    struct vol_wo##W { volatile uint##W##_t reg; };                                     \
    struct vol_rw##W { volatile uint##W##_t reg; };                                     \
    _Static_assert(sizeof(struct vol_ro##W) == (W) / 8, "vol_ro" #W " size");           \
    _Static_assert(sizeof(struct vol_wo##W) == (W) / 8, "vol_wo" #W " size");           \
    _Static_assert(sizeof(struct vol_rw##W) == (W) / 8, "vol_rw" #W " size");           \
    static inline uint##W##_t vol_ro##W##_read(const struct vol_ro##W *r)               \
    {                                                                                   \
        return vol_read##W(&r->reg);                                                    \
    }                                                                                   \
    static inline uint##W##_t vol_rw##W##_read(const struct vol_rw##W *r)               \
    {                                                                                   \
        return vol_read##W(&r->reg);                                                    \
    }                                                                                   \
    static inline void vol_wo##W##_write(struct vol_wo##W *r, uint##W##_t value)        \
    {                                                                                   \
        vol_write##W(&r->reg, value);                                                   \
    }                                                                                   \
    static inline void vol_rw##W##_write(struct vol_rw##W *r, uint##W##_t value)        \
    {                                                                                   \
        vol_write##W(&r->reg, value);                                                   \
    }                                                                                   \
    /* One read, then one write of (old & ~clear) | set; returns the value written. */  \
    static inline uint##W##_t vol_rw##W##_update(struct vol_rw##W *r, uint##W##_t clear, \
                                                 uint##W##_t set)                       \
    {                                                                                   \
        uint##W##_t value = (uint##W##_t)((vol_read##W(&r->reg) & (uint##W##_t)~clear) | set); \
        vol_write##W(&r->reg, value);                                                   \
        return value;                                                                   \
    }

VOL_DEFINE_REGISTERS_(8)
VOL_DEFINE_REGISTERS_(16)
VOL_DEFINE_REGISTERS_(32)
VOL_DEFINE_REGISTERS_(64)

#undef VOL_DEFINE_REGISTERS_

/* Reads a register (pointer to a read-only or read-write wrapper, or a raw volatile
 * pointer) with one access of its width. */
#define VOL_READ(reg)                                                                   \
    _Generic((reg),                                                                     \
        struct vol_ro8 *: vol_ro8_read, const struct vol_ro8 *: vol_ro8_read,           \
        struct vol_rw8 *: vol_rw8_read, const struct vol_rw8 *: vol_rw8_read,           \
        struct vol_ro16 *: vol_ro16_read, const struct vol_ro16 *: vol_ro16_read,       \
        struct vol_rw16 *: vol_rw16_read, const struct vol_rw16 *: vol_rw16_read,       \
        struct vol_ro32 *: vol_ro32_read, const struct vol_ro32 *: vol_ro32_read,       \
        struct vol_rw32 *: vol_rw32_read, const struct vol_rw32 *: vol_rw32_read,       \
        struct vol_ro64 *: vol_ro64_read, const struct vol_ro64 *: vol_ro64_read,       \
        struct vol_rw64 *: vol_rw64_read, const struct vol_rw64 *: vol_rw64_read,       \
        volatile uint8_t *: vol_read8, const volatile uint8_t *: vol_read8,             \
        volatile uint16_t *: vol_read16, const volatile uint16_t *: vol_read16,         \
        volatile uint32_t *: vol_read32, const volatile uint32_t *: vol_read32,         \
        volatile uint64_t *: vol_read64, const volatile uint64_t *: vol_read64)(reg)

/* Writes `value` to a register (pointer to a write-only or read-write wrapper that is
 * not const, or a raw volatile pointer) with one access of its width. */
#define VOL_WRITE(reg, value)                                                           \
    _Generic((reg),                                                                     \
        struct vol_wo8 *: vol_wo8_write, struct vol_rw8 *: vol_rw8_write,               \
        struct vol_wo16 *: vol_wo16_write, struct vol_rw16 *: vol_rw16_write,           \
        struct vol_wo32 *: vol_wo32_write, struct vol_rw32 *: vol_rw32_write,           \
        struct vol_wo64 *: vol_wo64_write, struct vol_rw64 *: vol_rw64_write,           \
        volatile uint8_t *: vol_write8, volatile uint16_t *: vol_write16,               \
        volatile uint32_t *: vol_write32, volatile uint64_t *: vol_write64)(reg, value)

/* Read-modify-write of a read-write register: writes (old & ~clear) | set and
 * evaluates to the value written. */
#define VOL_UPDATE(reg, clear, set)                                                     \
    _Generic((reg),                                                                     \
        struct vol_rw8 *: vol_rw8_update, struct vol_rw16 *: vol_rw16_update,           \
        struct vol_rw32 *: vol_rw32_update, struct vol_rw64 *: vol_rw64_update)(reg, clear, set)

#define VOL_SET_BITS(reg, bits) VOL_UPDATE(reg, 0, bits)
#define VOL_CLEAR_BITS(reg, bits) VOL_UPDATE(reg, bits, 0)

/* ---- register blocks (field projection) ---------------------------------- */

/* A pointer to the register block struct `type` at virtual address `addr`. A block
 * is a struct of the wrappers above (plus plain uint8_t arrays for gaps); with a
 * `const type *` every field becomes read-only for VOL_WRITE and VOL_UPDATE. */
#define VOL_BLOCK(type, addr) ((type *)(uintptr_t)(addr))

/* The register `field` of a block pointer, with its own width and restriction. */
#define VOL_FIELD(block, field) (&(block)->field)

/* Compile-time check that `field` sits at byte `offset` of block type `type`, as the
 * device's datasheet states. */
#define VOL_ASSERT_OFFSET(type, field, offset) \
    _Static_assert(offsetof(type, field) == (offset), #type "." #field " is at " #offset)

#endif
