/*
 * volatile/slice.h: bounds-checked volatile slices (arrays of device registers or
 * device memory such as a framebuffer, a ring or a mailbox).
 *
 * For each element width W in 8, 16, 32, 64 there are three slice types, passed by
 * value (a base pointer and an element count; the memory is owned by the caller):
 *   struct vol_sliceW      read-write
 *   struct vol_ro_sliceW   read-only   (no write, copy_from or fill exists for it)
 *   struct vol_wo_sliceW   write-only  (no read or copy_into exists for it)
 * Construct one with vol_sliceW_make(base, len) (and _ro_/_wo_ likewise), or narrow a
 * read-write slice with vol_sliceW_read_only() / vol_sliceW_write_only().
 *
 * Functions (shown for the read-write kind; the others have the subset their access
 * allows, named vol_ro_sliceW_... and vol_wo_sliceW_...):
 *   vol_sliceW_read(s, i, &out)          VOL_OUT_OF_BOUNDS if i >= s.len
 *   vol_sliceW_write(s, i, v)            VOL_OUT_OF_BOUNDS if i >= s.len
 *   vol_sliceW_sub(s, start, end, &out)  elements [start, end); VOL_BAD_RANGE unless
 *                                        start <= end <= s.len
 *   vol_sliceW_copy_into(s, dst, n)      slice -> buffer; VOL_LENGTH_MISMATCH unless
 *                                        n == s.len
 *   vol_sliceW_copy_from(s, src, n)      buffer -> slice; same length rule
 *   vol_sliceW_fill(s, v)                every element = v
 * Every element is accessed exactly once, in ascending index order, with one access of
 * width W (two 32-bit accesses for W = 64 on 32-bit targets, see access.h): never
 * merged into wider accesses, never turned into memcpy/memset, never elided. A NULL
 * buffer with n > 0 or a NULL out pointer gives VOL_NULL_POINTER. On any failure
 * nothing was accessed.
 *
 * The generic forms VOL_SLICE_READ / _WRITE / _COPY_INTO / _COPY_FROM / _FILL pick the
 * function from the slice's type; using one that the slice's access forbids is a
 * compile error, as is passing a read-only slice to a vol_sliceW_ function.
 */
#ifndef VOL_SLICE_H
#define VOL_SLICE_H

#include <stddef.h>
#include <stdint.h>

#include "volatile/volatile.h"

#define VOL_DECLARE_SLICES_(W)                                                                   \
    struct vol_slice##W { volatile uint##W##_t *base; size_t len; };                           \
    struct vol_ro_slice##W { const volatile uint##W##_t *base; size_t len; };                  \
    struct vol_wo_slice##W { volatile uint##W##_t *base; size_t len; };                        \
    static inline struct vol_slice##W vol_slice##W##_make(volatile uint##W##_t *base,           \
                                                          size_t len)                          \
    {                                                                                          \
        struct vol_slice##W s;                                                                 \
        s.base = base;                                                                         \
        s.len = len;                                                                           \
        return s;                                                                              \
    }                                                                                          \
    static inline struct vol_ro_slice##W vol_ro_slice##W##_make(                               \
        const volatile uint##W##_t *base, size_t len)                                          \
    {                                                                                          \
        struct vol_ro_slice##W s;                                                              \
        s.base = base;                                                                         \
        s.len = len;                                                                           \
        return s;                                                                              \
    }                                                                                          \
    static inline struct vol_wo_slice##W vol_wo_slice##W##_make(volatile uint##W##_t *base,    \
                                                                size_t len)                    \
    {                                                                                          \
        struct vol_wo_slice##W s;                                                              \
        s.base = base;                                                                         \
        s.len = len;                                                                           \
        return s;                                                                              \
    }                                                                                          \
    static inline struct vol_ro_slice##W vol_slice##W##_read_only(struct vol_slice##W s)       \
    {                                                                                          \
        return vol_ro_slice##W##_make(s.base, s.len);                                          \
    }                                                                                          \
    static inline struct vol_wo_slice##W vol_slice##W##_write_only(struct vol_slice##W s)      \
    {                                                                                          \
        return vol_wo_slice##W##_make(s.base, s.len);                                          \
    }                                                                                          \
    VOL_MUST_USE enum vol_status vol_slice##W##_read(struct vol_slice##W s, size_t index,      \
                                                     uint##W##_t *out);                        \
    VOL_MUST_USE enum vol_status vol_ro_slice##W##_read(struct vol_ro_slice##W s, size_t index, \
                                                        uint##W##_t *out);                     \
    VOL_MUST_USE enum vol_status vol_slice##W##_write(struct vol_slice##W s, size_t index,     \
                                                      uint##W##_t value);                      \
    VOL_MUST_USE enum vol_status vol_wo_slice##W##_write(struct vol_wo_slice##W s,             \
                                                         size_t index, uint##W##_t value);     \
    VOL_MUST_USE enum vol_status vol_slice##W##_sub(struct vol_slice##W s, size_t start,       \
                                                    size_t end, struct vol_slice##W *out);     \
    VOL_MUST_USE enum vol_status vol_ro_slice##W##_sub(struct vol_ro_slice##W s, size_t start, \
                                                       size_t end, struct vol_ro_slice##W *out); \
    VOL_MUST_USE enum vol_status vol_wo_slice##W##_sub(struct vol_wo_slice##W s, size_t start, \
                                                       size_t end, struct vol_wo_slice##W *out); \
    VOL_MUST_USE enum vol_status vol_slice##W##_copy_into(struct vol_slice##W s,               \
                                                          uint##W##_t *dst, size_t dst_len);   \
    VOL_MUST_USE enum vol_status vol_ro_slice##W##_copy_into(struct vol_ro_slice##W s,         \
                                                             uint##W##_t *dst, size_t dst_len); \
    VOL_MUST_USE enum vol_status vol_slice##W##_copy_from(struct vol_slice##W s,               \
                                                          const uint##W##_t *src,              \
                                                          size_t src_len);                     \
    VOL_MUST_USE enum vol_status vol_wo_slice##W##_copy_from(struct vol_wo_slice##W s,         \
                                                             const uint##W##_t *src,           \
                                                             size_t src_len);                  \
    void vol_slice##W##_fill(struct vol_slice##W s, uint##W##_t value);                        \
    void vol_wo_slice##W##_fill(struct vol_wo_slice##W s, uint##W##_t value);

