/* File helpers of osdev-inspect: whole-file reads and directory listings. */
#ifndef INSPECT_FILES_H
#define INSPECT_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Read a whole file (regular files and sysfs attributes, whose stat size may be
 * wrong) into a malloc'd buffer the caller frees. Returns 0, or -1 with errno set. */
int inspect_read_file(const char *path, uint8_t **data, size_t *len);

/* The regular files under DIR, sorted by path, as malloc'd strings "DIR/name"; with
 * RECURSE, files of subdirectories too ("DIR/sub/name"), at most 4 levels deep and
 * not following symbolic links to directories. Returns 0, or -1 with errno set. */
int inspect_list_files(const char *dir, bool recurse, char ***paths, size_t *count);
void inspect_free_list(char **paths, size_t count);

/* True when PATH names a directory. */
bool inspect_is_dir(const char *path);

#endif
