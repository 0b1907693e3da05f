/* A 5x7 bitmap font for printable ASCII (0x20-0x7E), drawn for this kernel.
 * Each glyph is 7 rows, top first; bit 4 of a row is the leftmost pixel.
 * Letters with a descender (g p q y) are drawn FONT_DESCENDER_DROP rows lower,
 * so their tails hang below the line. */
#ifndef KERNEL_FONT_H
#define KERNEL_FONT_H

#include <stdint.h>

#define FONT_GLYPH_WIDTH 5
#define FONT_GLYPH_HEIGHT 7
#define FONT_DESCENDER_DROP 2

/* The glyph of c; characters outside 0x20-0x7E get the glyph of '?'. */
const uint8_t *font_glyph(char c);

/* How many rows below the others the glyph of c is drawn (0 or the drop). */
unsigned font_glyph_drop(char c);

#endif
