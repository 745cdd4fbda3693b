/*
 * Pieces shared by the CMSIS-NN convolution adapters (CONV_2D s8, s4 and s16, DEPTHWISE_CONV_2D s8, s4 and s16), whose
 * Params use the conv and depthwise_conv layouts (tl_conv_layouts.h; the same indexes for the spatial fields, which
 * portable/conv/tl_conv_record_checks.c checks at compile time).
 */
#ifndef TINYLITE_TL_CMSIS_NN_CONV_COMMON_H
#define TINYLITE_TL_CMSIS_NN_CONV_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_compiler.h"
#include "tinylite/tl_conv_layouts.h"
#include "tinylite/tl_op.h"
#include "tinylite/tl_status.h"
#include "../tl_cmsis_nn_overlap.h"

/* Word reinterpretation without signed-overflow or conversion surprises. */
static inline int32_t tl_cmsis_s32(uint32_t u)
{
    return u <= 0x7FFFFFFFu ? (int32_t)u : (int32_t)(u - 0x80000000u) - 0x7FFFFFFF - 1;
}

/* Decodes CONV_2D Params (the conv layout) into CMSIS-NN's structures. */
static inline void tl_cmsis_conv_decode(const int32_t *p, cmsis_nn_conv_params *conv, cmsis_nn_dims *input_dims,
                                        cmsis_nn_dims *filter_dims, cmsis_nn_dims *output_dims)
{
    input_dims->n = p[TL_CONV_P_BATCHES];
    input_dims->h = p[TL_CONV_P_INPUT_HEIGHT];
    input_dims->w = p[TL_CONV_P_INPUT_WIDTH];
    input_dims->c = p[TL_CONV_P_INPUT_DEPTH];
    filter_dims->n = p[TL_CONV_P_OUTPUT_DEPTH];
    filter_dims->h = p[TL_CONV_P_FILTER_HEIGHT];
    filter_dims->w = p[TL_CONV_P_FILTER_WIDTH];
    filter_dims->c = p[TL_CONV_P_FILTER_DEPTH];
    output_dims->n = p[TL_CONV_P_BATCHES];
    output_dims->h = p[TL_CONV_P_OUTPUT_HEIGHT];
    output_dims->w = p[TL_CONV_P_OUTPUT_WIDTH];
    output_dims->c = p[TL_CONV_P_OUTPUT_DEPTH];
    conv->stride.h = p[TL_CONV_P_STRIDE_HEIGHT];
    conv->stride.w = p[TL_CONV_P_STRIDE_WIDTH];
    conv->dilation.h = p[TL_CONV_P_DILATION_HEIGHT];
    conv->dilation.w = p[TL_CONV_P_DILATION_WIDTH];
    conv->padding.h = p[TL_CONV_P_PADDING_TOP];
    conv->padding.w = p[TL_CONV_P_PADDING_LEFT];
    conv->input_offset = p[TL_CONV_P_INPUT_OFFSET];
    conv->output_offset = p[TL_CONV_P_OUTPUT_OFFSET];
    conv->activation.min = p[TL_CONV_P_ACTIVATION_MIN];
    conv->activation.max = p[TL_CONV_P_ACTIVATION_MAX];
}

/* Decodes DEPTHWISE_CONV_2D Params (the depthwise_conv layout) into CMSIS-NN's structures. */
static inline void tl_cmsis_dw_decode(const int32_t *p, cmsis_nn_dw_conv_params *dw, cmsis_nn_dims *input_dims,
                                      cmsis_nn_dims *filter_dims, cmsis_nn_dims *output_dims)
{
    input_dims->n = p[TL_DEPTHWISE_CONV_P_BATCHES];
    input_dims->h = p[TL_DEPTHWISE_CONV_P_INPUT_HEIGHT];
    input_dims->w = p[TL_DEPTHWISE_CONV_P_INPUT_WIDTH];
    input_dims->c = p[TL_DEPTHWISE_CONV_P_INPUT_DEPTH];
    filter_dims->n = 1;
    filter_dims->h = p[TL_DEPTHWISE_CONV_P_FILTER_HEIGHT];
    filter_dims->w = p[TL_DEPTHWISE_CONV_P_FILTER_WIDTH];
    filter_dims->c = p[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH];
    output_dims->n = p[TL_DEPTHWISE_CONV_P_BATCHES];
    output_dims->h = p[TL_DEPTHWISE_CONV_P_OUTPUT_HEIGHT];
    output_dims->w = p[TL_DEPTHWISE_CONV_P_OUTPUT_WIDTH];
    output_dims->c = p[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH];
    dw->ch_mult = p[TL_DEPTHWISE_CONV_P_DEPTH_MULTIPLIER];
    dw->stride.h = p[TL_DEPTHWISE_CONV_P_STRIDE_HEIGHT];
    dw->stride.w = p[TL_DEPTHWISE_CONV_P_STRIDE_WIDTH];
    dw->dilation.h = p[TL_DEPTHWISE_CONV_P_DILATION_HEIGHT];
    dw->dilation.w = p[TL_DEPTHWISE_CONV_P_DILATION_WIDTH];
    dw->padding.h = p[TL_DEPTHWISE_CONV_P_PADDING_TOP];
    dw->padding.w = p[TL_DEPTHWISE_CONV_P_PADDING_LEFT];
    dw->input_offset = p[TL_DEPTHWISE_CONV_P_INPUT_OFFSET];
    dw->output_offset = p[TL_DEPTHWISE_CONV_P_OUTPUT_OFFSET];
    dw->activation.min = p[TL_DEPTHWISE_CONV_P_ACTIVATION_MIN];
    dw->activation.max = p[TL_DEPTHWISE_CONV_P_ACTIVATION_MAX];
}

