/*
 * CONV_2D 1x1, stride 1, no padding, int8 activations and weights, computed over its own input.
 * Twin of nf-runtime/src/Kernels/Conv/PointwiseConvS8InPlace.cs (same bytes; the managed kernel goes pixel by
 * pixel through a one-pixel scratch). Output and input share their base address.
 * out_c <= in_c: pixels go forward (output pixel p ends at or before input pixel p + 1 starts);
 * out_c > in_c: backward (output pixel p starts at or after input pixel p ends, so the pixels 0..p-1 not yet
 * read stay intact). Arithmetic of tl_conv2d_s8 (folded bias, no padded tap); sums are the same mod 2^32 in any
 * order.
 * Up to TL_PW_PAIR_MAX_IN input channels, pixels go two at a time: both are widened into int16 pairs on the
 * stack (which frees their bytes in the tensor), then every pair of output channels is a 2x2 block of dot
 * products that loads each input pair once for two filters and each weight word once for two pixels, the
 * results written straight over the tensor. Wider inputs also go two pixels at a time (read where they lie, the
 * first pixel's outputs into the scratch and the second's onto the stack) up to TL_PW_PAIR_MAX_OUT output
 * channels; wider outputs go pixel by pixel through the scratch.
 */
#include <string.h>

#include "tl_conv_common.h"
#include "tinylite/tl_compiler.h"
#include "../tl_dot_s8.h"

/* Widest input the widened two-pixel path takes: two pixels widened to int16 are 4 * in_c bytes of stack (256). */
#define TL_PW_PAIR_MAX_IN 64
/* Widest output of the two-pixel path for wider inputs: the second pixel's outputs wait on the stack (256 bytes). */
#define TL_PW_PAIR_MAX_OUT 256

/* Bytes 1 and 3 of v sign-extended into int16 halves: one SXTB16 with its rotation on Arm (GCC 12 emits a
   separate ROR for tl_dsp_sxtb16_odd). */
static inline uint32_t tl_pw_sxtb16_odd(uint32_t v)
{
#if TL_DSP_ARM
    uint32_t r;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(v));
    return r;
#else
    return tl_dsp_sxtb16_odd(v);
#endif
}

/*
 * Pixels a and b (in_c values each, at @p xa and @p xb) widened into @p wide: per group of four values the words
 * (a0, a2), (a1, a3), (b0, b2), (b1, b3), then the in_c % 4 remaining values as (a, b) int16 pairs.
 */
static void tl_pw_widen_pair(const int8_t *xa, const int8_t *xb, int32_t in_c, uint32_t *wide)
{
    int32_t i = 0;
    for (; i + 4 <= in_c; i += 4)
    {
        const uint32_t va = tl_dsp_load4(xa + i);
        const uint32_t vb = tl_dsp_load4(xb + i);
        wide[0] = tl_dsp_sxtb16(va);
        wide[1] = tl_pw_sxtb16_odd(va);
        wide[2] = tl_dsp_sxtb16(vb);
        wide[3] = tl_pw_sxtb16_odd(vb);
        wide += 4;
    }
    for (; i < in_c; i++)
    {
        *wide++ = tl_dsp_pair(xa[i], xb[i]);
    }
}

/* The layer's output offset and clamp. */
typedef struct
{
    int32_t output_offset;
    int32_t act_min;
    int32_t act_max;
} tl_pw_out;

/*
 * Requantizes the 2x2 block of sums (pixel a or b, channel ch or next) into out_a[ch], out_a[next] and, when
 * @p two_pixels, out_b[ch], out_b[next]; next == ch for a lone last channel (its twin is dropped).
 */
static inline void tl_pw_store_2x2(uint32_t s00, uint32_t s01, uint32_t s10, uint32_t s11, int32_t ch, int32_t next,
                                   const uint8_t *table, const tl_pw_out *o, int8_t *out_a, int8_t *out_b,
                                   int two_pixels)
{
    const int32_t m0 = tl_cv_load_i32(table + ch * 8);
    const int32_t sh0 = tl_cv_load_i32(table + ch * 8 + 4);
    out_a[ch] = tl_cv_out_s8_q(s00, m0, sh0, o->output_offset, o->act_min, o->act_max);
    if (two_pixels)
    {
        out_b[ch] = tl_cv_out_s8_q(s10, m0, sh0, o->output_offset, o->act_min, o->act_max);
    }
    if (next != ch)
    {
        const int32_t m1 = tl_cv_load_i32(table + next * 8);
        const int32_t sh1 = tl_cv_load_i32(table + next * 8 + 4);
        out_a[next] = tl_cv_out_s8_q(s01, m1, sh1, o->output_offset, o->act_min, o->act_max);
        if (two_pixels)
        {
            out_b[next] = tl_cv_out_s8_q(s11, m1, sh1, o->output_offset, o->act_min, o->act_max);
        }
    }
}

