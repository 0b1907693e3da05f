/* The scan-code decoder against the transcription of the Microsoft Keyboard Scan Code
 * Specification (scancode_table.h): every row's make and break, byte by byte, in both
 * sets; every one- and two-byte code outside the tables; fake shifts, Pause, errors.
 * Then against sources independent of that transcription (scancode_sources.h): QEMU's
 * keycodemapdb, the 8042's set 2 to set 1 translation, and the sequences QEMU's PS/2
 * keyboard sends for Pause and Print Screen. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ps2/scancode.h"
#include "scancode_sources.h"
#include "scancode_table.h"

#define ROWS (sizeof sc_rows / sizeof sc_rows[0])

static size_t parse_hex(const char *s, uint8_t *out, size_t max)
{
    size_t n = 0;
    while (*s != '\0') {
        char *end = NULL;
        unsigned long v = strtoul(s, &end, 16);
        assert_true(end != s && v <= 0xFF && n < max);
        out[n++] = (uint8_t)v;
        s = end;
        while (*s == ' ') {
            s++;
        }
    }
    return n;
}

struct result {
    struct ps2_key_event events[8];
    size_t count;
    enum ps2_status last;
};

/* Feeds a sequence; every byte must give an event, PS2_PENDING or PS2_IGNORED. */
static struct result feed(struct ps2_decoder *dec, const char *hex)
{
    uint8_t bytes[16];
    size_t n = parse_hex(hex, bytes, sizeof bytes);
    struct result r = {.count = 0};
    for (size_t i = 0; i < n; i++) {
        struct ps2_key_event ev = {PS2_KEY_NONE, false};
        r.last = ps2_decoder_feed(dec, bytes[i], &ev);
        if (r.last == PS2_OK) {
            assert_true(r.count < 8);
            r.events[r.count++] = ev;
        } else if (r.last != PS2_PENDING && r.last != PS2_IGNORED) {
            fail_msg("%s: byte %zu (%02X) gave %s", hex, i, bytes[i], ps2_status_str(r.last));
        }
    }
    return r;
}

static void expect_one(struct ps2_decoder *dec, const char *hex, enum ps2_key key, bool pressed)
{
    struct result r = feed(dec, hex);
    if (r.count != 1 || r.events[0].key != key || r.events[0].pressed != pressed) {
        fail_msg("%s: %zu events, first key %d pressed %d; expected key %d pressed %d", hex,
                 r.count, r.count ? (int)r.events[0].key : -1,
                 r.count ? (int)r.events[0].pressed : -1, (int)key, (int)pressed);
    }
}

static void init_set(struct ps2_decoder *dec, enum ps2_scancode_set set)
{
    assert_int_equal(ps2_decoder_init(dec, set), PS2_OK);
}

static void test_every_row_set1(void **state)
{
    (void)state;
    struct ps2_decoder dec;
    init_set(&dec, PS2_SCANCODE_SET_1);
    for (size_t i = 0; i < ROWS; i++) {
        expect_one(&dec, sc_rows[i].set1_make, sc_rows[i].key, true);
        expect_one(&dec, sc_rows[i].set1_make, sc_rows[i].key, true); /* typematic repeat */
        expect_one(&dec, sc_rows[i].set1_break, sc_rows[i].key, false);
    }
}

static void test_every_row_set2(void **state)
{
    (void)state;
    struct ps2_decoder dec;
    init_set(&dec, PS2_SCANCODE_SET_2);
    for (size_t i = 0; i < ROWS; i++) {
        expect_one(&dec, sc_rows[i].set2_make, sc_rows[i].key, true);
        expect_one(&dec, sc_rows[i].set2_make, sc_rows[i].key, true);
        expect_one(&dec, sc_rows[i].set2_break, sc_rows[i].key, false);
    }
}

/* A table sequence without the fake shift around it (Print Screen's "E0 2A" before
 * and "E0 AA" after, in set 2 "E0 12" and "E0 F0 12"). */
