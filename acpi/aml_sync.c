/* acpi/aml_sync.c - synchronisation and host services from AML (ACPI 6.5, 19.6):
 * Mutex Acquire/Release with sync levels, the global lock, Event
 * Signal/Wait/Reset, Notify, Sleep, Stall, Timer and Fatal.
 *
 * Mutexes are owned by an execution context (one thread of evaluation,
 * aml_exec.h), as ACPICA owns them per thread: the owner re-acquires its
 * mutex recursively, the sync-level order holds per context. Without the
 * host's wait/wake hooks only one context exists at a time, so a mutex is
 * never held by another and a Wait with no pending signal times out at once
 * (nothing else could signal). With them, Acquire of a mutex another context
 * owns, and Wait on an unsignalled Event, block up to their timeout (ACPICA's
 * acpi_ex_system_wait_mutex/_semaphore: give up the interpreter, wait, take it
 * back); Release, Signal and a context's end wake the waiters. */
#include "acpi/aml_convert.h"

#define MS 1000000ull

static struct aml_object *named(struct aml_object *ref, uint8_t type)
{
    if (ref == NULL || ref->type != ACPI_AML_TYPE_REFERENCE || ref->u.ref.kind != AML_REF_NODE) {
        return NULL;
    }
    struct acpi_aml_node *n = acpi_aml_node_resolve_alias(ref->u.ref.node);
    if (n == NULL || n->object == NULL || n->object->type != type) {
        return NULL;
    }
    return n->object;
}

static bool mutex_free(const struct aml_object *o)
{
    return o->u.mutex.owner == NULL;
}

static bool event_signalled(const struct aml_object *o)
{
    return o->u.event.count != 0;
}

/* Until ready(o), for at most timeout_ms (AML_WAIT_FOREVER: no bound but the
 * host's): false when the time ran out. Blocks only on a threaded host. The
 * caller holds a reference to o across the call: while this context is
 * blocked another may CopyObject over its node or unload its table. */
static bool wait_until(struct acpi_aml *aml, struct aml_object *o, uint16_t timeout_ms,
                       bool (*ready)(const struct aml_object *))
{
    if (ready(o)) {
        return true;
    }
    if (!aml->threaded || timeout_ms == 0) {
        return false;
    }
    bool forever = timeout_ms == AML_WAIT_FOREVER;
    uint64_t deadline = acpi_aml_clock_ns(aml) + (uint64_t)timeout_ms * MS;
    bool ok = false;
    for (;;) {
        if (ready(o)) {
            ok = true;
            break;
        }
        uint64_t left = UINT64_MAX;
        if (!forever) {
            uint64_t now = acpi_aml_clock_ns(aml);
            if (now >= deadline) {
                break;
            }
            left = deadline - now;
        }
        (void)acpi_aml_context_block(aml, left);   /* woken or timed out: look again */
    }
    return ok;
}

static void wake(struct acpi_aml *aml)
{
    if (aml->threaded) {
        aml->host.wake(aml->host.ctx);
    }
}

/* Whether taking (or releasing) `m` breaks the SyncLevel order (ACPI 6.5,
 * 19.6.2 and 19.6.126): its level is below the current one, the level of the
 * newest mutex held. An auto-serialised method's mutex neither is checked
 * nor sets the current level (ACPICA's ACPI_METHOD_IGNORE_SYNC_LEVEL). */
static bool below_level(const struct aml_context *cx, const struct aml_object *m)
{
    if (m->u.mutex.ignore_level) {
        return false;
    }
    for (uint32_t i = cx->nheld; i != 0; i--) {
        if (!cx->held[i - 1]->u.mutex.ignore_level) {
            return m->u.mutex.sync_level < cx->held[i - 1]->u.mutex.sync_level;
        }
    }
    return false;
}

