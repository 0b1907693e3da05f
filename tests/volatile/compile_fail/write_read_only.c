/* Name: a write to a read-only register
 * Expect: struct vol_ro32 * */
#include "volatile/access.h"
void f(struct vol_ro32 *status);
void f(struct vol_ro32 *status) { VOL_WRITE(status, 1u); }
