/* acpi/aml_host.h wait/wake: the interpreter on a multi-threaded host (POSIX
 * threads: a pthread mutex is the host lock, a condition variable on it the
 * wait/wake pair), over ASL that iasl compiles at test time.
 *
 * Expected values: ACPI 6.5, 19.6.2 and 19.6.148 (Acquire and Wait return
 * True, all ones, when they time out; ACPICA's exoparg2.c stores
 * ACPI_UINT64_MAX), ownership per thread and the release of what a thread
 * still holds at the end of its outermost method as ACPICA does them; where a
 * case runs single-threaded, acpiexec's result of the same method (`acpiexec
 * -b "Execute \X"`) is the expected value, read at test time.
 *
 * The cases do not depend on timing: a thread that must hold a mutex loops in
 * `While (GO == 0) { Sleep (5) }` (the lock given up in each Sleep) until the
 * test sets GO, and the test sets it only once the host has seen the other
 * thread block in wait (its count of blocked waiters). */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "acpi/aml.h"
#include "acpi/aml_device.h"
#include "acpi/aml_events.h"
/* White box, for the corpus case only: the scan's verdict on each method. */
#include "acpi/aml_exec.h"
#include "acpi/aml_parse.h"
#include "aml_host.h"
#include "support.h"

/* The DSDT: mutexes at levels 0 and 5, an event, methods for each side of
 * each case. GO releases the holding side. */
static const char dsdt_asl[] =
    "DefinitionBlock (\"\", \"DSDT\", 2, \"OSDEV\", \"THREADS\", 1)\n"
    "{\n"
    "    Mutex (MTX0, 0)\n"
    "    Mutex (MTX1, 0)\n"
    "    Mutex (MLO, 0)\n"
    "    Mutex (MHI, 5)\n"
    "    Event (EV0)\n"
    "    Name (STEP, 0)\n"
    "    Name (GO, 0)\n"
    "    Name (DDBH, 0)\n"
    "    Method (SETG, 0) { GO = 1 }\n"
    "    Method (CLRG, 0) { GO = 0  STEP = 0 }\n"
    "    Method (HOLD, 0)\n"
    "    {\n"
    "        Local0 = Acquire (MTX0, 0xFFFF)\n"
    "        STEP = 1\n"
    "        While (GO == 0) { Sleep (5) }\n"
    "        STEP = 2\n"
    "        Release (MTX0)\n"
    "        Return (Local0)\n"
    "    }\n"
    "    Method (TAKW, 0)\n"
    "    {\n"
    "        Local0 = Acquire (MTX0, 0xFFFF)\n"
    "        Local1 = STEP\n"
    "        If (Local0 == 0) { Release (MTX0) }\n"
    "        Return (Local0 | (Local1 << 8))\n"
    "    }\n"
    "    Method (TAKT, 0)\n"
    "    {\n"
    "        Local0 = Acquire (MTX0, 20)\n"
    "        Return (Local0)\n"
    "    }\n"
    "    Method (WEVT, 1)\n"
    "    {\n"
    "        STEP = 3\n"
    "        If (Arg0) { Return (Wait (EV0, 0xFFFF)) }\n"
    "        Return (Wait (EV0, 10))\n"
    "    }\n"
    "    Method (SIGN, 0) { Signal (EV0) }\n"
    "    Method (HIGH, 0)\n"
    "    {\n"
    "        Local0 = Acquire (MHI, 0xFFFF)\n"
    "        STEP = 4\n"
    "        While (GO == 0) { Sleep (5) }\n"
    "        Release (MHI)\n"
    "        Return (Local0)\n"
    "    }\n"
    "    Method (LOW, 0)\n"
    "    {\n"
    "        Local0 = Acquire (MLO, 0)\n"
    "        Release (MLO)\n"
    "        Return (Local0)\n"
    "    }\n"
    "    Method (ORDR, 0)\n"
    "    {\n"
    "        Acquire (MLO, 0xFFFF)\n"
    "        Acquire (MHI, 0xFFFF)\n"
    "        Release (MLO)\n"
    "        Return (1)\n"
    "    }\n"
    "    Method (RELH, 0)\n"
    "    {\n"
    "        Release (MHI)\n"
    "        Return (1)\n"
    "    }\n"
    "    Method (KEEP, 0)\n"
    "    {\n"
    "        Local0 = Acquire (MTX1, 0xFFFF)\n"
    "        STEP = 5\n"
    "        While (GO == 0) { Sleep (5) }\n"
    "        Return (Local0)\n"
    "    }\n"
    "    Method (REL1, 0)\n"
    "    {\n"
    "        Release (MTX1)\n"
    "        Return (1)\n"
    "    }\n"
    "    Method (TAK1, 0)\n"
    "    {\n"
    "        Local0 = Acquire (MTX1, 0xFFFF)\n"
    "        Release (MTX1)\n"
    "        Return (Local0 | (STEP << 8))\n"
    "    }\n"
    "    Method (SERM, 0, Serialized)\n"
    "    {\n"
    "        STEP = 6\n"
    "        While (GO == 0) { Sleep (5) }\n"
    "        STEP = 7\n"
    "        Return (0x55)\n"
    "    }\n"
    "    Method (SERT, 0)\n"
    "    {\n"
    "        Local0 = SERM ()\n"
    "        Return (Local0 | (STEP << 8))\n"
    "    }\n"
    "    Method (LDT, 0)\n"
    "    {\n"
    "        DDBH = LoadTable (\"SSDT\", \"OSDEV\", \"THRSSDT\", \"\", \"\", 0)\n"
    "        Return (ObjectType (DDBH))\n"
    "    }\n"
    "    Method (LDT2, 0)\n"
    "    {\n"
    "        Local0 = LoadTable (\"SSDT\", \"OSDEV\", \"THRSSDT\", \"\", \"\", 0)\n"
    "        Return (ObjectType (Local0))\n"
    "    }\n"
    "    Name (DDB2, 0)\n"
    "    Method (LDI, 0)\n"
    "    {\n"
    "        DDB2 = LoadTable (\"SSDT\", \"OSDEV\", \"THRINI\", \"\", \"\", 0)\n"
    "        Return (ObjectType (DDB2))\n"
    "    }\n"
    "    Method (UNLI, 0) { Unload (DDB2) }\n"
    "    Method (UNL, 0)\n"
    "    {\n"
    "        Unload (DDBH)\n"
    "        Return (1)\n"
    "    }\n"
    /* The storm's methods: every wait bounded, so no mix can deadlock. */
    "    Name (DDBX, 0)\n"
    "    Method (MXLD, 0)\n"
    "    {\n"
    "        If (!CondRefOf (\\_SB.THRD)) {\n"
    "            CopyObject (LoadTable (\"SSDT\", \"OSDEV\", \"THRSSDT\", \"\", \"\", 0), DDBX)\n"
    "        }\n"
    "    }\n"
    "    Method (MXUL, 0) { Unload (DDBX) }\n"
    "    Method (MXMT, 0)\n"
    "    {\n"
    "        If (Acquire (MTX0, 30) == 0) { Sleep (1) Release (MTX0) }\n"
    "    }\n"
    "    Method (MXKP, 0) { Acquire (MTX1, 30) Acquire (MTX0, 30) Sleep (1) }\n"
    "    Method (MXEV, 0) { Signal (EV0) Return (Wait (EV0, 5)) }\n"
    "    Method (MXSR, 0, Serialized) { Name (TMP, 1) Sleep (1) Return (TMP) }\n"
    "    Method (FREE, 0)\n"
    "    {\n"
    "        Local0 = Acquire (MTX0, 0)\n"
    "        Local1 = Acquire (MTX1, 0)\n"
    "        Return (Local0 | Local1)\n"
    "    }\n";

