/* The names of the library's key codes (ps2/keycode.h without the PS2_KEY_ prefix),
 * for the host helpers that print key events for the Python comparisons. */
#ifndef TESTS_PS2_KEY_NAMES_H
#define TESTS_PS2_KEY_NAMES_H

#include "ps2/keycode.h"

#define N(name) [PS2_KEY_##name] = #name

static const char *const ps2_key_names[PS2_KEY_COUNT] = {
    N(ESCAPE), N(F1), N(F2), N(F3), N(F4), N(F5), N(F6), N(F7), N(F8), N(F9), N(F10),
    N(F11), N(F12), N(PRINT_SCREEN), N(SYSRQ), N(SCROLL_LOCK), N(PAUSE), N(BREAK),
    N(BACKTICK), N(1), N(2), N(3), N(4), N(5), N(6), N(7), N(8), N(9), N(0), N(MINUS),
    N(EQUALS), N(BACKSPACE), N(TAB), N(Q), N(W), N(E), N(R), N(T), N(Y), N(U), N(I), N(O),
    N(P), N(LEFT_BRACKET), N(RIGHT_BRACKET), N(BACKSLASH), N(CAPS_LOCK), N(A), N(S), N(D),
    N(F), N(G), N(H), N(J), N(K), N(L), N(SEMICOLON), N(APOSTROPHE), N(ENTER),
    N(LEFT_SHIFT), N(NON_US_BACKSLASH), N(Z), N(X), N(C), N(V), N(B), N(N), N(M), N(COMMA),
    N(PERIOD), N(SLASH), N(RIGHT_SHIFT), N(LEFT_CTRL), N(LEFT_GUI), N(LEFT_ALT), N(SPACE),
    N(RIGHT_ALT), N(RIGHT_GUI), N(APPS), N(RIGHT_CTRL), N(INSERT), N(HOME), N(PAGE_UP),
    N(DELETE), N(END), N(PAGE_DOWN), N(UP), N(LEFT), N(DOWN), N(RIGHT), N(NUM_LOCK),
    N(KP_SLASH), N(KP_ASTERISK), N(KP_MINUS), N(KP_7), N(KP_8), N(KP_9), N(KP_PLUS),
    N(KP_4), N(KP_5), N(KP_6), N(KP_1), N(KP_2), N(KP_3), N(KP_ENTER), N(KP_0),
    N(KP_PERIOD), N(KP_EQUALS), N(KP_COMMA), N(F13), N(F14), N(F15), N(F16), N(F17), N(F18),
    N(F19), N(F20), N(F21), N(F22), N(F23), N(F24), N(INTL_RO), N(INTL_KATAKANA_HIRAGANA),
    N(INTL_YEN), N(INTL_HENKAN), N(INTL_MUHENKAN), N(LANG_HANGUL), N(LANG_HANJA), N(POWER),
    N(SLEEP), N(WAKE), N(NEXT_TRACK), N(PREVIOUS_TRACK), N(STOP), N(PLAY_PAUSE), N(MUTE),
    N(VOLUME_UP), N(VOLUME_DOWN), N(MEDIA_SELECT), N(MAIL), N(CALCULATOR), N(MY_COMPUTER),
    N(WWW_SEARCH), N(WWW_HOME), N(WWW_BACK), N(WWW_FORWARD), N(WWW_STOP), N(WWW_REFRESH),
    N(WWW_FAVORITES),
};

#undef N

#endif
