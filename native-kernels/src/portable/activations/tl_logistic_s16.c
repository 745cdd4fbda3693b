/*
 * LOGISTIC int16 (code 241; input zero point 0, output scale 2^-15), bit-exact with LogisticS16.cs / TFLM's
 * reference int16 Logistic: the input is rescaled to steps of 1/(3 * 4096), |x| indexes the 256-entry sigmoid
 * table (0.16 format) with 9 bits of linear interpolation; negative inputs use 1 - sigmoid(|x|).
 */
#include "tinylite/tl_dense_kernels.h"

#include "../dense/tl_dense_fixed_point.h"
#include "tl_activation_checks.h"

tl_status tl_logistic_s16(int32_t count, int32_t multiplier, int32_t shift, const int16_t *input, const uint16_t *table,
                          int16_t *output)
{
    int32_t i;
    int32_t round;
    if (input == 0 || table == 0 || output == 0 || count < 0 || multiplier < 0 || multiplier > 32767 || shift < 0 ||
        shift > 31)
    {
        return TL_ERR_ARGUMENT;
    }
    round = shift > 0 ? (int32_t)((uint32_t)1 << (shift - 1)) : 0;
    for (i = 0; i < count; i++)
    {
        /* |x * multiplier| <= 32768 * 32767 and round <= 2^30: the sum stays inside int32. */
        const int32_t scaled = tl_d_asr32(tl_d_wadd(input[i] * multiplier, round), (int)shift);
        const uint32_t magnitude = (uint32_t)(scaled < 0 ? -scaled : scaled);
        const uint32_t index = magnitude >> 9;
        uint32_t result;
        if (index >= 255)
        {
            result = 0x7FFFu << 10;
        }
        else
        {
            const uint32_t lower = table[index];
            const uint32_t upper = table[index + 1];
            result = (lower << 9) + (magnitude & 0x1FF) * (upper - lower);
        }
        result = scaled >= 0 ? result + (1u << 9) : (1u << 25) - result + (1u << 9) - 1;
        result >>= 10;
        output[i] = (int16_t)(uint16_t)result;
    }
    return TL_OK;
}

tl_status tl_op_logistic_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_dv_lookup_s16(op, tensors);
}

void tl_op_logistic_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_lookup_s16_run(op, tensors, tl_logistic_s16);
}
