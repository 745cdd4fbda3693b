/*
 * Shared by the CMSIS-NN convolution adapters: the records CMSIS-NN may be given.
 *
 * Our validation accepts any convolution geometry whose tensors fit (a window may reach past the input and its
 * padding: the portable kernels skip taps outside the input). CMSIS-NN's kernels assume the geometry TFLM derives
 * from the model (its 1x1 and 1xN paths, for instance, read input rows at y * stride without a bounds check), so a
 * hostile image with other output sizes or padding could make them read outside the input tensor. The adapters
 * therefore route only records whose output sizes and padding are what TFLM computes for SAME or VALID padding
 * (ComputeOutSize, ComputePaddingWithOffset); every image the compiler writes is such a record.
 */
#ifndef TINYLITE_TL_CMSIS_NN_GEOMETRY_H
#define TINYLITE_TL_CMSIS_NN_GEOMETRY_H

#include <stdint.h>

#include "tinylite/tl_conv_layouts.h"

/* 1 when output size `out` and padding `pad` along one axis are TFLM's for SAME or VALID padding:
   SAME:  out = ceil(in / stride)                   <=>  (out - 1) * stride < in <= out * stride;
   VALID: out = (in - effective) / stride + 1       <=>  (out - 1) * stride + effective <= in < out * stride + effective;
   pad = max(0, (out - 1) * stride + effective - in) / 2 (ComputePaddingWithOffset), effective = (filter - 1) * dilation + 1.
   No division (a 64-bit one costs a library call on Cortex-M). Validated: every term is positive and below 2^16,
   (out - 1) * stride and (filter - 1) * dilation are below 2^29, so every sum and product here fits int32. */
static inline int tl_cmsis_tflm_axis(int32_t in, int32_t filter, int32_t stride, int32_t dilation, int32_t out,
                                     int32_t pad)
{
    const int32_t effective = (filter - 1) * dilation + 1;
    const int32_t origin = (out - 1) * stride;
    const int same = origin < in && in <= origin + stride;
    const int valid = origin + effective <= in && in < origin + stride + effective;
    int32_t total = origin + effective - in;
    total = total > 0 ? total : 0;
    return (same || valid) && pad == total / 2;
}

/* 1 when a CONV_2D / DEPTHWISE_CONV_2D record (the conv layout's spatial fields, the same in the depthwise_conv
   layout) has TFLM's geometry on both axes. */
static inline int tl_cmsis_tflm_geometry(const int32_t *p)
{
    return tl_cmsis_tflm_axis(p[TL_CONV_P_INPUT_HEIGHT], p[TL_CONV_P_FILTER_HEIGHT], p[TL_CONV_P_STRIDE_HEIGHT],
                              p[TL_CONV_P_DILATION_HEIGHT], p[TL_CONV_P_OUTPUT_HEIGHT], p[TL_CONV_P_PADDING_TOP]) &&
           tl_cmsis_tflm_axis(p[TL_CONV_P_INPUT_WIDTH], p[TL_CONV_P_FILTER_WIDTH], p[TL_CONV_P_STRIDE_WIDTH],
                              p[TL_CONV_P_DILATION_WIDTH], p[TL_CONV_P_OUTPUT_WIDTH], p[TL_CONV_P_PADDING_LEFT]);
}

#endif
