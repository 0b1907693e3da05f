/* Layouts and modifiers: typed strings against the published Microsoft layouts (US
 * 00000409, United Kingdom 00000809, German 00000407: the characters printed on each
 * key at each level), dead keys, Caps Lock, the keypad with and without Num Lock,
 * and whole scan-code streams through decoder, modifiers and layout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "ps2/layout.h"
#include "ps2/scancode.h"

struct typist {
    const struct ps2_layout *layout;
    struct ps2_modifiers mods;
    struct ps2_compose compose;
    uint32_t text[128];
    size_t len;
    unsigned led_changes;
};

static void typist_init(struct typist *t, const struct ps2_layout *layout, uint8_t leds)
{
    memset(t, 0, sizeof *t);
    t->layout = layout;
    ps2_modifiers_init(&t->mods, leds);
    ps2_compose_init(&t->compose);
}

static void event(struct typist *t, enum ps2_key key, bool pressed)
{
    struct ps2_key_event ev = {key, pressed};
    if (ps2_modifiers_update(&t->mods, &ev)) {
        t->led_changes++;
    }
    uint32_t out[2];
    unsigned n = 0;
    enum ps2_status st = ps2_layout_translate(t->layout, &t->mods, &t->compose, &ev, out, &n);
    assert_true(st == PS2_OK || st == PS2_NO_CHARACTER || st == PS2_DEAD_KEY);
    assert_true(st == PS2_OK ? n >= 1 && n <= 2 : n == 0);
    for (unsigned i = 0; i < n; i++) {
        assert_true(t->len < 128);
        t->text[t->len++] = out[i];
    }
}

static void tap(struct typist *t, enum ps2_key key)
{
    event(t, key, true);
    event(t, key, false);
}

/* Taps each key of `keys` (PS2_KEY_NONE-terminated) with `mod` held (or none). */
static void tap_all(struct typist *t, enum ps2_key mod, const enum ps2_key *keys)
{
    if (mod != PS2_KEY_NONE) {
        event(t, mod, true);
    }
    for (size_t i = 0; keys[i] != PS2_KEY_NONE; i++) {
        tap(t, keys[i]);
    }
    if (mod != PS2_KEY_NONE) {
        event(t, mod, false);
    }
}

/* The typed text against a UTF-8 expectation. */
static void expect_text(struct typist *t, const char *utf8)
{
    uint32_t want[128];
    size_t n = 0;
    const unsigned char *s = (const unsigned char *)utf8;
    while (*s != 0) {
        uint32_t c = *s++;
        if (c >= 0xE0) {
            c = ((c & 0x0F) << 12) | ((uint32_t)(s[0] & 0x3F) << 6) | (s[1] & 0x3F);
            s += 2;
        } else if (c >= 0xC0) {
            c = ((c & 0x1F) << 6) | (s[0] & 0x3F);
            s += 1;
        }
        want[n++] = c;
    }
    for (size_t i = 0; i < n && i < t->len; i++) {
        if (t->text[i] != want[i]) {
            fail_msg("\"%s\": character %zu is U+%04X, expected U+%04X", utf8, i,
                     (unsigned)t->text[i], (unsigned)want[i]);
        }
    }
    if (t->len != n) {
        fail_msg("\"%s\": %zu characters typed, expected %zu", utf8, t->len, n);
    }
    t->len = 0;
}

#define K(x) PS2_KEY_##x
static const enum ps2_key number_row[] = {K(BACKTICK), K(1), K(2), K(3), K(4), K(5), K(6),
    K(7), K(8), K(9), K(0), K(MINUS), K(EQUALS), K(NONE)};
static const enum ps2_key top_row[] = {K(Q), K(W), K(E), K(R), K(T), K(Y), K(U), K(I), K(O),
    K(P), K(LEFT_BRACKET), K(RIGHT_BRACKET), K(BACKSLASH), K(NONE)};
static const enum ps2_key home_row[] = {K(A), K(S), K(D), K(F), K(G), K(H), K(J), K(K), K(L),
    K(SEMICOLON), K(APOSTROPHE), K(NONE)};
