#include "x86_64/addr.h"

enum x86_status x86_align_up(uint64_t addr, uint64_t align, uint64_t *out)
{
    if (!x86_is_power_of_two(align)) {
        return X86_BAD_ARGUMENT;
    }
    uint64_t mask = align - 1;
    if (addr > UINT64_MAX - mask) {
        return X86_OVERFLOW;
    }
    *out = (addr + mask) & ~mask;
    return X86_OK;
}

uint64_t x86_virt_sign_extend(uint64_t virt, unsigned levels)
{
    if (x86_virt_bits(levels) == 0) {
        return virt;
    }
    /* Constant shifts only (no 64-bit shift helper on 32-bit targets). */
    uint64_t sign = levels == 4 ? UINT64_C(1) << 47 : UINT64_C(1) << 56;
    uint64_t low = virt & ((sign << 1) - 1);
    /* (low ^ sign) - sign sign-extends without a signed shift (SDM 3.3.7.1). */
    return (low ^ sign) - sign;
}

bool x86_virt_is_canonical(uint64_t virt, unsigned levels)
{
    return x86_virt_bits(levels) != 0 && x86_virt_sign_extend(virt, levels) == virt;
}

enum x86_status x86_virt_add(uint64_t virt, uint64_t offset, unsigned levels, uint64_t *out)
{
    if (x86_virt_bits(levels) == 0) {
        return X86_BAD_ARGUMENT;
    }
    if (!x86_virt_is_canonical(virt, levels)) {
        return X86_NOT_CANONICAL;
    }
    if (virt > UINT64_MAX - offset) {
        return X86_OVERFLOW;
    }
    uint64_t sum = virt + offset;
    if (!x86_virt_is_canonical(sum, levels)) {
        return X86_NOT_CANONICAL;
    }
    *out = sum;
    return X86_OK;
}

uint64_t x86_virt_from_indices(unsigned levels, const unsigned index[], uint64_t offset)
{
    if (x86_virt_bits(levels) == 0) {
        return 0;
    }
    uint64_t virt = 0;
    for (unsigned level = levels; level >= 1; level--) {
        virt = (virt << 9) | (index[level - 1] & 0x1FFu);
    }
    virt = (virt << X86_PAGE_SHIFT) | (offset & 0xFFFu);
    return x86_virt_sign_extend(virt, levels);
}
