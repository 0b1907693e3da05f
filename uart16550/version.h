/* uart16550/version.h: version of the uart16550 library. */
#ifndef UART16550_VERSION_H
#define UART16550_VERSION_H

#define UART16550_VERSION_MAJOR 1
#define UART16550_VERSION_MINOR 0
#define UART16550_VERSION_PATCH 0

#endif
