/* acpi/aml_field.c - field units and buffer fields (ACPI 6.5, 19.6.48 Field,
 * 19.6.64 IndexField, 19.6.7 BankField, 19.6.15-19 Create*Field): access in
 * units of the access width, the update rules for partial units, index/data
 * and bank selection, and results as Integer or Buffer by size. */
#include "acpi/aml_convert.h"
#include "acpi/aml_region.h"
#include "acpi/shift.h"

#define FIELD_MAX_DEPTH 4   /* IndexField data fields that are IndexFields ... */

static uint64_t bit_mask(uint32_t bits)
{
    return bits >= 64 ? ~0ull : shl64(1, bits) - 1;
}

/* Bits [bit, bit + n) of bytes (n <= 64). */
static uint64_t get_bits(const uint8_t *bytes, uint64_t bit, uint32_t n)
{
    uint64_t v = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint64_t b = bit + i;
        v |= shl64((bytes[b / 8] >> (b % 8)) & 1u, i);
    }
    return v;
}

static void put_bits(uint8_t *bytes, uint64_t bit, uint32_t n, uint64_t v)
{
    for (uint32_t i = 0; i < n; i++) {
        uint64_t b = bit + i;
        uint8_t m = (uint8_t)(1u << (b % 8));
        bytes[b / 8] = (uint8_t)((shr64(v, i) & 1) != 0 ? bytes[b / 8] | m : bytes[b / 8] & ~m);
    }
}

static enum acpi_status unit_access(struct acpi_aml *aml, struct aml_object *f, uint64_t byte_off,
                                    bool write, uint64_t *v, unsigned depth);

/* A data value for a field write: bytes of the value, little-endian. */
static enum acpi_status value_bytes(struct acpi_aml *aml, struct aml_object *value,
                                    struct aml_object **buf)
{
    struct aml_object *r;
    enum acpi_status st = acpi_aml_resolve(aml, value, &r);
    if (st != ACPI_OK) {
        return st;
    }
    if (r->type == ACPI_AML_TYPE_INTEGER) {
        uint8_t b[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (uint8_t)shr64(r->u.integer, 8 * (uint64_t)i);
        }
        *buf = acpi_aml_obj_buffer(&aml->mem, b, 8);
        st = *buf != NULL ? ACPI_OK : ACPI_AML_OUT_OF_MEMORY;
    } else if (r->type == ACPI_AML_TYPE_STRING) {
        *buf = acpi_aml_obj_buffer(&aml->mem, (const uint8_t *)r->u.string.data, r->u.string.len);
        st = *buf != NULL ? ACPI_OK : ACPI_AML_OUT_OF_MEMORY;
    } else {
        st = acpi_aml_to_buffer(aml, r, buf);
    }
    acpi_aml_obj_put(&aml->mem, r);
    return st;
}

static enum acpi_status int_or_buffer(struct acpi_aml *aml, const uint8_t *bytes, uint32_t bits,
                                      bool force_buffer, struct aml_object **out)
{
    uint32_t width = aml->exec.nframes != 0 && acpi_aml_current_frame(aml)->int32 ? 32 : 64;
    if (bits <= width && !force_buffer) {
        *out = acpi_aml_obj_integer(&aml->mem, get_bits(bytes, 0, bits));
    } else {
        *out = acpi_aml_obj_buffer(&aml->mem, bytes, (bits + 7) / 8);
    }
    return *out != NULL ? ACPI_OK : ACPI_AML_OUT_OF_MEMORY;
}

/* Read or write a field unit through its units: `data` holds the field's
 * bits starting at bit 0. */
