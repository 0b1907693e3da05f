/* volatile/volatile.c: names of the volatile library's statuses. */
#include "volatile/volatile.h"

const char *vol_status_str(enum vol_status status)
{
    switch (status) {
    case VOL_OK: return "ok";
    case VOL_OUT_OF_BOUNDS: return "index out of bounds";
    case VOL_BAD_RANGE: return "bad sub-slice range";
    case VOL_LENGTH_MISMATCH: return "length mismatch";
    case VOL_NULL_POINTER: return "null pointer";
    }
    return "unknown status";
}
