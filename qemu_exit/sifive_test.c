/* qemu_exit/sifive_test.c: exit through QEMU's SiFive test finisher (RISC-V virt). */
#include "qemu_exit/sifive_test.h"

#include "qemu_exit/qemu_exit.h"
#include "volatile/access.h"

uint32_t qemu_exit_sifive_test_fail_value(uint16_t code)
{
    return ((uint32_t)code << 16) | QEMU_EXIT_SIFIVE_TEST_FAIL;
}

static _Noreturn void finish(uintptr_t addr, uint32_t value)
{
    vol_write32((volatile uint32_t *)addr, value);
    qemu_exit_halt();
}

void qemu_exit_sifive_test_pass(uintptr_t addr)
{
    finish(addr, QEMU_EXIT_SIFIVE_TEST_PASS);
}

void qemu_exit_sifive_test_fail(uintptr_t addr, uint16_t code)
{
    finish(addr, qemu_exit_sifive_test_fail_value(code));
}

void qemu_exit_sifive_test_reset(uintptr_t addr)
{
    finish(addr, QEMU_EXIT_SIFIVE_TEST_RESET);
}
