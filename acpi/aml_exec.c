/* acpi/aml_exec.c - the execution engine: an explicit stack of items (one per
 * opcode being decoded or run, one per TermList being executed) and of frames
 * (one per method activation), so that nesting in the AML never becomes C
 * recursion. Control flow (If/Else/While/Break/Continue/Return), method calls
 * and argument decoding live here; operators in aml_ops_*.c, named objects in
 * aml_named.c. */
#include "acpi/aml_exec.h"
#include "acpi/shift.h"

#include "acpi/aml_convert.h"
#include "acpi/aml_parse.h"

#define MS 1000000ull

/* ---- reporting ---------------------------------------------------------- */

void acpi_aml_log(struct acpi_aml *aml, enum acpi_aml_log_level level, const char *msg)
{
    if (aml->host.log != NULL) {
        aml->host.log(aml->host.ctx, level, msg);
    }
}

uint64_t acpi_aml_clock_ns(struct acpi_aml *aml)
{
    if (aml->host.clock_ns != NULL) {
        return aml->host.clock_ns(aml->host.ctx);
    }
    aml->fake_clock += MS;
    return aml->fake_clock;
}

/* Remember a name that did not resolve, so the error names it as ACPICA does. */
static void note_unresolved(struct acpi_aml *aml, struct acpi_aml_node *scope,
                            const struct aml_name *name)
{
    struct aml_context *cx = aml->cx;
    cx->unresolved_scope = scope;
    cx->unresolved_segs = name->segs;
    cx->unresolved_nsegs = name->nsegs;
    cx->unresolved_parents = name->parents;
    cx->unresolved_root = name->root;
}

/* The scope (or root) with the name's segments after it: "\\_SB_.PCI0.XBAS". */
static void unresolved_path(struct acpi_aml *aml, char *buf, size_t size)
{
    const struct aml_context *cx = aml->cx;
    const struct acpi_aml_node *start = cx->unresolved_root ? aml->ns.root : cx->unresolved_scope;
    for (uint16_t i = 0; i < cx->unresolved_parents && start->parent != NULL; i++) {
        start = start->parent;
    }
    size_t n = acpi_aml_node_path(start, buf, size);
    for (uint16_t s = 0; s < cx->unresolved_nsegs; s++) {
        if (n + 6 >= size) {
            break;
        }
        if (n > 1) {
            buf[n++] = '.';
        }
        for (int i = 0; i < 4; i++) {
            buf[n++] = (char)cx->unresolved_segs[4u * s + (unsigned)i];
        }
        buf[n] = '\0';
    }
}

void acpi_aml_report(struct acpi_aml *aml, enum acpi_status st, const struct acpi_aml_node *node,
                uint32_t offset)
{
    struct acpi_aml_error *e = &aml->errors[aml->nerrors % AML_ERROR_RING];
    aml->nerrors++;
    e->status = st;
    e->aml_offset = offset;
    e->table = aml->exec.nframes != 0 ? acpi_aml_current_frame(aml)->table : 0;
    e->path[0] = '\0';
    if (st == ACPI_AML_UNRESOLVED_NAME && aml->cx != NULL && aml->cx->unresolved_scope != NULL) {
        unresolved_path(aml, e->path, sizeof e->path);
    } else if (node != NULL) {
        (void)acpi_aml_node_path(node, e->path, sizeof e->path);
    }
    if (aml->cx != NULL) {
        aml->cx->unresolved_scope = NULL;
    }
    char msg[128];
    size_t n = 0;
    const char *parts[4] = { "AML error: ", acpi_status_str(st), " in ", e->path };
    for (int i = 0; i < 4; i++) {
        for (const char *p = parts[i]; *p != '\0' && n + 1 < sizeof msg; p++) {
            msg[n++] = *p;
        }
    }
    msg[n] = '\0';
    acpi_aml_log(aml, ACPI_AML_LOG_ERROR, msg);
}

/* ---- the stacks ---------------------------------------------------------- */

struct aml_frame *acpi_aml_current_frame(struct acpi_aml *aml)
{
    return acpi_aml_frame_at(aml, aml->exec.nframes - 1);
}

static struct aml_item *top(struct acpi_aml *aml)
{
    return acpi_aml_item_at(aml, aml->exec.nitems - 1);
}

/* Make room for entry `count` of a chunked stack: a new chunk when it starts
 * one (the chunk table itself is sized once, at AML_MAX_CHUNKS entries). */
