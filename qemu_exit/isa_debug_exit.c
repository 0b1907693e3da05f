/* qemu_exit/isa_debug_exit.c: exit through QEMU's isa-debug-exit port (x86). */
#include "qemu_exit/isa_debug_exit.h"

#include "qemu_exit/qemu_exit.h"
#include "x86_64/port.h"

int qemu_exit_isa_debug_exit_status(uint32_t code)
{
    /* hw/misc/debugexit.c: exit((val << 1) | 1); the shell keeps the low 8 bits. */
    return (int)(((code << 1) | 1u) & 0xFFu);
}

#if defined(__x86_64__) || defined(__i386__)
void qemu_exit_isa_debug_exit(const struct qemu_exit_isa_debug_exit *dev, uint32_t code)
{
    switch (dev->iosize) {
    case 1: x86_outb(dev->iobase, (uint8_t)code); break;
    case 2: x86_outw(dev->iobase, (uint16_t)code); break;
    default: x86_outl(dev->iobase, code); break;
    }
    qemu_exit_halt();
}
#endif
