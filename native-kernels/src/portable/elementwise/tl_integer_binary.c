/*
 * The plain integer binary kernels with broadcasting, bit-exact with IntegerBinary.cs / TFLM: ADD, SUB, MUL of
 * int32 (reference_ops on int32: wrapping arithmetic, then min(max(r, act_min), act_max) with std::max/std::min
 * semantics) and MAXIMUM, MINIMUM of int8, int16 and int32 (MaximumOp x > y ? x : y, MinimumOp x < y ? x : y).
 * One row walker serves them all; each kernel calls it with constant arguments and it is always inlined (the record
 * adapter too), so each kernel gets its own loop for its operation and width.
 */
#include "tinylite/tl_compiler.h"
#include "tinylite/tl_elementwise_kernels.h"

#include "../dense/tl_dense_fixed_point.h"
#include "tl_elementwise_checks.h"

/* The operation of a kernel. */
typedef enum
{
    TL_IB_ADD,
    TL_IB_SUB,
    TL_IB_MUL,
    TL_IB_MAXIMUM,
    TL_IB_MINIMUM
} tl_ib_kind;

static TL_ALWAYS_INLINE int32_t tl_ib_load(const void *data, int32_t index, int32_t width)
{
    return width == 1   ? ((const int8_t *)data)[index]
           : width == 2 ? ((const int16_t *)data)[index]
                        : ((const int32_t *)data)[index];
}

static TL_ALWAYS_INLINE tl_status tl_ib_run(const tl_broadcast *bc, const void *input1, const void *input2,
                                            void *output, int32_t width, tl_ib_kind kind, int32_t act_min,
                                            int32_t act_max)
{
    int32_t rows, row, i, out = 0;
    if (!tl_ew_broadcast_arguments_ok(bc, input1, input2, output))
    {
        return TL_ERR_ARGUMENT;
    }
    rows = tl_broadcast_rows(bc);
    for (row = 0; row < rows; row++)
    {
        int32_t a = tl_broadcast_row_offset(bc, row, 0);
        int32_t b = tl_broadcast_row_offset(bc, row, 1);
        for (i = 0; i < bc->n; i++)
        {
            /* Both inputs are read before the output is written: in-place use is safe. */
            const int32_t x = tl_ib_load(input1, a, width);
            const int32_t y = tl_ib_load(input2, b, width);
            int32_t r = kind == TL_IB_ADD       ? tl_d_wadd(x, y)
                        : kind == TL_IB_SUB     ? tl_d_wsub(x, y)
                        : kind == TL_IB_MUL     ? tl_d_wmul(x, y)
                        : kind == TL_IB_MAXIMUM ? (x > y ? x : y)
                                                : (x < y ? x : y);
            r = r < act_min ? act_min : r;
            r = act_max < r ? act_max : r;
            /* int8 and int16 results lie in their type's range: MAXIMUM and MINIMUM do not clamp. */
            if (width == 1)
            {
                ((int8_t *)output)[out] = (int8_t)r;
            }
            else if (width == 2)
            {
                ((int16_t *)output)[out] = (int16_t)r;
            }
            else
            {
                ((int32_t *)output)[out] = r;
            }
            out++;
            a += bc->inner1;
            b += bc->inner2;
        }
    }
    return TL_OK;
}

tl_status tl_add_s32(int32_t act_min, int32_t act_max, const tl_broadcast *bc, const int32_t *input1,
                     const int32_t *input2, int32_t *output)
{
    return tl_ib_run(bc, input1, input2, output, 4, TL_IB_ADD, act_min, act_max);
}

tl_status tl_sub_s32(int32_t act_min, int32_t act_max, const tl_broadcast *bc, const int32_t *input1,
                     const int32_t *input2, int32_t *output)
{
    return tl_ib_run(bc, input1, input2, output, 4, TL_IB_SUB, act_min, act_max);
}

tl_status tl_mul_s32(int32_t act_min, int32_t act_max, const tl_broadcast *bc, const int32_t *input1,
                     const int32_t *input2, int32_t *output)
{
    return tl_ib_run(bc, input1, input2, output, 4, TL_IB_MUL, act_min, act_max);
}

tl_status tl_maximum_s8(const tl_broadcast *bc, const int8_t *input1, const int8_t *input2, int8_t *output)
{
    return tl_ib_run(bc, input1, input2, output, 1, TL_IB_MAXIMUM, INT32_MIN, INT32_MAX);
}

tl_status tl_maximum_s16(const tl_broadcast *bc, const int16_t *input1, const int16_t *input2, int16_t *output)
{
    return tl_ib_run(bc, input1, input2, output, 2, TL_IB_MAXIMUM, INT32_MIN, INT32_MAX);
}

tl_status tl_maximum_s32(const tl_broadcast *bc, const int32_t *input1, const int32_t *input2, int32_t *output)
{
    return tl_ib_run(bc, input1, input2, output, 4, TL_IB_MAXIMUM, INT32_MIN, INT32_MAX);
}

