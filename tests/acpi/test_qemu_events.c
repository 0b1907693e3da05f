/* The event and power layer against QEMU's own ACPI hardware: QEMU runs
 * with qtest (no guest code: its BIOS image only halts; this program does
 * the port I/O over the qtest protocol on QEMU's stdin/stdout, and watches
 * the I/O APIC's input lines),
 * the library's port accesses go to QEMU's PIIX4 (i440fx) or ICH9 (q35)
 * power-management device, and QMP (a Unix socket) injects the events and
 * reports what QEMU did. What is compared is QEMU's view:
 *
 * - ACPI_ENABLE (the FADT's value) to SMI_CMD makes QEMU's APM device set
 *   SCI_EN, which acpi_enable_acpi_mode waits for;
 * - QMP system_powerdown raises the SCI (GSI 9, FADT SCI_INT); acpi_sci_handle
 *   reports the power button and its acknowledge lowers the SCI line again;
 * - acpi_sleep_enter with \_S3 as iasl disassembles QEMU's DSDT: QMP
 *   reports SUSPEND; woken with system_wakeup, QEMU resets the machine and
 *   sets WAK_STS, which the bounded poll sees; acpi_sleep_leave clears it
 *   and restores the run-time GPE enables (the hot-add below needs that);
 * - a CPU hot-added with QMP device_add sets the GPE that QEMU's DSDT
 *   handles with \_GPE._E02; the GPE dispatch reports GPE 2, edge;
 * - acpi_sleep_enter with \_S5 as iasl disassembles QEMU's DSDT ends QEMU
 *   with QMP's SHUTDOWN event, "guest": true, reason "guest-shutdown";
 * - acpi_hw_reset (q35's reset register 0xCF9) gives QMP's RESET event.
 * Each on i440fx and q35 with their SeaBIOS FADT/DSDT, and q35 with OVMF's.
 *
 * No firmware runs (the BIOS image only halts); the firmware's part
 * (SeaBIOS programs the PM I/O base the FADT states, 0x600, into the PM
 * device's PCI configuration space, at boot and on the S3 resume path) is
 * done here through CF8/CFC. Skips (77) when qemu-system-x86_64 is not installed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "acpi/event.h"
#include "acpi/sleep.h"
#include "hw_model.h"
#include "support.h"

#define TIMEOUT_MS 10000
#define SCI_GSI 9

struct line_reader {
    int fd;
    char buf[8192];
    size_t len;
};

struct qemu {
    pid_t pid;             /* 0 once reaped */
    int to;                /* QEMU's stdin: qtest commands */
    struct line_reader qt; /* QEMU's stdout: qtest answers and IRQ lines */
    struct line_reader qmp;
    char sock[108];
    char bios[108];
    int irq[24];
    unsigned sci_raises;
    bool shutdown_seen, reset_seen, suspend_seen, wakeup_seen;
    char shutdown_event[1024], reset_event[1024];
    /* For the S3 resume path, played from the wait's stall callback. */
    const char *machine;
    const struct acpi_fadt *fadt;
    unsigned stalls, resets_seen;
};

/* One line (without the newline) into out; false on EOF, error or timeout. */
static bool read_line(struct line_reader *r, char *out, size_t size)
{
    for (;;) {
        char *nl = memchr(r->buf, '\n', r->len);
        if (nl != NULL) {
            size_t n = (size_t)(nl - r->buf);
            size_t copy = n < size - 1 ? n : size - 1;
            memcpy(out, r->buf, copy);
            out[copy] = '\0';
            memmove(r->buf, nl + 1, r->len - n - 1);
            r->len -= n + 1;
            return true;
        }
        if (r->len == sizeof r->buf)
            return false;
        struct pollfd p = {r->fd, POLLIN, 0};
        if (poll(&p, 1, TIMEOUT_MS) <= 0)
            return false;
        ssize_t got = read(r->fd, r->buf + r->len, sizeof r->buf - r->len);
        if (got <= 0)
            return false;
        r->len += (size_t)got;
    }
}

static bool send_all(int fd, const char *s)
{
    size_t n = strlen(s);
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w <= 0)
            return false;
        s += w, n -= (size_t)w;
    }
    return true;
}

