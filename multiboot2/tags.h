/* multiboot2/tags.h - typed accessors for the fixed-layout boot information
 * tags (Multiboot2 specification 3.6.3 - 3.6.23, with GRUB 2.06's layouts).
 *
 * Each accessor takes a tag from the iterator of info.h, checks its type
 * (MB2_INVALID_ARGUMENT for another type) and that the tag holds its fixed
 * layout (MB2_TAG_TRUNCATED) and every variable part it points at; pointers in
 * the results point into the caller's boot information. The memory maps and the
 * ELF sections have their own headers (mmap.h, elf_sections.h). */
#ifndef MB2_TAGS_H
#define MB2_TAGS_H

#include "multiboot2/info.h"

#ifndef __ASSEMBLER__

/* Spec 3.6.6: a module. */
struct mb2_tag_module {
    uint32_t type;
    uint32_t size;
    uint32_t mod_start;
    uint32_t mod_end;
    /* char string[] follows */
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_tag_module) == 16, "module tag fixed part is 16 bytes");

/* Spec 3.6.3: basic memory information. */
struct mb2_tag_basic_meminfo {
    uint32_t type;
    uint32_t size;
    uint32_t mem_lower;
    uint32_t mem_upper;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_tag_basic_meminfo) == 16, "basic meminfo tag is 16 bytes");

/* Spec 3.6.4: BIOS boot device. */
struct mb2_tag_bootdev {
    uint32_t type;
    uint32_t size;
    uint32_t biosdev;
    uint32_t partition;
    uint32_t sub_partition;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_tag_bootdev) == 20, "bootdev tag is 20 bytes");

/* Spec 3.6.11: VBE information. */
struct mb2_tag_vbe {
    uint32_t type;
    uint32_t size;
    uint16_t vbe_mode;
    uint16_t vbe_interface_seg;
    uint16_t vbe_interface_off;
    uint16_t vbe_interface_len;
    uint8_t vbe_control_info[512];
    uint8_t vbe_mode_info[256];
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_tag_vbe) == 784, "VBE tag is 784 bytes");

/* Spec 3.6.12: framebuffer, common part. GRUB 2.06 writes a 16-bit reserved
 * field, so the colour information starts at offset 32. */
struct mb2_tag_framebuffer_common {
    uint32_t type;
    uint32_t size;
    uint64_t framebuffer_addr;
    uint32_t framebuffer_pitch;
    uint32_t framebuffer_width;
    uint32_t framebuffer_height;
    uint8_t framebuffer_bpp;
    uint8_t framebuffer_type;
    uint16_t reserved;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_tag_framebuffer_common) == 32, "framebuffer common part is 32 bytes");

/* Spec 3.6.12: one palette entry of an indexed framebuffer. */
struct mb2_color {
    uint8_t red;
    uint8_t green;
    uint8_t blue;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_color) == 3, "palette entry is 3 bytes");

/* Spec 3.6.12: direct RGB colour layout. */
struct mb2_framebuffer_rgb {
    uint8_t framebuffer_red_field_position;
    uint8_t framebuffer_red_mask_size;
    uint8_t framebuffer_green_field_position;
    uint8_t framebuffer_green_mask_size;
    uint8_t framebuffer_blue_field_position;
    uint8_t framebuffer_blue_mask_size;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_framebuffer_rgb) == 6, "RGB colour info is 6 bytes");

/* Spec 3.6.10: APM table. */
struct mb2_tag_apm {
    uint32_t type;
    uint32_t size;
    uint16_t version;
    uint16_t cseg;
    uint32_t offset;
    uint16_t cseg_16;
    uint16_t dseg;
    uint16_t flags;
    uint16_t cseg_len;
    uint16_t cseg_16_len;
    uint16_t dseg_len;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_tag_apm) == 28, "APM tag is 28 bytes");

/* Spec 3.6.13 / 3.6.21 / 3.6.23: 32-bit values (EFI32 system table, EFI32
 * image handle, load base address). */
struct mb2_tag_u32 {
    uint32_t type;
    uint32_t size;
    uint32_t value;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_tag_u32) == 12, "32-bit pointer tag is 12 bytes");

/* Spec 3.6.14 / 3.6.22: 64-bit pointers (EFI64 system table, image handle). */
struct mb2_tag_u64 {
    uint32_t type;
    uint32_t size;
    uint64_t value;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_tag_u64) == 16, "64-bit pointer tag is 16 bytes");

/* Spec 3.6.15: SMBIOS tables. */
struct mb2_tag_smbios {
    uint32_t type;
    uint32_t size;
    uint8_t major;
    uint8_t minor;
    uint8_t reserved[6];
    /* tables follow */
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_tag_smbios) == 16, "SMBIOS tag fixed part is 16 bytes");

/* ACPI 6.5, 5.2.5.3: the RSDP the ACPI tags copy (20 bytes for revision 0). */
struct mb2_rsdp_v1 {
    char signature[8];
    uint8_t checksum;
    char oem_id[6];
    uint8_t revision;
    uint32_t rsdt_address;
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_rsdp_v1) == 20, "RSDP 1.0 is 20 bytes");

struct mb2_rsdp_v2 {
    struct mb2_rsdp_v1 v1;
    uint32_t length;
    uint64_t xsdt_address;
    uint8_t extended_checksum;
    uint8_t reserved[3];
} __attribute__((packed));
_Static_assert(sizeof(struct mb2_rsdp_v2) == 36, "RSDP 2.0 is 36 bytes");

/* Decoded results. */
struct mb2_string {
    const char *string; /* NUL-terminated, inside the tag */
    size_t len;         /* bytes before the NUL */
};

