/* multiboot2/status.h - the one status enum of the multiboot2 library.
 *
 * MB2_OK is 0. Values below 100 describe the caller's situation (end of an
 * iteration, an absent tag, a failed map, a full buffer); values from 100 on
 * mean the boot information or the image header is malformed, so a kernel can
 * log them and go on. Values never change; new ones are appended to a block. */
#ifndef MB2_STATUS_H
#define MB2_STATUS_H

#if defined(__GNUC__) || defined(__clang__)
#define MB2_MUST_USE __attribute__((warn_unused_result))
#else
#define MB2_MUST_USE
#endif

#ifndef __ASSEMBLER__
enum mb2_status {
    MB2_OK = 0,

    /* Caller / environment conditions. */
    MB2_END = 1,              /* an iterator has no more items (not an error) */
    MB2_NOT_FOUND = 2,        /* no tag / header / section of that kind */
    MB2_INVALID_ARGUMENT = 3, /* NULL pointer, wrong tag type for an accessor */
    MB2_MAP_FAILED = 4,       /* the host's map() returned NULL */
    MB2_BUFFER_TOO_SMALL = 5, /* the caller's buffer cannot hold the result */
    MB2_UNSUPPORTED = 6,      /* well formed but a layout this library does not know */

    /* Malformed boot information (Multiboot2 spec 3.6). */
    MB2_MISALIGNED = 100,          /* boot information not on an 8-byte boundary */
    MB2_TOTAL_SIZE_TOO_SMALL = 101, /* total_size below fixed part + end tag (16) */
    MB2_TOTAL_SIZE_TOO_LARGE = 102, /* total_size above the caller's bound */
    MB2_TOTAL_SIZE_UNALIGNED = 103, /* total_size not a multiple of 8 */
    MB2_TAG_TOO_SMALL = 104,       /* a tag's size is below 8 */
    MB2_TAG_OUT_OF_BOUNDS = 105,   /* a tag runs past total_size */
    MB2_NO_END_TAG = 106,          /* the tags end without an end tag */
    MB2_BAD_END_TAG = 107,         /* an end tag whose size is not 8 */
    MB2_TAG_TRUNCATED = 108,       /* a tag is shorter than its type's fixed layout */
    MB2_BAD_STRING = 109,          /* a string without its terminating NUL inside the tag */
    MB2_BAD_ENTRY_SIZE = 110,      /* entry_size 0, below an entry, or not dividing the tag */
    MB2_BAD_INDEX = 111,           /* an index (ELF shndx, string offset) out of range */
    MB2_BAD_SIGNATURE = 112,       /* an RSDP copy without "RSD PTR " */
    MB2_BAD_CHECKSUM = 113,        /* bytes do not sum to zero (RSDP copy, header) */
    MB2_BAD_LENGTH = 114,          /* a length field inside a tag is impossible */

    /* Malformed Multiboot2 header (Multiboot2 spec 3.1). */
    MB2_BAD_ARCHITECTURE = 130,    /* architecture neither i386 (0) nor MIPS32 (4) */
    MB2_BAD_HEADER_LENGTH = 131,   /* header_length too small, or past the image / 32 KiB */
};

/* A short constant English description of status; never NULL. */
const char *mb2_status_str(enum mb2_status status);
#endif

#endif