static const enum ps2_key bottom_row[] = {K(NON_US_BACKSLASH), K(Z), K(X), K(C), K(V), K(B),
    K(N), K(M), K(COMMA), K(PERIOD), K(SLASH), K(NONE)};
static const enum ps2_key keypad[] = {K(KP_7), K(KP_8), K(KP_9), K(KP_4), K(KP_5), K(KP_6),
    K(KP_1), K(KP_2), K(KP_3), K(KP_0), K(KP_PERIOD), K(KP_SLASH), K(KP_ASTERISK),
    K(KP_MINUS), K(KP_PLUS), K(KP_ENTER), K(NONE)};

static void test_us(void **state)
{
    (void)state;
    struct typist t;
    typist_init(&t, &ps2_layout_us, 0);
    tap_all(&t, K(NONE), number_row);
    expect_text(&t, "`1234567890-=");
    tap_all(&t, K(LEFT_SHIFT), number_row);
    expect_text(&t, "~!@#$%^&*()_+");
    tap_all(&t, K(NONE), top_row);
    tap_all(&t, K(NONE), home_row);
    tap_all(&t, K(NONE), bottom_row);
    expect_text(&t, "qwertyuiop[]\\asdfghjkl;'\\zxcvbnm,./");
    tap_all(&t, K(RIGHT_SHIFT), top_row);
    tap_all(&t, K(RIGHT_SHIFT), home_row);
    tap_all(&t, K(RIGHT_SHIFT), bottom_row);
    expect_text(&t, "QWERTYUIOP{}|ASDFGHJKL:\"|ZXCVBNM<>?");
    /* no AltGr: Right Alt types nothing different */
    tap_all(&t, K(RIGHT_ALT), (const enum ps2_key[]){K(E), K(4), K(NONE)});
    expect_text(&t, "e4");
    tap_all(&t, K(NONE), (const enum ps2_key[]){K(TAB), K(SPACE), K(ENTER), K(BACKSPACE),
                                                 K(ESCAPE), K(DELETE), K(NONE)});
    expect_text(&t, "\t \n\b\x1b\x7f");
    /* keys that type nothing */
    tap_all(&t, K(NONE), (const enum ps2_key[]){K(F1), K(UP), K(LEFT_CTRL), K(PAUSE),
                                                 K(PRINT_SCREEN), K(NONE)});
    expect_text(&t, "");
}

static void test_typed_sentence(void **state)
{
    (void)state;
    struct typist t;
    typist_init(&t, &ps2_layout_us, 0);
    event(&t, K(LEFT_SHIFT), true);
    tap(&t, K(H));
    event(&t, K(LEFT_SHIFT), false);
    tap_all(&t, K(NONE), (const enum ps2_key[]){K(E), K(L), K(L), K(O), K(COMMA), K(SPACE),
                                                 K(NONE)});
    event(&t, K(RIGHT_SHIFT), true);
    tap(&t, K(W));
    event(&t, K(RIGHT_SHIFT), false);
    tap_all(&t, K(NONE), (const enum ps2_key[]){K(O), K(R), K(L), K(D), K(NONE)});
    tap_all(&t, K(LEFT_SHIFT), (const enum ps2_key[]){K(1), K(1), K(NONE)});
    expect_text(&t, "Hello, World!!");
}

