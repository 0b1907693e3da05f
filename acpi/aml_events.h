/* acpi/aml_events.h - the AML side of events and power (ACPI 6.5, 5.6 and
 * 7.4): GPE methods, _PRW wake GPEs, Notify delivered to per-device
 * handlers, the embedded controller's namespace device, the power button and
 * the sleep / soft-off sequence, over the interpreter (acpi/aml.h) and the
 * register layers (acpi/gpe.h, acpi/event.h, acpi/ec.h, acpi/sleep.h).
 *
 *     acpi_aml_events_init(&ae, aml, &events, &gpe);   // after acpi_aml_initialize
 *     acpi_aml_events_set_deferred(&ae, true);         // optional: see below
 *     host.notify forwards to acpi_aml_events_notify(&ae, node, value);
 *     acpi_aml_events_scan(&ae);           // _Lxx/_Exx, GPE block devices, _PRW, GPEs enabled
 *     acpi_aml_ec_find(aml, NULL, &info);  acpi_ec_init_io(...);
 *     acpi_aml_ec_attach(&ae, &ec, info.device, info.gpe_device);
 *     acpi_aml_notify_install(&ae, battery_node, on_battery, ctx);
 *     ... the SCI handler calls acpi_aml_events_sci(&ae, &n) ...
 *     acpi_aml_power_off(&ae, &wait);
 *
 * Two ways to run the SCI (5.6.4):
 * - immediate (the default): acpi_aml_events_sci acknowledges each fixed
 *   event, FADT GPE and GPE block device GPE and runs its handler, _Lxx/_Exx
 *   or the EC's queries (_Qxx) right there;
 * - deferred (acpi_aml_events_set_deferred(&ae, true)), for a kernel whose
 *   interrupt handler must not run AML: acpi_aml_events_sci only
 *   acknowledges (PM1 status and edge GPE status cleared), masks the GPEs
 *   and records what is pending; the kernel wakes a worker thread, which
 *   calls acpi_aml_events_work: fixed-event handlers, then each pending
 *   GPE's method (or EC queries, the EC's GPE being one of them), a level
 *   GPE's status cleared after its method, and the GPE enabled again; then
 *   the queued Notify values are delivered. On SMP give both sides a lock
 *   (acpi_aml_events_set_lock, acpi/gpe.h's struct acpi_sci_lock).
 * Both are one code path: the immediate mode is the deferred one with the
 * work done inside the register layer's dispatch.
 *
 * Notify values are queued by acpi_aml_events_notify (it runs inside the
 * interpreter, where a handler must not evaluate AML) and handed to the
 * handlers by acpi_aml_events_deliver, which this layer also calls after each
 * GPE method, _Qxx and sleep method it runs. struct acpi_aml_events is owned
 * by the caller (no allocation; 26.8 KiB on x86_64); the interpreter, the
 * event and GPE states and the EC must outlive it, and it must not move
 * after acpi_aml_events_init (the register states point into it).
 *
 * Node lifetime: the struct keeps namespace nodes across calls (each GPE's
 * _Lxx/_Exx, the EC device, the nodes of Notify handlers). An Unload of the
 * table that defines them leaves those stale: unload no table while the layer
 * is in use (ACPICA updates its GPE method list on table events; this layer
 * does not yet).
 */
#ifndef ACPI_AML_EVENTS_H
#define ACPI_AML_EVENTS_H

#include <stdbool.h>
#include <stdint.h>

#include "acpi/aml.h"
#include "acpi/ec.h"
#include "acpi/event.h"
#include "acpi/aml_gpe_block.h"
#include "acpi/gpe.h"
#include "acpi/hwreg.h"
#include "acpi/sleep.h"
#include "acpi/status.h"

#define ACPI_AML_WAKE_MAX 256u         /* devices with a _PRW kept */
#define ACPI_AML_WAKE_POWER_MAX 4u     /* power resources kept per _PRW */
#define ACPI_AML_NOTIFY_HANDLERS 16u   /* per-device handlers */
#define ACPI_AML_NOTIFY_QUEUE 32u      /* Notify values waiting for delivery */
#define ACPI_AML_GPE_DEVICES 4u        /* GPE block devices (ACPI0006) kept */

