/*
 * Conv family kernels on seeded random shapes and parameters (padding, strides, dilation, groups, depth
 * multipliers, odd int4 counts, extreme offsets and bias values):
 *  - the fast paths of tl_conv2d_s8, tl_conv2d_s16 and tl_depthwise_conv2d_s8 (and the int4 kernels) against
 *    their plain loop nests, byte for byte (int16: receptive fields of more than 510 products per output, rows
 *    longer than that, and extreme values -32768 x -128 whose sums leave int32);
 *  - every kernel against a naive evaluation of the operator's definition written here (direct sums in
 *    int64 for each output; TRANSPOSE_CONV in TFLM's scatter form, not the kernels' gather form);
 *  - the image adapters: a well-formed record validates and runs like the kernel; records with one
 *    corrupted parameter or tensor are refused;
 *  - the in-place kernels (1x1 CONV_2D int8/int16, DEPTHWISE_CONV_2D int8/int4 weights), run over their own
 *    input with a separate scratch, against the out-of-place kernel's bytes, directly and through the family
 *    adapter (guard bytes around the shared buffer and the scratch must stay untouched; records whose output
 *    is not at the input's address or whose scratch size is wrong are refused).
 * The requantization helpers themselves are shared with the kernels; the golden-model runs check them.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/portable/conv/tl_conv_common.h"
#include "../src/portable/conv/tl_conv_s16.h"
#include "../src/portable/tl_s4.h"
#include "tinylite/tl_conv_kernels.h"
#include "tinylite/tl_families.h"

/* ---- a tiny tensor table for the adapters ---- */

struct tl_tensors
{
    int32_t count;
    uint8_t *data[8];
    int32_t bytes[8];
    int32_t type[8];
};

uint8_t *tl_tensor_data(const tl_tensors *tensors, int32_t index)
{
    return index >= 0 && index < tensors->count ? tensors->data[index] : 0;
}

int32_t tl_tensor_bytes(const tl_tensors *tensors, int32_t index)
{
    return index >= 0 && index < tensors->count ? tensors->bytes[index] : 0;
}

int32_t tl_tensor_type(const tl_tensors *tensors, int32_t index)
{
    return index >= 0 && index < tensors->count ? tensors->type[index] : -1;
}

/* ---- seeded generator ---- */

static uint32_t g_state = 0x12345678u;

static uint32_t next_u32(void)
{
    /* xorshift32 */
    g_state ^= g_state << 13;
    g_state ^= g_state >> 17;
    g_state ^= g_state << 5;
    return g_state;
}

static int32_t rand_in(int32_t lo, int32_t hi)
{
    return lo + (int32_t)(next_u32() % (uint32_t)(hi - lo + 1));
}

static void fill_random(uint8_t *p, int32_t n)
{
    int32_t i;
    for (i = 0; i < n; i++)
    {
        p[i] = (uint8_t)next_u32();
    }
}

static void store_i32(uint8_t *bytes, int32_t v)
{
    uint32_t u = (uint32_t)v;
    bytes[0] = (uint8_t)u;
    bytes[1] = (uint8_t)(u >> 8);
    bytes[2] = (uint8_t)(u >> 16);
    bytes[3] = (uint8_t)(u >> 24);
}

static void store_i64(uint8_t *p, int64_t v)
{
    store_i32(p, (int32_t)(uint32_t)(uint64_t)v);
    store_i32(p + 4, (int32_t)(uint32_t)((uint64_t)v >> 32));
}

static int g_failures = 0;
static int g_checks = 0;

static void expect_bytes(const char *what, int32_t case_index, const uint8_t *got, const uint8_t *want, int32_t n)
{
    int32_t i;
    g_checks++;
    for (i = 0; i < n; i++)
    {
        if (got[i] != want[i])
        {
            printf("FAIL %s case %d: byte %d is %d, expected %d\n", what, (int)case_index, (int)i, got[i], want[i]);
            g_failures++;
            return;
        }
    }
}

static void expect_status(const char *what, int32_t case_index, tl_status got, tl_status want)
{
    g_checks++;
    if (got != want)
    {
        printf("FAIL %s case %d: status %d, expected %d\n", what, (int)case_index, (int)got, (int)want);
        g_failures++;
    }
}

/* ---- random problems ---- */

typedef struct
{
    int kind;  /* TL_CV_KIND_* */
    int dtype; /* 8, 4 (int4 weights) or 16 */
    tl_conv_dims in;
    tl_conv_dims filt;
    tl_conv_dims out;
    tl_conv_params p;
    int bias_type; /* 0 none, 4 int32, 8 int64 */
    uint8_t *input;
    uint8_t *filter;
    uint8_t *bias;  /* the model's bias (NULL when none) */
    uint8_t *kbias; /* the bias the kernel reads: folded for int8 activations (see below), else bias */
    uint8_t *quant;
    int32_t input_bytes;
    int32_t filter_count;
    int32_t filter_bytes;
    int32_t output_bytes;
} problem;

static void fold_bias(problem *pr);

static int32_t out_size(int32_t in, int32_t f, int32_t stride, int32_t dilation, int32_t pad_total)
{
    int32_t extent = dilation * (f - 1) + 1;
    int32_t n = (in + pad_total - extent) / stride + 1;
    return n < 1 ? 1 : n;
}

/* shape: 0 random, 1 1x1 stride-1 unpadded (GEMM), 2 3x3 depthwise-like, 3 10x4 over one channel,
   4 a receptive field over 256 values (int8 conv: the row-run path instead of the gathered one),
   5 larger depthwise layers (the tiled path: several tiles, multiplier 8, transposed view), 6 depthwise layers
   with many channels (int4 weights: channel groups), 7 int16 CONV_2D with 100-600 input channels (more than
   510 products per output, filter rows of more than 510 values), often with extreme values. */