/* A qtest command; *value gets the number after "OK" when there is one. */
static bool qtest(struct qemu *q, const char *cmd, uint32_t *value)
{
    char line[256];
    snprintf(line, sizeof line, "%s\n", cmd);
    if (!send_all(q->to, line))
        return false;
    for (;;) {
        if (!read_line(&q->qt, line, sizeof line))
            return false;
        int n;
        if (sscanf(line, "IRQ raise %d", &n) == 1) {
            if (n >= 0 && n < 24)
                q->irq[n] = 1;
            q->sci_raises += n == SCI_GSI;
            continue;
        }
        if (sscanf(line, "IRQ lower %d", &n) == 1) {
            if (n >= 0 && n < 24)
                q->irq[n] = 0;
            continue;
        }
        if (strncmp(line, "OK", 2) != 0)
            return false;
        if (value != NULL)
            *value = (uint32_t)strtoul(line + 2, NULL, 0);
        return true;
    }
}

static void note_event(struct qemu *q, const char *line)
{
    if (strstr(line, "\"SHUTDOWN\"") != NULL) {
        q->shutdown_seen = true;
        snprintf(q->shutdown_event, sizeof q->shutdown_event, "%s", line);
    } else if (strstr(line, "\"RESET\"") != NULL) {
        q->reset_seen = true;
        snprintf(q->reset_event, sizeof q->reset_event, "%s", line);
    } else if (strstr(line, "\"SUSPEND\"") != NULL) {
        q->suspend_seen = true;
    } else if (strstr(line, "\"WAKEUP\"") != NULL) {
        q->wakeup_seen = true;
    }
}

/* A QMP command: true once its "return" came (events on the way are noted). */
static bool qmp(struct qemu *q, const char *json)
{
    if (!send_all(q->qmp.fd, json) || !send_all(q->qmp.fd, "\n"))
        return false;
    char line[1024];
    while (read_line(&q->qmp, line, sizeof line)) {
        note_event(q, line);
        if (strstr(line, "\"return\"") != NULL)
            return true;
        if (strstr(line, "\"error\"") != NULL)
            fail_msg("QMP %s: %s", json, line);
    }
    return false;
}

static bool qmp_wait_event(struct qemu *q, const bool *seen)
{
    char line[1024];
    while (!*seen && read_line(&q->qmp, line, sizeof line))
        note_event(q, line);
    return *seen;
}

static bool qemu_installed(void)
{
    return system("command -v qemu-system-x86_64 >/dev/null 2>&1") == 0;
}

