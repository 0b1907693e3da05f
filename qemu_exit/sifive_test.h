/*
 * qemu_exit/sifive_test.h: the SiFive test finisher of QEMU's RISC-V virt machine
 * (hw/misc/sifive_test.c), a 32-bit MMIO register, at 0x100000 on `-machine virt`.
 *
 * Writing 0x5555 makes QEMU exit with status 0 (pass); (code << 16) | 0x3333 exits
 * with status `code` (fail); 0x7777 resets the machine. A fail with code 0 also exits
 * with 0, indistinguishable from pass: use non-zero failure codes.
 * Works from any architecture whose machine has the device mapped; `addr` is the
 * virtual address at which the register is mapped (identity on a bare image).
 */
#ifndef QEMU_EXIT_SIFIVE_TEST_H
#define QEMU_EXIT_SIFIVE_TEST_H

#include <stdint.h>

#define QEMU_EXIT_SIFIVE_TEST_ADDR 0x100000u
#define QEMU_EXIT_SIFIVE_TEST_FAIL 0x3333u
#define QEMU_EXIT_SIFIVE_TEST_PASS 0x5555u
#define QEMU_EXIT_SIFIVE_TEST_RESET 0x7777u

/* The register value for a failure with `code` (status code): (code << 16) | 0x3333. */
uint32_t qemu_exit_sifive_test_fail_value(uint16_t code);

/* Write PASS / FAIL with code / RESET to the register at `addr`; if QEMU neither exits
 * nor resets, halt forever. */
_Noreturn void qemu_exit_sifive_test_pass(uintptr_t addr);
_Noreturn void qemu_exit_sifive_test_fail(uintptr_t addr, uint16_t code);
_Noreturn void qemu_exit_sifive_test_reset(uintptr_t addr);

#endif