static enum acpi_status room(struct acpi_aml *aml, void ***chunks, uint32_t *nchunks,
                             uint32_t *table, uint32_t count, size_t elem, uint32_t limit)
{
    if (*chunks == NULL) {
        /* Sized by the limit in force at the first push (AML_MAX_CHUNKS at most). */
        uint32_t n = limit / AML_CHUNK + 1;
        *table = n < AML_MAX_CHUNKS ? n : AML_MAX_CHUNKS;
        *chunks = acpi_aml_zalloc(&aml->mem, *table * sizeof(void *));
        if (*chunks == NULL) {
            return ACPI_AML_OUT_OF_MEMORY;
        }
    }
    if (count >= limit || count / AML_CHUNK >= *table) {
        return ACPI_AML_STACK_OVERFLOW;
    }
    if (count / AML_CHUNK < *nchunks) {
        return ACPI_OK;
    }
    void *c = acpi_aml_alloc(&aml->mem, AML_CHUNK * elem);
    if (c == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    (*chunks)[(*nchunks)++] = c;
    return ACPI_OK;
}

/* Push an item for opcode `op` starting at `start`; the new item inherits the
 * scope, the end and the DEAD flag of the item below. */
static enum acpi_status push_item(struct acpi_aml *aml, uint16_t op, const struct aml_opinfo *info,
                                  const uint8_t *start, uint8_t flags)
{
    struct aml_stacks *x = &aml->exec;
    void **chunks = (void **)x->item_chunks;
    enum acpi_status st = room(aml, &chunks, &x->item_nchunks, &x->item_table, x->nitems,
                               sizeof(struct aml_item), aml->limits.max_stack_items);
    x->item_chunks = (struct aml_item **)chunks;
    if (st != ACPI_OK) {
        return st;
    }
    struct aml_item *parent = x->nitems != 0 ? top(aml) : NULL;
    struct aml_item *it = acpi_aml_item_at(aml, x->nitems++);
    *it = (struct aml_item){ 0 };
    it->op = op;
    it->info = info;
    it->start = start;
    if (parent != NULL) {
        it->scope = parent->scope;
        it->end = parent->end;
        it->flags = (uint8_t)(flags | (parent->flags & AML_IT_DEAD));
    } else {
        it->flags = flags;
    }
    return ACPI_OK;
}

static void release_item(struct acpi_aml *aml, struct aml_item *it)
{
    for (uint32_t i = 0; i < it->nargs; i++) {
        acpi_aml_obj_put(&aml->mem, it->args[i]);
    }
    acpi_aml_obj_put(&aml->mem, it->build);
}

static void pop_item(struct acpi_aml *aml)
{
    release_item(aml, top(aml));
    aml->exec.nitems--;
}

static enum acpi_status push_frame(struct acpi_aml *aml, struct aml_frame **out)
{
    struct aml_stacks *x = &aml->exec;
    if (x->nframes >= aml->limits.max_call_depth + 1u) {
        return ACPI_AML_STACK_OVERFLOW;
    }
    void **chunks = (void **)x->frame_chunks;
    enum acpi_status st = room(aml, &chunks, &x->frame_nchunks, &x->frame_table, x->nframes,
                               sizeof(struct aml_frame), aml->limits.max_call_depth + 1u);
    x->frame_chunks = (struct aml_frame **)chunks;
    if (st != ACPI_OK) {
        return st;
    }
    struct aml_frame *f = acpi_aml_frame_at(aml, x->nframes++);
    *f = (struct aml_frame){ 0 };
    *out = f;
    return ACPI_OK;
}


/* End the top frame: its locals, arguments and temporary nodes go away. */
static void pop_frame(struct acpi_aml *aml)
{
    struct aml_frame *f = acpi_aml_current_frame(aml);
    for (int i = 0; i < AML_MAX_LOCALS; i++) {
        acpi_aml_obj_put(&aml->mem, f->locals[i]);
    }
    for (int i = 0; i < AML_MAX_ARGS; i++) {
        acpi_aml_obj_put(&aml->mem, f->args[i]);
    }
    acpi_aml_obj_put(&aml->mem, f->ret);
    acpi_aml_obj_put(&aml->mem, f->method_obj);
    /* Temporaries, newest first; one may already be gone with a removed parent,
     * so each is looked up through the list before removal. */
    while (f->temps != NULL) {
        struct acpi_aml_node *n = f->temps;
        f->temps = n->temp_next;
        /* Children made by the same frame are on the list too, after their
         * parent was added: remove them first by removing the newest first. */
        acpi_aml_node_remove(aml, n, true);
    }
    if (f->serial_mutex != NULL) {
        enum acpi_status ignored =
            acpi_aml_sync_release(aml, f->serial_mutex, f->serial_mutex->u.mutex.depth <= 1);
        (void)ignored;   /* a forced release cannot fail on order */
        /* The frame's reference: the method may have been replaced meanwhile
         * (CopyObject by another context), its mutex lives until now. */
        acpi_aml_obj_put(&aml->mem, f->serial_mutex);
    }
    aml->exec.nframes--;
}

/* ---- named-node creation ---------------------------------------------------- */

enum acpi_status acpi_aml_create_node(struct acpi_aml *aml, struct aml_item *it,
                                 const uint8_t *name_pos, struct acpi_aml_node **out)
{
    struct aml_frame *f = acpi_aml_current_frame(aml);
    struct aml_name name;
    const uint8_t *p = name_pos;
    enum acpi_status st = acpi_aml_parse_name(&p, it->end, &name);
    if (st != ACPI_OK) {
        return st;
    }
    struct acpi_aml_node *parent;
    uint32_t last;
    st = acpi_aml_name_parent(&aml->ns, it->scope, &name, &parent, &last);
    if (st == ACPI_AML_UNRESOLVED_NAME) {
        note_unresolved(aml, it->scope, &name);
    }
    if (st != ACPI_OK) {
        return st;
    }
    if (acpi_aml_ns_child(&aml->ns, parent, last) != NULL) {
        return ACPI_AML_ALREADY_EXISTS;
    }
    struct acpi_aml_node *n = acpi_aml_ns_add(&aml->ns, &aml->mem, parent, last, f->table);
    if (n == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    if (f->method != NULL) {
        n->flags |= AML_NODE_TEMPORARY;
        /* A child of a temporary node goes with its parent. */
        bool inside_temp = false;
        for (struct acpi_aml_node *a = parent; a != NULL; a = a->parent) {
            if ((a->flags & AML_NODE_TEMPORARY) != 0) {
                inside_temp = true;
                break;
            }
        }
        if (!inside_temp) {
            n->temp_next = f->temps;
            f->temps = n;
        }
    }
    *out = n;
    return ACPI_OK;
}

/* ---- operands ------------------------------------------------------------ */

static enum acpi_status local_ref(struct acpi_aml *aml, uint8_t kind, uint8_t index,
                                  struct aml_object **out)
{
    struct aml_object *r = acpi_aml_obj_ref(&aml->mem, kind);
    if (r == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    r->u.ref.index = index;
    r->u.ref.frame = aml->exec.nframes - 1;
    *out = r;
    return ACPI_OK;
}

/* Value of LocalN/ArgN as a TermArg. An Arg holding a reference to a
 * LocalN/ArgN of the caller stays a reference (the callee stores through it). */
static enum acpi_status local_value(struct acpi_aml *aml, bool is_arg, uint8_t index,
                                    struct aml_object **out)
{
    struct aml_frame *f = acpi_aml_current_frame(aml);
    struct aml_object *o = is_arg ? f->args[index] : f->locals[index];
    if (o == NULL) {
        return ACPI_AML_UNINITIALIZED;
    }
    *out = acpi_aml_obj_get(o);
    return ACPI_OK;
}

static enum acpi_status const_value(struct acpi_aml *aml, uint16_t op, const uint8_t **pc,
                                    const uint8_t *end, struct aml_object **out)
{
    const uint8_t *p = *pc;
    uint64_t v;
    switch (op) {
    case AML_ZERO: v = 0; break;
    case AML_ONE: v = 1; break;
    case AML_ONES: v = acpi_aml_ones(acpi_aml_current_frame(aml)); break;
    case AML_REVISION: v = 2; break;   /* the AML interpreter revision Linux reports */
    case AML_BYTE_PREFIX:
        if (end - p < 1) {
            return ACPI_TRUNCATED;
        }
        v = p[0];
        p += 1;
        break;
    case AML_WORD_PREFIX:
        if (end - p < 2) {
            return ACPI_TRUNCATED;
        }
        v = (uint64_t)p[0] | ((uint64_t)p[1] << 8);
        p += 2;
        break;
    case AML_DWORD_PREFIX:
        if (end - p < 4) {
            return ACPI_TRUNCATED;
        }
        v = acpi_aml_le32(p);
        p += 4;
        break;
    case AML_QWORD_PREFIX:
        if (end - p < 8) {
            return ACPI_TRUNCATED;
        }
        v = acpi_aml_le64(p);
        p += 8;
        if (acpi_aml_current_frame(aml)->int32) {
            v &= 0xFFFFFFFFull;
        }
        break;
    case AML_STRING_PREFIX: {
        /* ACPI 6.5, 20.2.3: AsciiCharList NullChar, chars 0x01-0x7F. */
        const uint8_t *s = p;
        while (s < end && *s != 0) {
            s++;
        }
        if (s >= end) {
            return ACPI_TRUNCATED;
        }
        *out = acpi_aml_obj_string(&aml->mem, (const char *)p, (uint32_t)(s - p));
        *pc = s + 1;
        return *out != NULL ? ACPI_OK : ACPI_AML_OUT_OF_MEMORY;
    }
    default:
        return ACPI_AML_BAD_OPCODE;
    }
    *out = acpi_aml_obj_integer(&aml->mem, v);
    if (*out == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    if (op == AML_ZERO || op == AML_ONE || op == AML_ONES || op == AML_REVISION) {
        (*out)->flags |= AML_OBJ_CONSTANT;
    }
    *pc = p;
    return ACPI_OK;
}

/* Store a finished operand into the item's next argument slot. */
static void put_arg(struct aml_item *it, struct aml_object *v)
{
    it->args[it->nargs++] = v;
    it->argi++;
}

/* True while the item still takes operands (an op whose decoding was cut
 * short by error recovery takes none). */
static bool wants_operand(const struct aml_item *it)
{
    if (it->op == AML_PSEUDO_CALL) {
        return it->nargs < it->ncall;
    }
    return it->info != NULL && it->info->args[it->argi] != '\0' && it->nargs < AML_MAX_ARGS;
}

/* Decode a TermArg / SuperName / Target at the frame's pc for `it`, whose
 * current argument character is `kind`. Either fills the slot now or pushes an
 * item whose value will fill it. */
static enum acpi_status operand(struct acpi_aml *aml, struct aml_item *it, char kind)
{
    struct aml_frame *f = acpi_aml_current_frame(aml);
    const uint8_t *end = it->end;
    const uint8_t *start = f->pc;
    bool dead = (it->flags & AML_IT_DEAD) != 0;
    bool want_ref = kind != 't';
    if (start >= end) {
        return ACPI_TRUNCATED;
    }
    uint8_t b = *start;
    if (b == 0x00 && kind == 'T') {
        f->pc = start + 1;
        struct aml_object *r = acpi_aml_obj_ref(&aml->mem, AML_REF_NULL);
        if (r == NULL) {
            return ACPI_AML_OUT_OF_MEMORY;
        }
        put_arg(it, r);
        return ACPI_OK;
    }
    if (acpi_aml_is_name_start(b)) {
        struct aml_name name;
        const uint8_t *p = start;
        enum acpi_status st = acpi_aml_parse_name(&p, end, &name);
        if (st != ACPI_OK) {
            return st;
        }
        f->pc = p;
        struct acpi_aml_node *node = acpi_aml_name_lookup(&aml->ns, it->scope, &name);
        if (node != NULL && node->object != NULL && node->object->type == ACPI_AML_TYPE_METHOD &&
            !want_ref) {
            st = push_item(aml, AML_PSEUDO_CALL, NULL, start, 0);
            if (st != ACPI_OK) {
                return st;
            }
            struct aml_item *c = top(aml);
            c->call = node;
            c->ncall = node->object->u.method.flags & 7;
            return ACPI_OK;
        }
        if (dead) {
            put_arg(it, NULL);
            return ACPI_OK;
        }
        struct aml_object *v;
        if (want_ref) {
            if (node == NULL && kind != 'C') {
                put_arg(it, NULL);
                note_unresolved(aml, it->scope, &name);
                return ACPI_AML_UNRESOLVED_NAME;
            }
            v = acpi_aml_obj_ref(&aml->mem, node != NULL ? AML_REF_NODE : AML_REF_NULL);
            if (v == NULL) {
                return ACPI_AML_OUT_OF_MEMORY;
            }
            v->u.ref.node = node;
        } else {
            st = node != NULL ? acpi_aml_node_value(aml, node, &v) : ACPI_AML_UNRESOLVED_NAME;
            if (node == NULL) {
                note_unresolved(aml, it->scope, &name);
            }
            if (st != ACPI_OK) {
                put_arg(it, NULL);
                return st;
            }
        }
        put_arg(it, v);
        return ACPI_OK;
    }
    uint16_t op = b;
    const uint8_t *p = start + 1;
    if (b == AML_EXT_PREFIX) {
        if (end - start < 2) {
            return ACPI_TRUNCATED;
        }
        op = (uint16_t)AML_EXT(start[1]);
        p = start + 2;
    }
    const struct aml_opinfo *info = acpi_aml_opcode_info(op);
    if (info == NULL || (info->flags & AML_OPF_VALUE) == 0) {
        return ACPI_AML_BAD_OPCODE;
    }
    struct aml_object *v = NULL;
    enum acpi_status st = ACPI_OK;
    if (op >= AML_LOCAL0 && op <= AML_ARG6) {
        f->pc = p;
        bool is_arg = op >= AML_ARG0;
        uint8_t idx = (uint8_t)(is_arg ? op - AML_ARG0 : op - AML_LOCAL0);
        if (dead) {
            put_arg(it, NULL);
            return ACPI_OK;
        }
        st = want_ref ? local_ref(aml, is_arg ? AML_REF_ARG : AML_REF_LOCAL, idx, &v)
                      : local_value(aml, is_arg, idx, &v);
    } else if (op == AML_DEBUG) {
        f->pc = p;
        v = acpi_aml_obj_ref(&aml->mem, AML_REF_DEBUG);
        st = v != NULL ? ACPI_OK : ACPI_AML_OUT_OF_MEMORY;
    } else if ((info->flags & AML_OPF_CONST) != 0) {
        st = const_value(aml, op, &p, end, &v);
        f->pc = p;
    } else {
        f->pc = p;
        return push_item(aml, op, info, start, want_ref ? AML_IT_WANT_REF : 0);
    }
    if (st != ACPI_OK) {
        if (st != ACPI_TRUNCATED) {
            put_arg(it, NULL);
        }
        return st;
    }
    put_arg(it, v);
    return ACPI_OK;
}

/* ---- argument decoding ------------------------------------------------------ */

static enum acpi_status parse_imm(struct aml_frame *f, const uint8_t *end, char kind,
                                  uint64_t *out)
{
    unsigned n = kind == 'b' ? 1 : kind == 'w' ? 2 : kind == 'd' ? 4 : 8;
    if ((size_t)(end - f->pc) < n) {
        return ACPI_TRUNCATED;
    }
    uint64_t v = 0;
    for (unsigned i = 0; i < n; i++) {
        v |= shl64(f->pc[i], 8 * (uint64_t)i);
    }
    f->pc += n;
    *out = v;
    return ACPI_OK;
}

static enum acpi_status complete(struct acpi_aml *aml);

static enum acpi_status next_arg(struct acpi_aml *aml)
{
    struct aml_item *it = top(aml);
    struct aml_frame *f = acpi_aml_current_frame(aml);
    if (it->op == AML_PSEUDO_CALL) {
        if (it->nargs < it->ncall) {
            return operand(aml, it, 't');
        }
        return complete(aml);
    }
    char kind = it->info->args[it->argi];
    if (kind == '\0') {
        return complete(aml);
    }
    enum acpi_status st;
    switch (kind) {
    case 'p': {
        const uint8_t *pend;
        st = acpi_aml_parse_pkglen(&f->pc, it->end, &pend);
        if (st != ACPI_OK) {
            return st;
        }
        it->end = pend;
        it->argi++;
        return ACPI_OK;
    }
    case 'N': {
        it->names[it->nnames++] = f->pc;
        struct aml_name name;
        st = acpi_aml_parse_name(&f->pc, it->end, &name);
        it->argi++;
        return st;
    }
    case 'n': {
        struct aml_name name;
        st = acpi_aml_parse_name(&f->pc, it->end, &name);
        if (st != ACPI_OK) {
            return st;
        }
        it->argi++;
        struct acpi_aml_node *n = acpi_aml_name_lookup(&aml->ns, it->scope, &name);
        it->nodes[it->nnodes++] = n;
        bool field = it->op == AML_FIELD || it->op == AML_INDEX_FIELD || it->op == AML_BANK_FIELD;
        if (n == NULL && (it->flags & AML_IT_DEAD) == 0) {
            note_unresolved(aml, it->scope, &name);
        }
        if (n == NULL && (it->flags & AML_IT_DEAD) == 0 && !field) {
            return ACPI_AML_UNRESOLVED_NAME;
        }
        return ACPI_OK;
    }
    case 'b':
    case 'w':
    case 'd':
    case 'q':
        st = parse_imm(f, it->end, kind, &it->imm[it->nimm]);
        it->nimm++;
        it->argi++;
        return st;
    default:
        return operand(aml, it, kind);
    }
}

/* ---- completion and delivery -------------------------------------------------- */

/* Pop the top item and hand its value (owned) to the item below. */
static enum acpi_status deliver(struct acpi_aml *aml, struct aml_object *v)
{
    pop_item(aml);
    struct aml_item *p = top(aml);
    switch (p->state) {
    case AML_ST_ARGS:
        if (!wants_operand(p)) {
            acpi_aml_obj_put(&aml->mem, v);
        } else if (p->op == AML_PSEUDO_CALL) {
            p->args[p->nargs++] = v;
        } else {
            put_arg(p, v);
        }
        return ACPI_OK;
    case AML_ST_ELEMS:
        if (p->build != NULL && p->build_i < p->build->u.package.count) {
            p->build->u.package.elems[p->build_i] = v;
        } else {
            acpi_aml_obj_put(&aml->mem, v);   /* more initialisers than elements: ignored */
        }
        p->build_i++;
        return ACPI_OK;
    case AML_ST_HOST:
        acpi_aml_obj_put(&aml->mem, p->args[0]);
        p->args[0] = v;
        if (p->nargs == 0) {
            p->nargs = 1;
        }
        return ACPI_OK;
    default:
        acpi_aml_obj_put(&aml->mem, v);
        return ACPI_OK;
    }
}

/* The op's arguments are done and it is DEAD: skip whatever it still owns. */
static enum acpi_status complete_dead(struct acpi_aml *aml, struct aml_item *it)
{
    struct aml_frame *f = acpi_aml_current_frame(aml);
    if (it->info != NULL && it->info->args[0] == 'p') {
        f->pc = it->end;
    }
    if (it->op == AML_WHILE && f->loop_depth > 0 && --f->loop_depth == 0) {
        f->loop_start = 0;
    }
    if (it->op == AML_BUFFER || it->op == AML_PACKAGE || it->op == AML_VAR_PACKAGE ||
               it->op == AML_FIELD || it->op == AML_INDEX_FIELD || it->op == AML_BANK_FIELD) {
        f->pc = it->end;
    }
    return deliver(aml, NULL);
}

static enum acpi_status call_method(struct acpi_aml *aml, struct aml_item *it);

/* Skip an Else that follows a taken If (or a stray one). */
static enum acpi_status skip_else(struct aml_frame *f, const uint8_t *limit)
{
    if (f->pc < limit && *f->pc == AML_ELSE) {
        const uint8_t *p = f->pc + 1, *e;
        enum acpi_status st = acpi_aml_parse_pkglen(&p, limit, &e);
        if (st != ACPI_OK) {
            return st;
        }
        f->pc = e;
    }
    return ACPI_OK;
}

static enum acpi_status loop_check(struct acpi_aml *aml, struct aml_frame *f)
{
    uint64_t now = acpi_aml_clock_ns(aml);
    if (now - f->loop_start > (uint64_t)aml->limits.loop_timeout_s * 1000u * MS) {
        return ACPI_AML_LOOP_TIMEOUT;
    }
    return ACPI_OK;
}

static enum acpi_status complete(struct acpi_aml *aml)
{
    struct aml_item *it = top(aml);
    struct aml_frame *f = acpi_aml_current_frame(aml);
    if ((it->flags & AML_IT_DEAD) != 0) {
        return complete_dead(aml, it);
    }
    struct aml_object *out = NULL;
    enum acpi_status st;
    bool truth;
    switch (it->op) {
    case AML_PSEUDO_CALL:
        return call_method(aml, it);
    case AML_IF:
    case AML_WHILE: {
        uint64_t v;
        st = acpi_aml_to_integer(aml, it->args[0], &v);
        if (st != ACPI_OK) {
            return st;
        }
        truth = v != 0;
        if (it->op == AML_WHILE) {
            if (!truth) {
                f->pc = it->end;
                if (f->loop_depth > 0 && --f->loop_depth == 0) {
                    f->loop_start = 0;
                }
                return deliver(aml, NULL);
            }
        } else if (!truth) {
            /* The Else (if any) runs as the If's body. */
            f->pc = it->end;
            if (f->pc < acpi_aml_item_at(aml, aml->exec.nitems - 2)->end && *f->pc == AML_ELSE) {
                const uint8_t *p = f->pc + 1;
                const uint8_t *outer = acpi_aml_item_at(aml, aml->exec.nitems - 2)->end;
                st = acpi_aml_parse_pkglen(&p, outer, &it->end);
                if (st != ACPI_OK) {
                    return st;
                }
                f->pc = p;
                it->op = AML_ELSE;
                it->state = AML_ST_BODY;
                return ACPI_OK;
            }
            return deliver(aml, NULL);
        }
        it->state = AML_ST_BODY;
        return ACPI_OK;
    }
    case AML_ELSE:
        /* An Else not consumed by its If: the If was taken. */
        f->pc = it->end;
        return deliver(aml, NULL);
    case AML_SCOPE: {
        /* Any node may be opened, as ACPICA allows (some firmware scopes into
         * a Name); the body's objects go under it. */
        it->scope = it->nodes[0];
        it->state = AML_ST_BODY;
        return ACPI_OK;
    }
    case AML_BREAK:
    case AML_CONTINUE: {
        /* The innermost While of this frame whose body runs. */
        uint32_t i = aml->exec.nitems - 1;
        while (i > f->item_base &&
               !(acpi_aml_item_at(aml, i)->op == AML_WHILE &&
                 acpi_aml_item_at(aml, i)->state == AML_ST_BODY)) {
            i--;
        }
        if (i == f->item_base) {
            return ACPI_AML_BAD_OPCODE;   /* Break/Continue outside a While */
        }
        bool is_break = it->op == AML_BREAK;
        while (aml->exec.nitems - 1 > i) {
            pop_item(aml);
        }
        f->pc = top(aml)->end;            /* Continue: body_done evaluates again */
        if (is_break) {
            if (f->loop_depth > 0 && --f->loop_depth == 0) {
                f->loop_start = 0;
            }
            return deliver(aml, NULL);
        }
        return ACPI_OK;
    }
    case AML_RETURN: {
        acpi_aml_obj_put(&aml->mem, f->ret);
        f->ret = it->args[0];
        it->args[0] = NULL;
        it->nargs = 0;
        /* Unwind to the method body; it ends at once. */
        while (aml->exec.nitems - 1 > f->item_base) {
            pop_item(aml);
        }
        f->pc = top(aml)->end;
        return ACPI_OK;
    }
    case AML_NOOP:
        return deliver(aml, NULL);
    case AML_PSEUDO_ELEMENT:
        out = it->args[0];
        it->args[0] = NULL;
        return deliver(aml, out);
    case AML_BREAKPOINT:
        acpi_aml_log(aml, ACPI_AML_LOG_INFO, "AML BreakPoint");
        return deliver(aml, NULL);
    case AML_EXTERNAL:
        /* ACPI 6.5, 19.6.45: a compiler hint; ACPICA's interpreter creates
         * nothing for it, so neither do we. */
        return deliver(aml, NULL);
    case AML_BUFFER: {
        uint64_t size;
        st = acpi_aml_to_integer(aml, it->args[0], &size);
        if (st != ACPI_OK) {
            return st;
        }
        size_t init = (size_t)(it->end - f->pc);
        /* ACPI 6.5, 19.6.10: a larger initialiser sets the size. */
        if (size < init) {
            size = init;
        }
        if (size > aml->limits.max_object_bytes) {
            return ACPI_AML_OUT_OF_MEMORY;
        }
        out = acpi_aml_obj_buffer(&aml->mem, NULL, (uint32_t)size);
        if (out == NULL) {
            return ACPI_AML_OUT_OF_MEMORY;
        }
        for (size_t i = 0; i < init; i++) {
            out->u.buffer.data[i] = f->pc[i];
        }
        f->pc = it->end;
        return deliver(aml, out);
    }
    case AML_PACKAGE:
    case AML_VAR_PACKAGE: {
        uint64_t count;
        if (it->op == AML_PACKAGE) {
            count = it->imm[0];
        } else {
            st = acpi_aml_to_integer(aml, it->args[0], &count);
            if (st != ACPI_OK) {
                return st;
            }
        }
        if (count > aml->limits.max_object_bytes / sizeof(struct aml_object *)) {
            return ACPI_AML_OUT_OF_MEMORY;
        }
        it->build = acpi_aml_obj_package(&aml->mem, (uint32_t)count);
        if (it->build == NULL) {
            return ACPI_AML_OUT_OF_MEMORY;
        }
        it->state = AML_ST_ELEMS;
        return ACPI_OK;
    }
    default:
        break;
    }
    if ((it->info->flags & AML_OPF_NAMED) != 0 || it->op == AML_FIELD ||
        it->op == AML_INDEX_FIELD || it->op == AML_BANK_FIELD) {
        struct acpi_aml_node *body = NULL;
        st = acpi_aml_named_create(aml, it, &body);
        if (st != ACPI_OK) {
            return st;
        }
        if ((it->info->flags & AML_OPF_BODY) != 0) {
            it->scope = body;
            it->state = AML_ST_BODY;
            return ACPI_OK;
        }
        if (it->info->args[0] == 'p') {
            f->pc = it->end;
        }
        return deliver(aml, NULL);
    }
    switch (it->op) {
    case AML_LOAD:
    case AML_LOAD_TABLE:
    case AML_UNLOAD:
        st = acpi_aml_ops_load(aml, it, &out);
        break;
    case AML_ACQUIRE:
    case AML_RELEASE:
    case AML_SIGNAL:
    case AML_WAIT:
    case AML_RESET:
    case AML_SLEEP:
    case AML_STALL:
    case AML_NOTIFY:
    case AML_FATAL:
    case AML_TIMER:
        st = acpi_aml_ops_sync(aml, it, &out);
        break;
    case AML_ADD: case AML_SUBTRACT: case AML_MULTIPLY: case AML_DIVIDE: case AML_MOD:
    case AML_SHIFT_LEFT: case AML_SHIFT_RIGHT: case AML_AND: case AML_NAND: case AML_OR:
    case AML_NOR: case AML_XOR: case AML_NOT: case AML_FIND_SET_LEFT_BIT:
    case AML_FIND_SET_RIGHT_BIT: case AML_LAND: case AML_LOR: case AML_LNOT: case AML_LEQUAL:
    case AML_LGREATER: case AML_LLESS: case AML_INCREMENT: case AML_DECREMENT:
    case AML_FROM_BCD: case AML_TO_BCD:
        st = acpi_aml_ops_math(aml, it, &out);
        break;
    default:
        st = acpi_aml_ops_data(aml, it, &out);
        break;
    }
    if (st != ACPI_OK) {
        acpi_aml_obj_put(&aml->mem, out);
        return st;
    }
    return deliver(aml, out);
}

/* A TermList element starts at pc in BODY item `it`. */
static enum acpi_status start_term(struct acpi_aml *aml)
{
    struct aml_item *it = top(aml);
    struct aml_frame *f = acpi_aml_current_frame(aml);
    const uint8_t *start = f->pc;
    uint8_t b = *start;
    if (acpi_aml_is_name_start(b) || (b >= AML_LOCAL0 && b <= AML_ARG6) ||
        b == AML_ZERO || b == AML_ONE || b == AML_ONES || b == AML_BYTE_PREFIX ||
        b == AML_WORD_PREFIX || b == AML_DWORD_PREFIX || b == AML_QWORD_PREFIX ||
        b == AML_STRING_PREFIX) {
        /* A bare name (a method call, or a plain name) or data as a statement:
         * evaluated through a Noop-like holder whose one argument is a TermArg. */
        static const struct aml_opinfo holder = { "Expression", "t", 0 };
        enum acpi_status st = push_item(aml, AML_NOOP, &holder, start, 0);
        if (st != ACPI_OK) {
            return st;
        }
        return ACPI_OK;
    }
    uint16_t op = b;
    const uint8_t *p = start + 1;
    if (b == AML_EXT_PREFIX) {
        if (it->end - start < 2) {
            return ACPI_TRUNCATED;
        }
        op = (uint16_t)AML_EXT(start[1]);
        p = start + 2;
    }
    const struct aml_opinfo *info = acpi_aml_opcode_info(op);
    if (info == NULL || op == AML_DEBUG) {
        return ACPI_AML_BAD_OPCODE;
    }
    f->pc = p;
    enum acpi_status st = push_item(aml, op, info, start, 0);
    if (st != ACPI_OK) {
        return st;
    }
    if (op == AML_WHILE) {
        if (f->loop_depth++ == 0) {
            f->loop_start = acpi_aml_clock_ns(aml);
        }
    }
    return ACPI_OK;
}

/* The TermList of BODY item `it` reached its end. */
static enum acpi_status body_done(struct acpi_aml *aml)
{
    struct aml_item *it = top(aml);
    struct aml_frame *f = acpi_aml_current_frame(aml);
    switch (it->op) {
    case AML_WHILE: {
        enum acpi_status st = loop_check(aml, f);
        if (st != ACPI_OK) {
            return st;
        }
        /* Evaluate the predicate again: back to just after the PkgLength. */
        f->pc = it->start + 1;
        const uint8_t *end;
        st = acpi_aml_parse_pkglen(&f->pc, acpi_aml_item_at(aml, aml->exec.nitems - 2)->end, &end);
        if (st != ACPI_OK) {
            return st;
        }
        it->end = end;
        release_item(aml, it);
        it->nargs = 0;
        it->build = NULL;
        it->argi = 1;
        it->state = AML_ST_ARGS;
        return ACPI_OK;
    }
    case AML_IF: {
        f->pc = it->end;
        enum acpi_status st = skip_else(f, acpi_aml_item_at(aml, aml->exec.nitems - 2)->end);
        if (st != ACPI_OK) {
            return st;
        }
        return deliver(aml, NULL);
    }
    case AML_PSEUDO_METHOD: {
        struct aml_object *ret = f->ret;
        f->ret = NULL;
        pop_item(aml);
        pop_frame(aml);
        /* The PSEUDO_CALL (or the host's item) below gets the value. */
        struct aml_item *c = top(aml);
        if (c->state == AML_ST_HOST) {
            acpi_aml_obj_put(&aml->mem, c->args[0]);
            c->args[0] = ret;
            if (c->nargs == 0) {
                c->nargs = 1;
            }
            return ACPI_OK;
        }
        if (ret == NULL) {
            /* ACPICA: a method without Return yields Zero when a value is
             * needed (implicit return). */
            ret = acpi_aml_obj_integer(&aml->mem, 0);
            if (ret == NULL) {
                return ACPI_AML_OUT_OF_MEMORY;
            }
        }
        return deliver(aml, ret);
    }
    case AML_PSEUDO_TABLE:
        pop_item(aml);
        pop_frame(aml);
        return ACPI_OK;
    default:
        /* Scope, Device, Processor, PowerResource, ThermalZone, Else. */
        f->pc = it->end;
        return deliver(aml, NULL);
    }
}

/* ---- method calls ---------------------------------------------------------------- */

static enum acpi_status osi_answer(struct acpi_aml *aml, struct aml_object *arg, uint64_t *out)
{
    if (arg == NULL || arg->type != ACPI_AML_TYPE_STRING) {
        return ACPI_AML_BAD_OPERAND;
    }
    *out = 0;
    for (const struct aml_osi *o = aml->osi; o != NULL; o = o->next) {
        if (o->len == arg->u.string.len) {
            uint32_t i = 0;
            while (i < o->len && o->name[i] == arg->u.string.data[i]) {
                i++;
            }
            if (i == o->len) {
                /* ACPICA answers 0xFFFFFFFF (what Windows returns), not Ones. */
                *out = 0xFFFFFFFFull;
                break;
            }
        }
    }
    return ACPI_OK;
}

/* Enter a method: args of `it` (a PSEUDO_CALL, or a host item with argc in
 * ncall) become the new frame's arguments. */
static enum acpi_status enter_method(struct acpi_aml *aml, struct aml_item *it,
                                     struct acpi_aml_node *node)
{
    struct aml_object *m = node->object;
    if (m->u.method.native == AML_NATIVE_OSI) {
        uint64_t v;
        /* A host item keeps its result in args[0], the arguments after it. */
        uint8_t first = it->state == AML_ST_HOST ? 1 : 0;
        enum acpi_status st = osi_answer(aml, it->nargs > first ? it->args[first] : NULL, &v);
        if (st != ACPI_OK) {
            return st;
        }
        struct aml_object *r = acpi_aml_obj_integer(&aml->mem, v);
        if (r == NULL) {
            return ACPI_AML_OUT_OF_MEMORY;
        }
        if (it->state == AML_ST_HOST) {
            acpi_aml_obj_put(&aml->mem, it->args[0]);
            it->args[0] = r;
            return ACPI_OK;
        }
        return deliver(aml, r);
    }
    struct aml_frame *f;
    enum acpi_status st = push_frame(aml, &f);
    if (st != ACPI_OK) {
        return st;
    }
    f->method = node;
    /* Kept while it runs: another context may replace the node's object
     * (CopyObject) while this one is blocked; the body's bytes are the
     * table's, which live until destroy. */
    f->method_obj = acpi_aml_obj_get(m);
    f->table = m->u.method.table;
    f->int32 = m->u.method.table < aml->ntables && aml->tables[m->u.method.table].int32;
    uint32_t nargs = it->state == AML_ST_HOST ? it->ncall : it->nargs;
    for (uint32_t i = 0; i < nargs && i < AML_MAX_ARGS; i++) {
        struct aml_object *a = it->args[it->state == AML_ST_HOST ? i + 1 : i];
        /* Shared, as ACPICA passes them: a store into ArgN replaces the slot,
         * a store through Index() reaches the caller's buffer or package. */
        f->args[i] = acpi_aml_obj_get(a);
    }
    bool serialized = (m->u.method.flags & 0x08) != 0;
    if (!serialized && aml->threaded) {
        /* Auto-serialisation, as ACPICA's default (AcpiGbl_AutoSerializeMethods,
         * acpi_ds_auto_serialize_method): a NotSerialized method that creates
         * named objects is run Serialized, or a second context entering it
         * while the first is blocked would fail on the first one's names
         * (AlreadyExists). Scanned once, at its first call, when the namespace
         * its calls name is loaded; single-threaded, nothing changes. */
        if (m->u.method.auto_serial == AML_AUTO_UNKNOWN) {
            m->u.method.auto_serial =
                acpi_aml_body_creates_names(&aml->ns, node, m->u.method.code, m->u.method.len)
                    ? AML_AUTO_YES
                    : AML_AUTO_NO;
        }
        serialized = m->u.method.auto_serial == AML_AUTO_YES;
    }
    if (serialized) {
        /* Serialized: an implicit mutex at the method's SyncLevel; an
         * auto-serialised one's is at 0 and outside the SyncLevel order
         * (ACPICA's ACPI_METHOD_IGNORE_SYNC_LEVEL: the firmware's own
         * levels must not conflict with a mutex it never declared). */
        struct aml_object *mx = m->u.method.mutex;
        if (mx == NULL) {
            mx = acpi_aml_obj_new(&aml->mem, ACPI_AML_TYPE_MUTEX);
            if (mx == NULL) {
                pop_frame(aml);
                return ACPI_AML_OUT_OF_MEMORY;
            }
            mx->u.mutex.sync_level = (uint8_t)(m->u.method.flags >> 4);
            mx->u.mutex.ignore_level = (m->u.method.flags & 0x08) == 0;
            if (mx->u.mutex.ignore_level) {
                mx->u.mutex.sync_level = 0;
            }
            m->u.method.mutex = mx;
        }
        /* Held already: a recursive call by the same thread, which ACPICA
         * allows (the depth counts it). Below the current level: refused.
         * Held by another context: wait for it, as ACPICA does (forever).
         * The method object is kept while this context may block. */
        bool got;
        st = acpi_aml_sync_acquire(aml, mx, AML_WAIT_FOREVER, &got);
        if (st != ACPI_OK) {
            pop_frame(aml);
            return st;
        }
        f->serial_mutex = got ? acpi_aml_obj_get(mx) : NULL;
    }
    f->item_base = aml->exec.nitems;
    st = push_item(aml, AML_PSEUDO_METHOD, NULL, m->u.method.code, 0);
    if (st != ACPI_OK) {
        pop_frame(aml);
        return st;
    }
    struct aml_item *body = top(aml);
    body->end = m->u.method.code + m->u.method.len;
    body->scope = node;
    body->state = AML_ST_BODY;
    body->flags = 0;
    f->pc = m->u.method.code;
    return ACPI_OK;
}

static enum acpi_status call_method(struct acpi_aml *aml, struct aml_item *it)
{
    it->state = AML_ST_WAIT;
    return enter_method(aml, it, it->call);
}

/* ---- the loop and error recovery ------------------------------------------- */

static struct aml_object *node_ref(struct acpi_aml *aml, struct acpi_aml_node *n)
{
    struct aml_object *r = acpi_aml_obj_ref(&aml->mem, AML_REF_NODE);
    if (r != NULL) {
        r->u.ref.node = n;
    }
    return r;
}

static uint8_t args_len(const struct aml_opinfo *info)
{
    uint8_t n = 0;
    while (info != NULL && info->args[n] != '\0') {
        n++;
    }
    return n;
}

/* After an error at a table's top level (table frame at index tf): unwind the
 * method frames above it and let the failing statement finish as DEAD. */
static void recover(struct acpi_aml *aml, uint32_t tf, enum acpi_status st)
{
    while (aml->exec.nframes - 1 > tf) {
        struct aml_frame *f = acpi_aml_current_frame(aml);
        while (aml->exec.nitems > f->item_base) {
            pop_item(aml);
        }
        pop_frame(aml);
    }
    bool syntax = st == ACPI_TRUNCATED || st == ACPI_AML_BAD_OPCODE;
    struct aml_frame *f = acpi_aml_current_frame(aml);
    if (syntax) {
        /* The bytes cannot be decoded further: drop everything up to the
         * innermost construct with a PkgLength and continue after it. */
        while (aml->exec.nitems - 1 > f->item_base) {
            struct aml_item *it = top(aml);
            bool bounded = it->info != NULL && it->info->args[0] == 'p' && it->argi > 0;
            if (bounded) {
                f->pc = it->end;
                it->flags |= AML_IT_DEAD;
                it->argi = (uint8_t)args_len(it->info);
                it->state = AML_ST_ARGS;
                return;
            }
            pop_item(aml);
        }
        /* The table level itself: skip to its end. */
        f->pc = top(aml)->end;
        return;
    }
    /* Every op above the innermost TermList becomes DEAD and still parses. */
    for (uint32_t i = aml->exec.nitems - 1; i > f->item_base; i--) {
        struct aml_item *it = acpi_aml_item_at(aml, i);
        if (it->state == AML_ST_BODY) {
            if (i == aml->exec.nitems - 1) {
                /* The TermList's own end failed (a While's timeout): end it. */
                f->pc = it->end;
                it->flags |= AML_IT_DEAD;
                it->state = AML_ST_ARGS;
                it->argi = (uint8_t)args_len(it->info);
            }
            break;
        }
        it->flags |= AML_IT_DEAD;
        if (it->state == AML_ST_WAIT) {
            it->state = AML_ST_ARGS;       /* its call was abandoned above */
        }
        if (it->state == AML_ST_ELEMS) {
            f->pc = it->end;
            it->state = AML_ST_ARGS;
            it->argi = (uint8_t)args_len(it->info);
        }
    }
}

static enum acpi_status run(struct acpi_aml *aml, uint32_t base, uint32_t table_frame,
                            bool recoverable)
{
    enum acpi_status first = ACPI_OK;
    while (aml->exec.nitems - 1 > base) {
        struct aml_item *it = top(aml);
        struct aml_frame *f = acpi_aml_current_frame(aml);
        enum acpi_status st;
        switch (it->state) {
        case AML_ST_ARGS:
            st = next_arg(aml);
            break;
        case AML_ST_BODY:
            st = f->pc < it->end ? start_term(aml) : body_done(aml);
            break;
        case AML_ST_ELEMS:
            if (f->pc >= it->end) {
                struct aml_object *pkg = it->build;
                it->build = NULL;
                st = deliver(aml, pkg);
            } else if (acpi_aml_is_name_start(*f->pc)) {
                /* ACPI 6.5, 19.6.102: a name element is a reference to the
                 * object, not its value; unresolved ones stay as the path. */
                struct aml_name name;
                const uint8_t *s = f->pc;
                st = acpi_aml_parse_name(&f->pc, it->end, &name);
                if (st == ACPI_OK) {
                    struct acpi_aml_node *n = acpi_aml_name_lookup(&aml->ns, it->scope, &name);
                    struct aml_object *e;
                    uint8_t t = n != NULL && n->object != NULL ? n->object->type : 0;
                    e = NULL;
                    if (t == ACPI_AML_TYPE_INTEGER || t == ACPI_AML_TYPE_STRING ||
                        t == ACPI_AML_TYPE_BUFFER || t == ACPI_AML_TYPE_PACKAGE) {
                        /* ACPICA resolves a named data object to its value, */
                        e = acpi_aml_obj_copy(&aml->mem, n->object);
                    } else if (t == ACPI_AML_TYPE_FIELD_UNIT || t == ACPI_AML_TYPE_BUFFER_FIELD) {
                        /* a field to the value read when the package is built
                         * (a failed read leaves the reference), */
                        if (acpi_aml_node_value(aml, n, &e) != ACPI_OK) {
                            e = node_ref(aml, n);
                        }
                    } else if (n != NULL) {
                        /* anything else to a reference to the node. */
                        e = node_ref(aml, n);
                    } else {
                        e = acpi_aml_obj_string(&aml->mem, (const char *)s, (uint32_t)(f->pc - s));
                    }
                    if (e == NULL) {
                        st = ACPI_AML_OUT_OF_MEMORY;
                    } else if (it->build_i < it->build->u.package.count) {
                        it->build->u.package.elems[it->build_i++] = e;
                    } else {
                        acpi_aml_obj_put(&aml->mem, e);
                        it->build_i++;
                    }
                }
            } else {
                static const struct aml_opinfo element = { "PackageElement", "t", 0 };
                st = push_item(aml, AML_PSEUDO_ELEMENT, &element, f->pc, 0);
            }
            break;
        case AML_ST_WAIT:
        default:
            st = ACPI_AML_BAD_OPCODE;   /* cannot happen: a WAIT item is never on top */
            break;
        }
        if (st != ACPI_OK) {
            struct aml_frame *ef = acpi_aml_current_frame(aml);
            const struct aml_table *t = &aml->tables[ef->table < aml->ntables ? ef->table : 0];
            uint32_t off = ef->pc >= t->bytes && ef->pc <= t->bytes + t->len
                               ? (uint32_t)(ef->pc - t->bytes) : 0;
            acpi_aml_report(aml, st, ef->method != NULL ? ef->method : top(aml)->scope, off);
            if (first == ACPI_OK) {
                first = st;
            }
            if (!recoverable) {
                while (aml->exec.nitems - 1 > base) {
                    pop_item(aml);
                }
                while (aml->exec.nframes > table_frame) {
                    pop_frame(aml);
                }
                return st;
            }
            recover(aml, table_frame, st);
        }
    }
    return first;
}

static enum acpi_status run_table(struct acpi_aml *aml, const struct aml_table *t,
                                  uint8_t index, struct acpi_aml_node *scope);

enum acpi_status acpi_aml_exec_table(struct acpi_aml *aml, uint8_t index,
                                     struct acpi_aml_node *scope)
{
    const struct aml_table *t = &aml->tables[index];
    bool entered;
    enum acpi_status st = acpi_aml_context_enter(aml, &entered);
    if (st != ACPI_OK) {
        return st;
    }
    /* From Load inside running AML this is a re-entry: bounded like the others
     * (a table that loads itself ends here). */
    if (aml->exec.nframes != 0 && aml->exec.nested >= AML_MAX_NESTED) {
        st = ACPI_AML_STACK_OVERFLOW;
    } else {
        aml->exec.nested++;
        st = run_table(aml, t, index, scope != NULL ? scope : aml->ns.root);
        aml->exec.nested--;
    }
    acpi_aml_context_leave(aml, entered);
    return st;
}

static enum acpi_status run_table(struct acpi_aml *aml, const struct aml_table *t, uint8_t index,
                                  struct acpi_aml_node *scope)
{
    enum acpi_status st = push_item(aml, AML_NOOP, NULL, t->bytes, 0);
    if (st != ACPI_OK) {
        return st;
    }
    uint32_t base = aml->exec.nitems - 1;
    top(aml)->state = AML_ST_HOST;
    struct aml_frame *f;
    st = push_frame(aml, &f);
    if (st != ACPI_OK) {
        pop_item(aml);
        return st;
    }
    uint32_t tf = aml->exec.nframes - 1;
    f->table = index;
    f->int32 = t->int32;
    f->pc = t->bytes + 36;     /* after the table header (ACPI 6.5, 5.2.6) */
    f->item_base = aml->exec.nitems;
    st = push_item(aml, AML_PSEUDO_TABLE, NULL, f->pc, 0);
    if (st != ACPI_OK) {
        pop_frame(aml);
        pop_item(aml);
        return st;
    }
    struct aml_item *body = top(aml);
    body->state = AML_ST_BODY;
    body->end = t->bytes + t->len;
    body->scope = scope;
    body->flags = 0;
    st = run(aml, base, tf, true);
    pop_item(aml);
    return st;
}

static enum acpi_status call_in_context(struct acpi_aml *aml, struct acpi_aml_node *node,
                                        struct aml_object **args, uint32_t argc,
                                        struct aml_object **result)
{
    node = acpi_aml_node_resolve_alias(node);
    if (node == NULL) {
        return ACPI_AML_UNRESOLVED_NAME;
    }
    /* Every host-side re-entry counts, a data object's too: reading a
     * PCI_Config field whose device's _ADR is itself such a field re-enters
     * through the region code without ever calling a method. */
    if (aml->exec.nested >= AML_MAX_NESTED) {
        return ACPI_AML_STACK_OVERFLOW;
    }
    if (node->object == NULL || node->object->type != ACPI_AML_TYPE_METHOD) {
        enum acpi_status st;
        aml->exec.nested++;
        if (aml->exec.nframes == 0) {
            /* Reading a field needs a frame for the integer width. */
            struct aml_frame *f;
            st = push_frame(aml, &f);
            if (st == ACPI_OK) {
                f->table = node->table;
                f->int32 = node->table < aml->ntables && aml->tables[node->table].int32;
                st = acpi_aml_node_value(aml, node, result);
                pop_frame(aml);
            }
        } else {
            st = acpi_aml_node_value(aml, node, result);
        }
        aml->exec.nested--;
        return st;
    }
    if (argc + 1 > AML_MAX_ARGS) {
        return ACPI_INVALID_ARGUMENT;
    }
    /* Fewer arguments than declared: the missing ones stay unset and reading
     * one fails with ACPI_AML_UNINITIALIZED, as ACPICA runs such a call. */
    enum acpi_status st = push_item(aml, AML_NOOP, NULL, NULL, 0);
    if (st != ACPI_OK) {
        return st;
    }
    uint32_t base = aml->exec.nitems - 1;
    struct aml_item *h = top(aml);
    h->state = AML_ST_HOST;
    h->flags = 0;
    h->args[0] = NULL;
    for (uint32_t i = 0; i < argc; i++) {
        h->args[i + 1] = acpi_aml_obj_get(args[i]);
    }
    h->nargs = (uint8_t)(argc + 1);
    h->ncall = (uint8_t)argc;
    uint32_t frames_before = aml->exec.nframes;
    aml->exec.nested++;
    st = enter_method(aml, h, node);
    if (st == ACPI_OK) {
        st = run(aml, base, frames_before, false);
    } else {
        acpi_aml_report(aml, st, node, 0);
    }
    aml->exec.nested--;
    h = acpi_aml_item_at(aml, base);
    if (st == ACPI_OK) {
        *result = h->args[0];
        h->args[0] = NULL;
    }
    pop_item(aml);
    return st;
}

enum acpi_status acpi_aml_exec_call(struct acpi_aml *aml, struct acpi_aml_node *node,
                               struct aml_object **args, uint32_t argc,
                               struct aml_object **result)
{
    *result = NULL;
    bool entered;
    enum acpi_status st = acpi_aml_context_enter(aml, &entered);
    if (st != ACPI_OK) {
        return st;
    }
    st = call_in_context(aml, node, args, argc, result);
    acpi_aml_context_leave(aml, entered);
    return st;
}