static void test_uk(void **state)
{
    (void)state;
    struct typist t;
    typist_init(&t, &ps2_layout_uk, 0);
    tap_all(&t, K(NONE), number_row);
    expect_text(&t, "`1234567890-=");
    tap_all(&t, K(LEFT_SHIFT), number_row);
    expect_text(&t, "¬!\"£$%^&*()_+");
    tap_all(&t, K(NONE), top_row);
    tap_all(&t, K(NONE), home_row);
    tap_all(&t, K(NONE), bottom_row);
    expect_text(&t, "qwertyuiop[]#asdfghjkl;'\\zxcvbnm,./");
    tap_all(&t, K(LEFT_SHIFT), top_row);
    tap_all(&t, K(LEFT_SHIFT), home_row);
    tap_all(&t, K(LEFT_SHIFT), bottom_row);
    expect_text(&t, "QWERTYUIOP{}~ASDFGHJKL:@|ZXCVBNM<>?");
    tap_all(&t, K(RIGHT_ALT), (const enum ps2_key[]){K(4), K(BACKTICK), K(A), K(E), K(I),
                                                      K(O), K(U), K(NONE)});
    expect_text(&t, "€¦áéíóú");
    event(&t, K(LEFT_SHIFT), true);
    tap_all(&t, K(RIGHT_ALT), (const enum ps2_key[]){K(A), K(E), K(I), K(O), K(U), K(NONE)});
    event(&t, K(LEFT_SHIFT), false);
    expect_text(&t, "ÁÉÍÓÚ");
    /* AltGr on a key without an AltGr character types nothing */
    tap_all(&t, K(RIGHT_ALT), (const enum ps2_key[]){K(Q), K(NONE)});
    expect_text(&t, "");
}

static void test_german(void **state)
{
    (void)state;
    struct typist t;
    typist_init(&t, &ps2_layout_de, 0);
    /* the number row without its two dead keys (^ left of 1, ´ right of ß) */
    tap_all(&t, K(NONE), (const enum ps2_key[]){K(1), K(2), K(3), K(4), K(5), K(6), K(7),
        K(8), K(9), K(0), K(MINUS), K(NONE)});
    expect_text(&t, "1234567890ß");
    tap_all(&t, K(LEFT_SHIFT), (const enum ps2_key[]){K(BACKTICK), K(1), K(2), K(3), K(4),
        K(5), K(6), K(7), K(8), K(9), K(0), K(MINUS), K(NONE)});
    expect_text(&t, "°!\"§$%&/()=?");
    tap_all(&t, K(RIGHT_ALT), (const enum ps2_key[]){K(2), K(3), K(7), K(8), K(9), K(0),
        K(MINUS), K(Q), K(E), K(RIGHT_BRACKET), K(NON_US_BACKSLASH), K(M), K(NONE)});
    expect_text(&t, "²³{[]}\\@€~|µ");
    tap_all(&t, K(NONE), top_row);
    tap_all(&t, K(NONE), home_row);
    tap_all(&t, K(NONE), bottom_row);
    expect_text(&t, "qwertzuiopü+#asdfghjklöä<yxcvbnm,.-");
    tap_all(&t, K(LEFT_SHIFT), top_row);
    tap_all(&t, K(LEFT_SHIFT), home_row);
    tap_all(&t, K(LEFT_SHIFT), bottom_row);
    expect_text(&t, "QWERTZUIOPÜ*'ASDFGHJKLÖÄ>YXCVBNM;:_");
    /* "Grüße" */
    event(&t, K(LEFT_SHIFT), true);
    tap(&t, K(G));
    event(&t, K(LEFT_SHIFT), false);
    tap_all(&t, K(NONE), (const enum ps2_key[]){K(R), K(LEFT_BRACKET), K(MINUS), K(E), K(NONE)});
    expect_text(&t, "Grüße");
}

