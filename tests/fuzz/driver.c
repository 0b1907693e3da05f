/* main() for every fuzz harness. Each harness defines fuzz_one().
 *
 * Under afl-cc it runs AFL++'s persistent loop over shared-memory test cases.
 * Otherwise it replays files: every argument is a file or a directory of files,
 * each copied into an exactly-sized heap buffer so AddressSanitizer catches any
 * read past the input; with no argument it reads standard input once. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int fuzz_one(const uint8_t *data, size_t size);

#ifdef __AFL_FUZZ_TESTCASE_LEN

#include <unistd.h> /* read(), used by AFL++'s test-case macros */

__AFL_FUZZ_INIT();

int main(void)
{
    __AFL_INIT();
    const unsigned char *buf = __AFL_FUZZ_TESTCASE_BUF;
    while (__AFL_LOOP(10000)) {
        size_t len = (size_t)__AFL_FUZZ_TESTCASE_LEN;
        /* A private, exactly-sized copy: the harness may not read past LEN. */
        uint8_t *copy = malloc(len ? len : 1);
        if (copy == NULL) {
            return 1;
        }
        memcpy(copy, buf, len);
        fuzz_one(copy, len);
        free(copy);
    }
    return 0;
}

#else

static int replay_stream(FILE *f, const char *name)
{
    size_t cap = 4096, len = 0;
    uint8_t *buf = malloc(cap);
    while (buf != NULL) {
        len += fread(buf + len, 1, cap - len, f);
        if (len < cap) {
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
    if (buf == NULL) {
        fprintf(stderr, "out of memory reading %s\n", name);
        return 1;
    }
    uint8_t *exact = malloc(len ? len : 1);
    if (exact == NULL) {
        free(buf);
        return 1;
    }
    memcpy(exact, buf, len);
    free(buf);
    fuzz_one(exact, len);
    free(exact);
    return 0;
}

static int replay_path(const char *path, unsigned *count)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "cannot stat %s\n", path);
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        if (d == NULL) {
            return 1;
        }
        int rc = 0;
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.') {
                continue; /* ., .., .gitkeep */
            }
            char child[4096];
            snprintf(child, sizeof child, "%s/%s", path, e->d_name);
            rc |= replay_path(child, count);
        }
        closedir(d);
        return rc;
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "cannot open %s\n", path);
        return 1;
    }
    int rc = replay_stream(f, path);
    fclose(f);
    (*count)++;
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        return replay_stream(stdin, "<stdin>");
    }
    unsigned count = 0;
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        rc |= replay_path(argv[i], &count);
    }
    printf("replayed %u inputs\n", count);
    return rc;
}

#endif
