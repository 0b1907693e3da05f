/*
 * apic/pit.h: the 8254 programmable interval timer of the PC (Intel 8254
 * datasheet: control word format, counter latch and read-back commands, modes
 * 0-5) at ports 0x40-0x43, input clock 1193182 Hz (14.31818 MHz / 12), and port
 * 0x61's timer-2 gate and output (IBM PC/AT system control port B).
 *
 * Channel 0 drives IRQ0 (rate generator or one-shot); channel 2's gate is under
 * software control, so it serves as a polled reference clock and delay even
 * with interrupts off. Host callbacks used: inb/outb.
 */
#ifndef APIC_PIT_H
#define APIC_PIT_H

#include "apic/host.h"

#define APIC_PIT_FREQUENCY_HZ 1193182u
#define APIC_PIT_CHANNEL0 0x40u
#define APIC_PIT_CHANNEL2 0x42u
#define APIC_PIT_COMMAND  0x43u
#define APIC_PIT_PORT_B   0x61u
/* Port 0x61 bits as QEMU's hw/audio/pcspk.c implements them (bit 4, read only,
 * toggles like the AT's refresh signal); no IBM document was at hand. */
#define APIC_PIT_PORT_B_GATE2   0x01u   /* timer 2 gate */
#define APIC_PIT_PORT_B_SPEAKER 0x02u   /* speaker data enable */
#define APIC_PIT_PORT_B_OUT2    0x20u   /* timer 2 output (read only) */

/* Control word fields (8254 datasheet, "Control Word Format": SC1:SC0 D7:D6,
 * 11 = read-back; RW1:RW0 D5:D4, 00 = counter latch, 11 = LSB then MSB;
 * M2:M0 D3:D1; BCD D0). The figure number was not found in a stored copy of
 * the datasheet; the encodings agree with QEMU's hw/timer/i8254.c. */
#define APIC_PIT_SC_SHIFT  6
#define APIC_PIT_RW_LATCH  0x00u
#define APIC_PIT_RW_LSB_MSB 0x30u
#define APIC_PIT_MODE_SHIFT 1
#define APIC_PIT_READ_BACK 0xC0u

enum apic_pit_mode {
    APIC_PIT_MODE_TERMINAL_COUNT = 0,  /* one-shot: OUT rises when the count ends */
    APIC_PIT_MODE_ONE_SHOT = 1,        /* hardware-retriggerable (gate) one-shot */
    APIC_PIT_MODE_RATE = 2,            /* rate generator: periodic */
    APIC_PIT_MODE_SQUARE = 3,
    APIC_PIT_MODE_SW_STROBE = 4,
    APIC_PIT_MODE_HW_STROBE = 5
};

/* Program CHANNEL (0..2) in MODE, binary, LSB then MSB, with COUNT (1..65536;
 * 65536 is written as 0; mode 2 and 3 need at least 2). Channel 2's gate is not
 * touched here (apic_pit_gate2). APIC_INVALID_ARGUMENT otherwise. */
APIC_MUST_USE enum apic_status apic_pit_start(const struct apic_host *host, unsigned channel,
                                              enum apic_pit_mode mode, uint32_t count);
/* IRQ0 every COUNT input ticks (mode 2), or once after COUNT (mode 0). */
APIC_MUST_USE enum apic_status apic_pit_channel0_periodic(const struct apic_host *host,
                                                          uint32_t count);
APIC_MUST_USE enum apic_status apic_pit_channel0_one_shot(const struct apic_host *host,
                                                          uint32_t count);

/* Read CHANNEL's count with a counter-latch command, so the two bytes belong to
 * one value. A channel above 2 reads 0 without any access (also below). */
uint16_t apic_pit_read_count(const struct apic_host *host, unsigned channel);
/* Read-back command (8254 only): status byte of CHANNEL (bit 7 OUT, bit 6 null
 * count, bits 5:0 the programmed control bits). */
uint8_t apic_pit_read_status(const struct apic_host *host, unsigned channel);

/* Channel 2 gate on or off, with the speaker disconnected (port 0x61 bits 0, 1). */
void apic_pit_gate2(const struct apic_host *host, bool on);
bool apic_pit_out2(const struct apic_host *host);

/* Count for HZ interrupts per second: rounded, clamped to 2..65536. */
uint32_t apic_pit_count_for_hz(uint32_t hz);

/* Reference clock over channel 2: programs it as a free-running rate generator
 * (mode 2, count 65536) with the gate on, and fills OUT with a reader giving
 * 65536 - count (counting up, mask 0xFFFF, 1193182 Hz). It wraps every 54.9 ms,
 * so it suits calibration windows of any length (polling reads it far more
 * often). OUT keeps HOST, which must outlive it. */
APIC_MUST_USE enum apic_status apic_pit_ref_clock(const struct apic_host *host,
                                                  struct apic_ref_clock *out);

/* Busy-wait US microseconds on channel 2 in mode 0 (terminal count), in pieces
 * of at most 50 ms, polling port 0x61's OUT2 at most SPIN_LIMIT times per piece
 * (0: APIC_DEFAULT_SPIN_LIMIT). APIC_BAD_HARDWARE when OUT2 is high right
 * after programming (no PIT: the port reads all ones); APIC_TIMEOUT when OUT2
 * never rose. Leaves channel 2's gate off. */
APIC_MUST_USE enum apic_status apic_pit_delay_us(const struct apic_host *host, uint32_t us,
                                                 uint32_t spin_limit);

#endif
