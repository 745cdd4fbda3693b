/*
 * CONV_2D int8 x packed int4, the plain loop nest: the managed kernel's (nf-runtime/src/Kernels/Conv/ConvS4.cs),
 * reading each nibble in place (flat OHWI element e: low nibble of byte e/2 when e is even, high nibble when odd,
 * sign-extended); sums in uint32 (C#'s wrapping int32). The reference the fast paths are tested against.
 */
#include "tl_conv2d_plain.h"

tl_status tl_conv2d_s4_plain(const tl_conv_params *params, const tl_conv_quant *quant, const tl_conv_dims *input_dims,
                             const int8_t *input, const tl_conv_dims *filter_dims, const uint8_t *filter_packed,
                             const uint8_t *bias, const tl_conv_dims *output_dims, int8_t *output)
{
    tl_status status = tl_cv_check_call(TL_CV_KIND_CONV, params, quant, input_dims, input, filter_dims, filter_packed,
                                        bias, output_dims, output);
    if (status != TL_OK)
    {
        return status;
    }
    tl_conv2d_plain_run(TL_CONV_PLAIN_S4, params, quant, input_dims, input, filter_dims, filter_packed, bias,
                        TL_CONV_BIAS_INT32, output_dims, output);
    return TL_OK;
}