static const char *core(const char *seq, char *buf, size_t size)
{
    static const char *const lead[] = {"E0 2A ", "E0 12 "};
    static const char *const trail[] = {" E0 AA", " E0 F0 12"};
    for (size_t i = 0; i < 2; i++) {
        if (strncmp(seq, lead[i], strlen(lead[i])) == 0) {
            seq += strlen(lead[i]);
        }
    }
    snprintf(buf, size, "%s", seq);
    for (size_t i = 0; i < 2; i++) {
        size_t n = strlen(buf), t = strlen(trail[i]);
        if (n > t && strcmp(buf + n - t, trail[i]) == 0) {
            buf[n - t] = '\0';
        }
    }
    return buf;
}

/* Looks `hex` up among the table's make and break codes of `set`. */
static int table_lookup(int set, const char *hex, enum ps2_key *key, bool *pressed)
{
    for (size_t i = 0; i < ROWS; i++) {
        char mk[32], br[32];
        core(set == 1 ? sc_rows[i].set1_make : sc_rows[i].set2_make, mk, sizeof mk);
        core(set == 1 ? sc_rows[i].set1_break : sc_rows[i].set2_break, br, sizeof br);
        if (strcmp(mk, hex) == 0 || strcmp(br, hex) == 0) {
            *key = sc_rows[i].key;
            *pressed = strcmp(mk, hex) == 0;
            return 1;
        }
    }
    return 0;
}

/* Every sequence PREFIX + one byte: a table entry decodes to its key; the rest gives
 * the status the specification's notes imply; the decoder is idle afterwards. */
static void sweep(enum ps2_scancode_set set, const char *prefix,
                  enum ps2_status (*other)(const char *prefix, uint8_t byte))
{
    struct ps2_decoder dec;
    init_set(&dec, set);
    for (unsigned b = 0; b < 256; b++) {
        char hex[32];
        snprintf(hex, sizeof hex, "%s%s%02X", prefix, prefix[0] ? " " : "", b);
        uint8_t bytes[8];
        size_t n = parse_hex(hex, bytes, sizeof bytes);
        enum ps2_status st = PS2_PENDING;
        struct ps2_key_event ev = {PS2_KEY_NONE, false};
        for (size_t i = 0; i < n; i++) {
            st = ps2_decoder_feed(&dec, bytes[i], &ev);
        }
        enum ps2_key key;
        bool pressed;
        if (table_lookup((int)set, hex, &key, &pressed)) {
            if (st != PS2_OK || ev.key != key || ev.pressed != pressed) {
                fail_msg("set %d %s: %s key %d", (int)set, hex, ps2_status_str(st), (int)ev.key);
            }
        } else {
            enum ps2_status want = other(prefix, (uint8_t)b);
            if (st != want) {
                fail_msg("set %d %s: %s, expected %s", (int)set, hex, ps2_status_str(st),
                         ps2_status_str(want));
            }
        }
        ps2_decoder_reset(&dec); /* a prefix byte as the last byte leaves it pending */
        expect_one(&dec, set == PS2_SCANCODE_SET_1 ? "1E" : "1C", PS2_KEY_A, true);
    }
}

static enum ps2_status set1_other(const char *prefix, uint8_t b)
{
    if (prefix[0] == '\0') {
        if (b == 0xE0 || b == 0xE1) return PS2_PENDING;
        if (b == 0x00 || b == 0xFF) return PS2_KEY_OVERRUN;
        if (b == 0xFA || b == 0xFC) return PS2_IGNORED; /* ACK, BAT failure */
        if (b == 0xF1 || b == 0xF2) return PS2_OK;       /* Hanja, Hangul */
        return PS2_UNKNOWN_SCANCODE;
    }
    if ((b & 0x7F) == 0x2A || (b & 0x7F) == 0x36) return PS2_IGNORED; /* fake shifts */
    return PS2_UNKNOWN_SCANCODE;
}