/* One device's _PRW (ACPI 6.5, 7.3.13): the wake GPE, either a GPE number
 * of the FADT blocks (gpe_device NULL) or a bit of a GPE block device
 * (ACPI0006, 9.10) with its index; the deepest sleep state that can wake;
 * the power resources that must be on for wake. */
struct acpi_aml_wake {
    const struct acpi_aml_node *device;
    const struct acpi_aml_node *gpe_device;
    uint16_t gpe;
    uint8_t sleep_state;
    uint8_t power_count;   /* listed in the package (only the first ACPI_AML_WAKE_POWER_MAX kept) */
    const struct acpi_aml_node *power[ACPI_AML_WAKE_POWER_MAX];
};

/* Decode a _PRW package value. Statuses: ACPI_OK; ACPI_BAD_ENTRY when it is
 * not a package of at least two elements, element 0 is neither an integer
 * nor a {reference, integer} package, a GPE number is above 255 or the sleep
 * state above 5. */
ACPI_MUST_USE enum acpi_status acpi_aml_wake_decode(struct acpi_aml *aml,
                                                    const struct acpi_aml_value *prw,
                                                    struct acpi_aml_wake *out);

/* Notify(node, value) handler; node is the object named by Notify. */
typedef void (*acpi_aml_notify_handler)(void *ctx, const struct acpi_aml_node *node,
                                        uint64_t value);

/* The notification value classes of ACPI 6.5, 5.6.6, Table 5.184. */
enum acpi_aml_notify_class {
    ACPI_AML_NOTIFY_GENERIC = 0,   /* 0x00-0x0F: bus check, device check, eject ... */
    ACPI_AML_NOTIFY_RESERVED = 1,  /* 0x10-0x7F */
    ACPI_AML_NOTIFY_DEVICE = 2,    /* 0x80-0xFF: meaning given by the device class */
};
enum acpi_aml_notify_class acpi_aml_notify_class(uint64_t value);
/* The name of a 0x00-0x0F value ("Bus Check", ...); NULL for others. */
const char *acpi_aml_notify_name(uint64_t value);

struct acpi_aml_events;

/* One set of GPEs and their methods: the FADT blocks with \_GPE's methods,
 * or one GPE block device with its own (9.10). */
struct acpi_aml_gpe_scope {
    struct acpi_aml_events *ae;
    struct acpi_gpe *regs;                  /* NULL: no registers (no FADT blocks) */
    const struct acpi_aml_node *scope;      /* \_GPE or the ACPI0006 device */
    const struct acpi_aml_node *method[ACPI_GPE_MAX]; /* _Lxx/_Exx by number */
    uint16_t methods;                       /* methods found */
    uint16_t enabled;                       /* run-time GPEs enabled by the scan */
    uint16_t outside;                       /* methods whose number is outside the registers */
};

/* A GPE block device with usable registers. */
struct acpi_aml_gpe_device {
    struct acpi_aml_gpe_scope gpes;
    struct acpi_gpe regs;
    struct acpi_aml_gpe_block_info info;    /* registers and interrupt from _CRS */
};

struct acpi_aml_events {
    struct acpi_aml *aml;
    struct acpi_events *events;    /* NULL: no fixed events, no sleep */
    struct acpi_gpe *gpe;          /* NULL: no GPE blocks (hardware-reduced) */
    bool deferred;                 /* acpi_aml_events_set_deferred */
    const struct acpi_sci_lock *lock;
    /* Filled by acpi_aml_events_scan. */
    struct acpi_aml_gpe_scope fadt_gpes;   /* \_GPE over the FADT blocks */
    struct acpi_aml_gpe_device gpe_devices[ACPI_AML_GPE_DEVICES];
    uint16_t gpe_device_count;     /* kept in gpe_devices */
    uint16_t gpe_block_devices;    /* ACPI0006 devices found (present) */
    uint16_t gpe_block_bad;        /* ... whose _CRS or registers are not usable, or beyond the table */
    const struct acpi_aml_node *gpe_fadt_device; /* 9.10: the first ACPI0006 without _CRS */
    struct acpi_aml_wake wake[ACPI_AML_WAKE_MAX];
    uint16_t wake_count;
    uint16_t prw_bad;              /* _PRW that failed to evaluate or decode */
    uint16_t prw_dropped;          /* good _PRW beyond ACPI_AML_WAKE_MAX */
    uint16_t prw_outside;          /* wake GPEs outside their blocks, or of no known block (not armed) */
    /* Notify. */
    struct {
        const struct acpi_aml_node *node;
        acpi_aml_notify_handler fn;
        void *ctx;
    } handlers[ACPI_AML_NOTIFY_HANDLERS];
    acpi_aml_notify_handler global;
    void *global_ctx;
    struct {
        const struct acpi_aml_node *node;
        uint64_t value;
    } queue[ACPI_AML_NOTIFY_QUEUE];
    uint32_t queue_head, queue_count;
    uint32_t notify_dropped;       /* values lost to a full queue */
    /* The embedded controller, once attached. */
    const struct acpi_ec *ec;
    const struct acpi_aml_node *ec_device;
    struct acpi_aml_gpe_scope *ec_gpes;    /* the GPEs that hold ec->gpe (NULL: none) */
    uint32_t ec_queries;           /* _Qxx numbers received */
    uint32_t ec_queries_missing;   /* numbers without a _Qxx method */
    /* The power button. */
    acpi_aml_notify_handler power_button;
    void *power_button_ctx;
    /* Methods this layer ran: the last failure. */
    uint32_t method_failures;
    enum acpi_status last_failure;
};

