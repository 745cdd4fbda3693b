/*
 * Shared by the CMSIS-NN pooling adapters: the pooling Params (the pool layout, TL_POOL_P_*) decoded into
 * CMSIS-NN's structures, and the route decision and arguments of the average pools.
 */
#ifndef TINYLITE_TL_CMSIS_NN_POOL_H
#define TINYLITE_TL_CMSIS_NN_POOL_H

#include <stddef.h>
#include <stdint.h>

#include "arm_nnfunctions.h"

#include "tinylite/tl_dense_layouts.h"
#include "tinylite/tl_op.h"
#include "tinylite/tl_status.h"
#include "tl_cmsis_nn_overlap.h"

/* TFLM's padding values are CMSIS-NN's (window origin = out * stride - pad). */
static inline void tl_cmsis_pool_decode(const int32_t *p, cmsis_nn_pool_params *pool, cmsis_nn_dims *input_dims,
                                        cmsis_nn_dims *filter_dims, cmsis_nn_dims *output_dims)
{
    input_dims->n = p[TL_POOL_P_BATCHES];
    input_dims->h = p[TL_POOL_P_INPUT_HEIGHT];
    input_dims->w = p[TL_POOL_P_INPUT_WIDTH];
    input_dims->c = p[TL_POOL_P_DEPTH];
    filter_dims->n = 1;
    filter_dims->h = p[TL_POOL_P_FILTER_HEIGHT];
    filter_dims->w = p[TL_POOL_P_FILTER_WIDTH];
    filter_dims->c = 1;
    output_dims->n = p[TL_POOL_P_BATCHES];
    output_dims->h = p[TL_POOL_P_OUTPUT_HEIGHT];
    output_dims->w = p[TL_POOL_P_OUTPUT_WIDTH];
    output_dims->c = p[TL_POOL_P_DEPTH];
    pool->stride.h = p[TL_POOL_P_STRIDE_HEIGHT];
    pool->stride.w = p[TL_POOL_P_STRIDE_WIDTH];
    pool->padding.h = p[TL_POOL_P_PADDING_TOP];
    pool->padding.w = p[TL_POOL_P_PADDING_LEFT];
    pool->activation.min = p[TL_POOL_P_ACTIVATION_MIN];
    pool->activation.max = p[TL_POOL_P_ACTIVATION_MAX];
}

/* The arguments of a CMSIS-NN pooling call: the data and what tl_cmsis_pool_decode fills. */
typedef struct
{
    const void *input;
    void *output;
    cmsis_nn_context context;
    cmsis_nn_pool_params pool;
    cmsis_nn_dims input_dims;
    cmsis_nn_dims filter_dims;
    cmsis_nn_dims output_dims;
} tl_cmsis_pool_call;

/* The arguments of arm_max_pool_s8 / arm_max_pool_s16 for a validated MAX_POOL_2D record (no buffer); returns 0
   when its output overlaps its input (pooling writes before it has read everything): the portable kernel runs. */
static inline int tl_cmsis_maxpool_setup(const tl_op *op, const tl_tensors *tensors, tl_cmsis_pool_call *call)
{
    call->input = tl_tensor_data(tensors, op->inputs[TL_POOL_IN_INPUT]);
    call->output = tl_tensor_data(tensors, op->outputs[TL_POOL_OUT_OUTPUT]);
    if (tl_cmsis_overlap(call->input, tl_tensor_bytes(tensors, op->inputs[TL_POOL_IN_INPUT]), call->output,
                         tl_tensor_bytes(tensors, op->outputs[TL_POOL_OUT_OUTPUT])))
    {
        return 0;
    }
    tl_cmsis_pool_decode(op->params, &call->pool, &call->input_dims, &call->filter_dims, &call->output_dims);
    call->context.buf = NULL;
    call->context.size = 0;
    return 1;
}

/* CMSIS-NN's scratch size function of an average pool (arm_avgpool_s8_get_buffer_size, ..._s16_...). */
typedef int32_t (*tl_cmsis_avgpool_buffer_size)(const int output_x, const int ch_src);

