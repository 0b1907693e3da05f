/* multiboot2/version.h - version of the multiboot2 library. */
#ifndef MB2_VERSION_H
#define MB2_VERSION_H

#define MB2_VERSION_MAJOR 0
#define MB2_VERSION_MINOR 1
#define MB2_VERSION_PATCH 0

#endif
