/* Fuzz harness: arbitrary byte streams through the scan-code decoder, the modifier
 * state machine, the layouts and the mouse packet decoder.
 *
 * Input: byte 0 selects the scan-code set (bit 0), the layout (bits 1-2), the lock
 * state to start with (bits 3-5) and the mouse ID (bits 6-7: 0, 3, 4, 0); the rest is
 * the stream. Every status must be one the headers promise, every event's key in
 * range, every translation 0-2 code points. Then the decoder must not be stuck: a
 * known sequence fed twice more must decode exactly, the second time, and a known
 * sequence after ps2_decoder_reset must decode exactly. Violations abort(). */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "ps2/layout.h"
#include "ps2/mouse.h"
#include "ps2/scancode.h"

int fuzz_one(const uint8_t *data, size_t size);

static void check(bool ok)
{
    if (!ok) {
        abort();
    }
}

/* A press and release of A, Insert (E0), Right Ctrl (E0), Print Screen with its fake
 * shift, Pause, and Left Shift. */
static const uint8_t known_set1[] = {0x1E, 0x9E, 0xE0, 0x52, 0xE0, 0xD2, 0xE0, 0x1D, 0xE0,
    0x9D, 0xE0, 0x2A, 0xE0, 0x37, 0xE0, 0xB7, 0xE0, 0xAA, 0xE1, 0x1D, 0x45, 0xE1, 0x9D,
    0xC5, 0x2A, 0xAA};
static const uint8_t known_set2[] = {0x1C, 0xF0, 0x1C, 0xE0, 0x70, 0xE0, 0xF0, 0x70, 0xE0,
    0x14, 0xE0, 0xF0, 0x14, 0xE0, 0x12, 0xE0, 0x7C, 0xE0, 0xF0, 0x7C, 0xE0, 0xF0, 0x12,
    0xE1, 0x14, 0x77, 0xE1, 0xF0, 0x14, 0xF0, 0x77, 0x12, 0xF0, 0x12};
static const enum ps2_key known_keys[] = {PS2_KEY_A, PS2_KEY_INSERT, PS2_KEY_RIGHT_CTRL,
    PS2_KEY_PRINT_SCREEN, PS2_KEY_PAUSE, PS2_KEY_LEFT_SHIFT};
#define KNOWN_EVENTS (2 * sizeof known_keys / sizeof known_keys[0])

/* Feeds the known sequence; returns whether it gave exactly its events. */
static bool known_decodes(struct ps2_decoder *dec, bool set1)
{
    const uint8_t *seq = set1 ? known_set1 : known_set2;
    size_t len = set1 ? sizeof known_set1 : sizeof known_set2;
    size_t events = 0;
    bool exact = true;
    for (size_t i = 0; i < len; i++) {
        struct ps2_key_event ev;
        enum ps2_status st = ps2_decoder_feed(dec, seq[i], &ev);
        if (st == PS2_OK) {
            exact = exact && events < KNOWN_EVENTS && ev.key == known_keys[events / 2] &&
                    ev.pressed == (events % 2 == 0);
            events++;
        } else if (st != PS2_PENDING && st != PS2_IGNORED) {
            exact = false;
        }
    }
    return exact && events == KNOWN_EVENTS;
}

static void type_event(const struct ps2_layout *layout, struct ps2_modifiers *mods,
                       struct ps2_compose *compose, const struct ps2_key_event *ev)
{
    check((unsigned)ev->key > PS2_KEY_NONE && (unsigned)ev->key < PS2_KEY_COUNT);
    (void)ps2_modifiers_update(mods, ev);
    check((ps2_modifiers_leds(mods) & ~0x07u) == 0);
    uint32_t out[2] = {0, 0};
    unsigned n = 99;
    enum ps2_status st = ps2_layout_translate(layout, mods, compose, ev, out, &n);
    check(st == PS2_OK || st == PS2_NO_CHARACTER || st == PS2_DEAD_KEY);
    check(st == PS2_OK ? (n == 1 || n == 2) : n == 0);
    for (unsigned i = 0; i < n; i++) {
        check(out[i] != 0 && out[i] <= 0xFFFF);
    }
}

int fuzz_one(const uint8_t *data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    static const struct ps2_layout *const layouts[4] = {&ps2_layout_us, &ps2_layout_uk,
                                                        &ps2_layout_de, &ps2_layout_us};
    static const uint8_t mouse_ids[4] = {0, 3, 4, 0};
    bool set1 = (data[0] & 1u) == 0;
    const struct ps2_layout *layout = layouts[(data[0] >> 1) & 3u];
    struct ps2_decoder dec;
    check(ps2_decoder_init(&dec, set1 ? PS2_SCANCODE_SET_1 : PS2_SCANCODE_SET_2) == PS2_OK);
    struct ps2_modifiers mods;
    ps2_modifiers_init(&mods, (uint8_t)((data[0] >> 3) & 7u));
    struct ps2_compose compose;
    ps2_compose_init(&compose);
    struct ps2_mouse_decoder mouse;
    ps2_mouse_decoder_init(&mouse, mouse_ids[data[0] >> 6]);

    for (size_t i = 1; i < size; i++) {
        struct ps2_key_event ev;
        enum ps2_status st = ps2_decoder_feed(&dec, data[i], &ev);
        check(st == PS2_OK || st == PS2_PENDING || st == PS2_IGNORED ||
              st == PS2_UNKNOWN_SCANCODE || st == PS2_KEY_OVERRUN);
        if (st == PS2_OK) {
            type_event(layout, &mods, &compose, &ev);
        }
        struct ps2_mouse_packet p;
        st = ps2_mouse_decoder_feed(&mouse, data[i], &p);
        check(st == PS2_OK || st == PS2_PENDING || st == PS2_BAD_PACKET);
        if (st == PS2_OK) {
            check(p.dx >= -256 && p.dx <= 255 && p.dy >= -256 && p.dy <= 255);
            check((p.buttons & ~0x1Fu) == 0);
        }
    }
    /* Not stuck: whatever state the stream left, the second copy decodes exactly. */
    struct ps2_decoder copy = dec;
    (void)known_decodes(&copy, set1);
    check(known_decodes(&copy, set1));
    ps2_decoder_reset(&dec);
    check(known_decodes(&dec, set1));
    return 0;
}