/* The CMSIS-NN part of an average pool's validation, after the portable one returned @p reference: a reserved
   scratch must also cover what the linked CMSIS-NN asks for (@p buffer_size). */
static inline tl_status tl_cmsis_avgpool_validate(const tl_op *op, const tl_tensors *tensors, tl_status reference,
                                                  tl_cmsis_avgpool_buffer_size buffer_size)
{
    /* Without the scratch slot there is nothing more to check. */
    if (reference != TL_OK || op->output_count == TL_POOL_OUT_SCRATCH)
    {
        return reference;
    }
    return tl_tensor_bytes(tensors, op->outputs[TL_POOL_OUT_SCRATCH]) <
                   (int64_t)buffer_size(op->params[TL_POOL_P_OUTPUT_WIDTH], op->params[TL_POOL_P_DEPTH])
               ? TL_ERR_PARAMS
               : TL_OK;
}

/* The arguments of arm_avgpool_s8 / arm_avgpool_s16 for a validated AVERAGE_POOL_2D record with @p elem_bytes per
   element (its tensors' data in @p call), whose linked CMSIS-NN sums exactly below @p max_taps taps;
   returns 0 when the record must run the portable kernel instead (no scratch where @p buffer_size asks for one, a
   window too large, or an output overlapping the input: pooling writes before it has read everything). */
static inline int tl_cmsis_avgpool_setup(const tl_op *op, const tl_tensors *tensors, int32_t elem_bytes,
                                         tl_cmsis_avgpool_buffer_size buffer_size, int64_t max_taps,
                                         tl_cmsis_pool_call *call)
{
    const int32_t *p = op->params;
    /* Validated: the input holds exactly batches * in_h * in_w * depth elements and the output batches * out_h *
       out_w * depth, both below 2^31 bytes, so these products need no tensor lookups and fit int32. */
    const int32_t input_bytes =
        p[TL_POOL_P_BATCHES] * p[TL_POOL_P_INPUT_HEIGHT] * p[TL_POOL_P_INPUT_WIDTH] * p[TL_POOL_P_DEPTH] * elem_bytes;
    const int32_t output_bytes =
        p[TL_POOL_P_BATCHES] * p[TL_POOL_P_OUTPUT_HEIGHT] * p[TL_POOL_P_OUTPUT_WIDTH] * p[TL_POOL_P_DEPTH] * elem_bytes;
    call->input = tl_tensor_data(tensors, op->inputs[TL_POOL_IN_INPUT]);
    call->output = tl_tensor_data(tensors, op->outputs[TL_POOL_OUT_OUTPUT]);
    if (op->output_count == TL_POOL_OUT_SCRATCH + 1)
    {
        /* Validated: 4-aligned and at least one int32 per channel (the portable validation) and at least what the
           linked CMSIS-NN asks for (the adapter's validation); 4 * depth bytes is what the compiler reserves. */
        call->context.buf = tl_tensor_data(tensors, op->outputs[TL_POOL_OUT_SCRATCH]);
        call->context.size = 4 * p[TL_POOL_P_DEPTH];
    }
    else
    {
        call->context.buf = NULL;
        call->context.size = 0;
    }
    /* Validated: filter dims below 2^16, so the product fits int64. */
    if ((call->context.buf == NULL && buffer_size(p[TL_POOL_P_OUTPUT_WIDTH], p[TL_POOL_P_DEPTH]) != 0) ||
        (int64_t)p[TL_POOL_P_FILTER_HEIGHT] * p[TL_POOL_P_FILTER_WIDTH] >= max_taps ||
        tl_cmsis_overlap(call->input, input_bytes, call->output, output_bytes))
    {
        return 0;
    }
    tl_cmsis_pool_decode(p, &call->pool, &call->input_dims, &call->filter_dims, &call->output_dims);
    return 1;
}

#endif
