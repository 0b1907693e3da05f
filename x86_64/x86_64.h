/* Umbrella header of the x86_64 library: everything a kernel uses to take over
 * an x86 machine. Each part compiles on every target; what needs x86 (or
 * x86_64) is declared only there (see each header). */
#ifndef X86_64_X86_64_H
#define X86_64_X86_64_H

#include "x86_64/addr.h"
#include "x86_64/cpuid.h"
#include "x86_64/gdt.h"
#include "x86_64/idt.h"
#include "x86_64/instructions.h"
#include "x86_64/isr.h"
#include "x86_64/mapper.h"
#include "x86_64/page.h"
#include "x86_64/paging.h"
#include "x86_64/pat.h"
#include "x86_64/port.h"
#include "x86_64/registers.h"
#include "x86_64/status.h"
#include "x86_64/tss.h"
#include "x86_64/version.h"

#endif
