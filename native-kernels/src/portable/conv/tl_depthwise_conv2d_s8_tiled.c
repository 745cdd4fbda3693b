/*
 * DEPTHWISE_CONV_2D int8, the tiled fast path tl_depthwise_s8_tiled (dilation 1, -input_offset an int8, the usual
 * case; selected by tl_depthwise_conv2d_s8 and used channel by channel by the in-place and int4 depthwise kernels):
 * per output tile and input channel the receptive field is copied into a 256-byte stack tile with the padding
 * written as -input_offset, so every output pixel is a plain dot product with no bounds tests; 3x3 filters as int16
 * pairs (tl_dsp.h, SMLAD on cores with the DSP extension), neighbouring stride-1 windows sharing their input words,
 * tall outputs on the transposed view; depth multipliers of 4 or more compute 4 output channels per widened input
 * word. Same bytes as tl_depthwise_conv2d_s8_plain.
 */
#include <string.h>

#include "tl_conv_common.h"

#include "tinylite/tl_compiler.h"
#include "tl_conv_blocks.h"
#include "../tl_dsp.h"

/* Bytes of the padded input tile on the stack (tiled path); the last 4 are slack for the word loads of the
   3x3 rows (a row of 3 taps is read as 4 bytes, the 4th multiplied by 0). */
#define TL_CV_DW_TILE_BYTES 256
#define TL_CV_DW_TILE_USABLE (TL_CV_DW_TILE_BYTES - 4)
/* Output pixels whose int32 sums are formed before they are requantized together (128 bytes on the stack). */
#define TL_CV_DW_CHUNK 32

#define TL_DW_NOINLINE TL_NOINLINE

/* One output channel's requantization: its (multiplier, shift) pair and the layer's output offset and clamp. */
typedef struct
{
    int32_t multiplier;
    int32_t shift;
    int32_t output_offset;
    int32_t act_min;
    int32_t act_max;
} tl_dw_rq;

/*
 * One output channel over one tile: rows x cols output pixels, the window of pixel (r, c) starting at tile byte
 * r * s_h * pw + c * s_w. Pixels go in chunks of whole rows (at most TL_CV_DW_CHUNK pixels): first their int32
 * sums, then their requantization, in two small loops that each keep their operands in registers (on
 * Cortex-M4 one loop holding the taps and the requantization constants together spills).
 * For a 3x3 filter @p k holds each filter row as three pairs, (w0, w2), (w1, 0) and (0, w1), matched against the
 * bytes (0, 2) and (1, 3) of a 4-byte load; otherwise the taps are read from @p w (row-major), four per step.
 */
