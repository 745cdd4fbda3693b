/*
 * CONV_2D, int8 activations, packed int4 OHWI weights, folded int32 bias (required), per-channel requantization.
 * Twin of nf-runtime/src/Kernels/Conv/ConvS4.cs: TFLM unpacks the filter to int8 and runs ConvPerChannel.
 *
 * tl_conv2d_s4_plain is the managed kernel's loop nest, reading each nibble in place (flat OHWI element e: low
 * nibble of byte e/2 when e is even, high nibble when odd, sign-extended). Sums in uint32 (C#'s wrapping int32).
 * tl_conv2d_s4 unpacks a filter of at most TL_S4_CONV_UNPACK_MAX elements into int8 on the stack and runs the
 * int8 kernel (tl_conv2d_s8 and its fast paths) over it: an int4 value widened to int8 is the same integer, and
 * the two kernels define the same sums, so the bytes are the same as the plain loop's. Larger filters take the
 * block path (tl_conv2d_s4_blocks): up to four output channels whose weight runs start at the same nibble parity,
 * eight weights per 4-byte load split into scaled int16 pairs (tl_s4_pairs16) against the input's pairs, the
 * input offset folded into the bias for interior pixels; edge pixels gather each filter row with the padding
 * written as -input_offset (when that is an int8) and run the same dot products, else take their in-range taps
 * one by one. Filters of at most TL_S4_CONV_ROW_MAX elements per output channel without groups take the gathered
 * path (tl_conv2d_s4_gathered): the receptive field gathered once per pixel, the same block dot products over it.
 */
#include <string.h>

#include "tl_conv_common.h"

#include "tinylite/tl_compiler.h"
#include "tl_conv_blocks.h"
#include "../tl_s4.h"
#include "tl_conv_cmsis_scratch.h"

/* Largest filter (out_c * f_h * f_w * f_c elements) unpacked on the stack: 256 bytes. */
#define TL_S4_CONV_UNPACK_MAX 256
/* Largest filter (f_h * f_w * f_c) of the block path: its scaled sums 16 * sum w * x stay below 2^31. */
#define TL_S4_CONV_MAX_TAPS 65536
/* Largest filter row (f_w * f_c values) an edge pixel gathers on the stack (block path), and largest receptive
   field (f_h * f_w * f_c) of the gathered path: 256 bytes. */
#define TL_S4_CONV_ROW_MAX 256

#define TL_S4_NOINLINE TL_NOINLINE
#define TL_S4_INLINE TL_ALWAYS_INLINE