/* 1 when every tap of every output pixel lies inside the input (so the folded bias can be used as is), for a CONV_2D
   or DEPTHWISE_CONV_2D record. Validated geometry: all terms are at most 65535 and the products fit int64. */
static inline int tl_cmsis_conv_no_padding_taps(const int32_t *p)
{
    const int64_t last_y = (int64_t)(p[TL_CONV_P_OUTPUT_HEIGHT] - 1) * p[TL_CONV_P_STRIDE_HEIGHT] +
                           (int64_t)(p[TL_CONV_P_FILTER_HEIGHT] - 1) * p[TL_CONV_P_DILATION_HEIGHT];
    const int64_t last_x = (int64_t)(p[TL_CONV_P_OUTPUT_WIDTH] - 1) * p[TL_CONV_P_STRIDE_WIDTH] +
                           (int64_t)(p[TL_CONV_P_FILTER_WIDTH] - 1) * p[TL_CONV_P_DILATION_WIDTH];
    return p[TL_CONV_P_PADDING_TOP] == 0 && p[TL_CONV_P_PADDING_LEFT] == 0 && last_y < p[TL_CONV_P_INPUT_HEIGHT] &&
           last_x < p[TL_CONV_P_INPUT_WIDTH];
}

/* TL_OK when the validated record's second output, the scratch, is 4-aligned and holds at least @p needed bytes
   (what the linked CMSIS-NN asks for plus the adapter's own arrays). */
static inline tl_status tl_cmsis_scratch_check(const tl_op *op, const tl_tensors *tensors, int64_t needed)
{
    const uint8_t *scratch = tl_tensor_data(tensors, op->outputs[TL_CONV_OUT_SCRATCH]);
    return scratch == NULL || tl_tensor_bytes(tensors, op->outputs[TL_CONV_OUT_SCRATCH]) < needed ||
                   ((uintptr_t)scratch & 3u) != 0
               ? TL_ERR_PARAMS
               : TL_OK;
}

/* 1 when the validated record's scratch (second output) shares no byte with its input or output. Compiled images
   never overlap them (the scratch lives only during its operator); an edited one could, and CMSIS-NN copies the
   input into the scratch with memcpy (undefined for overlapping ranges): such records run the portable kernel. */
static inline int tl_cmsis_scratch_apart(const tl_op *op, const tl_tensors *tensors)
{
    const uint8_t *scratch = tl_tensor_data(tensors, op->outputs[TL_CONV_OUT_SCRATCH]);
    const int32_t bytes = tl_tensor_bytes(tensors, op->outputs[TL_CONV_OUT_SCRATCH]);
    return !tl_cmsis_overlap(scratch, bytes, tl_tensor_data(tensors, op->inputs[TL_CONV_IN_INPUT]),
                             tl_tensor_bytes(tensors, op->inputs[TL_CONV_IN_INPUT])) &&
           !tl_cmsis_overlap(scratch, bytes, tl_tensor_data(tensors, op->outputs[TL_CONV_OUT_OUTPUT]),
                             tl_tensor_bytes(tensors, op->outputs[TL_CONV_OUT_OUTPUT]));
}

/* Splits the image's interleaved (multiplier, shift) pairs of @p out_c channels into CMSIS-NN's two arrays. */
static inline void tl_cmsis_split_quant(const int32_t *pairs, int32_t out_c, int32_t *multipliers, int32_t *shifts)
{
    int32_t ch;
    for (ch = 0; ch < out_c; ch++)
    {
        multipliers[ch] = pairs[2 * ch];
        shifts[ch] = pairs[2 * ch + 1];
    }
}

/* The arguments of a CMSIS-NN convolution wrapper call other than the convolution's own parameters and the data
   pointers, filled the same way by every conv adapter. */
