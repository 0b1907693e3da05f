/*
 * qemu_exit/qemu_exit.h: leave QEMU with an exit status, on every architecture.
 *
 *   x86_64, i686: isa-debug-exit (qemu_exit/isa_debug_exit.h), status (code << 1) | 1;
 *   riscv64:      SiFive test finisher (qemu_exit/sifive_test.h), status code;
 *   aarch64:      semihosting SYS_EXIT (qemu_exit/semihosting.h), status code.
 *
 * Convention of qemu_exit_success / qemu_exit_failure (QEMU's process status):
 *               success                      failure (code 1)
 *   x86         code 0x10 -> status 33       status 3
 *   riscv64     PASS      -> status 0        status 1
 *   aarch64     code 0    -> status 0        status 1
 * On x86 status 0 cannot be produced (and 0 is what a triple fault under -no-reboot
 * gives), so a test harness must compare against qemu_exit_success_status().
 * Every function here is _Noreturn: if the device is missing and QEMU does not exit,
 * the CPU halts forever (interrupts off where possible) instead of returning.
 */
#ifndef QEMU_EXIT_QEMU_EXIT_H
#define QEMU_EXIT_QEMU_EXIT_H

#include <stdint.h>

#include "qemu_exit/isa_debug_exit.h"
#include "qemu_exit/semihosting.h"
#include "qemu_exit/sifive_test.h"
#include "qemu_exit/version.h"

#define QEMU_EXIT_X86_SUCCESS_CODE 0x10u
#define QEMU_EXIT_FAILURE_CODE 1u

/* Where the exit devices are. Fields for other architectures are ignored. */
struct qemu_exit {
    struct qemu_exit_isa_debug_exit isa_debug_exit; /* x86 */
    uint32_t x86_success_code;                      /* x86: code written for success */
    uintptr_t sifive_test_addr;                     /* riscv64: mapped register address */
};

/* isa-debug-exit at 0xF4 (4 bytes), success code 0x10, sifive_test at 0x100000. */
#define QEMU_EXIT_DEFAULT                                                                  \
    {                                                                                      \
        {QEMU_EXIT_ISA_DEBUG_EXIT_IOBASE, QEMU_EXIT_ISA_DEBUG_EXIT_IOSIZE},                \
            QEMU_EXIT_X86_SUCCESS_CODE, QEMU_EXIT_SIFIVE_TEST_ADDR                         \
    }

/* Exit with `code`: x86 writes it to isa-debug-exit (status (code << 1) | 1); riscv64
 * passes for 0 and fails with code otherwise (status code & 0xFFFF); aarch64 exits
 * with status code. */
_Noreturn void qemu_exit(const struct qemu_exit *dev, uint32_t code);
_Noreturn void qemu_exit_success(const struct qemu_exit *dev);
_Noreturn void qemu_exit_failure(const struct qemu_exit *dev);

/* The process status QEMU ends with after qemu_exit_success on this architecture. */
int qemu_exit_success_status(const struct qemu_exit *dev);

/* Halts this CPU forever: interrupts masked, then hlt (x86) or wfi (aarch64, riscv64)
 * in a loop. */
_Noreturn void qemu_exit_halt(void);

#endif
