/* multiboot2/mmap.h - the memory map tag (Multiboot2 specification 3.6.8) and
 * the EFI memory map tag (3.6.19), iterated with their own entry sizes.
 *
 * mb2_mmap() / mb2_efi_mmap() check the tag once (entry size, divisibility);
 * the iterators then hand out decoded entries. Entries stay in the caller's
 * boot information. Unknown entry types are passed through unchanged: callers
 * treat them as reserved (GRUB 2.06 on UEFI passes type 20). */
#ifndef MB2_MMAP_H
#define MB2_MMAP_H

#include "multiboot2/info.h"

/* UEFI 2.10, 7.2: EFI_MEMORY_DESCRIPTOR_VERSION, the layout decoded here. */
#define MB2_EFI_MEMORY_DESCRIPTOR_VERSION 1

#ifndef __ASSEMBLER__

/* Spec 3.6.8: the memory map tag's fixed part. */
struct mb2_tag_mmap {
    uint32_t type;
    uint32_t size;
    uint32_t entry_size;
    uint32_t entry_version;
    /* entries follow */
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_tag_mmap) == 16, "mmap tag fixed part is 16 bytes");

/* Spec 3.6.8: one memory map entry (entry_version 0). */
struct mb2_mmap_entry {
    uint64_t base_addr;
    uint64_t length;
    uint32_t type; /* MB2_MEMORY_*; anything else is reserved */
    uint32_t reserved;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_mmap_entry) == 24, "mmap entry is 24 bytes");

/* Spec 3.6.19: the EFI memory map tag's fixed part. */
struct mb2_tag_efi_mmap {
    uint32_t type;
    uint32_t size;
    uint32_t descriptor_size;
    uint32_t descriptor_version;
    /* EFI memory map follows */
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_tag_efi_mmap) == 16, "EFI mmap tag fixed part is 16 bytes");

/* UEFI 2.10, 7.2 EFI_BOOT_SERVICES.GetMemoryMap(): EFI_MEMORY_DESCRIPTOR. */
struct mb2_efi_memory_descriptor {
    uint32_t type;
    uint32_t pad;
    uint64_t physical_start;
    uint64_t virtual_start;
    uint64_t number_of_pages;
    uint64_t attribute;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_efi_memory_descriptor) == 40, "EFI memory descriptor is 40 bytes");

/* A checked memory map tag. */
struct mb2_mmap {
    uint32_t entry_size;
    uint32_t entry_version;
    uint32_t count;         /* number of entries */
    const uint8_t *entries; /* count * entry_size bytes in the tag */
};

struct mb2_mmap_iter {
    const uint8_t *next;
    uint32_t entry_size;
    uint32_t left;
};

/* A checked EFI memory map tag. */
struct mb2_efi_mmap {
    uint32_t descriptor_size;
    uint32_t descriptor_version;
    uint32_t count;
    const uint8_t *descriptors;
};

struct mb2_efi_mmap_iter {
    const uint8_t *next;
    uint32_t descriptor_size;
    uint32_t left;
};

/* Check a MMAP tag: MB2_BAD_ENTRY_SIZE when entry_size is 0, below 24 bytes,
 * not a multiple of 8 (spec 3.6.8), or does not divide the entries' bytes. */
MB2_MUST_USE enum mb2_status mb2_mmap(const struct mb2_tag *tag, struct mb2_mmap *out);
void mb2_mmap_iter_init(struct mb2_mmap_iter *it, const struct mb2_mmap *mmap);
/* Next entry decoded into OUT, MB2_END after the last one. */
MB2_MUST_USE enum mb2_status mb2_mmap_next(struct mb2_mmap_iter *it, struct mb2_mmap_entry *out);
/* The spec's name of a memory type ("available" ...), "reserved" for unknown ones. */
const char *mb2_memory_type_name(uint32_t type);

/* Check an EFI_MMAP tag: MB2_BAD_ENTRY_SIZE when descriptor_size is below 40 or
 * does not divide the map; MB2_UNSUPPORTED for a descriptor_version other
 * than 1 (OUT is still filled so a caller can show the raw map). */
MB2_MUST_USE enum mb2_status mb2_efi_mmap(const struct mb2_tag *tag, struct mb2_efi_mmap *out);
void mb2_efi_mmap_iter_init(struct mb2_efi_mmap_iter *it, const struct mb2_efi_mmap *map);
/* Next descriptor decoded into OUT (its first 40 bytes), MB2_END after the last. */
MB2_MUST_USE enum mb2_status mb2_efi_mmap_next(struct mb2_efi_mmap_iter *it,
                                               struct mb2_efi_memory_descriptor *out);
#endif

#endif
