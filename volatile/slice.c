/*
 * volatile/slice.c: volatile slices. Each element goes through vol_readW/vol_writeW
 * (access.h), one access per element in ascending order; since every access is
 * volatile the compiler may not merge the loop into wider accesses or a memcpy call.
 */
#include "volatile/slice.h"

/* Shared checks: a sub-range [start, end) of a slice of `len` elements. */
static int range_ok(size_t start, size_t end, size_t len)
{
    return start <= end && end <= len;
}

/* The bodies below are the same for the three kinds; `K` is the kind's name part
 * (slice, ro_slice or wo_slice). */
#define VOL_DEFINE_READ_(K, W)                                                          \
    enum vol_status vol_##K##W##_read(struct vol_##K##W s, size_t index, uint##W##_t *out) \
    {                                                                                   \
        if (out == NULL) {                                                              \
            return VOL_NULL_POINTER;                                                    \
        }                                                                               \
        if (index >= s.len) {                                                           \
            return VOL_OUT_OF_BOUNDS;                                                   \
        }                                                                               \
        *out = vol_read##W(&s.base[index]);                                             \
        return VOL_OK;                                                                  \
    }

#define VOL_DEFINE_WRITE_(K, W)                                                         \
    enum vol_status vol_##K##W##_write(struct vol_##K##W s, size_t index, uint##W##_t value) \
    {                                                                                   \
        if (index >= s.len) {                                                           \
            return VOL_OUT_OF_BOUNDS;                                                   \
        }                                                                               \
        vol_write##W(&s.base[index], value);                                            \
        return VOL_OK;                                                                  \
    }

#define VOL_DEFINE_SUB_(K, W)                                                           \
    enum vol_status vol_##K##W##_sub(struct vol_##K##W s, size_t start, size_t end,     \
                                     struct vol_##K##W *out)                            \
    {                                                                                   \
        if (out == NULL) {                                                              \
            return VOL_NULL_POINTER;                                                    \
        }                                                                               \
        if (!range_ok(start, end, s.len)) {                                             \
            return VOL_BAD_RANGE;                                                       \
        }                                                                               \
        out->base = s.base + start;                                                     \
        out->len = end - start;                                                         \
        return VOL_OK;                                                                  \
    }

#define VOL_DEFINE_COPY_INTO_(K, W)                                                     \
    enum vol_status vol_##K##W##_copy_into(struct vol_##K##W s, uint##W##_t *dst,       \
                                           size_t dst_len)                              \
    {                                                                                   \
        if (dst_len != s.len) {                                                         \
            return VOL_LENGTH_MISMATCH;                                                 \
        }                                                                               \
        if (dst == NULL && dst_len != 0) {                                              \
            return VOL_NULL_POINTER;                                                    \
        }                                                                               \
        for (size_t i = 0; i < s.len; i++) {                                            \
            dst[i] = vol_read##W(&s.base[i]);                                           \
        }                                                                               \
        return VOL_OK;                                                                  \
    }

#define VOL_DEFINE_COPY_FROM_(K, W)                                                     \
    enum vol_status vol_##K##W##_copy_from(struct vol_##K##W s, const uint##W##_t *src, \
                                           size_t src_len)                              \
    {                                                                                   \
        if (src_len != s.len) {                                                         \
            return VOL_LENGTH_MISMATCH;                                                 \
        }                                                                               \
        if (src == NULL && src_len != 0) {                                              \
            return VOL_NULL_POINTER;                                                    \
        }                                                                               \
        for (size_t i = 0; i < s.len; i++) {                                            \
            vol_write##W(&s.base[i], src[i]);                                           \
        }                                                                               \
        return VOL_OK;                                                                  \
    }

#define VOL_DEFINE_FILL_(K, W)                                                          \
    void vol_##K##W##_fill(struct vol_##K##W s, uint##W##_t value)                      \
    {                                                                                   \
        for (size_t i = 0; i < s.len; i++) {                                            \
            vol_write##W(&s.base[i], value);                                            \
        }                                                                               \
    }

#define VOL_DEFINE_SLICES_(W)                                                           \
    VOL_DEFINE_READ_(slice, W)                                                          \
    VOL_DEFINE_READ_(ro_slice, W)                                                       \
    VOL_DEFINE_WRITE_(slice, W)                                                         \
    VOL_DEFINE_WRITE_(wo_slice, W)                                                      \
    VOL_DEFINE_SUB_(slice, W)                                                           \
    VOL_DEFINE_SUB_(ro_slice, W)                                                        \
    VOL_DEFINE_SUB_(wo_slice, W)                                                        \
    VOL_DEFINE_COPY_INTO_(slice, W)                                                     \
    VOL_DEFINE_COPY_INTO_(ro_slice, W)                                                  \
    VOL_DEFINE_COPY_FROM_(slice, W)                                                     \
    VOL_DEFINE_COPY_FROM_(wo_slice, W)                                                  \
    VOL_DEFINE_FILL_(slice, W)                                                          \
    VOL_DEFINE_FILL_(wo_slice, W)

VOL_DEFINE_SLICES_(8)
VOL_DEFINE_SLICES_(16)
VOL_DEFINE_SLICES_(32)
VOL_DEFINE_SLICES_(64)
