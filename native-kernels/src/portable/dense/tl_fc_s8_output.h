/*
 * The output stage of FULLY_CONNECTED int8, private to the dense kernels and shared by tl_fully_connected_s8.c
 * and tl_fully_connected_s8_finish.c (the twin of FullyConnectedS8.Requantize in C#): requantize an int32
 * accumulator with TFLM's double-rounding MultiplyByQuantizedMultiplier, add the output zero point, clamp.
 */
#ifndef TINYLITE_TL_FC_S8_OUTPUT_H
#define TINYLITE_TL_FC_S8_OUTPUT_H

#include <stdint.h>

#include "tinylite/tl_dense_kernels.h"

#include "tl_dense_fixed_point.h"

/* The output stage, copied to locals: int8 stores may alias anything, so fields would be reloaded per channel. */
typedef struct
{
    const int32_t *pairs;
    int32_t pair_stride; /* 2: one pair per channel; 0: one pair for all */
    int32_t zero_point;
    int32_t act_min;
    int32_t act_max;
} tl_fc_s8_stage;

/* requantize(acc) + zero point, clamped to [act_min, act_max]; acc is the wrapped int32 sum as raw bits. */
static inline int8_t tl_fc_s8_output(uint32_t acc, int32_t out_ch, tl_fc_s8_stage stage)
{
    int32_t value = tl_d_wadd(
        tl_d_mbqm((int32_t)acc, stage.pairs[stage.pair_stride * out_ch], stage.pairs[stage.pair_stride * out_ch + 1]),
        stage.zero_point);
    if (value < stage.act_min)
    {
        value = stage.act_min;
    }
    if (value > stage.act_max)
    {
        value = stage.act_max;
    }
    return (int8_t)value;
}

/* The stage of a requantization table and an output zero point / activation range. */
static inline tl_fc_s8_stage tl_fc_s8_stage_of(const tl_fc_quant *quant, int32_t zero_point, int32_t act_min,
                                               int32_t act_max)
{
    tl_fc_s8_stage stage;
    stage.pairs = quant->pairs;
    stage.pair_stride = quant->per_channel != 0 ? 2 : 0;
    stage.zero_point = zero_point;
    stage.act_min = act_min;
    stage.act_max = act_max;
    return stage;
}

#endif /* TINYLITE_TL_FC_S8_OUTPUT_H */
