/* Framebuffer text console; see fbcon.h. Pixel layout: Multiboot2 spec 3.6.12
 * (framebuffer_type 1, direct RGB with field positions and sizes). */
#include "fbcon.h"

#include "font.h"

#define CELL_WIDTH (FONT_GLYPH_WIDTH + 1)
#define CELL_HEIGHT (FONT_GLYPH_HEIGHT + 3)
#define MARGIN 4

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
    con->column = 0;
    con->row = 0;
    con->columns = 0;
    con->rows = 0;
    if (mode->bpp != 16 && mode->bpp != 24 && mode->bpp != 32) {
        return false;
    }
    if (mode->width < 2 * MARGIN + CELL_WIDTH || mode->height < 2 * MARGIN + CELL_HEIGHT ||
        mode->pitch < (uint64_t)mode->width * (mode->bpp / 8)) {
        return false;
    }
    con->columns = (mode->width - 2 * MARGIN) / CELL_WIDTH;
    con->rows = (mode->height - 2 * MARGIN) / CELL_HEIGHT;
    con->background = pack_color(mode, 0x10, 0x18, 0x28);
    con->foreground = pack_color(mode, 0xE0, 0xE0, 0xE0);
    fill_rows(con, 0, mode->height, con->background);
    return true;
}

void fbcon_set_color(struct fbcon *con, uint8_t red, uint8_t green, uint8_t blue)
{
    con->foreground = pack_color(&con->mode, red, green, blue);
}

static void scroll(struct fbcon *con)
{
    uint32_t top = MARGIN;
    uint32_t text_rows = con->rows * CELL_HEIGHT;
    size_t row_bytes = (size_t)con->mode.width * (con->mode.bpp / 8);

    for (uint32_t y = top; y + CELL_HEIGHT < top + text_rows; y++) {
        volatile uint8_t *dst = con->base + (size_t)y * con->mode.pitch;
        const volatile uint8_t *src = dst + (size_t)CELL_HEIGHT * con->mode.pitch;
        for (size_t i = 0; i < row_bytes; i++) {
            dst[i] = src[i];
        }
    }
    fill_rows(con, top + text_rows - CELL_HEIGHT, top + text_rows, con->background);
}

static void new_line(struct fbcon *con)
{
    con->column = 0;
    if (con->row + 1 < con->rows) {
        con->row++;
    } else {
        scroll(con);
    }
}

static void draw_glyph(struct fbcon *con, char c)
{
    const uint8_t *glyph = font_glyph(c);
    uint32_t x0 = MARGIN + con->column * CELL_WIDTH;
    uint32_t y0 = MARGIN + con->row * CELL_HEIGHT + 1;

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