static void make_problem(problem *pr, int kind, int dtype, int shape)
{
    int32_t groups = 1;
    int32_t act_bytes = dtype == 16 ? 2 : 1;
    int32_t c;
    memset(pr, 0, sizeof(*pr));
    pr->kind = kind;
    pr->dtype = dtype;
    pr->in.batches = rand_in(1, 2);
    pr->in.height = rand_in(1, 9);
    pr->in.width = rand_in(1, 9);
    pr->filt.height = rand_in(1, 4);
    pr->filt.width = rand_in(1, 4);
    pr->p.stride_h = rand_in(1, 3);
    pr->p.stride_w = rand_in(1, 3);
    pr->p.dilation_h = rand_in(1, 3) == 3 ? 2 : 1;
    pr->p.dilation_w = rand_in(1, 3) == 3 ? 2 : 1;
    pr->p.pad_top = rand_in(0, 2);
    pr->p.pad_left = rand_in(0, 2);
    pr->p.depth_multiplier = 1;
    if (kind == TL_CV_KIND_CONV)
    {
        pr->filt.channels = rand_in(1, 9);
        groups = rand_in(1, 4) == 4 ? rand_in(2, 3) : 1;
        pr->in.channels = pr->filt.channels * groups;
        pr->out.channels = groups * rand_in(1, 5);
    }
    else if (kind == TL_CV_KIND_DEPTHWISE)
    {
        pr->in.channels = rand_in(1, 7);
        pr->p.depth_multiplier = rand_in(1, 3) == 3 ? rand_in(2, 3) : 1;
        pr->out.channels = pr->in.channels * pr->p.depth_multiplier;
        pr->filt.channels = 1;
    }
    else
    {
        pr->in.channels = rand_in(1, 6);
        pr->out.channels = rand_in(1, 5);
        pr->filt.channels = pr->in.channels;
        pr->p.dilation_h = 1;
        pr->p.dilation_w = 1;
    }
    if (shape == 1)
    {
        pr->filt.height = 1;
        pr->filt.width = 1;
        pr->p.stride_h = pr->p.stride_w = 1;
        pr->p.pad_top = pr->p.pad_left = 0;
        pr->in.channels = pr->filt.channels = rand_in(1, 40);
        pr->out.channels = rand_in(1, 9);
    }
    else if (shape == 8)
    {
        /* 1x1 over wide inputs (the in-place kernels' paths beyond 64 input and 256 output channels). */
        int32_t pick = rand_in(0, 2);
        pr->filt.height = 1;
        pr->filt.width = 1;
        pr->p.stride_h = pr->p.stride_w = 1;
        pr->p.pad_top = pr->p.pad_left = 0;
        pr->in.height = rand_in(1, 4);
        pr->in.width = rand_in(1, 5);
        pr->in.channels = pr->filt.channels = rand_in(65, 140);
        pr->out.channels = pick == 0 ? rand_in(1, 9) : (pick == 1 ? rand_in(60, 150) : rand_in(250, 262));
    }
    else if (shape == 2)
    {
        pr->filt.height = pr->filt.width = 3;
        pr->p.dilation_h = pr->p.dilation_w = 1;
        pr->in.height = rand_in(3, 12);
        pr->in.width = rand_in(3, 12);
        pr->p.pad_top = pr->p.pad_left = rand_in(0, 1);
    }
    else if (shape == 3)
    {
        pr->filt.height = 10;
        pr->filt.width = 4;
        pr->in.height = rand_in(10, 20);
        pr->in.width = rand_in(4, 10);
        pr->in.channels = pr->filt.channels = 1;
        pr->p.dilation_h = pr->p.dilation_w = 1;
        pr->p.stride_h = pr->p.stride_w = rand_in(1, 2);
        pr->p.pad_top = 4;
        pr->p.pad_left = 1;
        pr->out.channels = rand_in(1, 8);
    }
    else if (shape == 5 && kind == TL_CV_KIND_DEPTHWISE)
    {
        /* Larger depthwise layers for the tiled path: receptive fields split over several tiles, tall and
           wide outputs (the transposed view), strides 1 and 2, depth multipliers 1, 2 and 8, odd channel counts. */
        pr->p.dilation_h = pr->p.dilation_w = 1;
        if (rand_in(0, 1) == 0)
        {
            /* micro_speech-like: a tall filter, stride 2, one or two input channels times 8. */
            pr->filt.height = rand_in(5, 10);
            pr->filt.width = rand_in(3, 8);
            pr->in.height = rand_in(10, 49);
            pr->in.width = rand_in(8, 40);
            pr->in.channels = rand_in(1, 2);
            pr->p.depth_multiplier = rand_in(0, 2) == 0 ? rand_in(1, 3) : 8;
            pr->p.stride_h = pr->p.stride_w = rand_in(1, 2);
            pr->p.pad_top = pr->filt.height / 2 - rand_in(0, 1);
            pr->p.pad_left = pr->filt.width / 2 - rand_in(0, 1);
        }
        else
        {
            /* kws / vww-like 3x3. */
            pr->filt.height = pr->filt.width = 3;
            pr->in.height = rand_in(1, 4) == 1 ? rand_in(3, 6) : rand_in(10, 50);
            pr->in.width = rand_in(1, 4) == 1 ? rand_in(3, 6) : rand_in(10, 50);
            pr->in.channels = 2 * rand_in(0, 4) + 1;
            pr->p.depth_multiplier = rand_in(0, 3) == 0 ? 2 : 1;
            pr->p.stride_h = rand_in(1, 2);
            pr->p.stride_w = rand_in(0, 3) == 0 ? 3 - pr->p.stride_h : pr->p.stride_h;
            pr->p.pad_top = rand_in(0, 1);
            pr->p.pad_left = rand_in(0, 1);
        }
        pr->out.channels = pr->in.channels * pr->p.depth_multiplier;
    }
    else if (shape == 6 && kind == TL_CV_KIND_DEPTHWISE)
    {
        /* Many channels (int4: more taps than the unpacked-filter buffer holds, so channel groups through the
           tiled path): 3x3 or 5x5, odd and even channel counts, multipliers 1-3, strides 1-2, padding; sometimes
           dilation 2 (the tiled path declines: the plain loop). */
        pr->filt.height = pr->filt.width = rand_in(0, 2) == 0 ? 5 : 3;
        pr->in.height = rand_in(3, 14);
        pr->in.width = rand_in(3, 14);
        pr->in.channels = rand_in(15, 70);
        pr->p.depth_multiplier = rand_in(0, 3) == 0 ? rand_in(2, 3) : 1;
        pr->p.stride_h = rand_in(1, 2);
        pr->p.stride_w = rand_in(1, 2);
        pr->p.pad_top = rand_in(0, 2);
        pr->p.pad_left = rand_in(0, 2);
        pr->p.dilation_h = pr->p.dilation_w = rand_in(0, 5) == 0 ? 2 : 1;
        pr->out.channels = pr->in.channels * pr->p.depth_multiplier;
    }
    else if (shape == 7 && kind == TL_CV_KIND_CONV)
    {
        pr->filt.height = rand_in(1, 3);
        pr->filt.width = rand_in(1, 4);
        pr->in.channels = pr->filt.channels = rand_in(100, 600);
        pr->in.height = rand_in(1, 5);
        pr->in.width = rand_in(1, 6);
        pr->p.dilation_h = pr->p.dilation_w = 1;
        pr->out.channels = rand_in(1, 5);
    }
    else if (shape == 4 && kind == TL_CV_KIND_CONV)
    {
        pr->filt.height = rand_in(2, 4);
        pr->filt.width = 3;
        pr->in.channels = pr->filt.channels = rand_in(43, 60);
        pr->in.height = rand_in(2, 7);
        pr->in.width = rand_in(2, 7);
    }
    pr->filt.batches = pr->out.channels;
    pr->out.batches = pr->in.batches;
    if (kind == TL_CV_KIND_TRANSPOSE)
    {
        pr->out.height = (pr->in.height - 1) * pr->p.stride_h + pr->filt.height - 2 * pr->p.pad_top;
        pr->out.width = (pr->in.width - 1) * pr->p.stride_w + pr->filt.width - 2 * pr->p.pad_left;
        if (pr->out.height < 1)
        {
            pr->out.height = 1;
        }
        if (pr->out.width < 1)
        {
            pr->out.width = 1;
        }
    }
    else if (shape == 1 || shape == 8)
    {
        pr->out.height = pr->in.height;
        pr->out.width = pr->in.width;
    }
    else
    {
        pr->out.height = out_size(pr->in.height, pr->filt.height, pr->p.stride_h, pr->p.dilation_h, 2 * pr->p.pad_top);
        pr->out.width = out_size(pr->in.width, pr->filt.width, pr->p.stride_w, pr->p.dilation_w, 2 * pr->p.pad_left);
    }
    if (rand_in(1, 8) == 8)
    {
        /* Output sizes the padding formula would not give: windows partly or wholly outside the input. */
        pr->out.height = rand_in(1, 8);
        pr->out.width = rand_in(1, 8);
    }
    if (dtype == 16)
    {
        pr->p.input_offset = 0;
        pr->p.output_offset = 0;
        pr->p.act_min = rand_in(-32768, -1000);
        pr->p.act_max = rand_in(1000, 32767);
    }
    else
    {
        int32_t pick = rand_in(1, 10);
        pr->p.input_offset = pick == 1 ? 65536 : (pick == 2 ? -65536 : rand_in(-127, 128));
        pr->p.output_offset = rand_in(-128, 127);
        pr->p.act_min = rand_in(-128, -20);
        pr->p.act_max = rand_in(20, 127);
        if (rand_in(0, 2) == 0)
        {
            /* The whole int8 range: the fast paths' saturating requantization. */
            pr->p.act_min = -128;
            pr->p.act_max = 127;
        }
    }
    pr->input_bytes = pr->in.batches * pr->in.height * pr->in.width * pr->in.channels * act_bytes;
    pr->filter_count = pr->filt.batches * pr->filt.height * pr->filt.width * pr->filt.channels;
    pr->filter_bytes = dtype == 4 ? (pr->filter_count + 1) / 2 : pr->filter_count;
    pr->output_bytes = pr->out.batches * pr->out.height * pr->out.width * pr->out.channels * act_bytes;
    pr->input = (uint8_t *)malloc((size_t)pr->input_bytes);
    pr->filter = (uint8_t *)malloc((size_t)pr->filter_bytes);
    pr->quant = (uint8_t *)malloc((size_t)pr->out.channels * 8);
    fill_random(pr->input, pr->input_bytes);
    fill_random(pr->filter, pr->filter_bytes);
    if (dtype == 16 && (shape == 7 ? rand_in(0, 1) == 0 : rand_in(0, 5) == 0))
    {
        /* Extreme values: only -32768 x -128 = 2^22 (a sum of more than 511 such products leaves int32), or
           mostly that with some 32767 and 127. */
        const int32_t mixed = rand_in(0, 1);
        int32_t e;
        for (e = 0; e < pr->input_bytes / 2; e++)
        {
            tl_cv_store_i16(pr->input + e * 2, mixed && rand_in(0, 9) == 0 ? 32767 : -32768);
        }
        for (e = 0; e < pr->filter_bytes; e++)
        {
            pr->filter[e] = (uint8_t)(mixed && rand_in(0, 9) == 0 ? 127 : -128);
        }
    }
    if (dtype == 16)
    {
        pr->bias_type = rand_in(0, 3) == 0 ? 0 : (kind == TL_CV_KIND_CONV && rand_in(0, 1) == 0 ? 4 : 8);
    }
    else
    {
        pr->bias_type = rand_in(0, 3) == 0 ? 0 : 4;
    }
    if (pr->bias_type != 0)
    {
        pr->bias = (uint8_t *)malloc((size_t)pr->out.channels * (size_t)pr->bias_type);
    }
    for (c = 0; c < pr->out.channels; c++)
    {
        int32_t multiplier = rand_in(1 << 30, 0x7FFFFFFF);
        int32_t shift = dtype == 16 ? rand_in(-20, -8) : rand_in(-14, -4);
        if (dtype == 16 && rand_in(0, 3) == 0)
        {
            /* Every shift the validator accepts (int16 fast path: total shifts 15 - shift below 1, in [1, 31],
               in [32, 46]). */
            shift = rand_in(-31, 31);
        }
        if (rand_in(1, 20) == 1)
        {
            /* Extremes the validator accepts. */
            multiplier = rand_in(0, 1) == 0 ? 0 : 0x7FFFFFFF;
            shift = rand_in(0, 1) == 0 ? 31 : -31;
        }
        store_i32(pr->quant + c * 8, multiplier);
        store_i32(pr->quant + c * 8 + 4, shift);
        if (pr->bias_type == 4)
        {
            /* Sometimes near the int32 limits so that the sums wrap. */
            store_i32(pr->bias + c * 4, rand_in(1, 10) == 1 ? (int32_t)next_u32() : rand_in(-100000, 100000));
        }
        else if (pr->bias_type == 8)
        {
            store_i64(pr->bias + c * 8, rand_in(1, 10) == 1 ? (int64_t)((uint64_t)next_u32() << 31)
                                                            : (int64_t)rand_in(-5000000, 5000000));
        }
    }
    pr->kbias = pr->bias;
    if (dtype != 16 && kind != TL_CV_KIND_TRANSPOSE)
    {
        fold_bias(pr);
    }
}

