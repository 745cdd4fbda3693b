/*
 * When an int8 SOFTMAX record (SoftmaxS8 / SoftmaxS8S16) can go to CMSIS-NN's arm_softmax_s8 / arm_softmax_s8_s16
 * bit-exactly. Those functions are TFLM's gemmlowp softmax with the Prepare values as arguments (multiplier, left
 * shift, diff_min), which the record carries only when compiled with --cmsis-nn (the softmax_s8 layout's optional tail,
 * validated).
 */
#ifndef TINYLITE_TL_CMSIS_NN_SOFTMAX_H
#define TINYLITE_TL_CMSIS_NN_SOFTMAX_H

#include <stdint.h>

#include "tinylite/tl_op.h"
#include "../portable/activations/tl_activation_checks.h"
#include "tl_cmsis_nn_overlap.h"

/* Longest row CMSIS-NN takes: from 512 columns on, the Q12 sum of exps can reach 2^28, where TFLM's reciprocal
   exponent passes 31 (TFLM aborts there, our kernels clamp it, CMSIS-NN's shift would be undefined). */
#define TL_CMSIS_SOFTMAX_MAX_DEPTH 511

/* 1 when the validated record @p op, reading @p input and writing @p output (@p out_bytes per element), can run
   through CMSIS-NN: it carries the Prepare values, its rows are short enough, and its output either is the input
   itself with the same element size (each element is read just before it is overwritten, as in our kernel) or
   does not overlap it. */
static inline int tl_cmsis_softmax_routable(const tl_op *op, const void *input, const void *output, int32_t out_bytes)
{
    const int32_t count = op->params[TL_SOFTMAX_S8_P_ROWS] * op->params[TL_SOFTMAX_S8_P_DEPTH];
    if (op->param_count != TL_SOFTMAX_S8_P_MAX_LENGTH || op->params[TL_SOFTMAX_S8_P_DEPTH] > TL_CMSIS_SOFTMAX_MAX_DEPTH)
    {
        return 0;
    }
    return (out_bytes == 1 && input == output) || !tl_cmsis_overlap(input, count, output, count * out_bytes);
}

#endif
