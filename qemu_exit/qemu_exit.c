/* qemu_exit/qemu_exit.c: the architecture's exit device behind one interface. */
#include "qemu_exit/qemu_exit.h"

void qemu_exit_halt(void)
{
    for (;;) {
#if defined(__x86_64__) || defined(__i386__)
        __asm__ __volatile__("cli; hlt" ::: "memory");
#elif defined(__aarch64__)
        __asm__ __volatile__("msr daifset, #0xf; wfi" ::: "memory");
#elif defined(__riscv)
        __asm__ __volatile__("wfi" ::: "memory");
#else
        __asm__ __volatile__("" ::: "memory");
#endif
    }
}

#if defined(__x86_64__) || defined(__i386__)
void qemu_exit(const struct qemu_exit *dev, uint32_t code)
{
    qemu_exit_isa_debug_exit(&dev->isa_debug_exit, code);
}

void qemu_exit_success(const struct qemu_exit *dev)
{
    qemu_exit_isa_debug_exit(&dev->isa_debug_exit, dev->x86_success_code);
}

int qemu_exit_success_status(const struct qemu_exit *dev)
{
    return qemu_exit_isa_debug_exit_status(dev->x86_success_code);
}
#elif defined(__riscv)
void qemu_exit(const struct qemu_exit *dev, uint32_t code)
{
    if (code == 0) {
        qemu_exit_sifive_test_pass(dev->sifive_test_addr);
    }
    qemu_exit_sifive_test_fail(dev->sifive_test_addr, (uint16_t)code);
}

void qemu_exit_success(const struct qemu_exit *dev)
{
    qemu_exit_sifive_test_pass(dev->sifive_test_addr);
}

int qemu_exit_success_status(const struct qemu_exit *dev)
{
    (void)dev;
    return 0;
}
#elif defined(__aarch64__)
void qemu_exit(const struct qemu_exit *dev, uint32_t code)
{
    (void)dev;
    qemu_exit_semihosting_exit(code);
}

void qemu_exit_success(const struct qemu_exit *dev)
{
    (void)dev;
    qemu_exit_semihosting_exit(0);
}

int qemu_exit_success_status(const struct qemu_exit *dev)
{
    (void)dev;
    return 0;
}
#else
#error "qemu_exit: no exit device known for this architecture"
#endif

void qemu_exit_failure(const struct qemu_exit *dev)
{
    qemu_exit(dev, QEMU_EXIT_FAILURE_CODE);
}
