#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef OSDEV_SHARED_DIR
#error "OSDEV_SHARED_DIR must name the shared fixtures folder"
#endif

const char *support_path(const char *rel)
{
    static char buffers[8][4096];
    static unsigned next;
    char *out = buffers[next++ % 8];
    const char *root = getenv("OSDEV_SHARED_DIR");
    if (root == NULL || root[0] == '\0') {
        root = OSDEV_SHARED_DIR;
    }
    snprintf(out, sizeof buffers[0], "%s/%s", root, rel);
    return out;
}

int support_read_file(const char *path, uint8_t **data, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return -1;
    }
    size_t cap = 4096, used = 0;
    uint8_t *buf = malloc(cap);
    while (buf != NULL) {
        used += fread(buf + used, 1, cap - used, f);
        if (used < cap) {
            break;
        }
        uint8_t *bigger = realloc(buf, cap * 2);
        if (bigger == NULL) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    int failed = ferror(f);
    fclose(f);
    if (buf == NULL || failed) {
        free(buf);
        return -1;
    }
    *data = buf;
    *len = used;
    return 0;
}