/* The rest of the DSDT (one literal would pass the 4095 characters C11
 * guarantees). */
static const char dsdt_more_asl[] =
    /* The device-layer walk cases: THRWALK's devices sit in \_SB, ZZWK
     * after \_SB in walk order survives their Unload. */
    "    Device (ZZWK) { Name (_HID, \"OSDV0005\") }\n"
    "    Name (DDBW, 0)\n"
    "    Method (LDW, 0)\n"
    "    {\n"
    "        DDBW = LoadTable (\"SSDT\", \"OSDEV\", \"THRWALK\", \"\", \"\", 0)\n"
    "        Return (ObjectType (DDBW))\n"
    "    }\n"
    "    Method (UNW, 0) { Unload (DDBW) }\n"
    /* Auto-serialisation: AUTS creates a Name and sleeps (NotSerialized);
     * NONM creates none (its constants hold the bytes of Name and Device
     * opcodes); AUTI and AUTK create names and run under MHI (level 5). */
    "    Method (AUTS, 0)\n"
    "    {\n"
    "        Name (ATMP, 0x21)\n"
    "        STEP = 13\n"
    "        While (GO == 0) { Sleep (5) }\n"
    "        Return (ATMP)\n"
    "    }\n"
    "    Method (NONM, 1)\n"
    "    {\n"
    "        Local1 = 0x825B\n"
    "        Local2 = 0x08\n"
    "        If (Arg0) {\n"
    "            STEP = 14\n"
    "            While (GO == 0) { Sleep (5) }\n"
    "        }\n"
    "        Return (Arg0 + Local2)\n"
    "    }\n"
    "    Method (AUTI, 0)\n"
    "    {\n"
    "        Name (ITMP, 1)\n"
    "        Return (Acquire (MLO, 0))\n"
    "    }\n"
    "    Method (AULV, 0)\n"
    "    {\n"
    "        Acquire (MHI, 0xFFFF)\n"
    "        Local0 = AUTI ()\n"
    "        Release (MHI)\n"
    "        Return (Local0)\n"
    "    }\n"
    "    Method (AUTK, 0) { Name (KTMP, 0x33) Return (KTMP) }\n"
    "    Method (AULW, 0)\n"
    "    {\n"
    "        Acquire (MHI, 0xFFFF)\n"
    "        Local0 = AUTK ()\n"
    "        Release (MHI)\n"
    "        Return (Local0)\n"
    "    }\n"
    "}\n";

/* The table LoadTable finds (through host->find_table) and Unload removes
 * while a thread runs, or waits, in its methods. */
static const char ssdt_asl[] =
    "DefinitionBlock (\"\", \"SSDT\", 2, \"OSDEV\", \"THRSSDT\", 1)\n"
    "{\n"
    "    External (\\STEP, IntObj)\n"
    "    External (\\GO__, IntObj)\n"
    "    Device (\\_SB.THRD)\n"
    "    {\n"
    "        Name (_HID, \"OSDV0001\")\n"
    "        Mutex (SMX, 0)\n"
    "        Event (SEV)\n"
    "        Method (SLOW, 0, Serialized)\n"
    "        {\n"
    "            Name (TMP, 5)\n"
    "            \\STEP = 8\n"
    "            While (\\GO__ == 0) { Sleep (5) }\n"
    "            Sleep (1)\n"
    "            Local0 = Acquire (SMX, 0xFFFF)\n"
    "            Release (SMX)\n"
    "            Return (TMP + Local0)\n"
    "        }\n"
    "        Method (WTEV, 0)\n"
    "        {\n"
    "            \\STEP = 9\n"
    "            Return (Wait (SEV, 200))\n"
    "        }\n"
    "    }\n"
    "}\n";

/* A device whose _INI unloads its own table while the initialisation walk
 * stands on it. */
static const char init_asl[] =
    "DefinitionBlock (\"\", \"SSDT\", 2, \"OSDEV\", \"THRINI\", 1)\n"
    "{\n"
    "    External (\\UNLI, MethodObj)\n"
    "    External (\\STEP, IntObj)\n"
    "    Device (\\_SB.TINI)\n"
    "    {\n"
    "        Name (_HID, \"OSDV0002\")\n"
    "        Method (_INI, 0)\n"
    "        {\n"
    "            \\UNLI ()\n"
    "            \\STEP = 10\n"
    "        }\n"
    "        Device (CHLD) { Method (_INI, 0) { \\STEP = 11 } }\n"
    "        Method (SELF, 0)\n"
    "        {\n"
    "            Name (TMPS, 3)\n"
    "            Name (\\TMPR, 4)\n"
    "            Local0 = TMPS + TMPR\n"
    "            \\UNLI ()\n"
    "            Return (Local0)\n"
    "        }\n"
    "    }\n"
    "}\n";

/* Two devices for a device-layer walk: WLKA's _HID sleeps (the lock given
 * up) until GO, so another thread can Unload the table while the walk stands
 * on WLKA; WLKB, the next device of the walk, would match. */
static const char walk_asl[] =
    "DefinitionBlock (\"\", \"SSDT\", 2, \"OSDEV\", \"THRWALK\", 1)\n"
    "{\n"
    "    External (\\STEP, IntObj)\n"
    "    External (\\GO__, IntObj)\n"
    "    Device (\\_SB.WLKA)\n"
    "    {\n"
    "        Method (_HID, 0)\n"
    "        {\n"
    "            \\STEP = 12\n"
    "            While (\\GO__ == 0) { Sleep (5) }\n"
    "            Return (\"OSDV0004\")\n"
    "        }\n"
    "    }\n"
    "    Device (\\_SB.WLKB) { Name (_HID, \"OSDV0005\") }\n"
    "}\n";

/* A helper table the host loads: iasl, compiling it apart, takes \SERM for
 * an integer and lets CopyObject name it as a target. */
static const char help_asl[] =
    "DefinitionBlock (\"\", \"SSDT\", 2, \"OSDEV\", \"THRHELP\", 1)\n"
    "{\n"
    "    External (\\SERM, IntObj)\n"
    "    External (\\MTX0, IntObj)\n"
    "    Method (\\COPY, 0)\n"
    "    {\n"
    "        CopyObject (0x42, \\SERM)\n"
    "        Return (1)\n"
    "    }\n"
    "    Method (\\COPM, 0)\n"
    "    {\n"
    "        CopyObject (0x43, \\MTX0)\n"
    "        Return (1)\n"
    "    }\n"
    "}\n";

static char workdir[256];
static uint8_t *dsdt, *ssdt, *help, *init, *walk;
static size_t dsdt_len, ssdt_len, help_len, init_len, walk_len;

