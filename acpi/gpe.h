/* acpi/gpe.h - the General-Purpose Event blocks of the FADT (ACPI 6.5,
 * 4.8.4.1, 5.6.4): GPE0_BLK and GPE1_BLK (or their X_ GAS forms), each half
 * status registers and half enable registers, every register a byte.
 *
 * struct acpi_gpe is owned by the caller (no allocation); it remembers, per
 * GPE number, the trigger type, whether the kernel enabled it for run time and
 * whether it is a wake GPE (_PRW). GPE numbers are 0..255, the range the
 * FADT blocks share (_Lxx/_Exx have two hex digits): GPE0 starts at 0, GPE1
 * at GPE1_BASE.
 *
 * The AML layer plugs in through one callback: for each pending enabled GPE,
 * acpi_gpe_dispatch() calls handler(ctx, gpe, trigger), and the AML layer runs
 * \_GPE._Lxx or _Exx (or the EC driver's query, acpi/ec.h). Edge GPEs are
 * cleared before the handler, level GPEs after it (5.6.4); a handler that
 * runs the method later returns ACPI_GPE_DEFERRED and calls acpi_gpe_finish.
 *
 * Deferral (acpi_gpe_set_deferred): a kernel that must not run AML in its
 * interrupt handler lets acpi_gpe_dispatch only acknowledge and mask: an edge
 * GPE's status is cleared, the GPE is disabled and recorded as pending; the
 * handler is not called. acpi_gpe_run_deferred, from a worker thread, then
 * calls the handler of each recorded GPE and finishes it: a level GPE's
 * status is cleared after its method, then the GPE is enabled again (the
 * 5.6.4 order, as ACPICA does for level GPEs).
 *
 * Concurrency: with a lock (acpi_gpe_set_lock), acpi_gpe_dispatch holds it
 * throughout, acpi_gpe_run_deferred while it takes the pending set and
 * acpi_gpe_finish while it clears and re-enables, so the SCI handler on one
 * CPU and the worker on another never interleave their read-modify-writes
 * of an enable register. Without one, the kernel serialises the two itself.
 * The other calls (enable, disable, clear, wake masks, reset) do not take
 * it: make them before the SCI is unmasked, or while holding it.
 */
#ifndef ACPI_GPE_H
#define ACPI_GPE_H

#include <stdbool.h>
#include <stdint.h>

#include "acpi/fadt.h"
#include "acpi/gas.h"
#include "acpi/hwreg.h"
#include "acpi/sci_lock.h"
#include "acpi/status.h"

#define ACPI_GPE_MAX 256u

enum acpi_gpe_trigger {
    ACPI_GPE_LEVEL = 0, /* _Lxx: status cleared after the handler (the default) */
    ACPI_GPE_EDGE = 1,  /* _Exx: status cleared before the handler */
};

/* What a handler did with its GPE. */
enum acpi_gpe_result {
    ACPI_GPE_DONE = 0,     /* handled in the call: a level GPE is cleared right after */
    ACPI_GPE_DEFERRED = 1, /* _Lxx/_Exx runs later (a worker): the GPE is disabled, a level
                              GPE's status stays set, until acpi_gpe_finish */
};

/* Called for one pending enabled GPE, from acpi_gpe_dispatch() (in the SCI
 * handler's context: a kernel that runs AML in a thread returns
 * ACPI_GPE_DEFERRED and calls acpi_gpe_finish when the method is done, as
 * ACPICA does for level GPEs). */
typedef enum acpi_gpe_result (*acpi_gpe_handler)(void *ctx, uint16_t gpe,
                                                 enum acpi_gpe_trigger trigger);

struct acpi_gpe_block {
    struct acpi_gas status; /* the first status byte; enable bytes follow the status half */
    uint16_t base;          /* GPE number of bit 0 of the first register */
    uint8_t registers;      /* bytes in each half: BLK_LEN / 2 */
};

