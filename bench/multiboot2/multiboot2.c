/* bench/multiboot2 FILE...: for each Multiboot2 boot-information file, the
 * time per iteration of
 *   walk    validation plus a walk over every tag and every memory-map entry;
 *   lookup  validation plus the typed look-ups a kernel does at boot: command
 *           line, memory map (all entries), modules and framebuffer;
 * printed as "walk <file name> <ns> ns" and "lookup <file name> <ns> ns"; under
 * callgrind 10000 iterations each, with "... <n> instructions" per iteration.
 * With no argument it measures the GRUB captures of ../shared. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "common/bench.h"
#include "multiboot2/multiboot2.h"

static uint64_t now_ns(void)
{
    return (uint64_t)bench_now_ns();
}

/* Keeps results alive so the compiler cannot drop the work. */
static volatile uint64_t sink;

static uint64_t walk(const uint8_t *data, size_t len)
{
    struct mb2_info info;
    uint64_t acc = 0;
    if (mb2_info_load(data, len, &info, NULL) != MB2_OK)
        return 0;
    struct mb2_tag_iter it;
    struct mb2_tag tag;
    mb2_tag_iter_init(&it, &info);
    while (mb2_tag_next(&it, &tag) == MB2_OK) {
        acc += tag.type + tag.size;
        struct mb2_mmap mm;
        if (tag.type == MB2_TAG_TYPE_MMAP && mb2_mmap(&tag, &mm) == MB2_OK) {
            struct mb2_mmap_iter mi;
            struct mb2_mmap_entry e;
            mb2_mmap_iter_init(&mi, &mm);
            while (mb2_mmap_next(&mi, &e) == MB2_OK)
                acc += e.base_addr + e.length + e.type;
        }
    }
    return acc;
}

static uint64_t lookup(const uint8_t *data, size_t len)
{
    struct mb2_info info;
    struct mb2_tag tag;
    uint64_t acc = 0;
    if (mb2_info_load(data, len, &info, NULL) != MB2_OK)
        return 0;
    struct mb2_string s;
    if (mb2_tag_find(&info, MB2_TAG_TYPE_CMDLINE, &tag) == MB2_OK && mb2_tag_string(&tag, &s) == MB2_OK)
        acc += s.len;
    struct mb2_mmap mm;
    if (mb2_tag_find(&info, MB2_TAG_TYPE_MMAP, &tag) == MB2_OK && mb2_mmap(&tag, &mm) == MB2_OK) {
        struct mb2_mmap_iter mi;
        struct mb2_mmap_entry e;
        mb2_mmap_iter_init(&mi, &mm);
        while (mb2_mmap_next(&mi, &e) == MB2_OK)
            acc += e.length;
    }
    struct mb2_tag_iter it;
    struct mb2_module m;
    mb2_tag_iter_init(&it, &info);
    while (mb2_tag_next_of_type(&it, MB2_TAG_TYPE_MODULE, &tag) == MB2_OK) {
        if (mb2_tag_module(&tag, &m) == MB2_OK)
            acc += m.mod_end - m.mod_start;
    }
    struct mb2_framebuffer fb;
    if (mb2_tag_find(&info, MB2_TAG_TYPE_FRAMEBUFFER, &tag) == MB2_OK &&
        mb2_tag_framebuffer(&tag, &fb) == MB2_OK)
        acc += fb.framebuffer_addr;
    return acc;
}

/* Nanoseconds per call of FN, over at least 0.2 s (after a warm-up); under
 * callgrind exactly 10000 calls, counted as the phase NAME. */
static double measure(const char *name, uint64_t (*fn)(const uint8_t *, size_t),
                      const uint8_t *data, size_t len)
{
    for (int i = 0; i < 1000; i++)
        sink += fn(data, len);
    bool counted = bench_under_valgrind();
    uint64_t iterations = 0;
    if (counted)
        bench_phase_begin();
    const uint64_t start = now_ns();
    uint64_t elapsed;
    do {
        for (int i = 0; i < 10000; i++)
            sink += fn(data, len);
        iterations += 10000;
        elapsed = now_ns() - start;
    } while (!counted && elapsed < 200000000u);
    if (counted)
        bench_phase_end(name, iterations);
    return (double)elapsed / (double)iterations;
}

static int bench_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        perror(path);
        return 1;
    }
    uint8_t *data = aligned_alloc(8, 1u << 20);
    size_t len = data != NULL ? fread(data, 1, 1u << 20, f) : 0;
    fclose(f);
    struct mb2_info info;
    enum mb2_status st = data != NULL ? mb2_info_load(data, len, &info, NULL) : MB2_INVALID_ARGUMENT;
    if (st != MB2_OK) {
        fprintf(stderr, "%s: %s\n", path, mb2_status_str(st));
        free(data);
        return 1;
    }
    const char *slash = strrchr(path, '/');
    const char *name = slash != NULL ? slash + 1 : path;
    char figure[300];
    snprintf(figure, sizeof(figure), "walk %s", name);
    printf("%s %.1f ns\n", figure, measure(figure, walk, data, len));
    snprintf(figure, sizeof(figure), "lookup %s", name);
    printf("%s %.1f ns\n", figure, measure(figure, lookup, data, len));
    free(data);
    return 0;
}

int main(int argc, char **argv)
{
    static const char *const captures[] = {"grub-bios-i440fx.mbi", "grub-bios-q35.mbi",
                                           "grub-efi-q35.mbi"};
    int rc = 0;
    if (argc > 1) {
        for (int i = 1; i < argc; i++)
            rc |= bench_file(argv[i]);
        return rc;
    }
    for (size_t i = 0; i < sizeof(captures) / sizeof(captures[0]); i++) {
        char path[4096];
        snprintf(path, sizeof(path), "%s/fixtures/multiboot2/%s", OSDEV_SHARED_DIR, captures[i]);
        rc |= bench_file(path);
    }
    return rc;
}