/* Bind the interpreter (namespace initialised) to the register states.
 * events and gpe may be NULL. Installs the GPE dispatch callback on gpe
 * (its context &ae->fadt_gpes). ACPI_INVALID_ARGUMENT for NULL ae or aml. */
ACPI_MUST_USE enum acpi_status acpi_aml_events_init(struct acpi_aml_events *ae,
                                                    struct acpi_aml *aml,
                                                    struct acpi_events *events,
                                                    struct acpi_gpe *gpe);

/* Find \_GPE._Lxx/_Exx (5.6.4.1: xx the GPE number in hex, L level, E edge)
 * and set each GPE's trigger; find the GPE block devices (ACPI0006 by _HID
 * or _CID, present): the first without _CRS stands for the FADT blocks, the
 * others get their registers from _CRS (acpi/aml_gpe_block.h), reset (0 to
 * every enable byte, status cleared) and their own _Lxx/_Exx children;
 * evaluate the _PRW of every device, processor and thermal zone and mark
 * their GPEs (FADT or block device) as wake GPEs; then enable every GPE that
 * has a method and is not a wake GPE, as ACPICA's AcpiUpdateAllGpes does (a
 * wake GPE that also serves at run time, a control-method button's, is
 * enabled by its driver: see acpi_aml_power_button_install). Call it once.
 * Block devices use the FADT GPE state's host for their registers: with gpe
 * NULL they are counted in gpe_block_bad.
 * Statuses: ACPI_OK, or the first register access failure; evaluation
 * failures are counted (prw_bad, gpe_block_bad). */
ACPI_MUST_USE enum acpi_status acpi_aml_events_scan(struct acpi_aml_events *ae);

/* Deferred mode on or off for the fixed events, the FADT GPEs and every GPE
 * block device (before the scan, or while nothing is pending); and the lock
 * both halves take (NULL: none; it must outlive ae). */
void acpi_aml_events_set_deferred(struct acpi_aml_events *ae, bool deferred);
void acpi_aml_events_set_lock(struct acpi_aml_events *ae, const struct acpi_sci_lock *lock);

/* The SCI entry point (the kernel's handler of FADT SCI_INT): acpi_sci_handle
 * on the event state (fixed events, and the FADT GPEs when attached to it;
 * they are dispatched here otherwise), then every GPE block device wired to
 * the SCI. *handled (may be NULL): events and GPEs handled or, deferred,
 * acknowledged; 0: the interrupt was not ours. Statuses: the first register
 * access failure (the sources after it are still dispatched). */
ACPI_MUST_USE enum acpi_status acpi_aml_events_sci(struct acpi_aml_events *ae, unsigned *handled);

/* The same for a GPE block device wired to its own interrupt (its _CRS
 * interrupt descriptor, info.interrupt): every block on `interrupt`. */
ACPI_MUST_USE enum acpi_status acpi_aml_gpe_interrupt(struct acpi_aml_events *ae,
                                                      uint32_t interrupt, unsigned *handled);

