/* acpi/aml_host.h - what the AML interpreter needs from its host.
 *
 * One struct of function pointers plus a context pointer, as everywhere in the
 * suite. Every pointer may be NULL unless said otherwise; an operation whose
 * callback is missing fails with ACPI_UNSUPPORTED for that access only.
 *
 * Memory: the interpreter allocates only through struct acpi_aml_memory: either
 * the host's alloc/free pair (free gets back the size that was asked for), or the
 * ready-made arena over one caller buffer (acpi_aml_arena_init), so AML can run
 * before a kernel has a heap. `cap` bounds the bytes live at once, whatever the
 * AML asks for.
 */
#ifndef ACPI_AML_HOST_H
#define ACPI_AML_HOST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/status.h"

/* Address space identifiers of OperationRegion (ACPI 6.5, 19.6.100). */
enum acpi_aml_space {
    ACPI_AML_SPACE_SYSTEM_MEMORY = 0,
    ACPI_AML_SPACE_SYSTEM_IO = 1,
    ACPI_AML_SPACE_PCI_CONFIG = 2,
    ACPI_AML_SPACE_EMBEDDED_CONTROL = 3,
    ACPI_AML_SPACE_SMBUS = 4,
    ACPI_AML_SPACE_SYSTEM_CMOS = 5,
    ACPI_AML_SPACE_PCI_BAR_TARGET = 6,
    ACPI_AML_SPACE_IPMI = 7,
    ACPI_AML_SPACE_GENERAL_PURPOSE_IO = 8,
    ACPI_AML_SPACE_GENERIC_SERIAL_BUS = 9,
    ACPI_AML_SPACE_PCC = 10,
    /* 0x80-0xFF: OEM defined. DataTableRegion is space 0x7E internally (its
     * bytes are a table the interpreter already holds). */
    ACPI_AML_SPACE_DATA_TABLE = 0x7E,
};

/* Log levels for host->log. */
enum acpi_aml_log_level {
    ACPI_AML_LOG_ERROR = 0,
    ACPI_AML_LOG_WARN = 1,
    ACPI_AML_LOG_INFO = 2,   /* the Debug object, Fatal, BreakPoint */
    ACPI_AML_LOG_TRACE = 3,
};

struct acpi_aml_node;

/* One access of a region handler: `address` is the region's base plus the field's
 * byte offset (for PCI_Config, the register offset), `width` 1, 2, 4 or 8 bytes.
 * `node` is the OperationRegion's namespace node. */
struct acpi_aml_region_access {
    uint8_t space;
    uint8_t width;
    bool write;
    uint64_t address;
    uint64_t *value;                       /* in for writes, out for reads */
    const struct acpi_aml_node *node;
    uint16_t pci_segment;                  /* PCI_Config only: resolved _SEG, _BBN, _ADR */
    uint8_t pci_bus, pci_device, pci_function;
    /* SMBus, IPMI and GenericSerialBus fields use the buffer protocol of ACPI
     * 6.5, 5.5.2.4.5-6 instead of `value`: `buffer` holds Status, Length and
     * the data (34, 66 and 257 bytes), in for writes and out for reads alike;
     * `address` is the region's offset plus the field's byte offset (the
     * command), `attrib` the AccessAs attribute, `connection` the field's
     * Connection() resource bytes (NULL when none). */
    uint8_t *buffer;
    uint32_t buffer_len;
    uint8_t attrib;
    const uint8_t *connection;
    uint32_t connection_len;
};

typedef enum acpi_status (*acpi_aml_region_handler)(void *ctx,
                                                    const struct acpi_aml_region_access *access);

struct acpi_aml_host {
    void *ctx;

    /* Physical memory, the suite's map contract: map returns a pointer to exactly
     * `phys` (any alignment) valid for `len` bytes, NULL on failure; unmap gets
     * back the same pointer and length. Used by SystemMemory regions (one map per
     * access, of the access width) and Load of a SystemMemory region. */
    void *(*map)(void *ctx, uint64_t phys, size_t len);
    void (*unmap)(void *ctx, void *virt, size_t len);

    /* Port I/O, width-exact: never split into narrower accesses. */
    uint32_t (*port_read)(void *ctx, uint16_t port, uint8_t width);
    void (*port_write)(void *ctx, uint16_t port, uint8_t width, uint32_t value);

    /* PCI configuration space by segment/bus/device/function, width 1, 2, 4 or 8;
     * an absent function reads all ones. */
    uint64_t (*pci_read)(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                         uint16_t offset, uint8_t width);
    void (*pci_write)(void *ctx, uint16_t seg, uint8_t bus, uint8_t dev, uint8_t fn,
                      uint16_t offset, uint8_t width, uint64_t value);

    /* Monotonic clock in nanoseconds: loop timeouts, the Timer opcode (in 100 ns
     * units) and Wait/Acquire timeouts. NULL: a counter that advances 1 ms per
     * call, so loop timeouts still end hostile loops. */
    uint64_t (*clock_ns)(void *ctx);
    /* Sleep (may yield) in milliseconds; Stall (busy wait) in microseconds. */
    void (*sleep_ms)(void *ctx, uint64_t ms);
    void (*stall_us)(void *ctx, uint32_t us);