enum acpi_status acpi_aml_sync_acquire(struct acpi_aml *aml, struct aml_object *m,
                                       uint16_t timeout_ms, bool *acquired)
{
    struct aml_context *cx = aml->cx;
    *acquired = false;
    if (m->u.mutex.owner == cx) {
        if (m->u.mutex.depth == UINT16_MAX) {
            return ACPI_AML_STACK_OVERFLOW;
        }
        m->u.mutex.depth++;       /* ours: recursive acquisition */
        *acquired = true;
        return ACPI_OK;
    }
    /* ACPI 6.5, 19.6.2: no mutex of a lower SyncLevel than one already held. */
    if (below_level(cx, m)) {
        return ACPI_AML_SYNC_LEVEL;
    }
    if (cx->nheld == AML_MAX_HELD) {
        return ACPI_AML_STACK_OVERFLOW;
    }
    /* Another context's: wait for its Release (or its end). This context's
     * own held list cannot change while it is blocked. The reference taken
     * here becomes the held list's. */
    acpi_aml_obj_get(m);
    if (!wait_until(aml, m, timeout_ms, mutex_free) ||
        (m == aml->global_lock && aml->host.global_lock_acquire != NULL &&
         !aml->host.global_lock_acquire(aml->host.ctx))) {
        acpi_aml_obj_put(&aml->mem, m);
        return ACPI_OK;           /* not acquired: Acquire reports a timeout */
    }
    m->u.mutex.owner = cx;
    m->u.mutex.depth = 1;
    cx->held[cx->nheld++] = m;
    *acquired = true;
    return ACPI_OK;
}

static void drop(struct acpi_aml *aml, struct aml_object *m)
{
    struct aml_context *cx = aml->cx;
    m->u.mutex.owner = NULL;
    m->u.mutex.depth = 0;
    if (m == aml->global_lock && aml->host.global_lock_release != NULL) {
        aml->host.global_lock_release(aml->host.ctx);
    }
    for (uint32_t i = 0; i < cx->nheld; i++) {
        if (cx->held[i] == m) {
            for (uint32_t j = i + 1; j < cx->nheld; j++) {
                cx->held[j - 1] = cx->held[j];
            }
            cx->nheld--;
            acpi_aml_obj_put(&aml->mem, m);   /* the held list's reference */
            break;
        }
    }
}

void acpi_aml_sync_release_all(struct acpi_aml *aml)
{
    struct aml_context *cx = aml->cx;
    if (cx->nheld == 0) {
        return;
    }
    while (cx->nheld != 0) {
        drop(aml, cx->held[cx->nheld - 1]);
    }
    wake(aml);
}

enum acpi_status acpi_aml_sync_release(struct acpi_aml *aml, struct aml_object *m, bool force)
{
    struct aml_context *cx = aml->cx;
    /* ACPICA: AE_AML_NOT_OWNER when another thread holds it. */
    if (m->u.mutex.owner != cx) {
        return ACPI_AML_NOT_OWNER;
    }
    /* 19.6.126: mutexes go in the reverse order of their levels; one of a
     * lower level than the highest held cannot be released first. */
    if (!force && m->u.mutex.depth == 1 && below_level(cx, m)) {
        return ACPI_AML_SYNC_LEVEL;
    }
    if (force) {
        m->u.mutex.depth = 1;
    }
    if (--m->u.mutex.depth == 0) {
        drop(aml, m);
        wake(aml);
    }
    return ACPI_OK;
}

