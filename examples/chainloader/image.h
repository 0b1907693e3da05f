/* The chainloader's view of a Multiboot2 kernel image: its header (found and
 * validated with multiboot2/header.h, tags decoded as spec 3.1.3 - 3.1.13
 * define them) and what to load where, from the address tag (spec 3.1.5) or
 * from the ELF32/ELF64 program headers (System V gABI, 5 "Program Header").
 *
 * Pure functions over bytes in hand: no memory is touched, so the host test
 * (tests/chainloader) runs them over real and hand-made images. */
#ifndef CHAIN_IMAGE_H
#define CHAIN_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "multiboot2/header.h"

#define CHAIN_MAX_SEGMENTS 16

enum chain_status {
    CHAIN_OK = 0,
    CHAIN_NO_HEADER,            /* no Multiboot2 header in the first 32 KiB */
    CHAIN_BAD_HEADER,           /* header or header tags malformed (detail: enum mb2_status) */
    CHAIN_WRONG_ARCHITECTURE,   /* header architecture not i386, or ELF machine not x86 */
    CHAIN_UNSUPPORTED_TAG,      /* a required header tag this loader does not know (detail: type) */
    CHAIN_NOT_ELF,              /* no address tag and not an ELF32/ELF64 LSB executable */
    CHAIN_ELF_TRUNCATED,        /* an ELF header, table or segment runs past the file */
    CHAIN_BAD_SEGMENT,          /* file size above memory size, or past 4 GiB (detail: index) */
    CHAIN_TOO_MANY_SEGMENTS,    /* more than CHAIN_MAX_SEGMENTS PT_LOAD entries */
    CHAIN_SEGMENTS_OVERLAP,     /* two load segments share bytes (detail: index) */
    CHAIN_BAD_ADDRESS_TAG,      /* address tag fields inconsistent with the file */
    CHAIN_NO_ENTRY,             /* address tag without entry address tag, or entry past 4 GiB */
    CHAIN_OVERLAPS_LOADER,      /* a segment would overwrite the chainloader (detail: index) */
    CHAIN_OVERLAPS_BOOTINFO,    /* a segment would overwrite the new boot information */
    CHAIN_NOT_IN_RAM,           /* a segment outside available memory (detail: index) */
    CHAIN_INFO_UNAVAILABLE,     /* a required information request type cannot be given (detail: type) */
    CHAIN_EFI_BS_UNAVAILABLE,   /* the image requires EFI boot services, which GRUB ended */
    CHAIN_CONSOLE_UNAVAILABLE,  /* console required but no console it supports */
    CHAIN_FRAMEBUFFER_UNAVAILABLE, /* framebuffer tag required but GRUB set none */
    CHAIN_NO_MEMORY,            /* no free memory for a copy, or a table is full */
    CHAIN_BAD_BOOT_INFO,        /* GRUB's or the built boot information is malformed (detail: mb2) */
    CHAIN_NO_KERNEL,            /* GRUB passed no module to load */
};

/* One range to copy: FILESZ bytes from file offset OFFSET to physical DEST,
 * then zeros up to MEMSZ. */
struct chain_segment {
    uint32_t dest;
    uint32_t filesz;
    uint32_t memsz;
    uint32_t offset;
};

/* Everything decoded from an image. */
struct chain_plan {
    struct mb2_header_info header;
    /* Information request (spec 3.1.4): bit N set = type N requested, for N < 32. */
    uint32_t requested;
    uint32_t required;            /* requested without the optional flag */
    uint32_t required_unknown;    /* a required type >= 32 (0: none) */
    bool have_address, have_entry, have_console_flags, have_framebuffer, module_align;
    bool framebuffer_required, efi_bs_required;
    struct mb2_header_tag_address address;
    uint32_t console_flags;
    struct mb2_header_tag_framebuffer framebuffer;
    /* Load plan. */
    uint32_t entry;
    uint32_t load_base;           /* lowest destination (LOAD_BASE_ADDR tag) */
    uint32_t segment_count;
    struct chain_segment segments[CHAIN_MAX_SEGMENTS];
    /* ELF section headers (spec 3.6.7), for the ELF sections tag: none if shnum is 0. */
    uint8_t elf_class;            /* 1 ELF32, 2 ELF64, 0 address tag */
    uint32_t shoff, shnum, shentsize, shstrndx;
    /* Why the last call failed: a segment index, a tag type or an mb2 status. */
    uint32_t detail;
};

/* Find and decode the header of IMAGE (LEN bytes), then build the load plan.
 * CHAIN_OK, or the first reason the image cannot be loaded (PLAN->detail
 * tells more). Checks only the image itself. */
enum chain_status chain_image_plan(const uint8_t *image, size_t len, struct chain_plan *plan);

/* [start, end) physical ranges, end exclusive. */
struct chain_range {
    uint64_t start;
    uint64_t end;
};

bool chain_ranges_overlap(struct chain_range a, struct chain_range b);

/* Refuse a plan whose segments would overwrite LOADER (the chainloader's own
 * memory) or BOOTINFO (the buffer of the new boot information). */
enum chain_status chain_plan_check_placement(struct chain_plan *plan, struct chain_range loader,
                                             struct chain_range bootinfo);

/* What this loader can put in the new boot information, as type bits (N < 32). */
struct chain_offer {
    uint32_t types;
    bool have_framebuffer;
    uint8_t framebuffer_type;     /* MB2_FRAMEBUFFER_TYPE_* when have_framebuffer */
};

/* Honour the information request (spec 3.1.4), the console flags (3.1.9), the
 * framebuffer (3.1.10) and EFI boot services (3.1.11) tags against OFFER. */
enum chain_status chain_plan_check_offer(struct chain_plan *plan, const struct chain_offer *offer);

const char *chain_status_str(enum chain_status status);

#endif