/* int8 activations: the compiler folds input_offset * (sum of each channel's weights) into the model bias
   (0 when none) and the kernels require that folded bias. */
static void fold_bias(problem *pr)
{
    int32_t per_channel = pr->filt.height * pr->filt.width * pr->filt.channels;
    int32_t c;
    int32_t e;
    pr->kbias = (uint8_t *)malloc((size_t)pr->out.channels * 4);
    for (c = 0; c < pr->out.channels; c++)
    {
        uint32_t sum = 0;
        for (e = c * per_channel; e < (c + 1) * per_channel; e++)
        {
            sum += (uint32_t)(pr->dtype == 4 ? tl_cv_load_i4(pr->filter, e) : (int32_t)(int8_t)pr->filter[e]);
        }
        store_i32(pr->kbias + c * 4, tl_cv_s32((pr->bias != 0 ? (uint32_t)tl_cv_load_i32(pr->bias + c * 4) : 0u) +
                                               (uint32_t)pr->p.input_offset * sum));
    }
}

static void free_problem(problem *pr)
{
    if (pr->kbias != pr->bias)
    {
        free(pr->kbias);
    }
    free(pr->input);
    free(pr->filter);
    free(pr->bias);
    free(pr->quant);
}

/* ---- the operator's definition, evaluated directly ---- */

static int32_t in_value(const problem *pr, int32_t b, int32_t y, int32_t x, int32_t c)
{
    int32_t index = ((b * pr->in.height + y) * pr->in.width + x) * pr->in.channels + c;
    return pr->dtype == 16 ? tl_cv_load_i16(pr->input + index * 2) : (int32_t)(int8_t)pr->input[index];
}

