/* acpi/platform.h - platform information derived from the static tables, the
 * shape a kernel wants at boot: the interrupt model (local APIC address after
 * overrides, I/O APICs and their GSI bases, the ISA IRQ to GSI map with
 * polarity and trigger resolved against the ISA defaults, NMI sources, local
 * APIC NMIs, the dual-8259 flag), the processors (boot processor first), on
 * ARM the GIC (one CPU interface per processor, the distributor, the
 * redistributor ranges), the PM timer, the reset register, ECAM regions and
 * NUMA (proximity domain of every processor and memory range, distances
 * between domains).
 *
 * Tables come in already parsed (any may be NULL when the platform has
 * none). Variable-length results go into arrays the caller provides: set
 * `items` and `capacity` of each before the call; `count` comes back as the
 * number the tables hold, which may exceed `capacity` (then only `capacity`
 * were stored and the call returns ACPI_BUFFER_TOO_SMALL). Nothing is
 * allocated; out keeps a copy of the SLIT view, which points into the
 * caller's SLIT buffer.
 */
#ifndef ACPI_PLATFORM_H
#define ACPI_PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/fadt.h"
#include "acpi/hpet.h"
#include "acpi/hwreg.h"
#include "acpi/madt.h"
#include "acpi/mcfg.h"
#include "acpi/slit.h"
#include "acpi/srat.h"
#include "acpi/status.h"

struct acpi_platform_tables {
    const struct acpi_madt *madt;
    const struct acpi_fadt *fadt;
    const struct acpi_mcfg *mcfg;
    const struct acpi_hpet *hpet;
    const struct acpi_srat *srat;
    const struct acpi_slit *slit;
};

struct acpi_platform_processor {
    uint32_t apic_id;            /* local APIC ID, or x2APIC ID when is_x2apic */
    uint32_t acpi_processor_uid;
    bool is_x2apic;              /* from a Local x2APIC structure (5.2.12.12) */
    bool bsp;                    /* the boot processor: the first MADT entry (5.2.12) */
    bool enabled;
    bool online_capable;         /* disabled now, may be brought online (ACPI 6.3+) */
    bool has_proximity_domain;   /* the SRAT names its NUMA node */
    uint32_t proximity_domain;
};

/* An ARM processor, from its GIC CPU Interface structure (ACPI 6.5,
 * 5.2.12.14, Tables 5.37 and 5.38), in MADT order. */
struct acpi_platform_gicc {
    uint64_t mpidr;                   /* affinity fields of the processor's MPIDR_EL1 */
    uint32_t acpi_processor_uid;
    uint32_t cpu_interface_number;    /* GICv2 CPU interface number */
    uint64_t gicc_base_address;       /* memory-mapped CPU interface (GICv2), 0 if none */
    uint64_t gicr_base_address;       /* this processor's redistributor, 0 when GICR
                                         structures describe the redistributors */
    uint64_t gicv_base_address;       /* virtual CPU interface, 0 if none */
    uint64_t gich_base_address;       /* virtual interface control, 0 if none */
    uint32_t performance_interrupt;   /* GSIV of the PMU overflow interrupt, 0 if none */
    enum acpi_mps_trigger performance_interrupt_trigger; /* flags bit 1: EDGE or LEVEL */
    uint32_t vgic_maintenance_interrupt;
    bool enabled;
    bool online_capable;              /* flags bit 3 (ACPI 6.5): may be enabled later */
    bool has_proximity_domain;        /* an SRAT GICC Affinity names its NUMA node */
    uint32_t proximity_domain;
};

/* A GIC Redistributor discovery range (5.2.12.17). */
struct acpi_platform_gicr_range {
    uint64_t base_address;
    uint32_t length;
};

struct acpi_platform_io_apic {
    uint8_t io_apic_id;
    uint32_t address;
    uint32_t gsi_base;
    /* The next higher gsi_base of another I/O APIC, 0 for the highest one: the
     * MADT does not say how many inputs an I/O APIC has (its version
     * register, bits 23:16, does). */
    uint32_t gsi_next_base;
};