static enum ps2_status set2_other(const char *prefix, uint8_t b)
{
    if (prefix[0] == '\0') {
        if (b == 0xE0 || b == 0xE1 || b == 0xF0) return PS2_PENDING;
        if (b == 0x00 || b == 0xFF) return PS2_KEY_OVERRUN;
        if (b == 0xAA || b == 0xFC || b == 0xFD || b == 0xEE || b == 0xFA || b == 0xFE) {
            return PS2_IGNORED;
        }
        if (b == 0xF1 || b == 0xF2) return PS2_OK;
        return PS2_UNKNOWN_SCANCODE;
    }
    if (strcmp(prefix, "E0") == 0 && b == 0xF0) return PS2_PENDING;
    if (prefix[0] == 'E' && (b == 0x12 || b == 0x59)) return PS2_IGNORED; /* fake shifts */
    return PS2_UNKNOWN_SCANCODE;
}

static void test_nothing_outside_the_tables(void **state)
{
    (void)state;
    sweep(PS2_SCANCODE_SET_1, "", set1_other);
    sweep(PS2_SCANCODE_SET_1, "E0", set1_other);
    sweep(PS2_SCANCODE_SET_2, "", set2_other);
    sweep(PS2_SCANCODE_SET_2, "F0", set2_other);
    sweep(PS2_SCANCODE_SET_2, "E0", set2_other);
    sweep(PS2_SCANCODE_SET_2, "E0 F0", set2_other);
}

/* The extended keys' fake shifts (Scan Code Specification, Appendix A notes 1-3):
 * Num Lock on, and Shift held, wrap the codes of the navigation keys and keypad /. */
static void test_fake_shifts(void **state)
{
    (void)state;
    struct ps2_decoder dec;
    init_set(&dec, PS2_SCANCODE_SET_1);
    expect_one(&dec, "E0 2A E0 52", PS2_KEY_INSERT, true);  /* Num Lock on */
    expect_one(&dec, "E0 D2 E0 AA", PS2_KEY_INSERT, false);
    expect_one(&dec, "E0 AA E0 47", PS2_KEY_HOME, true);    /* Left Shift held */
    expect_one(&dec, "E0 C7 E0 2A", PS2_KEY_HOME, false);
    expect_one(&dec, "E0 B6 E0 53", PS2_KEY_DELETE, true);  /* Right Shift held */
    expect_one(&dec, "E0 D3 E0 36", PS2_KEY_DELETE, false);
    expect_one(&dec, "E0 AA E0 35", PS2_KEY_KP_SLASH, true);
    expect_one(&dec, "E0 B5 E0 2A", PS2_KEY_KP_SLASH, false);
    init_set(&dec, PS2_SCANCODE_SET_2);
    expect_one(&dec, "E0 12 E0 70", PS2_KEY_INSERT, true);
    expect_one(&dec, "E0 F0 70 E0 F0 12", PS2_KEY_INSERT, false);
    expect_one(&dec, "E0 F0 12 E0 6C", PS2_KEY_HOME, true);
    expect_one(&dec, "E0 F0 6C E0 12", PS2_KEY_HOME, false);
    expect_one(&dec, "E0 F0 59 E0 4A", PS2_KEY_KP_SLASH, true);
    expect_one(&dec, "E0 F0 4A E0 59", PS2_KEY_KP_SLASH, false);
    /* the real shifts still decode as themselves */
    expect_one(&dec, "12", PS2_KEY_LEFT_SHIFT, true);
    expect_one(&dec, "F0 59", PS2_KEY_RIGHT_SHIFT, false);
}

