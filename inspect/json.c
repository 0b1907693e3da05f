#include "json.h"

#include <inttypes.h>

void json_init(struct json *j, FILE *out)
{
    j->out = out;
    j->depth = 0;
    j->first[0] = true;
    j->after_key = false;
}

static void indent(struct json *j)
{
    fputc('\n', j->out);
    for (int i = 0; i < j->depth; i++) {
        fputs("  ", j->out);
    }
}

/* Separator and indentation before a value or a key. */
static void before_item(struct json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->depth > 0) {
        if (!j->first[j->depth]) {
            fputc(',', j->out);
        }
        indent(j);
    }
    j->first[j->depth] = false;
}

static void begin_container(struct json *j, char c)
{
    before_item(j);
    fputc(c, j->out);
    if (j->depth + 1 < JSON_MAX_DEPTH) {
        j->depth++;
    }
    j->first[j->depth] = true;
}

static void end_container(struct json *j, char c)
{
    bool empty = j->first[j->depth];
    if (j->depth > 0) {
        j->depth--;
    }
    if (!empty) {
        indent(j);
    }
    fputc(c, j->out);
}

void json_begin_object(struct json *j) { begin_container(j, '{'); }
void json_end_object(struct json *j) { end_container(j, '}'); }
void json_begin_array(struct json *j) { begin_container(j, '['); }
void json_end_array(struct json *j) { end_container(j, ']'); }

static void write_string(FILE *out, const char *s, size_t len)
{
    fputc('"', out);
    for (size_t i = 0; i < len && s[i] != '\0'; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            fputc('\\', out);
            fputc(c, out);
        } else if (c < 0x20 || c >= 0x7F) {
            /* Firmware strings are bytes, not UTF-8: escape anything unprintable. */
            fprintf(out, "\\u%04x", c);
        } else {
            fputc(c, out);
        }
    }
    fputc('"', out);
}

void json_key(struct json *j, const char *key)
{
    before_item(j);
    write_string(j->out, key, SIZE_MAX);
    fputs(": ", j->out);
    j->after_key = true;
}

void json_uint(struct json *j, uint64_t value)
{
    before_item(j);
    fprintf(j->out, "%" PRIu64, value);
}

void json_int(struct json *j, int64_t value)
{
    before_item(j);
    fprintf(j->out, "%" PRId64, value);
}

void json_bool(struct json *j, bool value)
{
    before_item(j);
    fputs(value ? "true" : "false", j->out);
}

void json_null(struct json *j)
{
    before_item(j);
    fputs("null", j->out);
}

void json_string(struct json *j, const char *s)
{
    json_string_n(j, s, SIZE_MAX);
}

void json_string_n(struct json *j, const char *s, size_t len)
{
    before_item(j);
    write_string(j->out, s, len);
}

void json_kv_uint(struct json *j, const char *key, uint64_t value)
{
    json_key(j, key);
    json_uint(j, value);
}

void json_kv_int(struct json *j, const char *key, int64_t value)
{
    json_key(j, key);
    json_int(j, value);
}

void json_kv_bool(struct json *j, const char *key, bool value)
{
    json_key(j, key);
    json_bool(j, value);
}

void json_kv_null(struct json *j, const char *key)
{
    json_key(j, key);
    json_null(j);
}

void json_kv_string(struct json *j, const char *key, const char *s)
{
    json_key(j, key);
    json_string(j, s);
}

void json_kv_string_n(struct json *j, const char *key, const char *s, size_t len)
{
    json_key(j, key);
    json_string_n(j, s, len);
}

void json_finish(struct json *j)
{
    fputc('\n', j->out);
    fflush(j->out);
}
