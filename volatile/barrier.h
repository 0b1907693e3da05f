/*
 * volatile/barrier.h: compiler barrier and memory fences.
 *
 * Header-only. Volatile accesses are ordered among themselves by the compiler, but not
 * against ordinary memory accesses, and the CPU may still reorder them against each
 * other on weakly ordered architectures. Use:
 *   vol_compiler_barrier()  no instruction; the compiler keeps memory accesses on their
 *                           side of it (e.g. fill a buffer, then start the device);
 *   vol_fence()             every earlier load and store (memory and device) completes
 *                           before any later one;
 *   vol_fence_read()        earlier loads before later loads;
 *   vol_fence_write()       earlier stores before later stores (e.g. write a DMA
 *                           descriptor, then ring the doorbell).
 * Instructions, as Linux's mb/rmb/wmb use them:
 *   x86_64:  mfence / lfence / sfence;
 *   i386:    `lock orl $0,(%esp)` for all three (no SSE2 fences assumed);
 *   aarch64: dsb sy / dsb ld / dsb st;
 *   riscv:   fence iorw,iorw / fence ir,ir / fence ow,ow.
 */
#ifndef VOL_BARRIER_H
#define VOL_BARRIER_H

static inline void vol_compiler_barrier(void)
{
    __asm__ __volatile__("" ::: "memory");
}

#if defined(__x86_64__)
static inline void vol_fence(void) { __asm__ __volatile__("mfence" ::: "memory"); }
static inline void vol_fence_read(void) { __asm__ __volatile__("lfence" ::: "memory"); }
static inline void vol_fence_write(void) { __asm__ __volatile__("sfence" ::: "memory"); }
#elif defined(__i386__)
static inline void vol_fence(void) { __asm__ __volatile__("lock orl $0,(%%esp)" ::: "memory", "cc"); }
static inline void vol_fence_read(void) { vol_fence(); }
static inline void vol_fence_write(void) { vol_fence(); }
#elif defined(__aarch64__)
static inline void vol_fence(void) { __asm__ __volatile__("dsb sy" ::: "memory"); }
static inline void vol_fence_read(void) { __asm__ __volatile__("dsb ld" ::: "memory"); }
static inline void vol_fence_write(void) { __asm__ __volatile__("dsb st" ::: "memory"); }
#elif defined(__riscv)
static inline void vol_fence(void) { __asm__ __volatile__("fence iorw,iorw" ::: "memory"); }
static inline void vol_fence_read(void) { __asm__ __volatile__("fence ir,ir" ::: "memory"); }
static inline void vol_fence_write(void) { __asm__ __volatile__("fence ow,ow" ::: "memory"); }
#else
#error "volatile/barrier.h: no fences defined for this architecture"
#endif

#endif
