/* Name: a write to a read-write register of a block seen through a const pointer
 * Expect: const struct vol_rw32 * */
#include "volatile/access.h"
struct regs { struct vol_rw32 control; };
void f(const struct regs *regs);
void f(const struct regs *regs) { VOL_WRITE(VOL_FIELD(regs, control), 1u); }
