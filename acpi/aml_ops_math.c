/* acpi/aml_ops_math.c - integer and logical operators (ACPI 6.5, 19.6: Add,
 * Subtract, Multiply, Divide, Mod, shifts, bitwise, Not, FindSet*Bit, BCD,
 * Increment/Decrement, LAnd/LOr/LNot/LEqual/LGreater/LLess). */
#include "acpi/aml_convert.h"

static enum acpi_status result(struct acpi_aml *aml, struct aml_item *it, uint64_t v,
                               int target, struct aml_object **out)
{
    v &= aml_ones(aml_current_frame(aml));
    *out = aml_obj_integer(&aml->mem, v);
    if (*out == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    if (target >= 0) {
        return aml_store(aml, it->args[target], *out, false);
    }
    return ACPI_OK;
}

/* Compare two operands by the type of the first (ACPI 6.5, 19.6.69): -1, 0, 1. */
static enum acpi_status compare(struct acpi_aml *aml, struct aml_object *a, struct aml_object *b,
                                int *cmp)
{
    struct aml_object *ra;
    enum acpi_status st = aml_resolve(aml, a, &ra);
    if (st != ACPI_OK) {
        return st;
    }
    if (ra->type == ACPI_AML_TYPE_STRING || ra->type == ACPI_AML_TYPE_BUFFER) {
        struct aml_object *rb;
        st = aml_convert_to(aml, b, ra->type, &rb);
        if (st == ACPI_OK) {
            const uint8_t *pa, *pb;
            uint32_t la, lb;
            if (ra->type == ACPI_AML_TYPE_STRING) {
                pa = (const uint8_t *)ra->u.string.data;
                la = ra->u.string.len;
                pb = (const uint8_t *)rb->u.string.data;
                lb = rb->u.string.len;
            } else {
                pa = ra->u.buffer.data;
                la = ra->u.buffer.len;
                pb = rb->u.buffer.data;
                lb = rb->u.buffer.len;
            }
            uint32_t n = la < lb ? la : lb;
            *cmp = 0;
            for (uint32_t i = 0; i < n && *cmp == 0; i++) {
                *cmp = pa[i] < pb[i] ? -1 : pa[i] > pb[i] ? 1 : 0;
            }
            if (*cmp == 0) {
                *cmp = la < lb ? -1 : la > lb ? 1 : 0;
            }
            aml_obj_put(&aml->mem, rb);
        }
    } else {
        uint64_t x = 0, y = 0;
        st = aml_to_integer(aml, ra, &x);
        if (st == ACPI_OK) {
            st = aml_to_integer(aml, b, &y);
        }
        *cmp = x < y ? -1 : x > y ? 1 : 0;
    }
    aml_obj_put(&aml->mem, ra);
    return st;
}

uint64_t aml_udiv64(uint64_t n, uint64_t d, uint64_t *rem)
{
#if UINTPTR_MAX > 0xFFFFFFFFu
    if (rem != NULL) {
        *rem = n % d;
    }
    return n / d;
#else
    /* Shift and subtract, one quotient bit per step. */
    uint64_t q = 0, r = 0;
    for (int i = 63; i >= 0; i--) {
        r = (r << 1) | ((n >> i) & 1);
        if (r >= d) {
            r -= d;
            q |= 1ull << i;
        }
    }
    if (rem != NULL) {
        *rem = r;
    }
    return q;
#endif
}

static uint64_t from_bcd(uint64_t v)
{
    uint64_t r = 0, scale = 1;
    for (int i = 0; i < 16; i++) {
        r += (v & 0xF) * scale;
        v >>= 4;
        scale *= 10;
    }
    return r;
}

static uint64_t to_bcd(uint64_t v)
{
    uint64_t r = 0;
    for (int i = 0; i < 16 && v != 0; i++) {
        uint64_t digit;
        v = aml_udiv64(v, 10, &digit);
        r |= digit << (4 * i);
    }
    return r;
}

enum acpi_status aml_ops_math(struct acpi_aml *aml, struct aml_item *it, struct aml_object **out)
{
    uint64_t ones = aml_ones(aml_current_frame(aml));
    uint64_t a = 0, b = 0;
    enum acpi_status st;
    switch (it->op) {
    case AML_INCREMENT:
    case AML_DECREMENT:
        st = aml_to_integer(aml, it->args[0], &a);
        if (st != ACPI_OK) {
            return st;
        }
        return result(aml, it, it->op == AML_INCREMENT ? a + 1 : a - 1, 0, out);
    case AML_LEQUAL:
    case AML_LGREATER:
    case AML_LLESS: {
        int cmp;
        st = compare(aml, it->args[0], it->args[1], &cmp);
        if (st != ACPI_OK) {
            return st;
        }
        bool t = it->op == AML_LEQUAL ? cmp == 0 : it->op == AML_LGREATER ? cmp > 0 : cmp < 0;
        return result(aml, it, t ? ones : 0, -1, out);
    }
    default:
        break;
    }
    st = aml_to_integer(aml, it->args[0], &a);
    if (st != ACPI_OK) {
        return st;
    }
    bool binary = it->info->args[1] == 't';
    if (binary) {
        st = aml_to_integer(aml, it->args[1], &b);
        if (st != ACPI_OK) {
            return st;
        }
    }
    switch (it->op) {
    case AML_ADD: return result(aml, it, a + b, 2, out);
    case AML_SUBTRACT: return result(aml, it, a - b, 2, out);
    case AML_MULTIPLY: return result(aml, it, a * b, 2, out);
    case AML_AND: return result(aml, it, a & b, 2, out);
    case AML_NAND: return result(aml, it, ~(a & b), 2, out);
    case AML_OR: return result(aml, it, a | b, 2, out);
    case AML_NOR: return result(aml, it, ~(a | b), 2, out);
    case AML_XOR: return result(aml, it, a ^ b, 2, out);
    case AML_SHIFT_LEFT: return result(aml, it, b >= 64 ? 0 : a << b, 2, out);
    case AML_SHIFT_RIGHT: return result(aml, it, b >= 64 ? 0 : (a & ones) >> b, 2, out);
    case AML_MOD:
        if (b == 0) {
            return ACPI_AML_DIVIDE_BY_ZERO;
        }
        (void)aml_udiv64(a, b, &a);
        return result(aml, it, a, 2, out);
    case AML_DIVIDE: {
        if (b == 0) {
            return ACPI_AML_DIVIDE_BY_ZERO;
        }
        uint64_t r;
        uint64_t q = aml_udiv64(a, b, &r);
        struct aml_object *rem;
        st = result(aml, it, r, 2, &rem);
        aml_obj_put(&aml->mem, rem);
        if (st != ACPI_OK) {
            return st;
        }
        return result(aml, it, q, 3, out);
    }
    case AML_NOT: return result(aml, it, ~a, 1, out);
    case AML_FIND_SET_LEFT_BIT: {
        uint64_t n = 0;
        a &= ones;
        for (int i = 63; i >= 0; i--) {
            if ((a >> i) & 1) {
                n = (uint64_t)i + 1;
                break;
            }
        }
        return result(aml, it, n, 1, out);
    }
    case AML_FIND_SET_RIGHT_BIT: {
        uint64_t n = 0;
        a &= ones;
        for (int i = 0; i < 64; i++) {
            if ((a >> i) & 1) {
                n = (uint64_t)i + 1;
                break;
            }
        }
        return result(aml, it, n, 1, out);
    }
    case AML_FROM_BCD: return result(aml, it, from_bcd(a), 1, out);
    case AML_TO_BCD: return result(aml, it, to_bcd(a & ones), 1, out);
    case AML_LAND: return result(aml, it, (a != 0 && b != 0) ? ones : 0, -1, out);
    case AML_LOR: return result(aml, it, (a != 0 || b != 0) ? ones : 0, -1, out);
    case AML_LNOT: return result(aml, it, a == 0 ? ones : 0, -1, out);
    default:
        return ACPI_AML_BAD_OPCODE;
    }
}
