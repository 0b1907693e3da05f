/* The chainloader's log on COM1 through uart16550/: every line starts with
 * "chain: " so a reader (and tests/e2e/chain) tells it from GRUB's and the
 * kernel's output. */
#ifndef CHAIN_LOG_H
#define CHAIN_LOG_H

#include <stdbool.h>

#include "uart16550/uart16550.h"

/* Bring up COM1 (0x3F8, 115200 8N1); false if the UART did not answer, after
 * which chain_log prints nothing. U must outlive every later call. */
bool chain_log_init(struct uart16550 *u);
/* printf subset: %s %c %u (32-bit) %x %llx, with an optional 0-padded width (%08x). */
void chain_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
