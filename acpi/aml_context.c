/* acpi/aml_context.c - execution contexts (one per thread of evaluation), their
 * pool, blocking through the host's wait hook, and the deferred removal of
 * namespace nodes that a blocked context may still point at.
 *
 * Every AML evaluation runs under the host lock; with the host's wait/wake
 * hooks a context may give the lock up inside Acquire, Wait or Sleep, and
 * another context runs meanwhile. `aml->cx` names the context that runs; it is
 * NULL between calls and while the running one is blocked, so a call that
 * finds it set is a nested evaluation of the running context (a host callback
 * that evaluates, a field read that runs _ADR) and shares its stacks. The
 * running context's stacks are swapped into aml->exec (a few words) when it
 * starts or resumes and back when it blocks or ends. */
#include "acpi/aml_exec.h"

void acpi_aml_lock(const struct acpi_aml *aml)
{
    if (aml->host.lock != NULL) {
        aml->host.lock(aml->host.ctx);
    }
}

void acpi_aml_unlock(const struct acpi_aml *aml)
{
    if (aml->host.unlock != NULL) {
        aml->host.unlock(aml->host.ctx);
    }
}

enum acpi_status acpi_aml_context_enter(struct acpi_aml *aml, bool *entered)
{
    *entered = false;
    if (aml->cx != NULL) {
        return ACPI_OK;
    }
    struct aml_context *c = aml->pool;
    if (c != NULL) {
        aml->pool = c->next;
    } else {
        /* A second context exists only while the first is blocked. */
        c = acpi_aml_zalloc(&aml->mem, sizeof *c);
        if (c == NULL) {
            return ACPI_AML_OUT_OF_MEMORY;
        }
    }
    c->next = NULL;
    aml->exec = c->stacks;   /* empty: its chunks kept from the last use */
    aml->cx = c;
    aml->live++;
    *entered = true;
    return ACPI_OK;
}

/* Free the nodes removed while other contexts were live. Only when none is:
 * then no item, frame or walk points at them any more. */
static void bury(struct acpi_aml *aml)
{
    while (aml->graveyard != NULL) {
        struct acpi_aml_node *n = aml->graveyard;
        aml->graveyard = n->hash_next;
        acpi_aml_ns_free_detached(&aml->mem, n);
    }
}

void acpi_aml_context_leave(struct acpi_aml *aml, bool entered)
{
    if (!entered) {
        return;
    }
    struct aml_context *c = aml->cx;
    /* ACPICA releases what a thread still holds when its outermost method
     * ends (acpi_ex_release_all_mutexes); the waiters are woken. */
    acpi_aml_sync_release_all(aml);
    c->unresolved_scope = NULL;
    c->stacks = aml->exec;
    aml->exec = (struct aml_stacks){ 0 };
    c->next = aml->pool;
    aml->pool = c;
    aml->cx = NULL;
    aml->live--;
    if (aml->live == 0 && aml->walks == 0) {
        bury(aml);
    }
}

void acpi_aml_pin_nodes(struct acpi_aml *aml)
{
    aml->walks++;
}

void acpi_aml_unpin_nodes(struct acpi_aml *aml)
{
    if (aml->walks != 0 && --aml->walks == 0 && aml->live == 0) {
        bury(aml);
    }
}

void acpi_aml_walk_begin(struct acpi_aml *aml)
{
    acpi_aml_lock(aml);
    acpi_aml_pin_nodes(aml);
    acpi_aml_unlock(aml);
}

void acpi_aml_walk_end(struct acpi_aml *aml)
{
    acpi_aml_lock(aml);
    acpi_aml_unpin_nodes(aml);
    acpi_aml_unlock(aml);
}

bool acpi_aml_context_block(struct acpi_aml *aml, uint64_t timeout_ns)
{
    struct aml_context *me = aml->cx;
    me->stacks = aml->exec;
    aml->exec = (struct aml_stacks){ 0 };
    aml->cx = NULL;
    bool woken = aml->host.wait(aml->host.ctx, timeout_ns);
    aml->exec = me->stacks;
    aml->cx = me;
    return woken;
}

void acpi_aml_context_sleep(struct acpi_aml *aml, uint64_t ms)
{
    if (!aml->threaded) {
        aml->host.sleep_ms(aml->host.ctx, ms);
        return;
    }
    struct aml_context *me = aml->cx;
    me->stacks = aml->exec;
    aml->exec = (struct aml_stacks){ 0 };
    aml->cx = NULL;
    aml->host.unlock(aml->host.ctx);
    aml->host.sleep_ms(aml->host.ctx, ms);
    aml->host.lock(aml->host.ctx);
    aml->exec = me->stacks;
    aml->cx = me;
}

void acpi_aml_node_remove(struct acpi_aml *aml, struct acpi_aml_node *node, bool temporary)
{
    if ((node->flags & AML_NODE_DETACHED) != 0) {
        return;   /* in the graveyard already, with a subtree removed earlier */
    }
    /* Only a method's own temporaries, at its end, go at once when nobody
     * else runs: no walk stands on them (they live only while the method
     * runs). Anything else (Unload) is removed from inside running AML whose
     * frames, even in this context, may stand in it or have temporaries in it
     * (a method that unloads its own table): it waits for the last context. */
    if (temporary && aml->live <= 1 && aml->graveyard == NULL) {
        /* Nobody else can point at it: the single-threaded path. */
        acpi_aml_ns_remove(&aml->ns, &aml->mem, node);
        return;
    }
    /* A blocked context may hold it as a scope, a method or a walk position;
     * the graveyard is non-empty means a detached node may point at a live
     * one's parent, so nothing is freed until the last context leaves. The
     * subtree root's hash link is free once it is out of the hash. */
    acpi_aml_ns_detach(&aml->ns, node);
    node->hash_next = aml->graveyard;
    aml->graveyard = node;
}

static void free_stacks(struct acpi_aml *aml, const struct aml_stacks *x)
{
    for (uint32_t i = 0; i < x->item_nchunks; i++) {
        acpi_aml_free(&aml->mem, x->item_chunks[i], AML_CHUNK * sizeof(struct aml_item));
    }
    for (uint32_t i = 0; i < x->frame_nchunks; i++) {
        acpi_aml_free(&aml->mem, x->frame_chunks[i], AML_CHUNK * sizeof(struct aml_frame));
    }
    acpi_aml_free(&aml->mem, x->item_chunks, x->item_table * sizeof(void *));
    acpi_aml_free(&aml->mem, x->frame_chunks, x->frame_table * sizeof(void *));
}

void acpi_aml_exec_fini(struct acpi_aml *aml)
{
    bury(aml);
    while (aml->pool != NULL) {
        struct aml_context *c = aml->pool;
        aml->pool = c->next;
        free_stacks(aml, &c->stacks);
        if (c != &aml->first) {
            acpi_aml_free(&aml->mem, c, sizeof *c);
        }
    }
}
