#include "ec_model.h"

#include <string.h>

/* EC_SC bits (ACPI 6.5, Table 12.2). */
#define OBF 0x01u
#define IBF 0x02u
#define CMD 0x08u
#define BURST 0x10u
#define SCI_EVT 0x20u

void ec_model_init(struct ec_model *ec)
{
    memset(ec, 0, sizeof *ec);
    ec->burst_ack = 0x90;
}

static void update_sci(struct ec_model *ec)
{
    if (ec->queue_count != 0 || ec->sci_stuck)
        ec->status |= SCI_EVT;
    else
        ec->status &= (uint8_t)~SCI_EVT;
}

int ec_model_queue_event(struct ec_model *ec, uint8_t query)
{
    if (ec->queue_count == EC_MODEL_QUEUE)
        return -1;
    ec->queue[(ec->queue_head + ec->queue_count++) % EC_MODEL_QUEUE] = query;
    update_sci(ec);
    return 0;
}

static void produce(struct ec_model *ec, uint8_t byte)
{
    ec->output = byte;
    ec->output_pending = true;
    ec->output_wait = ec->obf_delay;
}

static void take_command(struct ec_model *ec, uint8_t cmd)
{
    if (ec->state != EC_MODEL_IDLE)
        ec->violations++; /* a command in the middle of another one */
    ec->state = EC_MODEL_IDLE;
    switch (cmd) {
    case 0x80:
        ec->commands[0]++;
        ec->state = EC_MODEL_RD_ADDRESS;
        break;
    case 0x81:
        ec->commands[1]++;
        ec->state = EC_MODEL_WR_ADDRESS;
        break;
    case 0x82: /* 12.3.3: burst mode on, acknowledge in EC_DATA */
        ec->commands[2]++;
        ec->status |= BURST;
        produce(ec, ec->burst_ack);
        break;
    case 0x83:
        ec->commands[3]++;
        ec->status &= (uint8_t)~BURST;
        break;
    case 0x84: { /* 12.3.5: the oldest query number, 0 when none */
        ec->commands[4]++;
        uint8_t q = 0;
        if (ec->sci_stuck) {
            q = ec->stuck_query;
        } else if (ec->queue_count != 0) {
            q = ec->queue[ec->queue_head];
            ec->queue_head = (ec->queue_head + 1) % EC_MODEL_QUEUE;
            ec->queue_count--;
        }
        update_sci(ec);
        produce(ec, q);
        break;
    }
    default:
        ec->violations++;
        break;
    }
}

static void take_data(struct ec_model *ec, uint8_t byte)
{
    switch (ec->state) {
    case EC_MODEL_RD_ADDRESS:
        produce(ec, ec->space[byte]);
        ec->state = EC_MODEL_IDLE;
        break;
    case EC_MODEL_WR_ADDRESS:
        ec->address = byte;
        ec->state = EC_MODEL_WR_DATA;
        break;
    case EC_MODEL_WR_DATA:
        ec->space[ec->address] = byte;
        ec->state = EC_MODEL_IDLE;
        break;
    default:
        ec->violations++;
        break;
    }
}

/* One step of EC time, taken on every status read. */
static void tick(struct ec_model *ec)
{
    if ((ec->status & IBF) && !ec->stall_input) {
        if (ec->input_wait > 0) {
            ec->input_wait--;
        } else {
            ec->status &= (uint8_t)~IBF;
            if (ec->input_is_command)
                take_command(ec, ec->input);
            else
                take_data(ec, ec->input);
            return; /* what it produces shows up on a later read */
        }
    }
    if (ec->output_pending && !ec->stall_output) {
        if (ec->output_wait > 0) {
            ec->output_wait--;
        } else {
            ec->output_pending = false;
            ec->status |= OBF;
        }
    }
}

static void host_write(struct ec_model *ec, uint8_t byte, bool command)
{
    if (ec->status & IBF)
        ec->violations++; /* 12.2.1: the host must wait for IBF clear */
    ec->input = byte;
    ec->input_is_command = command;
    ec->input_wait = ec->ibf_delay;
    ec->status |= IBF;
    if (command)
        ec->status |= CMD;
    else
        ec->status &= (uint8_t)~CMD;
}

static void check_width(struct ec_model *ec, unsigned width)
{
    if (width != 1)
        ec->violations++; /* both registers are bytes (12.2) */
}

static uint32_t sc_read(void *dev, uint16_t port, unsigned width)
{
    struct ec_model *ec = dev;
    (void)port;
    check_width(ec, width);
    ec->status_reads++;
    tick(ec);
    return ec->status;
}

static void sc_write(void *dev, uint16_t port, unsigned width, uint32_t value)
{
    struct ec_model *ec = dev;
    (void)port;
    check_width(ec, width);
    host_write(ec, (uint8_t)value, true);
}

static uint32_t data_read(void *dev, uint16_t port, unsigned width)
{
    struct ec_model *ec = dev;
    (void)port;
    check_width(ec, width);
    if (!(ec->status & OBF))
        ec->violations++; /* 12.2.1: read only once OBF is set */
    ec->status &= (uint8_t)~OBF;
    return ec->output;
}

static void data_write(void *dev, uint16_t port, unsigned width, uint32_t value)
{
    struct ec_model *ec = dev;
    (void)port;
    check_width(ec, width);
    host_write(ec, (uint8_t)value, false);
}

int ec_model_attach(struct ec_model *ec, struct mock_port *ports, uint16_t data_port,
                    uint16_t command_port)
{
    if (mock_port_add(ports, data_port, 1, data_read, data_write, ec) != 0)
        return -1;
    return mock_port_add(ports, command_port, 1, sc_read, sc_write, ec);
}
