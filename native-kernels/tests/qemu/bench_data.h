/*
 * Data of the kernel micro-benchmarks (bench_conv.c, bench_s4.c): pseudo-random bytes and per-channel
 * requantization pairs. Only the instruction counts matter, so the values need only be repeatable.
 */
#ifndef TINYLITE_BENCH_DATA_H
#define TINYLITE_BENCH_DATA_H

#include <stdint.h>

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

#endif
