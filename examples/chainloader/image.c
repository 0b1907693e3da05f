/* See image.h. Multiboot2 specification 3.1 for the header; System V gABI
 * chapters 4 (ELF header, sections) and 5 (program headers) for ELF. */
#include "image.h"

#include "multiboot2/info.h"

/* ELF identification and constants (gABI 4, "ELF Header"). */
#define ELF_CLASS32 1
#define ELF_CLASS64 2
#define ELF_DATA2LSB 1
#define ELF_ET_EXEC 2
#define ELF_EM_386 3
#define ELF_EM_X86_64 62
#define ELF_PT_LOAD 1
#define ELF32_EHDR_SIZE 52u
#define ELF64_EHDR_SIZE 64u
#define ELF32_PHDR_SIZE 32u
#define ELF64_PHDR_SIZE 56u
#define ELF32_SHDR_SIZE 40u
#define ELF64_SHDR_SIZE 64u
#define ELF_SHN_XINDEX 0xFFFFu
#define FOUR_GIB ((uint64_t)1 << 32)
/* Spec 3.1.5: load_addr -1 loads the file from its first byte. */
#define ADDRESS_LOAD_FROM_START 0xFFFFFFFFu

/* Firmware-style loads: the image sits in a module at any alignment. */
static uint16_t ld16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t ld32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static uint64_t ld64(const uint8_t *p)
{
    return (uint64_t)ld32(p) | ((uint64_t)ld32(p + 4) << 32);
}

static bool fits(uint64_t offset, uint64_t size, size_t len)
{
    return offset <= len && size <= len - offset;
}

bool chain_ranges_overlap(struct chain_range a, struct chain_range b)
{
    return a.start < b.end && b.start < a.end && a.start < a.end && b.start < b.end;
}

static struct chain_range segment_range(const struct chain_segment *s)
{
    return (struct chain_range){s->dest, (uint64_t)s->dest + s->memsz};
}

static enum chain_status fail(struct chain_plan *plan, enum chain_status st, uint32_t detail)
{
    plan->detail = detail;
    return st;
}

/* Spec 3.1.3 - 3.1.13: decode every header tag into PLAN. */
static enum chain_status decode_tags(struct chain_plan *plan)
{
    struct mb2_header_tag_iter it;
    struct mb2_header_tag_view tag;
    enum mb2_status st;

    mb2_header_tag_iter_init(&it, &plan->header);
    while ((st = mb2_header_tag_next(&it, &tag)) == MB2_OK) {
        bool optional = (tag.flags & MB2_HEADER_TAG_OPTIONAL) != 0;
        enum mb2_status dst = MB2_OK;
        switch (tag.type) {
        case MB2_HEADER_TAG_INFORMATION_REQUEST: {
            struct mb2_header_information_request req;
            dst = mb2_header_information_request(&tag, &req);
            for (uint32_t i = 0; dst == MB2_OK && i < req.count; i++) {
                uint32_t type = mb2_header_information_request_type_at(&req, i);
                if (type < 32) {
                    plan->requested |= 1u << type;
                    plan->required |= optional ? 0u : 1u << type;
                } else if (!optional && plan->required_unknown == 0) {
                    plan->required_unknown = type;
                }
            }
            break;
        }
        case MB2_HEADER_TAG_ADDRESS:
            dst = mb2_header_address(&tag, &plan->address);
            plan->have_address = dst == MB2_OK;
            break;
        case MB2_HEADER_TAG_ENTRY_ADDRESS:
            dst = mb2_header_entry_address(&tag, &plan->entry);
            plan->have_entry = dst == MB2_OK;
            break;
        case MB2_HEADER_TAG_CONSOLE_FLAGS:
            dst = mb2_header_console_flags(&tag, &plan->console_flags);
            plan->have_console_flags = dst == MB2_OK;
            break;
        case MB2_HEADER_TAG_FRAMEBUFFER:
            dst = mb2_header_framebuffer(&tag, &plan->framebuffer);
            plan->have_framebuffer = dst == MB2_OK;
            plan->framebuffer_required = !optional;
            break;
        case MB2_HEADER_TAG_MODULE_ALIGN:
            plan->module_align = true;
            break;
        case MB2_HEADER_TAG_EFI_BS:
            plan->efi_bs_required = !optional;
            break;
        case MB2_HEADER_TAG_ENTRY_ADDRESS_EFI32:
        case MB2_HEADER_TAG_ENTRY_ADDRESS_EFI64:
            /* Spec 3.1.7, 3.1.8: used only together with the EFI boot services tag. */
        case MB2_HEADER_TAG_RELOCATABLE:
            /* Spec 3.1.13 allows, not demands, relocation: load at the linked address. */
            break;
        default:
            if (!optional) {
                return fail(plan, CHAIN_UNSUPPORTED_TAG, tag.type);
            }
            break;
        }
        if (dst != MB2_OK) {
            return fail(plan, CHAIN_BAD_HEADER, (uint32_t)dst);
        }
    }
    return st == MB2_END ? CHAIN_OK : fail(plan, CHAIN_BAD_HEADER, (uint32_t)st);
}

