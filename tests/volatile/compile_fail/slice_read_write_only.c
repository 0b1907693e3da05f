/* Name: a copy out of a write-only slice
 * Expect: struct vol_wo_slice8 */
#include "volatile/slice.h"
enum vol_status f(struct vol_wo_slice8 s, uint8_t *buf, size_t len);
enum vol_status f(struct vol_wo_slice8 s, uint8_t *buf, size_t len)
{
    return VOL_SLICE_COPY_INTO(s, buf, len);
}