tl_status tl_conv2d_s4_plain(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                             const int8_t *input, const tl_conv_dims *filter_dims, const uint8_t *filter_packed,
                             const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output)
{
    int32_t batches;
    int32_t in_h;
    int32_t in_w;
    int32_t in_c;
    int32_t f_h;
    int32_t f_w;
    int32_t f_c;
    int32_t out_h;
    int32_t out_w;
    int32_t out_c;
    int32_t filters_per_group;
    int32_t filter_size;
    int32_t batch;
    int32_t out_y;
    int32_t out_x;
    int32_t out_ch;
    int32_t o = 0;
    tl_status status = tl_cv_check_shapes(TL_CV_KIND_CONV, params, input_dims, filter_dims, output_dims, -128, 127);
    if (status != TL_OK)
    {
        return status;
    }
    if (quant == 0 || quant->table == 0 || input == 0 || filter_packed == 0 || bias == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    batches = input_dims->batches;
    in_h = input_dims->height;
    in_w = input_dims->width;
    in_c = input_dims->channels;
    f_h = filter_dims->height;
    f_w = filter_dims->width;
    f_c = filter_dims->channels;
    out_h = output_dims->height;
    out_w = output_dims->width;
    out_c = output_dims->channels;
    /* in_c / f_c groups, each owning out_c / groups consecutive filters (checked divisible above). */
    filters_per_group = out_c / (in_c / f_c);
    filter_size = f_h * f_w * f_c;

    for (batch = 0; batch < batches; batch++)
    {
        const int8_t *in_batch = input + batch * in_h * in_w * in_c;
        for (out_y = 0; out_y < out_h; out_y++)
        {
            /* C#'s int arithmetic wraps; so does this (only reachable with absurd strides). */
            int32_t in_y_origin = tl_cv_s32((uint32_t)out_y * (uint32_t)params->stride_h - (uint32_t)params->pad_top);
            for (out_x = 0; out_x < out_w; out_x++)
            {
                int32_t in_x_origin =
                    tl_cv_s32((uint32_t)out_x * (uint32_t)params->stride_w - (uint32_t)params->pad_left);
                for (out_ch = 0; out_ch < out_c; out_ch++)
                {
                    int32_t group_start = (out_ch / filters_per_group) * f_c;
                    /* Flat OHWI element index of this filter's first weight. */
                    int32_t filter_out = out_ch * filter_size;
                    uint32_t acc = 0;
                    int32_t filter_y;
                    for (filter_y = 0; filter_y < f_h; filter_y++)
                    {
                        int32_t in_y = tl_cv_s32((uint32_t)in_y_origin + (uint32_t)params->dilation_h * (uint32_t)filter_y);
                        const int8_t *in_row;
                        int32_t filter_row;
                        int32_t filter_x;
                        if (in_y < 0 || in_y >= in_h)
                        {
                            continue;
                        }
                        in_row = in_batch + in_y * in_w * in_c + group_start;
                        filter_row = filter_out + filter_y * f_w * f_c;
                        for (filter_x = 0; filter_x < f_w; filter_x++)
                        {
                            int32_t in_x =
                                tl_cv_s32((uint32_t)in_x_origin + (uint32_t)params->dilation_w * (uint32_t)filter_x);
                            const int8_t *x;
                            int32_t w;
                            int32_t k;
                            if (in_x < 0 || in_x >= in_w)
                            {
                                continue;
                            }
                            x = in_row + in_x * in_c;
                            w = filter_row + filter_x * f_c;
                            for (k = 0; k < f_c; k++)
                            {
                                /* |w * (x + offset)| <= 8 * 65664: the product fits int32. */
                                acc += (uint32_t)(tl_cv_load_i4(filter_packed, w + k) * (x[k] + params->input_offset));
                            }
                        }
                    }
                    /* The bias is folded by the compiler (model bias + input_offset * sum of the channel's weights) and the
                       taps above carried their own offset: take the whole-filter term back out (mod 2^32). */
                    acc += (uint32_t)tl_cv_load_i32(bias + out_ch * 4) -
                           (uint32_t)params->input_offset * tl_cv_sum_s4(filter_packed, filter_out, filter_size);
                    output[o] = tl_cv_out_s8(acc, quant->table + out_ch * 8, params->output_offset, params->act_min,
                                             params->act_max);
                    o++;
                }
            }
        }
    }
    return TL_OK;
}

/* A little-endian int32 of the bias or requantization table: one word load on Arm (tl_dsp_load4). */
static inline int32_t tl_s4_load_i32(const uint8_t *p)
{
    return tl_cv_s32(tl_dsp_load4((const int8_t *)p));
}

/* Requantization of one sum: the clamp as one saturation when it is the whole int8 range. */
static inline int8_t tl_s4_out(uint32_t acc, const uint8_t *quant_pair, const tl_conv_params *params, int full)
{
    const int32_t multiplier = tl_s4_load_i32(quant_pair);
    const int32_t shift = tl_s4_load_i32(quant_pair + 4);
    return full ? tl_cv_out_s8_q_full(acc, multiplier, shift, params->output_offset)
                : tl_cv_out_s8_q(acc, multiplier, shift, params->output_offset, params->act_min, params->act_max);
}

/*
 * Eight packed weights from @p bytes: elements 2k.. when @p odd is 0 (bytes[0..3]); when @p odd is 1, the
 * eight from the high nibble of bytes[0] (bytes[0..4]: the low nibble of bytes[4] is the eighth).
 */
static TL_S4_INLINE uint32_t tl_s4_word(const uint8_t *bytes, const int odd)
{
    const uint32_t v = tl_dsp_load4((const int8_t *)bytes);
    return odd ? (v >> 4) | ((uint32_t)bytes[4] << 28) : v;
}

/* The input pairs of eight int8 values in tl_s4_pairs16's order: (x0, x4), (x2, x6), (x1, x5), (x3, x7). */
static TL_S4_INLINE void tl_s4_input_pairs(const int8_t *x, uint32_t *x04, uint32_t *x26, uint32_t *x15,
                                           uint32_t *x37)
{
    const uint32_t a = tl_dsp_load4(x);
    const uint32_t b = tl_dsp_load4(x + 4);
    const uint32_t ae = tl_dsp_sxtb16(a);
    const uint32_t ao = tl_s4_sxtb16_odd(a);
    const uint32_t be = tl_dsp_sxtb16(b);
    const uint32_t bo = tl_s4_sxtb16_odd(b);
    *x04 = tl_s4_pack_lo(ae, be);
    *x26 = tl_s4_pack_hi(ae, be);
    *x15 = tl_s4_pack_lo(ao, bo);
    *x37 = tl_s4_pack_hi(ao, bo);
}

/*
 * Scaled dot products (16 * w * x, added to acc[0..1]) of @p groups groups of eight input values at @p x with
 * two weight runs starting at byte @p w (nibble parity @p odd) and @p row bytes apart. Two runs, not four: with
 * four the sums and pairs no longer fit Cortex-M4's registers and the loop spills (measured).
 */
static TL_S4_INLINE void tl_s4_dot2_impl(const int8_t *x, const uint8_t *w, int32_t row, int32_t groups,
                                         const int odd, uint32_t *acc)
{
    uint32_t a0 = acc[0];
    uint32_t a1 = acc[1];
    while (groups-- > 0)
    {
        uint32_t x04;
        uint32_t x26;
        uint32_t x15;
        uint32_t x37;
        tl_s4_input_pairs(x, &x04, &x26, &x15, &x37);
        a0 = tl_s4_mac8(tl_s4_word(w, odd), x04, x26, x15, x37, a0);
        a1 = tl_s4_mac8(tl_s4_word(w + row, odd), x04, x26, x15, x37, a1);
        x += 8;
        w += 4;
    }
    acc[0] = a0;
    acc[1] = a1;
}

/* One weight run: the scaled dot product of @p groups groups of eight inputs with the run at byte @p w. */
static TL_S4_INLINE uint32_t tl_s4_dot1_impl(const int8_t *x, const uint8_t *w, int32_t groups, const int odd,
                                             uint32_t acc)
{
    while (groups-- > 0)
    {
        uint32_t x04;
        uint32_t x26;
        uint32_t x15;
        uint32_t x37;
        tl_s4_input_pairs(x, &x04, &x26, &x15, &x37);
        acc = tl_s4_mac8(tl_s4_word(w, odd), x04, x26, x15, x37, acc);
        x += 8;
        w += 4;
    }
    return acc;
}

/* The two parities as separate functions (the parity test stays out of the loops). */
static TL_S4_NOINLINE void tl_s4_dot2_even(const int8_t *x, const uint8_t *w, int32_t row, int32_t groups, uint32_t *acc)
{
    tl_s4_dot2_impl(x, w, row, groups, 0, acc);
}

static TL_S4_NOINLINE void tl_s4_dot2_odd(const int8_t *x, const uint8_t *w, int32_t row, int32_t groups, uint32_t *acc)
{
    tl_s4_dot2_impl(x, w, row, groups, 1, acc);
}

static TL_S4_NOINLINE uint32_t tl_s4_dot1_even(const int8_t *x, const uint8_t *w, int32_t groups, uint32_t acc)
{
    return tl_s4_dot1_impl(x, w, groups, 0, acc);
}

static TL_S4_NOINLINE uint32_t tl_s4_dot1_odd(const int8_t *x, const uint8_t *w, int32_t groups, uint32_t acc)
{
    return tl_s4_dot1_impl(x, w, groups, 1, acc);
}

/*
 * A block of @p count (1..4) output channels: weight run j starts at packed element e0 + j * e_step (e_step even,
 * so all runs share e0's parity). Scaled sums (vector part) in scaled[j], unscaled ones (tails, edge taps) in
 * plain[j].
 */
typedef struct
{
    const uint8_t *packed;
    int32_t e_step;
    int32_t count;
} tl_s4_block;

/*
 * Adds the products of the @p n input values at @p x with each block run from element @p e0 (w * x; the first
 * value of an odd run and the last n % 8 values one by one, the rest eight at a time, scaled).
 */
static void tl_s4_block_dot(const tl_s4_block *b, const int8_t *x, int32_t e0, int32_t n, uint32_t *scaled,
                            uint32_t *plain)
{
    const int32_t row = b->e_step >> 1;
    int32_t groups;
    int32_t rest;
    int32_t j;
    int odd = e0 & 1;
    if (odd && n < 8)
    {
        odd = 0;
        groups = 0;
        rest = n;
    }
    else
    {
        groups = n >> 3;
        rest = n & 7;
    }
    if (groups > 0)
    {
        const uint8_t *w = b->packed + (e0 >> 1);
        /* Runs two at a time, then the last one alone. */
        for (j = 0; j + 2 <= b->count; j += 2)
        {
            (odd ? tl_s4_dot2_odd : tl_s4_dot2_even)(x, w + j * row, row, groups, scaled + j);
        }
        if (j < b->count)
        {
            scaled[j] = (odd ? tl_s4_dot1_odd : tl_s4_dot1_even)(x, w + j * row, groups, scaled[j]);
        }
    }
    if (rest > 0)
    {
        /* The values after the whole groups, nibbles read one by one. */
        const int32_t from = groups * 8;
        for (j = 0; j < b->count; j++)
        {
            const int32_t e = e0 + j * b->e_step + from;
            uint32_t sum = plain[j];
            int32_t i;
            for (i = 0; i < rest; i++)
            {
                sum += (uint32_t)(tl_cv_load_i4(b->packed, e + i) * x[from + i]);
            }
            plain[j] = sum;
        }
    }
}

/* Adds w * (x + input_offset) over @p n values (edge pixels: no folding) to plain[j] for each block run. */
static void tl_s4_block_dot_offset(const tl_s4_block *b, const int8_t *x, int32_t e0, int32_t n,
                                   int32_t input_offset, uint32_t *plain)
{
    int32_t j;
    for (j = 0; j < b->count; j++)
    {
        const int32_t e = e0 + j * b->e_step;
        uint32_t sum = plain[j];
        int32_t i;
        for (i = 0; i < n; i++)
        {
            /* |w * (x + offset)| <= 8 * 65664. */
            sum += (uint32_t)(tl_cv_load_i4(b->packed, e + i) * (x[i] + input_offset));
        }
        plain[j] = sum;
    }
}

/*
 * The block path (any filter, requires tl_cv_geometry_fits and f_h * f_w * f_c <= TL_S4_CONV_MAX_TAPS): channel
 * blocks of up to four with the same nibble parity (consecutive channels when a filter has an even element
 * count; every other channel when odd), then every output pixel: interior pixels from the folded bias over runs
 * of taps (a filter row when it is contiguous in the input, else one tap's channels), edge pixels from the model
 * bias over their in-range taps with the offset. Sums mod 2^32; the scaled part divided by 16 exactly.
 */
static TL_S4_NOINLINE void tl_conv2d_s4_blocks(const tl_conv_params *params, const tl_conv_quant *quant,
                                const tl_conv_dims *input_dims, const int8_t *input, const tl_conv_dims *filter_dims,
                                const uint8_t *filter_packed, const uint8_t *bias, const tl_conv_dims *output_dims,
                                int8_t *output)
{
    const int32_t in_h = input_dims->height;
    const int32_t in_w = input_dims->width;
    const int32_t in_c = input_dims->channels;
    const int32_t f_h = filter_dims->height;
    const int32_t f_w = filter_dims->width;
    const int32_t f_c = filter_dims->channels;
    const int32_t out_h = output_dims->height;
    const int32_t out_w = output_dims->width;
    const int32_t out_c = output_dims->channels;
    const int32_t filters_per_group = out_c / (in_c / f_c);
    const int32_t filter_size = f_h * f_w * f_c;
    /* Channels of a block are ch_step apart: 2 when filters have an odd element count (every other channel
       starts at the same nibble parity), else 1. */
    const int32_t ch_step = (filter_size & 1) != 0 ? 2 : 1;
    /* Taps of one filter row are one run of input bytes when they are adjacent pixels holding exactly the
       filter's channels. */
    const int row_run = params->dilation_w == 1 && f_c == in_c;
    /* Edge pixels go through the gathered rows when a filter row fits row_buf and the padding value
       -input_offset is an int8; otherwise tap by tap with the offset. */
    const int gather_edges = f_w * f_c <= TL_S4_CONV_ROW_MAX && params->input_offset >= -127 &&
                             params->input_offset <= 128;
    const int8_t pad = (int8_t)(gather_edges ? 0 - params->input_offset : 0);
    int8_t row_buf[TL_S4_CONV_ROW_MAX];
    tl_cv_interior interior;
    int32_t batch;
    tl_s4_block b;
    b.packed = filter_packed;
    b.e_step = ch_step * filter_size;
    tl_cv_interior_range(params, in_h, in_w, f_h, f_w, out_h, out_w, &interior);
    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const int8_t *in_batch = input + batch * in_h * in_w * in_c;
        int8_t *out_batch = output + batch * out_h * out_w * out_c;
        int32_t group_first;
        for (group_first = 0; group_first < out_c; group_first += filters_per_group)
        {
            const int32_t group_end = group_first + filters_per_group;
            const int8_t *in_group = in_batch + (group_first / filters_per_group) * f_c;
            int32_t phase;
            for (phase = 0; phase < ch_step; phase++)
            {
                int32_t first;
                for (first = group_first + phase; first < group_end; first += 4 * ch_step)
                {
                    uint32_t fold[4];
                    uint32_t unfolded[4];
                    int32_t mult[4];
                    int32_t shift[4];
                    int32_t out_y;
                    int32_t j;
                    b.count = (group_end - first + ch_step - 1) / ch_step;
                    if (b.count > 4)
                    {
                        b.count = 4;
                    }
                    for (j = 0; j < b.count; j++)
                    {
                        const int32_t ch = first + j * ch_step;
                        fold[j] = (uint32_t)tl_cv_load_i32(bias + ch * 4);
                        unfolded[j] = fold[j] - (uint32_t)params->input_offset *
                                                    tl_cv_sum_s4(filter_packed, ch * filter_size, filter_size);
                        mult[j] = tl_cv_load_i32(quant->table + ch * 8);
                        shift[j] = tl_cv_load_i32(quant->table + ch * 8 + 4);
                    }
                    for (out_y = 0; out_y < out_h; out_y++)
                    {
                        const int y_inside = out_y >= interior.y_begin && out_y < interior.y_end;
                        int32_t out_x;
                        for (out_x = 0; out_x < out_w; out_x++)
                        {
                            uint32_t scaled[4] = {0, 0, 0, 0};
                            uint32_t plain[4];
                            const int32_t e_first = first * filter_size;
                            int8_t *out = out_batch + (out_y * out_w + out_x) * out_c + first;
                            if (y_inside && out_x >= interior.x_begin && out_x < interior.x_end)
                            {
                                const int8_t *x = in_group + ((out_y * params->stride_h - params->pad_top) * in_w +
                                                              (out_x * params->stride_w - params->pad_left)) * in_c;
                                int32_t filter_y;
                                for (j = 0; j < b.count; j++)
                                {
                                    plain[j] = fold[j];
                                }
                                for (filter_y = 0; filter_y < f_h; filter_y++)
                                {
                                    const int8_t *row = x + filter_y * params->dilation_h * in_w * in_c;
                                    const int32_t e_row = e_first + filter_y * f_w * f_c;
                                    if (row_run)
                                    {
                                        tl_s4_block_dot(&b, row, e_row, f_w * f_c, scaled, plain);
                                    }
                                    else
                                    {
                                        int32_t filter_x;
                                        for (filter_x = 0; filter_x < f_w; filter_x++)
                                        {
                                            tl_s4_block_dot(&b, row + filter_x * params->dilation_w * in_c,
                                                            e_row + filter_x * f_c, f_c, scaled, plain);
                                        }
                                    }
                                }
                            }
                            else if (gather_edges)
                            {
                                /* Edge pixel: each filter row gathered into row_buf with -input_offset in the padding,
                                   then the folded bias + sum w * v = bias + sum over in-range taps of
                                   w * (x + input_offset) (mod 2^32). */
                                const int32_t origin_y = out_y * params->stride_h - params->pad_top;
                                const int32_t origin_x = out_x * params->stride_w - params->pad_left;
                                int32_t filter_y;
                                for (j = 0; j < b.count; j++)
                                {
                                    plain[j] = fold[j];
                                }
                                for (filter_y = 0; filter_y < f_h; filter_y++)
                                {
                                    const int32_t in_y = origin_y + filter_y * params->dilation_h;
                                    int32_t filter_x;
                                    memset(row_buf, (unsigned char)pad, (size_t)(f_w * f_c));
                                    if (in_y >= 0 && in_y < in_h)
                                    {
                                        const int8_t *row = in_group + in_y * in_w * in_c;
                                        for (filter_x = 0; filter_x < f_w; filter_x++)
                                        {
                                            const int32_t in_x = origin_x + filter_x * params->dilation_w;
                                            if (in_x >= 0 && in_x < in_w)
                                            {
                                                memcpy(row_buf + filter_x * f_c, row + in_x * in_c, (size_t)f_c);
                                            }
                                        }
                                    }
                                    tl_s4_block_dot(&b, row_buf, e_first + filter_y * f_w * f_c, f_w * f_c, scaled,
                                                    plain);
                                }
                            }
                            else
                            {
                                /* Edge pixel: only the taps inside the input, each with the offset. */
                                tl_cv_window win;
                                int32_t filter_y;
                                tl_cv_window_of(params, in_h, in_w, f_h, f_w, out_y, out_x, &win);
                                for (j = 0; j < b.count; j++)
                                {
                                    plain[j] = unfolded[j];
                                }
                                for (filter_y = win.fy_begin; filter_y < win.fy_end; filter_y++)
                                {
                                    const int8_t *row = in_group + (win.in_y + filter_y * params->dilation_h) * in_w * in_c;
                                    const int32_t e_row = e_first + filter_y * f_w * f_c;
                                    int32_t filter_x;
                                    for (filter_x = win.fx_begin; filter_x < win.fx_end; filter_x++)
                                    {
                                        tl_s4_block_dot_offset(&b, row + (win.in_x + filter_x * params->dilation_w) * in_c,
                                                               e_row + filter_x * f_c, f_c, params->input_offset,
                                                               plain);
                                    }
                                }
                            }
                            for (j = 0; j < b.count; j++)
                            {
                                out[j * ch_step] = tl_cv_out_s8_q(plain[j] + tl_s4_unscale(scaled[j]), mult[j], shift[j],
                                                                  params->output_offset, params->act_min,
                                                                  params->act_max);
                            }
                        }
                    }
                }
            }
        }
    }
}

