/*
 * What MEAN int8 and int16 share (tl_mean_s8.c, tl_mean_s16.c), bit-exact with MeanS8.cs / MeanS16.cs: the loop nest
 * (a wrapping int32 sum per output plus the folded -input_zero_point * count, requantized, plus the output zero point,
 * clamped to the element type's range) and the adapter's Params decoding. Always inlined with a constant element
 * size, so each kernel keeps its own loop.
 */
#ifndef TINYLITE_TL_MEAN_COMMON_H
#define TINYLITE_TL_MEAN_COMMON_H

#include "tinylite/tl_dense_kernels.h"

#include "../tl_int_element.h"
#include "tl_dense_fixed_point.h"

static TL_ALWAYS_INLINE tl_status tl_mean_run(const tl_mean_params *params, const void *input, void *output,
                                              int32_t element_bytes)
{
    int32_t stride0, stride1, stride2;
    int32_t keep0, keep1, keep2, keep3;
    int32_t red0, red1, red2, red3;
    int32_t i0, i1, i2, i3, j0, j1, j2, j3;
    int32_t mask;
    const int32_t lowest = element_bytes == 1 ? -128 : -32768;
    const int32_t highest = element_bytes == 1 ? 127 : 32767;
    unsigned char *out = (unsigned char *)output;
    if (params == 0 || input == 0 || output == 0 || params->dims[0] < 1 || params->dims[1] < 1 || params->dims[2] < 1 ||
        params->dims[3] < 1)
    {
        return TL_ERR_ARGUMENT;
    }
    mask = params->reduced_mask;
    /* Element strides of axes 2, 1, 0 (axis 3 is contiguous). */
    stride2 = params->dims[3];
    stride1 = params->dims[2] * stride2;
    stride0 = params->dims[1] * stride1;
    /* Outer loops walk the kept axes (extent 1 when reduced), inner loops the reduced ones. */
    keep0 = (mask & 1) != 0 ? 1 : params->dims[0];
    keep1 = (mask & 2) != 0 ? 1 : params->dims[1];
    keep2 = (mask & 4) != 0 ? 1 : params->dims[2];
    keep3 = (mask & 8) != 0 ? 1 : params->dims[3];
    red0 = (mask & 1) != 0 ? params->dims[0] : 1;
    red1 = (mask & 2) != 0 ? params->dims[1] : 1;
    red2 = (mask & 4) != 0 ? params->dims[2] : 1;
    red3 = (mask & 8) != 0 ? params->dims[3] : 1;
    for (i0 = 0; i0 < keep0; i0++)
    {
        for (i1 = 0; i1 < keep1; i1++)
        {
            for (i2 = 0; i2 < keep2; i2++)
            {
                for (i3 = 0; i3 < keep3; i3++)
                {
                    const int32_t base = i0 * stride0 + i1 * stride1 + i2 * stride2 + i3;
                    uint32_t sum = 0;
                    int32_t value;
                    for (j0 = 0; j0 < red0; j0++)
                    {
                        for (j1 = 0; j1 < red1; j1++)
                        {
                            for (j2 = 0; j2 < red2; j2++)
                            {
                                const unsigned char *at =
                                    (const unsigned char *)input +
                                    (base + j0 * stride0 + j1 * stride1 + j2 * stride2) * element_bytes;
                                for (j3 = 0; j3 < red3; j3++)
                                {
                                    sum += (uint32_t)tl_int_load(at, j3, element_bytes);
                                }
                            }
                        }
                    }
                    value = tl_d_mbqm(tl_d_wadd((int32_t)sum, params->folded), params->multiplier, params->shift);
                    value = tl_d_wadd(value, params->output_zero_point);
                    if (value < lowest)
                    {
                        value = lowest;
                    }
                    if (value > highest)
                    {
                        value = highest;
                    }
                    tl_int_store(out, 0, value, element_bytes);
                    out += element_bytes;
                }
            }
        }
    }
    return TL_OK;
}

/* Runs a validated MEAN record of @p element_bytes-byte elements: decodes its Params and calls tl_mean_run. */
static TL_ALWAYS_INLINE void tl_mean_op(const tl_op *op, const tl_tensors *tensors, int32_t element_bytes)
{
    const int32_t *p = op->params;
    tl_mean_params params;
    params.dims[0] = p[TL_MEAN_P_DIMS];
    params.dims[1] = p[TL_MEAN_P_DIMS + 1];
    params.dims[2] = p[TL_MEAN_P_DIMS + 2];
    params.dims[3] = p[TL_MEAN_P_DIMS + 3];
    params.reduced_mask = p[TL_MEAN_P_AXES_MASK];
    params.multiplier = p[TL_MEAN_P_MULTIPLIER];
    params.shift = p[TL_MEAN_P_SHIFT];
    params.output_zero_point = p[TL_MEAN_P_OUTPUT_OFFSET];
    params.folded = p[TL_MEAN_P_FOLDED_INPUT_TERM];
    (void)tl_mean_run(&params, tl_tensor_data(tensors, op->inputs[TL_MEAN_IN_INPUT]),
                      tl_tensor_data(tensors, op->outputs[TL_MEAN_OUT_OUTPUT]), element_bytes);
}

#endif /* TINYLITE_TL_MEAN_COMMON_H */
