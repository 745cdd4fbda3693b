/* Size check of the CMSIS-NN scratch of CONV_2D / DEPTHWISE_CONV_2D records (see the header). */
#include "tl_conv_cmsis_scratch.h"

#include <stddef.h>

#include "tinylite/tl_image.h"

/* Params (ConvS8 / DepthwiseConvS8): 0 batches, 3 in_c, 4 filter_h, 5 filter_w, 6 filter_c (depthwise: multiplier),
   9 out_c, 10/11 strides, 12/13 dilations, 14/15 padding top/left. Validated: every term is below 2^16, so the
   products below fit int64. */

int64_t tl_conv_s8_cmsis_scratch_bytes(const int32_t *params)
{
    const int64_t in_c = params[3];
    const int64_t taps = (int64_t)params[4] * params[5] * in_c;
    int64_t buffer;
    if (params[14] == 0 && params[15] == 0 && params[4] == 1 && params[5] == 1 && params[12] == 1 && params[13] == 1 &&
        params[3] == params[6])
    {
        /* 1x1 over the whole depth without padding or dilation: 2·in_c int16 at unit stride, nothing otherwise. */
        buffer = params[10] == 1 && params[11] == 1 ? 2 * in_c * 2 : 0;
    }
    else
    {
        /* im2col of two columns, each rounded up to 4 int16. */
        buffer = 2 * ((taps + 3) / 4 * 4) * 2;
    }
    return 12 * (int64_t)params[9] + buffer;
}

int64_t tl_depthwise_conv_s8_cmsis_scratch_bytes(const int32_t *params)
{
    const int64_t out_c = params[9];
    const int64_t taps = (int64_t)params[4] * params[5];
    int64_t buffer = 0;
    /* The optimised kernel (one batch, multiplier 1, no dilation) buffers in_c·taps int16, unless 3x3 with padding <= 1. */
    if (params[3] == params[9] && params[0] == 1 && params[12] == 1 && params[13] == 1 &&
        !(params[4] == 3 && params[5] == 3 && params[14] <= 1 && params[15] <= 1))
    {
        buffer = (int64_t)params[3] * taps * 2;
    }
    /* Three int32 arrays, the filter in TFLite order rounded up to 4 bytes, the wrapper's buffer. */
    return 12 * out_c + (taps * out_c + 3) / 4 * 4 + buffer;
}

int64_t tl_conv_s4_cmsis_scratch_bytes(const int32_t *params)
{
    /* No buffer for 1x1 over the whole depth without padding or dilation; else im2col of two columns of
       filter_h * filter_w * in_c int16. */
    const int one_by_one = params[14] == 0 && params[15] == 0 && params[4] == 1 && params[5] == 1 && params[12] == 1 &&
                           params[13] == 1 && params[3] == params[6];
    return 12 * (int64_t)params[9] + (one_by_one ? 0 : 4 * (int64_t)params[4] * params[5] * params[3]);
}

int64_t tl_depthwise_conv_s4_cmsis_scratch_bytes(const int32_t *params)
{
    /* arm_depthwise_conv_s4_opt (one batch, multiplier 1, no dilation) buffers in_c·taps int16; the generic one none. */
    const int64_t buffer = params[3] == params[9] && params[0] == 1 && params[12] == 1 && params[13] == 1
                               ? 2 * (int64_t)params[3] * params[4] * params[5]
                               : 0;
    return 12 * (int64_t)params[9] + buffer;
}

int64_t tl_conv_s16_cmsis_scratch_bytes(const int32_t *params)
{
    return 4 * (int64_t)params[4] * params[5] * params[3];
}

int64_t tl_depthwise_conv_s16_cmsis_scratch_bytes(const int32_t *params)
{
    const int64_t taps = (int64_t)params[4] * params[5];
    /* arm_depthwise_conv_fast_s16 (multiplier 1, no dilation, fewer than 512 taps) buffers in_c·taps int16. */
    const int fast = params[3] == params[9] && params[12] == 1 && params[13] == 1 && taps < 512;
    return (taps * params[9] + 3) / 4 * 4 + (fast ? 2 * (int64_t)params[3] * taps : 0);
}

tl_status tl_conv_cmsis_scratch_validate(const tl_op *op, const tl_tensors *tensors, tl_cmsis_scratch_kind kind)
{
    int32_t scratch;
    int64_t needed;
    if (op->output_count != 2)
    {
        return TL_OK;
    }
    scratch = op->outputs[1];
    needed = kind == TL_CMSIS_SCRATCH_DEPTHWISE_S8    ? tl_depthwise_conv_s8_cmsis_scratch_bytes(op->params)
             : kind == TL_CMSIS_SCRATCH_DEPTHWISE_S4  ? tl_depthwise_conv_s4_cmsis_scratch_bytes(op->params)
             : kind == TL_CMSIS_SCRATCH_CONV_S4        ? tl_conv_s4_cmsis_scratch_bytes(op->params)
             : kind == TL_CMSIS_SCRATCH_CONV_S16       ? tl_conv_s16_cmsis_scratch_bytes(op->params)
             : kind == TL_CMSIS_SCRATCH_DEPTHWISE_S16 ? tl_depthwise_conv_s16_cmsis_scratch_bytes(op->params)
                                                       : tl_conv_s8_cmsis_scratch_bytes(op->params);
    if (tl_tensor_type(tensors, scratch) != TL_TYPE_INT8 || tl_tensor_bytes(tensors, scratch) < needed ||
        tl_tensor_data(tensors, scratch) == NULL || ((uintptr_t)tl_tensor_data(tensors, scratch) & 3u) != 0)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}