static void expect_pause(enum ps2_scancode_set set, const char *hex)
{
    struct ps2_decoder dec;
    init_set(&dec, set);
    struct result r = feed(&dec, hex);
    assert_int_equal(r.count, 2);
    assert_int_equal(r.events[0].key, PS2_KEY_PAUSE);
    assert_true(r.events[0].pressed);
    assert_int_equal(r.events[1].key, PS2_KEY_PAUSE);
    assert_false(r.events[1].pressed);
}

static void test_pause_and_lang(void **state)
{
    (void)state;
    expect_pause(PS2_SCANCODE_SET_1, SC_PAUSE_SET1);
    expect_pause(PS2_SCANCODE_SET_2, SC_PAUSE_SET2);
    struct ps2_decoder dec;
    for (int set = 1; set <= 2; set++) {
        init_set(&dec, (enum ps2_scancode_set)set);
        expect_one(&dec, SC_HANGUL, PS2_KEY_LANG_HANGUL, true);
        expect_one(&dec, SC_HANJA, PS2_KEY_LANG_HANJA, true);
    }
    /* A byte that breaks a Pause sequence starts its own code. */
    init_set(&dec, PS2_SCANCODE_SET_1);
    expect_one(&dec, "E1 1D 1E", PS2_KEY_A, true);
    expect_one(&dec, "E1 2A", PS2_KEY_LEFT_SHIFT, true);
    expect_one(&dec, "E1 9D AA", PS2_KEY_LEFT_SHIFT, false);
    init_set(&dec, PS2_SCANCODE_SET_2);
    expect_one(&dec, "E1 14 1C", PS2_KEY_A, true);
    expect_one(&dec, "E1 F0 14 1C", PS2_KEY_A, true);
    expect_one(&dec, "E1 F0 14 F0 1C", PS2_KEY_A, true);
    expect_one(&dec, "E1 F0 F0 1C", PS2_KEY_A, false);
}

static void test_bad_bytes(void **state)
{
    (void)state;
    struct ps2_decoder dec;
    struct ps2_key_event ev = {PS2_KEY_NONE, false};
    assert_int_equal(ps2_decoder_init(&dec, (enum ps2_scancode_set)3), PS2_BAD_ARGUMENT);
    assert_int_equal(ps2_decoder_init(NULL, PS2_SCANCODE_SET_1), PS2_BAD_ARGUMENT);
    init_set(&dec, PS2_SCANCODE_SET_2);
    assert_int_equal(ps2_decoder_feed(&dec, 0x00, &ev), PS2_KEY_OVERRUN);
    assert_int_equal(ps2_decoder_feed(&dec, 0xF0, &ev), PS2_PENDING);
    assert_int_equal(ps2_decoder_feed(&dec, 0xE0, &ev), PS2_UNKNOWN_SCANCODE);
    expect_one(&dec, "1C", PS2_KEY_A, true); /* idle again */
    assert_int_equal(ps2_decoder_feed(&dec, 0xE0, &ev), PS2_PENDING);
    assert_int_equal(ps2_decoder_feed(&dec, 0xE0, &ev), PS2_UNKNOWN_SCANCODE);
    expect_one(&dec, "F0 1C", PS2_KEY_A, false);
    init_set(&dec, PS2_SCANCODE_SET_1);
    assert_int_equal(ps2_decoder_feed(&dec, 0xFF, &ev), PS2_KEY_OVERRUN);
    assert_int_equal(ps2_decoder_feed(&dec, 0x55, &ev), PS2_UNKNOWN_SCANCODE);
    expect_one(&dec, "9E", PS2_KEY_A, false);
}

/* A keycodemapdb code (0xE0xx: E0-prefixed) as make and break strings of a set. */
static void kcm_codes(int set, uint16_t code, char *make, char *brk, size_t size)
{
    const char *e0 = code > 0xFF ? "E0 " : "";
    unsigned low = code & 0xFFu;
    snprintf(make, size, "%s%02X", e0, low);
    if (set == 1) {
        snprintf(brk, size, "%s%02X", e0, low | 0x80u);
    } else {
        snprintf(brk, size, "%sF0 %02X", e0, low);
    }
}