static TL_DW_NOINLINE void tl_dw_tile_channel(const int8_t *tile, int32_t pw, int32_t rows, int32_t cols, int32_t s_h,
                                              int32_t s_w, int32_t f_h, int32_t f_w, const uint32_t *k, const int8_t *w,
                                              uint32_t fold, const tl_dw_rq *rq, int8_t *out, int32_t out_row_step,
                                              int32_t out_px_step)
{
    uint32_t acc[TL_CV_DW_CHUNK];
    const int is_3x3 = k != 0;
    const int32_t quads = f_w / 4;
    const int32_t rest = f_w - quads * 4;
    /* Whole rows per chunk when a row fits, else one row in pieces. */
    const int32_t chunk_rows = cols >= TL_CV_DW_CHUNK ? 1 : TL_CV_DW_CHUNK / cols;
    const int32_t chunk_cols = cols >= TL_CV_DW_CHUNK ? TL_CV_DW_CHUNK : cols;
    int32_t r0;
    for (r0 = 0; r0 < rows; r0 += chunk_rows)
    {
        const int32_t n_rows = rows - r0 < chunk_rows ? rows - r0 : chunk_rows;
        int32_t c0;
        for (c0 = 0; c0 < cols; c0 += chunk_cols)
        {
            const int32_t n_cols = cols - c0 < chunk_cols ? cols - c0 : chunk_cols;
            uint32_t *a = acc;
            int32_t r;
            /* Sums, starting from the folded bias. */
            for (r = 0; r < n_rows; r++)
            {
                const int8_t *p = tile + (r0 + r) * s_h * pw + c0 * s_w;
                uint32_t *a_end = a + n_cols;
                if (is_3x3)
                {
                    const uint32_t k0 = k[0], k1 = k[1], k3 = k[3], k4 = k[4], k6 = k[6], k7 = k[7];
                    if (s_w == 1)
                    {
                        /* Two neighbouring windows share each row's 4 bytes: the second one's taps are bytes
                           1-3, i.e. (w0, w2) . (b1, b3) + (0, w1) . (b0, b2). */
                        const uint32_t k2 = k[2], k5 = k[5], k8 = k[8];
                        while (a_end - a >= 2)
                        {
                            const int8_t *q = p + pw;
                            uint32_t v = tl_dsp_load4(p);
                            uint32_t even = tl_dsp_sxtb16(v);
                            uint32_t odd = tl_dsp_sxtb16_odd(v);
                            uint32_t sum0 = tl_dsp_smlad(k0, even, fold);
                            uint32_t sum1 = tl_dsp_smlad(k0, odd, fold);
                            sum0 = tl_dsp_smlad(k1, odd, sum0);
                            sum1 = tl_dsp_smlad(k2, even, sum1);
                            v = tl_dsp_load4(q);
                            even = tl_dsp_sxtb16(v);
                            odd = tl_dsp_sxtb16_odd(v);
                            sum0 = tl_dsp_smlad(k3, even, sum0);
                            sum1 = tl_dsp_smlad(k3, odd, sum1);
                            sum0 = tl_dsp_smlad(k4, odd, sum0);
                            sum1 = tl_dsp_smlad(k5, even, sum1);
                            v = tl_dsp_load4(q + pw);
                            even = tl_dsp_sxtb16(v);
                            odd = tl_dsp_sxtb16_odd(v);
                            sum0 = tl_dsp_smlad(k6, even, sum0);
                            sum1 = tl_dsp_smlad(k6, odd, sum1);
                            sum0 = tl_dsp_smlad(k7, odd, sum0);
                            sum1 = tl_dsp_smlad(k8, even, sum1);
                            a[0] = sum0;
                            a[1] = sum1;
                            a += 2;
                            p += 2;
                        }
                    }
                    while (a != a_end)
                    {
                        const int8_t *q = p + pw;
                        uint32_t v0 = tl_dsp_load4(p);
                        uint32_t v1 = tl_dsp_load4(q);
                        uint32_t v2 = tl_dsp_load4(q + pw);
                        uint32_t sum = tl_dsp_smlad(k0, tl_dsp_sxtb16(v0), fold);
                        sum = tl_dsp_smlad(k1, tl_dsp_sxtb16_odd(v0), sum);
                        sum = tl_dsp_smlad(k3, tl_dsp_sxtb16(v1), sum);
                        sum = tl_dsp_smlad(k4, tl_dsp_sxtb16_odd(v1), sum);
                        sum = tl_dsp_smlad(k6, tl_dsp_sxtb16(v2), sum);
                        sum = tl_dsp_smlad(k7, tl_dsp_sxtb16_odd(v2), sum);
                        *a++ = sum;
                        p += s_w;
                    }
                }
                else
                {
                    while (a != a_end)
                    {
                        const int8_t *wr = w;
                        const int8_t *xr = p;
                        uint32_t sum = fold;
                        int32_t ky;
                        for (ky = 0; ky < f_h; ky++)
                        {
                            const int8_t *x = xr;
                            int32_t i;
                            for (i = 0; i < quads; i++)
                            {
                                uint32_t xv = tl_dsp_load4(x);
                                uint32_t wv = tl_dsp_load4(wr);
                                sum = tl_dsp_smlad(tl_dsp_sxtb16(wv), tl_dsp_sxtb16(xv), sum);
                                sum = tl_dsp_smlad(tl_dsp_sxtb16_odd(wv), tl_dsp_sxtb16_odd(xv), sum);
                                x += 4;
                                wr += 4;
                            }
                            for (i = 0; i < rest; i++)
                            {
                                sum += (uint32_t)(wr[i] * x[i]);
                            }
                            wr += rest;
                            xr += pw;
                        }
                        *a++ = sum;
                        p += s_w;
                    }
                }
            }
            /* Requantization. */
            {
                const int32_t multiplier = rq->multiplier;
                const int32_t shift = rq->shift;
                const int32_t output_offset = rq->output_offset;
                const int32_t act_min = rq->act_min;
                const int32_t act_max = rq->act_max;
                const int full = act_min == -128 && act_max == 127;
                a = acc;
                for (r = 0; r < n_rows; r++)
                {
                    int8_t *o = out + (r0 + r) * out_row_step + c0 * out_px_step;
                    const uint32_t *a_end = a + n_cols;
                    if (full)
                    {
                        while (a != a_end)
                        {
                            *o = tl_cv_out_s8_q_full(*a++, multiplier, shift, output_offset);
                            o += out_px_step;
                        }
                    }
                    else
                    {
                        while (a != a_end)
                        {
                            *o = tl_cv_out_s8_q(*a++, multiplier, shift, output_offset, act_min, act_max);
                            o += out_px_step;
                        }
                    }
                }
            }
        }
    }
}

