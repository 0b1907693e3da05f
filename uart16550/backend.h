/*
 * uart16550/backend.h: ready-made register backends for real hardware.
 *
 *   uart16550_backend_port    x86 only: register n is I/O port base + n (inb/outb
 *                             from x86_64/port.h); COM1 is 0x3F8, COM2 0x2F8.
 *   uart16550_backend_mmio8   register n is the byte at virtual address
 *                             base + (n << reg_shift) (e.g. QEMU riscv virt:
 *                             base 0x10000000, reg_shift 0).
 *   uart16550_backend_mmio32  register n is the 32-bit word at base + (n << reg_shift),
 *                             value in bits 0-7 (e.g. DesignWare APB UARTs:
 *                             reg_shift 2).
 * Each is a constant struct; ctx is unused (pass NULL). Two lines bring up COM1:
 *     struct uart16550_config cfg = UART16550_CONFIG_DEFAULT; struct uart16550 com1;
 *     if (uart16550_init_port(&com1, 0x3F8, &cfg) != UART16550_OK) { ... }
 * The MMIO backends need the UART's registers mapped uncached at `base`.
 */
#ifndef UART16550_BACKEND_H
#define UART16550_BACKEND_H

#include "uart16550/uart16550.h"

extern const struct uart16550_backend uart16550_backend_mmio8;
extern const struct uart16550_backend uart16550_backend_mmio32;

/* uart16550_init over MMIO with 8-bit or 32-bit registers at `base`. */
UART16550_MUST_USE enum uart16550_status uart16550_init_mmio8(struct uart16550 *u,
                                                              uintptr_t base,
                                                              unsigned reg_shift,
                                                              const struct uart16550_config *config);
UART16550_MUST_USE enum uart16550_status uart16550_init_mmio32(struct uart16550 *u,
                                                               uintptr_t base,
                                                               unsigned reg_shift,
                                                               const struct uart16550_config *config);

#if defined(__x86_64__) || defined(__i386__)
extern const struct uart16550_backend uart16550_backend_port;

/* uart16550_init over I/O ports base..base+7. */
UART16550_MUST_USE enum uart16550_status uart16550_init_port(struct uart16550 *u, uint16_t base,
                                                             const struct uart16550_config *config);
#endif

#endif
