/* qemu_exit/version.h: version of the qemu_exit library. */
#ifndef QEMU_EXIT_VERSION_H
#define QEMU_EXIT_VERSION_H

#define QEMU_EXIT_VERSION_MAJOR 1
#define QEMU_EXIT_VERSION_MINOR 0
#define QEMU_EXIT_VERSION_PATCH 0

#endif