static int compile(const char *name, const char *text, uint8_t **out, size_t *len)
{
    char path[320], cmd[800];
    snprintf(path, sizeof path, "%s/%s.asl", workdir, name);
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        return -1;
    }
    fputs(text, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "cd %s && iasl -p %s %s.asl >%s.log 2>&1", workdir, name, name, name);
    if (system(cmd) != 0) {
        return -1;
    }
    snprintf(path, sizeof path, "%s/%s.aml", workdir, name);
    return support_read_file(path, out, len);
}

/* ---- the host: pthread mutex + condition variable ----------------------------- */

struct host {
    pthread_mutex_t lock;
    pthread_cond_t cond;
    unsigned waiting;         /* threads inside wait now */
    unsigned waits;           /* wait calls so far */
    unsigned timed_waits;     /* of them, with a bound */
    unsigned sleeps;          /* Sleep calls (with the lock given up) */
};

static void h_lock(void *ctx)
{
    struct host *h = ctx;
    assert_int_equal(pthread_mutex_lock(&h->lock), 0);
}

static void h_unlock(void *ctx)
{
    struct host *h = ctx;
    assert_int_equal(pthread_mutex_unlock(&h->lock), 0);
}

static bool h_wait(void *ctx, uint64_t timeout_ns)
{
    struct host *h = ctx;
    int rc;
    h->waiting++;
    h->waits++;
    if (timeout_ns == UINT64_MAX) {
        rc = pthread_cond_wait(&h->cond, &h->lock);
    } else {
        h->timed_waits++;
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        uint64_t ns = (uint64_t)ts.tv_nsec + timeout_ns % 1000000000u;
        ts.tv_sec += (time_t)(timeout_ns / 1000000000u + ns / 1000000000u);
        ts.tv_nsec = (long)(ns % 1000000000u);
        rc = pthread_cond_timedwait(&h->cond, &h->lock, &ts);
    }
    h->waiting--;
    return rc != ETIMEDOUT;
}

static void h_wake(void *ctx)
{
    struct host *h = ctx;
    assert_int_equal(pthread_cond_broadcast(&h->cond), 0);
}

static uint64_t h_clock(void *ctx)
{
    (void)ctx;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void h_sleep(void *ctx, uint64_t ms)
{
    struct host *h = ctx;
    __atomic_add_fetch(&h->sleeps, 1, __ATOMIC_RELAXED);   /* called without the lock */
    struct timespec ts = { .tv_sec = (time_t)(ms / 1000), .tv_nsec = (long)(ms % 1000) * 1000000 };
    nanosleep(&ts, NULL);
}

static enum acpi_status h_find_table(void *ctx, const char sig[4], const char oem_id[6],
                                     const char oem_table_id[8], const uint8_t **bytes,
                                     size_t *len)
{
    (void)ctx;
    (void)oem_id;
    if (memcmp(sig, "SSDT", 4) == 0 && strncmp(oem_table_id, "THRSSDT", 8) == 0) {
        *bytes = ssdt;
        *len = ssdt_len;
        return ACPI_OK;
    }
    if (memcmp(sig, "SSDT", 4) == 0 && strncmp(oem_table_id, "THRINI", 8) == 0) {
        *bytes = init;
        *len = init_len;
        return ACPI_OK;
    }
    if (memcmp(sig, "SSDT", 4) == 0 && strncmp(oem_table_id, "THRWALK", 8) == 0) {
        *bytes = walk;
        *len = walk_len;
        return ACPI_OK;
    }
    return ACPI_NOT_FOUND;
}

struct fixture {
    struct host host;
    struct aml_fake *fake;
    struct acpi_aml *aml;
};

static void host_init(struct host *h)
{
    pthread_condattr_t attr;
    assert_int_equal(pthread_mutex_init(&h->lock, NULL), 0);
    assert_int_equal(pthread_condattr_init(&attr), 0);
    assert_int_equal(pthread_condattr_setclock(&attr, CLOCK_MONOTONIC), 0);
    assert_int_equal(pthread_cond_init(&h->cond, &attr), 0);
    pthread_condattr_destroy(&attr);
}

static void hooks(struct host *h, struct acpi_aml_host *out)
{
    *out = (struct acpi_aml_host){
        .ctx = h, .clock_ns = h_clock, .sleep_ms = h_sleep, .lock = h_lock, .unlock = h_unlock,
        .wait = h_wait, .wake = h_wake, .find_table = h_find_table,
    };
}

static int setup(void **state)
{
    struct fixture *fx = calloc(1, sizeof *fx);
    assert_non_null(fx);
    host_init(&fx->host);
    fx->fake = aml_fake_new();
    assert_non_null(fx->fake);
    struct acpi_aml_host host;
    struct acpi_aml_memory mem;
    hooks(&fx->host, &host);
    aml_fake_memory(fx->fake, &mem);
    assert_int_equal(acpi_aml_create(&host, &mem, &fx->aml), ACPI_OK);
    /* The holding side loops until the test lets it go: no loop timeout. */
    acpi_aml_limits(fx->aml)->loop_timeout_s = 600;
    assert_int_equal(acpi_aml_load_table(fx->aml, dsdt, dsdt_len), ACPI_OK);
    assert_int_equal(acpi_aml_load_table(fx->aml, help, help_len), ACPI_OK);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    struct fixture *fx = *state;
    acpi_aml_destroy(fx->aml);
    /* Everything the interpreter took came back: contexts, graveyard, tables. */
    assert_int_equal(aml_fake_live(fx->fake), 0);
    aml_fake_free(fx->fake);
    pthread_cond_destroy(&fx->host.cond);
    pthread_mutex_destroy(&fx->host.lock);
    free(fx);
    return 0;
}

/* ---- calls on threads ---------------------------------------------------------- */

struct call {
    struct acpi_aml *aml;
    const char *path;
    int64_t arg;              /* -1: no argument */
    enum acpi_status status;
    uint64_t value;
    enum acpi_aml_type type;
    int done;                 /* set (atomically) when the call returned */
    pthread_t thread;
};

static void run_call(struct call *c)
{
    struct acpi_aml_value a = { .type = ACPI_AML_TYPE_INTEGER }, v;
    a.u.integer = (uint64_t)c->arg;
    c->status = acpi_aml_evaluate_path(c->aml, NULL, c->path, &a, c->arg >= 0 ? 1 : 0, &v);
    c->type = c->status == ACPI_OK ? v.type : ACPI_AML_TYPE_UNINITIALIZED;
    c->value = c->status == ACPI_OK && v.type == ACPI_AML_TYPE_INTEGER ? v.u.integer : 0;
    if (c->status == ACPI_OK) {
        acpi_aml_value_release(c->aml, &v);
    }
}

static void *call_thread(void *p)
{
    struct call *c = p;
    run_call(c);
    __atomic_store_n(&c->done, 1, __ATOMIC_RELEASE);
    return NULL;
}

static void start(struct call *c, struct acpi_aml *aml, const char *path, int64_t arg)
{
    *c = (struct call){ .aml = aml, .path = path, .arg = arg };
    assert_int_equal(pthread_create(&c->thread, NULL, call_thread, c), 0);
}

static void join(struct call *c)
{
    assert_int_equal(pthread_join(c->thread, NULL), 0);
}

/* The same call on this thread. */
static struct call now(struct acpi_aml *aml, const char *path, int64_t arg)
{
    struct call c = { .aml = aml, .path = path, .arg = arg };
    run_call(&c);
    return c;
}

static uint64_t integer(struct acpi_aml *aml, const char *path)
{
    struct call c = now(aml, path, -1);
    assert_int_equal(c.status, ACPI_OK);
    assert_int_equal(c.type, ACPI_AML_TYPE_INTEGER);
    return c.value;
}

static void pause_ms(unsigned ms)
{
    struct timespec ts = { .tv_sec = 0, .tv_nsec = (long)ms * 1000000 };
    nanosleep(&ts, NULL);
}

/* Until \STEP == want (the other thread reached that point and gave the lock
 * up: reading STEP takes it). Bounded only against a hang, not a timing. */
static void wait_step(struct fixture *fx, uint64_t want)
{
    for (int i = 0; i < 60000 && integer(fx->aml, "\\STEP") != want; i++) {
        pause_ms(1);
    }
    assert_int_equal(integer(fx->aml, "\\STEP"), want);
}

/* Until `n` threads are blocked in the host's wait. */
static void wait_blocked(struct fixture *fx, unsigned n)
{
    unsigned seen = 0;
    for (int i = 0; i < 60000; i++) {
        h_lock(&fx->host);
        seen = fx->host.waiting;
        h_unlock(&fx->host);
        if (seen >= n) {
            break;
        }
        pause_ms(1);
    }
    assert_true(seen >= n);
}

static void go(struct fixture *fx)
{
    assert_int_equal(now(fx->aml, "\\SETG", -1).status, ACPI_OK);
}

/* `holder` runs until it reached STEP `step` (it then sleeps in its GO loop,
 * holding what it took); `waiter` starts and blocks on it; GO lets the holder
 * finish; both are joined. */
static void hold_then_wait(struct fixture *fx, const char *holder, uint64_t step,
                           const char *waiter, struct call *a, struct call *b)
{
    start(a, fx->aml, holder, -1);
    wait_step(fx, step);
    start(b, fx->aml, waiter, -1);
    wait_blocked(fx, 1);
    go(fx);
    join(a);
    join(b);
}

static void expect(const struct call *c, uint64_t value)
{
    assert_int_equal(c->status, ACPI_OK);
    assert_int_equal(c->type, ACPI_AML_TYPE_INTEGER);
    assert_int_equal(c->value, value);
}

/* ---- acpiexec: the single-threaded results -------------------------------------- */

/* acpiexec's result of `Execute PATH [ARG]` on the DSDT after SETG and the
 * commands `pre`: the integer, or the AE_ status name it failed with. False
 * when it cannot run. */
static bool acpiexec_result(const char *pre, const char *path, const char *arg, uint64_t *value,
                            char *ae, size_t ae_size)
{
    char cmd[1024], line[512];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && timeout 120 acpiexec -b 'Execute \\SETG; %s Execute %s %s' dsdt.aml 2>&1",
             workdir, pre, path, arg);
    FILE *p = popen(cmd, "r");
    if (p == NULL) {
        return false;
    }
    bool found = false;
    char want[64];
    snprintf(want, sizeof want, "Evaluation of %s ", path);
    ae[0] = '\0';
    bool ours = false;
    while (fgets(line, sizeof line, p) != NULL) {
        if (strncmp(line, want, strlen(want)) == 0) {
            ours = true;
            const char *f = strstr(line, "failed with status ");
            if (f != NULL) {
                snprintf(ae, ae_size, "%s", f + strlen("failed with status "));
                ae[strcspn(ae, "\r\n")] = '\0';
                found = true;
            }
            continue;
        }
        const char *i = strstr(line, "[Integer] = ");
        if (ours && i != NULL && !found) {
            *value = strtoull(i + strlen("[Integer] = "), NULL, 16);
            found = true;
        }
    }
    return pclose(p) != -1 && found;
}

