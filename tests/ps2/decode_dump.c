/* Host helper of the QEMU comparison (qemu_keys.py): reads lines of hexadecimal set 2
 * bytes (what QEMU's PS/2 keyboard sent, from its ps2_put_keycode trace) and prints,
 * per line, the events the decoder gives for them in set 2, then "|", then the
 * events for the same bytes after the 8042's translation decoded in set 1 (as a
 * kernel with translation on sees them). An event is NAME+ (press) or NAME- (release);
 * a status other than OK, PENDING and IGNORED prints as !STATUS. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ps2/scancode.h"

#include "key_names.h"
#include "scancode_sources.h"

static void decode(enum ps2_scancode_set set, const uint8_t *bytes, size_t n)
{
    struct ps2_decoder dec;
    if (ps2_decoder_init(&dec, set) != PS2_OK) {
        exit(1);
    }
    for (size_t i = 0; i < n; i++) {
        struct ps2_key_event ev = {PS2_KEY_NONE, false};
        enum ps2_status st = ps2_decoder_feed(&dec, bytes[i], &ev);
        if (st == PS2_OK) {
            printf(" %s%c", ps2_key_names[ev.key], ev.pressed ? '+' : '-');
        } else if (st != PS2_PENDING && st != PS2_IGNORED) {
            printf(" !%s", ps2_status_str(st));
        }
    }
}

int main(void)
{
    char line[1024];
    while (fgets(line, sizeof line, stdin) != NULL) {
        uint8_t set2[256], set1[256];
        size_t n = 0;
        for (char *tok = strtok(line, " \t\n"); tok != NULL && n < sizeof set2;
             tok = strtok(NULL, " \t\n")) {
            set2[n++] = (uint8_t)strtoul(tok, NULL, 16);
        }
        size_t m = i8042_translate(set2, n, set1);
        decode(PS2_SCANCODE_SET_2, set2, n);
        printf(" |");
        decode(PS2_SCANCODE_SET_1, set1, m);
        printf("\n");
    }
    return 0;
}
