/* Version of the x86_64 library (semantic versioning). */
#ifndef X86_64_VERSION_H
#define X86_64_VERSION_H

#define X86_VERSION_MAJOR 0
#define X86_VERSION_MINOR 1
#define X86_VERSION_PATCH 0

#endif