/*
 * The two widened pixels of @p wide times every output channel, two channels at a time: output channel o of pixel
 * a goes to out_a[o], of pixel b to out_b[o] (when @p two_pixels). Sums start from the folded biases.
 */
static TL_NOINLINE void tl_pw_pair_channels_wide(const uint32_t *wide, int32_t in_c, const int8_t *filter,
                                                 const uint8_t *bias, const uint8_t *table, int32_t out_c,
                                                 const tl_pw_out *o, int8_t *out_a, int8_t *out_b, int two_pixels)
{
    const int32_t quads = in_c >> 2;
    const int32_t rest = in_c & 3;
    const uint32_t *tail = wide + 4 * quads;
    int32_t ch = 0;
    while (ch < out_c)
    {
        /* A lone last channel runs as a pair with itself; its twin's results are dropped. */
        const int32_t next = ch + 1 < out_c ? ch + 1 : ch;
        const int8_t *w0 = filter + ch * in_c;
        const int32_t row = (next - ch) * in_c;
        const uint32_t *x = wide;
        uint32_t s00 = (uint32_t)tl_cv_load_i32(bias + ch * 4);
        uint32_t s01 = (uint32_t)tl_cv_load_i32(bias + next * 4);
        uint32_t s10 = s00;
        uint32_t s11 = s01;
        int32_t i;
        for (i = 0; i < quads; i++)
        {
            const uint32_t xae = x[0];
            const uint32_t xao = x[1];
            const uint32_t xbe = x[2];
            const uint32_t xbo = x[3];
            uint32_t wv = tl_dsp_load4(w0);
            uint32_t we = tl_dsp_sxtb16(wv);
            uint32_t wo = tl_pw_sxtb16_odd(wv);
            s00 = tl_dsp_smlad(we, xae, s00);
            s00 = tl_dsp_smlad(wo, xao, s00);
            s10 = tl_dsp_smlad(we, xbe, s10);
            s10 = tl_dsp_smlad(wo, xbo, s10);
            wv = tl_dsp_load4(w0 + row);
            we = tl_dsp_sxtb16(wv);
            wo = tl_pw_sxtb16_odd(wv);
            s01 = tl_dsp_smlad(we, xae, s01);
            s01 = tl_dsp_smlad(wo, xao, s01);
            s11 = tl_dsp_smlad(we, xbe, s11);
            s11 = tl_dsp_smlad(wo, xbo, s11);
            x += 4;
            w0 += 4;
        }
        for (i = 0; i < rest; i++)
        {
            const int32_t xa = tl_dsp_half(tail[i], 0);
            const int32_t xb = tl_dsp_half(tail[i], 1);
            const int32_t wa = w0[i];
            const int32_t wb = w0[row + i];
            s00 += (uint32_t)(xa * wa);
            s01 += (uint32_t)(xa * wb);
            s10 += (uint32_t)(xb * wa);
            s11 += (uint32_t)(xb * wb);
        }
        tl_pw_store_2x2(s00, s01, s10, s11, ch, next, table, o, out_a, out_b, two_pixels);
        ch = next + 1;
    }
}

/*
 * Pixels a (at @p xa) and b (at @p xb, in_c values each, as stored) times every output channel, two channels at a
 * time, each input word widened where it is used: output channel o of pixel a goes to out_a[o], of pixel b to
 * out_b[o] (when @p two_pixels). Sums start from the folded biases.
 */