typedef struct
{
    cmsis_nn_context context;
    cmsis_nn_per_channel_quant_params quant;
    cmsis_nn_dims input_dims;
    cmsis_nn_dims filter_dims;
    cmsis_nn_dims bias_dims;
    cmsis_nn_dims output_dims;
} tl_cmsis_conv_call;

/* Sets @p call's requantization arrays, its bias shape (out_c values) and the wrapper's buffer. */
static inline void tl_cmsis_call_finish(tl_cmsis_conv_call *call, int32_t *multipliers, int32_t *shifts, int32_t out_c,
                                        void *buffer, int32_t buffer_bytes)
{
    call->quant.multiplier = multipliers;
    call->quant.shift = shifts;
    call->bias_dims.n = 1;
    call->bias_dims.h = 1;
    call->bias_dims.w = 1;
    call->bias_dims.c = out_c;
    call->context.buf = buffer;
    call->context.size = buffer_bytes;
}

/* The validation common to the adapters whose scratch is [@p head bytes][the wrapper's buffer]: after the portable
   validation (@p status) passed and the record has the scratch output, checks its size against what the linked
   CMSIS-NN's @p buffer_size asks for (CONV_2D records). */
static inline tl_status tl_cmsis_conv_validate_scratch(const tl_op *op, const tl_tensors *tensors, int64_t head,
                                                       int32_t (*buffer_size)(const cmsis_nn_conv_params *,
                                                                              const cmsis_nn_dims *,
                                                                              const cmsis_nn_dims *,
                                                                              const cmsis_nn_dims *))
{
    cmsis_nn_conv_params conv;
    tl_cmsis_conv_call call;
    tl_cmsis_conv_decode(op->params, &conv, &call.input_dims, &call.filter_dims, &call.output_dims);
    return tl_cmsis_scratch_check(
        op, tensors, head + (int64_t)buffer_size(&conv, &call.input_dims, &call.filter_dims, &call.output_dims));
}

/* tl_cmsis_conv_validate_scratch for DEPTHWISE_CONV_2D records. */
static inline tl_status tl_cmsis_dw_validate_scratch(const tl_op *op, const tl_tensors *tensors, int64_t head,
                                                     int32_t (*buffer_size)(const cmsis_nn_dw_conv_params *,
                                                                            const cmsis_nn_dims *,
                                                                            const cmsis_nn_dims *,
                                                                            const cmsis_nn_dims *))
{
    cmsis_nn_dw_conv_params dw;
    tl_cmsis_conv_call call;
    tl_cmsis_dw_decode(op->params, &dw, &call.input_dims, &call.filter_dims, &call.output_dims);
    return tl_cmsis_scratch_check(
        op, tensors, head + (int64_t)buffer_size(&dw, &call.input_dims, &call.filter_dims, &call.output_dims));
}

/* channel-major [out_c][taps] -> TFLite's [taps][out_c] (the depthwise filter CMSIS-NN reads). */
static inline void tl_cmsis_dw_transpose(const int8_t *channel_major, int32_t out_c, int32_t taps, int8_t *filter_hwc)
{
    int32_t ch;
    for (ch = 0; ch < out_c; ch++)
    {
        const int8_t *w = channel_major + ch * taps;
        int32_t tap;
        for (tap = 0; tap < taps; tap++)
        {
            filter_hwc[tap * out_c + ch] = w[tap];
        }
    }
}

/* The bias an int8-activation adapter passes to CMSIS-NN (the file comment of tl_conv2d_s8.c): the folded bias
   b' (tensor @p folded_t) with *@p input_offset set to 0 when no tap of the validated record (CONV_2D or
   DEPTHWISE_CONV_2D) lies in the padding; else the raw bias tensor @p raw_t when the record has one (>= 0); else
   b = b' - input_offset * sum(w) rebuilt into @p raw_bias from the @p out_c filters of @p filter_size elements
   each, stored one after the other in @p filter (int8, or packed int4 when @p filter_s4). Validated sizes:
   out_c * filter_size elements fit the filter (below 2^31). */
