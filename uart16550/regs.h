/*
 * uart16550/regs.h: register numbers and bits of the 16550 UART, as named in the
 * National Semiconductor PC16550D datasheet (Table II, "Summary of Registers").
 * Register numbers are indices; the address of register n is base + (n << reg_shift).
 * Header-only constants, usable from assembly.
 */
#ifndef UART16550_REGS_H
#define UART16550_REGS_H

/* Register numbers. RBR/THR/DLL and IER/DLM share 0 and 1, selected by LCR.DLAB;
 * IIR (read) and FCR (write) share 2. */
#define UART16550_RBR 0u /* receiver buffer (read, DLAB = 0) */
#define UART16550_THR 0u /* transmitter holding (write, DLAB = 0) */
#define UART16550_DLL 0u /* divisor latch low byte (DLAB = 1) */
#define UART16550_IER 1u /* interrupt enable (DLAB = 0) */
#define UART16550_DLM 1u /* divisor latch high byte (DLAB = 1) */
#define UART16550_IIR 2u /* interrupt identification (read) */
#define UART16550_FCR 2u /* FIFO control (write) */
#define UART16550_LCR 3u /* line control */
#define UART16550_MCR 4u /* modem control */
#define UART16550_LSR 5u /* line status */
#define UART16550_MSR 6u /* modem status */
#define UART16550_SCR 7u /* scratch */

/* IER: interrupt enable. */
#define UART16550_IER_ERBFI 0x01u /* received data available */
#define UART16550_IER_ETBEI 0x02u /* transmitter holding register empty */
#define UART16550_IER_ELSI  0x04u /* receiver line status */
#define UART16550_IER_EDSSI 0x08u /* modem status */

/* IIR: bit 0 clear means an interrupt is pending; bits 1-3 identify it. */
#define UART16550_IIR_NO_INT     0x01u
#define UART16550_IIR_ID_MASK    0x0Eu
#define UART16550_IIR_ID_MS      0x00u /* modem status */
#define UART16550_IIR_ID_THRE    0x02u /* transmitter holding register empty */
#define UART16550_IIR_ID_RDA     0x04u /* received data available */
#define UART16550_IIR_ID_RLS     0x06u /* receiver line status */
#define UART16550_IIR_ID_CTI     0x0Cu /* character timeout (FIFO mode) */
#define UART16550_IIR_FIFOS_ON   0xC0u /* both set when FCR bit 0 is set */

/* FCR: FIFO control. */
#define UART16550_FCR_ENABLE     0x01u
#define UART16550_FCR_CLEAR_RX   0x02u
#define UART16550_FCR_CLEAR_TX   0x04u
#define UART16550_FCR_DMA_MODE   0x08u
#define UART16550_FCR_TRIGGER_1  0x00u /* receiver trigger level, bytes */
#define UART16550_FCR_TRIGGER_4  0x40u
#define UART16550_FCR_TRIGGER_8  0x80u
#define UART16550_FCR_TRIGGER_14 0xC0u

/* LCR: line control. WLS is data bits - 5. */
#define UART16550_LCR_WLS_MASK   0x03u
#define UART16550_LCR_STB        0x04u /* 2 stop bits (1.5 with 5 data bits) */
#define UART16550_LCR_PEN        0x08u /* parity enable */
#define UART16550_LCR_EPS        0x10u /* even parity select */
#define UART16550_LCR_STICK      0x20u /* stick parity */
#define UART16550_LCR_BREAK      0x40u /* set break */
#define UART16550_LCR_DLAB       0x80u /* divisor latch access */

/* MCR: modem control. */
#define UART16550_MCR_DTR  0x01u
#define UART16550_MCR_RTS  0x02u
#define UART16550_MCR_OUT1 0x04u
#define UART16550_MCR_OUT2 0x08u /* gates the interrupt line on PCs */
#define UART16550_MCR_LOOP 0x10u

/* LSR: line status. Reading LSR clears OE, PE, FE and BI. */
#define UART16550_LSR_DR        0x01u /* data ready */
#define UART16550_LSR_OE        0x02u /* overrun error */
#define UART16550_LSR_PE        0x04u /* parity error */
#define UART16550_LSR_FE        0x08u /* framing error */
#define UART16550_LSR_BI        0x10u /* break interrupt */
#define UART16550_LSR_THRE      0x20u /* transmitter holding register (or FIFO) empty */
#define UART16550_LSR_TEMT      0x40u /* transmitter empty (THR and shift register) */
#define UART16550_LSR_FIFO_ERR  0x80u /* error in receiver FIFO */
#define UART16550_LSR_ERRORS    0x1Eu /* OE | PE | FE | BI */

/* MSR: modem status. Reading MSR clears the delta bits 0-3. */
#define UART16550_MSR_DCTS 0x01u
#define UART16550_MSR_DDSR 0x02u
#define UART16550_MSR_TERI 0x04u
#define UART16550_MSR_DDCD 0x08u
#define UART16550_MSR_CTS  0x10u
#define UART16550_MSR_DSR  0x20u
#define UART16550_MSR_RI   0x40u
#define UART16550_MSR_DCD  0x80u

/* The PC's standard input clock: 1.8432 MHz, so divisor 1 gives 115200 baud. */
#define UART16550_DEFAULT_CLOCK_HZ 1843200u
/* Depth of the 16550's transmit and receive FIFOs. */
#define UART16550_FIFO_DEPTH 16u

#endif