enum acpi_status acpi_aml_ops_sync(struct acpi_aml *aml, struct aml_item *it, struct aml_object **out)
{
    uint64_t v = 0;
    enum acpi_status st;
    uint64_t ones = acpi_aml_ones(acpi_aml_current_frame(aml));
    switch (it->op) {
    case AML_ACQUIRE: {
        struct aml_object *m = named(it->args[0], ACPI_AML_TYPE_MUTEX);
        if (m == NULL) {
            return ACPI_AML_BAD_OPERAND;
        }
        bool got;
        /* ACPI 6.5, 19.6.2: the Timeout is a WordConst in milliseconds. */
        st = acpi_aml_sync_acquire(aml, m, (uint16_t)it->imm[0], &got);
        if (st != ACPI_OK) {
            return st;
        }
        *out = acpi_aml_obj_integer(&aml->mem, got ? 0 : ones);   /* True means timed out */
        return *out != NULL ? ACPI_OK : ACPI_AML_OUT_OF_MEMORY;
    }
    case AML_RELEASE: {
        struct aml_object *m = named(it->args[0], ACPI_AML_TYPE_MUTEX);
        return m != NULL ? acpi_aml_sync_release(aml, m, false) : ACPI_AML_BAD_OPERAND;
    }
    case AML_SIGNAL:
    case AML_RESET:
    case AML_WAIT: {
        struct aml_object *e = named(it->args[0], ACPI_AML_TYPE_EVENT);
        if (e == NULL) {
            return ACPI_AML_BAD_OPERAND;
        }
        if (it->op == AML_SIGNAL) {
            if (e->u.event.count != UINT32_MAX) {
                e->u.event.count++;
            }
            wake(aml);
            return ACPI_OK;
        }
        if (it->op == AML_RESET) {
            e->u.event.count = 0;
            return ACPI_OK;
        }
        st = acpi_aml_to_integer(aml, it->args[1], &v);
        if (st != ACPI_OK) {
            return st;
        }
        /* ACPI 6.5, 19.6.148: Timeout in milliseconds, 0xFFFF and above forever. */
        acpi_aml_obj_get(e);
        bool signalled = wait_until(aml, e, v >= AML_WAIT_FOREVER ? AML_WAIT_FOREVER : (uint16_t)v,
                                    event_signalled);
        if (signalled) {
            e->u.event.count--;
        }
        acpi_aml_obj_put(&aml->mem, e);
        *out = acpi_aml_obj_integer(&aml->mem, signalled ? 0 : ones);
        return *out != NULL ? ACPI_OK : ACPI_AML_OUT_OF_MEMORY;
    }
    case AML_SLEEP:
        st = acpi_aml_to_integer(aml, it->args[0], &v);
        if (st == ACPI_OK) {
            if (aml->host.sleep_ms != NULL) {
                /* Threaded: the lock is given up while it sleeps, as ACPICA's
                 * acpi_ex_system_do_sleep leaves the interpreter. */
                acpi_aml_context_sleep(aml, v);
            } else if (aml->host.clock_ns == NULL) {
                aml->fake_clock += v * MS;
            }
        }
        return st;
    case AML_STALL:
        st = acpi_aml_to_integer(aml, it->args[0], &v);
        if (st == ACPI_OK) {
            /* ACPI 6.5, 19.6.130: at most 100 us; ACPICA clamps the same way
             * it warns about, we clamp so hostile AML cannot spin long. */
            if (v > 255) {
                v = 255;
            }
            if (aml->host.stall_us != NULL) {
                aml->host.stall_us(aml->host.ctx, (uint32_t)v);
            } else if (aml->host.clock_ns == NULL) {
                aml->fake_clock += v * 1000ull;
            }
        }
        return st;
    case AML_NOTIFY: {
        struct aml_object *r = it->args[0];
        if (r == NULL || r->type != ACPI_AML_TYPE_REFERENCE || r->u.ref.kind != AML_REF_NODE) {
            return ACPI_AML_BAD_OPERAND;
        }
        /* ACPI 6.5, 5.6.6: devices, processors and thermal zones get notified. */
        enum acpi_aml_type t = acpi_aml_node_type(r->u.ref.node);
        if (t != ACPI_AML_TYPE_DEVICE && t != ACPI_AML_TYPE_PROCESSOR &&
            t != ACPI_AML_TYPE_THERMAL_ZONE) {
            return ACPI_AML_BAD_OPERAND;
        }
        st = acpi_aml_to_integer(aml, it->args[1], &v);
        if (st == ACPI_OK && aml->host.notify != NULL) {
            aml->host.notify(aml->host.ctx, r->u.ref.node, v);
        }
        return st;
    }
    case AML_FATAL:
        st = acpi_aml_to_integer(aml, it->args[0], &v);
        if (st == ACPI_OK) {
            acpi_aml_log(aml, ACPI_AML_LOG_ERROR, "AML Fatal");
            if (aml->host.fatal != NULL) {
                aml->host.fatal(aml->host.ctx, (uint8_t)it->imm[0], (uint32_t)it->imm[1], v);
            }
        }
        return st;
    case AML_TIMER:
        /* ACPI 6.5, 19.6.134: 100 ns units. */
        *out = acpi_aml_obj_integer(&aml->mem, acpi_aml_udiv64(acpi_aml_clock_ns(aml), 100, NULL) & ones);
        return *out != NULL ? ACPI_OK : ACPI_AML_OUT_OF_MEMORY;
    default:
        return ACPI_AML_BAD_OPCODE;
    }
}