struct acpi_gpe {
    const struct acpi_hw_host *host;
    struct acpi_gpe_block blocks[2];
    unsigned block_count;
    acpi_gpe_handler handler; /* NULL: a pending GPE is cleared and disabled */
    void *handler_ctx;
    uint8_t edge[ACPI_GPE_MAX / 8];    /* bit set: edge-triggered */
    uint8_t runtime[ACPI_GPE_MAX / 8]; /* bit set: enabled for run time */
    uint8_t wake[ACPI_GPE_MAX / 8];    /* bit set: wake GPE (_PRW) */
    uint8_t pending[ACPI_GPE_MAX / 8]; /* deferred: acknowledged, handler not yet run */
    bool deferred;
    const struct acpi_sci_lock *lock;  /* NULL: the kernel serialises */
};

/* Describe the FADT's GPE blocks. Each block's byte length is GPE0_BLK_LEN /
 * GPE1_BLK_LEN (or, when that is 0, the X_ GAS bit width / 8) and must be
 * even; its address is the X_ form's when present and non-zero (as
 * acpi_fadt_register). Does not touch the hardware (see acpi_gpe_reset).
 * Statuses: ACPI_OK; ACPI_NOT_FOUND when there is no block (always on a
 * hardware-reduced platform: 5.2.9's note says OSPM ignores the GPE fields);
 * ACPI_BAD_ADDRESS when a block's bytes run past port 0xFFFF (or the PCI
 * function's 64 KiB, or the address space); ACPI_BAD_ENTRY when GPE0 is
 * malformed (odd length, beyond GPE 255), and also when only GPE1 is: odd
 * length, overlapping GPE0 or reaching beyond GPE 255 (then GPE0 alone is
 * described and usable, block_count 1, as ACPICA ignores such a GPE1). */
ACPI_MUST_USE enum acpi_status acpi_gpe_init(struct acpi_gpe *gpe,
                                             const struct acpi_hw_host *host,
                                             const struct acpi_fadt *fadt);

/* Describe one GPE block device's registers (ACPI 6.5, 9.10): `length` bytes
 * at *address (a System I/O or System Memory GAS from the device's _CRS), the
 * status half then the enable half as in a FADT block (4.8.4.1), GPE numbers
 * 0 .. length * 4 - 1 relative to the block (its _Lxx/_Exx names). No
 * hardware access. Statuses: ACPI_OK; ACPI_BAD_ENTRY for an odd or zero
 * length or one beyond 256 GPEs (64 bytes); ACPI_UNSUPPORTED for another
 * address space; ACPI_BAD_ADDRESS when the bytes run past port 0xFFFF or
 * the address space. */
ACPI_MUST_USE enum acpi_status acpi_gpe_init_block(struct acpi_gpe *gpe,
                                                   const struct acpi_hw_host *host,
                                                   const struct acpi_gas *address,
                                                   unsigned length);

/* Number of GPE numbers in use: the end of the last block (GPE1_BASE +
 * its GPEs when GPE1 exists), so every valid number is below it. */
uint16_t acpi_gpe_count(const struct acpi_gpe *gpe);

/* True when gpe_number falls inside one of the blocks. */
bool acpi_gpe_valid(const struct acpi_gpe *gpe, uint16_t gpe_number);

/* At initialisation (and before installing handlers): write 0 to every
 * enable register, then 0xFF to every status register (write-one-to-clear).
 * Forgets the run-time enables and the deferred GPEs. Statuses those of acpi_hw_write. */
ACPI_MUST_USE enum acpi_status acpi_gpe_reset(struct acpi_gpe *gpe);

/* The one dispatch callback (NULL removes it). */
void acpi_gpe_set_handler(struct acpi_gpe *gpe, acpi_gpe_handler handler, void *ctx);

/* The trigger type of one GPE (the AML layer sets it from the _Lxx/_Exx
 * name). ACPI_INVALID_ARGUMENT for a number outside the blocks. */
ACPI_MUST_USE enum acpi_status acpi_gpe_set_trigger(struct acpi_gpe *gpe, uint16_t gpe_number,
                                                    enum acpi_gpe_trigger trigger);

/* Enable / disable one GPE for run time (a read-modify-write of its enable
 * byte). ACPI_INVALID_ARGUMENT for a number outside the blocks; register
 * access statuses as is. */
