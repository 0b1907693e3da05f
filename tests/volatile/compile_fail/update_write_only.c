/* Name: a read-modify-write of a write-only register (it cannot be read)
 * Expect: struct vol_wo64 * */
#include "volatile/access.h"
void f(struct vol_wo64 *reg);
void f(struct vol_wo64 *reg) { (void)VOL_UPDATE(reg, 1u, 2u); }