static int32_t weight(const problem *pr, int32_t e)
{
    return pr->dtype == 4 ? tl_cv_load_i4(pr->filter, e) : (int32_t)(int8_t)pr->filter[e];
}

/* Requantizes a full-precision sum the way the kernel family defines it and writes output element o. */
static void naive_store(const problem *pr, uint8_t *out, int32_t o, int64_t sum, int32_t c)
{
    int32_t multiplier = tl_cv_load_i32(pr->quant + c * 8);
    int32_t shift = tl_cv_load_i32(pr->quant + c * 8 + 4);
    if (pr->dtype == 16)
    {
        int32_t v;
        if (pr->bias_type == 4)
        {
            v = tl_cv_mbqm(tl_cv_s32((uint32_t)(uint64_t)(sum + tl_cv_load_i32(pr->bias + c * 4))), multiplier, shift);
        }
        else
        {
            uint64_t s = (uint64_t)sum + (pr->bias_type == 8 ? (uint64_t)tl_cv_load_i64(pr->bias + c * 8) : 0u);
            v = tl_cv_mbqm64(tl_cv_s64(s), multiplier, shift);
        }
        v = v < pr->p.act_min ? pr->p.act_min : (v > pr->p.act_max ? pr->p.act_max : v);
        tl_cv_store_i16(out + o * 2, v);
    }
    else
    {
        uint32_t s = (uint32_t)(uint64_t)sum + (pr->bias_type == 4 ? (uint32_t)tl_cv_load_i32(pr->bias + c * 4) : 0u);
        int32_t v = tl_cv_mbqm(tl_cv_s32(s), multiplier, shift);
        v = tl_cv_s32((uint32_t)v + (uint32_t)pr->p.output_offset);
        v = v < pr->p.act_min ? pr->p.act_min : (v > pr->p.act_max ? pr->p.act_max : v);
        out[o] = (uint8_t)(int8_t)v;
    }
}

static void naive(const problem *pr, uint8_t *out)
{
    int32_t b, y, x, c, fy, fx, k;
    int32_t input_offset = pr->p.input_offset;
    if (pr->kind == TL_CV_KIND_TRANSPOSE)
    {
        /* TFLM's scatter: every input pixel adds into the output cells its taps reach. */
        int64_t *acc = (int64_t *)calloc((size_t)(pr->out.batches * pr->out.height * pr->out.width * pr->out.channels),
                                         sizeof(int64_t));
        int32_t iy, ix;
        for (b = 0; b < pr->in.batches; b++)
            for (iy = 0; iy < pr->in.height; iy++)
                for (ix = 0; ix < pr->in.width; ix++)
                    for (fy = 0; fy < pr->filt.height; fy++)
                        for (fx = 0; fx < pr->filt.width; fx++)
                        {
                            y = iy * pr->p.stride_h - pr->p.pad_top + fy;
                            x = ix * pr->p.stride_w - pr->p.pad_left + fx;
                            if (y < 0 || y >= pr->out.height || x < 0 || x >= pr->out.width)
                            {
                                continue;
                            }
                            for (c = 0; c < pr->out.channels; c++)
                                for (k = 0; k < pr->in.channels; k++)
                                {
                                    int32_t e =
                                        ((c * pr->filt.height + fy) * pr->filt.width + fx) * pr->in.channels + k;
                                    acc[((b * pr->out.height + y) * pr->out.width + x) * pr->out.channels + c] +=
                                        (int64_t)(in_value(pr, b, iy, ix, k) + input_offset) * weight(pr, e);
                                }
                        }
        for (k = 0; k < pr->out.batches * pr->out.height * pr->out.width * pr->out.channels; k++)
        {
            naive_store(pr, out, k, acc[k], k % pr->out.channels);
        }
        free(acc);
        return;
    }
    for (b = 0; b < pr->out.batches; b++)
        for (y = 0; y < pr->out.height; y++)
            for (x = 0; x < pr->out.width; x++)
                for (c = 0; c < pr->out.channels; c++)
                {
                    int64_t sum = 0;
                    for (fy = 0; fy < pr->filt.height; fy++)
                        for (fx = 0; fx < pr->filt.width; fx++)
                        {
                            int32_t iy = y * pr->p.stride_h - pr->p.pad_top + fy * pr->p.dilation_h;
                            int32_t ix = x * pr->p.stride_w - pr->p.pad_left + fx * pr->p.dilation_w;
                            if (iy < 0 || iy >= pr->in.height || ix < 0 || ix >= pr->in.width)
                            {
                                continue;
                            }
                            if (pr->kind == TL_CV_KIND_DEPTHWISE)
                            {
                                int32_t e = (c * pr->filt.height + fy) * pr->filt.width + fx;
                                sum += (int64_t)weight(pr, e) *
                                       (in_value(pr, b, iy, ix, c / pr->p.depth_multiplier) + input_offset);
                            }
                            else
                            {
                                int32_t group = c / (pr->out.channels / (pr->in.channels / pr->filt.channels));
                                for (k = 0; k < pr->filt.channels; k++)
                                {
                                    int32_t e =
                                        ((c * pr->filt.height + fy) * pr->filt.width + fx) * pr->filt.channels + k;
                                    sum += (int64_t)weight(pr, e) *
                                           (in_value(pr, b, iy, ix, group * pr->filt.channels + k) + input_offset);
                                }
                            }
                        }
                    naive_store(pr, out, ((b * pr->out.height + y) * pr->out.width + x) * pr->out.channels + c, sum, c);
                }
}

