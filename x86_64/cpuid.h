/* CPUID: executing it, and decoding the vendor, family/model and the features a
 * kernel checks before using them (Intel SDM Vol. 2A, CPUID, Tables 3-8 to
 * 3-20; AMD APM Vol. 3, Appendix E).
 *
 * Decoding works on raw register values and compiles on every target (a host
 * tool can decode a dump); x86_cpuid and x86_cpuid_read exist only on x86. */
#ifndef X86_64_CPUID_H
#define X86_64_CPUID_H

/* What a kernel's 32-bit entry code checks before enabling long mode, usable from
 * assembly too: the extended leaves and the bit numbers of their EDX features
 * (SDM Vol. 2A, CPUID, Table 3-8 and 3-20). */
#define X86_CPUID_EXT_MAX_LEAF     0x80000000
#define X86_CPUID_EXT_FEATURES     0x80000001
#define X86_CPUID_EXT_EDX_SYSCALL  11
#define X86_CPUID_EXT_EDX_NX       20
#define X86_CPUID_EXT_EDX_PAGE1G   26
#define X86_CPUID_EXT_EDX_RDTSCP   27
#define X86_CPUID_EXT_EDX_LM       29

#ifndef __ASSEMBLER__

#include <stdbool.h>
#include <stdint.h>

struct x86_cpuid_regs {
    uint32_t eax, ebx, ecx, edx;
};

/* The leaves x86_cpuid_decode reads; a leaf above the maximum is all zero. */
struct x86_cpuid_raw {
    struct x86_cpuid_regs leaf_0;          /* max basic leaf, vendor */
    struct x86_cpuid_regs leaf_1;          /* signature, features */
    struct x86_cpuid_regs leaf_7;          /* structured extended features, subleaf 0 */
    struct x86_cpuid_regs leaf_80000000;   /* max extended leaf */
    struct x86_cpuid_regs leaf_80000001;   /* extended features */
    struct x86_cpuid_regs leaf_80000008;   /* address sizes */
};

enum x86_cpu_vendor {
    X86_VENDOR_OTHER = 0,
    X86_VENDOR_INTEL,     /* "GenuineIntel" */
    X86_VENDOR_AMD,       /* "AuthenticAMD" */
};

struct x86_cpu_info {
    char vendor_string[13];        /* EBX, EDX, ECX of leaf 0, NUL-terminated */
    enum x86_cpu_vendor vendor;
    uint32_t max_leaf;
    uint32_t max_extended_leaf;
    uint32_t family;               /* display family (base + extended, SDM Figure 3-6) */
    uint32_t model;                /* display model */
    uint32_t stepping;
    uint8_t phys_addr_bits;        /* 0x80000008 EAX[7:0]; 36 if that leaf is absent */
    uint8_t linear_addr_bits;      /* 0x80000008 EAX[15:8]; 0 if absent */
    /* leaf 1 EDX */
    bool fpu, tsc, msr, pae, apic, pge, pat, pse36, fxsr, sse, sse2;
    /* leaf 1 ECX */
    bool sse3, pcid, x2apic, tsc_deadline, xsave, osxsave, avx, rdrand, hypervisor;
    /* leaf 7 EBX / ECX / EDX */
    bool fsgsbase, smep, invpcid, rdseed, smap, umip, pku, la57;
    /* 0x80000001 EDX / ECX */
    bool syscall, nx, page_1g, rdtscp, long_mode, lahf_lm;
};

/* Decode RAW into *OUT (every field written). */
void x86_cpuid_decode(const struct x86_cpuid_raw *raw, struct x86_cpu_info *out);

#if defined(__x86_64__) || defined(__i386__)

/* CPUID with EAX = LEAF and ECX = SUBLEAF. */
static inline struct x86_cpuid_regs x86_cpuid(uint32_t leaf, uint32_t subleaf)
{
    struct x86_cpuid_regs r;
    __asm__ __volatile__("cpuid"
                         : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
                         : "a"(leaf), "c"(subleaf));
    return r;
}

/* Execute CPUID for every leaf of struct x86_cpuid_raw the CPU supports. */
void x86_cpuid_read(struct x86_cpuid_raw *raw);

#endif
#endif /* !__ASSEMBLER__ */
#endif
