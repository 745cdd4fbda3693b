/*
 * MAX_POOL_2D int16 (code 213), bit-exact with MaxPoolS16.cs / TFLM's reference: the largest covered input
 * (padding excluded), then clamped.
 */
#include "tinylite/tl_dense_kernels.h"

#include "tl_pool_checks.h"

tl_status tl_max_pool_s16(const tl_pool_params *params, const int16_t *input, int16_t *output)
{
    int32_t batch, out_y, out_x, channel, filter_y, filter_x;
    int16_t *out = output;
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
                for (channel = 0; channel < params->depth; channel++)
                {
                    int32_t max = -32768;
                    for (filter_y = y_start; filter_y < y_end; filter_y++)
                    {
                        const int16_t *row =
                            input + ((batch_row + in_y_origin + filter_y) * params->in_width + in_x_origin) * params->depth +
                            channel;
                        for (filter_x = x_start; filter_x < x_end; filter_x++)
                        {
                            const int32_t value = row[filter_x * params->depth];
                            if (value > max)
                            {
                                max = value;
                            }
                        }
                    }
                    if (max < params->act_min)
                    {
                        max = params->act_min;
                    }
                    if (max > params->act_max)
                    {
                        max = params->act_max;
                    }
                    *out++ = (int16_t)max;
                }
            }
        }
    }
    return TL_OK;
}

tl_status tl_op_max_pool_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_dv_pool(op, tensors, TL_TYPE_INT16, 2, -32768, 32767);
}

void tl_op_max_pool_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_pool_params params;
    tl_dv_pool_params(op->params, &params);
    (void)tl_max_pool_s16(&params, (const int16_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_POOL_IN_INPUT]),
                          (int16_t *)(void *)tl_tensor_data(tensors, op->outputs[TL_POOL_OUT_OUTPUT]));
}
