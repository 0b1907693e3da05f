/* CPUID decoding (Intel SDM Vol. 2A, CPUID: vendor in EBX-EDX-ECX, Figure 3-6
 * version information, leaf 1/7/80000001H feature bits), checked on synthetic
 * leaves and against the host CPU as Linux reports it in /proc/cpuinfo; the
 * user-mode instructions (RDTSC, RDTSCP, RDRAND, RDSEED, PUSHF) on the host;
 * and the status strings. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "x86_64/cpuid.h"
#include "x86_64/instructions.h"
#include "x86_64/status.h"

static uint32_t word(const char *four)
{
    return (uint32_t)(uint8_t)four[0] | (uint32_t)(uint8_t)four[1] << 8 |
           (uint32_t)(uint8_t)four[2] << 16 | (uint32_t)(uint8_t)four[3] << 24;
}

static void test_decode_synthetic(void **state)
{
    (void)state;
    struct x86_cpuid_raw raw;
    memset(&raw, 0, sizeof(raw));
    /* "GenuineIntel" = EBX "Genu", EDX "ineI", ECX "ntel". */
    raw.leaf_0 = (struct x86_cpuid_regs){ 7, word("Genu"), word("ntel"), word("ineI") };
    /* Signature 0x000906EA: family 6, extended model 9, model E -> 0x9E, stepping A. */
    raw.leaf_1.eax = 0x000906EA;
    raw.leaf_1.ecx = (1u << 17) | (1u << 21) | (1u << 24) | (1u << 26) | (1u << 30);
    raw.leaf_1.edx = (1u << 13) | (1u << 16);
    raw.leaf_7.ebx = (1u << 7) | (1u << 10) | (1u << 20);
    raw.leaf_7.ecx = 1u << 16;
    raw.leaf_80000000.eax = 0x80000008;
    raw.leaf_80000001.edx = (1u << 20) | (1u << 26) | (1u << 29);
    raw.leaf_80000008.eax = 0x3027; /* 48 linear, 39 physical bits */
    struct x86_cpu_info info;
    x86_cpuid_decode(&raw, &info);
    assert_string_equal(info.vendor_string, "GenuineIntel");
    assert_int_equal(info.vendor, X86_VENDOR_INTEL);
    assert_int_equal(info.family, 6);
    assert_int_equal(info.model, 0x9E);
    assert_int_equal(info.stepping, 0xA);
    assert_true(info.pcid && info.x2apic && info.tsc_deadline && info.xsave && info.rdrand);
    assert_false(info.osxsave || info.avx || info.hypervisor);
    assert_true(info.pge && info.pat);
    assert_false(info.apic || info.msr);
    assert_true(info.smep && info.invpcid && info.smap && info.la57);
    assert_false(info.fsgsbase || info.rdseed || info.umip || info.pku);
    assert_true(info.nx && info.page_1g && info.long_mode);
    assert_false(info.syscall || info.rdtscp);
    assert_int_equal(info.phys_addr_bits, 39);
    assert_int_equal(info.linear_addr_bits, 48);

    /* "AuthenticAMD", family 0xF + extended 0x8 = 0x17 (Zen), model 0x71. */
    raw.leaf_0 = (struct x86_cpuid_regs){ 1, word("Auth"), word("cAMD"), word("enti") };
    raw.leaf_1.eax = 0x00870F10;
    x86_cpuid_decode(&raw, &info);
    assert_string_equal(info.vendor_string, "AuthenticAMD");
    assert_int_equal(info.vendor, X86_VENDOR_AMD);
    assert_int_equal(info.family, 0x17);
    assert_int_equal(info.model, 0x71);
    /* Max leaf 1: leaf 7 must be ignored even though the raw values are set. */
    assert_false(info.smep || info.la57);

    /* No extended leaves: 36 physical bits is the architectural default. */
    raw.leaf_0 = (struct x86_cpuid_regs){ 1, word("Hygo"), word("uine"), word("nGen") };
    raw.leaf_80000000.eax = 0;
    x86_cpuid_decode(&raw, &info);
    assert_int_equal(info.vendor, X86_VENDOR_OTHER);
    assert_false(info.nx);
    assert_int_equal(info.phys_addr_bits, 36);
    assert_int_equal(info.max_extended_leaf, 0);
}

/* True when /proc/cpuinfo's first "flags" line lists FLAG. */
static bool linux_flag(const char *line, const char *flag)
{
    size_t n = strlen(flag);
    for (const char *p = strstr(line, flag); p != NULL; p = strstr(p + 1, flag)) {
        if (p[-1] == ' ' && (p[n] == ' ' || p[n] == '\n' || p[n] == '\0')) {
            return true;
        }
    }
    return false;
}