/* The worker half of deferred mode: the recorded fixed events' handlers,
 * then the pending GPEs of the FADT blocks and of each block device (methods,
 * EC queries; level GPEs cleared after, each GPE enabled again), then queued
 * Notify values delivered. *ran (may be NULL) counts the handlers and
 * methods run. Statuses: the first failure of acpi_gpe_run_deferred (the
 * other sources still run). */
ACPI_MUST_USE enum acpi_status acpi_aml_events_work(struct acpi_aml_events *ae, unsigned *ran);

/* True when acpi_aml_events_work has something to do (a hint for the SCI
 * handler to wake the worker; read without the lock). */
bool acpi_aml_events_work_pending(const struct acpi_aml_events *ae);

/* The GPEs a _PRW or _GPE package names: gpe_device NULL or the FADT's
 * stand-in device (9.10) give the FADT's; a kept block device its own; NULL
 * otherwise. */
struct acpi_aml_gpe_scope *acpi_aml_gpe_scope_of(struct acpi_aml_events *ae,
                                                 const struct acpi_aml_node *gpe_device);

/* The wake entry of a device (NULL when it has no good _PRW). */
const struct acpi_aml_wake *acpi_aml_wake_find(const struct acpi_aml_events *ae,
                                               const struct acpi_aml_node *device);

/* The GPE dispatch callback acpi_aml_events_init and the scan install
 * (exposed for a kernel that wraps it; ctx is the struct acpi_aml_gpe_scope):
 * the EC's GPE runs the EC queries, others their _Lxx/_Exx; queued Notify
 * values are delivered after the method. */
enum acpi_gpe_result acpi_aml_events_gpe(void *ctx, uint16_t gpe, enum acpi_gpe_trigger trigger);

/* For the host's notify callback (struct acpi_aml_host): queue one value. */
void acpi_aml_events_notify(struct acpi_aml_events *ae, const struct acpi_aml_node *node,
                            uint64_t value);
/* Hand every queued value to the handlers of its node, then to the global
 * handler; returns the number of values taken off the queue. */
uint32_t acpi_aml_events_deliver(struct acpi_aml_events *ae);

/* Register a handler for Notify on node (NULL: the global handler, which
 * sees every value). One handler per node. Statuses: ACPI_OK;
 * ACPI_INVALID_ARGUMENT for NULL fn; ACPI_AML_ALREADY_EXISTS when the node
 * has one; ACPI_BUFFER_TOO_SMALL when the table is full. */
ACPI_MUST_USE enum acpi_status acpi_aml_notify_install(struct acpi_aml_events *ae,
                                                       const struct acpi_aml_node *node,
                                                       acpi_aml_notify_handler fn, void *ctx);
/* ACPI_NOT_FOUND when node has no handler. */
ACPI_MUST_USE enum acpi_status acpi_aml_notify_remove(struct acpi_aml_events *ae,
                                                      const struct acpi_aml_node *node);

/* The first device after `after` (NULL: from the root) whose _HID is `hid`
 * (EISA ID text "PNP0C09", compared with the compressed integer form too, or
 * a string ID) and whose _STA, when present, says present. NULL at the end. */
const struct acpi_aml_node *acpi_aml_device_find_hid(struct acpi_aml *aml,
                                                     const struct acpi_aml_node *after,
                                                     const char *hid);

/* The embedded controller device (PNP0C09, 12.11): EC_DATA is the first I/O
 * descriptor of its _CRS and EC_SC the second; the GPE from _GPE (12.11:
 * an integer, a GPE of the FADT blocks, or a package {GPE block device,
 * index}, a GPE of that block device). */
struct acpi_aml_ec_info {
    const struct acpi_aml_node *device;
    uint16_t data_port;
    uint16_t command_port;
    uint16_t gpe;
    const struct acpi_aml_node *gpe_device; /* the package form's block device, else NULL */
    bool has_gpe;          /* false: _GPE absent, or neither form (or above 255) */
};
/* Find the next EC after `after` (NULL: the first). Statuses: ACPI_OK;
 * ACPI_NOT_FOUND when there is none; ACPI_BAD_ENTRY when its _CRS does not
 * give two I/O descriptors (info->device is still set); evaluation statuses. */
ACPI_MUST_USE enum acpi_status acpi_aml_ec_find(struct acpi_aml *aml,
                                                const struct acpi_aml_node *after,
                                                struct acpi_aml_ec_info *info);

