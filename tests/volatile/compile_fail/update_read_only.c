/* Name: a read-modify-write of a read-only register
 * Expect: struct vol_ro16 * */
#include "volatile/access.h"
void f(struct vol_ro16 *reg);
void f(struct vol_ro16 *reg) { (void)VOL_SET_BITS(reg, 1u); }
