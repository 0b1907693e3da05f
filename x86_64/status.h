/* The x86_64 library's one status enum and its string form.
 *
 * X86_OK is 0. Caller mistakes (a misaligned or non-canonical argument) and bad
 * page-table memory (a corrupted or hostile table) get distinct statuses so a
 * kernel can tell a bug in its call from a bug in its tables. */
#ifndef X86_64_STATUS_H
#define X86_64_STATUS_H

#define X86_MUST_USE __attribute__((warn_unused_result))

enum x86_status {
    X86_OK = 0,
    X86_END,               /* an iterator has no more items (not an error) */
    /* the caller's arguments */
    X86_NOT_CANONICAL,     /* virtual address is not canonical for the paging mode */
    X86_NOT_ALIGNED,       /* address or length not aligned to the page size */
    X86_OVERFLOW,          /* address arithmetic would wrap around */
    X86_BAD_PHYS_ADDR,     /* physical address beyond the 52-bit architectural limit */
    X86_BAD_FLAGS,         /* flags overlap the address bits of an entry */
    X86_BAD_ARGUMENT,      /* other invalid argument (levels, sizes, NULL callback) */
    X86_TABLE_FULL,        /* a GDT has no room for another descriptor */
    /* the state of the page tables */
    X86_NOT_MAPPED,        /* no present mapping for the address */
    X86_ALREADY_MAPPED,    /* the entry for the page is already present */
    X86_HUGE_PAGE,         /* a 2 MiB or 1 GiB page covers the address */
    /* the host's callbacks and memory */
    X86_NO_FRAME,          /* the frame allocator returned no frame */
    X86_BAD_FRAME,         /* the allocator's frame is unaligned or beyond 52 bits */
    X86_BAD_TABLE,         /* a table is not accessible, misaligned, or an entry has a reserved bit */
    X86_TABLE_CYCLE,       /* a table entry points back at a table on the same walk */
    X86_UNSUPPORTED,       /* the CPU or the host lacks what the call needs */
    X86_RETRIES_EXHAUSTED, /* RDRAND/RDSEED failed on every bounded retry */
};

/* A constant English name for STATUS ("unknown status" for values outside the enum). */
const char *x86_status_str(enum x86_status status);

#endif
