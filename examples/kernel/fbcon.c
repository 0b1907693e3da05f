/* Framebuffer text console; see fbcon.h. Pixel layout: Multiboot2 spec 3.6.12
 * (framebuffer_type 1, direct RGB with field positions and sizes). */
#include "fbcon.h"

#include "font.h"

#define CELL_WIDTH (FONT_GLYPH_WIDTH + 1)
#define CELL_HEIGHT (FONT_GLYPH_HEIGHT + FONT_DESCENDER_DROP + 1)
#define MARGIN 4
#define PANE_GAP 12

static uint32_t scale_channel(uint8_t value, uint8_t size)
{
    if (size >= 8) {
        return (uint32_t)value << (size - 8);
    }
    return (uint32_t)value >> (8 - size);
}

static uint32_t pack_color(const struct fbcon_mode *mode, uint8_t red, uint8_t green, uint8_t blue)
{
    return scale_channel(red, mode->red_size) << mode->red_position |
           scale_channel(green, mode->green_size) << mode->green_position |
           scale_channel(blue, mode->blue_size) << mode->blue_position;
}

static void put_pixel(struct fbcon *con, uint32_t x, uint32_t y, uint32_t color)
{
    uint32_t bytes = con->mode.bpp / 8;
    volatile uint8_t *p = con->base + (size_t)y * con->mode.pitch + (size_t)x * bytes;

    for (uint32_t i = 0; i < bytes; i++) {
        p[i] = (uint8_t)(color >> (8 * i));
    }
}

static void fill_rows(struct fbcon *con, uint32_t y0, uint32_t y1, uint32_t color)
{
    for (uint32_t y = y0; y < y1; y++) {
        for (uint32_t x = 0; x < con->mode.width; x++) {
            put_pixel(con, x, y, color);
        }
    }
}

bool fbcon_init(struct fbcon *con, const struct fbcon_mode *mode)
{
    con->base = (volatile uint8_t *)(uintptr_t)mode->address;
    con->mode = *mode;
    con->pane = 0;
    con->column = 0;
    con->row = 0;
    con->columns = 0;
    con->rows = 0;
    con->panes = 1;
    if (mode->bpp != 16 && mode->bpp != 24 && mode->bpp != 32) {
        return false;
    }
    if (mode->width < 2 * MARGIN + CELL_WIDTH || mode->height < 2 * MARGIN + CELL_HEIGHT ||
        mode->pitch < (uint64_t)mode->width * (mode->bpp / 8)) {
        return false;
    }
    con->columns = (mode->width - 2 * MARGIN) / CELL_WIDTH;
    con->rows = (mode->height - 2 * MARGIN) / CELL_HEIGHT;
    /* n panes need n * columns cells plus the gaps between them. */
    while (con->columns / (con->panes + 1) >= FBCON_MIN_COLUMNS) {
        con->panes++;
    }
    if (con->panes > 1) {
        uint32_t gaps = (con->panes - 1) * PANE_GAP;
        con->columns = (mode->width - 2 * MARGIN - gaps) / CELL_WIDTH / con->panes;
    }
    con->background = pack_color(mode, 0x10, 0x18, 0x28);
    con->foreground = pack_color(mode, 0xE0, 0xE0, 0xE0);
    fill_rows(con, 0, mode->height, con->background);
    return true;
}

void fbcon_set_color(struct fbcon *con, uint8_t red, uint8_t green, uint8_t blue)
{
    con->foreground = pack_color(&con->mode, red, green, blue);
}

static uint32_t pane_x(const struct fbcon *con, uint32_t pane)
{
    return MARGIN + pane * (con->columns * CELL_WIDTH + PANE_GAP);
}

/* Moves the text of the current pane up one line and clears its last line. */
static void scroll(struct fbcon *con)
{
    uint32_t top = MARGIN;
    uint32_t text_rows = con->rows * CELL_HEIGHT;
    uint32_t bytes = con->mode.bpp / 8;
    size_t x0 = (size_t)pane_x(con, con->pane) * bytes;
    size_t span = (size_t)con->columns * CELL_WIDTH * bytes;

    for (uint32_t y = top; y + CELL_HEIGHT < top + text_rows; y++) {
        volatile uint8_t *dst = con->base + (size_t)y * con->mode.pitch + x0;
        const volatile uint8_t *src = dst + (size_t)CELL_HEIGHT * con->mode.pitch;
        for (size_t i = 0; i < span; i++) {
            dst[i] = src[i];
        }
    }
    uint32_t x_end = pane_x(con, con->pane) + con->columns * CELL_WIDTH;
    for (uint32_t y = top + text_rows - CELL_HEIGHT; y < top + text_rows; y++) {
        for (uint32_t x = pane_x(con, con->pane); x < x_end; x++) {
            put_pixel(con, x, y, con->background);
        }
    }
}

static void new_line(struct fbcon *con)
{
    con->column = 0;
    if (con->row + 1 < con->rows) {
        con->row++;
    } else if (con->pane + 1 < con->panes) {
        con->pane++;
        con->row = 0;
    } else {
        scroll(con);
    }
}

static void draw_glyph(struct fbcon *con, char c)
{
    const uint8_t *glyph = font_glyph(c);
    uint32_t x0 = pane_x(con, con->pane) + con->column * CELL_WIDTH;
    uint32_t top = MARGIN + con->row * CELL_HEIGHT;
    uint32_t y0 = top + 1 + font_glyph_drop(c);

    /* Clear the cell first: a dropped glyph leaves its top rows unpainted. */
    for (uint32_t y = top; y < top + CELL_HEIGHT; y++) {
        for (uint32_t x = x0; x < x0 + CELL_WIDTH; x++) {
            put_pixel(con, x, y, con->background);
        }
    }
    for (uint32_t y = 0; y < FONT_GLYPH_HEIGHT; y++) {
        for (uint32_t x = 0; x < FONT_GLYPH_WIDTH; x++) {
            bool on = (glyph[y] >> (FONT_GLYPH_WIDTH - 1 - x)) & 1;
            put_pixel(con, x0 + x, y0 + y, on ? con->foreground : con->background);
        }
    }
}

void fbcon_write(struct fbcon *con, const char *text, size_t len)
{
    if (con->columns == 0) {
        return;
    }
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '\n') {
            new_line(con);
        } else if (c != '\r') {
            if (con->column == con->columns) {
                new_line(con);
            }
            draw_glyph(con, c);
            con->column++;
        }
    }
}