/* Runs the kernel under test; plain = 1 selects the plain loop nest where a kernel has fast paths. */
static tl_status run_kernel(const problem *pr, int plain, uint8_t *out)
{
    tl_conv_quant quant;
    quant.table = pr->quant;
    if (pr->kind == TL_CV_KIND_CONV)
    {
        if (pr->dtype == 8)
        {
            return (plain ? tl_conv2d_s8_plain : tl_conv2d_s8)(&pr->p, &quant, &pr->in, (const int8_t *)pr->input,
                                                               &pr->filt, (const int8_t *)pr->filter, pr->kbias,
                                                               &pr->out, (int8_t *)out);
        }
        if (pr->dtype == 4)
        {
            return (plain ? tl_conv2d_s4_plain : tl_conv2d_s4)(&pr->p, &quant, &pr->in, (const int8_t *)pr->input,
                                                               &pr->filt, pr->filter, pr->kbias, &pr->out,
                                                               (int8_t *)out);
        }
        return (plain ? tl_conv2d_s16_plain : tl_conv2d_s16)(&pr->p, &quant, &pr->in, pr->input, &pr->filt,
                                                             (const int8_t *)pr->filter, pr->kbias,
                                                             (tl_conv_bias_type)pr->bias_type, &pr->out, out);
    }
    if (pr->kind == TL_CV_KIND_DEPTHWISE)
    {
        if (pr->dtype == 8)
        {
            return (plain ? tl_depthwise_conv2d_s8_plain
                          : tl_depthwise_conv2d_s8)(&pr->p, &quant, &pr->in, (const int8_t *)pr->input, &pr->filt,
                                                    (const int8_t *)pr->filter, pr->kbias, &pr->out, (int8_t *)out);
        }
        if (pr->dtype == 4)
        {
            return (plain ? tl_depthwise_conv2d_s4_plain
                          : tl_depthwise_conv2d_s4)(&pr->p, &quant, &pr->in, (const int8_t *)pr->input, &pr->filt,
                                                    pr->filter, pr->kbias, &pr->out, (int8_t *)out);
        }
        return tl_depthwise_conv2d_s16(&pr->p, &quant, &pr->in, pr->input, &pr->filt, (const int8_t *)pr->filter,
                                       pr->kbias, &pr->out, out);
    }
    if (pr->dtype == 8)
    {
        return tl_transpose_conv2d_s8(&pr->p, &quant, &pr->in, (const int8_t *)pr->input, &pr->filt,
                                      (const int8_t *)pr->filter, pr->kbias, &pr->out, (int8_t *)out);
    }
    return tl_transpose_conv2d_s16(&pr->p, &quant, &pr->in, pr->input, &pr->filt, (const int8_t *)pr->filter, pr->kbias,
                                   &pr->out, out);
}

/* ---- image adapters ---- */

static int32_t op_code(const problem *pr)
{
    static const int32_t codes[3][3] = {{TL_OP_CONV_S8, TL_OP_CONV_S4, TL_OP_CONV_S16},
                                        {TL_OP_DEPTHWISE_CONV_S8, TL_OP_DEPTHWISE_CONV_S4, TL_OP_DEPTHWISE_CONV_S16},
                                        {TL_OP_TRANSPOSE_CONV_S8, -1, TL_OP_TRANSPOSE_CONV_S16}};
    return codes[pr->kind][pr->dtype == 8 ? 0 : (pr->dtype == 4 ? 1 : 2)];
}

static int32_t encode_params(const problem *pr, int32_t *p)
{
    if (pr->kind == TL_CV_KIND_TRANSPOSE)
    {
        p[TL_TRANSPOSE_CONV_P_BATCHES] = pr->in.batches;
        p[TL_TRANSPOSE_CONV_P_INPUT_HEIGHT] = pr->in.height;
        p[TL_TRANSPOSE_CONV_P_INPUT_WIDTH] = pr->in.width;
        p[TL_TRANSPOSE_CONV_P_INPUT_DEPTH] = pr->in.channels;
        p[TL_TRANSPOSE_CONV_P_FILTER_HEIGHT] = pr->filt.height;
        p[TL_TRANSPOSE_CONV_P_FILTER_WIDTH] = pr->filt.width;
        p[TL_TRANSPOSE_CONV_P_OUTPUT_HEIGHT] = pr->out.height;
        p[TL_TRANSPOSE_CONV_P_OUTPUT_WIDTH] = pr->out.width;
        p[TL_TRANSPOSE_CONV_P_OUTPUT_DEPTH] = pr->out.channels;
        p[TL_TRANSPOSE_CONV_P_STRIDE_HEIGHT] = pr->p.stride_h;
        p[TL_TRANSPOSE_CONV_P_STRIDE_WIDTH] = pr->p.stride_w;
        p[TL_TRANSPOSE_CONV_P_PADDING_TOP] = pr->p.pad_top;
        p[TL_TRANSPOSE_CONV_P_PADDING_LEFT] = pr->p.pad_left;
        p[TL_TRANSPOSE_CONV_P_INPUT_OFFSET] = pr->p.input_offset;
        p[TL_TRANSPOSE_CONV_P_OUTPUT_OFFSET] = pr->p.output_offset;
        p[TL_TRANSPOSE_CONV_P_ACTIVATION_MIN] = pr->p.act_min;
        p[TL_TRANSPOSE_CONV_P_ACTIVATION_MAX] = pr->p.act_max;
        return TL_TRANSPOSE_CONV_P_LENGTH;
    }
    /* CONV_2D and DEPTHWISE_CONV_2D: the same indexes but the depth multiplier in the filter depth's place. */
    p[TL_CONV_P_BATCHES] = pr->in.batches;
    p[TL_CONV_P_INPUT_HEIGHT] = pr->in.height;
    p[TL_CONV_P_INPUT_WIDTH] = pr->in.width;
    p[TL_CONV_P_INPUT_DEPTH] = pr->in.channels;
    p[TL_CONV_P_FILTER_HEIGHT] = pr->filt.height;
    p[TL_CONV_P_FILTER_WIDTH] = pr->filt.width;
    if (pr->kind == TL_CV_KIND_DEPTHWISE)
    {
        p[TL_DEPTHWISE_CONV_P_DEPTH_MULTIPLIER] = pr->p.depth_multiplier;
    }
    else
    {
        p[TL_CONV_P_FILTER_DEPTH] = pr->filt.channels;
    }
    p[TL_CONV_P_OUTPUT_HEIGHT] = pr->out.height;
    p[TL_CONV_P_OUTPUT_WIDTH] = pr->out.width;
    p[TL_CONV_P_OUTPUT_DEPTH] = pr->out.channels;
    p[TL_CONV_P_STRIDE_HEIGHT] = pr->p.stride_h;
    p[TL_CONV_P_STRIDE_WIDTH] = pr->p.stride_w;
    p[TL_CONV_P_DILATION_HEIGHT] = pr->p.dilation_h;
    p[TL_CONV_P_DILATION_WIDTH] = pr->p.dilation_w;
    p[TL_CONV_P_PADDING_TOP] = pr->p.pad_top;
    p[TL_CONV_P_PADDING_LEFT] = pr->p.pad_left;
    p[TL_CONV_P_INPUT_OFFSET] = pr->p.input_offset;
    p[TL_CONV_P_OUTPUT_OFFSET] = pr->p.output_offset;
    p[TL_CONV_P_ACTIVATION_MIN] = pr->p.act_min;
    p[TL_CONV_P_ACTIVATION_MAX] = pr->p.act_max;
    return TL_CONV_P_LENGTH;
}

static void make_tensors(const problem *pr, tl_tensors *t, uint8_t *out)
{
    int32_t act_type = pr->dtype == 16 ? TL_CV_TYPE_INT16 : TL_CV_TYPE_INT8;
    t->count = 5;
    t->data[0] = pr->input;
    t->bytes[0] = pr->input_bytes;
    t->type[0] = act_type;
    t->data[1] = pr->filter;
    t->bytes[1] = pr->filter_bytes;
    t->type[1] = pr->dtype == 4 ? TL_CV_TYPE_INT4 : TL_CV_TYPE_INT8;
    t->data[2] = pr->kbias;
    t->bytes[2] = pr->out.channels * (pr->kbias == pr->bias ? pr->bias_type : 4);
    t->type[2] = pr->bias_type == 8 && pr->kbias == pr->bias ? TL_CV_TYPE_INT64 : TL_CV_TYPE_INT32;
    t->data[3] = pr->quant;
    t->bytes[3] = pr->out.channels * 8;
    t->type[3] = TL_CV_TYPE_INT32;
    t->data[4] = out;
    t->bytes[4] = pr->output_bytes;
    t->type[4] = act_type;
}