/*
 * The gathered path (one group, f_h * f_w * f_c <= TL_S4_CONV_ROW_MAX, -input_offset an int8): each output pixel's
 * receptive field is gathered once into col with the padding written as -input_offset (a 1-row window wholly
 * inside the input is read in place), then every block of up to four same-parity channels is one run of dot
 * products over the whole column from the folded bias:
 *   folded bias + sum w * v = bias + sum over in-range taps of w * (x + input_offset)   (mod 2^32).
 * Short filter rows (e.g. a 10x4 filter over one channel) thus still get whole groups of eight.
 */
static TL_S4_NOINLINE void tl_conv2d_s4_gathered(const tl_conv_params *params, const tl_conv_quant *quant,
                                  const tl_conv_dims *input_dims, const int8_t *input, const tl_conv_dims *filter_dims,
                                  const uint8_t *filter_packed, const uint8_t *bias, const tl_conv_dims *output_dims,
                                  int8_t *output)
{
    const int32_t in_h = input_dims->height;
    const int32_t in_w = input_dims->width;
    const int32_t in_c = input_dims->channels;
    const int32_t f_h = filter_dims->height;
    const int32_t f_w = filter_dims->width;
    const int32_t out_h = output_dims->height;
    const int32_t out_w = output_dims->width;
    const int32_t out_c = output_dims->channels;
    const int32_t filter_size = f_h * f_w * in_c;
    const int32_t ch_step = (filter_size & 1) != 0 ? 2 : 1;
    const int8_t pad = (int8_t)(0 - params->input_offset);
    /* A one-row window of adjacent pixels is contiguous in the input: no copy when it lies inside. */
    const int in_place_rows = f_h == 1 && params->dilation_w == 1;
    const int full = params->act_min == -128 && params->act_max == 127;
    int8_t col[TL_S4_CONV_ROW_MAX];
    tl_cv_interior interior;
    tl_s4_block b;
    int32_t batch;
    b.packed = filter_packed;
    b.e_step = ch_step * filter_size;
    tl_cv_interior_range(params, in_h, in_w, f_h, f_w, out_h, out_w, &interior);
    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const int8_t *in_batch = input + batch * in_h * in_w * in_c;
        int8_t *out = output + batch * out_h * out_w * out_c;
        int32_t out_y;
        for (out_y = 0; out_y < out_h; out_y++)
        {
            const int32_t origin_y = out_y * params->stride_h - params->pad_top;
            const int y_inside = out_y >= interior.y_begin && out_y < interior.y_end;
            int32_t out_x;
            for (out_x = 0; out_x < out_w; out_x++)
            {
                const int32_t origin_x = out_x * params->stride_w - params->pad_left;
                const int8_t *v = col;
                int32_t phase;
                if (in_place_rows && y_inside && out_x >= interior.x_begin && out_x < interior.x_end)
                {
                    v = in_batch + (origin_y * in_w + origin_x) * in_c;
                }
                else
                {
                    int8_t *c = col;
                    int32_t filter_y;
                    for (filter_y = 0; filter_y < f_h; filter_y++)
                    {
                        const int32_t in_y = origin_y + filter_y * params->dilation_h;
                        const int row_inside = in_y >= 0 && in_y < in_h;
                        int32_t filter_x;
                        for (filter_x = 0; filter_x < f_w; filter_x++)
                        {
                            const int32_t in_x = origin_x + filter_x * params->dilation_w;
                            int32_t k;
                            if (row_inside && in_x >= 0 && in_x < in_w)
                            {
                                const int8_t *x = in_batch + (in_y * in_w + in_x) * in_c;
                                for (k = 0; k < in_c; k++)
                                {
                                    c[k] = x[k];
                                }
                            }
                            else
                            {
                                for (k = 0; k < in_c; k++)
                                {
                                    c[k] = pad;
                                }
                            }
                            c += in_c;
                        }
                    }
                }
                for (phase = 0; phase < ch_step; phase++)
                {
                    int32_t first;
                    for (first = phase; first < out_c; first += 4 * ch_step)
                    {
                        uint32_t scaled[4] = {0, 0, 0, 0};
                        uint32_t plain[4];
                        int32_t j;
                        b.count = (out_c - first + ch_step - 1) / ch_step;
                        if (b.count > 4)
                        {
                            b.count = 4;
                        }
                        for (j = 0; j < b.count; j++)
                        {
                            plain[j] = (uint32_t)tl_s4_load_i32(bias + (first + j * ch_step) * 4);
                        }
                        tl_s4_block_dot(&b, v, first * filter_size, filter_size, scaled, plain);
                        for (j = 0; j < b.count; j++)
                        {
                            const int32_t ch = first + j * ch_step;
                            out[ch] = tl_s4_out(plain[j] + tl_s4_unscale(scaled[j]), quant->table + ch * 8, params,
                                                full);
                        }
                    }
                }
                out += out_c;
            }
        }
    }
}

