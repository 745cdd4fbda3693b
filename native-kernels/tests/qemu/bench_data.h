/*
 * Data of the kernel micro-benchmarks (bench_conv.c, bench_s4.c): pseudo-random bytes, per-channel
 * requantization pairs and the conv parameters they share. Only the instruction counts matter, so the values need
 * only be repeatable.
 */
#ifndef TINYLITE_BENCH_DATA_H
#define TINYLITE_BENCH_DATA_H

#include <stdint.h>

#include "tinylite/tl_conv_kernels.h"

/* Fills @p p with @p n bytes of a linear congruential sequence continued from *@p seed. */
static void bench_fill(uint32_t *seed, uint8_t *p, int32_t n)
{
    int32_t i;
    for (i = 0; i < n; i++)
    {
        *seed = *seed * 1664525u + 1013904223u;
        p[i] = (uint8_t)(*seed >> 24);
    }
}

/* Multiplier of channel @p c (Q0.31, about 0.625) and the shift (-8) every channel gets. */
#define BENCH_MULTIPLIER(c) (0x50000000u + (uint32_t)(c)*12345u)
#define BENCH_SHIFT (-8)

/* Writes @p channels (multiplier, shift) pairs as little-endian int32 into @p quant (the kernels' table layout). */
static void bench_quant(uint8_t *quant, int32_t channels)
{
    int32_t c;
    for (c = 0; c < channels; c++)
    {
        const uint32_t m = BENCH_MULTIPLIER(c);
        const uint32_t s = (uint32_t)BENCH_SHIFT;
        int k;
        for (k = 0; k < 4; k++)
        {
            quant[c * 8 + k] = (uint8_t)(m >> (8 * k));
            quant[c * 8 + 4 + k] = (uint8_t)(s >> (8 * k));
        }
    }
}

/* Conv parameters with the given stride (both axes) and padding: no dilation, depth multiplier 1, input offset 83,
   output offset -128, the whole int8 range. */
static void bench_conv_params(tl_conv_params *p, int32_t stride, int32_t pad_top, int32_t pad_left)
{
    p->stride_h = stride;
    p->stride_w = stride;
    p->dilation_h = 1;
    p->dilation_w = 1;
    p->pad_top = pad_top;
    p->pad_left = pad_left;
    p->depth_multiplier = 1;
    p->input_offset = 83;
    p->output_offset = -128;
    p->act_min = -128;
    p->act_max = 127;
}

#endif
