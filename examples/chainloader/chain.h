/* The chainloader's name, its memory (linker.ld) and its way into the kernel
 * (entry.S). */
#ifndef CHAIN_CHAIN_H
#define CHAIN_CHAIN_H

#include <stdint.h>

/* The boot loader name tag it writes (spec 3.6.5); tests/e2e/chain reads it here. */
#define CHAIN_LOADER_NAME "osdev-c chainloader 0.1.0"

/* Boot information buffer: GRUB's structure and the tags added stay well below. */
#define CHAIN_BOOTINFO_SIZE (64u * 1024u)

#ifndef __ASSEMBLER__
/* linker.ld: the image (code, data, stack) and the boot information buffer,
 * each page-aligned, one after the other. */
extern char chain_image_start[], chain_image_end[], chain_bootinfo_start[], chain_bootinfo_end[];

/* entry.S: GRUB enters _start, which calls chain_main(EAX, EBX). */
void chain_main(uint32_t magic, uint32_t mbi);

/* entry.S: load a flat GDT, clear EFLAGS (IF, VM) and CR0.PG, set EAX to
 * MB2_BOOTLOADER_MAGIC and EBX to MBI, and jump to ENTRY (spec 3.3). */
_Noreturn void chain_enter(uint32_t entry, uint32_t mbi);
#endif

#endif