static void test_host_cpu(void **state)
{
    (void)state;
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (f == NULL) {
        skip();
    }
    char line[8192];
    char flags[8192] = "";
    char vendor[64] = "";
    while (fgets(line, sizeof(line), f) != NULL) {
        if (flags[0] == '\0' && strncmp(line, "flags", 5) == 0) {
            snprintf(flags, sizeof(flags), " %s", strchr(line, ':') + 1);
        }
        if (vendor[0] == '\0' && strncmp(line, "vendor_id", 9) == 0) {
            sscanf(strchr(line, ':') + 1, "%63s", vendor);
        }
    }
    fclose(f);
    if (flags[0] == '\0') {
        skip();
    }
    struct x86_cpuid_raw raw;
    struct x86_cpu_info info;
    x86_cpuid_read(&raw);
    x86_cpuid_decode(&raw, &info);
    assert_string_equal(info.vendor_string, vendor);
    /* Linux's names for the same CPUID bits (arch/x86/include/asm/cpufeatures.h).
     * Linux may clear a flag it does not use, so only check the ones it
     * passes through from CPUID unchanged on every kernel. */
    assert_int_equal(info.nx, linux_flag(flags, "nx"));
    assert_int_equal(info.page_1g, linux_flag(flags, "pdpe1gb"));
    assert_int_equal(info.pcid, linux_flag(flags, "pcid"));
    assert_int_equal(info.x2apic, linux_flag(flags, "x2apic"));
    assert_int_equal(info.tsc_deadline, linux_flag(flags, "tsc_deadline_timer"));
    assert_int_equal(info.xsave, linux_flag(flags, "xsave"));
    assert_int_equal(info.smep, linux_flag(flags, "smep"));
    assert_int_equal(info.smap, linux_flag(flags, "smap"));
    assert_int_equal(info.invpcid, linux_flag(flags, "invpcid"));
    assert_int_equal(info.la57, linux_flag(flags, "la57"));
    assert_int_equal(info.rdrand, linux_flag(flags, "rdrand"));
    assert_int_equal(info.rdseed, linux_flag(flags, "rdseed"));
    assert_int_equal(info.rdtscp, linux_flag(flags, "rdtscp"));
    assert_int_equal(info.long_mode, linux_flag(flags, "lm"));
    assert_int_equal(info.pat, linux_flag(flags, "pat"));
    assert_int_equal(info.pge, linux_flag(flags, "pge"));
    assert_int_equal(info.apic, linux_flag(flags, "apic"));
    assert_int_equal(info.hypervisor, linux_flag(flags, "hypervisor"));
}

static void test_host_instructions(void **state)
{
    (void)state;
    struct x86_cpuid_raw raw;
    struct x86_cpu_info info;
    x86_cpuid_read(&raw);
    x86_cpuid_decode(&raw, &info);

    uint64_t t0 = x86_rdtsc();
    uint64_t t1 = x86_rdtsc();
    assert_true(t1 >= t0);
    if (info.rdtscp) {
        uint32_t aux = UINT32_MAX;
        uint64_t t2 = x86_rdtscp(&aux);
        assert_true(t2 >= t1);
        assert_true(aux != UINT32_MAX); /* Linux stores the CPU number there */
    }
    /* User code runs with interrupts enabled, and RFLAGS bit 1 always reads 1. */
    assert_true(x86_irqs_enabled());
    assert_int_equal(x86_read_rflags() & 2u, 2u);
    if (info.rdrand) {
        uint64_t a = 0;
        uint64_t b = 0;
        uint32_t c = 0;
        assert_int_equal(x86_rdrand64(&a), X86_OK);
        assert_int_equal(x86_rdrand64(&b), X86_OK);
        assert_int_equal(x86_rdrand32(&c), X86_OK);
        assert_true(a != b); /* 2^-64 chance of a false failure */
    }
    if (info.rdseed) {
        uint64_t s = 0;
        uint32_t s32 = 0;
        assert_int_equal(x86_rdseed64(&s), X86_OK);
        assert_int_equal(x86_rdseed32(&s32), X86_OK);
    }
}

static void test_status_strings(void **state)
{
    (void)state;
    for (int s = X86_OK; s <= X86_RETRIES_EXHAUSTED; s++) {
        const char *text = x86_status_str((enum x86_status)s);
        assert_non_null(text);
        assert_string_not_equal(text, "unknown status");
        for (int t = X86_OK; t < s; t++) {
            assert_string_not_equal(text, x86_status_str((enum x86_status)t));
        }
    }
    assert_string_equal(x86_status_str((enum x86_status)999), "unknown status");
    assert_string_equal(x86_status_str(X86_OK), "ok");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_synthetic),
        cmocka_unit_test(test_host_cpu),
        cmocka_unit_test(test_host_instructions),
        cmocka_unit_test(test_status_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
