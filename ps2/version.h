/* ps2/version.h: version of the ps2 library. */
#ifndef PS2_VERSION_H
#define PS2_VERSION_H

#define PS2_VERSION_MAJOR 1
#define PS2_VERSION_MINOR 0
#define PS2_VERSION_PATCH 0

#endif
