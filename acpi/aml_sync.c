/* acpi/aml_sync.c - synchronisation and host services from AML (ACPI 6.5, 19.6):
 * Mutex Acquire/Release with sync levels, the global lock, Event
 * Signal/Wait/Reset, Notify, Sleep, Stall, Timer and Fatal. The interpreter is
 * one thread of execution: a mutex it holds is re-acquired recursively, and a
 * Wait with no pending signal times out at once (nothing else could signal). */
#include "acpi/aml_convert.h"

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

enum acpi_status acpi_aml_sync_acquire(struct acpi_aml *aml, struct aml_object *m, bool *acquired)
{
    *acquired = false;
    if (m->u.mutex.owner != 0) {
        if (m->u.mutex.depth == UINT16_MAX) {
            return ACPI_AML_STACK_OVERFLOW;
        }
        m->u.mutex.depth++;       /* ours: recursive acquisition */
        *acquired = true;
        return ACPI_OK;
    }
    /* ACPI 6.5, 19.6.2: no mutex of a lower SyncLevel than one already held. */
    if (aml->nheld != 0 && m->u.mutex.sync_level < aml->held[aml->nheld - 1]->u.mutex.sync_level) {
        return ACPI_AML_SYNC_LEVEL;
    }
    if (aml->nheld == AML_MAX_HELD) {
        return ACPI_AML_STACK_OVERFLOW;
    }
    if (m == aml->global_lock && aml->host.global_lock_acquire != NULL &&
        !aml->host.global_lock_acquire(aml->host.ctx)) {
        return ACPI_OK;           /* not acquired: Acquire reports a timeout */
    }
    m->u.mutex.owner = 1;
    m->u.mutex.depth = 1;
    aml->held[aml->nheld++] = m;
    *acquired = true;
    return ACPI_OK;
}

static void drop(struct acpi_aml *aml, struct aml_object *m)
{
    m->u.mutex.owner = 0;
    m->u.mutex.depth = 0;
    for (uint32_t i = 0; i < aml->nheld; i++) {
        if (aml->held[i] == m) {
            for (uint32_t j = i + 1; j < aml->nheld; j++) {
                aml->held[j - 1] = aml->held[j];
            }
            aml->nheld--;
            break;
        }
    }
    if (m == aml->global_lock && aml->host.global_lock_release != NULL) {
        aml->host.global_lock_release(aml->host.ctx);
    }
}

void acpi_aml_sync_release_all(struct acpi_aml *aml)
{
    while (aml->nheld != 0) {
        drop(aml, aml->held[aml->nheld - 1]);
    }
}

enum acpi_status acpi_aml_sync_release(struct acpi_aml *aml, struct aml_object *m, bool force)
{
    if (m->u.mutex.owner == 0) {
        return ACPI_AML_NOT_OWNER;
    }
    /* 19.6.126: mutexes go in the reverse order of their levels; one of a
     * lower level than the highest held cannot be released first. */
    if (!force && m->u.mutex.depth == 1 && aml->nheld != 0 &&
        m->u.mutex.sync_level < aml->held[aml->nheld - 1]->u.mutex.sync_level) {
        return ACPI_AML_SYNC_LEVEL;
    }
    if (force) {
        m->u.mutex.depth = 1;
    }
    if (--m->u.mutex.depth == 0) {
        drop(aml, m);
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
        st = acpi_aml_sync_acquire(aml, m, &got);
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
        bool signalled = e->u.event.count != 0;
        if (signalled) {
            e->u.event.count--;
        }
        *out = acpi_aml_obj_integer(&aml->mem, signalled ? 0 : ones);
        return *out != NULL ? ACPI_OK : ACPI_AML_OUT_OF_MEMORY;
    }
    case AML_SLEEP:
        st = acpi_aml_to_integer(aml, it->args[0], &v);
        if (st == ACPI_OK) {
            if (aml->host.sleep_ms != NULL) {
                aml->host.sleep_ms(aml->host.ctx, v);
            } else if (aml->host.clock_ns == NULL) {
                aml->fake_clock += v * 1000000ull;
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