static enum acpi_status field_io(struct acpi_aml *aml, struct aml_object *f, uint8_t *data,
                                 bool write, unsigned depth)
{
    if (depth > FIELD_MAX_DEPTH) {
        return ACPI_AML_STACK_OVERFLOW;
    }
    uint32_t wbits = 8u * f->u.field.access_bytes;
    /* Widths are powers of two: shifts, no 64-bit division on 32-bit targets. */
    unsigned wshift = wbits == 8 ? 3 : wbits == 16 ? 4 : wbits == 32 ? 5 : 6;
    uint64_t first = f->u.field.bit_offset >> wshift;
    uint64_t last = f->u.field.bit_length == 0
                        ? first
                        : shr64((uint64_t)f->u.field.bit_offset + f->u.field.bit_length - 1,
                                wshift);
    if (f->u.field.bit_length == 0) {
        return ACPI_OK;
    }
    uint8_t rule = (f->u.field.flags >> 5) & 3;
    bool locked = (f->u.field.flags & 0x10) != 0 && aml->host.global_lock_acquire != NULL;
    if (locked && !aml->host.global_lock_acquire(aml->host.ctx)) {
        return ACPI_AML_NO_HANDLER;
    }
    enum acpi_status st = ACPI_OK;
    for (uint64_t u = first; u <= last && st == ACPI_OK; u++) {
        uint64_t ubit = u * wbits;
        uint64_t lo = ubit > f->u.field.bit_offset ? ubit : f->u.field.bit_offset;
        uint64_t fend = (uint64_t)f->u.field.bit_offset + f->u.field.bit_length;
        uint64_t hi = ubit + wbits < fend ? ubit + wbits : fend;
        uint32_t n = (uint32_t)(hi - lo);
        uint32_t shift = (uint32_t)(lo - ubit);
        uint64_t src_bit = lo - f->u.field.bit_offset;
        uint64_t v = 0;
        if (!write) {
            st = unit_access(aml, f, u * f->u.field.access_bytes, false, &v, depth);
            if (st == ACPI_OK) {
                put_bits(data, src_bit, n, shr64(v, shift) & bit_mask(n));
            }
            continue;
        }
        uint64_t part = get_bits(data, src_bit, n);
        if (n < wbits) {
            /* ACPI 6.5, 19.6.48: what the other bits of a partial unit get. */
            if (rule == 0) {
                st = unit_access(aml, f, u * f->u.field.access_bytes, false, &v, depth);
            } else if (rule == 1) {
                v = ~0ull;
            }
        }
        if (st == ACPI_OK) {
            uint64_t m = shl64(bit_mask(n), shift);
            v = (v & ~m) | (shl64(part, shift) & m);
            v &= bit_mask(wbits);
            st = unit_access(aml, f, u * f->u.field.access_bytes, true, &v, depth);
        }
    }
    if (locked && aml->host.global_lock_release != NULL) {
        aml->host.global_lock_release(aml->host.ctx);
    }
    return st;
}

static enum acpi_status write_int_field(struct acpi_aml *aml, struct acpi_aml_node *n,
                                        uint64_t v, unsigned depth)
{
    struct aml_object *f = n != NULL ? n->object : NULL;
    if (f == NULL || f->type != ACPI_AML_TYPE_FIELD_UNIT) {
        return ACPI_AML_BAD_OPERAND;
    }
    uint8_t b[8];
    for (int i = 0; i < 8; i++) {
        b[i] = (uint8_t)shr64(v, 8 * (uint64_t)i);
    }
    if (f->u.field.bit_length > 64) {
        return ACPI_AML_BAD_OPERAND;
    }
    return field_io(aml, f, b, true, depth + 1);
}

/* One access unit at byte `byte_off` of the field's space. */
static enum acpi_status unit_access(struct acpi_aml *aml, struct aml_object *f, uint64_t byte_off,
                                    bool write, uint64_t *v, unsigned depth)
{
    switch (f->u.field.kind) {
    case AML_FIELD_BANK:
    case AML_FIELD_REGION:
        if (f->u.field.kind == AML_FIELD_BANK) {
            /* ACPI 6.5, 19.6.7: select the bank, then access as a plain field. */
            enum acpi_status st = write_int_field(aml, f->u.field.bank, f->u.field.bank_value,
                                                  depth);
            if (st != ACPI_OK) {
                return st;
            }
        }
        if (f->u.field.region == NULL) {
            return ACPI_AML_UNRESOLVED_NAME;   /* its region never existed */
        }
        return acpi_aml_region_access(aml, f->u.field.region, byte_off, f->u.field.access_bytes,
                                 write, v);
    case AML_FIELD_INDEX: {
        /* ACPI 6.5, 19.6.64: the index register takes the byte offset. */
        enum acpi_status st = write_int_field(aml, f->u.field.index, byte_off, depth);
        if (st != ACPI_OK) {
            return st;
        }
        struct aml_object *d = f->u.field.data != NULL ? f->u.field.data->object : NULL;
        if (d == NULL || d->type != ACPI_AML_TYPE_FIELD_UNIT || d->u.field.bit_length > 64) {
            return ACPI_AML_BAD_OPERAND;
        }
        uint8_t b[8] = { 0 };
        if (write) {
            for (int i = 0; i < 8; i++) {
                b[i] = (uint8_t)shr64(*v, 8 * (uint64_t)i);
            }
            return field_io(aml, d, b, true, depth + 1);
        }
        st = field_io(aml, d, b, false, depth + 1);
        *v = get_bits(b, 0, d->u.field.bit_length);
        return st;
    }
    default:
        return ACPI_AML_BAD_OPERAND;
    }
}

/* The buffer size of the protocol spaces (ACPI 6.5, 5.5.2.4.5-6): Status and
 * Length bytes, then 32 (SMBus), 64 (IPMI) or up to 255 (GenericSerialBus)
 * data bytes; 0 for every other field. */
static uint32_t protocol_len(const struct aml_object *f)
{
    if (f->u.field.kind != AML_FIELD_REGION || f->u.field.region == NULL ||
        f->u.field.region->object == NULL) {
        return 0;
    }
    switch (f->u.field.region->object->u.region.space) {
    case ACPI_AML_SPACE_SMBUS: return 34;
    case ACPI_AML_SPACE_IPMI: return 66;
    case ACPI_AML_SPACE_GENERIC_SERIAL_BUS: return 257;
    default: return 0;
    }
}

