/* volatile/version.h: version of the volatile library. */
#ifndef VOL_VERSION_H
#define VOL_VERSION_H

#define VOL_VERSION_MAJOR 1
#define VOL_VERSION_MINOR 0
#define VOL_VERSION_PATCH 0

#endif
