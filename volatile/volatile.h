/*
 * volatile/volatile.h: umbrella header of the volatile library and its status enum.
 *
 * The library gives C kernels what the Rust `volatile` crate gives Rust ones:
 *   - volatile/access.h:  typed 8/16/32/64-bit volatile reads and writes through raw
 *                         pointers, and register wrapper types (read-only, write-only,
 *                         read-write) whose misuse is a compile error;
 *   - volatile/slice.h:   bounds-checked volatile slices (element access, sub-slices,
 *                         copy_into, copy_from, fill) that access each element once, in
 *                         order, with the element's width;
 *   - volatile/barrier.h: compiler barrier and architecture memory fences.
 * access.h and barrier.h are header-only; slice.h needs slice.c, this header's
 * vol_status_str() needs volatile.c.
 */
#ifndef VOL_VOLATILE_H
#define VOL_VOLATILE_H

#include "volatile/access.h"
#include "volatile/barrier.h"
#include "volatile/version.h"

/* Marks functions whose status must be looked at. */
#define VOL_MUST_USE __attribute__((warn_unused_result))

enum vol_status {
    VOL_OK = 0,
    VOL_OUT_OF_BOUNDS = 1,   /* element index >= slice length */
    VOL_BAD_RANGE = 2,       /* sub-slice with start > end or end > length */
    VOL_LENGTH_MISMATCH = 3, /* copy between a slice and a buffer of another length */
    VOL_NULL_POINTER = 4,    /* a NULL buffer or out pointer where one was required */
};

/* A constant English name of `status` ("unknown status" for values not in the enum). */
const char *vol_status_str(enum vol_status status);

#endif
