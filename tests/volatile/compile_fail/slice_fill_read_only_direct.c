/* Name: a read-only slice passed to the read-write fill function
 * Expect: struct vol_ro_slice16 */
#include "volatile/slice.h"
void f(struct vol_ro_slice16 s);
void f(struct vol_ro_slice16 s) { vol_slice16_fill(s, 0); }