static void test_dead_keys(void **state)
{
    (void)state;
    struct typist t;
    typist_init(&t, &ps2_layout_de, 0);
    struct ps2_key_event ev = {K(BACKTICK), true};
    uint32_t out[2];
    unsigned n = 9;
    assert_int_equal(ps2_layout_translate(&ps2_layout_de, &t.mods, &t.compose, &ev, out, &n),
                     PS2_DEAD_KEY);
    assert_int_equal(n, 0);
    ps2_compose_init(&t.compose);
    /* ^ + vowels, ´ + vowels and y, ` (Shift + ´) + vowels */
    const enum ps2_key vowels[] = {K(A), K(E), K(I), K(O), K(U)};
    for (size_t i = 0; i < 5; i++) {
        tap(&t, K(BACKTICK));
        tap(&t, vowels[i]);
    }
    expect_text(&t, "âêîôû");
    for (size_t i = 0; i < 5; i++) {
        tap(&t, K(EQUALS));
        event(&t, K(LEFT_SHIFT), true);
        tap(&t, vowels[i]);
        event(&t, K(LEFT_SHIFT), false);
    }
    tap(&t, K(EQUALS));
    tap(&t, K(Y)); /* z on QWERTZ: no ź in Latin-1, so ´ then z */
    tap(&t, K(EQUALS));
    tap(&t, K(Z)); /* y */
    expect_text(&t, "ÁÉÍÓÚ´zý");
    for (size_t i = 0; i < 5; i++) {
        event(&t, K(LEFT_SHIFT), true);
        tap(&t, K(EQUALS));
        event(&t, K(LEFT_SHIFT), false);
        tap(&t, vowels[i]);
    }
    expect_text(&t, "àèìòù");
    /* with Space: the accent alone; twice: two accents; with a consonant: both;
     * a modifier or an arrow in between keeps it pending */
    tap(&t, K(BACKTICK));
    tap(&t, K(SPACE));
    tap(&t, K(EQUALS));
    tap(&t, K(SPACE));
    tap(&t, K(BACKTICK));
    tap(&t, K(BACKTICK));
    tap(&t, K(BACKTICK));
    tap(&t, K(X));
    tap(&t, K(BACKTICK));
    tap(&t, K(LEFT));
    event(&t, K(LEFT_SHIFT), true);
    tap(&t, K(O));
    event(&t, K(LEFT_SHIFT), false);
    expect_text(&t, "^´^^^xÔ");
    /* UK and US have no dead keys */
    typist_init(&t, &ps2_layout_uk, 0);
    tap(&t, K(6));
    tap(&t, K(A));
    expect_text(&t, "6a");
}

static void test_caps_lock(void **state)
{
    (void)state;
    struct typist t;
    typist_init(&t, &ps2_layout_de, 0);
    event(&t, K(CAPS_LOCK), true);
    event(&t, K(CAPS_LOCK), true); /* typematic repeat: no second toggle */
    event(&t, K(CAPS_LOCK), true);
    event(&t, K(CAPS_LOCK), false);
    assert_int_equal(t.led_changes, 1);
    assert_int_equal(ps2_modifiers_leds(&t.mods), PS2_LED_CAPS_LOCK);
    tap_all(&t, K(NONE), (const enum ps2_key[]){K(A), K(APOSTROPHE), K(MINUS), K(1), K(NONE)});
    tap_all(&t, K(LEFT_SHIFT), (const enum ps2_key[]){K(A), K(APOSTROPHE), K(1), K(NONE)});
    tap_all(&t, K(RIGHT_ALT), (const enum ps2_key[]){K(E), K(Q), K(NONE)});
    expect_text(&t, "AÄß1aä!€@");
    tap(&t, K(CAPS_LOCK));
    tap(&t, K(A));
    expect_text(&t, "a");
    assert_int_equal(t.led_changes, 2);
    assert_int_equal(ps2_modifiers_leds(&t.mods), 0);
}

static void test_control_codes(void **state)
{
    (void)state;
    struct typist t;
    typist_init(&t, &ps2_layout_us, 0);
    tap_all(&t, K(LEFT_CTRL), (const enum ps2_key[]){K(A), K(C), K(Z), K(1), K(NONE)});
    event(&t, K(LEFT_SHIFT), true);
    tap_all(&t, K(RIGHT_CTRL), (const enum ps2_key[]){K(D), K(NONE)});
    event(&t, K(LEFT_SHIFT), false);
    expect_text(&t, "\x01\x03\x1a" "1" "\x04");
    typist_init(&t, &ps2_layout_de, 0);
    tap_all(&t, K(LEFT_CTRL), (const enum ps2_key[]){K(Y), K(Z), K(APOSTROPHE), K(NONE)});
    expect_text(&t, "\x1a\x19ä"); /* Ctrl+Z, Ctrl+Y on QWERTZ; ä has no control code */
}

