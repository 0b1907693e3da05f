/* acpi/aml_named.c - named objects (ACPI 6.5, 19.6 and 20.2.5.2): Name, Alias,
 * Method, Device, Processor, PowerResource, ThermalZone, Mutex, Event,
 * OperationRegion, DataTableRegion, Field, IndexField, BankField, Create*Field. */
#include "acpi/aml_convert.h"
#include "acpi/aml_parse.h"

static enum acpi_status make(struct acpi_aml *aml, struct aml_item *it, uint8_t type,
                             struct aml_object **obj, struct acpi_aml_node **node)
{
    enum acpi_status st = acpi_aml_create_node(aml, it, it->names[0], node);
    if (st != ACPI_OK) {
        return st;
    }
    *obj = acpi_aml_obj_new(&aml->mem, type);
    if (*obj == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    (*node)->object = *obj;
    return ACPI_OK;
}

/* A field's PkgLength is a plain bit count (ACPI 6.5, 20.2.5.2), not a length
 * that includes its own bytes. */
static enum acpi_status field_length(const uint8_t **pc, const uint8_t *end, uint32_t *out)
{
    const uint8_t *p = *pc;
    if (p >= end) {
        return ACPI_TRUNCATED;
    }
    unsigned follow = *p >> 6;
    if ((size_t)(end - p) < 1u + follow) {
        return ACPI_TRUNCATED;
    }
    uint32_t v = follow == 0 ? (uint32_t)(*p & 0x3F) : (uint32_t)(*p & 0x0F);
    for (unsigned i = 0; i < follow; i++) {
        v |= (uint32_t)p[1 + i] << (4 + 8 * i);
    }
    *pc = p + 1 + follow;
    *out = v;
    return ACPI_OK;
}

/* Access width in bytes for FieldFlags' AccessType (ACPI 6.5, 19.6.48). For
 * AnyAcc, the narrowest width that reaches the field in one access without
 * passing the region's end, else the width needing the fewest accesses, else
 * bytes: the choice ACPICA makes, so firmware sees the same accesses. */
static uint8_t access_bytes(uint8_t access, uint32_t bit_offset, uint32_t bit_length,
                            uint64_t region_length)
{
    switch (access & 0x0F) {
    case 2: return 2;
    case 3: return 4;
    case 4: return 8;
    case 0: {
        uint64_t start = bit_offset >> 3;
        uint64_t end = ((uint64_t)bit_offset + bit_length + 7) >> 3;
        uint8_t best = 1;
        uint64_t best_n = UINT64_MAX;
        for (uint8_t w = 1; w <= 8; w = (uint8_t)(w * 2)) {
            uint64_t lo = start & ~(uint64_t)(w - 1);
            uint64_t hi = (end + w - 1) & ~(uint64_t)(w - 1);
            if (hi > region_length) {
                continue;
            }
            uint64_t n = (hi - lo) >> (w == 1 ? 0 : w == 2 ? 1 : w == 4 ? 2 : 3);
            if (n <= 1) {
                return w;
            }
            if (n < best_n) {
                best_n = n;
                best = w;
            }
        }
        return best;
    }
    default:
        return 1;   /* ByteAcc, BufferAcc */
    }
}

/* Connection(BufferData) or Connection(NameString) of a field list. */
static enum acpi_status connection(struct acpi_aml *aml, struct aml_item *it, const uint8_t **pc,
                                   struct aml_object **out)
{
    const uint8_t *p = *pc;
    const uint8_t *end = it->end;
    acpi_aml_obj_put(&aml->mem, *out);
    *out = NULL;
    if (p < end && *p == AML_BUFFER) {
        const uint8_t *bend;
        p++;
        enum acpi_status st = acpi_aml_parse_pkglen(&p, end, &bend);
        if (st != ACPI_OK) {
            return st;
        }
        /* BufferSize is a constant here in every compiler's output. */
        uint64_t size = 0;
        if (p < bend && *p == AML_BYTE_PREFIX && bend - p >= 2) {
            size = p[1];
            p += 2;
        } else if (p < bend && *p == AML_WORD_PREFIX && bend - p >= 3) {
            size = (uint64_t)p[1] | ((uint64_t)p[2] << 8);
            p += 3;
        } else if (p < bend && (*p == AML_ZERO || *p == AML_ONE)) {
            size = *p;
            p++;
        } else {
            return ACPI_AML_BAD_OPCODE;
        }
        uint32_t init = (uint32_t)(bend - p);
        *out = acpi_aml_obj_buffer(&aml->mem, NULL, size > init ? (uint32_t)size : init);
        if (*out == NULL) {
            return ACPI_AML_OUT_OF_MEMORY;
        }
        for (uint32_t i = 0; i < init; i++) {
            (*out)->u.buffer.data[i] = p[i];
        }
        *pc = bend;
        return ACPI_OK;
    }
    struct aml_name name;
    enum acpi_status st = acpi_aml_parse_name(&p, end, &name);
    if (st != ACPI_OK) {
        return st;
    }
    *pc = p;
    struct acpi_aml_node *n = acpi_aml_name_lookup(&aml->ns, it->scope, &name);
    if (n != NULL && n->object != NULL && n->object->type == ACPI_AML_TYPE_BUFFER) {
        *out = acpi_aml_obj_get(n->object);
    }
    /* An unresolved connection only matters when the field is accessed. */
    return ACPI_OK;
}

static enum acpi_status field_list(struct acpi_aml *aml, struct aml_item *it)
{
    struct aml_frame *f = acpi_aml_current_frame(aml);
    const uint8_t *p = f->pc;
    const uint8_t *end = it->end;
    if (p >= end) {
        return ACPI_TRUNCATED;
    }
    uint8_t flags = *p++;
    uint8_t attrib = 0;
    uint32_t bit = 0;
    struct aml_object *conn = NULL;
    enum acpi_status st = ACPI_OK;
    uint64_t bank_value = 0;
    if (it->op == AML_BANK_FIELD) {
        st = acpi_aml_to_integer(aml, it->args[0], &bank_value);
    }
    /* An unresolved or wrong region still gets its field nodes (as ACPICA's
     * first pass makes them); their accesses fail. The error is reported
     * after the list. */
    enum acpi_status late = st;
    st = ACPI_OK;
    for (uint8_t i = 0; i < it->nnodes; i++) {
        if (it->nodes[i] == NULL && late == ACPI_OK) {
            late = ACPI_AML_UNRESOLVED_NAME;
        }
    }
    if (it->op == AML_FIELD || it->op == AML_BANK_FIELD) {
        struct acpi_aml_node *r = it->nodes[0];
        if (r != NULL && (r->object == NULL || r->object->type != ACPI_AML_TYPE_OPERATION_REGION)) {
            it->nodes[0] = NULL;
            if (late == ACPI_OK) {
                late = ACPI_AML_BAD_OPERAND;
            }
        }
    }
    while (st == ACPI_OK && p < end) {
        uint8_t b = *p;
        uint32_t len = 0;
        if (b == 0x00) {                          /* ReservedField */
            p++;
            st = field_length(&p, end, &len);
            bit += len;
        } else if (b == 0x01 || b == 0x03) {      /* AccessField, ExtendedAccessField */
            unsigned n = b == 0x01 ? 3u : 4u;
            if ((size_t)(end - p) < n) {
                st = ACPI_TRUNCATED;
                break;
            }
            flags = (uint8_t)((flags & 0xF0) | (p[1] & 0x0F));
            attrib = p[2];
            p += n;
        } else if (b == 0x02) {                   /* ConnectField */
            p++;
            st = connection(aml, it, &p, &conn);
        } else {                                  /* NamedField */
            const uint8_t *name = p;
            if ((size_t)(end - p) < 4) {
                st = ACPI_TRUNCATED;
                break;
            }
            p += 4;
            st = field_length(&p, end, &len);
            if (st != ACPI_OK) {
                break;
            }
            struct acpi_aml_node *node;
            st = acpi_aml_create_node(aml, it, name, &node);
            if (st != ACPI_OK) {
                break;
            }
            struct aml_object *o = acpi_aml_obj_new(&aml->mem, ACPI_AML_TYPE_FIELD_UNIT);
            if (o == NULL) {
                st = ACPI_AML_OUT_OF_MEMORY;
                break;
            }
            node->object = o;
            o->u.field.flags = flags;
            o->u.field.attrib = attrib;
            o->u.field.bit_offset = bit;
            o->u.field.bit_length = len;
            uint64_t rlen = UINT64_MAX;
            if (it->op != AML_INDEX_FIELD && it->nodes[0] != NULL) {
                rlen = it->nodes[0]->object->u.region.length;
            }
            o->u.field.access_bytes = access_bytes(flags, bit, len, rlen);
            o->u.field.connection = acpi_aml_obj_get(conn);
            if (it->op == AML_INDEX_FIELD) {
                o->u.field.kind = AML_FIELD_INDEX;
                o->u.field.index = it->nodes[0];
                o->u.field.data = it->nodes[1];
            } else {
                o->u.field.kind = it->op == AML_BANK_FIELD ? AML_FIELD_BANK : AML_FIELD_REGION;
                o->u.field.region = it->nodes[0];
                o->u.field.bank = it->op == AML_BANK_FIELD ? it->nodes[1] : NULL;
                o->u.field.bank_value = bank_value;
            }
            bit += len;
        }
    }
    acpi_aml_obj_put(&aml->mem, conn);
    f->pc = end;
    return st != ACPI_OK ? st : late;
}

static enum acpi_status create_buffer_field(struct acpi_aml *aml, struct aml_item *it)
{
    struct aml_object *buf;
    enum acpi_status st = acpi_aml_resolve(aml, it->args[0], &buf);
    if (st != ACPI_OK) {
        return st;
    }
    uint64_t index, bits = 0;
    st = acpi_aml_to_integer(aml, it->args[1], &index);
    if (st == ACPI_OK && it->op == AML_CREATE_FIELD) {
        st = acpi_aml_to_integer(aml, it->args[2], &bits);
    }
    if (st == ACPI_OK && buf->type != ACPI_AML_TYPE_BUFFER) {
        st = ACPI_AML_BAD_OPERAND;
    }
    if (st != ACPI_OK) {
        acpi_aml_obj_put(&aml->mem, buf);
        return st;
    }
    uint64_t bit_offset;
    switch (it->op) {
    case AML_CREATE_BIT_FIELD: bit_offset = index; bits = 1; break;
    case AML_CREATE_BYTE_FIELD: bit_offset = index * 8; bits = 8; break;
    case AML_CREATE_WORD_FIELD: bit_offset = index * 8; bits = 16; break;
    case AML_CREATE_DWORD_FIELD: bit_offset = index * 8; bits = 32; break;
    case AML_CREATE_QWORD_FIELD: bit_offset = index * 8; bits = 64; break;
    default: bit_offset = index; break;
    }
    /* ACPICA refuses a field past the buffer's end (AE_AML_BUFFER_LIMIT). */
    if (index > 0xFFFFFFFFull || bits == 0 || bits > 0xFFFFFFFFull ||
        bit_offset + bits > (uint64_t)buf->u.buffer.len * 8) {
        acpi_aml_obj_put(&aml->mem, buf);
        return ACPI_AML_INDEX_RANGE;
    }
    struct aml_object *o;
    struct acpi_aml_node *node;
    st = make(aml, it, ACPI_AML_TYPE_BUFFER_FIELD, &o, &node);
    if (st != ACPI_OK) {
        acpi_aml_obj_put(&aml->mem, buf);
        return st;
    }
    o->u.bfield.buffer = buf;
    o->u.bfield.bit_offset = (uint32_t)bit_offset;
    o->u.bfield.bit_length = (uint32_t)bits;
    /* ACPICA (since 20190215) reads a CreateField field as a Buffer whatever
     * its width; the fixed-size Create*Field ones as Integers. */
    o->u.bfield.create_field = it->op == AML_CREATE_FIELD;
    return ACPI_OK;
}

/* DataTableRegion (ACPI 6.5, 19.6.32): a region over a loaded table's bytes. */
static enum acpi_status data_region(struct acpi_aml *aml, struct aml_item *it)
{
    const uint8_t *bytes = NULL;
    size_t len = 0;
    enum acpi_status st = acpi_aml_table_by_args(aml, it->args, true, &bytes, &len);
    if (st != ACPI_OK) {
        return st;
    }
    struct aml_object *o;
    struct acpi_aml_node *node;
    st = make(aml, it, ACPI_AML_TYPE_OPERATION_REGION, &o, &node);
    if (st == ACPI_OK) {
        o->u.region.space = ACPI_AML_SPACE_DATA_TABLE;
        o->u.region.data = bytes;
        o->u.region.length = len;
    }
    return st;
}

enum acpi_status acpi_aml_named_create(struct acpi_aml *aml, struct aml_item *it,
                                  struct acpi_aml_node **body_scope)
{
    struct aml_frame *f = acpi_aml_current_frame(aml);
    struct aml_object *o;
    struct acpi_aml_node *node;
    enum acpi_status st;
    switch (it->op) {
    case AML_NAME_OP: {
        st = acpi_aml_create_node(aml, it, it->names[0], &node);
        if (st != ACPI_OK) {
            return st;
        }
        struct aml_object *v = it->args[0];
        if (v != NULL && v->refcount > 1) {
            v = acpi_aml_obj_copy(&aml->mem, v);
            if (v == NULL) {
                return ACPI_AML_OUT_OF_MEMORY;
            }
        } else {
            it->args[0] = NULL;
        }
        node->object = v;
        return ACPI_OK;
    }
    case AML_ALIAS:
        st = make(aml, it, ACPI_AML_TYPE_ALIAS, &o, &node);
        if (st == ACPI_OK) {
            o->u.alias.target = it->nodes[0];
        }
        return st;
    case AML_METHOD:
        st = make(aml, it, ACPI_AML_TYPE_METHOD, &o, &node);
        if (st == ACPI_OK) {
            o->u.method.flags = (uint8_t)it->imm[0];
            o->u.method.code = f->pc;
            o->u.method.len = (uint32_t)(it->end - f->pc);
            o->u.method.table = f->table;
        }
        return st;
    case AML_DEVICE:
    case AML_THERMAL_ZONE:
        st = make(aml, it, it->op == AML_DEVICE ? ACPI_AML_TYPE_DEVICE : ACPI_AML_TYPE_THERMAL_ZONE,
                  &o, &node);
        *body_scope = node;
        return st;
    case AML_PROCESSOR:
        st = make(aml, it, ACPI_AML_TYPE_PROCESSOR, &o, &node);
        if (st == ACPI_OK) {
            o->u.processor.id = (uint8_t)it->imm[0];
            o->u.processor.pblk = (uint32_t)it->imm[1];
            o->u.processor.pblk_len = (uint8_t)it->imm[2];
        }
        *body_scope = node;
        return st;
    case AML_POWER_RES:
        st = make(aml, it, ACPI_AML_TYPE_POWER_RESOURCE, &o, &node);
        if (st == ACPI_OK) {
            o->u.power.system_level = (uint8_t)it->imm[0];
            o->u.power.order = (uint16_t)it->imm[1];
        }
        *body_scope = node;
        return st;
    case AML_MUTEX:
        st = make(aml, it, ACPI_AML_TYPE_MUTEX, &o, &node);
        if (st == ACPI_OK) {
            o->u.mutex.sync_level = (uint8_t)(it->imm[0] & 0x0F);
        }
        return st;
    case AML_EVENT:
        return make(aml, it, ACPI_AML_TYPE_EVENT, &o, &node);
    case AML_OP_REGION: {
        uint64_t off, len;
        st = acpi_aml_to_integer(aml, it->args[0], &off);
        if (st == ACPI_OK) {
            st = acpi_aml_to_integer(aml, it->args[1], &len);
        }
        if (st != ACPI_OK) {
            return st;
        }
        st = make(aml, it, ACPI_AML_TYPE_OPERATION_REGION, &o, &node);
        if (st == ACPI_OK) {
            o->u.region.space = (uint8_t)it->imm[0];
            o->u.region.offset = off;
            o->u.region.length = len;
            o->u.region.table = f->table;
        }
        return st;
    }
    case AML_DATA_REGION:
        return data_region(aml, it);
    case AML_FIELD:
    case AML_INDEX_FIELD:
    case AML_BANK_FIELD:
        return field_list(aml, it);
    case AML_CREATE_BIT_FIELD:
    case AML_CREATE_BYTE_FIELD:
    case AML_CREATE_WORD_FIELD:
    case AML_CREATE_DWORD_FIELD:
    case AML_CREATE_QWORD_FIELD:
    case AML_CREATE_FIELD:
        return create_buffer_field(aml, it);
    default:
        return ACPI_AML_BAD_OPCODE;
    }
}
