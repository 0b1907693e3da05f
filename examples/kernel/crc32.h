/* CRC-32 as zlib, PNG and Ethernet compute it (reflected polynomial
 * 0xEDB88320, initial value and final XOR 0xFFFFFFFF), bit by bit: the kernel
 * checksums one small module, so no table is kept. */
#ifndef KERNEL_CRC32_H
#define KERNEL_CRC32_H

#include <stddef.h>
#include <stdint.h>

uint32_t crc32(const void *bytes, size_t len);

#endif
