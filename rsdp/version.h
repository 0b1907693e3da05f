/* rsdp/version.h - version of the rsdp library. */
#ifndef RSDP_VERSION_H
#define RSDP_VERSION_H

#define RSDP_VERSION_MAJOR 0
#define RSDP_VERSION_MINOR 1
#define RSDP_VERSION_PATCH 0

#endif
