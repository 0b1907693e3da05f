/* Ground truth from ACPICA's iasl: see iasl_text.h. */
#include "iasl_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <dirent.h>

#include "support.h"

bool iasl_available(void)
{
    return system("command -v iasl >/dev/null 2>&1") == 0;
}

static void trim(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = 0;
    size_t k = 0;
    while (s[k] == ' ')
        k++;
    memmove(s, s + k, n - k + 1);
}

int iasl_text_load(const char *dsl_path, struct iasl_text *out)
{
    FILE *f = fopen(dsl_path, "r");
    if (f == NULL)
        return -1;
    size_t cap = 256;
    out->fields = malloc(cap * sizeof *out->fields);
    out->count = 0;
    char line[512];
    while (out->fields != NULL && fgets(line, sizeof line, f) != NULL) {
        unsigned hex, dec, len;
        int used = 0;
        if (sscanf(line, "[%xh %u %u]%n", &hex, &dec, &len, &used) != 3 || used == 0)
            continue;
        char *sep = strstr(line + used, " : ");
        if (sep == NULL)
            continue;
        if (out->count == cap) {
            cap *= 2;
            struct iasl_field *grown = realloc(out->fields, cap * sizeof *out->fields);
            if (grown == NULL)
                break;
            out->fields = grown;
        }
        struct iasl_field *fl = &out->fields[out->count++];
        fl->offset = dec;
        fl->length = len;
        *sep = 0;
        snprintf(fl->name, sizeof fl->name, "%s", line + used);
        snprintf(fl->value, sizeof fl->value, "%s", sep + 3);
        trim(fl->name);
        trim(fl->value);
    }
    fclose(f);
    return out->fields != NULL && out->count > 0 ? 0 : -1;
}

int iasl_text_decode(const uint8_t *bytes, size_t len, struct iasl_text *out)
{
    char dir[] = "/tmp/osdev-iasl-XXXXXX";
    if (mkdtemp(dir) == NULL)
        return -1;
    char path[128], cmd[256], dsl[128];
    snprintf(path, sizeof path, "%s/t.dat", dir);
    snprintf(dsl, sizeof dsl, "%s/t.dsl", dir);
    int rc = -1;
    FILE *f = fopen(path, "wb");
    if (f != NULL) {
        size_t written = fwrite(bytes, 1, len, f);
        fclose(f);
        snprintf(cmd, sizeof cmd, "cd %s && iasl -d t.dat >/dev/null 2>&1", dir);
        if (written == len && system(cmd) == 0)
            rc = iasl_text_load(dsl, out);
    }
    unlink(dsl);
    unlink(path);
    rmdir(dir);
    return rc;
}

void iasl_text_free(struct iasl_text *t)
{
    free(t->fields);
    t->fields = NULL;
    t->count = 0;
}

const struct iasl_field *iasl_find(const struct iasl_text *t, uint32_t from, uint32_t to,
                                   const char *name, size_t n)
{
    for (size_t i = 0; i < t->count; i++) {
        const struct iasl_field *fl = &t->fields[i];
        if (fl->offset >= from && fl->offset < to && strcmp(fl->name, name) == 0) {
            if (n == 0)
                return fl;
            n--;
        }
    }
    return NULL;
}

bool iasl_hex(const struct iasl_text *t, uint32_t from, uint32_t to, const char *name,
              uint64_t *value)
{
    const struct iasl_field *fl = iasl_find(t, from, to, name, 0);
    if (fl == NULL)
        return false;
    *value = strtoull(fl->value, NULL, 16);
    return true;
}

bool iasl_str(const struct iasl_text *t, uint32_t from, uint32_t to, const char *name, char *buf,
              size_t size)
{
    const struct iasl_field *fl = iasl_find(t, from, to, name, 0);
    if (fl == NULL || size == 0)
        return false;
    const char *v = fl->value;
    size_t n = strlen(v);
    if (n >= 2 && v[0] == '"' && v[n - 1] == '"') {
        v++;
        n -= 2;
    }
    if (n >= size)
        n = size - 1;
    memcpy(buf, v, n);
    buf[n] = 0;
    return true;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* <sig>.dat or <sig><digits>.dat */
static bool table_name_matches(const char *name, const char *sig)
{
    size_t n = strlen(sig);
    if (strncmp(name, sig, n) != 0)
        return false;
    name += n;
    while (*name >= '0' && *name <= '9')
        name++;
    return strcmp(name, ".dat") == 0;
}

int corpus_each_table(const char *sig, corpus_table_fn fn, void *ctx)
{
    char root[512];
    snprintf(root, sizeof root, "%s", support_path("corpus/acpi"));
    DIR *d = opendir(root);
    if (d == NULL)
        return -1;
    char *names[4096];
    size_t count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && count < 4096) {
        if (e->d_name[0] == '.')
            continue;
        char sub[1024];
        snprintf(sub, sizeof sub, "%s/%s", root, e->d_name);
        DIR *sd = opendir(sub);
        if (sd == NULL)
            continue;
        struct dirent *f;
        while ((f = readdir(sd)) != NULL && count < 4096) {
            if (!table_name_matches(f->d_name, sig))
                continue;
            char path[1400];
            snprintf(path, sizeof path, "%s/%s", sub, f->d_name);
            names[count++] = strdup(path);
        }
        closedir(sd);
    }
    closedir(d);
    qsort(names, count, sizeof names[0], cmp_names);
    int visited = 0;
    for (size_t i = 0; i < count; i++) {
        uint8_t *bytes = NULL;
        size_t len = 0;
        if (support_read_file(names[i], &bytes, &len) == 0) {
            fn(names[i], bytes, len, ctx);
            visited++;
            free(bytes);
        }
        free(names[i]);
    }
    return visited;
}
