/*
 * qemu_exit/isa_debug_exit.h: QEMU's x86 isa-debug-exit device
 * (`-device isa-debug-exit,iobase=0xf4,iosize=0x04`).
 *
 * A write of `code` to the device's port makes QEMU exit with process status
 * (code << 1) | 1 (hw/misc/debugexit.c), which the shell truncates to 8 bits. The
 * status is therefore always odd: 0 can never be produced, and codes 0x00 and 0x80
 * both give 1, QEMU's own error status. Pick a code such as 0x10 (status 33) to stand
 * for success.
 */
#ifndef QEMU_EXIT_ISA_DEBUG_EXIT_H
#define QEMU_EXIT_ISA_DEBUG_EXIT_H

#include <stdint.h>

/* The port the suite's QEMU command lines use; QEMU's own default is 0x501. */
#define QEMU_EXIT_ISA_DEBUG_EXIT_IOBASE 0xF4u
#define QEMU_EXIT_ISA_DEBUG_EXIT_IOSIZE 4u

struct qemu_exit_isa_debug_exit {
    uint16_t iobase;   /* the device's iobase= */
    uint8_t iosize;    /* the device's iosize=: 1, 2 or 4 (the width of the write) */
};

/* The process exit status a shell sees after code was written: ((code << 1) | 1) & 0xFF. */
int qemu_exit_isa_debug_exit_status(uint32_t code);

#if defined(__x86_64__) || defined(__i386__)
/* Writes `code` to the device (truncated to iosize bytes; an iosize other than 1 or 2
 * writes 4). If QEMU does not exit (no such device), halts forever. */
_Noreturn void qemu_exit_isa_debug_exit(const struct qemu_exit_isa_debug_exit *dev,
                                        uint32_t code);
#endif

#endif
