/* acpi/aml_memory.c - the interpreter's allocator front end (accounting, the
 * host's cap, the peak) and the ready-made arena over one caller buffer. */
#include "acpi/aml_object.h"

/* Arena layout: this header at the (16-aligned) start of the buffer, then the
 * bump region. Frees are sized (the interpreter always knows a block's size),
 * so blocks carry no header: small sizes go to exact free lists per 16-byte
 * class, larger ones to one first-fit list whose entries keep their size. */
#define ARENA_ALIGN 16u
#define ARENA_SMALL_MAX 1024u
#define ARENA_CLASSES (ARENA_SMALL_MAX / ARENA_ALIGN)

struct arena_large {
    struct arena_large *next;
    size_t size;
};

struct acpi_aml_arena {
    uint8_t *base, *bump, *end, *high;
    void *small[ARENA_CLASSES];
    struct arena_large *large;
};

static size_t arena_round(size_t size)
{
    if (size == 0) {
        size = 1;
    }
    return (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
}

static void *arena_alloc(void *ctx, size_t size)
{
    struct acpi_aml_arena *a = ctx;
    size_t need = arena_round(size);
    if (need < size) {
        return NULL;                      /* overflow */
    }
    if (need <= ARENA_SMALL_MAX) {
        void **head = &a->small[need / ARENA_ALIGN - 1];
        if (*head != NULL) {
            void *p = *head;
            *head = *(void **)p;
            return p;
        }
    } else {
        for (struct arena_large **pp = &a->large; *pp != NULL; pp = &(*pp)->next) {
            struct arena_large *b = *pp;
            if (b->size < need) {
                continue;
            }
            if (b->size - need > ARENA_SMALL_MAX) {
                /* Split: the tail stays on the list. */
                struct arena_large *rest = (struct arena_large *)(void *)((uint8_t *)b + need);
                rest->size = b->size - need;
                rest->next = b->next;
                *pp = rest;
            } else {
                *pp = b->next;
                /* The whole block is handed out; the slack is lost until reset,
                 * since the caller frees `size`, not b->size. */
            }
            return b;
        }
    }
    if ((size_t)(a->end - a->bump) < need) {
        return NULL;
    }
    void *p = a->bump;
    a->bump += need;
    if (a->bump > a->high) {
        a->high = a->bump;
    }
    return p;
}

static void arena_free(void *ctx, void *ptr, size_t size)
{
    struct acpi_aml_arena *a = ctx;
    size_t need = arena_round(size);
    if ((uint8_t *)ptr + need == a->bump) {
        a->bump = ptr;                    /* the last block: give it back to the bump */
        return;
    }
    if (need <= ARENA_SMALL_MAX) {
        void **head = &a->small[need / ARENA_ALIGN - 1];
        *(void **)ptr = *head;
        *head = ptr;
        return;
    }
    struct arena_large *b = ptr;
    b->size = need;
    b->next = a->large;
    a->large = b;
}

enum acpi_status acpi_aml_arena_init(void *buf, size_t len, struct acpi_aml_memory *mem)
{
    if (buf == NULL || mem == NULL) {
        return ACPI_INVALID_ARGUMENT;
    }
    uintptr_t start = ((uintptr_t)buf + ARENA_ALIGN - 1) & ~(uintptr_t)(ARENA_ALIGN - 1);
    size_t skip = (size_t)(start - (uintptr_t)buf);
    size_t hdr = arena_round(sizeof(struct acpi_aml_arena));
    if (len < skip + hdr + ARENA_ALIGN) {
        return ACPI_BUFFER_TOO_SMALL;
    }
    struct acpi_aml_arena *a = (struct acpi_aml_arena *)start;
    for (size_t i = 0; i < ARENA_CLASSES; i++) {
        a->small[i] = NULL;
    }
    a->large = NULL;
    a->bump = (uint8_t *)start + hdr;
    a->base = buf;
    a->high = a->bump;
    a->end = (uint8_t *)buf + len;
    mem->ctx = a;
    mem->alloc = arena_alloc;
    mem->free = arena_free;
    mem->cap = 0;
    return ACPI_OK;
}

size_t acpi_aml_arena_high_water(const struct acpi_aml_memory *mem)
{
    const struct acpi_aml_arena *a = mem->ctx;
    return (size_t)(a->high - a->base);
}

void *acpi_aml_alloc(struct aml_memory *m, size_t size)
{
    if (size == 0) {
        size = 1;
    }
    if (m->host.cap != 0 && (size > m->host.cap || m->used > m->host.cap - size)) {
        return NULL;
    }
    void *p = m->host.alloc(m->host.ctx, size);
    if (p != NULL) {
        m->used += size;
        if (m->used > m->peak) {
            m->peak = m->used;
        }
    }
    return p;
}

void *acpi_aml_zalloc(struct aml_memory *m, size_t size)
{
    uint8_t *p = acpi_aml_alloc(m, size);
    if (p != NULL) {
        for (size_t i = 0; i < size; i++) {
            p[i] = 0;
        }
    }
    return p;
}

void acpi_aml_free(struct aml_memory *m, void *ptr, size_t size)
{
    if (ptr == NULL) {
        return;
    }
    if (size == 0) {
        size = 1;
    }
    m->used -= size;
    m->host.free(m->host.ctx, ptr, size);
}