tl_status tl_conv2d_s4(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                       const int8_t *input, const tl_conv_dims *filter_dims, const uint8_t *filter_packed,
                       const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output)
{
    int64_t elements;
    tl_status status = tl_cv_check_shapes(TL_CV_KIND_CONV, params, input_dims, filter_dims, output_dims, -128, 127);
    if (status != TL_OK)
    {
        return status;
    }
    if (quant == 0 || quant->table == 0 || input == 0 || filter_packed == 0 || bias == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    /* Dimensions are in [1, 65535] (checked above): the product fits int64. */
    elements = (int64_t)filter_dims->batches * filter_dims->height * filter_dims->width * filter_dims->channels;
    if (elements <= TL_S4_CONV_UNPACK_MAX)
    {
        int8_t filter[TL_S4_CONV_UNPACK_MAX];
        tl_s4_unpack(filter_packed, 0, (int32_t)elements, filter);
        return tl_conv2d_s8(params, quant, input_dims, input, filter_dims, filter, bias, output_dims, output);
    }
    if (!tl_cv_geometry_fits(params, input_dims, filter_dims, output_dims))
    {
        return tl_conv2d_s4_plain(params, quant, input_dims, input, filter_dims, filter_packed, bias, output_dims,
                                  output);
    }
    if (filter_dims->channels == input_dims->channels && elements / filter_dims->batches <= TL_S4_CONV_ROW_MAX &&
        params->input_offset >= -127 && params->input_offset <= 128)
    {
        tl_conv2d_s4_gathered(params, quant, input_dims, input, filter_dims, filter_packed, bias, output_dims, output);
        return TL_OK;
    }
    if (elements / filter_dims->batches <= TL_S4_CONV_MAX_TAPS)
    {
        tl_conv2d_s4_blocks(params, quant, input_dims, input, filter_dims, filter_packed, bias, output_dims, output);
        return TL_OK;
    }
    return tl_conv2d_s4_plain(params, quant, input_dims, input, filter_dims, filter_packed, bias, output_dims, output);
}

tl_status tl_op_conv2d_s4_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status status = tl_cv_check_conv2d(op, tensors, TL_CV_TYPE_INT8, TL_CV_TYPE_INT4, 1, 0, 1);
    /* An optional second output is the CMSIS-NN scratch: every build checks its size (managed agreement). */
    return status != TL_OK ? status : tl_conv_cmsis_scratch_validate(op, tensors, TL_CMSIS_SCRATCH_CONV_S4);
}

void tl_op_conv2d_s4(const tl_op *op, const tl_tensors *tensors)
{
    tl_conv_dims input_dims;
    tl_conv_dims filter_dims;
    tl_conv_dims output_dims;
    tl_conv_params params;
    tl_conv_quant quant;
    tl_cv_decode_conv(op->params, &input_dims, &filter_dims, &output_dims, &params);
    quant.table = tl_tensor_data(tensors, op->inputs[TL_CONV_IN_MULTIPLIERS]);
    /* Validated: the status is TL_OK. */
    (void)tl_conv2d_s4(&params, &quant, &input_dims,
                       (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_CONV_IN_INPUT]), &filter_dims,
                       tl_tensor_data(tensors, op->inputs[TL_CONV_IN_FILTER]),
                       op->inputs[TL_CONV_IN_BIAS] >= 0 ? tl_tensor_data(tensors, op->inputs[TL_CONV_IN_BIAS]) : 0,
                       &output_dims, (int8_t *)tl_tensor_data(tensors, op->outputs[TL_CONV_OUT_OUTPUT]));
}