static void qemu_start(struct qemu *q, const char *machine)
{
    memset(q, 0, sizeof *q);
    snprintf(q->sock, sizeof q->sock, "/tmp/osdev-events-%d-%s.qmp", (int)getpid(), machine);
    unlink(q->sock);
    char qmp_arg[160];
    snprintf(qmp_arg, sizeof qmp_arg, "unix:%s,server=on,wait=off", q->sock);
    /* No firmware runs: QEMU's CPU executes a 64 KiB BIOS image that only
     * halts (cli; hlt; jmp back, at the reset vector F000:FFF0), so nothing
     * but this program touches the hardware, after start-up as after the
     * reset of an S3 wake-up. */
    snprintf(q->bios, sizeof q->bios, "/tmp/osdev-events-%d-halt.bin", (int)getpid());
    static uint8_t image[0x10000];
    memcpy(&image[0xFFF0], "\xFA\xF4\xEB\xFD", 4);
    FILE *f = fopen(q->bios, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(image, 1, sizeof image, f), sizeof image);
    assert_int_equal(fclose(f), 0);
    int in[2], out[2];
    assert_int_equal(pipe(in), 0);
    assert_int_equal(pipe(out), 0);
    q->pid = fork();
    assert_true(q->pid >= 0);
    if (q->pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[1]), close(out[0]);
        execlp("qemu-system-x86_64", "qemu-system-x86_64", "-machine", machine, "-m", "128M",
               "-smp", "1,sockets=2,cores=1,threads=1,maxcpus=2", "-qtest", "stdio", "-qtest-log", "/dev/null", "-display",
               "none", "-nodefaults", "-monitor", "none", "-serial", "none", "-qmp", qmp_arg, "-bios", q->bios,
               (char *)NULL);
        _exit(127);
    }
    close(in[0]), close(out[1]);
    q->to = in[1];
    q->qt.fd = out[0];
    /* The QMP socket exists once QEMU has parsed its options. */
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    snprintf(sa.sun_path, sizeof sa.sun_path, "%s", q->sock);
    q->qmp.fd = -1;
    for (int i = 0; i < 500 && q->qmp.fd < 0; i++) {
        int fd = socket(AF_UNIX, SOCK_STREAM, 0);
        assert_true(fd >= 0);
        if (connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0) {
            q->qmp.fd = fd;
        } else {
            close(fd);
            struct timespec ts = {0, 20 * 1000 * 1000};
            nanosleep(&ts, NULL);
        }
    }
    assert_true(q->qmp.fd >= 0);
    char greeting[1024];
    assert_true(read_line(&q->qmp, greeting, sizeof greeting));
    assert_non_null(strstr(greeting, "QMP"));
    assert_true(qmp(q, "{\"execute\": \"qmp_capabilities\"}"));
    /* Start playing the CPU only once QEMU has finished its start-up (and
     * its machine reset): query-status says "running". */
    bool running = false;
    for (int i = 0; i < 500 && !running; i++) {
        assert_true(send_all(q->qmp.fd, "{\"execute\": \"query-status\"}\n"));
        char line[1024];
        while (read_line(&q->qmp, line, sizeof line)) {
            note_event(q, line);
            if (strstr(line, "\"return\"") != NULL) {
                running = strstr(line, "\"running\"") != NULL;
                break;
            }
        }
        if (!running) {
            struct timespec ts = {0, 10 * 1000 * 1000};
            nanosleep(&ts, NULL);
        }
    }
    assert_true(running);
    assert_true(qtest(q, "irq_intercept_in ioapic", NULL));
}