static bool have_acpiexec(void)
{
    return system("command -v acpiexec >/dev/null 2>&1") == 0;
}

/* Our single-threaded result equals acpiexec's (integer, or the status that
 * ACPICA names `ae`); `pre`: acpiexec commands that stand for the calls this
 * test made before (ending with "; "). */
static void same_as_acpiexec(struct fixture *fx, const char *pre, const char *path, int64_t arg,
                             enum acpi_status ours_for_ae)
{
    struct call c = now(fx->aml, path, arg);
    if (!have_acpiexec()) {
        printf("note: acpiexec missing, %s checked against the spec only\n", path);
        return;
    }
    char argtext[32] = "", ae[64];
    uint64_t v = 0;
    if (arg >= 0) {
        snprintf(argtext, sizeof argtext, "%lld", (long long)arg);
    }
    assert_true(acpiexec_result(pre, path, argtext, &v, ae, sizeof ae));
    if (ae[0] != '\0') {
        printf("acpiexec: %s fails with %s\n", path, ae);
        assert_int_equal(c.status, ours_for_ae);
    } else {
        assert_int_equal(c.status, ACPI_OK);
        assert_int_equal(c.value, v);
    }
}

/* ---- the cases ----------------------------------------------------------------- */

/* A holds MTX0 across Sleeps; B's Acquire blocks in the host's wait, then
 * succeeds once A releases (STEP 2 by then). Sleep gave the lock up: the
 * test itself reads STEP while A sleeps. */
static void test_acquire_waits(void **state)
{
    struct fixture *fx = *state;
    struct call a, b;
    hold_then_wait(fx, "\\HOLD", 1, "\\TAKW", &a, &b);
    expect(&a, 0);
    expect(&b, 0x200);
    assert_true(fx->host.sleeps > 0);
}

/* Acquire(MTX0, 20) while A holds it: True (all ones, ACPICA's
 * ACPI_UINT64_MAX) after a bounded wait; A still holds it (STEP 1). */
static void test_acquire_timeout(void **state)
{
    struct fixture *fx = *state;
    struct call a, b;
    start(&a, fx->aml, "\\HOLD", -1);
    wait_step(fx, 1);
    unsigned timed = fx->host.timed_waits;
    start(&b, fx->aml, "\\TAKT", -1);
    join(&b);
    expect(&b, UINT64_MAX);
    assert_true(fx->host.timed_waits > timed);
    assert_int_equal(integer(fx->aml, "\\STEP"), 1);
    go(fx);
    join(&a);
    expect(&a, 0);
}

/* Wait(EV0, 0xFFFF) blocks until another thread's Signal; Wait(EV0, 10) with
 * nothing pending times out with all ones, as acpiexec's does. */
static void test_wait_signal(void **state)
{
    struct fixture *fx = *state;
    struct call a;
    start(&a, fx->aml, "\\WEVT", 1);
    wait_blocked(fx, 1);
    assert_int_equal(integer(fx->aml, "\\STEP"), 3);
    assert_int_equal(now(fx->aml, "\\SIGN", -1).status, ACPI_OK);
    join(&a);
    expect(&a, 0);
    struct call t = now(fx->aml, "\\WEVT", 0);
    expect(&t, UINT64_MAX);
    same_as_acpiexec(fx, "", "\\WEVT", 0, ACPI_OK);
}

