/*
 * AVERAGE_POOL_2D int8 (code 210), bit-exact with AveragePoolS8.cs / TFLM's reference: the sum of the
 * covered inputs (padding excluded) divided by their count, rounded half away from zero, then clamped.
 * An optional second output is the CMSIS-NN backend's scratch (compile --cmsis-nn): validated, never touched here.
 */
#include "tinylite/tl_dense_kernels.h"

#include "../dense/tl_dense_fixed_point.h"
#include "tl_pool_checks.h"

tl_status tl_average_pool_s8(const tl_pool_params *params, const int8_t *input, int8_t *output)
{
    int32_t batch, out_y, out_x, channel, filter_y, filter_x;
    int8_t *out = output;
    if (!tl_dv_pool_params_ok(params) || input == 0 || output == 0)
    {
        return TL_ERR_ARGUMENT;
    }
    for (batch = 0; batch < params->batches; batch++)
    {
        const int32_t batch_row = batch * params->in_height;
        for (out_y = 0; out_y < params->out_height; out_y++)
        {
            const int32_t in_y_origin = out_y * params->stride_height - params->pad_top;
            const int32_t y_start = in_y_origin < 0 ? -in_y_origin : 0;
            const int32_t y_end = params->in_height - in_y_origin < params->filter_height
                                      ? params->in_height - in_y_origin
                                      : params->filter_height;
            for (out_x = 0; out_x < params->out_width; out_x++)
            {
                const int32_t in_x_origin = out_x * params->stride_width - params->pad_left;
                const int32_t x_start = in_x_origin < 0 ? -in_x_origin : 0;
                const int32_t x_end = params->in_width - in_x_origin < params->filter_width
                                          ? params->in_width - in_x_origin
                                          : params->filter_width;
                /* Validation guarantees every window covers at least one input: count >= 1. */
                const int32_t count = (y_end - y_start) * (x_end - x_start);
                for (channel = 0; channel < params->depth; channel++)
                {
                    uint32_t sum = 0;
                    int32_t acc;
                    for (filter_y = y_start; filter_y < y_end; filter_y++)
                    {
                        const int8_t *row =
                            input + ((batch_row + in_y_origin + filter_y) * params->in_width + in_x_origin) * params->depth +
                            channel;
                        for (filter_x = x_start; filter_x < x_end; filter_x++)
                        {
                            sum += (uint32_t)(int32_t)row[filter_x * params->depth];
                        }
                    }
                    acc = (int32_t)sum;
                    /* Round half away from zero; C division truncates toward zero (additions wrap as in C#). */
                    acc = acc > 0 ? tl_d_wadd(acc, count / 2) / count : tl_d_wsub(acc, count / 2) / count;
                    if (acc < params->act_min)
                    {
                        acc = params->act_min;
                    }
                    if (acc > params->act_max)
                    {
                        acc = params->act_max;
                    }
                    *out++ = (int8_t)acc;
                }
            }
        }
    }
    return TL_OK;
}

tl_status tl_op_average_pool_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_dv_average_pool(op, tensors, TL_TYPE_INT8, 1, -128, 127);
}

void tl_op_average_pool_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_pool_params params;
    tl_dv_pool_params(op->params, &params);
    (void)tl_average_pool_s8(&params,
                             (const int8_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_POOL_IN_INPUT]),
                             (int8_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_POOL_OUT_OUTPUT]));
}