/* Every keycodemapdb row the library has a key for, make and break in both sets:
 * the codes QEMU's keyboard sends for QMP send-key. */
static void test_keycodemapdb(void **state)
{
    (void)state;
    size_t checked = 0;
    for (int set = 1; set <= 2; set++) {
        struct ps2_decoder dec;
        init_set(&dec, (enum ps2_scancode_set)set);
        for (size_t i = 0; i < sizeof kcm_rows / sizeof kcm_rows[0]; i++) {
            const struct kcm_row *r = &kcm_rows[i];
            char make[16], brk[16];
            kcm_codes(set, set == 1 ? r->set1 : r->set2, make, brk, sizeof make);
            expect_one(&dec, make, r->key, true);
            if (r->key != PS2_KEY_LANG_HANGUL && r->key != PS2_KEY_LANG_HANJA) {
                expect_one(&dec, brk, r->key, false); /* Lang1/2 have no break */
            }
            checked++;
        }
    }
    printf("keycodemapdb: %zu rows x 2 sets decoded\n", checked / 2);
}

/* keycodemapdb's set 1 codes the library reads as the specification does. */
static void test_keycodemapdb_conflicts(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof kcm_conflicts / sizeof kcm_conflicts[0]; i++) {
        const struct kcm_conflict *c = &kcm_conflicts[i];
        char make[16], brk[16];
        kcm_codes(1, c->set1, make, brk, sizeof make);
        struct ps2_decoder dec;
        init_set(&dec, PS2_SCANCODE_SET_1);
        if (c->decoded != PS2_KEY_NONE) {
            expect_one(&dec, make, c->decoded, true);
            continue;
        }
        uint8_t bytes[4];
        size_t n = parse_hex(make, bytes, sizeof bytes);
        struct ps2_key_event ev = {PS2_KEY_NONE, false};
        enum ps2_status st = PS2_PENDING;
        for (size_t b = 0; b < n; b++) {
            st = ps2_decoder_feed(&dec, bytes[b], &ev);
        }
        if (st != PS2_UNKNOWN_SCANCODE) {
            fail_msg("%s %s: %s (%s)", c->linux, make, ps2_status_str(st), c->why);
        }
    }
}

/* Every row of the specification's transcription: its set 2 make and break, through
 * the 8042's translation, are its set 1 make and break. */
static void test_translation_of_the_tables(void **state)
{
    (void)state;
    for (size_t i = 0; i < ROWS; i++) {
        const char *pairs[2][2] = {{sc_rows[i].set2_make, sc_rows[i].set1_make},
                                   {sc_rows[i].set2_break, sc_rows[i].set1_break}};
        for (size_t p = 0; p < 2; p++) {
            uint8_t s2[16], s1[16], t[16];
            size_t n2 = parse_hex(pairs[p][0], s2, sizeof s2);
            size_t n1 = parse_hex(pairs[p][1], s1, sizeof s1);
            size_t nt = i8042_translate(s2, n2, t);
            if (nt != n1 || memcmp(t, s1, n1) != 0) {
                fail_msg("key %d: set 2 %s does not translate to set 1 %s",
                         (int)sc_rows[i].key, pairs[p][0], pairs[p][1]);
            }
        }
    }
    uint8_t s2[16], s1[16], t[16];
    size_t n2 = parse_hex(SC_PAUSE_SET2, s2, sizeof s2);
    size_t n1 = parse_hex(SC_PAUSE_SET1, s1, sizeof s1);
    assert_int_equal(i8042_translate(s2, n2, t), n1);
    assert_memory_equal(t, s1, n1);
}

