/* Name: a read of a write-only register
 * Expect: struct vol_wo8 * */
#include "volatile/access.h"
unsigned f(struct vol_wo8 *thr);
unsigned f(struct vol_wo8 *thr) { return VOL_READ(thr); }