ACPI_MUST_USE enum acpi_status acpi_gpe_enable(struct acpi_gpe *gpe, uint16_t gpe_number);
ACPI_MUST_USE enum acpi_status acpi_gpe_disable(struct acpi_gpe *gpe, uint16_t gpe_number);

/* Read one GPE's status bit (*set) and, when enabled is not NULL, its
 * enable bit. Statuses as acpi_gpe_enable. */
ACPI_MUST_USE enum acpi_status acpi_gpe_status(const struct acpi_gpe *gpe, uint16_t gpe_number,
                                               bool *set, bool *enabled);

/* Clear one GPE's status: write its bit alone to the status byte (write
 * one to clear, the other bits written 0 stay). Statuses as acpi_gpe_enable. */
ACPI_MUST_USE enum acpi_status acpi_gpe_clear(const struct acpi_gpe *gpe, uint16_t gpe_number);

/* Mark a GPE as a wake GPE (from a device's _PRW) or not. The enable
 * registers are untouched until acpi_gpe_arm_wake. */
ACPI_MUST_USE enum acpi_status acpi_gpe_set_wake(struct acpi_gpe *gpe, uint16_t gpe_number,
                                                 bool wake);

/* Before a sleep state: every enable register gets the wake mask, every
 * status register is cleared. acpi_gpe_restore_runtime puts the run-time
 * enables back after waking. Statuses those of acpi_hw_write. */
ACPI_MUST_USE enum acpi_status acpi_gpe_arm_wake(struct acpi_gpe *gpe);
ACPI_MUST_USE enum acpi_status acpi_gpe_restore_runtime(struct acpi_gpe *gpe);

/* Deferred mode on or off (off after acpi_gpe_init). Switch it while no GPE
 * is pending (before enabling GPEs). */
void acpi_gpe_set_deferred(struct acpi_gpe *gpe, bool deferred);

/* The lock dispatch and the deferred calls take (NULL: none); it must
 * outlive the GPE state. */
void acpi_gpe_set_lock(struct acpi_gpe *gpe, const struct acpi_sci_lock *lock);

/* For the SCI handler: every GPE whose status and enable bits are both set,
 * in increasing GPE number, gets handled: an edge GPE is cleared and then
 * passed to the handler; a level GPE is passed to the handler and then
 * cleared (unless the handler deferred it); with no handler it is cleared
 * and disabled so it cannot storm. In deferred mode the handler is not
 * called: the GPE is acknowledged as above (edge cleared), disabled and
 * recorded for acpi_gpe_run_deferred.
 * *handled (may be NULL) counts them. Statuses those of register access (the
 * GPEs before the failing register have been handled). */
ACPI_MUST_USE enum acpi_status acpi_gpe_dispatch(struct acpi_gpe *gpe, unsigned *handled);

/* End a deferred GPE: a level GPE's status is cleared (its source has been
 * serviced), then the GPE is enabled again if it is still enabled for run
 * time. Takes the lock. Statuses as acpi_gpe_enable. */
ACPI_MUST_USE enum acpi_status acpi_gpe_finish(struct acpi_gpe *gpe, uint16_t gpe_number);

/* For the worker: take the GPEs deferred so far (under the lock), then for
 * each, in increasing number, call the handler (outside the lock) and, when
 * it returns ACPI_GPE_DONE, acpi_gpe_finish (a handler that returns
 * ACPI_GPE_DEFERRED again finishes the GPE itself). GPEs deferred while it
 * runs wait for the next call. *ran (may be NULL) counts the handlers
 * called. Statuses: those of acpi_gpe_finish (the GPEs after the failing
 * one stay pending). */
ACPI_MUST_USE enum acpi_status acpi_gpe_run_deferred(struct acpi_gpe *gpe, unsigned *ran);

/* True when GPEs wait for acpi_gpe_run_deferred (read without the lock: a
 * hint for waking the worker). */
bool acpi_gpe_deferred_pending(const struct acpi_gpe *gpe);

#endif
