/* A register-level model of an 8042 PS/2 controller with a keyboard on its first port
 * and a mouse on its second, for host tests.
 *
 * Controller (IBM PS/2 Hardware Interface Technical Reference, "Keyboard/Auxiliary
 * Device Controller"): status register (OBF, IBF, system flag, A2, AUX output), a
 * queue of output bytes each tagged with its port, the configuration byte (0x20/0x60),
 * commands 0xA7/0xA8 (port 2 clock, configuration bit 5), 0xAD/0xAE (bit 4), 0xA9/0xAB
 * interface tests, 0xAA self-test (0x55; sets the system flag), 0xD4 (next data byte
 * to port 2); a data write without a pending command goes to the keyboard.
 * Knobs: absent (every read 0xFF), mute (never fills the output buffer), input_stuck
 * (IBF never clears), single_channel (no port 2: 0xA8 leaves bit 5 set, 0xD4 data is
 * lost), a time-out error (0xFE with status bit 6) for bytes sent to an absent device,
 * self-test failure, a self-test that resets the configuration byte to its
 * power-on value, interface-test answers.
 *
 * Keyboard (Technical Reference "Keyboard Commands"): FF reset (FA then AA, or FC
 * when bat_fails), F2 identify (FA AB 83), F0 get/select set (FA FA [set]), ED LEDs,
 * F3 typematic, F4/F5 scanning, F6 defaults, EE echo; unknown commands get FE.
 * `resend` makes it answer the next n bytes with FE (RESEND) before taking them;
 * `refuse_set` lists scan-code sets it refuses (FE). No translation of output.
 * Mouse: FF (FA AA 00), F2 (FA id), F3 sample rate (FA FA; the 200, 100, 80 knock
 * turns id 0 into 3 if `wheel`, then 200, 200, 80 into 4 if `five_buttons`), F4/F5, F6, E8 resolution, E6/E7 scaling.
 *
 * The model logs every command (write to 0x64), data write (0x60) and data read with
 * the port the byte came from, so tests assert programming sequences without the
 * status-register polls. */
#ifndef TESTS_I8042_MODEL_H
#define TESTS_I8042_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define I8042_MODEL_QUEUE 64
#define I8042_MODEL_LOG 512

enum i8042_log_kind { I8042_LOG_COMMAND, I8042_LOG_DATA_WRITE, I8042_LOG_DATA_READ };

struct i8042_log_entry {
    enum i8042_log_kind kind;
    uint8_t value;
    uint8_t port; /* data writes: 1 or 2 (the device it went to, 0 = controller
                     command data); reads: port the byte came from (0 = controller) */
};

struct i8042_kbd {
    bool present;
    bool bat_fails;
    unsigned resend;       /* knob: answer the next n bytes with FE */
    uint8_t refuse_set;    /* knob: bit n set = refuse scan-code set n */
    uint8_t pending;       /* command waiting for its data byte, 0 if none */
    uint8_t set, leds, typematic;
    bool scanning;
    unsigned resets;
};

struct i8042_mouse {
    bool present;
    bool wheel;            /* knob: answers the 200, 100, 80 knock with ID 3 */
    bool five_buttons;     /* knob: then answers 200, 200, 80 with ID 4 */
    uint8_t pending;
    uint8_t id, rate, resolution;
    bool scaling21, reporting;
    uint8_t knock[3];      /* the last three sample rates set */
};

struct i8042_model {
    /* knobs */
    bool absent, mute, input_stuck, single_channel;
    bool timeout_on_absent; /* a byte sent to an absent device comes back as 0xFE with
                               the status register's time-out bit (0x40) set */
    bool self_test_fails, self_test_resets_config;
    uint8_t port_test[2];  /* answers to 0xAB / 0xA9 (0x00 = passed) */
    /* controller state */
    uint8_t config;
    uint8_t status_flags;  /* system flag, A2 */
    uint8_t pending;       /* controller command waiting for its data byte */
    struct { uint8_t byte, port, errors; } queue[I8042_MODEL_QUEUE]; /* errors: status bits 6-7 */
    size_t head, count;
    size_t dropped;        /* output bytes lost to a full queue */
    struct i8042_kbd kbd;
    struct i8042_mouse mouse;
    struct i8042_log_entry log[I8042_MODEL_LOG];
    size_t log_count;
    bool log_overflow;
};

/* Power-on state: configuration 0x65 (as a BIOS leaves it: IRQ 1, system flag, port 2
 * clock off, translation; a self-test with self_test_resets_config restores it),
 * keyboard in set 2, typematic 0x2B (10.9 cps, 500 ms), mouse id 0,
 * rate 100; both devices present; nothing queued. */
void i8042_model_init(struct i8042_model *m);

uint8_t i8042_model_read_status(struct i8042_model *m);
uint8_t i8042_model_read_data(struct i8042_model *m);
void i8042_model_write_command(struct i8042_model *m, uint8_t value);
void i8042_model_write_data(struct i8042_model *m, uint8_t value);

/* A device puts `byte` in the output queue, from `port` (1 or 2). */
void i8042_model_output(struct i8042_model *m, unsigned port, uint8_t byte);
/* The keyboard types bytes (scan codes) if scanning is on. */
void i8042_model_type(struct i8042_model *m, const uint8_t *bytes, size_t len);
void i8042_model_clear_log(struct i8042_model *m);

/* mock_port handlers for ports 0x60 and 0x64 (1-byte accesses). */
uint32_t i8042_model_port_read(void *dev, uint16_t port, unsigned width);
void i8042_model_port_write(void *dev, uint16_t port, unsigned width, uint32_t value);

#endif
