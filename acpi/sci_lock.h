/* acpi/sci_lock.h - the lock a kernel hands to the SCI code (acpi/gpe.h,
 * acpi/event.h, acpi/aml_events.h) so that its SCI handler on one CPU and
 * its worker thread on another never interleave their work on the same
 * registers and pending sets: typically a spinlock that also masks
 * interrupts on the CPU that holds it, since the SCI handler takes it too.
 * Not taken recursively. A NULL lock means the kernel serialises itself. */
#ifndef ACPI_SCI_LOCK_H
#define ACPI_SCI_LOCK_H

#include <stddef.h>

struct acpi_sci_lock {
    void *ctx;
    void (*acquire)(void *ctx);
    void (*release)(void *ctx);
};

static inline void acpi_sci_lock_acquire(const struct acpi_sci_lock *lock)
{
    if (lock != NULL)
        lock->acquire(lock->ctx);
}

static inline void acpi_sci_lock_release(const struct acpi_sci_lock *lock)
{
    if (lock != NULL)
        lock->release(lock->ctx);
}

#endif
