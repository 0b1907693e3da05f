/* x86 port I/O: the one place the suite writes inline in/out instructions.
 *
 * Header-only so that uart16550, qemu_exit and pci_types can use it for their
 * x86 backends without linking libx86_64.a. Only compiled on x86 (x86_64 and
 * i686); on other architectures this header declares nothing.
 * Intel SDM Vol. 2: IN, OUT, INS, OUTS. */
#ifndef X86_64_PORT_H
#define X86_64_PORT_H

#if defined(__x86_64__) || defined(__i386__)

#include <stddef.h>
#include <stdint.h>

static inline void x86_outb(uint16_t port, uint8_t value)
{
    __asm__ __volatile__("outb %0, %1" : : "a"(value), "Nd"(port) : "memory");
}

static inline void x86_outw(uint16_t port, uint16_t value)
{
    __asm__ __volatile__("outw %0, %1" : : "a"(value), "Nd"(port) : "memory");
}

static inline void x86_outl(uint16_t port, uint32_t value)
{
    __asm__ __volatile__("outl %0, %1" : : "a"(value), "Nd"(port) : "memory");
}

static inline uint8_t x86_inb(uint16_t port)
{
    uint8_t value;
    __asm__ __volatile__("inb %1, %0" : "=a"(value) : "Nd"(port) : "memory");
    return value;
}

static inline uint16_t x86_inw(uint16_t port)
{
    uint16_t value;
    __asm__ __volatile__("inw %1, %0" : "=a"(value) : "Nd"(port) : "memory");
    return value;
}

static inline uint32_t x86_inl(uint16_t port)
{
    uint32_t value;
    __asm__ __volatile__("inl %1, %0" : "=a"(value) : "Nd"(port) : "memory");
    return value;
}

/* String forms (REP INS/OUTS): COUNT items between PORT and BUFFER, each access
 * at the width of the function, buffer ascending (the ABI keeps DF clear).
 * clang-tidy cannot see that REP INS writes through BUFFER, and a type in a
 * parameter declaration cannot be parenthesised: both findings are false. */
/* NOLINTBEGIN(bugprone-macro-parentheses, readability-non-const-parameter) */
#define X86_PORT_STRING(suffix, type)                                                    \
    static inline void x86_ins##suffix(uint16_t port, type *buffer, size_t count)          \
    {                                                                                    \
        __asm__ __volatile__("rep ins" #suffix                                            \
                             : "+D"(buffer), "+c"(count)                                  \
                             : "d"(port)                                                  \
                             : "memory");                                                 \
    }                                                                                    \
    static inline void x86_outs##suffix(uint16_t port, const type *buffer, size_t count)   \
    {                                                                                    \
        __asm__ __volatile__("rep outs" #suffix                                           \
                             : "+S"(buffer), "+c"(count)                                  \
                             : "d"(port)                                                  \
                             : "memory");                                                 \
    }

X86_PORT_STRING(b, uint8_t)
X86_PORT_STRING(w, uint16_t)
X86_PORT_STRING(l, uint32_t)
/* NOLINTEND(bugprone-macro-parentheses, readability-non-const-parameter) */

#endif /* x86 */
#endif /* X86_64_PORT_H */