/* Output channels computed together from one tile when the depth multiplier allows (they share every input word). */
#define TL_CV_DW_GROUP 4

/*
 * TL_CV_DW_GROUP consecutive output channels of one input channel over one tile (any filter, as the generic branch
 * of tl_dw_tile_channel): channel j's taps at w + j * taps, folded bias fold[j], requantization rq[j], outputs at
 * out + j * out_ch_step. Each 4-byte input word is widened once and multiplied by the four channels' weights.
 */
static TL_DW_NOINLINE void tl_dw_tile_group(const int8_t *tile, int32_t pw, int32_t rows, int32_t cols, int32_t s_h,
                                            int32_t s_w, int32_t f_h, int32_t f_w, const int8_t *w, int32_t taps,
                                            const uint32_t *fold, const tl_dw_rq *rq, int8_t *out, int32_t out_ch_step,
                                            int32_t out_row_step, int32_t out_px_step)
{
    /* Sums pixel-major: acc[i * GROUP + j] is pixel i, channel j. */
    uint32_t acc[TL_CV_DW_CHUNK];
    const int32_t per_chunk = TL_CV_DW_CHUNK / TL_CV_DW_GROUP;
    const int32_t quads = f_w / 4;
    const int32_t rest = f_w - quads * 4;
    const int32_t t1 = taps;
    const int32_t t2 = 2 * taps;
    const int32_t t3 = 3 * taps;
    int32_t r;
    for (r = 0; r < rows; r++)
    {
        int32_t c0;
        for (c0 = 0; c0 < cols; c0 += per_chunk)
        {
            const int32_t n = cols - c0 < per_chunk ? cols - c0 : per_chunk;
            const int8_t *p = tile + r * s_h * pw + c0 * s_w;
            uint32_t *a = acc;
            uint32_t *a_end = acc + n * TL_CV_DW_GROUP;
            int32_t j;
            while (a != a_end)
            {
                const int8_t *wr = w;
                const int8_t *xr = p;
                uint32_t s0 = fold[0];
                uint32_t s1 = fold[1];
                uint32_t s2 = fold[2];
                uint32_t s3 = fold[3];
                int32_t ky;
                for (ky = 0; ky < f_h; ky++)
                {
                    const int8_t *x = xr;
                    int32_t i;
                    for (i = 0; i < quads; i++)
                    {
                        const uint32_t xv = tl_dsp_load4(x);
                        const uint32_t xe = tl_dsp_sxtb16(xv);
                        const uint32_t xo = tl_dsp_sxtb16_odd(xv);
                        uint32_t wv = tl_dsp_load4(wr);
                        s0 = tl_dsp_smlad(tl_dsp_sxtb16(wv), xe, s0);
                        s0 = tl_dsp_smlad(tl_dsp_sxtb16_odd(wv), xo, s0);
                        wv = tl_dsp_load4(wr + t1);
                        s1 = tl_dsp_smlad(tl_dsp_sxtb16(wv), xe, s1);
                        s1 = tl_dsp_smlad(tl_dsp_sxtb16_odd(wv), xo, s1);
                        wv = tl_dsp_load4(wr + t2);
                        s2 = tl_dsp_smlad(tl_dsp_sxtb16(wv), xe, s2);
                        s2 = tl_dsp_smlad(tl_dsp_sxtb16_odd(wv), xo, s2);
                        wv = tl_dsp_load4(wr + t3);
                        s3 = tl_dsp_smlad(tl_dsp_sxtb16(wv), xe, s3);
                        s3 = tl_dsp_smlad(tl_dsp_sxtb16_odd(wv), xo, s3);
                        x += 4;
                        wr += 4;
                    }
                    for (i = 0; i < rest; i++)
                    {
                        const int32_t xv = x[i];
                        s0 += (uint32_t)(wr[i] * xv);
                        s1 += (uint32_t)(wr[t1 + i] * xv);
                        s2 += (uint32_t)(wr[t2 + i] * xv);
                        s3 += (uint32_t)(wr[t3 + i] * xv);
                    }
                    wr += rest;
                    xr += pw;
                }
                a[0] = s0;
                a[1] = s1;
                a[2] = s2;
                a[3] = s3;
                a += TL_CV_DW_GROUP;
                p += s_w;
            }
            for (j = 0; j < TL_CV_DW_GROUP; j++)
            {
                const int32_t multiplier = rq[j].multiplier;
                const int32_t shift = rq[j].shift;
                const int32_t output_offset = rq[j].output_offset;
                const int32_t act_min = rq[j].act_min;
                const int32_t act_max = rq[j].act_max;
                const uint32_t *src = acc + j;
                int8_t *o = out + r * out_row_step + c0 * out_px_step + j * out_ch_step;
                int32_t i;
                if (act_min == -128 && act_max == 127)
                {
                    for (i = 0; i < n; i++)
                    {
                        *o = tl_cv_out_s8_q_full(*src, multiplier, shift, output_offset);
                        src += TL_CV_DW_GROUP;
                        o += out_px_step;
                    }
                }
                else
                {
                    for (i = 0; i < n; i++)
                    {
                        *o = tl_cv_out_s8_q(*src, multiplier, shift, output_offset, act_min, act_max);
                        src += TL_CV_DW_GROUP;
                        o += out_px_step;
                    }
                }
            }
        }
    }
}