    /* Text for the Debug object, Fatal, BreakPoint and interpreter errors; one
     * call per line, `msg` NUL-terminated and without the newline. */
    void (*log)(void *ctx, enum acpi_aml_log_level level, const char *msg);

    /* Notify(node, value) from AML. */
    void (*notify)(void *ctx, const struct acpi_aml_node *node, uint64_t value);

    /* Fatal(type, code, arg) from AML: reported, execution goes on. */
    void (*fatal)(void *ctx, uint8_t type, uint32_t code, uint64_t arg);

    /* Global lock (ACPI 6.5, 5.2.10.1) for fields with the Lock rule and
     * Acquire(\_GL): true when acquired. NULL: always acquired (single CPU). */
    bool (*global_lock_acquire)(void *ctx);
    void (*global_lock_release)(void *ctx);

    /* Host-side locking for a multi-threaded kernel: taken around every public
     * call that touches the interpreter (evaluate, load, initialise, lookup,
     * value release, handler installation, _OSI edits, error reads). NULL:
     * single-threaded. A host
     * callback that calls back into the interpreter (a region handler that
     * evaluates) re-enters with the lock held: make it recursive then, or do
     * not call back (with wait/wake: do not, since wait gives up one level).
     *
     * Only one thread runs AML at a time. Without wait/wake every call runs to
     * its end holding the lock: Sleep keeps it, a mutex is only ever held by
     * the one running call, and a Wait with no pending Signal times out at
     * once. */
    void (*lock)(void *ctx);
    void (*unlock)(void *ctx);

    /* Blocking for a multi-threaded kernel, optional (both NULL: the
     * single-threaded behaviour above); given, lock and unlock must be too
     * (acpi_aml_create: ACPI_INVALID_ARGUMENT otherwise). Together with the
     * lock they are a condition variable:
     *   wait: called with the lock held; releases it atomically, blocks until
     *     a wake or until timeout_ns nanoseconds passed (UINT64_MAX: no bound),
     *     takes the lock back and returns (false on timeout; spurious returns
     *     are fine, the interpreter looks again and waits for what is left).
     *   wake: wake every thread blocked in wait (called with the lock held).
     * With them, each outermost call is an execution context that owns the
     * mutexes it acquires, as ACPICA's threads do: Acquire of a mutex another
     * context owns, and Wait on an Event with no pending Signal, block up to
     * their timeout (0xFFFF: forever) and then return True (timed out) as
     * ACPI 6.5, 19.6.2 and 19.6.148 say; a Serialized method waits for its
     * mutex forever; Release, Signal and the end of a context (which releases
     * what it still holds) wake the waiters; Sleep gives the lock up around
     * sleep_ms. The timeouts run on clock_ns. While one context is blocked
     * another may run anything, Unload and CopyObject over the blocked one's
     * methods and mutexes included: removed nodes are kept (unreachable)
     * until no context is left, objects by reference counts.
     * Auto-serialisation, as ACPICA by default (AcpiGbl_AutoSerializeMethods):
     * a NotSerialized method whose body creates a named object (Name, Device,
     * CreateXField, Field, Scope ...; scanned once, at its first call) runs as
     * Serialized, at sync level 0 and outside the sync-level order, so a second
     * thread entering it waits instead of failing on the first one's names
     * (ACPI_AML_ALREADY_EXISTS). Without wait/wake nothing is scanned.
     * acpi_aml_destroy while a context is blocked is the host's error. */
    bool (*wait)(void *ctx, uint64_t timeout_ns);
    void (*wake)(void *ctx);

    /* LoadTable(signature, oem_id, oem_table_id): the host finds the table among
     * the firmware's (RSDT/XSDT) and returns its bytes, which must stay valid for
     * the interpreter's lifetime. ACPI_NOT_FOUND when absent. */
    enum acpi_status (*find_table)(void *ctx, const char sig[4], const char oem_id[6],
                                   const char oem_table_id[8], const uint8_t **bytes,
                                   size_t *len);
};

/* Memory for the interpreter. */
struct acpi_aml_memory {
    void *ctx;
    void *(*alloc)(void *ctx, size_t size);             /* NULL on failure */
    void (*free)(void *ctx, void *ptr, size_t size);    /* size as allocated */
    size_t cap;                                         /* max live bytes; 0 = no cap */
};

/* The ready-made arena: a bump allocator with size-class free lists over one
 * buffer. It lives inside the buffer (its first bytes), so a static array is
 * enough. Blocks are 16-byte aligned; freed small blocks are reused exactly,
 * large blocks first-fit. */
struct acpi_aml_arena;

/* Lay an arena over buf[0..len) and fill *mem to use it (cap = the buffer).
 * ACPI_BUFFER_TOO_SMALL when len cannot hold the arena's own header. */
ACPI_MUST_USE enum acpi_status acpi_aml_arena_init(void *buf, size_t len,
                                                   struct acpi_aml_memory *mem);
/* Bytes of the buffer the arena has ever handed out (its high-water mark,
 * header included): what a static array for this firmware needs. */
size_t acpi_aml_arena_high_water(const struct acpi_aml_memory *mem);

#endif
