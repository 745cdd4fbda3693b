/*
 * Size check of the CMSIS-NN scratch of CONV_2D / DEPTHWISE_CONV_2D records (see the header): the native twin of the
 * byte methods of nf-runtime/src/Kernels/Conv/CmsisNnScratchCheck.cs, which the compiler also uses to reserve the
 * scratch. Keep the two identical (tests/TinyLite.Tests/Native/CmsisNnScratchTests.cs has both loaders refuse a
 * scratch 4 bytes short of the reserved size).
 */
#include "tl_conv_cmsis_scratch.h"

#include <stddef.h>

#include "tinylite/tl_conv_layouts.h"
#include "tinylite/tl_image.h"

/* Params: the conv and depthwise_conv layouts. Validated: every term is below 2^16, so the products below fit
   int64. */

int64_t tl_conv_s8_cmsis_scratch_bytes(const int32_t *params)
{
    const int64_t in_c = params[TL_CONV_P_INPUT_DEPTH];
    const int64_t taps = (int64_t)params[TL_CONV_P_FILTER_HEIGHT] * params[TL_CONV_P_FILTER_WIDTH] * in_c;
    int64_t buffer;
    if (params[TL_CONV_P_PADDING_TOP] == 0 && params[TL_CONV_P_PADDING_LEFT] == 0 &&
        params[TL_CONV_P_FILTER_HEIGHT] == 1 && params[TL_CONV_P_FILTER_WIDTH] == 1 &&
        params[TL_CONV_P_DILATION_HEIGHT] == 1 && params[TL_CONV_P_DILATION_WIDTH] == 1 &&
        params[TL_CONV_P_INPUT_DEPTH] == params[TL_CONV_P_FILTER_DEPTH])
    {
        /* 1x1 over the whole depth without padding or dilation: 2·in_c int16 at unit stride, nothing otherwise. */
        buffer = params[TL_CONV_P_STRIDE_HEIGHT] == 1 && params[TL_CONV_P_STRIDE_WIDTH] == 1 ? 2 * in_c * 2 : 0;
    }
    else
    {
        /* im2col of two columns, each rounded up to 4 int16. */
        buffer = 2 * ((taps + 3) / 4 * 4) * 2;
    }
    return 12 * (int64_t)params[TL_CONV_P_OUTPUT_DEPTH] + buffer;
}

int64_t tl_depthwise_conv_s8_cmsis_scratch_bytes(const int32_t *params)
{
    const int64_t out_c = params[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH];
    const int64_t taps = (int64_t)params[TL_DEPTHWISE_CONV_P_FILTER_HEIGHT] * params[TL_DEPTHWISE_CONV_P_FILTER_WIDTH];
    int64_t buffer = 0;
    /* The optimised kernel (one batch, multiplier 1, no dilation) buffers in_c·taps int16, unless 3x3 with padding <= 1. */
    if (params[TL_DEPTHWISE_CONV_P_INPUT_DEPTH] == params[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH] &&
        params[TL_DEPTHWISE_CONV_P_BATCHES] == 1 && params[TL_DEPTHWISE_CONV_P_DILATION_HEIGHT] == 1 &&
        params[TL_DEPTHWISE_CONV_P_DILATION_WIDTH] == 1 &&
        !(params[TL_DEPTHWISE_CONV_P_FILTER_HEIGHT] == 3 && params[TL_DEPTHWISE_CONV_P_FILTER_WIDTH] == 3 &&
          params[TL_DEPTHWISE_CONV_P_PADDING_TOP] <= 1 && params[TL_DEPTHWISE_CONV_P_PADDING_LEFT] <= 1))
    {
        buffer = (int64_t)params[TL_DEPTHWISE_CONV_P_INPUT_DEPTH] * taps * 2;
    }
    /* Three int32 arrays, the filter in TFLite order rounded up to 4 bytes, the wrapper's buffer. */
    return 12 * out_c + (taps * out_c + 3) / 4 * 4 + buffer;
}

int64_t tl_conv_s4_cmsis_scratch_bytes(const int32_t *params)
{
    /* No buffer for 1x1 over the whole depth without padding or dilation; else im2col of two columns of
       filter_h * filter_w * in_c int16. */
    const int one_by_one = params[TL_CONV_P_PADDING_TOP] == 0 && params[TL_CONV_P_PADDING_LEFT] == 0 &&
                           params[TL_CONV_P_FILTER_HEIGHT] == 1 && params[TL_CONV_P_FILTER_WIDTH] == 1 &&
                           params[TL_CONV_P_DILATION_HEIGHT] == 1 && params[TL_CONV_P_DILATION_WIDTH] == 1 &&
                           params[TL_CONV_P_INPUT_DEPTH] == params[TL_CONV_P_FILTER_DEPTH];
    const int64_t columns =
        (int64_t)params[TL_CONV_P_FILTER_HEIGHT] * params[TL_CONV_P_FILTER_WIDTH] * params[TL_CONV_P_INPUT_DEPTH];
    return 12 * (int64_t)params[TL_CONV_P_OUTPUT_DEPTH] + (one_by_one ? 0 : 4 * columns);
}

