/*
 * Instruction counts of the packed int4 kernels (fast paths and plain loop nests) on the emulated boards, for
 * bench/kernel_insncount.sh: kws_dscnn's shapes of bench_conv.c with int4 weights (filters too large to unpack on
 * the stack: the conv block path and the depthwise channel groups), a 256 -> 64 FULLY_CONNECTED, and
 * synthetic_int4_cnn_s1's first layer (a filter small enough to unpack). Region 0 is empty (the marker overhead);
 * regions 1-9 in the order of the qemu_bench_s4 entry of bench/kernel_insncount.sh. Pseudo-random data.
 */
#include <stdint.h>

#include "bench_data.h"
#include "board.h"
#include "tinylite/tl_conv_kernels.h"
#include "tinylite/tl_dense_kernels.h"
#include "../../src/portable/tl_s4.h"

static uint32_t g_seed = 7u;

static uint8_t g_input[49 * 10 * 64];
static uint8_t g_filter[64 * 256 / 2];
static uint8_t g_bias[64 * 4];
static uint8_t g_quant[64 * 8];
static int32_t g_fc_pairs[64 * 2];
static uint8_t g_output[25 * 5 * 64];

/* Per-channel multiplier/shift pairs for the conv kernels and, as int32 pairs, for the FC. */
static void set_quant(int32_t channels)
{
    int32_t c;
    bench_quant(g_quant, channels);
    for (c = 0; c < channels; c++)
    {
        g_fc_pairs[2 * c] = (int32_t)BENCH_MULTIPLIER(c);
        g_fc_pairs[2 * c + 1] = BENCH_SHIFT;
    }
}

static void dims(tl_conv_dims *d, int32_t b, int32_t h, int32_t w, int32_t c)
{
    d->batches = b;
    d->height = h;
    d->width = w;
    d->channels = c;
}

int main(void)
{
    typedef tl_status (*conv_fn)(const tl_conv_params *, const tl_conv_quant *, const tl_conv_dims *, const int8_t *,
                                 const tl_conv_dims *, const uint8_t *, const uint8_t *, const tl_conv_dims *,
                                 int8_t *);
    static const conv_fn conv[2] = {tl_conv2d_s4, tl_conv2d_s4_plain};
    static const conv_fn dw[2] = {tl_depthwise_conv2d_s4, tl_depthwise_conv2d_s4_plain};
    tl_conv_params p;
    tl_conv_quant q;
    tl_conv_dims in, f, out;
    tl_fc_params fp;
    tl_fc_quant fq;
    const int8_t *x = (const int8_t *)g_input;
    int8_t *y = (int8_t *)g_output;
    int plain;
    q.table = g_quant;
    set_quant(64);
    bench_fill(&g_seed, g_input, (int32_t)sizeof(g_input));
    bench_fill(&g_seed, g_filter, (int32_t)sizeof(g_filter));
    bench_fill(&g_seed, g_bias, (int32_t)sizeof(g_bias));

    mcu_region_begin();
    mcu_region_end();

    /* 1-3 fast, 4-6 plain: kws_dscnn's 10x4 conv (49x10x1 -> 25x5x64, stride 2), 3x3 depthwise (25x5x64),
       1x1 conv (25x5x64 -> 64). */
    for (plain = 0; plain < 2; plain++)
    {
        dims(&in, 1, 49, 10, 1);
        dims(&f, 64, 10, 4, 1);
        dims(&out, 1, 25, 5, 64);
        bench_conv_params(&p, 2, 4, 1);
        mcu_region_begin();
        conv[plain](&p, &q, &in, x, &f, g_filter, g_bias, &out, y);
        mcu_region_end();
        dims(&in, 1, 25, 5, 64);
        dims(&f, 64, 3, 3, 1);
        bench_conv_params(&p, 1, 1, 1);
        mcu_region_begin();
        dw[plain](&p, &q, &in, x, &f, g_filter, g_bias, &out, y);
        mcu_region_end();
        dims(&f, 64, 1, 1, 64);
        bench_conv_params(&p, 1, 0, 0);
        mcu_region_begin();
        conv[plain](&p, &q, &in, x, &f, g_filter, g_bias, &out, y);
        mcu_region_end();
    }

    /* 7 fast, 8 plain: FULLY_CONNECTED 256 -> 64. */
    fp.batches = 1;
    fp.in_depth = 256;
    fp.out_depth = 64;
    fp.output_zero_point = -128;
    fp.act_min = -128;
    fp.act_max = 127;
    fq.pairs = g_fc_pairs;
    fq.per_channel = 1;
    mcu_region_begin();
    tl_fully_connected_s4(&fp, &fq, x, g_filter, (const int32_t *)(const void *)g_bias, y);
    mcu_region_end();
    mcu_region_begin();
    tl_fully_connected_s4_plain(&fp, &fq, x, g_filter, (const int32_t *)(const void *)g_bias, y);
    mcu_region_end();

    /* 9: synthetic_int4_cnn_s1's first layer: 16x16x3 -> 8x8x8, 3x3, stride 2, padding 0 top/left (filter
       unpacked to int8). */
    dims(&in, 1, 16, 16, 3);
    dims(&f, 8, 3, 3, 3);
    dims(&out, 1, 8, 8, 8);
    bench_conv_params(&p, 2, 0, 0);
    mcu_region_begin();
    tl_conv2d_s4(&p, &q, &in, x, &f, g_filter, g_bias, &out, y);
    mcu_region_end();
    return 0;
}
