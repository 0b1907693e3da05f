/* Host driver of the chainloader's header-and-ELF logic (examples/chainloader/
 * image.c): reads an image file and prints what the chainloader would decide.
 *
 *   chain_plan FILE [--loader START END] [--bootinfo START END]
 *              [--offer TYPES FBTYPE]
 *
 * --loader / --bootinfo run the placement check against those ranges;
 * --offer runs the request check with TYPES (a bit per tag type) offered and
 * a framebuffer of FBTYPE (0 indexed, 1 RGB, 2 EGA text, -1 none).
 * Output: "refused status=N detail=D reason=..." or "ok ..." followed by one
 * "segment ..." line per load segment. Exit 0 in both cases, 2 on usage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"

static long long number(const char *s)
{
    return strtoll(s, NULL, 0);
}

static int refused(const struct chain_plan *plan, enum chain_status st)
{
    printf("refused status=%d detail=%u reason=\"%s\"\n", (int)st, plan->detail,
           chain_status_str(st));
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: chain_plan FILE [--loader S E] [--bootinfo S E] [--offer T FB]\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (f == NULL) {
        perror(argv[1]);
        return 2;
    }
    static uint8_t image[64u << 20];
    size_t len = fread(image, 1, sizeof image, f);
    fclose(f);
    /* An exact-size copy, so ASan catches any read past the image. */
    uint8_t *copy = malloc(len ? len : 1);
    if (copy == NULL) {
        return 2;
    }
    memcpy(copy, image, len);

    struct chain_plan plan;
    enum chain_status st = chain_image_plan(copy, len, &plan);
    struct chain_range loader = {0, 0}, bootinfo = {0, 0};
    struct chain_offer offer = {0};
    bool placement = false, have_offer = false;
    if ((argc - 2) % 3 != 0) {
        fprintf(stderr, "every option takes two values\n");
        free(copy);
        return 2;
    }
    for (int i = 2; i + 2 < argc; i += 3) {
        long long a = number(argv[i + 1]), b = number(argv[i + 2]);
        if (strcmp(argv[i], "--loader") == 0) {
            loader = (struct chain_range){(uint64_t)a, (uint64_t)b};
            placement = true;
        } else if (strcmp(argv[i], "--bootinfo") == 0) {
            bootinfo = (struct chain_range){(uint64_t)a, (uint64_t)b};
            placement = true;
        } else if (strcmp(argv[i], "--offer") == 0) {
            offer.types = (uint32_t)a;
            offer.have_framebuffer = b >= 0;
            offer.framebuffer_type = (uint8_t)(b >= 0 ? b : 0);
            have_offer = true;
        } else {
            fprintf(stderr, "unknown option %s\n", argv[i]);
            free(copy);
            return 2;
        }
    }
    if (st == CHAIN_OK && placement) {
        st = chain_plan_check_placement(&plan, loader, bootinfo);
    }
    if (st == CHAIN_OK && have_offer) {
        st = chain_plan_check_offer(&plan, &offer);
    }
    if (st != CHAIN_OK) {
        free(copy);
        return refused(&plan, st);
    }
    printf("ok header_offset=0x%x entry=0x%x load_base=0x%x class=%u shoff=0x%x shnum=%u "
           "shentsize=%u shstrndx=%u requested=0x%x required=0x%x module_align=%d\n",
           plan.header.offset, plan.entry, plan.load_base, plan.elf_class, plan.shoff, plan.shnum,
           plan.shentsize, plan.shstrndx, plan.requested, plan.required, plan.module_align);
    for (uint32_t i = 0; i < plan.segment_count; i++) {
        const struct chain_segment *s = &plan.segments[i];
        printf("segment dest=0x%x filesz=0x%x memsz=0x%x offset=0x%x\n", s->dest, s->filesz,
               s->memsz, s->offset);
    }
    free(copy);
    return 0;
}