/* Use ec (set up by acpi_ec_init_io from acpi_aml_ec_find, or from the ECDT)
 * for EmbeddedControl regions: installed under `device` (NULL: for the whole
 * namespace, the ECDT case before the device is known), which runs their
 * _REG(3, 1) (6.5.4); the EC's GPE, ec->gpe of the FADT blocks (gpe_device
 * NULL: the ECDT and integer _GPE forms) or of the GPE block device
 * gpe_device (acpi_aml_ec_find's package form), is made edge-triggered and
 * enabled, and its queries run the device's _Qxx (device NULL: queries are
 * counted as missing). Call it after acpi_aml_events_scan when the GPE is
 * a block device's. Statuses: those of region installation and GPE enable;
 * ACPI_NOT_FOUND when gpe_device is not a GPE block device the scan kept. */
ACPI_MUST_USE enum acpi_status acpi_aml_ec_attach(struct acpi_aml_events *ae,
                                                  const struct acpi_ec *ec,
                                                  struct acpi_aml_node *device,
                                                  const struct acpi_aml_node *gpe_device);

/* The power button, both kinds (4.8.2.2.1): the fixed PWRBTN event when the
 * FADT says it is fixed hardware, and every control-method power button
 * device (PNP0C0C), whose Notify(0x80) is the press (Table 5.186) and whose
 * _PRW GPE is enabled for run time (as Linux's button driver does). The
 * handler gets node NULL for the fixed event. *devices (may be NULL) counts
 * the PNP0C0C devices. Statuses: ACPI_OK; ACPI_NOT_FOUND when there is no
 * power button at all; handler table and register statuses. */
ACPI_MUST_USE enum acpi_status acpi_aml_power_button_install(struct acpi_aml_events *ae,
                                                             acpi_aml_notify_handler fn,
                                                             void *ctx, unsigned *devices);

/* \_Sx (x = state 0-5, 7.4.2) evaluated and decoded by acpi_sleep_type_decode.
 * Statuses: ACPI_OK; ACPI_INVALID_ARGUMENT for a state above 5;
 * ACPI_NOT_FOUND when \_Sx is absent (the state is not supported);
 * ACPI_BAD_ENTRY when it is not a package of integers; evaluation statuses. */
ACPI_MUST_USE enum acpi_status acpi_aml_sleep_type(struct acpi_aml *aml, uint8_t state,
                                                   struct acpi_sleep_type *out);

/* Before a sleep state (7.4): \_Sx decoded, then \_TTS(x) (7.4.4), \_PTS(x)
 * (7.4.1) and \_SI._SST (9.1.1: 3 sleeping for S1-S3, 4 for S4, 0 for S5),
 * each when present; then every GPE block device gets its wake mask
 * (acpi_sleep_enter arms the FADT blocks). The caller then does its own work
 * and calls acpi_sleep_enter with *type. Statuses those of
 * acpi_aml_sleep_type and of the block devices' register writes; a failing
 * method is counted, not fatal (ACPICA goes on too). */
ACPI_MUST_USE enum acpi_status acpi_aml_sleep_prepare(struct acpi_aml_events *ae, uint8_t state,
                                                      struct acpi_sleep_type *type);

/* After waking from state (1-4): acpi_sleep_leave with \_S0's values (0, 0
 * when \_S0 is absent), the block devices' run-time enables back,
 * \_SI._SST(2 waking), \_WAK(state) (7.4.5),
 * \_SI._SST(1 working), \_TTS(0). Statuses: ACPI_INVALID_ARGUMENT without
 * an event state or for a state outside 1-4; those of acpi_sleep_leave. */
ACPI_MUST_USE enum acpi_status acpi_aml_sleep_wake(struct acpi_aml_events *ae, uint8_t state);

/* Soft off (S5, 7.4.2, 16.1.6): acpi_aml_sleep_prepare(5) then
 * acpi_sleep_enter. Returns only when the write did not power the machine
 * off (a mock, or broken firmware): the statuses of both, ACPI_OK then. */
ACPI_MUST_USE enum acpi_status acpi_aml_power_off(struct acpi_aml_events *ae,
                                                  const struct acpi_hw_wait *wait);

#endif