/* Sync levels and ownership are per context: while A holds MHI (level 5), B
 * may take MLO (level 0), may not release A's MHI (ACPICA: AE_AML_NOT_OWNER);
 * within one context the order holds (ORDR, as acpiexec: AE_AML_MUTEX_ORDER),
 * and what ORDR left held was released at its end (LOW gets MLO at once). */
static void test_sync_levels(void **state)
{
    struct fixture *fx = *state;
    struct call a;
    start(&a, fx->aml, "\\HIGH", -1);
    wait_step(fx, 4);
    struct call low = now(fx->aml, "\\LOW", -1);
    expect(&low, 0);
    assert_int_equal(now(fx->aml, "\\RELH", -1).status, ACPI_AML_NOT_OWNER);
    go(fx);
    join(&a);
    expect(&a, 0);
    assert_int_equal(now(fx->aml, "\\ORDR", -1).status, ACPI_AML_SYNC_LEVEL);
    same_as_acpiexec(fx, "", "\\ORDR", -1, ACPI_AML_SYNC_LEVEL);
    low = now(fx->aml, "\\LOW", -1);
    expect(&low, 0);
}

/* A context that ends holding MTX1 releases it (ACPICA at the end of the
 * thread's outermost method): B blocked on it wakes and gets it; afterwards a
 * Release by a new call fails as acpiexec's does (AE_AML_MUTEX_NOT_ACQUIRED). */
static void test_end_releases(void **state)
{
    struct fixture *fx = *state;
    struct call a, b;
    hold_then_wait(fx, "\\KEEP", 5, "\\TAK1", &a, &b);
    expect(&a, 0);
    expect(&b, 0x500);
    assert_int_equal(now(fx->aml, "\\KEEP", -1).status, ACPI_OK);
    same_as_acpiexec(fx, "Execute \\KEEP;", "\\REL1", -1, ACPI_AML_NOT_OWNER);
    same_as_acpiexec(fx, "Execute \\KEEP;", "\\TAK1", -1, ACPI_OK);
}

/* A Serialized method: B's call waits for A's activation to end, then runs
 * (STEP 7 and 0x55, acpiexec's 0x755 for SERT alone). */
static void test_serialized(void **state)
{
    struct fixture *fx = *state;
    struct call a, b;
    hold_then_wait(fx, "\\SERM", 6, "\\SERT", &a, &b);
    expect(&a, 0x55);
    expect(&b, 0x755);
    same_as_acpiexec(fx, "", "\\SERT", -1, ACPI_OK);
}

/* CopyObject over a method another thread is running (and whose serialized
 * mutex it holds, with a third thread waiting for it): the running activation
 * finishes its own body, the waiter runs, the node is then an integer. */
static void test_copyobject_running(void **state)
{
    struct fixture *fx = *state;
    struct call a, b;
    start(&a, fx->aml, "\\SERM", -1);
    wait_step(fx, 6);
    start(&b, fx->aml, "\\SERT", -1);
    wait_blocked(fx, 1);
    struct call c = now(fx->aml, "\\COPY", -1);
    expect(&c, 1);
    assert_int_equal(integer(fx->aml, "\\SERM"), 0x42);
    go(fx);
    join(&a);
    join(&b);
    expect(&a, 0x55);
    /* SERT looked SERM up before the copy: it called the method's old body. */
    expect(&b, 0x755);
}

/* CopyObject over a mutex that A holds and B waits for: the object lives on
 * in A's held list and B's wait. A's Release then names an integer
 * (ACPI_AML_BAD_OPERAND, ACPICA's AE_AML_OPERAND_TYPE) and A's end releases
 * the old mutex, so B gets it (STEP 1: A never reached STEP 2) and fails the
 * same way at its own Release. */
static void test_copyobject_mutex(void **state)
{
    struct fixture *fx = *state;
    struct call a, b;
    start(&a, fx->aml, "\\HOLD", -1);
    wait_step(fx, 1);
    start(&b, fx->aml, "\\TAKW", -1);
    wait_blocked(fx, 1);
    struct call c = now(fx->aml, "\\COPM", -1);
    expect(&c, 1);
    assert_int_equal(integer(fx->aml, "\\MTX0"), 0x43);
    go(fx);
    join(&a);
    join(&b);
    assert_int_equal(a.status, ACPI_AML_BAD_OPERAND);
    assert_int_equal(b.status, ACPI_AML_BAD_OPERAND);
}

/* Unload of the table whose method A runs (blocked in a Sleep, holding its
 * serialized mutex, with a method-local Name) and whose event C waits on:
 * the nodes go out of the namespace at once; A and C end in a status or a
 * value, never touching freed memory (ASan); nothing leaks (teardown). */
static void test_unload_racing(void **state)
{
    struct fixture *fx = *state;
    struct call l = now(fx->aml, "\\LDT", -1);
    assert_int_equal(l.status, ACPI_OK);
    assert_int_equal(l.value, 15);   /* ObjectType of a DDB handle (ACPI 6.5, 19.6.97) */
    struct call a, c;
    start(&a, fx->aml, "\\_SB.THRD.SLOW", -1);
    wait_step(fx, 8);
    start(&c, fx->aml, "\\_SB.THRD.WTEV", -1);
    wait_step(fx, 9);
    /* A walk of the host's stands on the device across it all. */
    acpi_aml_walk_begin(fx->aml);
    struct acpi_aml_node *kept;
    assert_int_equal(acpi_aml_lookup(fx->aml, NULL, "\\_SB.THRD", &kept), ACPI_OK);
    struct call u = now(fx->aml, "\\UNL", -1);
    assert_int_equal(u.status, ACPI_OK);
    struct acpi_aml_node *n;
    assert_int_equal(acpi_aml_lookup(fx->aml, NULL, "\\_SB.THRD", &n), ACPI_NOT_FOUND);
    go(fx);
    join(&a);
    join(&c);
    /* SLOW goes on in its removed scope: SMX is no longer found there. */
    printf("SLOW after Unload: %s\n", acpi_status_str(a.status));
    assert_int_equal(a.status, ACPI_AML_UNRESOLVED_NAME);
    /* WTEV's Wait on the removed event ends with its timeout. */
    expect(&c, UINT64_MAX);
    assert_int_equal(acpi_aml_lookup(fx->aml, NULL, "\\_SB.THRD", &n), ACPI_NOT_FOUND);
    /* Every context has ended; the walk's node is still readable until its end. */
    assert_memory_equal(acpi_aml_node_name(kept), "THRD", 4);
    assert_int_equal(acpi_aml_node_type(kept), ACPI_AML_TYPE_DEVICE);
    assert_non_null(acpi_aml_node_first_child(kept));
    acpi_aml_walk_end(fx->aml);
    /* The table loads again and runs, alone. */
    l = now(fx->aml, "\\LDT2", -1);
    expect(&l, 15);
    assert_int_equal(integer(fx->aml, "\\_SB.THRD.SLOW"), 5);
}

