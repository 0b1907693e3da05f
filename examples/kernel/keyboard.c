/* See keyboard.h. Scan codes: Microsoft Keyboard Scan Code Specification rev.
 * 1.3a, Appendix A (set 2); 8042: IBM PS/2 Hardware Interface Technical
 * Reference; routing: ACPI 6.5 5.2.12.5 (Interrupt Source Override). */
#include "keyboard.h"

#include "console.h"
#include "ps2/ps2.h"
#include "x86_64/instructions.h"

#define RING_SIZE 64u
#define TEXT_MAX 64u
#define IRQ_BYTES_MAX 16u   /* bytes one interrupt takes at most */

struct keyboard {
    struct ps2_controller ctl;
    struct ps2_decoder decoder;
    struct ps2_modifiers mods;
    struct ps2_compose compose;
    /* Filled by the IRQ handler, emptied with interrupts off. */
    volatile uint8_t ring[RING_SIZE];
    volatile unsigned head, tail;
    volatile unsigned dropped;
    char text[TEXT_MAX + 1];
    unsigned length;
    unsigned presses, releases, e0_bytes, other_chars;
    bool ended;
};

static struct keyboard kbd;

static void on_irq(void)
{
    uint8_t byte;
    unsigned port = 1;
    for (unsigned i = 0;
         i < IRQ_BYTES_MAX && ps2_controller_poll(&kbd.ctl, &byte, &port) != PS2_WOULD_BLOCK; i++) {
        if (port != 1) {
            continue;           /* a mouse byte (IRQ 12 is not routed): not a scan code */
        }
        if (kbd.head - kbd.tail < RING_SIZE) {
            kbd.ring[kbd.head % RING_SIZE] = byte;
            kbd.head++;
        } else {
            kbd.dropped++;
        }
    }
}

static bool pop(uint8_t *byte)
{
    bool have;
    x86_cli();
    have = kbd.tail != kbd.head;
    if (have) {
        *byte = kbd.ring[kbd.tail % RING_SIZE];
        kbd.tail++;
    }
    x86_sti();
    return have;
}

static void type_char(uint32_t cp)
{
    if (cp == '\n') {
        kbd.ended = true;
        return;
    }
    if (cp < 0x20 || cp > 0x7E) {
        kbd.other_chars++;      /* the 5x7 font has printable ASCII only */
        return;
    }
    if (kbd.length < TEXT_MAX) {
        kbd.text[kbd.length++] = (char)cp;
        kbd.text[kbd.length] = '\0';
    }
    console_printf("%c", (char)cp);
}

/* pm_clock_wait's condition: decodes what arrived; true once Enter came. */
static bool drain(void *ctx)
{
    (void)ctx;
    uint8_t byte;
    while (!kbd.ended && pop(&byte)) {
        struct ps2_key_event ev;
        kbd.e0_bytes += byte == 0xE0;
        if (ps2_decoder_feed(&kbd.decoder, byte, &ev) != PS2_OK) {
            continue;
        }
        if (ev.pressed) {
            kbd.presses++;
        } else {
            kbd.releases++;
        }
        (void)ps2_modifiers_update(&kbd.mods, &ev);
        uint32_t out[2];
        unsigned count = 0;
        if (ps2_layout_translate(&ps2_layout_us, &kbd.mods, &kbd.compose, &ev, out, &count) ==
            PS2_OK) {
            for (unsigned i = 0; i < count; i++) {
                type_char(out[i]);
            }
        }
    }
    return kbd.ended;
}

