#include "i8042_model.h"

#include <string.h>

#define POWER_ON_CONFIG 0x65u
#define ST_OBF 0x01u
#define ST_IBF 0x02u
#define ST_SYS 0x04u
#define ST_A2 0x08u
#define ST_AUX 0x20u
#define ST_TIMEOUT 0x40u
#define CFG_PORT1_OFF 0x10u
#define CFG_PORT2_OFF 0x20u

static void log_entry(struct i8042_model *m, enum i8042_log_kind kind, uint8_t value,
                      uint8_t port)
{
    if (m->log_count == I8042_MODEL_LOG) {
        m->log_overflow = true;
        return;
    }
    m->log[m->log_count++] = (struct i8042_log_entry){kind, value, port};
}

static void kbd_defaults(struct i8042_kbd *k)
{
    k->set = 2;
    k->leds = 0;
    k->typematic = 0x2B;
    k->scanning = true;
    k->pending = 0;
}

static void mouse_defaults(struct i8042_mouse *ms)
{
    ms->rate = 100;
    ms->resolution = 2;
    ms->scaling21 = false;
    ms->reporting = false;
    ms->pending = 0;
}

void i8042_model_init(struct i8042_model *m)
{
    memset(m, 0, sizeof *m);
    m->config = POWER_ON_CONFIG;
    m->status_flags = ST_SYS;
    m->kbd.present = true;
    kbd_defaults(&m->kbd);
    m->mouse.present = true;
    mouse_defaults(&m->mouse);
}

static void output_with_errors(struct i8042_model *m, unsigned port, uint8_t byte,
                               uint8_t errors)
{
    if (m->mute) {
        return;
    }
    if (m->count == I8042_MODEL_QUEUE) {
        m->dropped++;
        return;
    }
    size_t tail = (m->head + m->count) % I8042_MODEL_QUEUE;
    m->queue[tail].byte = byte;
    m->queue[tail].port = (uint8_t)port;
    m->queue[tail].errors = errors;
    m->count++;
}

void i8042_model_output(struct i8042_model *m, unsigned port, uint8_t byte)
{
    output_with_errors(m, port, byte, 0);
}

/* A device that is not there: nothing, or the controller's time-out answer. */
static void absent_device(struct i8042_model *m, unsigned port)
{
    if (m->timeout_on_absent) {
        output_with_errors(m, port, 0xFE, ST_TIMEOUT);
    }
}

uint8_t i8042_model_read_status(struct i8042_model *m)
{
    if (m->absent) {
        return 0xFF;
    }
    uint8_t st = m->status_flags;
    if (m->input_stuck) {
        st |= ST_IBF;
    }
    if (m->count > 0) {
        st |= ST_OBF;
        if (m->queue[m->head].port == 2) {
            st |= ST_AUX;
        }
        st |= m->queue[m->head].errors;
    }
    return st;
}

uint8_t i8042_model_read_data(struct i8042_model *m)
{
    if (m->absent) {
        return 0xFF;
    }
    if (m->count == 0) {
        log_entry(m, I8042_LOG_DATA_READ, 0, 0xFF);
        return 0; /* an empty output buffer reads its last value; 0 here */
    }
    uint8_t byte = m->queue[m->head].byte;
    uint8_t port = m->queue[m->head].port;
    m->head = (m->head + 1) % I8042_MODEL_QUEUE;
    m->count--;
    log_entry(m, I8042_LOG_DATA_READ, byte, port);
    return byte;
}

static void controller_reply(struct i8042_model *m, uint8_t byte)
{
    i8042_model_output(m, 0, byte);
}

void i8042_model_write_command(struct i8042_model *m, uint8_t value)
{
    if (m->absent || m->input_stuck) {
        return;
    }
    log_entry(m, I8042_LOG_COMMAND, value, 0);
    m->status_flags |= ST_A2;
    m->pending = 0;
    switch (value) {
    case 0x20: controller_reply(m, m->config); break;
    case 0x60: case 0xD4: m->pending = value; break;
    case 0xA7:
        if (!m->single_channel) {
            m->config |= CFG_PORT2_OFF;
        }
        break;
    case 0xA8:
        if (!m->single_channel) {
            m->config &= (uint8_t)~CFG_PORT2_OFF;
        }
        break;
    case 0xA9:
        if (!m->single_channel) {
            controller_reply(m, m->port_test[1]);
        }
        break;
    case 0xAA:
        if (m->self_test_resets_config) {
            m->config = POWER_ON_CONFIG;
        }
        m->status_flags |= ST_SYS;
        controller_reply(m, m->self_test_fails ? 0xFC : 0x55);
        break;
    case 0xAB: controller_reply(m, m->port_test[0]); break;
    case 0xAD: m->config |= CFG_PORT1_OFF; break;
    case 0xAE: m->config &= (uint8_t)~CFG_PORT1_OFF; break;
    default: break; /* other commands: no effect in this model */
    }
}

static void kbd_reply(struct i8042_model *m, uint8_t byte)
{
    i8042_model_output(m, 1, byte);
}

static void kbd_argument(struct i8042_model *m, uint8_t cmd, uint8_t value)
{
    struct i8042_kbd *k = &m->kbd;
    switch (cmd) {
    case 0xED: k->leds = value & 0x07u; kbd_reply(m, 0xFA); break;
    case 0xF3: k->typematic = value & 0x7Fu; kbd_reply(m, 0xFA); break;
    case 0xF0:
        if (value == 0) {
            kbd_reply(m, 0xFA);
            kbd_reply(m, k->set);
        } else if (value <= 3 && (k->refuse_set & (1u << value)) == 0) {
            k->set = value;
            kbd_reply(m, 0xFA);
        } else {
            kbd_reply(m, 0xFE);
        }
        break;
    default: break;
    }
}