enum acpi_status acpi_aml_field_read(struct acpi_aml *aml, struct aml_object *field,
                                struct aml_object **out)
{
    uint32_t plen = protocol_len(field);
    if (plen != 0) {
        *out = acpi_aml_obj_buffer(&aml->mem, NULL, plen);
        if (*out == NULL) {
            return ACPI_AML_OUT_OF_MEMORY;
        }
        enum acpi_status st = acpi_aml_region_buffer_access(aml, field, false, (*out)->u.buffer.data, plen);
        if (st != ACPI_OK) {
            acpi_aml_obj_put(&aml->mem, *out);
            *out = NULL;
        }
        return st;
    }
    uint32_t bytes = (field->u.field.bit_length + 7) / 8;
    uint8_t small[8] = { 0 };
    uint8_t *data = small;
    if (bytes > sizeof small) {
        data = acpi_aml_zalloc(&aml->mem, bytes);
        if (data == NULL) {
            return ACPI_AML_OUT_OF_MEMORY;
        }
    }
    enum acpi_status st = field_io(aml, field, data, false, 0);
    if (st == ACPI_OK) {
        st = int_or_buffer(aml, data, field->u.field.bit_length, false, out);
    }
    if (data != small) {
        acpi_aml_free(&aml->mem, data, bytes);
    }
    return st;
}

enum acpi_status acpi_aml_field_write(struct acpi_aml *aml, struct aml_object *field,
                                 struct aml_object *value)
{
    struct aml_object *b;
    enum acpi_status st = value_bytes(aml, value, &b);
    if (st != ACPI_OK) {
        return st;
    }
    uint32_t plen = protocol_len(field);
    uint32_t bytes = plen != 0 ? plen : (field->u.field.bit_length + 7) / 8;
    uint8_t *data = acpi_aml_zalloc(&aml->mem, bytes);
    if (data == NULL) {
        acpi_aml_obj_put(&aml->mem, b);
        return ACPI_AML_OUT_OF_MEMORY;
    }
    /* Shorter values are zero-extended, longer ones truncated (19.3.5.8). */
    for (uint32_t i = 0; i < bytes && i < b->u.buffer.len; i++) {
        data[i] = b->u.buffer.data[i];
    }
    acpi_aml_obj_put(&aml->mem, b);
    st = plen != 0 ? acpi_aml_region_buffer_access(aml, field, true, data, plen)
                   : field_io(aml, field, data, true, 0);
    acpi_aml_free(&aml->mem, data, bytes);
    return st;
}

enum acpi_status acpi_aml_bfield_read(struct acpi_aml *aml, struct aml_object *bf,
                                 struct aml_object **out)
{
    struct aml_object *buf = bf->u.bfield.buffer;
    uint32_t bits = bf->u.bfield.bit_length;
    if (buf == NULL || (uint64_t)bf->u.bfield.bit_offset + bits > (uint64_t)buf->u.buffer.len * 8) {
        return ACPI_AML_INDEX_RANGE;
    }
    uint32_t bytes = (bits + 7) / 8;
    uint8_t small[8] = { 0 };
    uint8_t *data = bytes > sizeof small ? acpi_aml_zalloc(&aml->mem, bytes) : small;
    if (data == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    for (uint32_t i = 0; i < bits; i += 64) {
        uint32_t n = bits - i < 64 ? bits - i : 64;
        put_bits(data, i, n, get_bits(buf->u.buffer.data, (uint64_t)bf->u.bfield.bit_offset + i, n));
    }
    enum acpi_status st = int_or_buffer(aml, data, bits, bf->u.bfield.create_field, out);
    if (data != small) {
        acpi_aml_free(&aml->mem, data, bytes);
    }
    return st;
}

enum acpi_status acpi_aml_bfield_write(struct acpi_aml *aml, struct aml_object *bf,
                                  struct aml_object *value)
{
    struct aml_object *b;
    enum acpi_status st = value_bytes(aml, value, &b);
    if (st != ACPI_OK) {
        return st;
    }
    struct aml_object *buf = bf->u.bfield.buffer;
    uint32_t bits = bf->u.bfield.bit_length;
    if (buf == NULL || (uint64_t)bf->u.bfield.bit_offset + bits > (uint64_t)buf->u.buffer.len * 8) {
        acpi_aml_obj_put(&aml->mem, b);
        return ACPI_AML_INDEX_RANGE;
    }
    for (uint32_t i = 0; i < bits; i += 64) {
        uint32_t n = bits - i < 64 ? bits - i : 64;
        uint64_t v = 0;
        for (uint32_t k = 0; k < n; k++) {
            uint64_t sb = (uint64_t)i + k;
            if (sb / 8 < b->u.buffer.len) {
                v |= shl64((b->u.buffer.data[sb / 8] >> (sb % 8)) & 1u, k);
            }
        }
        put_bits(buf->u.buffer.data, (uint64_t)bf->u.bfield.bit_offset + i, n, v);
    }
    acpi_aml_obj_put(&aml->mem, b);
    return ACPI_OK;
}