static enum chain_status add_segment(struct chain_plan *plan, uint64_t dest, uint64_t filesz,
                                     uint64_t memsz, uint64_t offset, size_t len)
{
    uint32_t index = plan->segment_count;
    if (index >= CHAIN_MAX_SEGMENTS) {
        return fail(plan, CHAIN_TOO_MANY_SEGMENTS, index);
    }
    if (!fits(offset, filesz, len)) {
        return fail(plan, CHAIN_ELF_TRUNCATED, index);
    }
    if (filesz > memsz || dest >= FOUR_GIB || memsz > FOUR_GIB - dest) {
        return fail(plan, CHAIN_BAD_SEGMENT, index);
    }
    struct chain_segment seg = {(uint32_t)dest, (uint32_t)filesz, (uint32_t)memsz, (uint32_t)offset};
    for (uint32_t i = 0; i < index; i++) {
        if (chain_ranges_overlap(segment_range(&plan->segments[i]), segment_range(&seg))) {
            return fail(plan, CHAIN_SEGMENTS_OVERLAP, index);
        }
    }
    plan->segments[index] = seg;
    plan->segment_count = index + 1;
    if (index == 0 || seg.dest < plan->load_base) {
        plan->load_base = seg.dest;
    }
    return CHAIN_OK;
}

/* Spec 3.1.5: one segment placed relative to where the header was found. */
static enum chain_status plan_address_tag(struct chain_plan *plan, size_t len)
{
    const struct mb2_header_tag_address *a = &plan->address;
    uint64_t header_offset = plan->header.offset;
    uint64_t load_addr = a->load_addr;
    uint64_t load_offset = 0;

    if (!plan->have_entry) {
        return fail(plan, CHAIN_NO_ENTRY, 0);
    }
    if (a->load_addr == ADDRESS_LOAD_FROM_START) {
        if (a->header_addr < header_offset) {
            return fail(plan, CHAIN_BAD_ADDRESS_TAG, 0);
        }
        load_addr = a->header_addr - header_offset;
    } else {
        if (load_addr > a->header_addr || a->header_addr - load_addr > header_offset) {
            return fail(plan, CHAIN_BAD_ADDRESS_TAG, 0);
        }
        load_offset = header_offset - (a->header_addr - load_addr);
    }
    uint64_t filesz = len - load_offset;
    if (a->load_end_addr != 0) {
        if (a->load_end_addr < load_addr) {
            return fail(plan, CHAIN_BAD_ADDRESS_TAG, 0);
        }
        filesz = a->load_end_addr - load_addr;
    }
    uint64_t memsz = filesz;
    if (a->bss_end_addr != 0) {
        if (a->bss_end_addr < load_addr + filesz) {
            return fail(plan, CHAIN_BAD_ADDRESS_TAG, 0);
        }
        memsz = a->bss_end_addr - load_addr;
    }
    return add_segment(plan, load_addr, filesz, memsz, load_offset, len);
}

/* gABI 4 and 5: the ELF header, then every PT_LOAD at its physical address
 * (p_paddr, as GRUB loads Multiboot2 ELF images). */
