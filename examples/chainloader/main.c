/* The chainloader: GRUB loads it as a Multiboot2 kernel; it loads the first
 * GRUB module as a Multiboot2 kernel and boots it as GRUB would, with boot
 * information of its own (README.md tells the steps). */
#include "bootinfo.h"
#include "chain.h"
#include "image.h"
#include "log.h"
#include "mem.h"
#include "memory.h"
#include "multiboot2/multiboot2.h"
#include "qemu_exit/qemu_exit.h"

#define PAGE_SIZE 4096u
/* ELF section headers passed in the ELF sections tag (up to 64 bytes each). */
#define MAX_SECTIONS 128u
/* Memory map entries: GRUB's plus two for each carved range. */
#define MAX_MMAP_ENTRIES 160u
#define ELF_SHF_ALLOC 0x2u
#define ELF_SHT_NOBITS 8u

/* The loader's own header (spec 3.1): a memory map is required, a linear
 * framebuffer welcome (grub.cfg's gfxpayload picks the mode, which is passed
 * on to the kernel), modules page-aligned. */
struct chain_mb2_header {
    struct mb2_header header;
    MB2_HEADER_SLOT(MB2_HEADER_TAG_INFORMATION_REQUEST_TYPE(1)) request;
    MB2_HEADER_SLOT(struct mb2_header_tag_framebuffer) framebuffer;
    MB2_HEADER_SLOT(struct mb2_header_tag) module_align;
    MB2_HEADER_SLOT(struct mb2_header_tag) end;
};
__attribute__((section(".multiboot2"), used, aligned(8))) static const struct chain_mb2_header
    chain_mb2_header = {
        .header = MB2_HEADER_INIT(MB2_HEADER_ARCHITECTURE_I386, sizeof(struct chain_mb2_header)),
        .request = {MB2_HEADER_TAG_INFORMATION_REQUEST_INIT(0, 1, MB2_TAG_TYPE_MMAP)},
        .framebuffer = {MB2_HEADER_TAG_FRAMEBUFFER_INIT(MB2_HEADER_TAG_OPTIONAL, 1024, 768, 32)},
        .module_align = {MB2_HEADER_TAG_MODULE_ALIGN_INIT(0)},
        .end = {MB2_HEADER_TAG_END_INIT},
};

/* Big tables live here rather than on the 16 KiB stack. */
static struct {
    struct uart16550 uart;
    struct chain_grub_info grub;
    struct chain_plan plan;
    struct chain_memory memory;
    struct mb2_module modules[CHAIN_MAX_MODULES];
    struct mb2_mmap_entry mmap[MAX_MMAP_ENTRIES];
    uint8_t sections[MAX_SECTIONS * 64u];
} chain;

__attribute__((section(".bootinfo"), aligned(PAGE_SIZE))) static uint8_t
    chain_bootinfo[CHAIN_BOOTINFO_SIZE];

_Noreturn static void refuse(enum chain_status st, uint32_t detail, const char *what)
{
    const struct qemu_exit dev = QEMU_EXIT_DEFAULT;
    chain_log("refused: %s: %s (detail %u)\n", what, chain_status_str(st), detail);
    /* A boot stage has nowhere to go back to: leave QEMU with the failure code
     * (a write to an absent port elsewhere), then halt. */
    qemu_exit_failure(&dev);
}

static void check(enum chain_status st, uint32_t detail, const char *what)
{
    if (st != CHAIN_OK) {
        refuse(st, detail, what);
    }
}

static struct chain_range module_range(const struct mb2_module *m)
{
    return (struct chain_range){m->mod_start, m->mod_end};
}

static bool overlaps_segments(const struct chain_plan *plan, struct chain_range r)
{
    for (uint32_t i = 0; i < plan->segment_count; i++) {
        const struct chain_segment *s = &plan->segments[i];
        if (chain_ranges_overlap(r, (struct chain_range){s->dest, (uint64_t)s->dest + s->memsz})) {
            return true;
        }
    }
    return false;
}

/* Modules the kernel's segments would overwrite, and (with the module
 * alignment tag, spec 3.1.12) modules not on a page boundary, move to free
 * memory before anything is loaded. */
static void place_modules(const struct chain_plan *plan)
{
    for (uint32_t i = 0; i < chain.grub.module_count; i++) {
        struct mb2_module *m = &chain.modules[i];
        uint32_t size = m->mod_end > m->mod_start ? m->mod_end - m->mod_start : 0;
        bool misaligned = i > 0 && plan->module_align && m->mod_start % PAGE_SIZE != 0;
        if (size == 0 || (!misaligned && !overlaps_segments(plan, module_range(m)))) {
            continue;
        }
        uint64_t to = 0;
        check(chain_memory_alloc(&chain.memory, size, PAGE_SIZE, &to), size, "room for a module");
        chain_log("module %u moved from 0x%x to 0x%llx (%u bytes)\n", i, m->mod_start,
                  (unsigned long long)to, size);
        (void)memmove((void *)(uintptr_t)to, (const void *)(uintptr_t)m->mod_start, size);
        m->mod_start = (uint32_t)to;
        m->mod_end = (uint32_t)to + size;
    }
}

