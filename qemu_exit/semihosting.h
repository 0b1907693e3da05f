/*
 * qemu_exit/semihosting.h: Arm semihosting on AArch64 (QEMU with `-semihosting`), as
 * the "Semihosting for AArch32 and AArch64" specification (Arm, 2022Q3) defines it:
 * operation number in W0, parameter in X1, `HLT #0xF000`, result in X0.
 *
 * SYS_EXIT (0x18) takes the address of a two-word parameter block
 * {reason, subcode}; with reason ADP_Stopped_ApplicationExit (0x20026) QEMU exits with
 * status subcode. SYS_EXIT_EXTENDED (0x20) takes the same block (it exists so AArch32,
 * whose SYS_EXIT carries no subcode, can give one). SYS_WRITEC/SYS_WRITE0 print a
 * character / a NUL-terminated string on QEMU's semihosting console (its stdout by
 * default); SYS_READC reads one character from it.
 */
#ifndef QEMU_EXIT_SEMIHOSTING_H
#define QEMU_EXIT_SEMIHOSTING_H

#include <stdint.h>

#define QEMU_EXIT_SYS_WRITEC 0x03u
#define QEMU_EXIT_SYS_WRITE0 0x04u
#define QEMU_EXIT_SYS_READC 0x07u
#define QEMU_EXIT_SYS_EXIT 0x18u
#define QEMU_EXIT_SYS_EXIT_EXTENDED 0x20u
#define QEMU_EXIT_ADP_STOPPED_APPLICATION_EXIT 0x20026u

/* The SYS_EXIT parameter block for an application exit with `code`. */
struct qemu_exit_semihosting_exit_block {
    uint64_t reason;   /* QEMU_EXIT_ADP_STOPPED_APPLICATION_EXIT */
    uint64_t subcode;  /* the exit status */
};
_Static_assert(sizeof(struct qemu_exit_semihosting_exit_block) == 16, "two 64-bit fields");

/* Fills `block` for an application exit with status `code`. */
void qemu_exit_semihosting_exit_block(struct qemu_exit_semihosting_exit_block *block,
                                      uint32_t code);

#if defined(__aarch64__)
/* One semihosting call: `op` in W0, `param` in X1; returns X0. */
uint64_t qemu_exit_semihosting_call(uint32_t op, uint64_t param);

/* SYS_EXIT / SYS_EXIT_EXTENDED with ADP_Stopped_ApplicationExit and `code`; halts
 * forever if semihosting is off (then the HLT traps as an undefined instruction in
 * the guest, which the guest's vectors must handle). */
_Noreturn void qemu_exit_semihosting_exit(uint32_t code);
_Noreturn void qemu_exit_semihosting_exit_extended(uint32_t code);

/* SYS_WRITEC and SYS_WRITE0: print one character / a NUL-terminated string. */
void qemu_exit_semihosting_writec(char c);
void qemu_exit_semihosting_write0(const char *s);

/* SYS_READC: one character from the semihosting console (blocks in QEMU). Measured
 * with QEMU 7.2 (-semihosting-config chardev=stdio): a call made before any input
 * returned 0, later calls returned the input bytes in order. The e2e test therefore
 * passes its commands with SYS_GET_CMDLINE and does not cover SYS_READC. */
uint8_t qemu_exit_semihosting_readc(void);
#endif

#endif