static bool start_controller(const struct apic_report *r)
{
    struct ps2_controller_config cfg = PS2_CONTROLLER_CONFIG_DEFAULT;
    cfg.has_8042 = r->has_8042;
    enum ps2_status st = ps2_controller_init_port(&kbd.ctl, &cfg);
    console_printf("ps2 has_8042=%u dual_channel=%u port1=%u port2=%u keyboard=%s\n",
                   cfg.has_8042, kbd.ctl.dual_channel, kbd.ctl.port_ok[0], kbd.ctl.port_ok[1],
                   ps2_status_str(kbd.ctl.device[0]));
    if (!console_check(st == PS2_OK && kbd.ctl.port_ok[0] && kbd.ctl.device[0] == PS2_OK,
                       "ps2-controller", "8042 self-test, port 1 test and keyboard reset: %s",
                       ps2_status_str(st))) {
        return false;
    }
    uint8_t set = 0;
    st = ps2_keyboard_set_scancode_set(&kbd.ctl, 1, PS2_SCANCODE_SET_2);
    if (st == PS2_OK) {
        st = ps2_keyboard_get_scancode_set(&kbd.ctl, 1, &set);
    }
    if (st == PS2_OK) {
        st = ps2_decoder_init(&kbd.decoder, PS2_SCANCODE_SET_2);
    }
    ps2_modifiers_init(&kbd.mods, 0);
    ps2_compose_init(&kbd.compose);
    return console_check(st == PS2_OK && set == 2, "ps2-scancode-set",
                         "keyboard answers set %u to 0xF0 0x00: %s", set, ps2_status_str(st));
}

/* IRQ 1 through the overrides to VECTOR_KEYBOARD on this CPU; read back. */
static bool route_irq1(const struct apic_report *r)
{
    const struct acpi_platform_isa_irq *k = &r->plat.isa_irqs[1];
    enum apic_polarity pol = apic_polarity_of(k->polarity);
    enum apic_trigger trig = apic_trigger_of(k->trigger);
    uint8_t dest = apic_lapic_id8(&r->lapic);
    size_t index = 0;
    struct apic_ioapic_redirection back = {0};

    enum apic_status st = apic_ioapic_route_gsi(r->ioapics, r->ioapic_count, k->gsi, pol, trig,
                                                VECTOR_KEYBOARD, dest);
    if (st == APIC_OK) {
        st = apic_ioapic_find(r->ioapics, r->ioapic_count, k->gsi, &index);
    }
    unsigned pin = k->gsi - r->ioapics[index].gsi_base;
    if (st == APIC_OK) {
        st = apic_ioapic_get(&r->ioapics[index], pin, &back);
    }
    console_printf("keyboard-route irq=1 gsi=%u overridden=%u polarity=%s trigger=%s ioapic=%u "
                   "pin=%u vector=0x%x dest=%u\n",
                   k->gsi, k->overridden, pol == APIC_POLARITY_ACTIVE_LOW ? "low" : "high",
                   trig == APIC_TRIGGER_LEVEL ? "level" : "edge", (unsigned)index, pin,
                   back.vector, back.destination);
    return console_check(st == APIC_OK && !back.masked && back.vector == VECTOR_KEYBOARD &&
                             back.polarity == pol && back.trigger == trig &&
                             back.destination == dest && !back.logical,
                         "keyboard-route", "redirection entry read back: %s",
                         apic_status_str(st));
}

void keyboard_report(const struct apic_report *r, const struct pm_clock *clock,
                     void (*serial_only)(const char *text))
{
    if (!start_controller(r) || !route_irq1(r)) {
        return;
    }
    const struct irq_handlers h = {.keyboard = on_irq};
    apic_set_handlers(&h);
    serial_only(KEYBOARD_MARKER);
    console_printf("keyboard typed: ");
    bool ended = pm_clock_wait(clock, drain, NULL, KEYBOARD_WAIT_US);
    console_printf("\n");
    console_printf("keyboard text=\"%s\" presses=%u releases=%u e0_bytes=%u non_ascii=%u "
                   "dropped=%u\n",
                   kbd.text, kbd.presses, kbd.releases, kbd.e0_bytes, kbd.other_chars,
                   kbd.dropped);
    console_check(ended && kbd.dropped == 0, "keyboard-input",
                  "%u characters through IRQ 1 until Enter (waited at most %u s)", kbd.length,
                  KEYBOARD_WAIT_US / 1000000u);
}