/* A storm: four threads, each 150 calls of a mix (mutexes taken with and
 * without release, events, a Serialized method with a local Name, LoadTable
 * and Unload of the SSDT while its SLOW and WTEV run or wait, CopyObject of
 * the table handle), every wait bounded. Every call ends in a status;
 * afterwards no mutex is left held (Acquire with no wait succeeds: each
 * context released what it kept), nothing leaked (teardown), no sanitizer
 * report. */
#define STORM_THREADS 4
#define STORM_CALLS 150

static const char *const storm_paths[] = {
    "\\MXMT", "\\MXKP", "\\MXEV", "\\MXSR", "\\MXLD", "\\MXUL",
    "\\_SB.THRD.SLOW", "\\_SB.THRD.WTEV", "\\SIGN", "\\STEP",
};

struct storm {
    struct acpi_aml *aml;
    unsigned seed;
    unsigned ok, failed, absent;
    pthread_t thread;
};

static void *storm_thread(void *p)
{
    struct storm *t = p;
    for (unsigned i = 0; i < STORM_CALLS; i++) {
        t->seed = t->seed * 1103515245u + 12345u;
        size_t pick = (t->seed >> 16) % (sizeof storm_paths / sizeof *storm_paths);
        const char *path = storm_paths[pick];
        struct call c = now(t->aml, path, -1);
        /* Absent after an Unload, or failing inside (a removed name, a second
         * load's duplicates): a status, never a hang or a crash. */
        if (c.status == ACPI_OK) {
            t->ok++;
        } else if (c.status == ACPI_NOT_FOUND) {
            t->absent++;
        } else {
            t->failed++;
        }
    }
    return NULL;
}

static void test_storm(void **state)
{
    struct fixture *fx = *state;
    assert_int_equal(now(fx->aml, "\\SETG", -1).status, ACPI_OK);
    struct storm t[STORM_THREADS];
    for (unsigned i = 0; i < STORM_THREADS; i++) {
        t[i] = (struct storm){ .aml = fx->aml, .seed = 7u + i };
        assert_int_equal(pthread_create(&t[i].thread, NULL, storm_thread, &t[i]), 0);
    }
    unsigned ok = 0, failed = 0, absent = 0;
    for (unsigned i = 0; i < STORM_THREADS; i++) {
        assert_int_equal(pthread_join(t[i].thread, NULL), 0);
        ok += t[i].ok;
        failed += t[i].failed;
        absent += t[i].absent;
    }
    printf("storm: %u calls, %u ok, %u not found (unloaded), %u an error status, "
           "%u host waits, %u errors reported\n",
           ok + failed + absent, ok, absent, failed, fx->host.waits,
           acpi_aml_error_count(fx->aml));
    assert_int_equal(ok + failed + absent, STORM_THREADS * STORM_CALLS);
    assert_true(ok > 0);
    assert_true(fx->host.waits > 0);
    /* Nobody holds MTX0 or MTX1 any more (FREE's own are released at its end). */
    assert_int_equal(integer(fx->aml, "\\FREE"), 0);
}

/* The initialisation walk stands on \_SB.TINI while its _INI unloads the
 * table that made it: the walk goes on from the removed node, whose subtree
 * no lookup finds any more (CHLD's _INI does not run), and nothing is freed
 * under it (ASan); afterwards the device is gone. */
static void test_unload_under_init(void **state)
{
    struct fixture *fx = *state;
    struct call l = now(fx->aml, "\\LDI", -1);
    expect(&l, 15);
    struct acpi_aml_init_counts counts;
    assert_int_equal(acpi_aml_initialize(fx->aml, &counts), ACPI_OK);
    assert_int_equal(counts.ini_run, 1);
    assert_int_equal(integer(fx->aml, "\\STEP"), 10);
    struct acpi_aml_node *n;
    assert_int_equal(acpi_aml_lookup(fx->aml, NULL, "\\_SB.TINI", &n), ACPI_NOT_FOUND);
}

/* One thread: a method of the SSDT, with a temporary Name under itself and
 * one at the root, unloads the SSDT and returns: the frame's temporaries were
 * removed with the table, so its end must not free them again (ASan), and
 * the value computed before the Unload comes back. */
static void test_unload_own_table(void **state)
{
    struct fixture *fx = *state;
    struct call l = now(fx->aml, "\\LDI", -1);
    expect(&l, 15);
    struct call c = now(fx->aml, "\\_SB.TINI.SELF", -1);
    expect(&c, 7);
    struct acpi_aml_node *n;
    assert_int_equal(acpi_aml_lookup(fx->aml, NULL, "\\_SB.TINI", &n), ACPI_NOT_FOUND);
    assert_int_equal(acpi_aml_lookup(fx->aml, NULL, "\\TMPR", &n), ACPI_NOT_FOUND);
}

/* ---- device-layer walks across an Unload ----------------------------------------- */

/* A device-layer walk on a thread, looking for OSDV0005 from the root. */
struct walk {
    struct acpi_aml *aml;
    bool by_hid;                        /* acpi_aml_device_find_hid, else _device_find */
    const struct acpi_aml_node *found;
    pthread_t thread;
};

static void *walk_thread(void *p)
{
    struct walk *w = p;
    if (w->by_hid) {
        w->found = acpi_aml_device_find_hid(w->aml, NULL, "OSDV0005");
    } else {
        w->found = acpi_aml_device_find(w->aml, NULL, "OSDV0005", NULL);
    }
    return NULL;
}

/* The walk stands on \_SB.WLKA, whose _HID sleeps (lock given up), when
 * this thread unloads THRWALK: WLKA and WLKB leave the namespace. The walk
 * then goes on from the removed WLKA without reading freed memory (ASan) and
 * must not return WLKB, which the Unload removed before the walk reached it:
 * it finds \ZZWK, the next live device with the ID. Alone, before the
 * load, the same walk finds ZZWK too (the table's WLKB comes first when it
 * is loaded and nothing runs). */
static void walk_across_unload(struct fixture *fx, bool by_hid)
{
    struct acpi_aml_node *zz, *n;
    assert_int_equal(acpi_aml_lookup(fx->aml, NULL, "\\ZZWK", &zz), ACPI_OK);
    struct walk w = { .aml = fx->aml, .by_hid = by_hid };
    walk_thread(&w);
    assert_ptr_equal(w.found, zz);
    struct call l = now(fx->aml, "\\LDW", -1);
    expect(&l, 15);
    struct acpi_aml_node *b;
    assert_int_equal(acpi_aml_lookup(fx->aml, NULL, "\\_SB.WLKB", &b), ACPI_OK);
    assert_int_equal(now(fx->aml, "\\SETG", -1).status, ACPI_OK);
    walk_thread(&w);   /* loaded, GO set: WLKB is found */
    assert_ptr_equal(w.found, b);
    assert_int_equal(now(fx->aml, "\\CLRG", -1).status, ACPI_OK);
    assert_int_equal(pthread_create(&w.thread, NULL, walk_thread, &w), 0);
    wait_step(fx, 12);
    assert_int_equal(now(fx->aml, "\\UNW", -1).status, ACPI_OK);
    assert_int_equal(acpi_aml_lookup(fx->aml, NULL, "\\_SB.WLKB", &n), ACPI_NOT_FOUND);
    go(fx);
    assert_int_equal(pthread_join(w.thread, NULL), 0);
    assert_ptr_equal(w.found, zz);
    assert_int_equal(acpi_aml_lookup(fx->aml, NULL, "\\_SB.WLKA", &n), ACPI_NOT_FOUND);
}

