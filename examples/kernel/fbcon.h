/* Text console on a linear RGB framebuffer (the one GRUB set up and described
 * in the Multiboot2 framebuffer tag), drawn with the 5x7 font of font.h.
 * A wide screen is split into side-by-side panes of at least FBCON_MIN_COLUMNS
 * characters: text fills the first pane top to bottom, then the next; the last
 * pane scrolls. Long lines wrap inside their pane.
 * The caller owns the struct and maps the framebuffer before fbcon_init. */
#ifndef KERNEL_FBCON_H
#define KERNEL_FBCON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FBCON_MIN_COLUMNS 80

struct fbcon_mode {
    uint64_t address;           /* physical, also the virtual address (identity map) */
    uint32_t pitch;             /* bytes per row */
    uint32_t width, height;     /* pixels */
    uint8_t bpp;                /* 16, 24 or 32 */
    uint8_t red_position, red_size;
    uint8_t green_position, green_size;
    uint8_t blue_position, blue_size;
};

struct fbcon {
    volatile uint8_t *base;
    struct fbcon_mode mode;
    uint32_t columns, rows;     /* character cells of one pane */
    uint32_t panes;
    uint32_t pane, column, row; /* cursor */
    uint32_t foreground, background;
};

/* Clears the screen. Returns false (and leaves con unusable) for modes this
 * console cannot draw: other depths, or fewer than one character cell. */
bool fbcon_init(struct fbcon *con, const struct fbcon_mode *mode);

/* Writes text; '\n' starts a new line, the screen scrolls up when full. */
void fbcon_write(struct fbcon *con, const char *text, size_t len);

/* Chooses the colour of the text written next, as 8-bit red, green, blue. */
void fbcon_set_color(struct fbcon *con, uint8_t red, uint8_t green, uint8_t blue);

#endif
