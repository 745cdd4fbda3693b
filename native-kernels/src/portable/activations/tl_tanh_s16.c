/*
 * TANH int16 (code 242; input zero point 0, output scale 2^-15), bit-exact with TanhS16.cs / TFLM's reference
 * int16 Tanh: tanh(x) = 2 * sigmoid(2x) - 1 through the sigmoid table, 8 bits of interpolation.
 */
#include "tinylite/tl_dense_kernels.h"

#include "../dense/tl_dense_fixed_point.h"
#include "tl_activation_checks.h"

tl_status tl_tanh_s16(int32_t count, int32_t multiplier, int32_t shift, const int16_t *input, const uint16_t *table,
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
        const int32_t scaled = tl_d_asr32(tl_d_wadd(input[i] * multiplier, round), (int)shift);
        const uint32_t magnitude = (uint32_t)(scaled < 0 ? -scaled : scaled);
        const uint32_t index = magnitude >> 8;
        int32_t result;
        if (index >= 255)
        {
            result = 0xFFFF << 8;
        }
        else
        {
            const uint32_t lower = table[index];
            const uint32_t upper = table[index + 1];
            result = (int32_t)((lower << 8) + (magnitude & 0xFF) * (upper - lower));
        }
        /* 2 * sigmoid - 1 around the table's 0.5 (1 << 23 after the shift), rounded. */
        result = scaled >= 0 ? tl_d_wadd(tl_d_wsub(result, 1 << 23), 1 << 7)
                             : tl_d_wadd(tl_d_wsub(0, result), (1 << 23) + (1 << 7) - 1);
        result = tl_d_asr32(result, 8);
        output[i] = (int16_t)result;
    }
    return TL_OK;
}

tl_status tl_op_tanh_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_dv_lookup_s16(op, tensors);
}

void tl_op_tanh_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_lookup_s16_run(op, tensors, tl_tanh_s16);
}