/*
 * The tiled path's view of one batch: either the image as stored or its transpose (rows and columns swapped,
 * with the filter), so that the tile rows, along which the inner loops run, are the longer output axis.
 * Element (y, x) of the view is in_base[y * in_row + x * in_col]; output pixel (y, x) is out_base[y * out_row +
 * x * out_col].
 */
typedef struct
{
    int32_t in_h;
    int32_t in_w;
    int32_t in_row;
    int32_t in_col;
    int32_t pad_top;
    int32_t pad_left;
    int32_t s_h;
    int32_t s_w;
    int32_t f_h;
    int32_t f_w;
    int32_t out_h;
    int32_t out_w;
    int32_t out_row;
    int32_t out_col;
} tl_dw_view;

/*
 * The in-range part of a tile window: tile rows [row_begin, row_end) and columns [left, right) hold input values;
 * every other byte of the window is padding, the same for every channel.
 */
typedef struct
{
    int32_t row_begin;
    int32_t row_end;
    int32_t left;
    int32_t right;
} tl_dw_inside;

/* The in-range part of the window of rows x pw view elements from (iy0, ix0). */
static void tl_dw_inside_of(const tl_dw_view *v, int32_t iy0, int32_t ix0, int32_t rows, int32_t pw, tl_dw_inside *in)
{
    int32_t b = iy0 < 0 ? -iy0 : 0;
    int32_t e = v->in_h - iy0 < rows ? v->in_h - iy0 : rows;
    int32_t left = ix0 < 0 ? -ix0 : 0;
    int32_t right = v->in_w - ix0 < pw ? v->in_w - ix0 : pw;
    if (b > rows)
    {
        b = rows;
    }
    if (e < b)
    {
        e = b;
    }
    if (left > pw)
    {
        left = pw;
    }
    if (right < left)
    {
        right = left;
    }
    in->row_begin = b;
    in->row_end = left < right ? e : b;
    in->left = left;
    in->right = right;
}

