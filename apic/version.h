/* apic/version.h: version of the apic library. */
#ifndef APIC_VERSION_H
#define APIC_VERSION_H

#define APIC_VERSION_MAJOR 0
#define APIC_VERSION_MINOR 1
#define APIC_VERSION_PATCH 0

#endif
