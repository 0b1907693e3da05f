/* acpi/acpi_aml_ops_math.c - integer and logical operators (ACPI 6.5, 19.6: Add,
 * Subtract, Multiply, Divide, Mod, shifts, bitwise, Not, FindSet*Bit, BCD,
 * Increment/Decrement, LAnd/LOr/LNot/LEqual/LGreater/LLess). */
#include "acpi/aml_convert.h"
#include "acpi/shift.h"

static enum acpi_status result(struct acpi_aml *aml, struct aml_item *it, uint64_t v,
                               int target, struct aml_object **out)
{
    v &= acpi_aml_ones(acpi_aml_current_frame(aml));
    *out = acpi_aml_obj_integer(&aml->mem, v);
    if (*out == NULL) {
        return ACPI_AML_OUT_OF_MEMORY;
    }
    if (target >= 0) {
        return acpi_aml_store(aml, it->args[target], *out, false);
    }
    return ACPI_OK;
}

uint64_t acpi_aml_udiv64(uint64_t n, uint64_t d, uint64_t *rem)
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
        r = (r << 1) | (shr64(n, (uint64_t)i) & 1);
        if (r >= d) {
            r -= d;
            q |= shl64(1, (uint64_t)i);
        }
    }
    if (rem != NULL) {
        *rem = r;
    }
    return q;
#endif
}

/* FromBCD (19.6.52): a nibble above 9 is no BCD digit (ACPICA: overflow). */
static bool from_bcd(uint64_t v, uint64_t *out)
{
    uint64_t r = 0, scale = 1;
    for (int i = 0; i < 16; i++) {
        if ((v & 0xF) > 9) {
            return false;
        }
        r += (v & 0xF) * scale;
        v >>= 4;
        scale *= 10;
    }
    *out = r;
    return true;
}

static uint64_t to_bcd(uint64_t v)
{
    uint64_t r = 0;
    for (int i = 0; i < 16 && v != 0; i++) {
        uint64_t digit;
        v = acpi_aml_udiv64(v, 10, &digit);
        r |= shl64(digit, 4 * (uint64_t)i);
    }
    return r;
}

enum acpi_status acpi_aml_ops_math(struct acpi_aml *aml, struct aml_item *it, struct aml_object **out)
{
    uint64_t ones = acpi_aml_ones(acpi_aml_current_frame(aml));
    uint64_t a = 0, b = 0;
    enum acpi_status st;
    switch (it->op) {
    case AML_INCREMENT:
    case AML_DECREMENT:
        st = acpi_aml_to_integer(aml, it->args[0], &a);
        if (st != ACPI_OK) {
            return st;
        }
        return result(aml, it, it->op == AML_INCREMENT ? a + 1 : a - 1, 0, out);
    case AML_LEQUAL:
    case AML_LGREATER:
    case AML_LLESS: {
        int cmp;
        st = acpi_aml_compare(aml, it->args[0], it->args[1], &cmp);
        if (st != ACPI_OK) {
            return st;
        }
        bool t = it->op == AML_LEQUAL ? cmp == 0 : it->op == AML_LGREATER ? cmp > 0 : cmp < 0;
        return result(aml, it, t ? ones : 0, -1, out);
    }
    default:
        break;
    }
    st = acpi_aml_to_integer(aml, it->args[0], &a);
    if (st != ACPI_OK) {
        return st;
    }
    bool binary = it->info->args[1] == 't';
    if (binary) {
        st = acpi_aml_to_integer(aml, it->args[1], &b);
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
    case AML_SHIFT_LEFT: return result(aml, it, shl64(a, b), 2, out);
    case AML_SHIFT_RIGHT: return result(aml, it, shr64(a & ones, b), 2, out);
    case AML_MOD:
        if (b == 0) {
            return ACPI_AML_DIVIDE_BY_ZERO;
        }
        (void)acpi_aml_udiv64(a, b, &a);
        return result(aml, it, a, 2, out);
    case AML_DIVIDE: {
        if (b == 0) {
            return ACPI_AML_DIVIDE_BY_ZERO;
        }
        uint64_t r;
        uint64_t q = acpi_aml_udiv64(a, b, &r);
        struct aml_object *rem;
        st = result(aml, it, r, 2, &rem);
        acpi_aml_obj_put(&aml->mem, rem);
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
            if (shr64(a, (uint64_t)i) & 1) {
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
            if (shr64(a, (uint64_t)i) & 1) {
                n = (uint64_t)i + 1;
                break;
            }
        }
        return result(aml, it, n, 1, out);
    }
    case AML_FROM_BCD: {
        uint64_t r;
        if (!from_bcd(a, &r)) {
            return ACPI_AML_BAD_OPERAND;
        }
        return result(aml, it, r, 1, out);
    }
    case AML_TO_BCD: return result(aml, it, to_bcd(a & ones), 1, out);
    case AML_LAND: return result(aml, it, (a != 0 && b != 0) ? ones : 0, -1, out);
    case AML_LOR: return result(aml, it, (a != 0 || b != 0) ? ones : 0, -1, out);
    case AML_LNOT: return result(aml, it, a == 0 ? ones : 0, -1, out);
    default:
        return ACPI_AML_BAD_OPCODE;
    }
}
