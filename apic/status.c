/*
 * apic/status.c: names of the apic library's statuses.
 */
#include "apic/host.h"

const char *apic_status_str(enum apic_status status)
{
    switch (status) {
    case APIC_OK: return "APIC_OK";
    case APIC_INVALID_ARGUMENT: return "APIC_INVALID_ARGUMENT";
    case APIC_NOT_SUPPORTED: return "APIC_NOT_SUPPORTED";
    case APIC_BAD_TRANSITION: return "APIC_BAD_TRANSITION";
    case APIC_TIMEOUT: return "APIC_TIMEOUT";
    case APIC_NOT_FOUND: return "APIC_NOT_FOUND";
    case APIC_OUT_OF_RANGE: return "APIC_OUT_OF_RANGE";
    case APIC_BAD_HARDWARE: return "APIC_BAD_HARDWARE";
    case APIC_WRONG_MODE: return "APIC_WRONG_MODE";
    case APIC_CALIBRATION_FAILED: return "APIC_CALIBRATION_FAILED";
    }
    return "APIC_UNKNOWN";
}
