#include "x86_64/status.h"

const char *x86_status_str(enum x86_status status)
{
    switch (status) {
    case X86_OK: return "ok";
    case X86_END: return "end";
    case X86_NOT_CANONICAL: return "address not canonical";
    case X86_NOT_ALIGNED: return "address not aligned";
    case X86_OVERFLOW: return "address overflow";
    case X86_BAD_PHYS_ADDR: return "physical address beyond 52 bits";
    case X86_BAD_FLAGS: return "flags overlap address bits";
    case X86_BAD_ARGUMENT: return "bad argument";
    case X86_TABLE_FULL: return "descriptor table full";
    case X86_NOT_MAPPED: return "not mapped";
    case X86_ALREADY_MAPPED: return "already mapped";
    case X86_HUGE_PAGE: return "huge page in the way";
    case X86_NO_FRAME: return "frame allocator out of frames";
    case X86_BAD_FRAME: return "frame allocator returned a bad frame";
    case X86_BAD_TABLE: return "page table not accessible or malformed";
    case X86_TABLE_CYCLE: return "page table cycle";
    case X86_UNSUPPORTED: return "unsupported";
    case X86_RETRIES_EXHAUSTED: return "retries exhausted";
    }
    return "unknown status";
}
