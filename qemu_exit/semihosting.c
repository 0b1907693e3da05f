/* qemu_exit/semihosting.c: Arm semihosting calls on AArch64. */
#include "qemu_exit/semihosting.h"

#include "qemu_exit/qemu_exit.h"

void qemu_exit_semihosting_exit_block(struct qemu_exit_semihosting_exit_block *block,
                                      uint32_t code)
{
    block->reason = QEMU_EXIT_ADP_STOPPED_APPLICATION_EXIT;
    block->subcode = code;
}

#if defined(__aarch64__)
uint64_t qemu_exit_semihosting_call(uint32_t op, uint64_t param)
{
    /* Semihosting spec, "The semihosting interface": AArch64 uses HLT #0xF000. The
     * memory clobber makes blocks and strings written before the call visible. */
    register uint64_t x0 __asm__("x0") = op;
    register uint64_t x1 __asm__("x1") = param;
    __asm__ __volatile__("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
    return x0;
}

static _Noreturn void exit_with(uint32_t op, uint32_t code)
{
    struct qemu_exit_semihosting_exit_block block;
    qemu_exit_semihosting_exit_block(&block, code);
    (void)qemu_exit_semihosting_call(op, (uint64_t)(uintptr_t)&block);
    qemu_exit_halt();
}

void qemu_exit_semihosting_exit(uint32_t code)
{
    exit_with(QEMU_EXIT_SYS_EXIT, code);
}

void qemu_exit_semihosting_exit_extended(uint32_t code)
{
    exit_with(QEMU_EXIT_SYS_EXIT_EXTENDED, code);
}

void qemu_exit_semihosting_writec(char c)
{
    /* SYS_WRITEC takes the address of the character. */
    (void)qemu_exit_semihosting_call(QEMU_EXIT_SYS_WRITEC, (uint64_t)(uintptr_t)&c);
}

void qemu_exit_semihosting_write0(const char *s)
{
    (void)qemu_exit_semihosting_call(QEMU_EXIT_SYS_WRITE0, (uint64_t)(uintptr_t)s);
}

uint8_t qemu_exit_semihosting_readc(void)
{
    return (uint8_t)qemu_exit_semihosting_call(QEMU_EXIT_SYS_READC, 0);
}
#endif