/*
 * Copies the in-range values of one channel (at @p in_channel) of the window from (iy0, ix0) into @p tile (row
 * stride pw), whose padding is already written.
 */
static void tl_dw_copy_tile(const tl_dw_view *v, const int8_t *in_channel, int32_t iy0, int32_t ix0, int32_t pw,
                            const tl_dw_inside *in, int8_t *tile)
{
    const int32_t in_col = v->in_col;
    const int32_t n = in->right - in->left;
    int32_t r;
    for (r = in->row_begin; r < in->row_end; r++)
    {
        const int8_t *src = in_channel + (iy0 + r) * v->in_row + (ix0 + in->left) * in_col;
        int8_t *d = tile + r * pw + in->left;
        int32_t left_to_copy = n;
        int32_t k = 0;
        /* Offsets, not advancing pointers: nothing points past the input. */
        for (; left_to_copy >= 2; left_to_copy -= 2)
        {
            d[0] = src[k];
            d[1] = src[k + in_col];
            d += 2;
            k += 2 * in_col;
        }
        if (left_to_copy != 0)
        {
            *d = src[k];
        }
    }
}

/* The view of the tiled path (the image, or its transpose when @p transpose); outputs out_px_stride apart.
   Inlined: out of line it costs the tiled path's loops registers (about 2,000 more instructions per kws layer). */
static TL_ALWAYS_INLINE void tl_dw_view_of(const tl_conv_dims *input_dims, const tl_conv_params *params,
                                           const tl_conv_dims *output_dims, const tl_conv_dims *filter_dims,
                                           int transpose, int32_t out_px_stride, tl_dw_view *view)
{
    const int32_t in_c = input_dims->channels;
    tl_dw_view v;
    if (!transpose)
    {
        v.in_h = input_dims->height;
        v.in_w = input_dims->width;
        v.in_row = input_dims->width * in_c;
        v.in_col = in_c;
        v.pad_top = params->pad_top;
        v.pad_left = params->pad_left;
        v.s_h = params->stride_h;
        v.s_w = params->stride_w;
        v.f_h = filter_dims->height;
        v.f_w = filter_dims->width;
        v.out_h = output_dims->height;
        v.out_w = output_dims->width;
        v.out_row = output_dims->width * out_px_stride;
        v.out_col = out_px_stride;
    }
    else
    {
        v.in_h = input_dims->width;
        v.in_w = input_dims->height;
        v.in_row = in_c;
        v.in_col = input_dims->width * in_c;
        v.pad_top = params->pad_left;
        v.pad_left = params->pad_top;
        v.s_h = params->stride_w;
        v.s_w = params->stride_h;
        v.f_h = filter_dims->width;
        v.f_w = filter_dims->height;
        v.out_h = output_dims->width;
        v.out_w = output_dims->height;
        v.out_row = out_px_stride;
        v.out_col = output_dims->width * out_px_stride;
    }
    *view = v;
}

/*
 * Output tile of the tiled path in view @p v: as many output columns as fit (up to the whole row), then as many
 * rows as the buffer holds. 0 when the window of one output pixel does not fit.
 */
static int tl_dw_tile_shape(const tl_dw_view *v, int32_t *tile_out_h, int32_t *tile_out_w)
{
    int32_t cols;
    int32_t rows;
    int32_t pw;
    if (v->f_h * v->f_w > TL_CV_DW_TILE_USABLE)
    {
        return 0;
    }
    /* (cols - 1) * s_w + f_w <= USABLE / f_h; strides, filter and output sizes are at most 65535 (checked). */
    cols = (TL_CV_DW_TILE_USABLE / v->f_h - v->f_w) / v->s_w + 1;
    if (cols > v->out_w)
    {
        cols = v->out_w;
    }
    pw = (cols - 1) * v->s_w + v->f_w;
    rows = (TL_CV_DW_TILE_USABLE / pw - v->f_h) / v->s_h + 1;
    if (rows > v->out_h)
    {
        rows = v->out_h;
    }
    *tile_out_h = rows;
    *tile_out_w = cols;
    return 1;
}

