/* Helpers shared by the host unit tests: paths into ../shared and whole-file reads. */
#ifndef TESTS_SUPPORT_H
#define TESTS_SUPPORT_H

#include <stddef.h>
#include <stdint.h>

/* Meson's exit status for a test that cannot run on this machine. */
#define SUPPORT_SKIP 77

/* Absolute path of REL inside the shared folder (fixtures/, corpus/). The result
 * lives in one of a few rotating static buffers: copy it to keep it. */
const char *support_path(const char *rel);

/* Read a whole file into a malloc'd buffer (caller frees). Returns 0 on success,
 * -1 if the file cannot be read. A zero-length file gives a non-NULL buffer. */
int support_read_file(const char *path, uint8_t **data, size_t *len);

#endif
