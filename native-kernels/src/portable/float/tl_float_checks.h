/* Load-time checks shared by the float32 adapters (mirror of nf-runtime's FloatChecks.cs). */
#ifndef TINYLITE_TL_FLOAT_CHECKS_H
#define TINYLITE_TL_FLOAT_CHECKS_H

#include <stdint.h>

#include "tinylite/tl_float_kernels.h"

/** Largest element count a float kernel accepts (its byte size must fit an int32). */
#define TL_FLOAT_MAX_ELEMENTS (INT32_MAX / 4)

/** TL_OK when the call has exactly @p inputs inputs, @p outputs outputs and @p params params. */
tl_status tl_fl_shape(const tl_op *op, int32_t inputs, int32_t outputs, int32_t params);

/** Product of four non-negative dimensions, or -1 (refused by tl_fl_tensor) above TL_FLOAT_MAX_ELEMENTS. */
int64_t tl_fl_elements(int32_t a, int32_t b, int32_t c, int32_t d);

/** TL_OK when tensor @p t exists, is float32 with data and holds at least @p elements floats. */
tl_status tl_fl_tensor(const tl_tensors *tensors, int32_t t, int64_t elements);

/** As tl_fl_tensor, but index -1 (an omitted optional input) is accepted. */
tl_status tl_fl_optional_tensor(const tl_tensors *tensors, int32_t t, int64_t elements);

/** TL_OK when params[first .. first + count) all lie in [min, max]. */
tl_status tl_fl_within(const int32_t *params, int32_t first, int32_t count, int32_t min, int32_t max);

/** TL_OK when the IEEE-754 bit patterns give two numbers (no NaN) with min <= max. */
tl_status tl_fl_activation_range(int32_t min_bits, int32_t max_bits);

/** TL_OK when (out_size - 1) * stride + (taps - 1) * dilation and the padding stay below 2^30 (int math is safe). */
tl_status tl_fl_reach(int32_t out_size, int32_t stride, int32_t taps, int32_t dilation, int32_t padding);

/** The check of a conv_f32 (@p depthwise 0) or depthwise_conv_f32 (@p depthwise 1) record, mirror of
    FloatChecks.Conv. */
tl_status tl_fl_conv_validate(const tl_op *op, const tl_tensors *tensors, int depthwise);

/** The check of the pool_f32 layout (AVERAGE_POOL_2D, MAX_POOL_2D), mirror of PoolF32Checks.cs. */
tl_status tl_fl_pool_validate(const tl_op *op, const tl_tensors *tensors);

/** The check of the activation_f32 layout (LOGISTIC, TANH): count floats in and out. */
tl_status tl_fl_activation_validate(const tl_op *op, const tl_tensors *tensors);

/** The float whose IEEE-754 bit pattern is @p bits. */
float tl_fl_from_bits(int32_t bits);

/** min(max(x, lo), hi) with std::max / std::min argument order, as TFLM's ActivationFunctionWithMinMax. */
static inline float tl_fl_clamp(float x, float lo, float hi)
{
    x = x < lo ? lo : x;
    return hi < x ? hi : x;
}

#endif /* TINYLITE_TL_FLOAT_CHECKS_H */