static TL_ALWAYS_INLINE const int32_t *tl_cmsis_s8_bias(const tl_op *op, const tl_tensors *tensors, int32_t folded_t,
                                                        int32_t raw_t, const void *filter, int filter_s4, int32_t out_c,
                                                        int32_t filter_size, int32_t *raw_bias, int32_t *input_offset)
{
    const int32_t *folded_bias = (const int32_t *)(const void *)tl_tensor_data(tensors, folded_t);
    int32_t e = 0;
    int32_t ch;
    if (tl_cmsis_conv_no_padding_taps(op->params))
    {
        *input_offset = 0;
        return folded_bias;
    }
    if (raw_t >= 0)
    {
        /* The raw bias the compiler precomputed (--cmsis-nn, padding taps): validated int32 x out_c. */
        return (const int32_t *)(const void *)tl_tensor_data(tensors, raw_t);
    }
    for (ch = 0; ch < out_c; ch++)
    {
        uint32_t sum = 0;
        int32_t k;
        for (k = 0; k < filter_size; k++, e++)
        {
            if (filter_s4)
            {
                const uint8_t packed = ((const uint8_t *)filter)[e >> 1];
                /* Sign-extended nibble: low for even elements, high for odd ones. */
                const int32_t nibble = (e & 1) == 0 ? (int32_t)(packed & 0x0Fu) : (int32_t)(packed >> 4);
                sum += (uint32_t)(nibble - ((nibble & 0x8) << 1));
            }
            else
            {
                sum += (uint32_t)(int32_t)((const int8_t *)filter)[e];
            }
        }
        raw_bias[ch] = tl_cmsis_s32((uint32_t)folded_bias[ch] - (uint32_t)*input_offset * sum);
    }
    return raw_bias;
}

/* The front of an int8-activation adapter's scratch (tensor @p scratch_t): [multipliers int32 x out_c][shifts int32
   x out_c][raw bias int32 x out_c], the first two split from the image's pairs (tensor @p pairs_t). Returns the
   multipliers; validated: the scratch is 4-aligned and holds the three arrays. */
static inline int32_t *tl_cmsis_s8_scratch_quant(const tl_tensors *tensors, int32_t pairs_t, int32_t scratch_t,
                                                 int32_t out_c)
{
    int32_t *multipliers = (int32_t *)(void *)tl_tensor_data(tensors, scratch_t);
    tl_cmsis_split_quant((const int32_t *)(const void *)tl_tensor_data(tensors, pairs_t), out_c, multipliers,
                         multipliers + out_c);
    return multipliers;
}

/* arm_convolve_wrapper_s8 or arm_convolve_wrapper_s4 (the same arguments). */
typedef arm_cmsis_nn_status (*tl_cmsis_conv_s8_wrapper)(const cmsis_nn_context *ctx,
                                                        const cmsis_nn_conv_params *conv_params,
                                                        const cmsis_nn_per_channel_quant_params *quant_params,
                                                        const cmsis_nn_dims *input_dims, const int8_t *input_data,
                                                        const cmsis_nn_dims *filter_dims, const int8_t *filter_data,
                                                        const cmsis_nn_dims *bias_dims, const int32_t *bias_data,
                                                        const cmsis_nn_dims *output_dims, int8_t *output_data);

/* The CONV_2D int8-activation adapters' call (tl_conv2d_s8.c, tl_conv2d_s4.c) on a record they route: the arguments
   set up in the scratch (split requantization, the bias of tl_cmsis_s8_bias), then @p wrapper over the filter (int8,
   or packed int4 when @p filter_s4). Returns the wrapper's status. */
static inline arm_cmsis_nn_status tl_cmsis_conv_s8_call(const tl_op *op, const tl_tensors *tensors, int filter_s4,
                                                        tl_cmsis_conv_s8_wrapper wrapper)
{
    const int32_t *p = op->params;
    const int32_t out_c = p[TL_CONV_P_OUTPUT_DEPTH];
    const uint8_t *filter = tl_tensor_data(tensors, op->inputs[TL_CONV_IN_FILTER]);
    int32_t *multipliers;
    const int32_t *bias;
    cmsis_nn_conv_params conv;
    tl_cmsis_conv_call call;
    tl_cmsis_conv_decode(p, &conv, &call.input_dims, &call.filter_dims, &call.output_dims);
    multipliers =
        tl_cmsis_s8_scratch_quant(tensors, op->inputs[TL_CONV_IN_MULTIPLIERS], op->outputs[TL_CONV_OUT_SCRATCH], out_c);
    bias = tl_cmsis_s8_bias(op, tensors, op->inputs[TL_CONV_IN_BIAS],
                            op->input_count == 5 ? op->inputs[TL_CONV_IN_RAW_BIAS] : -1, filter, filter_s4, out_c,
                            p[TL_CONV_P_FILTER_HEIGHT] * p[TL_CONV_P_FILTER_WIDTH] * p[TL_CONV_P_FILTER_DEPTH],
                            multipliers + 2 * out_c, &conv.input_offset);
    tl_cmsis_call_finish(&call, multipliers, multipliers + out_c, out_c, multipliers + 3 * out_c,
                         tl_tensor_bytes(tensors, op->outputs[TL_CONV_OUT_SCRATCH]) - 12 * out_c);
    return wrapper(&call.context, &conv, &call.quant, &call.input_dims,
                   (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_CONV_IN_INPUT]), &call.filter_dims,
                   (const int8_t *)filter, &call.bias_dims, bias, &call.output_dims,
                   (int8_t *)tl_tensor_data(tensors, op->outputs[TL_CONV_OUT_OUTPUT]));
}

#endif
