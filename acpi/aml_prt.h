/* acpi/aml_prt.h - PCI interrupt routing (ACPI 6.5, 6.2.13 _PRT, 5.8.1 _PIC,
 * 6.2.3 _DIS; PCI interrupt link devices PNP0C0F) and the PCI-to-PCI bridge
 * swizzle (PCI-to-PCI Bridge Architecture 1.2, 9.1).
 *
 *     acpi_aml_pic(aml, ACPI_AML_PIC_APIC);
 *     struct acpi_aml_prt_route routes[256];
 *     uint32_t n;
 *     acpi_aml_prt_collect(aml, &opts, routes, 256, &n);
 *     acpi_aml_prt_lookup(routes, n, seg, bus, dev, pin, &route);   // -> route.gsi
 *
 * Every root bridge's _PRT and the _PRT of every bridge below it (a device with
 * _ADR and its own _PRT) is read. An entry's Source is either the integer 0
 * (the Source Index is the GSI, level-triggered and active low) or a link
 * device whose current interrupt (_CRS) is the one used, with the polarity and
 * trigger its descriptor states.
 */
#ifndef ACPI_AML_PRT_H
#define ACPI_AML_PRT_H

#include <stdbool.h>
#include <stdint.h>

#include "acpi/aml.h"
#include "acpi/aml_resources.h"
#include "acpi/status.h"

/* _PIC argument (ACPI 6.5, 5.8.1). */
enum acpi_aml_pic_mode {
    ACPI_AML_PIC_8259 = 0,
    ACPI_AML_PIC_APIC = 1,
    ACPI_AML_PIC_SAPIC = 2,
};

/* Call \_PIC(mode). ACPI_NOT_FOUND when the firmware has no \_PIC (then the
 * firmware needs no telling). */
ACPI_MUST_USE enum acpi_status acpi_aml_pic(struct acpi_aml *aml, enum acpi_aml_pic_mode mode);

/* A bridge's secondary bus is read from its configuration space (offset 0x19)
 * when host->pci_read is set; otherwise routes of bridges below a root carry
 * ACPI_AML_PRT_BUS_UNKNOWN. */
#define ACPI_AML_PRT_BUS_UNKNOWN 0xFFFFu
/* A _PRT address's function field 0xFFFF: every function of the device. */
#define ACPI_AML_PRT_ALL_FUNCTIONS 0xFFFFu

struct acpi_aml_prt_options {
    const struct acpi_aml_host *host;   /* pci_read for bridges' secondary buses; may be NULL */
    bool set_links;  /* a link with no current IRQ gets the first of its _PRS through _SRS */
};

struct acpi_aml_prt_route {
    uint16_t segment;
    uint16_t bus;                        /* or ACPI_AML_PRT_BUS_UNKNOWN */
    uint16_t device;                     /* _PRT address bits 31:16 */
    uint16_t function;                   /* bits 15:0, ACPI_AML_PRT_ALL_FUNCTIONS */
    uint8_t pin;                         /* 0 = INTA ... 3 = INTD */
    uint32_t source_index;
    const struct acpi_aml_node *bridge;  /* the device whose _PRT holds the entry */
    const struct acpi_aml_node *link;    /* the link device, NULL for a direct GSI */
    enum acpi_status status;             /* ACPI_OK when `irq` holds the interrupt */
    struct acpi_aml_irq irq;             /* number = GSI (APIC mode) or IRQ (PIC mode) */
};

/* Collect every _PRT entry into routes[0..cap); *count gets the total (more
 * than cap: ACPI_BUFFER_TOO_SMALL, the first cap are filled). An entry that
 * cannot be resolved is kept with its status; a _PRT that does not evaluate
 * to a package is counted in *failed (may be NULL). */
ACPI_MUST_USE enum acpi_status acpi_aml_prt_collect(struct acpi_aml *aml,
                                                    const struct acpi_aml_prt_options *opts,
                                                    struct acpi_aml_prt_route *routes,
                                                    uint32_t cap, uint32_t *count,
                                                    uint32_t *failed);

/* The route of (segment, bus, device, pin) among routes[0..count) that
 * resolved. ACPI_NOT_FOUND when no entry matches. */
ACPI_MUST_USE enum acpi_status acpi_aml_prt_lookup(const struct acpi_aml_prt_route *routes,
                                                   uint32_t count, uint16_t segment,
                                                   uint8_t bus, uint8_t device, uint8_t pin,
                                                   const struct acpi_aml_prt_route **out);

/* One step of the path from a root bus down to a device: the bus and the
 * device number on it (a bridge, and last the device itself). */
struct acpi_aml_pci_hop {
    uint8_t bus;
    uint8_t device;
};

/* The swizzle: INTx (pin 0-3) of device `device` behind a bridge arrives at
 * the bridge as pin (device + pin) mod 4. */
uint8_t acpi_aml_prt_swizzle(uint8_t device, uint8_t pin);

/* The route of a device reached through hops[0..nhops) (hops[nhops-1] is the
 * device): the deepest bus that has _PRT entries answers; below it the pin is
 * swizzled through each bridge without a _PRT. ACPI_NOT_FOUND when no bus on
 * the path has a matching entry. */
ACPI_MUST_USE enum acpi_status acpi_aml_prt_lookup_path(const struct acpi_aml_prt_route *routes,
                                                        uint32_t count, uint16_t segment,
                                                        const struct acpi_aml_pci_hop *hops,
                                                        uint32_t nhops, uint8_t pin,
                                                        const struct acpi_aml_prt_route **out);

/* Link devices (PNP0C0F). The interrupt at `index` (the _PRT Source Index:
 * the index-th interrupt descriptor) of _CRS; ACPI_NOT_FOUND when it is 0
 * or absent (the link is disabled). */
ACPI_MUST_USE enum acpi_status acpi_aml_link_current(struct acpi_aml *aml,
                                                     const struct acpi_aml_node *link,
                                                     uint32_t index, struct acpi_aml_irq *out);
/* The first interrupt _PRS offers. */
ACPI_MUST_USE enum acpi_status acpi_aml_link_possible(struct acpi_aml *aml,
                                                      const struct acpi_aml_node *link,
                                                      struct acpi_aml_irq *out);
/* Set the link to `irq` through _SRS: an Extended Interrupt descriptor when
 * `irq->extended` (as _PRS offered it), else an IRQ descriptor. */
ACPI_MUST_USE enum acpi_status acpi_aml_link_set(struct acpi_aml *aml,
                                                 const struct acpi_aml_node *link,
                                                 const struct acpi_aml_irq *irq);
/* _DIS: disable the link. ACPI_NOT_FOUND when it has no _DIS. */
ACPI_MUST_USE enum acpi_status acpi_aml_link_disable(struct acpi_aml *aml,
                                                     const struct acpi_aml_node *link);

#endif
