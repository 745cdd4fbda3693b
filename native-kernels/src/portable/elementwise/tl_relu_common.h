/*
 * What RELU and LEAKY_RELU int8 and int16 share (tl_relu_s8.c, tl_relu_s16.c, tl_leaky_relu_s8.c,
 * tl_leaky_relu_s16.c), bit-exact with ReluS8/S16.cs and LeakyReluS8/S16.cs (TFLM ReluQuantized, QuantizeLeakyRelu):
 * the loops (always inlined with a constant element size, so each kernel keeps its own loop), record validation and
 * parameter decoding (tl_relu_common.c).
 */
#ifndef TINYLITE_TL_RELU_COMMON_H
#define TINYLITE_TL_RELU_COMMON_H

#include "tinylite/tl_elementwise_kernels.h"

#include "tinylite/tl_image.h"

#include "../dense/tl_dense_fixed_point.h"
#include "../tl_int_element.h"

static TL_ALWAYS_INLINE tl_status tl_relu_run(const tl_relu_params *params, int32_t count, const void *input,
                                              void *output, int32_t element_bytes)
{
    int32_t i;
    if (input == 0 || output == 0 || count < 0 || params == 0 || params->shift < -31 || params->shift > 30)
    {
        return TL_ERR_ARGUMENT;
    }
    /* In place is safe: each element is read before it is written. */
    for (i = 0; i < count; i++)
    {
        const int32_t x = tl_int_load(input, i, element_bytes);
        /* zp_out + MultiplyByQuantizedMultiplier(x - zp_in), clamped (wrapping like the C# twin). */
        int32_t result = tl_d_wadd(params->output_zero_point, tl_d_mbqm(tl_d_wsub(x, params->input_zero_point),
                                                                        params->multiplier, params->shift));
        result = result < params->act_min ? params->act_min : result;
        result = result > params->act_max ? params->act_max : result;
        tl_int_store(output, i, result, element_bytes);
    }
    return TL_OK;
}

static TL_ALWAYS_INLINE tl_status tl_leaky_relu_run(const tl_leaky_relu_params *params, int32_t count,
                                                    const void *input, void *output, int32_t element_bytes)
{
    int32_t i;
    const int32_t lowest = element_bytes == 1 ? -128 : -32768;
    const int32_t highest = element_bytes == 1 ? 127 : 32767;
    if (input == 0 || output == 0 || count < 0 || params == 0 || params->identity_shift < -31 ||
        params->identity_shift > 30 || params->alpha_shift < -31 || params->alpha_shift > 30)
    {
        return TL_ERR_ARGUMENT;
    }
    /* In place is safe: each element is read before it is written. */
    for (i = 0; i < count; i++)
    {
        const int32_t x = tl_int_load(input, i, element_bytes);
        const int32_t value = tl_d_wsub(x, params->input_zero_point);
        int32_t result;
        if (value >= 0)
        {
            result = tl_d_wadd(params->output_zero_point,
                               tl_d_mbqm(value, params->identity_multiplier, params->identity_shift));
        }
        else
        {
            /* Alpha's multiplier is stored as a magnitude; a negative alpha negates the scaled value. */
            const int32_t scaled = tl_d_mbqm(value, params->alpha_multiplier, params->alpha_shift);
            result = tl_d_wadd(params->output_zero_point, params->alpha_negative != 0 ? tl_d_wsub(0, scaled) : scaled);
        }
        result = result < lowest ? lowest : result;
        result = result > highest ? highest : result;
        tl_int_store(output, i, result, element_bytes);
    }
    return TL_OK;
}

/** Validates a RELU record of element type @p type (int8 or int16) whose clamp lies in [lowest, highest]. */
tl_status tl_ew_relu_validate(const tl_op *op, const tl_tensors *tensors, int32_t type, int32_t element_bytes,
                              int32_t lowest, int32_t highest);

/** Decodes the Params of a RELU record (TL_RELU_P_*; a validated record). */
void tl_ew_relu_decode(const tl_op *op, tl_relu_params *params);

/** Runs a validated RELU record of @p element_bytes-byte elements: decodes it and calls tl_relu_run. */
static TL_ALWAYS_INLINE void tl_ew_relu_op(const tl_op *op, const tl_tensors *tensors, int32_t element_bytes)
{
    tl_relu_params params;
    tl_ew_relu_decode(op, &params);
    (void)tl_relu_run(&params, op->params[TL_RELU_P_COUNT], tl_tensor_data(tensors, op->inputs[TL_RELU_IN_INPUT]),
                      tl_tensor_data(tensors, op->outputs[TL_RELU_OUT_OUTPUT]), element_bytes);
}

/** Validates a LEAKY_RELU record of element type @p type (int8 or int16). */
tl_status tl_ew_leaky_relu_validate(const tl_op *op, const tl_tensors *tensors, int32_t type, int32_t element_bytes);

/** Decodes the Params of a LEAKY_RELU record (TL_LEAKY_RELU_P_*; a validated record). */
void tl_ew_leaky_relu_decode(const tl_op *op, tl_leaky_relu_params *params);

/** Runs a validated LEAKY_RELU record of @p element_bytes-byte elements: decodes it and calls tl_leaky_relu_run. */
static TL_ALWAYS_INLINE void tl_ew_leaky_relu_op(const tl_op *op, const tl_tensors *tensors, int32_t element_bytes)
{
    tl_leaky_relu_params params;
    tl_ew_leaky_relu_decode(op, &params);
    (void)tl_leaky_relu_run(&params, op->params[TL_LEAKY_RELU_P_COUNT],
                            tl_tensor_data(tensors, op->inputs[TL_LEAKY_RELU_IN_INPUT]),
                            tl_tensor_data(tensors, op->outputs[TL_LEAKY_RELU_OUT_OUTPUT]), element_bytes);
}

#endif /* TINYLITE_TL_RELU_COMMON_H */