struct mb2_module {
    uint32_t mod_start;
    uint32_t mod_end;   /* spec: first byte after the module */
    struct mb2_string string;
};

struct mb2_basic_meminfo {
    uint32_t mem_lower; /* KiB */
    uint32_t mem_upper; /* KiB */
};

struct mb2_bootdev {
    uint32_t biosdev;
    uint32_t partition;
    uint32_t sub_partition;
};

struct mb2_vbe {
    uint16_t vbe_mode;
    uint16_t vbe_interface_seg;
    uint16_t vbe_interface_off;
    uint16_t vbe_interface_len;
    const uint8_t *vbe_control_info; /* 512 bytes */
    const uint8_t *vbe_mode_info;    /* 256 bytes */
};

struct mb2_framebuffer {
    uint64_t framebuffer_addr;
    uint32_t framebuffer_pitch;
    uint32_t framebuffer_width;
    uint32_t framebuffer_height;
    uint8_t framebuffer_bpp;
    uint8_t framebuffer_type; /* MB2_FRAMEBUFFER_TYPE_* */
    /* INDEXED: palette of num_colors 3-byte entries (struct mb2_color), in the tag. */
    uint16_t framebuffer_palette_num_colors;
    const uint8_t *framebuffer_palette;
    /* RGB: field positions and mask sizes. */
    struct mb2_framebuffer_rgb rgb;
};

struct mb2_apm {
    uint16_t version, cseg;
    uint32_t offset;
    uint16_t cseg_16, dseg, flags, cseg_len, cseg_16_len, dseg_len;
};

struct mb2_smbios {
    uint8_t major, minor;
    const uint8_t *tables; /* copy of the SMBIOS tables */
    size_t len;
};

struct mb2_rsdp {
    char signature[8];
    uint8_t checksum;
    char oem_id[6];
    uint8_t revision;
    uint32_t rsdt_address;
    uint32_t length;        /* ACPI_NEW only (0 for ACPI_OLD) */
    uint64_t xsdt_address;  /* ACPI_NEW only (0 for ACPI_OLD) */
    const uint8_t *bytes;   /* the copy, LEN bytes, e.g. for rsdp_validate_copy() */
    size_t len;
};

struct mb2_bytes {
    const uint8_t *bytes;
    size_t len;
};

/* CMDLINE or BOOT_LOADER_NAME (spec 3.6.5, 3.6.9): MB2_BAD_STRING without a NUL. */
MB2_MUST_USE enum mb2_status mb2_tag_string(const struct mb2_tag *tag, struct mb2_string *out);
/* MODULE (spec 3.6.6). */
MB2_MUST_USE enum mb2_status mb2_tag_module(const struct mb2_tag *tag, struct mb2_module *out);
/* BASIC_MEMINFO (spec 3.6.3). */
MB2_MUST_USE enum mb2_status mb2_tag_basic_meminfo(const struct mb2_tag *tag,
                                                   struct mb2_basic_meminfo *out);
/* BOOTDEV (spec 3.6.4). */
MB2_MUST_USE enum mb2_status mb2_tag_bootdev(const struct mb2_tag *tag, struct mb2_bootdev *out);
/* VBE (spec 3.6.11). */
MB2_MUST_USE enum mb2_status mb2_tag_vbe(const struct mb2_tag *tag, struct mb2_vbe *out);
/* FRAMEBUFFER (spec 3.6.12): for INDEXED the palette must fit in the tag
 * (MB2_BAD_LENGTH), for RGB the 6 colour bytes (MB2_TAG_TRUNCATED); EGA text
 * and unknown framebuffer types carry only the common part. */
MB2_MUST_USE enum mb2_status mb2_tag_framebuffer(const struct mb2_tag *tag,
                                                 struct mb2_framebuffer *out);
/* APM (spec 3.6.10). */
MB2_MUST_USE enum mb2_status mb2_tag_apm(const struct mb2_tag *tag, struct mb2_apm *out);
/* EFI32 or EFI64 system table pointer (spec 3.6.13, 3.6.14). */
MB2_MUST_USE enum mb2_status mb2_tag_efi_system_table(const struct mb2_tag *tag, uint64_t *out);
/* EFI32_IH or EFI64_IH image handle (spec 3.6.21, 3.6.22). */
MB2_MUST_USE enum mb2_status mb2_tag_efi_image_handle(const struct mb2_tag *tag, uint64_t *out);
/* LOAD_BASE_ADDR (spec 3.6.23). */
MB2_MUST_USE enum mb2_status mb2_tag_load_base_addr(const struct mb2_tag *tag, uint32_t *out);
/* SMBIOS (spec 3.6.15). */
MB2_MUST_USE enum mb2_status mb2_tag_smbios(const struct mb2_tag *tag, struct mb2_smbios *out);
/* ACPI_OLD / ACPI_NEW (spec 3.6.16, 3.6.17; ACPI 6.5, 5.2.5.3). Checks the
 * signature (MB2_BAD_SIGNATURE), the 20-byte checksum and for ACPI_NEW the
 * length field (MB2_BAD_LENGTH) and the extended checksum (MB2_BAD_CHECKSUM).
 * OUT is filled before the checksums are checked, so a caller may show a copy
 * that fails them. */
MB2_MUST_USE enum mb2_status mb2_tag_acpi_rsdp(const struct mb2_tag *tag, struct mb2_rsdp *out);
/* NETWORK (spec 3.6.18): the DHCP ACK packet. */
MB2_MUST_USE enum mb2_status mb2_tag_network(const struct mb2_tag *tag, struct mb2_bytes *out);
/* The bytes after the 8-byte header of any tag, e.g. an unknown or vendor one. */
void mb2_tag_payload(const struct mb2_tag *tag, struct mb2_bytes *out);
#endif

#endif
