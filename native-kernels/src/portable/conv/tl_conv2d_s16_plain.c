/*
 * CONV_2D int16, the plain loop nest: the managed kernel's (nf-runtime/src/Kernels/Conv/ConvS16.cs), the reference
 * the fast paths of tl_conv2d_s16.c are tested against.
 */
#include "tl_conv2d_plain.h"

tl_status tl_conv2d_s16_plain(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                              const uint8_t *input, const tl_conv_dims *filter_dims, const int8_t *filter,
                              const uint8_t *bias, tl_conv_bias_type bias_type, const tl_conv_dims *output_dims,
                              uint8_t *output)
{
    tl_status status = tl_conv2d_s16_check(params, quant, input_dims, input, filter_dims, filter, bias, bias_type,
                                           output_dims, output);
    if (status != TL_OK)
    {
        return status;
    }
    tl_conv2d_plain_run(TL_CONV_PLAIN_S16, params, quant, input_dims, input, filter_dims, filter, bias, bias_type,
                        output_dims, output);
    return TL_OK;
}
