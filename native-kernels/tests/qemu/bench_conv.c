/*
 * Instruction counts of the conv kernels (fast paths and plain loop nests) on the emulated boards, for
 * bench/kernel_insncount.sh: each shape runs once between mcu_region_begin/end (board.h), counted by
 * ../shared/tools/insncount. Region 0 is empty (the marker overhead, to subtract); regions 1-9 in the
 * order of KERNELS in bench/kernel_insncount.sh. Inputs are pseudo-random; only the counts matter.
 */
#include <stdint.h>

#include "bench_data.h"
#include "board.h"
#include "tinylite/tl_conv_kernels.h"

static uint32_t g_seed = 1u;

static uint8_t g_input[48 * 48 * 16];
static uint8_t g_filter[64 * 64];
static uint8_t g_bias[128 * 4];
static uint8_t g_quant[128 * 8];
static uint8_t g_output[24 * 24 * 16];

/* kws_dscnn's first layer: 10x4 conv, 49x10x1 -> 25x5x64, stride 2, padding 4 top, 1 left. */
static void shape_10x4(tl_conv_params *p, tl_conv_dims *in, tl_conv_dims *f, tl_conv_dims *out)
{
    in->batches = 1;
    in->height = 49;
    in->width = 10;
    in->channels = 1;
    f->batches = 64;
    f->height = 10;
    f->width = 4;
    f->channels = 1;
    out->batches = 1;
    out->height = 25;
    out->width = 5;
    out->channels = 64;
    bench_conv_params(p, 2, 4, 1);
}

/* 3x3 depthwise, 25x5x64, stride 1, padding 1. */
static void shape_dw3x3(tl_conv_params *p, tl_conv_dims *in, tl_conv_dims *f)
{
    in->height = 25;
    in->width = 5;
    in->channels = 64;
    f->height = 3;
    f->width = 3;
    f->channels = 1;
    bench_conv_params(p, 1, 1, 1);
}

/* 1x1 conv, 25x5x64 -> 25x5x64. */
static void shape_1x1(tl_conv_params *p, tl_conv_dims *f)
{
    f->height = 1;
    f->width = 1;
    f->channels = 64;
    bench_conv_params(p, 1, 0, 0);
}

int main(void)
{
    tl_conv_params p;
    tl_conv_quant q;
    tl_conv_dims in, f, out;
    const int8_t *x = (const int8_t *)g_input;
    const int8_t *w = (const int8_t *)g_filter;
    int8_t *y = (int8_t *)g_output;
    q.table = g_quant;
    bench_quant(g_quant, 64);
    bench_fill(&g_seed, g_input, (int32_t)sizeof(g_input));
    bench_fill(&g_seed, g_filter, (int32_t)sizeof(g_filter));
    bench_fill(&g_seed, g_bias, (int32_t)sizeof(g_bias));

    mcu_region_begin();
    mcu_region_end();

    /* 1-3: the fast paths. */
    shape_10x4(&p, &in, &f, &out);
    mcu_region_begin();
    tl_conv2d_s8(&p, &q, &in, x, &f, w, g_bias, &out, y);
    mcu_region_end();
    shape_dw3x3(&p, &in, &f);
    mcu_region_begin();
    tl_depthwise_conv2d_s8(&p, &q, &in, x, &f, w, g_bias, &out, y);
    mcu_region_end();
    shape_1x1(&p, &f);
    mcu_region_begin();
    tl_conv2d_s8(&p, &q, &in, x, &f, w, g_bias, &out, y);
    mcu_region_end();

    /* 4-6: the same three through the plain loop nests, for comparison. */
    shape_10x4(&p, &in, &f, &out);
    mcu_region_begin();
    tl_conv2d_s8_plain(&p, &q, &in, x, &f, w, g_bias, &out, y);
    mcu_region_end();
    shape_dw3x3(&p, &in, &f);
    mcu_region_begin();
    tl_depthwise_conv2d_s8_plain(&p, &q, &in, x, &f, w, g_bias, &out, y);
    mcu_region_end();
    shape_1x1(&p, &f);
    mcu_region_begin();
    tl_conv2d_s8_plain(&p, &q, &in, x, &f, w, g_bias, &out, y);
    mcu_region_end();

    /* 7: micro_speech's depthwise: 49x40x1, 10x8 filter, depth multiplier 8, stride 2, padding 4 top, 3 left. */
    bench_quant(g_quant, 128);
    in.height = 49;
    in.width = 40;
    in.channels = 1;
    f.batches = 8;
    f.height = 10;
    f.width = 8;
    f.channels = 1;
    out.height = 25;
    out.width = 20;
    out.channels = 8;
    bench_conv_params(&p, 2, 4, 3);
    p.depth_multiplier = 8;
    mcu_region_begin();
    tl_depthwise_conv2d_s8(&p, &q, &in, x, &f, w, g_bias, &out, y);
    mcu_region_end();
    /* 8: vww-like 3x3 depthwise, stride 2: 48x48x16 -> 24x24x16, padding 0 top/left (1 bottom/right). */
    in.height = 48;
    in.width = 48;
    in.channels = 16;
    f.batches = 16;
    f.height = 3;
    f.width = 3;
    out.height = 24;
    out.width = 24;
    out.channels = 16;
    bench_conv_params(&p, 2, 0, 0);
    mcu_region_begin();
    tl_depthwise_conv2d_s8(&p, &q, &in, x, &f, w, g_bias, &out, y);
    mcu_region_end();
    /* 9: vww-like 3x3 depthwise, stride 1, padding 1: 6x6x128. */
    in.height = 6;
    in.width = 6;
    in.channels = 128;
    f.batches = 128;
    out.height = 6;
    out.width = 6;
    out.channels = 128;
    bench_conv_params(&p, 1, 1, 1);
    mcu_region_begin();
    tl_depthwise_conv2d_s8(&p, &q, &in, x, &f, w, g_bias, &out, y);
    mcu_region_end();
    return 0;
}
