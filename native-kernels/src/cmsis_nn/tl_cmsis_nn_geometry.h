/*
 * Shared by the CMSIS-NN convolution adapters: the records CMSIS-NN may be given.
 *
 * Our validation accepts any convolution geometry whose tensors fit (a window may reach past the input and its
 * padding: the reference kernels skip taps outside the input). CMSIS-NN's kernels assume the geometry TFLM derives
 * from the model (its 1x1 and 1xN paths, for instance, read input rows at y * stride without a bounds check), so a
 * hostile image with other output sizes or padding could make them read outside the input tensor. The adapters
 * therefore route only records whose output sizes and padding are what TFLM computes for SAME or VALID padding
 * (ComputeOutSize, ComputePaddingWithOffset); every image the compiler writes is such a record.
 */
#ifndef TINYLITE_TL_CMSIS_NN_GEOMETRY_H
#define TINYLITE_TL_CMSIS_NN_GEOMETRY_H

#include <stdint.h>

/* 1 when output size `out` and padding `pad` along one axis are TFLM's for SAME or VALID padding. Validated
   terms are positive and below 2^16 (padding non-negative), so the arithmetic fits int64. */
static inline int tl_cmsis_tflm_axis(int32_t in, int32_t filter, int32_t stride, int32_t dilation, int32_t out,
                                     int32_t pad)
{
    const int64_t effective = (int64_t)(filter - 1) * dilation + 1;
    const int64_t out_same = ((int64_t)in + stride - 1) / stride;
    const int64_t out_valid = ((int64_t)in + stride - effective) / stride;
    int64_t total = ((int64_t)out - 1) * stride + effective - in;
    if (out != out_same && out != out_valid)
    {
        return 0;
    }
    total = total > 0 ? total : 0;
    return pad == total / 2;
}

/* 1 when a CONV_2D / DEPTHWISE_CONV_2D record (Params layout of ConvS8) has TFLM's geometry on both axes. */
static inline int tl_cmsis_tflm_geometry(const int32_t *p)
{
    return tl_cmsis_tflm_axis(p[1], p[4], p[10], p[12], p[7], p[14]) &&
           tl_cmsis_tflm_axis(p[2], p[5], p[11], p[13], p[8], p[15]);
}

#endif
