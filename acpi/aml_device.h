/* acpi/aml_device.h - devices of the AML namespace and their identification
 * objects (ACPI 6.5, 6.1 and 6.3.7), over the interpreter of acpi/aml.h.
 *
 *     struct acpi_aml_node *n = NULL;
 *     struct acpi_aml_device_info info;
 *     while ((n = acpi_aml_device_next(aml, n)) != NULL) {
 *         if (acpi_aml_device_get_info(aml, n, &info) == ACPI_OK) ... info.hid ...
 *     }
 *
 * Every object is looked up among the device's own children only (a _HID of
 * the parent is not the child's), and evaluated, so methods that compute an ID
 * at run time count as well as Names.
 *
 * Threads (aml_host.h wait/wake): each call of this layer (and of
 * aml_pci_root.h, aml_prt.h, aml_battery.h, aml_events.h) brackets its own
 * walk with acpi_aml_walk_begin/end; a caller that keeps a node between calls
 * (the loop above, any `prev` cursor) brackets the whole loop the same way,
 * so an Unload by another thread cannot free the node it holds.
 */
#ifndef ACPI_AML_DEVICE_H
#define ACPI_AML_DEVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "acpi/aml.h"
#include "acpi/status.h"

/* An ID as text: an EISA ID in its 7-character form, or a string ID (ACPI 6.5,
 * 6.1.5), or a _UID string; longer ones are truncated here. */
#define ACPI_AML_ID_LEN 48
/* _CID entries kept; cid_total counts all of them. */
#define ACPI_AML_CID_MAX 8
/* _DDN and _STR kept as text (ASCII; other UTF-16 units become '?'). */
#define ACPI_AML_NAME_LEN 64

/* _STA bits, ACPI 6.5, 6.3.7. */
#define ACPI_AML_STA_PRESENT 0x01u
#define ACPI_AML_STA_ENABLED 0x02u
#define ACPI_AML_STA_SHOWN 0x04u
#define ACPI_AML_STA_FUNCTIONING 0x08u
#define ACPI_AML_STA_BATTERY 0x10u
/* No _STA: "all of the above bits are set (present, enabled, shown in the UI,
 * functioning)" (6.3.7); a battery device (PNP0C0A) also gets the battery bit. */
#define ACPI_AML_STA_DEFAULT 0x0Fu

/* Which fields of struct acpi_aml_device_info were found and evaluated. */
#define ACPI_AML_DEVICE_HAS_HID 0x001u
#define ACPI_AML_DEVICE_HAS_CID 0x002u
#define ACPI_AML_DEVICE_HAS_UID 0x004u
#define ACPI_AML_DEVICE_HAS_ADR 0x008u
#define ACPI_AML_DEVICE_HAS_CLS 0x010u
#define ACPI_AML_DEVICE_HAS_STA 0x020u   /* else sta is the default */
#define ACPI_AML_DEVICE_HAS_DDN 0x040u
#define ACPI_AML_DEVICE_HAS_STR 0x080u
#define ACPI_AML_DEVICE_HAS_SEG 0x100u
#define ACPI_AML_DEVICE_HAS_BBN 0x200u
#define ACPI_AML_DEVICE_UID_INTEGER 0x400u  /* _UID was an integer (uid_integer) */

struct acpi_aml_device_info {
    const struct acpi_aml_node *node;
    enum acpi_aml_type type;       /* device, processor, thermal zone, power resource */
    uint32_t valid;                /* ACPI_AML_DEVICE_HAS_* */
    uint32_t failed;               /* the same bits: present but evaluation failed */
    char hid[ACPI_AML_ID_LEN];
    char cid[ACPI_AML_CID_MAX][ACPI_AML_ID_LEN];
    uint32_t cid_count;            /* kept in cid[]: those before a bad element */
    uint32_t cid_total;            /* in the _CID package */
    char uid[ACPI_AML_ID_LEN];     /* text: a string, or an integer in decimal */
    uint64_t uid_integer;
    uint64_t adr;                  /* PCI: device << 16 | function (6.1.1) */
    uint32_t cls;                  /* _CLS: base class << 16 | subclass << 8 | prog-if */
    uint32_t sta;                  /* ACPI_AML_STA_*; the default when absent */
    char ddn[ACPI_AML_NAME_LEN];
    char str[ACPI_AML_NAME_LEN];
    uint16_t seg;                  /* _SEG (host bridges), 0 when absent */
    uint8_t bbn;                   /* _BBN (host bridges), 0 when absent */
};