static enum chain_status plan_elf(struct chain_plan *plan, const uint8_t *image, size_t len)
{
    if (len < 16 || image[0] != 0x7F || image[1] != 'E' || image[2] != 'L' || image[3] != 'F') {
        return fail(plan, CHAIN_NOT_ELF, 0);
    }
    uint8_t class = image[4];
    bool is64 = class == ELF_CLASS64;
    if ((class != ELF_CLASS32 && !is64) || image[5] != ELF_DATA2LSB || image[6] != 1) {
        return fail(plan, CHAIN_NOT_ELF, 0);
    }
    if (len < (is64 ? ELF64_EHDR_SIZE : ELF32_EHDR_SIZE)) {
        return fail(plan, CHAIN_ELF_TRUNCATED, 0);
    }
    uint16_t machine = ld16(image + 18);
    if (ld16(image + 16) != ELF_ET_EXEC) {
        return fail(plan, CHAIN_NOT_ELF, 0);
    }
    if (machine != (is64 ? ELF_EM_X86_64 : ELF_EM_386)) {
        return fail(plan, CHAIN_WRONG_ARCHITECTURE, machine);
    }
    uint64_t entry = is64 ? ld64(image + 24) : ld32(image + 24);
    uint64_t phoff = is64 ? ld64(image + 32) : ld32(image + 28);
    uint64_t shoff = is64 ? ld64(image + 40) : ld32(image + 32);
    const uint8_t *sizes = image + (is64 ? 54 : 42); /* e_phentsize ... e_shstrndx */
    uint32_t phentsize = ld16(sizes), phnum = ld16(sizes + 2);
    uint32_t shentsize = ld16(sizes + 4), shnum = ld16(sizes + 6), shstrndx = ld16(sizes + 8);

    if (phentsize < (is64 ? ELF64_PHDR_SIZE : ELF32_PHDR_SIZE) ||
        !fits(phoff, (uint64_t)phnum * phentsize, len)) {
        return fail(plan, CHAIN_ELF_TRUNCATED, 0);
    }
    for (uint32_t i = 0; i < phnum; i++) {
        const uint8_t *ph = image + phoff + (uint64_t)i * phentsize;
        if (ld32(ph) != ELF_PT_LOAD) {
            continue;
        }
        uint64_t offset = is64 ? ld64(ph + 8) : ld32(ph + 4);
        uint64_t paddr = is64 ? ld64(ph + 24) : ld32(ph + 12);
        uint64_t filesz = is64 ? ld64(ph + 32) : ld32(ph + 16);
        uint64_t memsz = is64 ? ld64(ph + 40) : ld32(ph + 20);
        if (memsz == 0) {
            continue;
        }
        enum chain_status st = add_segment(plan, paddr, filesz, memsz, offset, len);
        if (st != CHAIN_OK) {
            return st;
        }
    }
    if (plan->segment_count == 0) {
        return fail(plan, CHAIN_NOT_ELF, 0);
    }
    if (!plan->have_entry) {
        if (entry >= FOUR_GIB) {
            return fail(plan, CHAIN_NO_ENTRY, 0);
        }
        plan->entry = (uint32_t)entry;
    }
    /* Section headers for the ELF sections tag; an extended numbering
     * (gABI 4: e_shnum 0 or SHN_XINDEX) is passed as no sections. */
    plan->elf_class = class;
    if (shnum != 0 && shstrndx != ELF_SHN_XINDEX) {
        if (shentsize != (is64 ? ELF64_SHDR_SIZE : ELF32_SHDR_SIZE) ||
            !fits(shoff, (uint64_t)shnum * shentsize, len) || shstrndx >= shnum) {
            return fail(plan, CHAIN_ELF_TRUNCATED, 0);
        }
        plan->shoff = (uint32_t)shoff;
        plan->shnum = shnum;
        plan->shentsize = shentsize;
        plan->shstrndx = shstrndx;
    }
    return CHAIN_OK;
}

enum chain_status chain_image_plan(const uint8_t *image, size_t len, struct chain_plan *plan)
{
    *plan = (struct chain_plan){0};
    enum mb2_status st = mb2_header_find(image, len, &plan->header);
    if (st == MB2_NOT_FOUND) {
        return fail(plan, CHAIN_NO_HEADER, (uint32_t)st);
    }
    if (st != MB2_OK) {
        return fail(plan, CHAIN_BAD_HEADER, (uint32_t)st);
    }
    if (plan->header.architecture != MB2_HEADER_ARCHITECTURE_I386) {
        return fail(plan, CHAIN_WRONG_ARCHITECTURE, plan->header.architecture);
    }
    enum chain_status cst = decode_tags(plan);
    if (cst != CHAIN_OK) {
        return cst;
    }
    return plan->have_address ? plan_address_tag(plan, len) : plan_elf(plan, image, len);
}