static void test_keypad(void **state)
{
    (void)state;
    struct typist t;
    typist_init(&t, &ps2_layout_us, PS2_LED_NUM_LOCK);
    tap_all(&t, K(NONE), keypad);
    expect_text(&t, "7894561230./*-+\n");
    tap_all(&t, K(LEFT_SHIFT), keypad); /* Shift inverts Num Lock: navigation */
    expect_text(&t, "\x7f/*-+\n");
    tap(&t, K(NUM_LOCK));
    assert_int_equal(ps2_modifiers_leds(&t.mods), 0);
    tap_all(&t, K(NONE), keypad);
    expect_text(&t, "\x7f/*-+\n");
    tap_all(&t, K(LEFT_SHIFT), keypad);
    expect_text(&t, "7894561230./*-+\n");
    typist_init(&t, &ps2_layout_de, PS2_LED_NUM_LOCK);
    tap_all(&t, K(NONE), keypad);
    expect_text(&t, "7894561230,/*-+\n");
}

static void test_modifiers(void **state)
{
    (void)state;
    struct ps2_modifiers m;
    ps2_modifiers_init(&m, 0xFF);
    assert_int_equal(ps2_modifiers_leds(&m), 0x07);
    ps2_modifiers_init(&m, 0);
    const struct {
        enum ps2_key key;
        bool (*query)(const struct ps2_modifiers *);
    } mods[] = {
        {K(LEFT_SHIFT), ps2_modifiers_shift}, {K(RIGHT_SHIFT), ps2_modifiers_shift},
        {K(LEFT_CTRL), ps2_modifiers_ctrl}, {K(RIGHT_CTRL), ps2_modifiers_ctrl},
        {K(LEFT_ALT), ps2_modifiers_alt}, {K(RIGHT_ALT), ps2_modifiers_altgr},
    };
    for (size_t i = 0; i < sizeof mods / sizeof mods[0]; i++) {
        struct ps2_key_event down = {mods[i].key, true}, up = {mods[i].key, false};
        assert_false(mods[i].query(&m));
        assert_false(ps2_modifiers_update(&m, &down));
        assert_true(mods[i].query(&m));
        assert_false(ps2_modifiers_update(&m, &up));
        assert_false(mods[i].query(&m));
    }
    /* Right Alt is not Alt, Left Alt not AltGr; both shifts held, one released */
    struct ps2_key_event ev = {K(RIGHT_ALT), true};
    (void)ps2_modifiers_update(&m, &ev);
    assert_false(ps2_modifiers_alt(&m));
    ev = (struct ps2_key_event){K(LEFT_SHIFT), true};
    (void)ps2_modifiers_update(&m, &ev);
    ev = (struct ps2_key_event){K(RIGHT_SHIFT), true};
    (void)ps2_modifiers_update(&m, &ev);
    ev = (struct ps2_key_event){K(LEFT_SHIFT), false};
    (void)ps2_modifiers_update(&m, &ev);
    assert_true(ps2_modifiers_shift(&m));
    /* each lock toggles its own LED bit (0xED: bit 0 Scroll, 1 Num, 2 Caps) */
    const struct { enum ps2_key key; uint8_t led; } locks[] = {
        {K(SCROLL_LOCK), 0x01}, {K(NUM_LOCK), 0x02}, {K(CAPS_LOCK), 0x04}};
    for (size_t i = 0; i < 3; i++) {
        struct ps2_key_event down = {locks[i].key, true}, up = {locks[i].key, false};
        uint8_t before = ps2_modifiers_leds(&m);
        assert_true(ps2_modifiers_update(&m, &down));
        assert_int_equal(ps2_modifiers_leds(&m), before ^ locks[i].led);
        assert_false(ps2_modifiers_update(&m, &up));
    }
    assert_int_equal(ps2_modifiers_leds(&m), 0x07);
}

