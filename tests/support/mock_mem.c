#include "mock_mem.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void mock_mem_init(struct mock_mem *m)
{
    memset(m, 0, sizeof *m);
}

void mock_mem_free(struct mock_mem *m)
{
    for (size_t i = 0; i < m->range_count; i++) {
        free(m->ranges[i].bytes);
    }
    mock_mem_init(m);
}

uint8_t *mock_mem_add(struct mock_mem *m, uint64_t base, size_t len)
{
    if (len == 0 || m->range_count == MOCK_MEM_MAX_RANGES || base + len < base) {
        return NULL;
    }
    for (size_t i = 0; i < m->range_count; i++) {
        const struct mock_mem_range *r = &m->ranges[i];
        if (base < r->base + r->len && r->base < base + len) {
            return NULL;
        }
    }
    uint8_t *bytes = calloc(1, len);
    if (bytes == NULL) {
        return NULL;
    }
    m->ranges[m->range_count++] = (struct mock_mem_range){ base, len, bytes };
    return bytes;
}

int mock_mem_add_copy(struct mock_mem *m, uint64_t base, const void *data, size_t len)
{
    uint8_t *bytes = mock_mem_add(m, base, len);
    if (bytes == NULL) {
        return -1;
    }
    memcpy(bytes, data, len);
    return 0;
}

static int load_file_into(uint8_t *dst, size_t len, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return -1;
    }
    size_t got = fread(dst, 1, len, f);
    int extra = fgetc(f);
    fclose(f);
    return (got == len && extra == EOF) ? 0 : -1;
}

int mock_mem_load_ranges(struct mock_mem *m, const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/ranges.txt", dir);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return -1;
    }
    char line[1024];
    int loaded = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        if (line[0] == '#' || line[0] == '\n') {
            continue;
        }
        char name[512];
        uint64_t base = 0, len = 0;
        if (sscanf(line, "%" SCNx64 " %" SCNx64 " %511s", &base, &len, name) != 3) {
            loaded = -1;
            break;
        }
        uint8_t *bytes = mock_mem_add(m, base, (size_t)len);
        snprintf(path, sizeof path, "%s/%s", dir, name);
        if (bytes == NULL || load_file_into(bytes, (size_t)len, path) != 0) {
            loaded = -1;
            break;
        }
        loaded++;
    }
    fclose(f);
    return loaded;
}

static struct mock_mem_range *find_range(struct mock_mem *m, uint64_t phys, size_t len)
{
    if (phys + len < phys) {
        return NULL;
    }
    for (size_t i = 0; i < m->range_count; i++) {
        struct mock_mem_range *r = &m->ranges[i];
        if (phys >= r->base && phys + len <= r->base + r->len) {
            return r;
        }
    }
    return NULL;
}

uint8_t *mock_mem_at(struct mock_mem *m, uint64_t phys, size_t len)
{
    struct mock_mem_range *r = find_range(m, phys, len);
    return r == NULL ? NULL : r->bytes + (phys - r->base);
}

void *mock_mem_map_rw(void *ctx, uint64_t phys, size_t len)
{
    struct mock_mem *m = ctx;
    uint8_t *p = len == 0 ? NULL : mock_mem_at(m, phys, len);
    if (p == NULL || m->live_count == MOCK_MEM_MAX_LIVE) {
        m->bad_maps++;
        m->last_bad_phys = phys;
        return NULL;
    }
    m->live[m->live_count++] = (struct mock_mem_mapping){ p, len };
    m->maps++;
    if (len > m->largest_map) {
        m->largest_map = len;
    }
    return p;
}

void mock_mem_unmap_rw(void *ctx, void *virt, size_t len)
{
    mock_mem_unmap(ctx, virt, len);
}

const void *mock_mem_map(void *ctx, uint64_t phys, size_t len)
{
    return mock_mem_map_rw(ctx, phys, len);
}

void mock_mem_unmap(void *ctx, const void *virt, size_t len)
{
    struct mock_mem *m = ctx;
    /* Newest first: nested maps are usually released in reverse order. */
    for (size_t i = m->live_count; i-- > 0;) {
        if (m->live[i].ptr == virt && m->live[i].len == len) {
            m->live[i] = m->live[--m->live_count];
            return;
        }
    }
    m->bad_unmaps++;
}

bool mock_mem_clean(const struct mock_mem *m)
{
    return m->live_count == 0 && m->bad_unmaps == 0 && m->bad_maps == 0;
}

void mock_mem_reset_counters(struct mock_mem *m)
{
    m->live_count = 0;
    m->maps = 0;
    m->bad_maps = 0;
    m->bad_unmaps = 0;
    m->largest_map = 0;
    m->last_bad_phys = 0;
}