/* Wait (bounded) for QEMU to exit; its exit status, or -1 after killing it. */
static int qemu_stop(struct qemu *q)
{
    int status = 0;
    close(q->to);
    for (int i = 0; i < 500; i++) {
        pid_t r = waitpid(q->pid, &status, WNOHANG);
        if (r == q->pid)
            break;
        if (i == 499) {
            kill(q->pid, SIGKILL);
            waitpid(q->pid, &status, 0);
            status = -1;
        }
        struct timespec ts = {0, 20 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    q->pid = 0;
    close(q->qt.fd);
    close(q->qmp.fd);
    unlink(q->sock);
    unlink(q->bios);
    if (status == -1 || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

/* ---- the library's host: ports through qtest ---- */

static char width_letter(unsigned width)
{
    return width == 8 ? 'b' : width == 16 ? 'w' : 'l';
}

static enum acpi_status q_in(void *ctx, uint16_t port, unsigned width, uint32_t *value)
{
    char cmd[64];
    snprintf(cmd, sizeof cmd, "in%c 0x%x", width_letter(width), port);
    return qtest(ctx, cmd, value) ? ACPI_OK : ACPI_UNSUPPORTED;
}

static enum acpi_status q_out(void *ctx, uint16_t port, unsigned width, uint32_t value)
{
    char cmd[64];
    snprintf(cmd, sizeof cmd, "out%c 0x%x 0x%x", width_letter(width), port, value);
    return qtest(ctx, cmd, NULL) ? ACPI_OK : ACPI_UNSUPPORTED;
}

static void config_write(struct qemu *q, unsigned dev, unsigned fn, unsigned off, unsigned width,
                         uint32_t v)
{
    char cmd[64];
    snprintf(cmd, sizeof cmd, "outl 0xcf8 0x%x",
             0x80000000u | (dev << 11) | (fn << 8) | (off & 0xFCu));
    assert_true(qtest(q, cmd, NULL));
    snprintf(cmd, sizeof cmd, "out%c 0x%x 0x%x", width_letter(width), 0xCFCu + (off & 3u), v);
    assert_true(qtest(q, cmd, NULL));
}

/* SeaBIOS's part: the PM I/O base at the FADT's PM1a_EVT_BLK, decoding on. */
static void firmware_pm_base(struct qemu *q, const char *machine, const struct acpi_fadt *fadt)
{
    uint32_t base = fadt->pm1a_evt_blk;
    if (strcmp(machine, "pc") == 0) {
        /* PIIX4 function 3: PMBA at 0x40, PMIOSE (bit 0 of 0x80). */
        config_write(q, 1, 3, 0x40, 32, base | 1u);
        config_write(q, 1, 3, 0x80, 8, 0x01);
    } else {
        /* ICH9 LPC 00:1f.0: PMBASE at 0x40, ACPI_EN (bit 7 of ACPI_CNTL 0x44). */
        config_write(q, 31, 0, 0x40, 32, base | 1u);
        config_write(q, 31, 0, 0x44, 8, 0x80);
    }
}

struct seen {
    enum acpi_fixed_event fixed[8];
    unsigned fixed_n;
    uint16_t gpe[8];
    enum acpi_gpe_trigger trigger[8];
    unsigned gpe_n;
};

static void on_fixed(void *ctx, enum acpi_fixed_event e)
{
    struct seen *s = ctx;
    if (s->fixed_n < 8)
        s->fixed[s->fixed_n++] = e;
}

static enum acpi_gpe_result on_gpe(void *ctx, uint16_t n, enum acpi_gpe_trigger trigger)
{
    struct seen *s = ctx;
    if (s->gpe_n < 8) {
        s->gpe[s->gpe_n] = n;
        s->trigger[s->gpe_n++] = trigger;
    }
    return ACPI_GPE_DONE;
}

/* Call the SCI entry point until it handles something (QEMU raises the
 * event from its main loop, a little after the QMP command returned). */
static unsigned sci_until_handled(struct qemu *q, struct acpi_events *ev)
{
    for (int i = 0; i < 500; i++) {
        unsigned n = 0;
        assert_int_equal(acpi_sci_handle(ev, &n), ACPI_OK);
        if (n != 0)
            return n;
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    (void)q;
    return 0;
}

/* The wait's stall while acpi_sleep_enter polls WAK_STS after S3: the first
 * time, once QEMU reports it suspended, wake it (QMP system_wakeup: QEMU
 * resets the machine and sets WAK_STS) and do what SeaBIOS's resume path
 * does before the OS runs again, the PM I/O base. */
static void firmware_pm_base(struct qemu *q, const char *machine, const struct acpi_fadt *fadt);

static void s3_stall(void *ctx, uint32_t us)
{
    struct qemu *q = ctx;
    (void)us;
    if (q->stalls++ != 0)
        return;
    assert_true(qmp_wait_event(q, &q->suspend_seen));
    assert_true(qmp(q, "{\"execute\": \"system_wakeup\"}"));
    assert_true(qmp_wait_event(q, &q->wakeup_seen));
    /* QEMU resets the machine on wake-up, the PM device's PCI configuration
     * with it (the I/O decode enable: PIIX4 PMIOSE, bit 0 of 0x80; ICH9
     * ACPI_EN, bit 7 of 0x44), at times well after the WAKEUP event. Program
     * the base again once the reset has shown, as SeaBIOS's resume path
     * does; never before, or the unmapped 0x600 (all ones) would look like
     * WAK_STS. */
    bool pc = strcmp(q->machine, "pc") == 0;
    char cmd[64];
    snprintf(cmd, sizeof cmd, "outl 0xcf8 0x%x",
             pc ? 0x80000B80u : 0x8000F844u);
    for (int i = 0; i < 1000; i++) {
        uint32_t en = 0;
        assert_true(qtest(q, cmd, NULL));
        assert_true(qtest(q, "inb 0xcfc", &en));
        if (!(en & (pc ? 0x01u : 0x80u))) {
            firmware_pm_base(q, q->machine, q->fadt);
            q->resets_seen++;
            return;
        }
        struct timespec ts = {0, 10 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    fail_msg("%s: no machine reset within 10 s of the wake-up", q->machine);
}

static void machine_run(struct qemu *q, const char *machine, const char *config)
{
    qemu_start(q, machine);
    struct acpi_hw_host host = {.ctx = q, .io_read = q_in, .io_write = q_out};
    struct acpi_fadt fadt = hw_model_qemu_fadt(config);
    firmware_pm_base(q, machine, &fadt);
    struct acpi_hw_wait wait = {.max_polls = 1000};

    /* ACPI mode: QEMU's APM device sets SCI_EN on the FADT's ACPI_ENABLE. */
    uint32_t cnt = 0;
    assert_true(qtest(q, "inw 0x604", &cnt));
    if (cnt & ACPI_PM1_CNT_SCI_EN)
        fail_msg("PM1a_CNT 0x%x before ACPI_ENABLE", cnt);
    assert_int_equal(acpi_enable_acpi_mode(&host, &fadt, &wait), ACPI_OK);
    assert_true(qtest(q, "inw 0x604", &cnt));
    assert_true(cnt & ACPI_PM1_CNT_SCI_EN);

    struct acpi_events ev;
    struct acpi_gpe gpe;
    assert_int_equal(acpi_events_init(&ev, &host, &fadt), ACPI_OK);
    assert_int_equal(acpi_gpe_init(&gpe, &host, &fadt), ACPI_OK);
    acpi_events_attach_gpe(&ev, &gpe);
    assert_int_equal(acpi_events_reset(&ev), ACPI_OK);
    assert_int_equal(acpi_gpe_reset(&gpe), ACPI_OK);
    uint16_t sts;
    assert_int_equal(acpi_pm1_status_read(&ev, &sts), ACPI_OK);
    assert_int_equal(sts & ~ACPI_PM1_STS_TMR, 0); /* the PM timer keeps running */
    struct seen s = {0};
    unsigned n;
    /* Nothing pending: not ours. */
    assert_int_equal(acpi_sci_handle(&ev, &n), ACPI_OK);
    assert_int_equal(n, 0);

    /* The power button (fixed on QEMU: FADT PWR_BUTTON clear). */
    assert_int_equal(acpi_fixed_event_set_handler(&ev, ACPI_EVENT_POWER_BUTTON, on_fixed, &s),
                     ACPI_OK);
    assert_int_equal(acpi_fixed_event_enable(&ev, ACPI_EVENT_POWER_BUTTON), ACPI_OK);
    unsigned raises = q->sci_raises;
    assert_true(qmp(q, "{\"execute\": \"system_powerdown\"}"));
    assert_int_equal(sci_until_handled(q, &ev), 1);
    assert_int_equal(s.fixed_n, 1);
    assert_int_equal(s.fixed[0], ACPI_EVENT_POWER_BUTTON);
    assert_true(q->sci_raises > raises); /* QEMU raised GSI 9 ... */
    assert_int_equal(q->irq[SCI_GSI], 0); /* ... and lowered it on our acknowledge */

    /* S3 with \_S3 from the DSDT: QEMU suspends; woken, it sets WAK_STS,
     * which acpi_sleep_enter waits for; leaving clears it and puts the
     * run-time GPE enables back (QEMU's reset had cleared them). */
    uint64_t el[8];
    size_t count = hw_model_dsl_package(config, "_S3", el, 8);
    struct acpi_sleep_type s3, s0 = {0, 0};
    assert_int_equal(acpi_sleep_type_decode(count, el, &s3), ACPI_OK);
    q->machine = machine, q->fadt = &fadt;
    struct acpi_hw_wait s3_wait = {.ctx = q, .stall = s3_stall, .interval_us = 10,
                                   .max_polls = 1000};
    /* GPE 2 enabled for run time before sleeping: leaving must restore it. */
    assert_int_equal(acpi_gpe_enable(&gpe, 2), ACPI_OK);
    assert_int_equal(acpi_sleep_enter(&ev, &gpe, 3, s3, &s3_wait), ACPI_OK);
    assert_true(q->suspend_seen);
    assert_true(q->wakeup_seen);
    assert_int_equal(q->resets_seen, 1);
    assert_int_equal(acpi_sleep_leave(&ev, &gpe, s0), ACPI_OK);
    assert_int_equal(acpi_pm1_status_read(&ev, &sts), ACPI_OK);
    assert_false(sts & ACPI_PM1_STS_WAK_STS);
    bool set, enabled;
    assert_int_equal(acpi_gpe_status(&gpe, 2, &set, &enabled), ACPI_OK);
    assert_true(enabled);

    /* CPU hot-add: QEMU's DSDT handles it in \_GPE._E02. */
    acpi_gpe_set_handler(&gpe, on_gpe, &s);
    assert_int_equal(acpi_gpe_set_trigger(&gpe, 2, ACPI_GPE_EDGE), ACPI_OK);
    /* Only GPE 2 is enabled, by acpi_sleep_leave's restore above. */
    raises = q->sci_raises;
    assert_true(qmp(q, "{\"execute\": \"device_add\", \"arguments\": {\"driver\": "
                        "\"qemu64-x86_64-cpu\", \"id\": \"cpu1\", \"socket-id\": 1, "
                        "\"core-id\": 0, \"thread-id\": 0}}"));
    assert_int_equal(sci_until_handled(q, &ev), 1);
    assert_int_equal(s.gpe_n, 1);
    assert_int_equal(s.gpe[0], 2);
    assert_int_equal(s.trigger[0], ACPI_GPE_EDGE);
    assert_true(q->sci_raises > raises);
    assert_int_equal(q->irq[SCI_GSI], 0);

    /* Soft off with \_S5 as ACPICA disassembles QEMU's DSDT. */
    count = hw_model_dsl_package(config, "_S5", el, 8);
    struct acpi_sleep_type s5;
    assert_int_equal(acpi_sleep_type_decode(count, el, &s5), ACPI_OK);
    /* QEMU answers the SLP_EN write first, then acts on the shutdown
     * request in its main loop. */
    assert_int_equal(acpi_sleep_enter(&ev, &gpe, 5, s5, &wait), ACPI_OK);
    assert_true(qmp_wait_event(q, &q->shutdown_seen));
    assert_non_null(strstr(q->shutdown_event, "\"guest\": true"));
    assert_non_null(strstr(q->shutdown_event, "\"reason\": \"guest-shutdown\""));
    assert_int_equal(qemu_stop(q), 0);
    print_message("%s (%s): ACPI mode, power button, GPE 2 on CPU hot-add, S3 and back, S5 "
                  "shutdown as QEMU reports them\n", machine, config);
}

static int setup(void **state)
{
    struct qemu *q = calloc(1, sizeof *q);
    *state = q;
    return q == NULL ? -1 : 0;
}

/* A failed assertion leaves QEMU running: end it here, by its pid. */
static int teardown(void **state)
{
    struct qemu *q = *state;
    if (q->pid > 0) {
        kill(q->pid, SIGKILL);
        waitpid(q->pid, NULL, 0);
        close(q->to);
        close(q->qt.fd);
        if (q->qmp.fd >= 0)
            close(q->qmp.fd);
        unlink(q->sock);
        unlink(q->bios);
    }
    free(q);
    return 0;
}

static void i440fx(void **state)
{
    if (!qemu_installed())
        skip();
    machine_run(*state, "pc", "i440fx-seabios");
}

static void q35(void **state)
{
    if (!qemu_installed())
        skip();
    machine_run(*state, "q35", "q35-seabios");
}

static void q35_ovmf_tables(void **state)
{
    if (!qemu_installed())
        skip();
    machine_run(*state, "q35", "q35-ovmf");
}

static void q35_reset_register(void **state)
{
    if (!qemu_installed())
        skip();
    struct qemu *q = *state;
    qemu_start(q, "q35");
    struct acpi_hw_host host = {.ctx = q, .io_read = q_in, .io_write = q_out};
    struct acpi_fadt fadt = hw_model_qemu_fadt("q35-seabios");
    enum acpi_status st = acpi_hw_reset(&host, &fadt);
    assert_int_equal(st, ACPI_OK);
    assert_true(qmp_wait_event(q, &q->reset_seen));
    assert_non_null(strstr(q->reset_event, "\"guest\": true"));
    assert_true(qmp(q, "{\"execute\": \"quit\"}"));
    assert_int_equal(qemu_stop(q), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(i440fx, setup, teardown),
        cmocka_unit_test_setup_teardown(q35, setup, teardown),
        cmocka_unit_test_setup_teardown(q35_ovmf_tables, setup, teardown),
        cmocka_unit_test_setup_teardown(q35_reset_register, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
