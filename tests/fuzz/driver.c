/* main() for every fuzz harness. Each harness defines fuzz_one().
 *
 * Under afl-cc it runs AFL++'s persistent loop over shared-memory test cases.
 * Otherwise it replays files: every argument is a file or a directory of files,
 * each copied into an exactly-sized heap buffer so AddressSanitizer catches any
 * read past the input. */
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

#include "support.h"

/* Replays one input from an exactly-sized heap copy, so AddressSanitizer catches
 * any read past its end (support_read_file's buffer may be larger). */
static int replay_bytes(const uint8_t *data, size_t len)
{
    uint8_t *exact = malloc(len ? len : 1);
    if (exact == NULL) {
        return 1;
    }
    memcpy(exact, data, len);
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
    uint8_t *data = NULL;
    size_t len = 0;
    if (support_read_file(path, &data, &len) != 0) {
        fprintf(stderr, "cannot read %s\n", path);
        return 1;
    }
    int rc = replay_bytes(data, len);
    free(data);
    (*count)++;
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
        return 2;
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
