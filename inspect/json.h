/* A small streaming JSON writer: it tracks nesting and commas, so callers only say
 * what comes next. Integers are written as JSON integers (u64 in full), strings are
 * escaped, output is indented by two spaces per level. */
#ifndef INSPECT_JSON_H
#define INSPECT_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define JSON_MAX_DEPTH 32

struct json {
    FILE *out;
    int depth;
    bool first[JSON_MAX_DEPTH]; /* no member written yet at this level */
    bool after_key;             /* a key was written, its value comes next */
};

void json_init(struct json *j, FILE *out);
void json_begin_object(struct json *j);
void json_end_object(struct json *j);
void json_begin_array(struct json *j);
void json_end_array(struct json *j);
/* The key of the next member of the enclosing object. */
void json_key(struct json *j, const char *key);
void json_uint(struct json *j, uint64_t value);
void json_int(struct json *j, int64_t value);
void json_bool(struct json *j, bool value);
void json_null(struct json *j);
void json_string(struct json *j, const char *s);
/* At most LEN bytes of S, stopping at a NUL (fixed-width firmware strings). */
void json_string_n(struct json *j, const char *s, size_t len);

/* key + value in one call. */
void json_kv_uint(struct json *j, const char *key, uint64_t value);
void json_kv_int(struct json *j, const char *key, int64_t value);
void json_kv_bool(struct json *j, const char *key, bool value);
void json_kv_null(struct json *j, const char *key);
void json_kv_string(struct json *j, const char *key, const char *s);
void json_kv_string_n(struct json *j, const char *key, const char *s, size_t len);

/* Ends the document with a newline. */
void json_finish(struct json *j);

#endif
