/*
 * DEPTHWISE_CONV_2D, int8 activations, packed int4 channel-major weights, folded int32 bias (required).
 * Twin of nf-runtime/src/Kernels/Conv/DepthwiseConvS4.cs: element e = (out_c * f_h + f_y) * f_w + f_x is the
 * low nibble of byte e/2 when e is even, the high nibble when odd, sign-extended.
 *
 * tl_depthwise_conv2d_s4_plain is the managed loop nest, reading the nibbles in place. tl_depthwise_conv2d_s4
 * runs the int8 machinery over weights unpacked to int8 on the stack (TL_S4_DW_UNPACK_MAX bytes; an int4 value
 * widened to int8 is the same integer and the int8 kernels define the same sums, so the bytes are the same):
 *  - a whole filter that fits: unpacked once, then tl_depthwise_conv2d_s8 with all its paths;
 *  - otherwise groups of input channels whose taps (depth_multiplier outputs each) fit, each group through the
 *    tiled path tl_depthwise_s8_tiled on channel-offset views of the tensors (the tensors keep their strides);
 *  - the plain loop when the tiled path does not take the shape (dilation, large input offsets) or when one
 *    channel's taps do not fit.
 */
#include "tl_conv_common.h"

#include "tl_conv_blocks.h"
#include "tl_depthwise_conv2d_plain.h"
#include "../tl_s4.h"
#include "tl_conv_cmsis_scratch.h"

/* Bytes of unpacked int8 taps on the stack (a 3x3 filter: 28 channels). */
#define TL_S4_DW_UNPACK_MAX 256

