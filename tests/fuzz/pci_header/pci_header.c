/* Fuzz harness: arbitrary configuration-space images to the header decoders,
 * the BAR decoder and BAR/ROM sizing, the class table and enumeration.
 *
 * Input: up to 4096 bytes of configuration space; bytes after the first 4096
 * are the writable-bit mask of the same offsets (missing mask bytes: nothing
 * writable), so sizing sees arbitrary read-back values. Every address reads
 * the same image, which makes enumeration see bridges pointing anywhere. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "pci_types/pci_types.h"

int fuzz_one(const uint8_t *data, size_t size);

/* Statuses are consumed here so the calls stay (warn_unused_result). */
static volatile unsigned status_sink;
static void use(enum pci_status st)
{
    status_sink += (unsigned)st;
}

struct space {
    uint8_t bytes[4096];
    uint8_t wmask[4096];
    size_t len;
};

static uint32_t rd(struct space *s, uint16_t off, unsigned width)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < width; i++)
        v |= (uint32_t)(off + i < s->len ? s->bytes[off + i] : 0xFFu) << (8 * i);
    return v;
}

static void wr(struct space *s, uint16_t off, unsigned width, uint32_t v)
{
    for (unsigned i = 0; i < width && off + i < s->len; i++) {
        uint8_t m = s->wmask[off + i];
        s->bytes[off + i] = (uint8_t)((s->bytes[off + i] & ~m) | ((v >> (8 * i)) & m));
    }
}

static uint8_t r8(void *c, struct pci_address a, uint16_t o) { (void)a; return (uint8_t)rd(c, o, 1); }
static uint16_t r16(void *c, struct pci_address a, uint16_t o) { (void)a; return (uint16_t)rd(c, o, 2); }
static uint32_t r32(void *c, struct pci_address a, uint16_t o) { (void)a; return rd(c, o, 4); }
static void w8(void *c, struct pci_address a, uint16_t o, uint8_t v) { (void)a; wr(c, o, 1, v); }
static void w16(void *c, struct pci_address a, uint16_t o, uint16_t v) { (void)a; wr(c, o, 2, v); }
static void w32(void *c, struct pci_address a, uint16_t o, uint32_t v) { (void)a; wr(c, o, 4, v); }

static struct space space;

int fuzz_one(const uint8_t *data, size_t size)
{
    struct pci_config_access acc = {&space, r8, r16, r32, w8, w16, w32, 0};
    struct pci_function fn;
    struct pci_header_common h;
    struct pci_header_type0 t0;
    struct pci_header_type1 t1;
    struct pci_header_type2 t2;
    struct pci_bar_iter it;
    struct pci_bar bar;
    struct pci_rom rom;
    struct pci_enum e;
    struct pci_enum_entry ent;
    char desc[160];
    unsigned guard = 0;

    memset(&space, 0, sizeof space);
    space.len = size < 4096 ? size : 4096;
    memcpy(space.bytes, data, space.len);
    if (size > 4096)
        memcpy(space.wmask, data + 4096, size - 4096 < 4096 ? size - 4096 : 4096);
    acc.config_size = space.len > 256 ? 4096 : 256;
    fn = pci_function_make(&acc, pci_address_make(0, 0, 0, 0));

    if (pci_header_read_common(&fn, &h) != PCI_NO_FUNCTION)
        (void)pci_class_describe(pci_header_class24(&h), desc, sizeof desc);
    use(pci_header_read_type0(&fn, &t0));
    use(pci_header_read_type1(&fn, &t1));
    use(pci_header_read_type2(&fn, &t2));

    for (uint16_t off = 0x10; off + 8u <= 0x40; off += 4)
        use(pci_bar_decode(rd(&space, off, 4), rd(&space, (uint16_t)(off + 4), 4), &bar));
    pci_bar_iter_init(&it, &fn, false);
    while (pci_bar_next(&it, &bar) == PCI_OK)
        guard++;
    pci_bar_iter_init(&it, &fn, true);
    while (pci_bar_next(&it, &bar) == PCI_OK)
        guard++;
    use(pci_rom_size(&fn, &rom));
    if (guard > 12)
        __builtin_trap(); /* at most 6 BARs per pass */

    guard = 0;
    pci_enum_init_recursive(&e, &acc, 0, 0, 255);
    while (pci_enum_next(&e, &ent) == PCI_OK)
        if (++guard > 256u * 32u * 8u)
            __builtin_trap();
    return 0;
}
