/*
 * The loop nest and adapter of the four integer pooling kernels (AVERAGE_POOL_2D and MAX_POOL_2D, int8 and int16), bit-exact
 * with AveragePoolS8/S16.cs and MaxPoolS8/S16.cs. Each kernel file calls tl_pool_run with constant arguments; the
 * function is always inlined, so the compiler drops the branches on them and every kernel keeps its own loop.
 */
#ifndef TINYLITE_TL_POOL_COMMON_H
#define TINYLITE_TL_POOL_COMMON_H

#include "tinylite/tl_dense_kernels.h"

#include "../dense/tl_dense_fixed_point.h"
#include "../tl_int_element.h"
#include "tl_pool_checks.h"
#include "tl_pool_window.h"

/* What a pooling window yields: the largest covered input, or the rounded mean of the covered inputs. */
typedef enum
{
    TL_POOL_MAX,
    TL_POOL_AVERAGE
} tl_pool_kind;

/*
 * Pools every window of `input` (NHWC, element_bytes 1 or 2) into `output`. Padding is never counted; validation
 * guarantees every window covers at least one input. `lowest` is the element type's minimum (MAX's start value).
 */
static TL_ALWAYS_INLINE tl_status tl_pool_run(const tl_pool_params *params, const void *input, void *output,
                                              int32_t element_bytes, tl_pool_kind kind, int32_t lowest)
{
    int32_t batch, out_y, out_x, channel, y, x;
    unsigned char *out = (unsigned char *)output;
    if (!tl_dv_pool_params_ok(params) || input == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    for (batch = 0; batch < params->batches; batch++)
    {
        const int32_t batch_row = batch * params->in_height;
        for (out_y = 0; out_y < params->out_height; out_y++)
        {
            int32_t y_lo, y_hi;
            tl_pool_span(out_y, params->stride_height, params->filter_height, params->pad_top, params->in_height, &y_lo,
                         &y_hi);
            for (out_x = 0; out_x < params->out_width; out_x++)
            {
                int32_t x_lo, x_hi;
                int32_t count;
                tl_pool_span(out_x, params->stride_width, params->filter_width, params->pad_left, params->in_width,
                             &x_lo, &x_hi);
                count = (y_hi - y_lo) * (x_hi - x_lo);
                for (channel = 0; channel < params->depth; channel++)
                {
                    uint32_t sum = 0;
                    int32_t max = lowest;
                    int32_t acc;
                    for (y = y_lo; y < y_hi; y++)
                    {
                        /* The window's first covered input of this row and channel. */
                        const unsigned char *row =
                            (const unsigned char *)input +
                            (((batch_row + y) * params->in_width + x_lo) * params->depth + channel) * element_bytes;
                        for (x = 0; x < x_hi - x_lo; x++)
                        {
                            const int32_t value = tl_int_load(row, x * params->depth, element_bytes);
                            if (kind == TL_POOL_AVERAGE)
                            {
                                sum += (uint32_t)value;
                            }
                            else if (value > max)
                            {
                                max = value;
                            }
                        }
                    }
                    if (kind == TL_POOL_AVERAGE)
                    {
                        acc = (int32_t)sum;
                        /* Round half away from zero; C division truncates toward zero (additions wrap as in C#). */
                        acc = acc > 0 ? tl_d_wadd(acc, count / 2) / count : tl_d_wsub(acc, count / 2) / count;
                    }
                    else
                    {
                        acc = max;
                    }
                    if (acc < params->act_min)
                    {
                        acc = params->act_min;
                    }
                    if (acc > params->act_max)
                    {
                        acc = params->act_max;
                    }
                    tl_int_store(out, 0, acc, element_bytes);
                    out += element_bytes;
                }
            }
        }
    }
    return TL_OK;
}

/* Runs a validated pooling record of @p element_bytes-byte elements: decodes its Params and calls tl_pool_run. */
static TL_ALWAYS_INLINE void tl_pool_op(const tl_op *op, const tl_tensors *tensors, int32_t element_bytes,
                                        tl_pool_kind kind, int32_t lowest)
{
    tl_pool_params params;
    tl_dv_pool_params(op->params, &params);
    (void)tl_pool_run(&params, tl_tensor_data(tensors, op->inputs[TL_POOL_IN_INPUT]),
                      tl_tensor_data(tensors, op->outputs[TL_POOL_OUT_OUTPUT]), element_bytes, kind, lowest);
}

#endif /* TINYLITE_TL_POOL_COMMON_H */