tl_status tl_depthwise_conv2d_s4_plain(const tl_conv_params *params, const tl_conv_quant *quant,
                                       const tl_conv_dims *input_dims, const int8_t *input,
                                       const tl_conv_dims *filter_dims, const uint8_t *filter_packed,
                                       const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output)
{
    /* The checks spelled out, not tl_cv_check_call: with a call before it GCC allocates the inlined loop nest's
       registers worse (0.4% more instructions on Cortex-M4). */
    tl_status status =
        tl_cv_check_shapes(TL_CV_KIND_DEPTHWISE, params, input_dims, filter_dims, output_dims, -128, 127);
    if (status != TL_OK)
    {
        return status;
    }
    if (quant == 0 || quant->table == 0 || input == 0 || filter_packed == 0 || bias == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    tl_depthwise_conv2d_plain_run(TL_DW_PLAIN_S4, params, quant, input_dims, input, filter_dims, filter_packed, bias,
                                  output_dims, output);
    return TL_OK;
}

/*
 * Input channels [ch_begin, ch_end) through the tiled int8 path with the group's taps unpacked into @p taps_buf:
 * the tensors are viewed from channel ch_begin (input + ch_begin, output + ch_begin * mult, bias and table from
 * output channel ch_begin * mult), so channel 0 of the view is ch_begin and the filter of the view starts at
 * the buffer. Returns 0 (nothing written) when the tiled path does not take the shape.
 */
static int tl_depthwise_s4_tiled_group(const tl_conv_params *params, const tl_conv_quant *quant,
                                       const tl_conv_dims *input_dims, const int8_t *input,
                                       const tl_conv_dims *filter_dims, const uint8_t *filter_packed,
                                       const uint8_t *bias, const tl_conv_dims *output_dims, int32_t ch_begin,
                                       int32_t ch_end, int8_t *taps_buf, int8_t *output, int32_t out_px_stride,
                                       int32_t out_ch_stride)
{
    const int32_t mult = params->depth_multiplier;
    const int32_t taps = filter_dims->height * filter_dims->width;
    const int32_t first_out = ch_begin * mult;
    tl_conv_quant view_quant;
    tl_s4_unpack(filter_packed, first_out * taps, (ch_end - ch_begin) * mult * taps, taps_buf);
    view_quant.table = quant->table + first_out * 8;
    return tl_depthwise_s8_tiled(params, &view_quant, input_dims, input + ch_begin, filter_dims, taps_buf,
                                 bias + first_out * 4, output_dims, 0, ch_end - ch_begin,
                                 output + first_out * out_ch_stride, out_px_stride, out_ch_stride);
}

tl_status tl_depthwise_conv2d_s4(const tl_conv_params *params, const tl_conv_quant *quant,
                                 const tl_conv_dims *input_dims, const int8_t *input, const tl_conv_dims *filter_dims,
                                 const uint8_t *filter_packed, const uint8_t *bias, const tl_conv_dims *output_dims,
                                 int8_t *output)
{
    int8_t taps_buf[TL_S4_DW_UNPACK_MAX];
    int64_t per_channel;
    int32_t group;
    int32_t ch;
    tl_status status = tl_cv_check_call(TL_CV_KIND_DEPTHWISE, params, quant, input_dims, input, filter_dims,
                                        filter_packed, bias, output_dims, output);
    if (status != TL_OK)
    {
        return status;
    }
    /* Dimensions are in [1, 65535] (checked above): the products fit int64. */
    per_channel = (int64_t)params->depth_multiplier * filter_dims->height * filter_dims->width;
    if (per_channel * input_dims->channels <= TL_S4_DW_UNPACK_MAX)
    {
        tl_s4_unpack(filter_packed, 0, (int32_t)(per_channel * input_dims->channels), taps_buf);
        return tl_depthwise_conv2d_s8(params, quant, input_dims, input, filter_dims, taps_buf, bias, output_dims,
                                      output);
    }
    if (per_channel > TL_S4_DW_UNPACK_MAX || !tl_cv_geometry_fits(params, input_dims, filter_dims, output_dims))
    {
        return tl_depthwise_conv2d_s4_plain(params, quant, input_dims, input, filter_dims, filter_packed, bias,
                                            output_dims, output);
    }
    /* Input channels per group: their taps fill the buffer. The tiled path decides from the shape alone, so it
       takes every group or (at the first) none. */
    group = (int32_t)(TL_S4_DW_UNPACK_MAX / per_channel);
    for (ch = 0; ch < input_dims->channels; ch += group)
    {
        const int32_t end = ch + group < input_dims->channels ? ch + group : input_dims->channels;
        if (!tl_depthwise_s4_tiled_group(params, quant, input_dims, input, filter_dims, filter_packed, bias,
                                         output_dims, ch, end, taps_buf, output, output_dims->channels, 1))
        {
            return tl_depthwise_conv2d_s4_plain(params, quant, input_dims, input, filter_dims, filter_packed, bias,
                                                output_dims, output);
        }
    }
    return TL_OK;
}

tl_status tl_op_depthwise_conv2d_s4_validate(const tl_op *op, const tl_tensors *tensors)
{
    tl_status status = tl_cv_check_depthwise(op, tensors, TL_CV_TYPE_INT8, TL_CV_TYPE_INT4, 1, 0, 1);
    /* An optional second output is the CMSIS-NN scratch: every build checks its size (managed agreement). */
    return status != TL_OK ? status : tl_conv_cmsis_scratch_validate(op, tensors, TL_CMSIS_SCRATCH_DEPTHWISE_S4);
}

void tl_op_depthwise_conv2d_s4(const tl_op *op, const tl_tensors *tensors)
{
    tl_cv_call call;
    tl_cv_decode_depthwise_op(op, tensors, TL_DEPTHWISE_CONV_IN_MULTIPLIERS, &call);
    /* Validated: the status is TL_OK. */
    (void)tl_depthwise_conv2d_s4(&call.params, &call.quant, &call.input_dims,
                                 (const int8_t *)tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_IN_INPUT]),
                                 &call.filter_dims, tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_IN_FILTER]),
                                 tl_tensor_data(tensors, op->inputs[TL_DEPTHWISE_CONV_IN_BIAS]), &call.output_dims,
                                 (int8_t *)tl_tensor_data(tensors, op->outputs[TL_DEPTHWISE_CONV_OUT_OUTPUT]));
}