static void check_adapter(const problem *pr, int32_t case_index, const uint8_t *want)
{
    int32_t inputs[4];
    int32_t outputs[1];
    int32_t params[TL_CONV_P_LENGTH];
    int32_t saved;
    tl_tensors t;
    tl_op op;
    uint8_t *out = (uint8_t *)calloc((size_t)pr->output_bytes, 1);
    int32_t mutation;
    make_tensors(pr, &t, out);
    /* Tensors 0-4 as make_tensors lays them out; the slots are the same in the three layouts. */
    inputs[TL_CONV_IN_INPUT] = 0;
    inputs[TL_CONV_IN_FILTER] = 1;
    inputs[TL_CONV_IN_BIAS] = pr->kbias != 0 ? 2 : -1;
    inputs[TL_CONV_IN_MULTIPLIERS] = 3;
    outputs[TL_CONV_OUT_OUTPUT] = 4;
    op.code = op_code(pr);
    op.source_index = case_index;
    op.input_count = 4;
    op.output_count = 1;
    op.param_count = encode_params(pr, params);
    op.inputs = inputs;
    op.outputs = outputs;
    op.params = params;
    expect_status("family validate (well-formed)", case_index, tl_conv_family_validate(&op, &t), TL_OK);
    tl_conv_family_run(&op, &t);
    expect_bytes("family run", case_index, out, want, pr->output_bytes);

    /* One corruption at a time; each must be refused. */
    for (mutation = 0; mutation < 10; mutation++)
    {
        tl_op bad = op;
        tl_tensors tb = t;
        /* a dimension, stride, dilation or padding parameter: negative values are never legal there */
        int32_t p =
            rand_in(0, pr->kind == TL_CV_KIND_TRANSPOSE ? TL_TRANSPOSE_CONV_P_PADDING_LEFT : TL_CONV_P_PADDING_LEFT);
        saved = params[p];
        switch (mutation)
        {
        case 0: /* a dimension one too large: some tensor size no longer matches (or the relation breaks) */
            p = rand_in(TL_CONV_P_BATCHES, TL_CONV_P_INPUT_DEPTH);
            saved = params[p];
            params[p] += 1;
            break;
        case 1:
            params[p] = -1 - rand_in(0, 70000);
            break;
        case 2: /* stride 0 */
            p = pr->kind == TL_CV_KIND_TRANSPOSE ? TL_TRANSPOSE_CONV_P_STRIDE_HEIGHT : TL_CONV_P_STRIDE_HEIGHT;
            saved = params[p];
            params[p] = 0;
            break;
        case 3: /* activation range inverted */
            p = pr->kind == TL_CV_KIND_TRANSPOSE ? TL_TRANSPOSE_CONV_P_ACTIVATION_MIN : TL_CONV_P_ACTIVATION_MIN;
            saved = params[p];
            params[p] = params[pr->kind == TL_CV_KIND_TRANSPOSE ? TL_TRANSPOSE_CONV_P_ACTIVATION_MAX
                                                                : TL_CONV_P_ACTIVATION_MAX] +
                        1;
            break;
        case 4:
            bad.param_count = op.param_count - 1;
            break;
        case 5:
            tb.bytes[3] = t.bytes[3] - 8;
            break;
        case 6: /* a shift outside [-31, 31] */
            saved = tl_cv_load_i32(pr->quant + 4);
            store_i32(pr->quant + 4, 32);
            break;
        case 7:
            tb.type[0] = TL_CV_TYPE_INT32;
            break;
        case 8:
            tb.bytes[4] = t.bytes[4] + 1;
            break;
        default: /* the conv family's last code, which no kernel has */
            bad.code = 2 * TL_OP_FAMILY_RANGE - 1;
            break;
        }
        {
            tl_status got = tl_conv_family_validate(&bad, &tb);
            tl_status want_status = mutation == 9 ? TL_ERR_UNSUPPORTED : TL_ERR_PARAMS;
            expect_status("validate refuses corruption", case_index * 100 + mutation, got, want_status);
        }
        if (mutation == 6)
        {
            store_i32(pr->quant + 4, saved);
        }
        else if (mutation <= 3)
        {
            params[p] = saved;
        }
    }
    if (pr->kbias != pr->bias)
    {
        /* int8 CONV_2D / DEPTHWISE_CONV_2D need the folded bias: an omitted bias is refused. */
        inputs[TL_CONV_IN_BIAS] = -1;
        expect_status("validate refuses a missing folded bias", case_index, tl_conv_family_validate(&op, &t),
                      TL_ERR_PARAMS);
        inputs[TL_CONV_IN_BIAS] = 2;
    }
    free(out);
}

static void run_case(int32_t case_index, int kind, int dtype, int shape)
{
    problem pr;
    uint8_t *want;
    uint8_t *got;
    uint8_t *fast;
    make_problem(&pr, kind, dtype, shape);
    want = (uint8_t *)calloc((size_t)pr.output_bytes, 1);
    got = (uint8_t *)calloc((size_t)pr.output_bytes, 1);
    fast = (uint8_t *)calloc((size_t)pr.output_bytes, 1);
    naive(&pr, want);
    expect_status("kernel status", case_index, run_kernel(&pr, 1, got), TL_OK);
    expect_bytes(kind == TL_CV_KIND_CONV        ? "conv vs definition"
                 : kind == TL_CV_KIND_DEPTHWISE ? "depthwise vs definition"
                                                : "transpose vs definition",
                 case_index, got, want, pr.output_bytes);
    if (((dtype == 8 || dtype == 4) && kind != TL_CV_KIND_TRANSPOSE) || (dtype == 16 && kind == TL_CV_KIND_CONV))
    {
        expect_status("fast status", case_index, run_kernel(&pr, 0, fast), TL_OK);
        expect_bytes(kind == TL_CV_KIND_CONV
                         ? (dtype == 4 ? "conv s4 fast vs plain"
                                       : (dtype == 16 ? "conv s16 fast vs plain" : "conv fast vs plain"))
                         : (dtype == 4 ? "depthwise s4 fast vs plain" : "depthwise fast vs plain"),
                     case_index, fast, got, pr.output_bytes);
    }
    check_adapter(&pr, case_index, want);
    free(want);
    free(got);
    free(fast);
    free_problem(&pr);
}

/* ---- in-place kernels ---- */

#define GUARD 16
#define GUARD_BYTE 0xA5

/* A buffer of n bytes with GUARD guard bytes on either side; returns the usable start. */
static uint8_t *guarded_alloc(int32_t n)
{
    uint8_t *block = (uint8_t *)malloc((size_t)n + 2 * GUARD);
    memset(block, GUARD_BYTE, (size_t)n + 2 * GUARD);
    return block + GUARD;
}