static void kbd_receive(struct i8042_model *m, uint8_t value)
{
    struct i8042_kbd *k = &m->kbd;
    if (!k->present) {
        absent_device(m, 1);
        return;
    }
    if (k->resend > 0) {
        k->resend--;
        kbd_reply(m, 0xFE);
        return;
    }
    if (k->pending != 0 && value < 0xED) {
        uint8_t cmd = k->pending;
        k->pending = 0;
        kbd_argument(m, cmd, value);
        return;
    }
    k->pending = 0;
    switch (value) {
    case 0xFF:
        kbd_defaults(k);
        k->resets++;
        kbd_reply(m, 0xFA);
        kbd_reply(m, k->bat_fails ? 0xFC : 0xAA);
        break;
    case 0xF2: kbd_reply(m, 0xFA); kbd_reply(m, 0xAB); kbd_reply(m, 0x83); break;
    case 0xED: case 0xF0: case 0xF3: k->pending = value; kbd_reply(m, 0xFA); break;
    case 0xF4: k->scanning = true; kbd_reply(m, 0xFA); break;
    case 0xF5: kbd_defaults(k); k->scanning = false; kbd_reply(m, 0xFA); break;
    case 0xF6: kbd_defaults(k); kbd_reply(m, 0xFA); break;
    case 0xEE: kbd_reply(m, 0xEE); break;
    default: kbd_reply(m, 0xFE); break;
    }
}

static void mouse_reply(struct i8042_model *m, uint8_t byte)
{
    i8042_model_output(m, 2, byte);
}

static void mouse_receive(struct i8042_model *m, uint8_t value)
{
    struct i8042_mouse *ms = &m->mouse;
    if (!ms->present) {
        absent_device(m, 2);
        return;
    }
    if (ms->pending != 0) {
        uint8_t cmd = ms->pending;
        ms->pending = 0;
        if (cmd == 0xF3) {
            ms->rate = value;
            ms->knock[0] = ms->knock[1];
            ms->knock[1] = ms->knock[2];
            ms->knock[2] = value;
            /* IntelliMouse: sample rates 200, 100, 80 in a row turn on the wheel. */
            if (ms->id == 0 && ms->wheel && ms->knock[0] == 200 && ms->knock[1] == 100 && ms->knock[2] == 80) {
                ms->id = 3;
            } else if (ms->id == 3 && ms->knock[0] == 200 && ms->knock[1] == 200 &&
                       ms->knock[2] == 80 && ms->five_buttons) {
                ms->id = 4;
            }
        } else {
            ms->resolution = value & 0x03u;
        }
        mouse_reply(m, 0xFA);
        return;
    }
    switch (value) {
    case 0xFF:
        mouse_defaults(ms);
        ms->id = 0;
        mouse_reply(m, 0xFA);
        mouse_reply(m, 0xAA);
        mouse_reply(m, 0x00);
        break;
    case 0xF2: mouse_reply(m, 0xFA); mouse_reply(m, ms->id); break;
    case 0xF3: case 0xE8: ms->pending = value; mouse_reply(m, 0xFA); break;
    case 0xF4: ms->reporting = true; mouse_reply(m, 0xFA); break;
    case 0xF5: ms->reporting = false; mouse_reply(m, 0xFA); break;
    case 0xF6: mouse_defaults(ms); mouse_reply(m, 0xFA); break;
    case 0xE6: ms->scaling21 = false; mouse_reply(m, 0xFA); break;
    case 0xE7: ms->scaling21 = true; mouse_reply(m, 0xFA); break;
    default: mouse_reply(m, 0xFE); break;
    }
}

void i8042_model_write_data(struct i8042_model *m, uint8_t value)
{
    if (m->absent || m->input_stuck) {
        return;
    }
    m->status_flags &= (uint8_t)~ST_A2;
    uint8_t pending = m->pending;
    m->pending = 0;
    if (pending == 0x60) {
        log_entry(m, I8042_LOG_DATA_WRITE, value, 0);
        m->config = value;
        return;
    }
    if (pending == 0xD4) {
        log_entry(m, I8042_LOG_DATA_WRITE, value, 2);
        if (!m->single_channel) {
            mouse_receive(m, value);
        }
        return;
    }
    log_entry(m, I8042_LOG_DATA_WRITE, value, 1);
    kbd_receive(m, value);
}

void i8042_model_type(struct i8042_model *m, const uint8_t *bytes, size_t len)
{
    for (size_t i = 0; i < len && m->kbd.scanning; i++) {
        kbd_reply(m, bytes[i]);
    }
}

void i8042_model_clear_log(struct i8042_model *m)
{
    m->log_count = 0;
    m->log_overflow = false;
}

uint32_t i8042_model_port_read(void *dev, uint16_t port, unsigned width)
{
    struct i8042_model *m = dev;
    if (width != 1) {
        return 0xFFFFFFFFu;
    }
    return port == 0x64 ? i8042_model_read_status(m) : i8042_model_read_data(m);
}

void i8042_model_port_write(void *dev, uint16_t port, unsigned width, uint32_t value)
{
    struct i8042_model *m = dev;
    if (width != 1) {
        return;
    }
    if (port == 0x64) {
        i8042_model_write_command(m, (uint8_t)value);
    } else {
        i8042_model_write_data(m, (uint8_t)value);
    }
}