static void test_walk_device_find(void **state)
{
    walk_across_unload(*state, false);
}

static void test_walk_find_hid(void **state)
{
    walk_across_unload(*state, true);
}

/* ---- auto-serialisation ---------------------------------------------------------- */

/* Until `c` returned or a thread blocked in the host's wait; the number
 * blocked. Bounded only against a hang. */
static unsigned done_or_blocked(struct fixture *fx, struct call *c)
{
    unsigned blocked = 0;
    for (int i = 0; i < 60000 && !__atomic_load_n(&c->done, __ATOMIC_ACQUIRE) && blocked == 0;
         i++) {
        h_lock(&fx->host);
        blocked = fx->host.waiting;
        h_unlock(&fx->host);
        pause_ms(1);
    }
    return blocked;
}

/* A runs `path` (argument arg_a) until STEP `step`, then B enters it too
 * (arg_b); once B returned or blocked, GO lets both finish. The number of
 * threads that were blocked then. */
static unsigned enter_twice(struct fixture *fx, const char *path, int64_t arg_a, uint64_t step,
                            int64_t arg_b, struct call *a, struct call *b)
{
    start(a, fx->aml, path, arg_a);
    wait_step(fx, step);
    start(b, fx->aml, path, arg_b);
    unsigned blocked = done_or_blocked(fx, b);
    go(fx);   /* lets both go, whatever happened */
    join(a);
    join(b);
    return blocked;
}

/* Two threads in AUTS, a NotSerialized method that creates a Name and
 * sleeps: without auto-serialisation the second one's Name fails
 * (ACPI_AML_ALREADY_EXISTS, the first one's ATMP is still there); ACPICA
 * runs such a method Serialized (acpi_ds_auto_serialize_method), so the
 * second one waits in the host for the first one's end and both return
 * 0x21 (acpiexec's result of AUTS alone). */
static void test_auto_serialized(void **state)
{
    struct fixture *fx = *state;
    struct call a, b;
    unsigned blocked = enter_twice(fx, "\\AUTS", -1, 13, -1, &a, &b);
    printf("second AUTS: %s, %u blocked\n", acpi_status_str(b.status), blocked);
    assert_int_equal(blocked, 1);
    expect(&a, 0x21);
    expect(&b, 0x21);
    same_as_acpiexec(fx, "", "\\AUTS", -1, ACPI_OK);
}

/* A method that creates no named object stays concurrent: while A sleeps in
 * NONM, B's NONM returns without blocking (the constants 0x825B and 0x08,
 * bytes of the Device and Name opcodes, are read as data, not taken for
 * those opcodes). */
static void test_auto_not_serialized(void **state)
{
    struct fixture *fx = *state;
    struct call a, b;
    unsigned blocked = enter_twice(fx, "\\NONM", 1, 14, 0, &a, &b);
    assert_int_equal(blocked, 0);
    expect(&a, 9);
    expect(&b, 8);
    same_as_acpiexec(fx, "", "\\NONM", 0, ACPI_OK);
}

/* The auto-serialised mutex is outside the SyncLevel order (ACPICA's
 * ACPI_METHOD_IGNORE_SYNC_LEVEL): AUTK (level 0) runs while MHI (level 5) is
 * held and returns 0x33, and inside AUTI the current level is still MHI's,
 * so Acquire of MLO (level 0) is refused as acpiexec refuses it
 * (AE_AML_MUTEX_ORDER). */
static void test_auto_sync_level(void **state)
{
    struct fixture *fx = *state;
    struct call w = now(fx->aml, "\\AULW", -1);
    expect(&w, 0x33);
    same_as_acpiexec(fx, "", "\\AULW", -1, ACPI_OK);
    assert_int_equal(now(fx->aml, "\\AULV", -1).status, ACPI_AML_SYNC_LEVEL);
    same_as_acpiexec(fx, "", "\\AULV", -1, ACPI_AML_SYNC_LEVEL);
    /* What AULV took was released at its end: LOW gets MLO at once. */
    struct call low = now(fx->aml, "\\LOW", -1);
    expect(&low, 0);
}

/* The scan against ACPICA's over the 40 corpus computers: acpiexec prints,
 * for each table it loads, "N Methods (S/N/C Serial/Non/Cvt)", C being the
 * methods acpi_ds_auto_serialize_method converted. Our scan of every
 * NotSerialized method of the same tables (DSDT, then the SSDTs by number)
 * must convert as many. Only where both loaded the same methods (acpiexec's
 * initialisation may load more tables through _INI and _OSC) is the count
 * comparable; the rest are counted and printed. */
#define CORPUS_FILES 64
#define CORPUS_PATH 900   /* a directory (600) and a file name (256) */

struct corpus_counts {
    unsigned methods, converted;
};

static int ssdt_number(const char *name)
{
    int n = 0;
    for (const char *c = name; *c != '\0' && *c != '.'; c++) {
        n = *c >= '0' && *c <= '9' ? n * 10 + (*c - '0') : n;
    }
    return n;
}

/* The table files of one computer, DSDT first, SSDTs by number, as one
 * shell-quoted argument list. */
static size_t corpus_tables(const char *dir, char paths[][CORPUS_PATH], size_t max)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        return 0;
    }
    size_t n = 0;
    int nums[CORPUS_FILES];
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < max) {
        bool is_dsdt = strcmp(e->d_name, "dsdt.dat") == 0;
        if (!is_dsdt && strncmp(e->d_name, "ssdt", 4) != 0) {
            continue;
        }
        int num = is_dsdt ? -1 : ssdt_number(e->d_name);
        size_t at = n++;
        while (at > 0 && nums[at - 1] > num) {   /* insertion by number */
            nums[at] = nums[at - 1];
            memcpy(paths[at], paths[at - 1], sizeof paths[0]);
            at--;
        }
        nums[at] = num;
        snprintf(paths[at], sizeof paths[0], "%s/%s", dir, e->d_name);
    }
    closedir(d);
    return n;
}

