/* acpi/aml_exec.h - the interpreter state and its explicit-stack execution
 * engine. Method calls, nested expressions and packages are entries of
 * `items` and `frames` (interpreter memory), never C stack frames. Private to
 * acpi/aml_*.c. */
#ifndef ACPI_AML_EXEC_H
#define ACPI_AML_EXEC_H

#include <stdbool.h>
#include <stdint.h>

#include "acpi/aml.h"
#include "acpi/aml_namespace.h"
#include "acpi/aml_object.h"
#include "acpi/aml_opcode.h"

#define AML_MAX_TABLES 254
#define AML_ERROR_RING 64
#define AML_MAX_ARGS 7
#define AML_MAX_LOCALS 8
#define AML_MAX_HANDLERS 32
#define AML_MAX_HELD 64      /* mutexes held at once */
#define AML_MAX_NESTED 4     /* host-side re-entries (PCI_Config _ADR/_BBN/_SEG, _REG) */
#define AML_WAIT_FOREVER 0xFFFFu   /* Acquire/Wait timeout: no bound (ACPI 6.5, 19.6.2) */

struct aml_table {
    const uint8_t *bytes;
    uint32_t len;
    bool int32;              /* revision < 2: 32-bit integers (ACPI 6.5, 19.6.28) */
    bool loaded;
    void *mapped;            /* acpi_aml_load_table_at: the host mapping */
    uint8_t *owned;          /* Load(): a copy the interpreter owns */
};

/* One method activation, or a table's top level (method == NULL). */
struct aml_frame {
    struct aml_object *locals[AML_MAX_LOCALS];
    struct aml_object *args[AML_MAX_ARGS];
    struct acpi_aml_node *method;
    const uint8_t *pc;
    uint8_t table;
    bool int32;
    struct acpi_aml_node *temps;          /* nodes this activation created */
    struct aml_object *ret;               /* value of Return */
    struct aml_object *method_obj;        /* the method's object (one reference) */
    struct aml_object *serial_mutex;      /* held for a Serialized method (one reference) */
    uint32_t item_base;                   /* index of its PSEUDO_TABLE/METHOD item */
    uint64_t loop_start;                  /* clock at the start of the outermost running While */
    uint32_t loop_depth;
};

enum aml_item_state { AML_ST_ARGS = 0, AML_ST_BODY, AML_ST_ELEMS, AML_ST_WAIT, AML_ST_HOST };

#define AML_IT_DEAD 0x01      /* after an error at table level: parse, do not run */
#define AML_IT_WANT_REF 0x02  /* its value fills a SuperName/Target slot */

struct aml_item {
    uint16_t op;
    uint8_t state;
    uint8_t argi;             /* next character of info->args */
    uint8_t nargs;            /* values in args[] */
    uint8_t flags;
    uint8_t ncall;            /* PSEUDO_CALL: arguments the method takes */
    const struct aml_opinfo *info;
    const uint8_t *start;     /* the opcode's first byte */
    const uint8_t *end;       /* PkgLength end, else the enclosing end */
    struct acpi_aml_node *scope;
    struct aml_object *args[AML_MAX_ARGS];
    const uint8_t *names[2];  /* 'N' arguments (NameString positions) */
    struct acpi_aml_node *nodes[2];   /* 'n' arguments */
    uint64_t imm[3];          /* b/w/d/q arguments in order */
    uint8_t nimm, nnames, nnodes;
    struct aml_object *build; /* Package under construction / CALL's method node object */
    uint32_t build_i;
    struct acpi_aml_node *call;       /* PSEUDO_CALL: the method */
};

struct aml_handler {
    uint8_t space;
    struct acpi_aml_node *device;     /* NULL: every region of the space */
    acpi_aml_region_handler fn;
    void *ctx;
};

struct aml_osi {
    struct aml_osi *next;
    uint32_t len;
    char name[];              /* NUL-terminated */
};

/* The explicit stacks of one thread of evaluation. Both live in fixed chunks
 * that never move, so an item or frame pointer stays valid while a nested
 * evaluation (a field read that runs _ADR, a Load that runs a table) pushes
 * more. */
struct aml_stacks {
    struct aml_item **item_chunks;
    uint32_t nitems, item_nchunks, item_table;     /* table: chunk pointers allocated */
    struct aml_frame **frame_chunks;
    uint32_t nframes, frame_nchunks, frame_table;
    uint32_t nested;                               /* host-side re-entries */
};

