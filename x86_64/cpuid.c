/* CPUID decoding: Intel SDM Vol. 2A, CPUID (Table 3-8 leaves, Figure 3-6
 * version information, Tables 3-10/3-11 leaf 1 ECX/EDX, leaf 07H, leaves
 * 80000001H and 80000008H). */
#include "x86_64/cpuid.h"

#include <stddef.h>

static bool bit(uint32_t value, unsigned n)
{
    return ((value >> n) & 1u) != 0;
}

static void put_le32(char *dst, uint32_t value)
{
    for (unsigned i = 0; i < 4; i++) {
        dst[i] = (char)(value >> (8 * i));
    }
}

static bool same(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (a[i] != b[i]) {
            return false;
        }
    }
    return true;
}

void x86_cpuid_decode(const struct x86_cpuid_raw *raw, struct x86_cpu_info *out)
{
    static const struct x86_cpuid_regs none = { 0, 0, 0, 0 };
    uint32_t max = raw->leaf_0.eax;
    uint32_t max_ext = raw->leaf_80000000.eax;
    if (max_ext < X86_CPUID_EXT_MAX_LEAF) {
        max_ext = 0; /* no extended leaves: the value is not a leaf number */
    }
    const struct x86_cpuid_regs *l1 = max >= 1 ? &raw->leaf_1 : &none;
    const struct x86_cpuid_regs *l7 = max >= 7 ? &raw->leaf_7 : &none;
    const struct x86_cpuid_regs *e1 =
        max_ext >= X86_CPUID_EXT_FEATURES ? &raw->leaf_80000001 : &none;
    const struct x86_cpuid_regs *e8 = max_ext >= 0x80000008u ? &raw->leaf_80000008 : &none;

    /* The vendor string is EBX, EDX, ECX in that order. */
    put_le32(&out->vendor_string[0], raw->leaf_0.ebx);
    put_le32(&out->vendor_string[4], raw->leaf_0.edx);
    put_le32(&out->vendor_string[8], raw->leaf_0.ecx);
    out->vendor_string[12] = '\0';
    out->vendor = same(out->vendor_string, "GenuineIntel", 12)   ? X86_VENDOR_INTEL
                  : same(out->vendor_string, "AuthenticAMD", 12) ? X86_VENDOR_AMD
                                                                 : X86_VENDOR_OTHER;
    out->max_leaf = max;
    out->max_extended_leaf = max_ext;

    /* Figure 3-6: family 0FH adds the extended family; families 06H and 0FH
     * prepend the extended model. */
    uint32_t sig = l1->eax;
    uint32_t family = (sig >> 8) & 0xFu;
    uint32_t model = (sig >> 4) & 0xFu;
    if (family == 0xFu || family == 0x6u) {
        model |= ((sig >> 16) & 0xFu) << 4;
    }
    if (family == 0xFu) {
        family += (sig >> 20) & 0xFFu;
    }
    out->family = family;
    out->model = model;
    out->stepping = sig & 0xFu;

    out->phys_addr_bits = e8->eax != 0 ? (uint8_t)e8->eax : 36;
    out->linear_addr_bits = (uint8_t)(e8->eax >> 8);

    out->fpu = bit(l1->edx, 0);
    out->tsc = bit(l1->edx, 4);
    out->msr = bit(l1->edx, 5);
    out->pae = bit(l1->edx, 6);
    out->apic = bit(l1->edx, 9);
    out->pge = bit(l1->edx, 13);
    out->pat = bit(l1->edx, 16);
    out->pse36 = bit(l1->edx, 17);
    out->fxsr = bit(l1->edx, 24);
    out->sse = bit(l1->edx, 25);
    out->sse2 = bit(l1->edx, 26);

    out->sse3 = bit(l1->ecx, 0);
    out->pcid = bit(l1->ecx, 17);
    out->x2apic = bit(l1->ecx, 21);
    out->tsc_deadline = bit(l1->ecx, 24);
    out->xsave = bit(l1->ecx, 26);
    out->osxsave = bit(l1->ecx, 27);
    out->avx = bit(l1->ecx, 28);
    out->rdrand = bit(l1->ecx, 30);
    out->hypervisor = bit(l1->ecx, 31);

    out->fsgsbase = bit(l7->ebx, 0);
    out->smep = bit(l7->ebx, 7);
    out->invpcid = bit(l7->ebx, 10);
    out->rdseed = bit(l7->ebx, 18);
    out->smap = bit(l7->ebx, 20);
    out->umip = bit(l7->ecx, 2);
    out->pku = bit(l7->ecx, 3);
    out->la57 = bit(l7->ecx, 16);

    out->lahf_lm = bit(e1->ecx, 0);
    out->syscall = bit(e1->edx, X86_CPUID_EXT_EDX_SYSCALL);
    out->nx = bit(e1->edx, X86_CPUID_EXT_EDX_NX);
    out->page_1g = bit(e1->edx, X86_CPUID_EXT_EDX_PAGE1G);
    out->rdtscp = bit(e1->edx, X86_CPUID_EXT_EDX_RDTSCP);
    out->long_mode = bit(e1->edx, X86_CPUID_EXT_EDX_LM);
}

#if defined(__x86_64__) || defined(__i386__)
void x86_cpuid_read(struct x86_cpuid_raw *raw)
{
    static const struct x86_cpuid_regs none = { 0, 0, 0, 0 };
    raw->leaf_0 = x86_cpuid(0, 0);
    uint32_t max = raw->leaf_0.eax;
    raw->leaf_1 = max >= 1 ? x86_cpuid(1, 0) : none;
    raw->leaf_7 = max >= 7 ? x86_cpuid(7, 0) : none;
    raw->leaf_80000000 = x86_cpuid(X86_CPUID_EXT_MAX_LEAF, 0);
    uint32_t max_ext = raw->leaf_80000000.eax;
    if (max_ext < X86_CPUID_EXT_MAX_LEAF) {
        max_ext = 0;
        raw->leaf_80000000 = none;
    }
    raw->leaf_80000001 =
        max_ext >= X86_CPUID_EXT_FEATURES ? x86_cpuid(X86_CPUID_EXT_FEATURES, 0) : none;
    raw->leaf_80000008 = max_ext >= 0x80000008u ? x86_cpuid(0x80000008u, 0) : none;
}
#endif
