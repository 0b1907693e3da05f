/* The scan-code tables of the Microsoft "Keyboard Scan Code Specification" (Windows
 * Platform Design Notes, revision 1.3a, 16 March 2000), transcribed for the tests
 * row by row as the specification prints them: key location number (Appendix A's
 * "Key Number"; 0 for keys of Appendix C), set 1 make and break, set 2 make and
 * break, each a string of hexadecimal bytes. Print Screen and Pause carry their full
 * sequences (with the fake shifts) as printed. Shared by the decoder test and the
 * fuzz harness. */
#ifndef TESTS_PS2_SCANCODE_TABLE_H
#define TESTS_PS2_SCANCODE_TABLE_H

#include "ps2/keycode.h"

struct sc_row {
    int key_number;
    enum ps2_key key;
    const char *set1_make, *set1_break, *set2_make, *set2_break;
};

static const struct sc_row sc_rows[] = {
    /* Appendix A: 104-key keyboard and the international keys */
    {1, PS2_KEY_BACKTICK, "29", "A9", "0E", "F0 0E"},
    {2, PS2_KEY_1, "02", "82", "16", "F0 16"},
    {3, PS2_KEY_2, "03", "83", "1E", "F0 1E"},
    {4, PS2_KEY_3, "04", "84", "26", "F0 26"},
    {5, PS2_KEY_4, "05", "85", "25", "F0 25"},
    {6, PS2_KEY_5, "06", "86", "2E", "F0 2E"},
    {7, PS2_KEY_6, "07", "87", "36", "F0 36"},
    {8, PS2_KEY_7, "08", "88", "3D", "F0 3D"},
    {9, PS2_KEY_8, "09", "89", "3E", "F0 3E"},
    {10, PS2_KEY_9, "0A", "8A", "46", "F0 46"},
    {11, PS2_KEY_0, "0B", "8B", "45", "F0 45"},
    {12, PS2_KEY_MINUS, "0C", "8C", "4E", "F0 4E"},
    {13, PS2_KEY_EQUALS, "0D", "8D", "55", "F0 55"},
    {14, PS2_KEY_INTL_YEN, "7D", "FD", "6A", "F0 6A"},
    {15, PS2_KEY_BACKSPACE, "0E", "8E", "66", "F0 66"},
    {16, PS2_KEY_TAB, "0F", "8F", "0D", "F0 0D"},
    {17, PS2_KEY_Q, "10", "90", "15", "F0 15"},
    {18, PS2_KEY_W, "11", "91", "1D", "F0 1D"},
    {19, PS2_KEY_E, "12", "92", "24", "F0 24"},
    {20, PS2_KEY_R, "13", "93", "2D", "F0 2D"},
    {21, PS2_KEY_T, "14", "94", "2C", "F0 2C"},
    {22, PS2_KEY_Y, "15", "95", "35", "F0 35"},
    {23, PS2_KEY_U, "16", "96", "3C", "F0 3C"},
    {24, PS2_KEY_I, "17", "97", "43", "F0 43"},
    {25, PS2_KEY_O, "18", "98", "44", "F0 44"},
    {26, PS2_KEY_P, "19", "99", "4D", "F0 4D"},
    {27, PS2_KEY_LEFT_BRACKET, "1A", "9A", "54", "F0 54"},
    {28, PS2_KEY_RIGHT_BRACKET, "1B", "9B", "5B", "F0 5B"},
    {29, PS2_KEY_BACKSLASH, "2B", "AB", "5D", "F0 5D"}, /* 42 on ISO: the same codes */
    {30, PS2_KEY_CAPS_LOCK, "3A", "BA", "58", "F0 58"},
    {31, PS2_KEY_A, "1E", "9E", "1C", "F0 1C"},
    {32, PS2_KEY_S, "1F", "9F", "1B", "F0 1B"},
    {33, PS2_KEY_D, "20", "A0", "23", "F0 23"},
    {34, PS2_KEY_F, "21", "A1", "2B", "F0 2B"},
    {35, PS2_KEY_G, "22", "A2", "34", "F0 34"},
    {36, PS2_KEY_H, "23", "A3", "33", "F0 33"},
    {37, PS2_KEY_J, "24", "A4", "3B", "F0 3B"},
    {38, PS2_KEY_K, "25", "A5", "42", "F0 42"},
    {39, PS2_KEY_L, "26", "A6", "4B", "F0 4B"},
    {40, PS2_KEY_SEMICOLON, "27", "A7", "4C", "F0 4C"},
    {41, PS2_KEY_APOSTROPHE, "28", "A8", "52", "F0 52"},
    {43, PS2_KEY_ENTER, "1C", "9C", "5A", "F0 5A"},
    {44, PS2_KEY_LEFT_SHIFT, "2A", "AA", "12", "F0 12"},
    {45, PS2_KEY_NON_US_BACKSLASH, "56", "D6", "61", "F0 61"},
    {46, PS2_KEY_Z, "2C", "AC", "1A", "F0 1A"},
    {47, PS2_KEY_X, "2D", "AD", "22", "F0 22"},
    {48, PS2_KEY_C, "2E", "AE", "21", "F0 21"},
    {49, PS2_KEY_V, "2F", "AF", "2A", "F0 2A"},
    {50, PS2_KEY_B, "30", "B0", "32", "F0 32"},
    {51, PS2_KEY_N, "31", "B1", "31", "F0 31"},
    {52, PS2_KEY_M, "32", "B2", "3A", "F0 3A"},
    {53, PS2_KEY_COMMA, "33", "B3", "41", "F0 41"},
    {54, PS2_KEY_PERIOD, "34", "B4", "49", "F0 49"},
    {55, PS2_KEY_SLASH, "35", "B5", "4A", "F0 4A"},
    {56, PS2_KEY_INTL_RO, "73", "F3", "51", "F0 51"},
    {57, PS2_KEY_RIGHT_SHIFT, "36", "B6", "59", "F0 59"},
    {58, PS2_KEY_LEFT_CTRL, "1D", "9D", "14", "F0 14"},
    {59, PS2_KEY_LEFT_GUI, "E0 5B", "E0 DB", "E0 1F", "E0 F0 1F"},
    {60, PS2_KEY_LEFT_ALT, "38", "B8", "11", "F0 11"},
    {61, PS2_KEY_SPACE, "39", "B9", "29", "F0 29"},
    {62, PS2_KEY_RIGHT_ALT, "E0 38", "E0 B8", "E0 11", "E0 F0 11"},
    {63, PS2_KEY_RIGHT_GUI, "E0 5C", "E0 DC", "E0 27", "E0 F0 27"},
    {64, PS2_KEY_RIGHT_CTRL, "E0 1D", "E0 9D", "E0 14", "E0 F0 14"},
    {65, PS2_KEY_APPS, "E0 5D", "E0 DD", "E0 2F", "E0 F0 2F"},
    /* the navigation block; the specification's base case (Num Lock off, no Shift) */
    {75, PS2_KEY_INSERT, "E0 52", "E0 D2", "E0 70", "E0 F0 70"},
    {76, PS2_KEY_DELETE, "E0 53", "E0 D3", "E0 71", "E0 F0 71"},
    {79, PS2_KEY_LEFT, "E0 4B", "E0 CB", "E0 6B", "E0 F0 6B"},
    {80, PS2_KEY_HOME, "E0 47", "E0 C7", "E0 6C", "E0 F0 6C"},
    {81, PS2_KEY_END, "E0 4F", "E0 CF", "E0 69", "E0 F0 69"},
    {83, PS2_KEY_UP, "E0 48", "E0 C8", "E0 75", "E0 F0 75"},
    {84, PS2_KEY_DOWN, "E0 50", "E0 D0", "E0 72", "E0 F0 72"},
    {85, PS2_KEY_PAGE_UP, "E0 49", "E0 C9", "E0 7D", "E0 F0 7D"},
    {86, PS2_KEY_PAGE_DOWN, "E0 51", "E0 D1", "E0 7A", "E0 F0 7A"},
    {89, PS2_KEY_RIGHT, "E0 4D", "E0 CD", "E0 74", "E0 F0 74"},
    /* keypad */
    {90, PS2_KEY_NUM_LOCK, "45", "C5", "77", "F0 77"},
    {91, PS2_KEY_KP_7, "47", "C7", "6C", "F0 6C"},
    {92, PS2_KEY_KP_4, "4B", "CB", "6B", "F0 6B"},
    {93, PS2_KEY_KP_1, "4F", "CF", "69", "F0 69"},
    {95, PS2_KEY_KP_SLASH, "E0 35", "E0 B5", "E0 4A", "E0 F0 4A"},
    {96, PS2_KEY_KP_8, "48", "C8", "75", "F0 75"},
    {97, PS2_KEY_KP_5, "4C", "CC", "73", "F0 73"},
    {98, PS2_KEY_KP_2, "50", "D0", "72", "F0 72"},
    {99, PS2_KEY_KP_0, "52", "D2", "70", "F0 70"},
    {100, PS2_KEY_KP_ASTERISK, "37", "B7", "7C", "F0 7C"},
    {101, PS2_KEY_KP_9, "49", "C9", "7D", "F0 7D"},
    {102, PS2_KEY_KP_6, "4D", "CD", "74", "F0 74"},
    {103, PS2_KEY_KP_3, "51", "D1", "7A", "F0 7A"},
    {104, PS2_KEY_KP_PERIOD, "53", "D3", "71", "F0 71"},
    {105, PS2_KEY_KP_MINUS, "4A", "CA", "7B", "F0 7B"},
    {106, PS2_KEY_KP_PLUS, "4E", "CE", "79", "F0 79"},
    {107, PS2_KEY_KP_COMMA, "7E", "FE", "6D", "F0 6D"},
    {108, PS2_KEY_KP_ENTER, "E0 1C", "E0 9C", "E0 5A", "E0 F0 5A"},
    /* function row */
    {110, PS2_KEY_ESCAPE, "01", "81", "76", "F0 76"},
    {112, PS2_KEY_F1, "3B", "BB", "05", "F0 05"},
    {113, PS2_KEY_F2, "3C", "BC", "06", "F0 06"},
    {114, PS2_KEY_F3, "3D", "BD", "04", "F0 04"},
    {115, PS2_KEY_F4, "3E", "BE", "0C", "F0 0C"},
    {116, PS2_KEY_F5, "3F", "BF", "03", "F0 03"},
    {117, PS2_KEY_F6, "40", "C0", "0B", "F0 0B"},
    {118, PS2_KEY_F7, "41", "C1", "83", "F0 83"},
    {119, PS2_KEY_F8, "42", "C2", "0A", "F0 0A"},
    {120, PS2_KEY_F9, "43", "C3", "01", "F0 01"},
    {121, PS2_KEY_F10, "44", "C4", "09", "F0 09"},
    {122, PS2_KEY_F11, "57", "D7", "78", "F0 78"},
    {123, PS2_KEY_F12, "58", "D8", "07", "F0 07"},
    {124, PS2_KEY_PRINT_SCREEN, "E0 2A E0 37", "E0 B7 E0 AA", "E0 12 E0 7C", "E0 F0 7C E0 F0 12"},
    {124, PS2_KEY_SYSRQ, "54", "D4", "84", "F0 84"}, /* Alt + Print Screen */
    {125, PS2_KEY_SCROLL_LOCK, "46", "C6", "7E", "F0 7E"},
    {126, PS2_KEY_BREAK, "E0 46", "E0 C6", "E0 7E", "E0 F0 7E"}, /* Ctrl + Pause */
    {131, PS2_KEY_INTL_MUHENKAN, "7B", "FB", "67", "F0 67"},
    {132, PS2_KEY_INTL_HENKAN, "79", "F9", "64", "F0 64"},
    {133, PS2_KEY_INTL_KATAKANA_HIRAGANA, "70", "F0", "13", "F0 13"},
    /* keys of the USB HID usage table the specification maps (keypad =, F13-F24) */
    {0, PS2_KEY_KP_EQUALS, "59", "D9", "0F", "F0 0F"},
    {0, PS2_KEY_F13, "64", "E4", "08", "F0 08"},
    {0, PS2_KEY_F14, "65", "E5", "10", "F0 10"},
    {0, PS2_KEY_F15, "66", "E6", "18", "F0 18"},
    {0, PS2_KEY_F16, "67", "E7", "20", "F0 20"},
    {0, PS2_KEY_F17, "68", "E8", "28", "F0 28"},
    {0, PS2_KEY_F18, "69", "E9", "30", "F0 30"},
    {0, PS2_KEY_F19, "6A", "EA", "38", "F0 38"},
    {0, PS2_KEY_F20, "6B", "EB", "40", "F0 40"},
    {0, PS2_KEY_F21, "6C", "EC", "48", "F0 48"},
    {0, PS2_KEY_F22, "6D", "ED", "50", "F0 50"},
    {0, PS2_KEY_F23, "6E", "EE", "57", "F0 57"},
    {0, PS2_KEY_F24, "76", "F6", "5F", "F0 5F"},
    /* Not in the specification: keycodemapdb's codes for F13, F14, F15 and SysRq
     * (data/keymaps.csv, "AT set1"/"AT set2" columns; what QEMU's keyboard sends for
     * f13-f15), which the decoder accepts too (ps2/README.md) */
    {0, PS2_KEY_F13, "5D", "DD", "2F", "F0 2F"},
    {0, PS2_KEY_F14, "5E", "DE", "37", "F0 37"},
    {0, PS2_KEY_F15, "5F", "DF", "3F", "F0 3F"},
    {0, PS2_KEY_SYSRQ, "54", "D4", "7F", "F0 7F"},
    /* Appendix C: ACPI power keys and consumer (multimedia, browser) keys */
    {0, PS2_KEY_POWER, "E0 5E", "E0 DE", "E0 37", "E0 F0 37"},
    {0, PS2_KEY_SLEEP, "E0 5F", "E0 DF", "E0 3F", "E0 F0 3F"},
    {0, PS2_KEY_WAKE, "E0 63", "E0 E3", "E0 5E", "E0 F0 5E"},
    {0, PS2_KEY_NEXT_TRACK, "E0 19", "E0 99", "E0 4D", "E0 F0 4D"},
    {0, PS2_KEY_PREVIOUS_TRACK, "E0 10", "E0 90", "E0 15", "E0 F0 15"},
    {0, PS2_KEY_STOP, "E0 24", "E0 A4", "E0 3B", "E0 F0 3B"},
    {0, PS2_KEY_PLAY_PAUSE, "E0 22", "E0 A2", "E0 34", "E0 F0 34"},
    {0, PS2_KEY_MUTE, "E0 20", "E0 A0", "E0 23", "E0 F0 23"},
    {0, PS2_KEY_VOLUME_UP, "E0 30", "E0 B0", "E0 32", "E0 F0 32"},
    {0, PS2_KEY_VOLUME_DOWN, "E0 2E", "E0 AE", "E0 21", "E0 F0 21"},
    {0, PS2_KEY_MEDIA_SELECT, "E0 6D", "E0 ED", "E0 50", "E0 F0 50"},
    {0, PS2_KEY_MAIL, "E0 6C", "E0 EC", "E0 48", "E0 F0 48"},
    {0, PS2_KEY_CALCULATOR, "E0 21", "E0 A1", "E0 2B", "E0 F0 2B"},
    {0, PS2_KEY_MY_COMPUTER, "E0 6B", "E0 EB", "E0 40", "E0 F0 40"},
    {0, PS2_KEY_WWW_SEARCH, "E0 65", "E0 E5", "E0 10", "E0 F0 10"},
    {0, PS2_KEY_WWW_HOME, "E0 32", "E0 B2", "E0 3A", "E0 F0 3A"},
    {0, PS2_KEY_WWW_BACK, "E0 6A", "E0 EA", "E0 38", "E0 F0 38"},
    {0, PS2_KEY_WWW_FORWARD, "E0 69", "E0 E9", "E0 30", "E0 F0 30"},
    {0, PS2_KEY_WWW_STOP, "E0 68", "E0 E8", "E0 28", "E0 F0 28"},
    {0, PS2_KEY_WWW_REFRESH, "E0 67", "E0 E7", "E0 20", "E0 F0 20"},
    {0, PS2_KEY_WWW_FAVORITES, "E0 66", "E0 E6", "E0 18", "E0 F0 18"},
};

/* Key 126, Pause: make only (the key sends both halves when it goes down). */
#define SC_PAUSE_SET1 "E1 1D 45 E1 9D C5"
#define SC_PAUSE_SET2 "E1 14 77 E1 F0 14 F0 77"
/* Lang1 (Hangul/English) and Lang2 (Hanja): make only, no break code. */
#define SC_HANGUL "F2"
#define SC_HANJA "F1"

#endif