/*
 * Tiled path (dilation 1, -input_offset an int8): the output is cut into tiles whose receptive field (rows x pw
 * input values, padding included) fits TL_CV_DW_TILE_USABLE; per tile and input channel the field is copied
 * once, the padding written as -input_offset, and the channel's depth_multiplier outputs are computed from it
 * without a single bounds test:
 *   folded bias + sum w * v = bias + sum over in-range taps of w * (x + input_offset)   (mod 2^32),
 * since v = -input_offset on padded taps. A 3x3 filter over an output taller than wide runs on the transposed
 * view (sums are order-free mod 2^32). Same bytes as the plain path. Returns 0 (nothing written) when the
 * shape does not suit. Input channels [ch_begin, ch_end) only; output channel o of pixel i (row-major) is
 * written to output[i * out_px_stride + o * out_ch_stride] (the tensor: out_c and 1; one channel's scratch: 1, 0).
 */
int tl_depthwise_s8_tiled(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                          const int8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter,
                          const uint8_t *bias, const tl_conv_dims *output_dims, int32_t ch_begin, int32_t ch_end,
                          int8_t *output, int32_t out_px_stride, int32_t out_ch_stride)
{
    const int32_t in_c = input_dims->channels;
    const int32_t taps = filter_dims->height * filter_dims->width;
    const int32_t mult = params->depth_multiplier;
    const int is_3x3 = filter_dims->height == 3 && filter_dims->width == 3;
    const int transpose = is_3x3 && output_dims->height > output_dims->width;
    int8_t pad;
    int8_t tile[TL_CV_DW_TILE_BYTES];
    tl_dw_view v;
    tl_dw_rq rq;
    int32_t tile_out_h;
    int32_t tile_out_w;
    int32_t batch;
    if (params->dilation_h != 1 || params->dilation_w != 1 || params->input_offset < -127 || params->input_offset > 128)
    {
        return 0;
    }
    /* -128 <= -input_offset <= 127 here. */
    pad = (int8_t)(0 - params->input_offset);
    tl_dw_view_of(input_dims, params, output_dims, filter_dims, transpose, out_px_stride, &v);
    if (!tl_dw_tile_shape(&v, &tile_out_h, &tile_out_w))
    {
        return 0;
    }
    rq.output_offset = params->output_offset;
    rq.act_min = params->act_min;
    rq.act_max = params->act_max;
    for (batch = 0; batch < input_dims->batches; batch++)
    {
        const int8_t *in_batch = input + batch * input_dims->height * input_dims->width * in_c;
        int8_t *out_batch = output + batch * output_dims->height * output_dims->width * out_px_stride;
        int32_t oy0;
        for (oy0 = 0; oy0 < v.out_h; oy0 += tile_out_h)
        {
            const int32_t rows = v.out_h - oy0 < tile_out_h ? v.out_h - oy0 : tile_out_h;
            const int32_t tile_rows = (rows - 1) * v.s_h + v.f_h;
            int32_t ox0;
            for (ox0 = 0; ox0 < v.out_w; ox0 += tile_out_w)
            {
                const int32_t cols = v.out_w - ox0 < tile_out_w ? v.out_w - ox0 : tile_out_w;
                const int32_t pw = (cols - 1) * v.s_w + v.f_w;
                int8_t *out_tile = out_batch + oy0 * v.out_row + ox0 * v.out_col;
                const int32_t iy0 = oy0 * v.s_h - v.pad_top;
                const int32_t ix0 = ox0 * v.s_w - v.pad_left;
                tl_dw_inside inside;
                int32_t in_ch;
                /* The padding of this window, once for all channels (-input_offset); the byte after the window
                   (tile_rows * pw <= TL_CV_DW_TILE_USABLE) is read by the 3x3 word loads, times 0. */
                tl_dw_inside_of(&v, iy0, ix0, tile_rows, pw, &inside);
                memset(tile, (unsigned char)pad, (size_t)(tile_rows * pw));
                tile[tile_rows * pw] = 0;
                for (in_ch = ch_begin; in_ch < ch_end; in_ch++)
                {
                    int32_t m;
                    tl_dw_copy_tile(&v, in_batch + in_ch, iy0, ix0, pw, &inside, tile);
                    m = 0;
                    if (!is_3x3)
                    {
                        for (; m + TL_CV_DW_GROUP <= mult; m += TL_CV_DW_GROUP)
                        {
                            const int32_t out_ch = in_ch * mult + m;
                            uint32_t folds[TL_CV_DW_GROUP];
                            tl_dw_rq rqs[TL_CV_DW_GROUP];
                            int32_t j;
                            for (j = 0; j < TL_CV_DW_GROUP; j++)
                            {
                                folds[j] = (uint32_t)tl_cv_load_i32(bias + (out_ch + j) * 4);
                                rqs[j] = rq;
                                rqs[j].multiplier = tl_cv_load_i32(quant->table + (out_ch + j) * 8);
                                rqs[j].shift = tl_cv_load_i32(quant->table + (out_ch + j) * 8 + 4);
                            }
                            tl_dw_tile_group(tile, pw, rows, cols, v.s_h, v.s_w, v.f_h, v.f_w, filter + out_ch * taps,
                                             taps, folds, rqs, out_tile + out_ch * out_ch_stride, out_ch_stride,
                                             v.out_row, v.out_col);
                        }
                    }
                    for (; m < mult; m++)
                    {
                        const int32_t out_ch = in_ch * mult + m;
                        const int8_t *w = filter + out_ch * taps;
                        const uint32_t fold = (uint32_t)tl_cv_load_i32(bias + out_ch * 4);
                        uint32_t k[9];
                        rq.multiplier = tl_cv_load_i32(quant->table + out_ch * 8);
                        rq.shift = tl_cv_load_i32(quant->table + out_ch * 8 + 4);
                        if (is_3x3)
                        {
                            int32_t r;
                            for (r = 0; r < 3; r++)
                            {
                                /* Row r of the view's filter: w[r][0..2], or column r of the stored one. */
                                const int32_t t0 = transpose ? r : 3 * r;
                                const int32_t step = transpose ? 3 : 1;
                                k[3 * r] = tl_dsp_pair(w[t0], w[t0 + 2 * step]);
                                k[3 * r + 1] = tl_dsp_pair(w[t0 + step], 0);
                                k[3 * r + 2] = tl_dsp_pair(0, w[t0 + step]);
                            }
                        }
                        tl_dw_tile_channel(tile, pw, rows, cols, v.s_h, v.s_w, v.f_h, v.f_w, is_3x3 ? k : 0, w, fold,
                                           &rq, out_tile + out_ch * out_ch_stride, v.out_row, v.out_col);
                    }
                }
            }
        }
    }
    return 1;
}

int tl_depthwise_s8_one_tile(const tl_conv_params *params, const tl_conv_dims *input_dims,
                             const tl_conv_dims *filter_dims, const tl_conv_dims *output_dims)
{
    const int transpose =
        filter_dims->height == 3 && filter_dims->width == 3 && output_dims->height > output_dims->width;
    tl_dw_view v;
    int32_t tile_out_h;
    int32_t tile_out_w;
    /* The same conditions as tl_depthwise_s8_tiled, then one tile for the whole output. */
    if (params->dilation_h != 1 || params->dilation_w != 1 || params->input_offset < -127 || params->input_offset > 128)
    {
        return 0;
    }
    tl_dw_view_of(input_dims, params, output_dims, filter_dims, transpose, 1, &v);
    return tl_dw_tile_shape(&v, &tile_out_h, &tile_out_w) && tile_out_h == v.out_h && tile_out_w == v.out_w;
}