/* Decodes a whole sequence in a fresh decoder: the events, and the last status. */
static enum ps2_status decode_all(enum ps2_scancode_set set, const uint8_t *bytes, size_t n,
                                  struct ps2_key_event *events, size_t *count)
{
    struct ps2_decoder dec;
    init_set(&dec, set);
    enum ps2_status st = PS2_PENDING;
    *count = 0;
    for (size_t i = 0; i < n; i++) {
        struct ps2_key_event ev = {PS2_KEY_NONE, false};
        st = ps2_decoder_feed(&dec, bytes[i], &ev);
        if (st == PS2_OK && *count < 4) {
            events[(*count)++] = ev;
        }
    }
    return st;
}

/* Every key code set 2 decodes (each code 00-84, alone, after F0, E0, E0 F0) decodes
 * to the same key press or release in set 1 after the 8042's translation: the
 * library's four tables agree with each other through the 8042 as QEMU runs it. */
static void test_translation_exhaustive(void **state)
{
    (void)state;
    static const char *const prefixes[] = {"", "F0", "E0", "E0 F0"};
    size_t checked = 0;
    for (size_t p = 0; p < 4; p++) {
        for (unsigned b = 0; b < sizeof i8042_translation; b++) {
            char hex[16];
            snprintf(hex, sizeof hex, "%s%s%02X", prefixes[p], p ? " " : "", b);
            uint8_t s2[4], t[4];
            size_t n2 = parse_hex(hex, s2, sizeof s2);
            struct ps2_key_event e2[4], e1[4];
            size_t c2 = 0, c1 = 0;
            if (decode_all(PS2_SCANCODE_SET_2, s2, n2, e2, &c2) != PS2_OK) {
                continue;
            }
            size_t nt = i8042_translate(s2, n2, t);
            enum ps2_status st = decode_all(PS2_SCANCODE_SET_1, t, nt, e1, &c1);
            if (st != PS2_OK || c1 != 1 || e1[0].key != e2[0].key ||
                e1[0].pressed != e2[0].pressed) {
                fail_msg("set 2 %s (key %d pressed %d): translated, set 1 gives %s key %d",
                         hex, (int)e2[0].key, (int)e2[0].pressed, ps2_status_str(st),
                         c1 ? (int)e1[0].key : -1);
            }
            checked++;
        }
    }
    printf("8042 translation: %zu set 2 codes agree with set 1\n", checked);
    assert_true(checked >= 240u);
}

/* QEMU's Pause and Print Screen sequences (hw/input/ps2.c), in both sets. */
static void test_qemu_sequences(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof qemu_sequences / sizeof qemu_sequences[0]; i++) {
        const struct qemu_sequence *q = &qemu_sequences[i];
        uint8_t bytes[16];
        size_t n = parse_hex(q->bytes, bytes, sizeof bytes);
        struct ps2_key_event ev[4];
        size_t count = 0;
        enum ps2_status st = decode_all((enum ps2_scancode_set)q->set, bytes, n, ev, &count);
        if ((st != PS2_OK && st != PS2_IGNORED) || count != q->count) {
            fail_msg("set %d %s (%s): %s, %zu events", q->set, q->what, q->bytes,
                     ps2_status_str(st), count);
        }
        for (size_t e = 0; e < count; e++) {
            if (ev[e].key != q->events[e].key || ev[e].pressed != q->events[e].pressed) {
                fail_msg("set %d %s: event %zu is key %d pressed %d", q->set, q->what, e,
                         (int)ev[e].key, (int)ev[e].pressed);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_row_set1),
        cmocka_unit_test(test_every_row_set2),
        cmocka_unit_test(test_nothing_outside_the_tables),
        cmocka_unit_test(test_fake_shifts),
        cmocka_unit_test(test_pause_and_lang),
        cmocka_unit_test(test_bad_bytes),
        cmocka_unit_test(test_keycodemapdb),
        cmocka_unit_test(test_keycodemapdb_conflicts),
        cmocka_unit_test(test_translation_of_the_tables),
        cmocka_unit_test(test_translation_exhaustive),
        cmocka_unit_test(test_qemu_sequences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