int64_t tl_depthwise_conv_s4_cmsis_scratch_bytes(const int32_t *params)
{
    /* arm_depthwise_conv_s4_opt (one batch, multiplier 1, no dilation) buffers in_c·taps int16; the generic one none. */
    const int optimised = params[TL_DEPTHWISE_CONV_P_INPUT_DEPTH] == params[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH] &&
                          params[TL_DEPTHWISE_CONV_P_BATCHES] == 1 &&
                          params[TL_DEPTHWISE_CONV_P_DILATION_HEIGHT] == 1 &&
                          params[TL_DEPTHWISE_CONV_P_DILATION_WIDTH] == 1;
    const int64_t buffer = optimised ? 2 * (int64_t)params[TL_DEPTHWISE_CONV_P_INPUT_DEPTH] *
                                           params[TL_DEPTHWISE_CONV_P_FILTER_HEIGHT] *
                                           params[TL_DEPTHWISE_CONV_P_FILTER_WIDTH]
                                     : 0;
    return 12 * (int64_t)params[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH] + buffer;
}

int64_t tl_conv_s16_cmsis_scratch_bytes(const int32_t *params)
{
    return 4 * (int64_t)params[TL_CONV_P_FILTER_HEIGHT] * params[TL_CONV_P_FILTER_WIDTH] *
           params[TL_CONV_P_INPUT_DEPTH];
}

int64_t tl_depthwise_conv_s16_cmsis_scratch_bytes(const int32_t *params)
{
    const int64_t taps = (int64_t)params[TL_DEPTHWISE_CONV_P_FILTER_HEIGHT] * params[TL_DEPTHWISE_CONV_P_FILTER_WIDTH];
    /* arm_depthwise_conv_fast_s16 (multiplier 1, no dilation, fewer than 512 taps) buffers in_c·taps int16. */
    const int fast = params[TL_DEPTHWISE_CONV_P_INPUT_DEPTH] == params[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH] &&
                     params[TL_DEPTHWISE_CONV_P_DILATION_HEIGHT] == 1 &&
                     params[TL_DEPTHWISE_CONV_P_DILATION_WIDTH] == 1 && taps < 512;
    return (taps * params[TL_DEPTHWISE_CONV_P_OUTPUT_DEPTH] + 3) / 4 * 4 +
           (fast ? 2 * (int64_t)params[TL_DEPTHWISE_CONV_P_INPUT_DEPTH] * taps : 0);
}

tl_status tl_conv_cmsis_scratch_validate(const tl_op *op, const tl_tensors *tensors, tl_cmsis_scratch_kind kind)
{
    int32_t scratch;
    int64_t needed;
    if (op->output_count != 2)
    {
        return TL_OK;
    }
    scratch = op->outputs[TL_CONV_OUT_SCRATCH];
    needed = kind == TL_CMSIS_SCRATCH_DEPTHWISE_S8    ? tl_depthwise_conv_s8_cmsis_scratch_bytes(op->params)
             : kind == TL_CMSIS_SCRATCH_DEPTHWISE_S4  ? tl_depthwise_conv_s4_cmsis_scratch_bytes(op->params)
             : kind == TL_CMSIS_SCRATCH_CONV_S4       ? tl_conv_s4_cmsis_scratch_bytes(op->params)
             : kind == TL_CMSIS_SCRATCH_CONV_S16      ? tl_conv_s16_cmsis_scratch_bytes(op->params)
             : kind == TL_CMSIS_SCRATCH_DEPTHWISE_S16 ? tl_depthwise_conv_s16_cmsis_scratch_bytes(op->params)
                                                      : tl_conv_s8_cmsis_scratch_bytes(op->params);
    if (tl_tensor_type(tensors, scratch) != TL_TYPE_INT8 || tl_tensor_bytes(tensors, scratch) < needed ||
        tl_tensor_data(tensors, scratch) == NULL || ((uintptr_t)tl_tensor_data(tensors, scratch) & 3u) != 0)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}
