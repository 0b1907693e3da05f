#include "files.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int inspect_read_file(const char *path, uint8_t **data, size_t *len)
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
            errno = ENOMEM;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    int failed = ferror(f);
    int saved = errno;
    fclose(f);
    if (buf == NULL || failed) {
        free(buf);
        errno = failed ? saved : ENOMEM;
        return -1;
    }
    *data = buf;
    *len = used;
    return 0;
}

bool inspect_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

struct list {
    char **paths;
    size_t count;
    size_t cap;
};

static int list_add(struct list *l, char *path)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        char **bigger = realloc(l->paths, cap * sizeof *bigger);
        if (bigger == NULL) {
            return -1;
        }
        l->paths = bigger;
        l->cap = cap;
    }
    l->paths[l->count++] = path;
    return 0;
}

static int walk(const char *dir, int depth, bool recurse, struct list *l)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        return -1;
    }
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) {
            continue;
        }
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(n);
        if (path == NULL) {
            rc = -1;
            break;
        }
        snprintf(path, n, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) != 0) {
            free(path);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            if (recurse && depth < 4) {
                rc = walk(path, depth + 1, recurse, l);
            }
            free(path);
        } else if (S_ISREG(st.st_mode)) {
            if (list_add(l, path) != 0) {
                free(path);
                rc = -1;
            }
        } else {
            free(path);
        }
    }
    closedir(d);
    return rc;
}

static int compare_paths(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int inspect_list_files(const char *dir, bool recurse, char ***paths, size_t *count)
{
    struct list l = { NULL, 0, 0 };
    if (walk(dir, 0, recurse, &l) != 0) {
        int saved = errno;
        inspect_free_list(l.paths, l.count);
        errno = saved;
        return -1;
    }
    if (l.count > 1) {
        qsort(l.paths, l.count, sizeof *l.paths, compare_paths);
    }
    *paths = l.paths;
    *count = l.count;
    return 0;
}

void inspect_free_list(char **paths, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(paths[i]);
    }
    free(paths);
}