/* The EISA ID text of a compressed 32-bit value (ACPI 6.5, 6.1.5; "PNP0A08"):
 * writes 8 bytes, NUL included. */
void acpi_aml_eisa_id_text(uint32_t value, char out[8]);

/* Turn an _HID/_CID/_UID value (integer as an EISA ID, or string) into text.
 * ACPI_AML_BAD_OPERAND for other types. */
ACPI_MUST_USE enum acpi_status acpi_aml_id_text(const struct acpi_aml_value *value,
                                                char out[ACPI_AML_ID_LEN]);

/* The next Device, Processor, ThermalZone or PowerResource node after `prev`
 * (NULL: from the root), depth-first in namespace order; NULL at the end. */
struct acpi_aml_node *acpi_aml_device_next(struct acpi_aml *aml,
                                           const struct acpi_aml_node *prev);

/* The child of `node` named `name` (4 characters, no upward search), aliases
 * resolved; NULL when absent. */
struct acpi_aml_node *acpi_aml_device_child(const struct acpi_aml_node *node,
                                            const char name[4]);

/* Evaluate the child `name` of `node` (as acpi_aml_device_child finds it).
 * ACPI_NOT_FOUND when the device has no such object. */
ACPI_MUST_USE enum acpi_status acpi_aml_device_eval(struct acpi_aml *aml,
                                                    const struct acpi_aml_node *node,
                                                    const char name[4],
                                                    const struct acpi_aml_value *args,
                                                    uint32_t argc,
                                                    struct acpi_aml_value *result);

/* Evaluate a child that must be an integer (_ADR, _STA, _SEG, _BBN ...). */
ACPI_MUST_USE enum acpi_status acpi_aml_device_eval_integer(struct acpi_aml *aml,
                                                            const struct acpi_aml_node *node,
                                                            const char name[4],
                                                            uint64_t *out);

/* _STA of a device: its value, or ACPI_AML_STA_DEFAULT when it has none. */
ACPI_MUST_USE enum acpi_status acpi_aml_device_status(struct acpi_aml *aml,
                                                      const struct acpi_aml_node *node,
                                                      uint32_t *sta);

/* Every identification object of `node`: _HID, _CID, _UID, _ADR, _CLS, _STA,
 * _DDN, _STR, _SEG, _BBN. Objects that are absent leave their `valid` bit
 * clear; objects that fail set their `failed` bit. ACPI_INVALID_ARGUMENT when
 * node is not a device-like node. */
ACPI_MUST_USE enum acpi_status acpi_aml_device_get_info(struct acpi_aml *aml,
                                                        const struct acpi_aml_node *node,
                                                        struct acpi_aml_device_info *out);

/* true when `id` ("PNP0A08", "ACPI0007") is the device's _HID or one of its _CID. */
bool acpi_aml_device_matches(const struct acpi_aml_device_info *info, const char *id);

/* true when `id` is the _HID or a _CID of `node`; evaluates only those two. */
bool acpi_aml_device_has_id(struct acpi_aml *aml, const struct acpi_aml_node *node,
                            const char *id);

/* The next device after `prev` (NULL: from the root) whose _HID or a _CID is
 * `id`; NULL at the end. When `info` is not NULL it receives that device's info. */
struct acpi_aml_node *acpi_aml_device_find(struct acpi_aml *aml, const struct acpi_aml_node *prev,
                                           const char *id, struct acpi_aml_device_info *info);

#endif