static void guarded_free(uint8_t *p)
{
    free(p - GUARD);
}

static void expect_guards(const char *what, int32_t case_index, const uint8_t *p, int32_t n)
{
    int32_t i;
    g_checks++;
    for (i = 1; i <= GUARD; i++)
    {
        if (p[-i] != GUARD_BYTE || p[n - 1 + i] != GUARD_BYTE)
        {
            printf("FAIL %s case %d: a guard byte around the buffer was written\n", what, (int)case_index);
            g_failures++;
            return;
        }
    }
}

/* The in-place kernel proper over data (input on entry); scratch as the kernel requires. */
static tl_status run_in_place_kernel(const problem *pr, uint8_t *data, uint8_t *scratch)
{
    tl_conv_quant quant;
    quant.table = pr->quant;
    if (pr->kind == TL_CV_KIND_CONV)
    {
        if (pr->dtype == 8)
        {
            return tl_pointwise_conv_s8_in_place(&pr->p, &quant, &pr->in, &pr->filt, (const int8_t *)pr->filter,
                                                 pr->kbias, &pr->out, (int8_t *)data, (int8_t *)scratch);
        }
        return tl_pointwise_conv_s16_in_place(&pr->p, &quant, &pr->in, &pr->filt, (const int8_t *)pr->filter, pr->kbias,
                                              (tl_conv_bias_type)pr->bias_type, &pr->out, data, scratch);
    }
    if (pr->dtype == 8)
    {
        return tl_depthwise_conv2d_s8_in_place(&pr->p, &quant, &pr->in, &pr->filt, (const int8_t *)pr->filter,
                                               pr->kbias, &pr->out, (int8_t *)data, (int8_t *)scratch);
    }
    return tl_depthwise_conv2d_s4_in_place(&pr->p, &quant, &pr->in, &pr->filt, pr->filter, pr->kbias, &pr->out,
                                           (int8_t *)data, (int8_t *)scratch);
}

static int32_t in_place_code(const problem *pr)
{
    if (pr->kind == TL_CV_KIND_CONV)
    {
        return pr->dtype == 8 ? TL_OP_POINTWISE_CONV_S8_IN_PLACE : TL_OP_POINTWISE_CONV_S16_IN_PLACE;
    }
    return pr->dtype == 8 ? TL_OP_DEPTHWISE_CONV_S8_IN_PLACE : TL_OP_DEPTHWISE_CONV_S4_IN_PLACE;
}

/* A random problem the in-place kernel of (kind, dtype) accepts: 1x1 CONV_2D with the output the input's
   height and width (backward = 1: more output than input channels, the backward pixel order), or a
   DEPTHWISE_CONV_2D with one batch and depth multiplier 1 (any geometry). Rejection sampling. */
static void make_in_place_problem(problem *pr, int kind, int dtype, int backward)
{
    for (;;)
    {
        int32_t pick = rand_in(0, 2);
        /* 1x1: narrow (shape 1) or, one time in three, wide (shape 8). */
        make_problem(pr, kind, dtype,
                     kind == TL_CV_KIND_CONV ? (pick == 0 ? 8 : 1) : (pick == 0 ? 2 : (pick == 1 ? 6 : 0)));
        if (kind == TL_CV_KIND_CONV)
        {
            if (pr->out.height == pr->in.height && pr->out.width == pr->in.width &&
                (pr->out.channels > pr->in.channels) == (backward != 0))
            {
                return;
            }
        }
        else if (pr->in.batches == 1 && pr->p.depth_multiplier == 1)
        {
            return;
        }
        free_problem(pr);
    }
}

static void run_in_place_case(int32_t case_index, int kind, int dtype, int backward)
{
    problem pr;
    uint8_t *want;
    int32_t act_bytes = dtype == 16 ? 2 : 1;
    int32_t data_bytes;
    int32_t scratch_bytes;
    uint8_t *data;
    uint8_t *scratch;
    const char *name;
    make_in_place_problem(&pr, kind, dtype, backward);
    name = kind == TL_CV_KIND_CONV ? (dtype == 8 ? "pointwise s8 in place" : "pointwise s16 in place")
                                   : (dtype == 8 ? "depthwise s8 in place" : "depthwise s4 in place");
    /* The reference: the out-of-place kernel, itself checked against the definition by run_case. */
    want = (uint8_t *)calloc((size_t)pr.output_bytes, 1);
    expect_status("out-of-place status", case_index, run_kernel(&pr, 1, want), TL_OK);
    data_bytes = pr.input_bytes > pr.output_bytes ? pr.input_bytes : pr.output_bytes;
    scratch_bytes = kind == TL_CV_KIND_CONV ? pr.out.channels * act_bytes : pr.out.height * pr.out.width;
    data = guarded_alloc(data_bytes);
    scratch = guarded_alloc(scratch_bytes);

    /* Layer 1. */
    memcpy(data, pr.input, (size_t)pr.input_bytes);
    expect_status(name, case_index, run_in_place_kernel(&pr, data, scratch), TL_OK);
    expect_bytes(name, case_index, data, want, pr.output_bytes);
    expect_guards(name, case_index, data, data_bytes);
    expect_guards(name, case_index, scratch, scratch_bytes);

    /* The image adapter through the family dispatcher: tensors 0 (input) and 4 (output) share the buffer. */
    {
        int32_t inputs[4];
        int32_t outputs[2];
        int32_t params[TL_CONV_P_LENGTH];
        uint8_t *other = guarded_alloc(pr.output_bytes);
        tl_tensors t;
        tl_tensors tb;
        tl_op op;
        tl_op bad;
        make_tensors(&pr, &t, data);
        t.count = 6;
        t.data[0] = data;
        t.data[5] = scratch;
        t.bytes[5] = scratch_bytes;
        t.type[5] = TL_CV_TYPE_INT8;
        inputs[TL_CONV_IN_INPUT] = 0;
        inputs[TL_CONV_IN_FILTER] = 1;
        inputs[TL_CONV_IN_BIAS] = pr.kbias != 0 ? 2 : -1;
        inputs[TL_CONV_IN_MULTIPLIERS] = 3;
        outputs[TL_CONV_OUT_OUTPUT] = 4;
        outputs[TL_CONV_OUT_SCRATCH] = 5;
        op.code = in_place_code(&pr);
        op.source_index = case_index;
        op.input_count = 4;
        op.output_count = 2;
        op.param_count = encode_params(&pr, params);
        op.inputs = inputs;
        op.outputs = outputs;
        op.params = params;
        memset(data, 0, (size_t)data_bytes);
        memcpy(data, pr.input, (size_t)pr.input_bytes);
        expect_status("in-place validate (well-formed)", case_index, tl_conv_family_validate(&op, &t), TL_OK);
        tl_conv_family_run(&op, &t);
        expect_bytes("in-place family run", case_index, data, want, pr.output_bytes);
        expect_guards("in-place family run", case_index, data, data_bytes);
        expect_guards("in-place family run", case_index, scratch, scratch_bytes);

        /* Refusals, one corruption at a time. */
        tb = t;
        tb.data[4] = other;
        expect_status("in-place validate refuses an output elsewhere", case_index, tl_conv_family_validate(&op, &tb),
                      TL_ERR_PARAMS);
        tb = t;
        tb.bytes[5] = scratch_bytes - 1;
        expect_status("in-place validate refuses a short scratch", case_index, tl_conv_family_validate(&op, &tb),
                      TL_ERR_PARAMS);
        tb = t;
        tb.type[5] = TL_CV_TYPE_INT16;
        expect_status("in-place validate refuses a scratch of another type", case_index,
                      tl_conv_family_validate(&op, &tb), TL_ERR_PARAMS);
        bad = op;
        bad.output_count = 1;
        expect_status("in-place validate refuses a record without scratch", case_index,
                      tl_conv_family_validate(&bad, &t), TL_ERR_PARAMS);
        if (kind == TL_CV_KIND_CONV)
        {
            /* Stride 2 is legal for the plain kernel's checks here (output size is not derived from it). */
            params[TL_CONV_P_STRIDE_HEIGHT] = 2;
            expect_status("in-place validate refuses stride 2", case_index, tl_conv_family_validate(&op, &t),
                          TL_ERR_PARAMS);
            params[TL_CONV_P_STRIDE_HEIGHT] = 1;
            params[TL_CONV_P_PADDING_TOP] = 1;
            expect_status("in-place validate refuses padding", case_index, tl_conv_family_validate(&op, &t),
                          TL_ERR_PARAMS);
            params[TL_CONV_P_PADDING_TOP] = 0;
        }
        else
        {
            params[TL_DEPTHWISE_CONV_P_BATCHES] = 2;
            t.bytes[0] *= 2;
            t.bytes[4] *= 2;
            expect_status("in-place validate refuses 2 batches", case_index, tl_conv_family_validate(&op, &t),
                          TL_ERR_PARAMS);
            params[TL_DEPTHWISE_CONV_P_BATCHES] = 1;
            t.bytes[0] /= 2;
            t.bytes[4] /= 2;
        }
        expect_status("in-place validate (restored)", case_index, tl_conv_family_validate(&op, &t), TL_OK);
        guarded_free(other);
    }
    guarded_free(data);
    guarded_free(scratch);
    free(want);
    free_problem(&pr);
}