/* Little-endian fields of 4 or 8 bytes, in 32-bit halves (a variable 64-bit
 * shift would need libgcc's __lshrdi3 on i686). */
static void put_le32(uint8_t *p, uint32_t value)
{
    for (uint32_t i = 0; i < 4; i++) {
        p[i] = (uint8_t)(value >> (8u * i));
    }
}

static uint32_t get_le32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static void put_le(uint8_t *p, uint64_t value, uint32_t bytes)
{
    put_le32(p, (uint32_t)value);
    if (bytes == 8) {
        put_le32(p + 4, (uint32_t)(value >> 32));
    }
}

static uint64_t get_le(const uint8_t *p, uint32_t bytes)
{
    return get_le32(p) | (bytes == 8 ? (uint64_t)get_le32(p + 4) << 32 : 0);
}

/* The ELF sections tag as GRUB writes it: the section headers, where every
 * section that no segment loads (sh_addr 0: symbols, strings, debug data)
 * is copied to free memory and its sh_addr set to the copy. */
static void copy_sections(const struct chain_plan *plan, const uint8_t *image)
{
    uint32_t w = plan->elf_class == 2 ? 8u : 4u; /* ELF64 or ELF32 field width */
    if (plan->shnum > MAX_SECTIONS) {
        refuse(CHAIN_NO_MEMORY, plan->shnum, "ELF section headers");
    }
    (void)memcpy(chain.sections, image + plan->shoff, (size_t)plan->shnum * plan->shentsize);
    for (uint32_t i = 1; i < plan->shnum; i++) {
        uint8_t *sh = chain.sections + (size_t)i * plan->shentsize;
        /* Elf32_Shdr / Elf64_Shdr: type at 4, flags at 8, then addr, offset, size. */
        uint32_t type = get_le32(sh + 4);
        uint64_t flags = get_le(sh + 8, w);
        uint64_t addr = get_le(sh + 8 + w, w);
        uint64_t offset = get_le(sh + 8 + (size_t)2 * w, w);
        uint64_t size = get_le(sh + 8 + (size_t)3 * w, w);
        if (addr != 0 || size == 0 || type == ELF_SHT_NOBITS || (flags & ELF_SHF_ALLOC) != 0) {
            continue;
        }
        if (offset > chain.modules[0].mod_end - chain.modules[0].mod_start ||
            size > chain.modules[0].mod_end - chain.modules[0].mod_start - offset) {
            refuse(CHAIN_ELF_TRUNCATED, i, "ELF section");
        }
        uint64_t to = 0;
        check(chain_memory_alloc(&chain.memory, size, 16, &to), i, "room for an ELF section");
        (void)memcpy((void *)(uintptr_t)to, image + offset, (size_t)size);
        put_le(sh + 8 + w, to, w);
    }
}

static void load_segments(const struct chain_plan *plan, const uint8_t *image)
{
    for (uint32_t i = 0; i < plan->segment_count; i++) {
        const struct chain_segment *s = &plan->segments[i];
        uint8_t *dest = (uint8_t *)(uintptr_t)s->dest;
        (void)memcpy(dest, image + s->offset, s->filesz);
        (void)memset(dest + s->filesz, 0, s->memsz - s->filesz);
    }
}

static void log_grub_info(void)
{
    struct mb2_mmap_iter it;
    struct mb2_mmap_entry e;
    chain_log("GRUB boot information at 0x%llx, %u bytes, %u modules, tag types 0x%x\n",
              (unsigned long long)(uintptr_t)chain.grub.info.bytes, chain.grub.info.total_size,
              chain.grub.module_count, chain.grub.types);
    mb2_mmap_iter_init(&it, &chain.grub.mmap);
    while (mb2_mmap_next(&it, &e) == MB2_OK) {
        chain_log("grub-mmap base=0x%llx length=0x%llx type=%u\n", (unsigned long long)e.base_addr,
                  (unsigned long long)e.length, e.type);
    }
}

static void log_plan(const struct chain_plan *plan)
{
    chain_log("kernel header at offset 0x%x, %s, entry 0x%x\n", plan->header.offset,
              plan->have_address ? "address tag" : plan->elf_class == 2 ? "ELF64" : "ELF32",
              plan->entry);
    for (uint32_t i = 0; i < plan->segment_count; i++) {
        const struct chain_segment *s = &plan->segments[i];
        chain_log("segment %u dest=0x%x filesz=0x%x memsz=0x%x offset=0x%x\n", i, s->dest,
                  s->filesz, s->memsz, s->offset);
    }
}

