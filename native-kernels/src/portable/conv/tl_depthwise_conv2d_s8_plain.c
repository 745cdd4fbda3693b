/*
 * DEPTHWISE_CONV_2D int8, the plain loop nest: the managed kernel's (nf-runtime/src/Kernels/Conv/DepthwiseConvS8.cs,
 * TFLM reference_integer_ops::DepthwiseConvPerChannel), the reference the fast paths are tested against.
 */
#include "tl_depthwise_conv2d_plain.h"

tl_status tl_depthwise_conv2d_s8_plain(const tl_conv_params *params, const tl_conv_quant *quant,
                                       const tl_conv_dims *input_dims, const int8_t *input,
                                       const tl_conv_dims *filter_dims, const int8_t *filter, const uint8_t *bias,
                                       const tl_conv_dims *output_dims, int8_t *output)
{
    tl_status status = tl_cv_check_call(TL_CV_KIND_DEPTHWISE, params, quant, input_dims, input, filter_dims, filter,
                                        bias, output_dims, output);
    if (status != TL_OK)
    {
        return status;
    }
    tl_depthwise_conv2d_plain_run(TL_DW_PLAIN_S8, params, quant, input_dims, input, filter_dims, filter, bias,
                                  output_dims, output);
    return TL_OK;
}