/* An execution context: the state one thread of evaluation owns (ACPICA's
 * "walk state" list of a thread). Each outermost call (evaluate, load,
 * initialise ...) takes one from the instance's pool and returns it when it
 * ends; nested evaluations inside it (a field read that runs _ADR, a Load that
 * runs a table, _REG, a host callback that evaluates) run in the same one.
 * Only one context runs at a time (the host lock); another may be blocked in
 * Acquire, Wait or Sleep (acpi/aml_host.h, wait/wake). The running one's
 * stacks are in acpi_aml.exec (one load from the interpreter on the hot
 * path); `stacks` keeps them while it is blocked or pooled. */
struct aml_context {
    struct aml_stacks stacks;
    struct aml_object *held[AML_MAX_HELD];   /* acquired mutexes, oldest first (a reference each) */
    uint32_t nheld;
    struct acpi_aml_node *unresolved_scope;  /* the last name that did not resolve, */
    const uint8_t *unresolved_segs;          /* for the error report (ACPICA names it) */
    uint16_t unresolved_nsegs, unresolved_parents;
    bool unresolved_root;
    struct aml_context *next;                /* the pool's free list */
};

struct acpi_aml {
    struct acpi_aml_host host;
    struct aml_memory mem;
    struct aml_namespace ns;
    struct acpi_aml_limits limits;
    struct aml_stacks exec;                  /* the running context's stacks */
    struct aml_context *cx;                  /* running now; NULL between calls and while blocked */
    struct aml_context *pool;                /* contexts not in use */
    struct aml_context first;                /* the pool's first: single-threaded calls use it */
    uint32_t live;                           /* contexts in use (running or blocked) */
    uint32_t walks;                          /* acpi_aml_walk_begin without its end */
    bool threaded;                           /* host->wait/wake given: contexts may block */
    struct acpi_aml_node *graveyard;         /* detached subtrees, freed when live drops to 0 */
    struct aml_table tables[AML_MAX_TABLES];
    uint32_t ntables;
    struct acpi_aml_error errors[AML_ERROR_RING];
    uint32_t nerrors;
    struct aml_handler handlers[AML_MAX_HANDLERS];
    uint32_t nhandlers;
    struct aml_osi *osi;
    uint64_t fake_clock;
    struct aml_object *global_lock;          /* \_GL_'s mutex object */
    bool initialized;
};

/* Run a method (or read a data object) at `node` with args; *result gets the
 * value (NULL for none). Used by the public API, initialisation and the region
 * code; nesting is bounded by AML_MAX_NESTED. */
ACPI_MUST_USE enum acpi_status acpi_aml_exec_call(struct acpi_aml *aml, struct acpi_aml_node *node,
                                             struct aml_object **args, uint32_t argc,
                                             struct aml_object **result);
/* Run table `index`'s top-level TermList with `scope` as its root (NULL: \\;
 * LoadTable's RootPath gives another). */
ACPI_MUST_USE enum acpi_status acpi_aml_exec_table(struct acpi_aml *aml, uint8_t index,
                                                   struct acpi_aml_node *scope);

/* Record an error with the path of `node` (may be NULL). */
void acpi_aml_report(struct acpi_aml *aml, enum acpi_status st, const struct acpi_aml_node *node,
                uint32_t offset);
void acpi_aml_log(struct acpi_aml *aml, enum acpi_aml_log_level level, const char *msg);
uint64_t acpi_aml_clock_ns(struct acpi_aml *aml);

#define AML_CHUNK 64u
#define AML_MAX_CHUNKS 4096u   /* 262144 entries at most, whatever the limits say */

static inline struct aml_item *acpi_aml_item_at(const struct acpi_aml *aml, uint32_t i)
{
    return &aml->exec.item_chunks[i / AML_CHUNK][i % AML_CHUNK];
}

static inline struct aml_frame *acpi_aml_frame_at(const struct acpi_aml *aml, uint32_t i)
{
    return &aml->exec.frame_chunks[i / AML_CHUNK][i % AML_CHUNK];
}

/* Free every pooled context and its stacks (at destroy). */
void acpi_aml_exec_fini(struct acpi_aml *aml);

/* Contexts (aml_context.c). acpi_aml_context_enter makes a context run: the
 * running one when there is one (a nested evaluation: *entered = false), else
 * one from the pool (or a new one). acpi_aml_context_leave ends what enter
 * started: a context it entered releases the mutexes it still holds (ACPICA
 * does so at the end of a thread's outermost method), goes back to the pool,
 * and the last one out frees the graveyard. */
/* The host lock around a public call (no-ops without host->lock). */
void acpi_aml_lock(const struct acpi_aml *aml);
void acpi_aml_unlock(const struct acpi_aml *aml);
ACPI_MUST_USE enum acpi_status acpi_aml_context_enter(struct acpi_aml *aml, bool *entered);
void acpi_aml_context_leave(struct acpi_aml *aml, bool entered);
/* Block the running context (host->wait, lock held): it stops running while
 * another may; *me runs again when wait returns. False when wait reported a
 * timeout. */
