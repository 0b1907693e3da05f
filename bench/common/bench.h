/* What every benchmark of bench/ shares: a clock, the one output format of a
 * figure ("<name> <value> <unit>", which tools/bench collects), and instruction
 * counts when the program runs under `valgrind --tool=callgrind`.
 *
 * Under callgrind a phase is bracketed by callgrind's client requests: the
 * counters are zeroed when it starts and dumped, with the phase name as the
 * dump's hint, when it ends; the dump file is then read back, so the program
 * prints "<name> <instructions per operation> instructions" itself. Callgrind
 * names dumps "<out-file>.<n>": the out file is callgrind's default,
 * callgrind.out.<pid> in the current directory, or what OSDEV_CALLGRIND_OUT
 * says (the value given to --callgrind-out-file, "%p" standing for the pid). The
 * counts include the benchmark's own loop around each call, as a per-operation
 * figure of a peer's loop would.
 *
 * Built without valgrind/callgrind.h (Debian's valgrind package has it) the
 * client requests are absent and only times are printed. Hosted code: bench/
 * only, never the libraries. */
#ifndef BENCH_COMMON_BENCH_H
#define BENCH_COMMON_BENCH_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#if defined(BENCH_HAVE_CALLGRIND)
#include <valgrind/callgrind.h>
#endif

static inline double bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* True when running under valgrind (then times mean nothing, counts do). */
static inline bool bench_under_valgrind(void)
{
#if defined(BENCH_HAVE_CALLGRIND)
    return RUNNING_ON_VALGRIND != 0;
#else
    return false;
#endif
}

/* Start a phase: under callgrind, from here on the counters count it. */
static inline void bench_phase_begin(void)
{
#if defined(BENCH_HAVE_CALLGRIND)
    CALLGRIND_ZERO_STATS;
#endif
}

/* Under callgrind, count (ON) or skip (off) what follows, e.g. file loading
 * inside a phase. */
static inline void bench_collect(bool on)
{
#if defined(BENCH_HAVE_CALLGRIND)
    static bool off;
    if (bench_under_valgrind() && off == on) {
        CALLGRIND_TOGGLE_COLLECT;
        off = !on;
    }
#else
    (void)on;
#endif
}

/* The "summary:" (instructions, the first event) of callgrind's dump number N
 * of this process; -1 when it cannot be found. */
static inline double bench_read_dump(unsigned n)
{
    const char *out = getenv("OSDEV_CALLGRIND_OUT");
    char base[4096];
    char path[4200];
    const char *p = out != NULL && out[0] != '\0' ? out : "callgrind.out.%p";
    size_t len = 0;
    for (; *p != '\0' && len + 24 < sizeof(base); p++) {
        if (p[0] == '%' && p[1] == 'p') {
            len += (size_t)snprintf(base + len, sizeof(base) - len, "%ld", (long)getpid());
            p++;
        } else {
            base[len++] = *p;
        }
    }
    base[len] = '\0';
    snprintf(path, sizeof(path), "%s.%u", base, n);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return -1;
    }
    char line[512];
    double total = -1;
    while (fgets(line, sizeof(line), f) != NULL) {
        if (strncmp(line, "summary:", 8) == 0) {
            total = strtod(line + 8, NULL);
            break;
        }
    }
    fclose(f);
    return total;
}

/* End the phase NAME of OPS operations. Under callgrind: dump, read the count
 * back and print "<name> <value> instructions" (per operation). */
static inline void bench_phase_end(const char *name, uint64_t ops)
{
#if defined(BENCH_HAVE_CALLGRIND)
    static unsigned dumps;
    if (!bench_under_valgrind()) {
        return;
    }
    CALLGRIND_DUMP_STATS_AT(name);
    double total = bench_read_dump(++dumps);
    if (total < 0) {
        printf("%s: callgrind dump %u not found (give OSDEV_CALLGRIND_OUT the "
               "--callgrind-out-file value)\n", name, dumps);
    } else {
        printf("%s %.1f instructions\n", name, total / (double)(ops != 0 ? ops : 1));
    }
#else
    (void)name;
    (void)ops;
#endif
}

/* Print one timing figure. */
static inline void bench_print_ns(const char *name, double ns)
{
    printf("%s %.1f ns\n", name, ns);
}

#endif