VOL_DECLARE_SLICES_(8)
VOL_DECLARE_SLICES_(16)
VOL_DECLARE_SLICES_(32)
VOL_DECLARE_SLICES_(64)

#undef VOL_DECLARE_SLICES_

#define VOL_SLICE_READ(s, index, out)                                                  \
    _Generic((s),                                                                      \
        struct vol_slice8: vol_slice8_read, struct vol_ro_slice8: vol_ro_slice8_read,   \
        struct vol_slice16: vol_slice16_read, struct vol_ro_slice16: vol_ro_slice16_read, \
        struct vol_slice32: vol_slice32_read, struct vol_ro_slice32: vol_ro_slice32_read, \
        struct vol_slice64: vol_slice64_read, struct vol_ro_slice64: vol_ro_slice64_read)(s, index, out)

#define VOL_SLICE_WRITE(s, index, value)                                               \
    _Generic((s),                                                                      \
        struct vol_slice8: vol_slice8_write, struct vol_wo_slice8: vol_wo_slice8_write, \
        struct vol_slice16: vol_slice16_write, struct vol_wo_slice16: vol_wo_slice16_write, \
        struct vol_slice32: vol_slice32_write, struct vol_wo_slice32: vol_wo_slice32_write, \
        struct vol_slice64: vol_slice64_write, struct vol_wo_slice64: vol_wo_slice64_write)(s, index, value)

#define VOL_SLICE_COPY_INTO(s, dst, dst_len)                                           \
    _Generic((s),                                                                      \
        struct vol_slice8: vol_slice8_copy_into, struct vol_ro_slice8: vol_ro_slice8_copy_into, \
        struct vol_slice16: vol_slice16_copy_into, struct vol_ro_slice16: vol_ro_slice16_copy_into, \
        struct vol_slice32: vol_slice32_copy_into, struct vol_ro_slice32: vol_ro_slice32_copy_into, \
        struct vol_slice64: vol_slice64_copy_into, struct vol_ro_slice64: vol_ro_slice64_copy_into)(s, dst, dst_len)

#define VOL_SLICE_COPY_FROM(s, src, src_len)                                           \
    _Generic((s),                                                                      \
        struct vol_slice8: vol_slice8_copy_from, struct vol_wo_slice8: vol_wo_slice8_copy_from, \
        struct vol_slice16: vol_slice16_copy_from, struct vol_wo_slice16: vol_wo_slice16_copy_from, \
        struct vol_slice32: vol_slice32_copy_from, struct vol_wo_slice32: vol_wo_slice32_copy_from, \
        struct vol_slice64: vol_slice64_copy_from, struct vol_wo_slice64: vol_wo_slice64_copy_from)(s, src, src_len)

#define VOL_SLICE_FILL(s, value)                                                       \
    _Generic((s),                                                                      \
        struct vol_slice8: vol_slice8_fill, struct vol_wo_slice8: vol_wo_slice8_fill,   \
        struct vol_slice16: vol_slice16_fill, struct vol_wo_slice16: vol_wo_slice16_fill, \
        struct vol_slice32: vol_slice32_fill, struct vol_wo_slice32: vol_wo_slice32_fill, \
        struct vol_slice64: vol_slice64_fill, struct vol_wo_slice64: vol_wo_slice64_fill)(s, value)

#endif