bool acpi_aml_context_block(struct acpi_aml *aml, uint64_t timeout_ns);
/* Sleep(ms) through host->sleep_ms; threaded, with the lock given up. */
void acpi_aml_context_sleep(struct acpi_aml *aml, uint64_t ms);
/* Remove a node and its subtree from the namespace: a method's `temporary`
 * freed now when no other context is live, anything else (and temporaries
 * while others are live) detached (unfindable) and freed with the graveyard
 * when the last context and walk end, since running or blocked frames may
 * still point into it. Nodes already detached are left alone. */
void acpi_aml_node_remove(struct acpi_aml *aml, struct acpi_aml_node *node, bool temporary);
/* acpi_aml_walk_begin/end (aml.h) with the host lock already held:
 * initialisation and _REG runs walk the tree while they evaluate. */
void acpi_aml_pin_nodes(struct acpi_aml *aml);
void acpi_aml_unpin_nodes(struct acpi_aml *aml);

/* The frame an item runs in, and integer width of the running code. */
struct aml_frame *acpi_aml_current_frame(struct acpi_aml *aml);
static inline uint64_t acpi_aml_ones(const struct aml_frame *f)
{
    return f->int32 ? 0xFFFFFFFFull : ~0ull;
}

/* 64-bit unsigned division without the compiler's helper functions (32-bit
 * targets have no __udivdi3 in a freestanding build). d != 0. */
uint64_t acpi_aml_udiv64(uint64_t n, uint64_t d, uint64_t *rem);

/* Operators of aml_ops_*.c: every Type 2 opcode not about control flow or
 * named objects; args are complete in it->args. *out is the value (may be
 * NULL for none). */
ACPI_MUST_USE enum acpi_status acpi_aml_ops_math(struct acpi_aml *aml, struct aml_item *it,
                                            struct aml_object **out);
ACPI_MUST_USE enum acpi_status acpi_aml_ops_data(struct acpi_aml *aml, struct aml_item *it,
                                            struct aml_object **out);
ACPI_MUST_USE enum acpi_status acpi_aml_ops_sync(struct acpi_aml *aml, struct aml_item *it,
                                            struct aml_object **out);
/* Named objects of aml_named.c (ACPI 6.5, 19.6): create the node and object.
 * *enter_body is set when the op's ObjectList follows (Device, ...). */
ACPI_MUST_USE enum acpi_status acpi_aml_named_create(struct acpi_aml *aml, struct aml_item *it,
                                                struct acpi_aml_node **body_scope);
/* Mutex acquisition and release by the running context with the sync-level
 * order of ACPI 6.5, 19.6.2 and 19.6.126 (ACPI_AML_SYNC_LEVEL when broken);
 * a mutex another context owns is waited for up to timeout_ms (threaded hosts
 * only), *acquired false when it stayed owned. `force` releases whatever the
 * order (a method's implicit mutex at its return). */
ACPI_MUST_USE enum acpi_status acpi_aml_sync_acquire(struct acpi_aml *aml, struct aml_object *m,
                                                     uint16_t timeout_ms, bool *acquired);
ACPI_MUST_USE enum acpi_status acpi_aml_sync_release(struct acpi_aml *aml, struct aml_object *m,
                                                bool force);
/* Release every mutex the running context still holds (its end, ACPI 6.5,
 * 19.6.126) and wake the waiters. */
void acpi_aml_sync_release_all(struct acpi_aml *aml);
/* A loaded table by signature, OEM ID and OEM table ID (empty fields match
 * any), else the host's find_table. */
ACPI_MUST_USE enum acpi_status acpi_aml_find_table(struct acpi_aml *aml, const char sig[4],
                                              const char oem[6], const char tid[8],
                                              const uint8_t **bytes, size_t *len);
/* The table named by three string operands (signature, OEM ID, OEM table ID),
 * for DataTableRegion (loaded tables too) and LoadTable (the host's). */
ACPI_MUST_USE enum acpi_status acpi_aml_table_by_args(struct acpi_aml *aml,
                                                 struct aml_object *const args[3],
                                                 bool loaded_too, const uint8_t **bytes,
                                                 size_t *len);
/* Load/Unload/LoadTable (aml_load.c). */
ACPI_MUST_USE enum acpi_status acpi_aml_ops_load(struct acpi_aml *aml, struct aml_item *it,
                                            struct aml_object **out);

/* Node creation for named objects: in the current frame's scope rules, marked
 * temporary when a method runs. */
ACPI_MUST_USE enum acpi_status acpi_aml_create_node(struct acpi_aml *aml, struct aml_item *it,
                                               const uint8_t *name_pos,
                                               struct acpi_aml_node **out);

#endif