enum chain_status chain_plan_check_placement(struct chain_plan *plan, struct chain_range loader,
                                             struct chain_range bootinfo)
{
    for (uint32_t i = 0; i < plan->segment_count; i++) {
        struct chain_range r = segment_range(&plan->segments[i]);
        if (chain_ranges_overlap(r, loader)) {
            return fail(plan, CHAIN_OVERLAPS_LOADER, i);
        }
        if (chain_ranges_overlap(r, bootinfo)) {
            return fail(plan, CHAIN_OVERLAPS_BOOTINFO, i);
        }
    }
    return CHAIN_OK;
}

enum chain_status chain_plan_check_offer(struct chain_plan *plan, const struct chain_offer *offer)
{
    if (plan->required_unknown != 0) {
        return fail(plan, CHAIN_INFO_UNAVAILABLE, plan->required_unknown);
    }
    for (uint32_t type = 0; type < 32; type++) {
        if ((plan->required & (1u << type)) != 0 && (offer->types & (1u << type)) == 0) {
            return fail(plan, CHAIN_INFO_UNAVAILABLE, type);
        }
    }
    /* Spec 3.1.11: boot services ended when GRUB entered this loader. */
    if (plan->efi_bs_required) {
        return fail(plan, CHAIN_EFI_BS_UNAVAILABLE, 0);
    }
    if (plan->framebuffer_required && !offer->have_framebuffer) {
        return fail(plan, CHAIN_FRAMEBUFFER_UNAVAILABLE, 0);
    }
    /* Spec 3.1.9: a required console must be one the image supports: EGA text
     * if it says so, a linear framebuffer if it has a framebuffer tag. */
    if (plan->have_console_flags &&
        (plan->console_flags & MB2_CONSOLE_FLAGS_CONSOLE_REQUIRED) != 0) {
        bool ega = offer->have_framebuffer &&
                   offer->framebuffer_type == MB2_FRAMEBUFFER_TYPE_EGA_TEXT &&
                   (plan->console_flags & MB2_CONSOLE_FLAGS_EGA_TEXT_SUPPORTED) != 0;
        bool linear = offer->have_framebuffer &&
                      offer->framebuffer_type != MB2_FRAMEBUFFER_TYPE_EGA_TEXT &&
                      plan->have_framebuffer;
        if (!ega && !linear) {
            return fail(plan, CHAIN_CONSOLE_UNAVAILABLE, 0);
        }
    }
    return CHAIN_OK;
}

const char *chain_status_str(enum chain_status status)
{
    switch (status) {
    case CHAIN_OK: return "ok";
    case CHAIN_NO_HEADER: return "no Multiboot2 header in the first 32 KiB";
    case CHAIN_BAD_HEADER: return "malformed Multiboot2 header";
    case CHAIN_WRONG_ARCHITECTURE: return "wrong architecture";
    case CHAIN_UNSUPPORTED_TAG: return "required header tag not supported";
    case CHAIN_NOT_ELF: return "no address tag and not an x86 ELF executable";
    case CHAIN_ELF_TRUNCATED: return "ELF image truncated";
    case CHAIN_BAD_SEGMENT: return "bad load segment";
    case CHAIN_TOO_MANY_SEGMENTS: return "too many load segments";
    case CHAIN_SEGMENTS_OVERLAP: return "load segments overlap";
    case CHAIN_BAD_ADDRESS_TAG: return "address tag inconsistent with the file";
    case CHAIN_NO_ENTRY: return "no usable entry address";
    case CHAIN_OVERLAPS_LOADER: return "segment overlaps the chainloader";
    case CHAIN_OVERLAPS_BOOTINFO: return "segment overlaps the boot information";
    case CHAIN_NOT_IN_RAM: return "segment outside available memory";
    case CHAIN_INFO_UNAVAILABLE: return "required boot information cannot be provided";
    case CHAIN_EFI_BS_UNAVAILABLE: return "EFI boot services required but ended";
    case CHAIN_CONSOLE_UNAVAILABLE: return "required console not available";
    case CHAIN_FRAMEBUFFER_UNAVAILABLE: return "required framebuffer not available";
    case CHAIN_NO_MEMORY: return "out of memory";
    case CHAIN_BAD_BOOT_INFO: return "malformed boot information";
    case CHAIN_NO_KERNEL: return "no kernel module";
    }
    return "unknown status";
}
