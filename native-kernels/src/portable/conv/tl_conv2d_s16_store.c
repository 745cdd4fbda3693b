/*
 * The output step of the int16 CONV_2D kernels (tl_conv_s16.h): bias, requantization and clamp of one output
 * channel's int64 sum, as TFLM's int16 reference kernel does it.
 */
#include "tinylite/tl_compiler.h"
#include "tl_conv_s16.h"

TL_NOINLINE void tl_conv2d_s16_store(uint8_t *out, int64_t acc, int32_t out_ch, const uint8_t *table,
                                     const uint8_t *bias, tl_conv_bias_type bias_type, int32_t act_min, int32_t act_max)
{
    const int32_t multiplier = tl_cv_load_i32(table + out_ch * 8);
    const int32_t shift = tl_cv_load_i32(table + out_ch * 8 + 4);
    int32_t scaled;
    if (bias_type == TL_CONV_BIAS_NONE)
    {
        scaled = tl_cv_mbqm64(acc, multiplier, shift);
    }
    else if (bias_type == TL_CONV_BIAS_INT64)
    {
        /* C#'s long addition wraps. */
        acc = tl_cv_s64((uint64_t)acc + (uint64_t)tl_cv_load_i64(bias + out_ch * 8));
        scaled = tl_cv_mbqm64(acc, multiplier, shift);
    }
    else
    {
        /* TFLM's int32 accumulator: the wrapped (truncated) sum plus the bias, wrapping. */
        uint32_t acc32 = (uint32_t)(uint64_t)acc + (uint32_t)tl_cv_load_i32(bias + out_ch * 4);
        scaled = tl_cv_mbqm(tl_cv_s32(acc32), multiplier, shift);
    }
    tl_cv_out_s16(out, scaled, act_min, act_max);
}
