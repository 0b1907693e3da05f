/* multiboot2/multiboot2.h - umbrella header of the multiboot2 library: boot
 * information (validation, tags, memory maps, ELF sections, builder) and the
 * Multiboot2 header. Usable from assembly for the constants. */
#ifndef MB2_MULTIBOOT2_H
#define MB2_MULTIBOOT2_H

#include "multiboot2/builder.h"
#include "multiboot2/elf_sections.h"
#include "multiboot2/header.h"
#include "multiboot2/info.h"
#include "multiboot2/mmap.h"
#include "multiboot2/status.h"
#include "multiboot2/tags.h"
#include "multiboot2/version.h"

#endif