static TL_NOINLINE void tl_pw_pair_channels_raw(const int8_t *xa, const int8_t *xb, int32_t in_c, const int8_t *filter,
                                                const uint8_t *bias, const uint8_t *table, int32_t out_c,
                                                const tl_pw_out *o, int8_t *out_a, int8_t *out_b, int two_pixels)
{
    const int32_t quads = in_c >> 2;
    const int32_t rest = in_c & 3;
    const int32_t d = (int32_t)(xb - xa);
    int32_t ch = 0;
    while (ch < out_c)
    {
        const int32_t next = ch + 1 < out_c ? ch + 1 : ch;
        const int8_t *w0 = filter + ch * in_c;
        const int32_t row = (next - ch) * in_c;
        const int8_t *x = xa;
        uint32_t s00 = (uint32_t)tl_cv_load_i32(bias + ch * 4);
        uint32_t s01 = (uint32_t)tl_cv_load_i32(bias + next * 4);
        uint32_t s10 = s00;
        uint32_t s11 = s01;
        int32_t i;
        for (i = 0; i < quads; i++)
        {
            const uint32_t va = tl_dsp_load4(x);
            const uint32_t vb = tl_dsp_load4(x + d);
            const uint32_t xae = tl_dsp_sxtb16(va);
            const uint32_t xao = tl_pw_sxtb16_odd(va);
            const uint32_t xbe = tl_dsp_sxtb16(vb);
            const uint32_t xbo = tl_pw_sxtb16_odd(vb);
            uint32_t wv = tl_dsp_load4(w0);
            uint32_t we = tl_dsp_sxtb16(wv);
            uint32_t wo = tl_pw_sxtb16_odd(wv);
            s00 = tl_dsp_smlad(we, xae, s00);
            s00 = tl_dsp_smlad(wo, xao, s00);
            s10 = tl_dsp_smlad(we, xbe, s10);
            s10 = tl_dsp_smlad(wo, xbo, s10);
            wv = tl_dsp_load4(w0 + row);
            we = tl_dsp_sxtb16(wv);
            wo = tl_pw_sxtb16_odd(wv);
            s01 = tl_dsp_smlad(we, xae, s01);
            s01 = tl_dsp_smlad(wo, xao, s01);
            s11 = tl_dsp_smlad(we, xbe, s11);
            s11 = tl_dsp_smlad(wo, xbo, s11);
            x += 4;
            w0 += 4;
        }
        for (i = 0; i < rest; i++)
        {
            const int32_t va = x[i];
            const int32_t vb = x[d + i];
            const int32_t wa = w0[i];
            const int32_t wb = w0[row + i];
            s00 += (uint32_t)(va * wa);
            s01 += (uint32_t)(va * wb);
            s10 += (uint32_t)(vb * wa);
            s11 += (uint32_t)(vb * wb);
        }
        tl_pw_store_2x2(s00, s01, s10, s11, ch, next, table, o, out_a, out_b, two_pixels);
        ch = next + 1;
    }
}