static void check_shape_errors(void)
{
    problem pr;
    tl_conv_quant quant;
    uint8_t out[4096];
    make_problem(&pr, TL_CV_KIND_CONV, 8, 0);
    quant.table = pr.quant;
    pr.p.stride_w = 0;
    expect_status("stride 0 refused", 0, run_kernel(&pr, 0, out), TL_ERR_PARAMS);
    pr.p.stride_w = 1;
    pr.out.batches += 1;
    expect_status("batch mismatch refused", 0, run_kernel(&pr, 0, out), TL_ERR_PARAMS);
    pr.out.batches -= 1;
    expect_status(
        "NULL input refused", 0,
        tl_conv2d_s8(&pr.p, &quant, &pr.in, 0, &pr.filt, (const int8_t *)pr.filter, pr.kbias, &pr.out, (int8_t *)out),
        TL_ERR_ARGUMENT);
    free_problem(&pr);
}

int main(int argc, char **argv)
{
    int32_t cases = argc > 1 ? atoi(argv[1]) : 400;
    int32_t i;
    if (argc > 2)
    {
        g_state = (uint32_t)strtoul(argv[2], 0, 10);
    }
    for (i = 0; i < cases; i++)
    {
        int32_t pick = i % 8;
        int shape = rand_in(0, 6);
        /* shapes 1-4 more often than their share: they select the fast paths */
        shape = shape > 4 ? rand_in(1, 4) : shape;
        if (pick == 0)
            run_case(i, TL_CV_KIND_CONV, 8, shape);
        else if (pick == 1)
            run_case(i, TL_CV_KIND_CONV, 4, shape);
        else if (pick == 2)
            run_case(i, TL_CV_KIND_CONV, 16, shape == 4 ? 7 : (shape == 3 ? 0 : shape));
        else if (pick == 3)
            run_case(i, TL_CV_KIND_DEPTHWISE, 8, shape == 1 || shape >= 3 ? 2 : shape);
        else if (pick == 4)
            run_case(i, TL_CV_KIND_DEPTHWISE, 4, shape == 2 ? 2 : (shape == 3 ? 5 : (shape == 4 ? 6 : 0)));
        else if (pick == 5)
            run_case(i, TL_CV_KIND_DEPTHWISE, 16, shape == 2 ? 2 : 0);
        else if (pick == 6)
            run_case(i, TL_CV_KIND_TRANSPOSE, 8, 0);
        else
            run_case(i, TL_CV_KIND_TRANSPOSE, 16, 0);
    }
    for (i = 0; i < cases / 8; i++)
    {
        /* Larger depthwise shapes (the tiled path), fast vs plain vs the definition. */
        run_case(i, TL_CV_KIND_DEPTHWISE, 8, 5);
        /* int4 weights: the unpacked whole filter, the channel groups, the plain fallback. */
        run_case(i, TL_CV_KIND_DEPTHWISE, 4, i % 2 == 0 ? 5 : 6);
        /* int4 CONV_2D filters too large to unpack: the gathered path (1x1 read in place, 10x4 over one
           channel), the block path (large receptive fields, groups, offsets beyond int8: edges tap by tap). */
        run_case(i, TL_CV_KIND_CONV, 4, 1 + i % 4);
        run_case(i, TL_CV_KIND_CONV, 4, 4);
        /* int16 CONV_2D: the row path's chunks (more than 510 products) and extremes; random shapes. */
        run_case(i, TL_CV_KIND_CONV, 16, 7);
        run_case(i, TL_CV_KIND_CONV, 16, i % 3);
    }
    for (i = 0; i < cases / 4; i++)
    {
        int32_t pick = i % 6;
        if (pick == 0)
            run_in_place_case(i, TL_CV_KIND_CONV, 8, 0);
        else if (pick == 1)
            run_in_place_case(i, TL_CV_KIND_CONV, 8, 1);
        else if (pick == 2)
            run_in_place_case(i, TL_CV_KIND_CONV, 16, i % 12 == 2);
        else if (pick == 3)
            run_in_place_case(i, TL_CV_KIND_CONV, 16, i % 12 != 3);
        else if (pick == 4)
            run_in_place_case(i, TL_CV_KIND_DEPTHWISE, 8, 0);
        else
            run_in_place_case(i, TL_CV_KIND_DEPTHWISE, 4, 0);
    }
    check_shape_errors();
    printf("%d checks, %d failures\n", g_checks, g_failures);
    return g_failures == 0 ? 0 : 1;
}
