/*
 * A FULLY_CONNECTED record of the fully_connected layout as the int8-activation kernels (int8 or packed int4
 * weights, tl_fully_connected_s8.c and tl_fully_connected_s4.c) read it: its load-time check and its decode into
 * the kernels' params.
 */
#ifndef TINYLITE_TL_FC_RECORD_H
#define TINYLITE_TL_FC_RECORD_H

#include <stdint.h>

#include "tinylite/tl_dense_kernels.h"
#include "tinylite/tl_dense_layouts.h"
#include "tinylite/tl_op.h"

#include "tl_dense_validation.h"

/* Validates the record (tl_dv_fully_connected with int8 input and output, @p weight_bits 8 or 4, int32 bias), then
   its activation range against int8's. */
static inline tl_status tl_fc_record_validate(const tl_op *op, const tl_tensors *tensors, int32_t weight_bits)
{
    const tl_status e =
        tl_dv_fully_connected(op, tensors, TL_FULLY_CONNECTED_P_LENGTH, TL_TYPE_INT8, 1, weight_bits, 4);
    if (e != TL_OK)
    {
        return e;
    }
    return tl_dv_activation_range(op->params[TL_FULLY_CONNECTED_P_ACTIVATION_MIN],
                                  op->params[TL_FULLY_CONNECTED_P_ACTIVATION_MAX], -128, 127);
}

/* Decodes a validated record's Params and requantization pairs. */
static inline void tl_fc_record_decode(const tl_op *op, const tl_tensors *tensors, tl_fc_params *params,
                                       tl_fc_quant *quant)
{
    const int32_t *p = op->params;
    params->batches = p[TL_FULLY_CONNECTED_P_BATCHES];
    params->in_depth = p[TL_FULLY_CONNECTED_P_INPUT_DEPTH];
    params->out_depth = p[TL_FULLY_CONNECTED_P_OUTPUT_DEPTH];
    params->output_zero_point = p[TL_FULLY_CONNECTED_P_OUTPUT_OFFSET];
    params->act_min = p[TL_FULLY_CONNECTED_P_ACTIVATION_MIN];
    params->act_max = p[TL_FULLY_CONNECTED_P_ACTIVATION_MAX];
    quant->pairs =
        (const int32_t *)(const void *)tl_tensor_data(tensors, op->inputs[TL_FULLY_CONNECTED_IN_MULTIPLIERS]);
    quant->per_channel = p[TL_FULLY_CONNECTED_P_PER_CHANNEL];
}

#endif