/* Scan-code streams as a keyboard sends them, through the whole chain. */
static void type_stream(struct typist *t, enum ps2_scancode_set set, const uint8_t *bytes,
                        size_t n)
{
    struct ps2_decoder dec;
    assert_int_equal(ps2_decoder_init(&dec, set), PS2_OK);
    for (size_t i = 0; i < n; i++) {
        struct ps2_key_event ev;
        if (ps2_decoder_feed(&dec, bytes[i], &ev) == PS2_OK) {
            event(t, ev.key, ev.pressed);
        }
    }
}

static void test_streams(void **state)
{
    (void)state;
    struct typist t;
    typist_init(&t, &ps2_layout_us, PS2_LED_NUM_LOCK);
    /* set 2: Shift+h, i, Shift+1, keypad / (E0 4A), keypad Enter (E0 5A), keypad 7 */
    static const uint8_t set2[] = {0x12, 0x33, 0xF0, 0x33, 0xF0, 0x12, 0x43, 0xF0, 0x43,
        0x59, 0x16, 0xF0, 0x16, 0xF0, 0x59, 0xE0, 0x4A, 0xE0, 0xF0, 0x4A, 0xE0, 0x5A, 0xE0,
        0xF0, 0x5A, 0x6C, 0xF0, 0x6C};
    type_stream(&t, PS2_SCANCODE_SET_2, set2, sizeof set2);
    expect_text(&t, "Hi!/\n7");
    /* set 1 (translated): the same keys */
    static const uint8_t set1[] = {0x2A, 0x23, 0xA3, 0xAA, 0x17, 0x97, 0x36, 0x02, 0x82,
        0xB6, 0xE0, 0x35, 0xE0, 0xB5, 0xE0, 0x1C, 0xE0, 0x9C, 0x47, 0xC7};
    type_stream(&t, PS2_SCANCODE_SET_1, set1, sizeof set1);
    expect_text(&t, "Hi!/\n7");
    /* Right Alt (E0 11) is AltGr on German: AltGr+q = @ */
    typist_init(&t, &ps2_layout_de, 0);
    static const uint8_t altgr[] = {0xE0, 0x11, 0x15, 0xF0, 0x15, 0xE0, 0xF0, 0x11, 0x15,
                                    0xF0, 0x15};
    type_stream(&t, PS2_SCANCODE_SET_2, altgr, sizeof altgr);
    expect_text(&t, "@q");
}

static void test_bad_arguments(void **state)
{
    (void)state;
    struct ps2_modifiers m;
    struct ps2_compose c;
    ps2_modifiers_init(&m, 0);
    ps2_compose_init(&c);
    uint32_t out[2];
    unsigned n;
    struct ps2_key_event ev = {PS2_KEY_COUNT, true};
    assert_int_equal(ps2_layout_translate(&ps2_layout_us, &m, &c, &ev, out, &n), PS2_BAD_ARGUMENT);
    ev.key = K(A);
    assert_int_equal(ps2_layout_translate(NULL, &m, &c, &ev, out, &n), PS2_BAD_ARGUMENT);
    assert_int_equal(ps2_layout_translate(&ps2_layout_us, &m, &c, &ev, out, NULL), PS2_BAD_ARGUMENT);
    ev.key = K(NONE);
    assert_int_equal(ps2_layout_translate(&ps2_layout_us, &m, &c, &ev, out, &n), PS2_NO_CHARACTER);
    assert_string_equal(ps2_layout_us.name, "us");
    assert_string_equal(ps2_layout_uk.name, "uk");
    assert_string_equal(ps2_layout_de.name, "de");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_us),          cmocka_unit_test(test_typed_sentence),
        cmocka_unit_test(test_uk),          cmocka_unit_test(test_german),
        cmocka_unit_test(test_dead_keys),   cmocka_unit_test(test_caps_lock),
        cmocka_unit_test(test_keypad),      cmocka_unit_test(test_modifiers),
        cmocka_unit_test(test_control_codes),
        cmocka_unit_test(test_streams),     cmocka_unit_test(test_bad_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