tl_status tl_pointwise_conv_s8_in_place(const tl_conv_params *params, const tl_conv_quant *quant,
                                        const tl_conv_dims *input_dims, const tl_conv_dims *filter_dims,
                                        const int8_t *filter, const uint8_t *bias, const tl_conv_dims *output_dims,
                                        int8_t *data, int8_t *scratch)
{
    int32_t pixels;
    int32_t in_c;
    int32_t out_c;
    int32_t forward;
    int32_t k;
    const tl_status status = tl_cv_check_in_place_call(TL_CV_KIND_CONV, params, quant, input_dims, filter_dims, filter,
                                                       bias, output_dims, data, scratch);
    if (status != TL_OK)
    {
        return status;
    }
    /* Each factor <= 65535 and the tensor byte sizes were checked against INT32_MAX by the adapter. */
    pixels = input_dims->batches * input_dims->height * input_dims->width;
    in_c = input_dims->channels;
    out_c = output_dims->channels;
    forward = out_c <= in_c;

    if (in_c <= TL_PW_PAIR_MAX_IN)
    {
        /* Two pixels per step, in the order that never overwrites an unread pixel; a lone pixel (odd count)
           last going forward, first going backward, paired with itself. */
        /* Two pixels widened: one word per input value (two int16 halves of a pair of values). */
        uint32_t wide[TL_PW_PAIR_MAX_IN];
        tl_pw_out o;
        o.output_offset = params->output_offset;
        o.act_min = params->act_min;
        o.act_max = params->act_max;
        for (k = 0; k < pixels; k += 2)
        {
            const int32_t pair = pixels - k >= 2;
            const int32_t first = forward ? k : (pair ? pixels - k - 2 : 0);
            const int32_t second = pair ? first + 1 : first;
            tl_pw_widen_pair(data + first * in_c, data + second * in_c, in_c, wide);
            tl_pw_pair_channels_wide(wide, in_c, filter, bias, quant->table, out_c, &o, data + first * out_c,
                                     data + second * out_c, pair);
        }
        return TL_OK;
    }
    if (out_c <= TL_PW_PAIR_MAX_OUT)
    {
        /* Two pixels per step, read where they lie: pixel a's outputs into the scratch, pixel b's onto the
           stack, both written over the tensor once both pixels are read. Same order as above. */
        int8_t second_out[TL_PW_PAIR_MAX_OUT];
        tl_pw_out o;
        o.output_offset = params->output_offset;
        o.act_min = params->act_min;
        o.act_max = params->act_max;
        for (k = 0; k < pixels; k += 2)
        {
            const int32_t pair = pixels - k >= 2;
            const int32_t first = forward ? k : (pair ? pixels - k - 2 : 0);
            const int32_t second = pair ? first + 1 : first;
            tl_pw_pair_channels_raw(data + first * in_c, data + second * in_c, in_c, filter, bias, quant->table, out_c,
                                    &o, scratch, second_out, pair);
            memcpy(data + first * out_c, scratch, (size_t)out_c);
            if (pair)
            {
                memcpy(data + second * out_c, second_out, (size_t)out_c);
            }
        }
        return TL_OK;
    }
    for (k = 0; k < pixels; k++)
    {
        int32_t pixel = forward ? k : pixels - 1 - k;
        const int8_t *in_pixel = data + pixel * in_c;
        int8_t *out_pixel = data + pixel * out_c;
        int32_t out_ch;
        /* The folded bias holds input_offset * (sum of the channel's weights); no tap is ever padded. */
        for (out_ch = 0; out_ch + 4 <= out_c; out_ch += 4)
        {
            uint32_t acc[4];
            int32_t j;
            for (j = 0; j < 4; j++)
            {
                acc[j] = (uint32_t)tl_cv_load_i32(bias + (out_ch + j) * 4);
            }
            tl_dot4_s8(in_pixel, filter + out_ch * in_c, in_c, in_c, acc);
            for (j = 0; j < 4; j++)
            {
                scratch[out_ch + j] = tl_cv_out_s8(acc[j], quant->table + (out_ch + j) * 8, params->output_offset,
                                                   params->act_min, params->act_max);
            }
        }
        for (; out_ch < out_c; out_ch++)
        {
            uint32_t acc =
                tl_dot1_s8(in_pixel, filter + out_ch * in_c, in_c, (uint32_t)tl_cv_load_i32(bias + out_ch * 4));
            scratch[out_ch] =
                tl_cv_out_s8(acc, quant->table + out_ch * 8, params->output_offset, params->act_min, params->act_max);
        }
        /* Input pixel p is fully read: write the finished pixel over the tensor. */
        for (out_ch = 0; out_ch < out_c; out_ch++)
        {
            out_pixel[out_ch] = scratch[out_ch];
        }
    }
    return TL_OK;
}

tl_status tl_op_pointwise_conv_s8_in_place_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_cv_check_in_place_pointwise(op, tensors, TL_CV_TYPE_INT8, TL_CV_TYPE_INT8, 1, 0, 1);
}

void tl_op_pointwise_conv_s8_in_place(const tl_op *op, const tl_tensors *tensors)
{
    tl_cv_call call;
    tl_cv_decode_conv_op(op, tensors, TL_POINTWISE_CONV_S8_IN_PLACE_IN_MULTIPLIERS, &call);
    /* Validated: the status is TL_OK; outputs[0] is inputs[0]'s address. */
    (void)tl_pointwise_conv_s8_in_place(
        &call.params, &call.quant, &call.input_dims, &call.filter_dims,
        (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_POINTWISE_CONV_S8_IN_PLACE_IN_FILTER]),
        tl_tensor_data(tensors, op->inputs[TL_POINTWISE_CONV_S8_IN_PLACE_IN_BIAS]), &call.output_dims,
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_POINTWISE_CONV_S8_IN_PLACE_OUT_OUTPUT]),
        (int8_t *)tl_tensor_data(tensors, op->outputs[TL_POINTWISE_CONV_S8_IN_PLACE_OUT_SCRATCH]));
}