/* An interrupt input with polarity and trigger resolved (never "conforms"). */
struct acpi_platform_isa_irq {
    uint32_t gsi;
    enum acpi_mps_polarity polarity; /* ACTIVE_HIGH or ACTIVE_LOW */
    enum acpi_mps_trigger trigger;   /* EDGE or LEVEL */
    bool overridden;                 /* an Interrupt Source Override names it */
};

struct acpi_platform_nmi_source {
    uint32_t gsi;
    enum acpi_mps_polarity polarity;
    enum acpi_mps_trigger trigger;
};

struct acpi_platform_local_apic_nmi {
    uint32_t acpi_processor_uid; /* meaningful when !all_processors */
    bool all_processors;         /* UID 0xFF (5.2.12.7) or 0xFFFFFFFF (5.2.12.13) */
    uint8_t lint;                /* LINT0 or LINT1 */
    enum acpi_mps_polarity polarity;
    enum acpi_mps_trigger trigger;
};

struct acpi_platform_memory_range {
    uint64_t base;
    uint64_t length;
    uint32_t proximity_domain;
    bool hot_pluggable;
    bool non_volatile;
};

struct acpi_platform_ecam {
    uint64_t base_address;
    uint16_t pci_segment_group;
    uint8_t start_bus;
    uint8_t end_bus;
};

#define ACPI_PLATFORM_ARRAY(type)                                                              \
    struct {                                                                                   \
        type *items;                                                                           \
        size_t capacity;                                                                       \
        size_t count;                                                                          \
    }

struct acpi_platform {
    /* Interrupt model (MADT). */
    uint64_t local_apic_address; /* after a Local APIC Address Override */
    ACPI_PLATFORM_ARRAY(struct acpi_platform_io_apic) io_apics;
    ACPI_PLATFORM_ARRAY(struct acpi_platform_nmi_source) nmi_sources;
    ACPI_PLATFORM_ARRAY(struct acpi_platform_local_apic_nmi) local_apic_nmis;
    ACPI_PLATFORM_ARRAY(struct acpi_platform_processor) processors;
    struct acpi_platform_isa_irq isa_irqs[16];
    /* ARM GIC (MADT types 0Bh, 0Ch, 0Eh). */
    ACPI_PLATFORM_ARRAY(struct acpi_platform_gicc) gicc;
    ACPI_PLATFORM_ARRAY(struct acpi_platform_gicr_range) gicr_ranges;
    uint64_t gicd_address;           /* valid when has_gicd: the first distributor */
    uint8_t gic_version;             /* the GICD's version field (0 = ask the hardware) */
    /* Fixed hardware (FADT) and timers. */
    struct acpi_pm_timer pm_timer;   /* valid when has_pm_timer */
    struct acpi_gas reset_register;  /* valid when has_reset_register */
    uint64_t hpet_address;           /* valid when has_hpet */
    /* PCI Express (MCFG). */
    ACPI_PLATFORM_ARRAY(struct acpi_platform_ecam) ecam;
    /* NUMA (SRAT, SLIT). */
    ACPI_PLATFORM_ARRAY(struct acpi_platform_memory_range) memory_ranges;
    struct acpi_slit slit;           /* valid when has_slit */
    bool has_madt;
    bool has_gicd;
    bool pcat_compat; /* dual 8259s present: mask them before using the APICs */
    bool has_pm_timer;
    bool has_reset_register;
    bool has_hpet;
    bool has_slit;
    uint8_t reset_value;
};

/* Fill *out from the tables (arrays as described above). Statuses: ACPI_OK;
 * ACPI_BUFFER_TOO_SMALL when an array had too little room (its count says how
 * much it needs; everything else is complete); ACPI_INVALID_ARGUMENT for NULL
 * arguments; a MADT, SRAT or MCFG walk's failure (ACPI_BAD_ENTRY ...) when
 * the firmware's bytes are malformed, after storing what came before it. */
ACPI_MUST_USE enum acpi_status acpi_platform_build(const struct acpi_platform_tables *tables,
                                                   struct acpi_platform *out);

/* Relative distance between two proximity domains (10 = local), from the
 * SLIT. ACPI_NOT_FOUND without a SLIT or for a domain it does not list. */
ACPI_MUST_USE enum acpi_status acpi_platform_numa_distance(const struct acpi_platform *p,
                                                           uint32_t from, uint32_t to,
                                                           uint8_t *distance);

#endif
