/*
 * Instruction counts of FULLY_CONNECTED s8 (plain loop and 4-row fast path) on a Cortex-M4 model (QEMU
 * mps2-an386, bare metal, no libc), measured with ../shared/tools/insncount between mcu_region_begin/end.
 * Also checks that both paths give the same bytes on the target; exits 1 through semihosting otherwise.
 * Build and run: run.sh.
 */
#include <stddef.h>
#include <stdint.h>

#include "tinylite/tl_dense_kernels.h"

extern uint32_t __bss_start, __bss_end, __stack_top;

int main(void);

__attribute__((noinline)) void mcu_region_begin(void)
{
    __asm volatile("");
}

__attribute__((noinline)) void mcu_region_end(void)
{
    __asm volatile("");
}

/* Semihosting SYS_EXIT_EXTENDED (0x20): QEMU exits with @p code. */
static void semihost_exit(int code)
{
    uint32_t block[2];
    block[0] = 0x20026u; /* ADP_Stopped_ApplicationExit */
    block[1] = (uint32_t)code;
    register uint32_t r0 __asm("r0") = 0x20u;
    register uint32_t *r1 __asm("r1") = block;
    __asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    for (;;)
    {
    }
}

void *memset(void *d, int c, size_t n)
{
    uint8_t *p = (uint8_t *)d;
    while (n--)
    {
        *p++ = (uint8_t)c;
    }
    return d;
}

void reset_handler(void)
{
    uint32_t *p;
    for (p = &__bss_start; p < &__bss_end; p++)
    {
        *p = 0;
    }
    /* Full access to CP10/CP11 (the FPU). */
    *(volatile uint32_t *)0xE000ED88u |= 0xFu << 20;
    semihost_exit(main());
}

__attribute__((section(".vectors"), used)) static const void *const g_vectors[2] = {&__stack_top, (void *)reset_handler};

#define IN_DEPTH 256
#define OUT_DEPTH 64

static int8_t g_input[IN_DEPTH];
static int8_t g_weights[OUT_DEPTH * IN_DEPTH];
static int32_t g_bias[OUT_DEPTH];
static int32_t g_pairs[2 * OUT_DEPTH];
static int8_t g_out_plain[OUT_DEPTH];
static int8_t g_out_fast[OUT_DEPTH];

int main(void)
{
    uint32_t seed = 1u;
    int32_t i;
    tl_fc_params params = {1, IN_DEPTH, OUT_DEPTH, -3, -128, 127};
    tl_fc_quant quant;
    for (i = 0; i < OUT_DEPTH * IN_DEPTH; i++)
    {
        seed = seed * 1664525u + 1013904223u;
        g_weights[i] = (int8_t)(seed >> 24);
        if (i < IN_DEPTH)
        {
            g_input[i] = (int8_t)(seed >> 16);
        }
    }
    for (i = 0; i < OUT_DEPTH; i++)
    {
        g_bias[i] = i * 977 - 30000;
        g_pairs[2 * i] = 0x50000000 + i * 12345;
        g_pairs[2 * i + 1] = -9;
    }
    quant.pairs = g_pairs;
    quant.per_channel = 1;
    /* Region 1: empty (marker overhead); 2: plain; 3: fast. */
    mcu_region_begin();
    mcu_region_end();
    mcu_region_begin();
    tl_fully_connected_s8_plain(&params, &quant, g_input, g_weights, g_bias, g_out_plain);
    mcu_region_end();
    mcu_region_begin();
    tl_fully_connected_s8_fast(&params, &quant, g_input, g_weights, g_bias, g_out_fast);
    mcu_region_end();
    for (i = 0; i < OUT_DEPTH; i++)
    {
        if (g_out_plain[i] != g_out_fast[i])
        {
            return 1;
        }
    }
    return 0;
}