tl_status tl_minimum_s8(const tl_broadcast *bc, const int8_t *input1, const int8_t *input2, int8_t *output)
{
    return tl_ib_run(bc, input1, input2, output, 1, TL_IB_MINIMUM, INT32_MIN, INT32_MAX);
}

tl_status tl_minimum_s16(const tl_broadcast *bc, const int16_t *input1, const int16_t *input2, int16_t *output)
{
    return tl_ib_run(bc, input1, input2, output, 2, TL_IB_MINIMUM, INT32_MIN, INT32_MAX);
}

tl_status tl_minimum_s32(const tl_broadcast *bc, const int32_t *input1, const int32_t *input2, int32_t *output)
{
    return tl_ib_run(bc, input1, input2, output, 4, TL_IB_MINIMUM, INT32_MIN, INT32_MAX);
}

/* ---- Image adapters ------------------------------------------------------------------------------------- */

/* Decodes a validated record and runs it (MAXIMUM and MINIMUM records have no activation range). */
static TL_ALWAYS_INLINE void tl_ib_run_op(const tl_op *op, const tl_tensors *tensors, int32_t width, tl_ib_kind kind)
{
    const int clamped = kind == TL_IB_ADD || kind == TL_IB_SUB || kind == TL_IB_MUL;
    const int32_t at = clamped ? TL_BINARY_CLAMPED_P_BROADCAST : TL_BINARY_P_BROADCAST;
    tl_broadcast bc;
    (void)tl_broadcast_decode(op->params, op->param_count, at, &bc);
    (void)tl_ib_run(&bc, tl_tensor_data(tensors, op->inputs[TL_BINARY_IN_INPUT1]),
                    tl_tensor_data(tensors, op->inputs[TL_BINARY_IN_INPUT2]),
                    tl_tensor_data(tensors, op->outputs[TL_BINARY_OUT_OUTPUT]), width, kind,
                    clamped ? op->params[TL_BINARY_CLAMPED_P_ACTIVATION_MIN] : INT32_MIN,
                    clamped ? op->params[TL_BINARY_CLAMPED_P_ACTIVATION_MAX] : INT32_MAX);
}

tl_status tl_op_add_s32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_binary_clamped_s32_validate(op, tensors);
}

void tl_op_add_s32(const tl_op *op, const tl_tensors *tensors)
{
    tl_ib_run_op(op, tensors, 4, TL_IB_ADD);
}

tl_status tl_op_sub_s32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_binary_clamped_s32_validate(op, tensors);
}

void tl_op_sub_s32(const tl_op *op, const tl_tensors *tensors)
{
    tl_ib_run_op(op, tensors, 4, TL_IB_SUB);
}

tl_status tl_op_mul_s32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_binary_clamped_s32_validate(op, tensors);
}

void tl_op_mul_s32(const tl_op *op, const tl_tensors *tensors)
{
    tl_ib_run_op(op, tensors, 4, TL_IB_MUL);
}

tl_status tl_op_maximum_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_binary_validate(op, tensors, TL_EW_TYPE_INT8, TL_BINARY_P_BROADCAST, 1);
}

void tl_op_maximum_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_ib_run_op(op, tensors, 1, TL_IB_MAXIMUM);
}

tl_status tl_op_maximum_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_binary_validate(op, tensors, TL_EW_TYPE_INT16, TL_BINARY_P_BROADCAST, 2);
}

void tl_op_maximum_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_ib_run_op(op, tensors, 2, TL_IB_MAXIMUM);
}

tl_status tl_op_maximum_s32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_binary_validate(op, tensors, TL_EW_TYPE_INT32, TL_BINARY_P_BROADCAST, 4);
}

void tl_op_maximum_s32(const tl_op *op, const tl_tensors *tensors)
{
    tl_ib_run_op(op, tensors, 4, TL_IB_MAXIMUM);
}

tl_status tl_op_minimum_s8_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_binary_validate(op, tensors, TL_EW_TYPE_INT8, TL_BINARY_P_BROADCAST, 1);
}

void tl_op_minimum_s8(const tl_op *op, const tl_tensors *tensors)
{
    tl_ib_run_op(op, tensors, 1, TL_IB_MINIMUM);
}

tl_status tl_op_minimum_s16_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_binary_validate(op, tensors, TL_EW_TYPE_INT16, TL_BINARY_P_BROADCAST, 2);
}

void tl_op_minimum_s16(const tl_op *op, const tl_tensors *tensors)
{
    tl_ib_run_op(op, tensors, 2, TL_IB_MINIMUM);
}

tl_status tl_op_minimum_s32_validate(const tl_op *op, const tl_tensors *tensors)
{
    return tl_ew_binary_validate(op, tensors, TL_EW_TYPE_INT32, TL_BINARY_P_BROADCAST, 4);
}

void tl_op_minimum_s32(const tl_op *op, const tl_tensors *tensors)
{
    tl_ib_run_op(op, tensors, 4, TL_IB_MINIMUM);
}