static struct corpus_counts ours_converted(char paths[][CORPUS_PATH], size_t n)
{
    struct corpus_counts c = { 0 };
    struct aml_fake *fake = aml_fake_new();
    assert_non_null(fake);
    struct acpi_aml_host host;
    struct acpi_aml_memory mem;
    aml_fake_host(fake, &host);
    aml_fake_memory(fake, &mem);
    struct acpi_aml *aml;
    assert_int_equal(acpi_aml_create(&host, &mem, &aml), ACPI_OK);
    uint8_t *bytes[CORPUS_FILES];
    for (size_t i = 0; i < n; i++) {
        size_t len;
        assert_int_equal(support_read_file(paths[i], &bytes[i], &len), 0);
        /* A table that fails part way keeps what it made, as ACPICA's does. */
        enum acpi_status st = acpi_aml_load_table(aml, bytes[i], len);
        (void)st;
    }
    for (struct acpi_aml_node *nd = acpi_aml_root(aml); nd != NULL; nd = acpi_aml_node_next(nd)) {
        const struct aml_object *m = nd->object;
        if (m == NULL || m->type != ACPI_AML_TYPE_METHOD || m->u.method.native != 0) {
            continue;
        }
        c.methods++;
        if ((m->u.method.flags & 0x08) == 0 &&
            acpi_aml_body_creates_names(&aml->ns, nd, m->u.method.code, m->u.method.len)) {
            c.converted++;
        }
    }
    acpi_aml_destroy(aml);
    for (size_t i = 0; i < n; i++) {
        free(bytes[i]);
    }
    aml_fake_free(fake);
    return c;
}

static bool acpiexec_converted(char paths[][CORPUS_PATH], size_t n, struct corpus_counts *c)
{
    static char cmd[CORPUS_FILES * (CORPUS_PATH + 3) + 64];
    char line[512];
    snprintf(cmd, sizeof cmd, "timeout 300 acpiexec -b quit");
    size_t at = strlen(cmd);
    for (size_t i = 0; i < n; i++) {
        at += (size_t)snprintf(cmd + at, sizeof cmd - at, " '%s'", paths[i]);
    }
    snprintf(cmd + at, sizeof cmd - at, " 2>&1");
    FILE *p = popen(cmd, "r");
    if (p == NULL) {
        return false;
    }
    *c = (struct corpus_counts){ 0 };
    unsigned tables = 0;
    while (fgets(line, sizeof line, p) != NULL) {
        unsigned methods, serial, non, cvt;
        const char *m = strstr(line, " Methods (");
        if (m == NULL || strstr(line, "Serial/Non/Cvt") == NULL) {
            continue;
        }
        while (m > line && m[-1] >= '0' && m[-1] <= '9') {
            m--;
        }
        if (sscanf(m, "%u Methods (%u/%u/%u", &methods, &serial, &non, &cvt) == 4) {
            c->methods += methods;
            c->converted += cvt;
            tables++;
        }
    }
    return pclose(p) != -1 && tables > 0;
}

static void test_auto_corpus(void **state)
{
    (void)state;
    if (!have_acpiexec()) {
        printf("skip: acpiexec missing\n");
        skip();
    }
    char root[256];
    snprintf(root, sizeof root, "%s", support_path("corpus/acpi"));
    DIR *d = opendir(root);
    if (d == NULL) {
        printf("skip: no corpus at %s\n", root);
        skip();
    }
    static char paths[CORPUS_FILES][CORPUS_PATH];
    unsigned compared = 0, other = 0, converted = 0, methods = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char dir[600];
        snprintf(dir, sizeof dir, "%s/%s", root, e->d_name);
        size_t n = e->d_name[0] == '.' ? 0 : corpus_tables(dir, paths, CORPUS_FILES);
        struct corpus_counts theirs;
        if (n == 0 || !acpiexec_converted(paths, n, &theirs)) {
            continue;
        }
        struct corpus_counts ours = ours_converted(paths, n);
        if (ours.methods != theirs.methods) {
            printf("%s: not comparable (%u methods here, %u in acpiexec; converted %u, %u)\n",
                   e->d_name, ours.methods, theirs.methods, ours.converted, theirs.converted);
            other++;
            continue;
        }
        if (ours.converted != theirs.converted) {
            printf("%s: %u converted, acpiexec %u\n", e->d_name, ours.converted,
                   theirs.converted);
        }
        assert_int_equal(ours.converted, theirs.converted);
        compared++;
        converted += ours.converted;
        methods += ours.methods;
    }
    closedir(d);
    printf("auto-serialisation: %u computers as acpiexec (%u of %u methods converted), "
           "%u not comparable\n",
           compared, converted, methods, other);
    assert_true(compared > 0);
}

/* wait without wake, or without a lock, is refused. */
static void test_bad_hooks(void **state)
{
    (void)state;
    struct host h;
    struct acpi_aml_host host;
    struct acpi_aml_memory mem;
    struct aml_fake *f = aml_fake_new();
    assert_non_null(f);
    aml_fake_memory(f, &mem);
    struct acpi_aml *aml;
    hooks(&h, &host);
    host.wake = NULL;
    assert_int_equal(acpi_aml_create(&host, &mem, &aml), ACPI_INVALID_ARGUMENT);
    hooks(&h, &host);
    host.lock = NULL;
    assert_int_equal(acpi_aml_create(&host, &mem, &aml), ACPI_INVALID_ARGUMENT);
    assert_int_equal(aml_fake_live(f), 0);
    aml_fake_free(f);
}

int main(void)
{
    if (system("command -v iasl >/dev/null 2>&1") != 0) {
        printf("skip: iasl missing (acpica-tools)\n");
        return 77;
    }
    snprintf(workdir, sizeof workdir, "/tmp/osdev_aml_threads_XXXXXX");
    char *dsdt_text = malloc(sizeof dsdt_asl + sizeof dsdt_more_asl);
    if (dsdt_text == NULL) {
        return 1;
    }
    memcpy(dsdt_text, dsdt_asl, sizeof dsdt_asl - 1);
    memcpy(dsdt_text + sizeof dsdt_asl - 1, dsdt_more_asl, sizeof dsdt_more_asl);
    if (mkdtemp(workdir) == NULL || compile("dsdt", dsdt_text, &dsdt, &dsdt_len) != 0 ||
        compile("ssdt", ssdt_asl, &ssdt, &ssdt_len) != 0 ||
        compile("help", help_asl, &help, &help_len) != 0 ||
        compile("init", init_asl, &init, &init_len) != 0 ||
        compile("walk", walk_asl, &walk, &walk_len) != 0) {
        printf("skip: iasl could not compile the test tables\n");
        return 77;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_acquire_waits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_acquire_timeout, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wait_signal, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sync_levels, setup, teardown),
        cmocka_unit_test_setup_teardown(test_end_releases, setup, teardown),
        cmocka_unit_test_setup_teardown(test_serialized, setup, teardown),
        cmocka_unit_test_setup_teardown(test_copyobject_running, setup, teardown),
        cmocka_unit_test_setup_teardown(test_copyobject_mutex, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unload_racing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unload_under_init, setup, teardown),
        cmocka_unit_test_setup_teardown(test_storm, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unload_own_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_walk_device_find, setup, teardown),
        cmocka_unit_test_setup_teardown(test_walk_find_hid, setup, teardown),
        cmocka_unit_test_setup_teardown(test_auto_serialized, setup, teardown),
        cmocka_unit_test_setup_teardown(test_auto_not_serialized, setup, teardown),
        cmocka_unit_test_setup_teardown(test_auto_sync_level, setup, teardown),
        cmocka_unit_test(test_auto_corpus),
        cmocka_unit_test(test_bad_hooks),
    };
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[320];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", workdir);
    (void)system(cmd);
    free(dsdt);
    free(ssdt);
    free(help);
    free(init);
    free(walk);
    free(dsdt_text);
    return failed == 0 ? 0 : 1;
}