void chain_main(uint32_t magic, uint32_t mbi)
{
    struct chain_plan *plan = &chain.plan;
    uint32_t detail = 0;

    (void)chain_log_init(&chain.uart);
    chain_log("%s\n", CHAIN_LOADER_NAME);
    check(chain_grub_read(&chain.grub, magic, mbi, &detail), detail, "GRUB's boot information");
    log_grub_info();
    if (chain.grub.module_count == 0) {
        refuse(CHAIN_NO_KERNEL, 0, "kernel module");
    }
    for (uint32_t i = 0; i < chain.grub.module_count; i++) {
        chain.modules[i] = chain.grub.modules[i];
    }

    /* 1. The kernel image: header, tags, load plan (image.c). */
    const struct mb2_module *kernel = &chain.modules[0];
    uint32_t image_len = kernel->mod_end > kernel->mod_start ? kernel->mod_end - kernel->mod_start : 0;
    check(chain_image_plan((const uint8_t *)(uintptr_t)kernel->mod_start, image_len, plan),
          plan->detail, "kernel image");
    log_plan(plan);

    /* 2. Where it goes: not over the loader or the new boot information, in RAM. */
    struct chain_range loader = {(uintptr_t)chain_image_start, (uintptr_t)chain_image_end};
    struct chain_range bootinfo = {(uintptr_t)chain_bootinfo_start, (uintptr_t)chain_bootinfo_end};
    check(chain_plan_check_placement(plan, loader, bootinfo), plan->detail, "kernel placement");
    chain_memory_init(&chain.memory, &chain.grub.mmap);
    for (uint32_t i = 0; i < plan->segment_count; i++) {
        const struct chain_segment *s = &plan->segments[i];
        if (!chain_memory_available(&chain.memory, s->dest, (uint64_t)s->dest + s->memsz)) {
            refuse(CHAIN_NOT_IN_RAM, i, "kernel placement");
        }
    }

    /* 3. What it asks for (information request, console, framebuffer). */
    struct chain_offer offer = {chain_bootinfo_types(&chain.grub, plan),
                                (chain.grub.types & (1u << MB2_TAG_TYPE_FRAMEBUFFER)) != 0,
                                chain.grub.framebuffer.framebuffer_type};
    check(chain_plan_check_offer(plan, &offer), plan->detail, "kernel request");
    if (plan->have_framebuffer && offer.have_framebuffer) {
        /* Spec 3.1.10: the kernel's mode is a preference; GRUB's stays. */
        chain_log("framebuffer %ux%ux%u as GRUB set it (kernel prefers %ux%ux%u)\n",
                  chain.grub.framebuffer.framebuffer_width, chain.grub.framebuffer.framebuffer_height,
                  chain.grub.framebuffer.framebuffer_bpp, plan->framebuffer.width,
                  plan->framebuffer.height, plan->framebuffer.depth);
    }

    /* 4. Everything in use, then copies out of the kernel's way. */
    check(chain_memory_busy(&chain.memory, loader.start, bootinfo.end), 0, "memory table");
    check(chain_memory_busy(&chain.memory, mbi, (uint64_t)mbi + chain.grub.info.total_size), 0,
          "memory table");
    for (uint32_t i = 0; i < chain.grub.module_count; i++) {
        check(chain_memory_busy(&chain.memory, chain.modules[i].mod_start, chain.modules[i].mod_end),
              0, "memory table");
    }
    for (uint32_t i = 0; i < plan->segment_count; i++) {
        const struct chain_segment *s = &plan->segments[i];
        check(chain_memory_busy(&chain.memory, s->dest, (uint64_t)s->dest + s->memsz), 0,
              "memory table");
    }
    place_modules(plan);
    const uint8_t *image = (const uint8_t *)(uintptr_t)chain.modules[0].mod_start;
    if (plan->shnum != 0) {
        copy_sections(plan, image);
    }

    /* 5. The kernel's boot information: memory map with our ranges reserved. */
    const struct chain_range reserved[] = {loader, bootinfo};
    uint32_t mmap_count = 0;
    check(chain_mmap_carve(&chain.grub.mmap, reserved, 2, chain.mmap, MAX_MMAP_ENTRIES, &mmap_count),
          0, "memory map");
    chain_log("reserved base=0x%llx length=0x%llx what=chainloader\n",
              (unsigned long long)loader.start, (unsigned long long)(loader.end - loader.start));
    chain_log("reserved base=0x%llx length=0x%llx what=bootinfo\n",
              (unsigned long long)bootinfo.start, (unsigned long long)(bootinfo.end - bootinfo.start));
    const struct chain_kernel_info k = {
        kernel->string.string, &chain.modules[1], chain.grub.module_count - 1, chain.mmap,
        mmap_count, chain.sections, plan->load_base,
    };
    struct mb2_info info;
    check(chain_bootinfo_build(chain_bootinfo, sizeof chain_bootinfo, &chain.grub, plan, &k, &info,
                               &detail),
          detail, "new boot information");
    chain_log("boot information at 0x%x, %u bytes, validated\n", (uint32_t)(uintptr_t)chain_bootinfo,
              info.total_size);

    /* 6. Load and enter (spec 3.3). GRUB's structure may be overwritten now. */
    load_segments(plan, image);
    chain_log("entering the kernel at 0x%x\n", plan->entry);
    (void)uart16550_flush(&chain.uart);
    chain_enter(plan->entry, (uint32_t)(uintptr_t)chain_bootinfo);
}
