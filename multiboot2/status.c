/* multiboot2/status.c - descriptions of enum mb2_status. */
#include "multiboot2/status.h"

const char *mb2_status_str(enum mb2_status status)
{
    switch (status) {
    case MB2_OK: return "ok";
    case MB2_END: return "end of iteration";
    case MB2_NOT_FOUND: return "not found";
    case MB2_INVALID_ARGUMENT: return "invalid argument";
    case MB2_MAP_FAILED: return "map failed";
    case MB2_BUFFER_TOO_SMALL: return "buffer too small";
    case MB2_UNSUPPORTED: return "unsupported layout";
    case MB2_MISALIGNED: return "boot information not 8-byte aligned";
    case MB2_TOTAL_SIZE_TOO_SMALL: return "total_size too small";
    case MB2_TOTAL_SIZE_TOO_LARGE: return "total_size above bound";
    case MB2_TOTAL_SIZE_UNALIGNED: return "total_size not a multiple of 8";
    case MB2_TAG_TOO_SMALL: return "tag size below 8";
    case MB2_TAG_OUT_OF_BOUNDS: return "tag runs past total_size";
    case MB2_NO_END_TAG: return "no end tag";
    case MB2_BAD_END_TAG: return "end tag size is not 8";
    case MB2_TAG_TRUNCATED: return "tag shorter than its layout";
    case MB2_BAD_STRING: return "string not terminated inside its tag";
    case MB2_BAD_ENTRY_SIZE: return "bad entry size";
    case MB2_BAD_INDEX: return "index out of range";
    case MB2_BAD_SIGNATURE: return "bad signature";
    case MB2_BAD_CHECKSUM: return "bad checksum";
    case MB2_BAD_LENGTH: return "bad length field";
    case MB2_BAD_ARCHITECTURE: return "bad architecture";
    case MB2_BAD_HEADER_LENGTH: return "bad header_length";
    }
    return "unknown status";
}
