/* Name: an element write through a read-only slice
 * Expect: struct vol_ro_slice32 */
#include "volatile/slice.h"
enum vol_status f(struct vol_ro_slice32 s);
enum vol_status f(struct vol_ro_slice32 s) { return VOL_SLICE_WRITE(s, 0, 1u); }
