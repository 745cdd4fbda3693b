/* STRIDED_COPY (TL_OP_STRIDED_COPY): STRIDED_SLICE and TRANSPOSE; twin of nf-runtime Kernels/Shape/StridedCopy.cs. */
#include <stddef.h>
#include <string.h>

#include "tinylite/tl_shape_kernels.h"
#include "tl_shape_checks.h"

tl_status tl_strided_copy(const tl_strided_copy_params *params, const uint8_t *input, uint8_t *output)
{
    const int32_t es = params->element_size;
    const int32_t *count = params->counts;
    /* Steps in bytes. A dim of count <= 1 never steps to a read, so its step is dropped (a hostile record may
       give it any value); every other step is bounded by validation: |step| * (count - 1) elements fit in
       the input, so byte positions stay within twice the input size and cannot overflow a 32-bit ptrdiff_t. */
    const ptrdiff_t step0 = count[0] > 1 ? (ptrdiff_t)params->steps[0] * es : 0;
    const ptrdiff_t step1 = count[1] > 1 ? (ptrdiff_t)params->steps[1] * es : 0;
    const ptrdiff_t step2 = count[2] > 1 ? (ptrdiff_t)params->steps[2] * es : 0;
    const ptrdiff_t step3 = count[3] > 1 ? (ptrdiff_t)params->steps[3] * es : 0;
    const ptrdiff_t step4 = count[4] > 1 ? (ptrdiff_t)params->steps[4] * es : 0;
    const size_t row_bytes = (size_t)count[4] * (size_t)es;
    /* One element per row is contiguous too (the managed twin copies it the same either way). */
    const int contiguous = step4 == es || count[4] == 1;
    int32_t i0, i1, i2, i3, i4;
    ptrdiff_t pos0;
    if (!tl_shape_is_element_size(es))
    {
        return TL_ERR_ARGUMENT;
    }
    if (count[4] <= 0 || count[0] <= 0 || count[1] <= 0 || count[2] <= 0 || count[3] <= 0)
    {
        /* Nothing to write (and no element may be read: the start itself may lie outside an empty input). */
        return TL_OK;
    }
    pos0 = (ptrdiff_t)params->start * es;
    for (i0 = 0; i0 < count[0]; i0++, pos0 += step0)
    {
        ptrdiff_t pos1 = pos0;
        for (i1 = 0; i1 < count[1]; i1++, pos1 += step1)
        {
            ptrdiff_t pos2 = pos1;
            for (i2 = 0; i2 < count[2]; i2++, pos2 += step2)
            {
                ptrdiff_t pos3 = pos2;
                for (i3 = 0; i3 < count[3]; i3++, pos3 += step3)
                {
                    /* Byte index into the input (an index, not a pointer: it may step past the end after the last read). */
                    ptrdiff_t pos4 = pos3;
                    if (contiguous)
                    {
                        memmove(output, input + pos4, row_bytes); /* overlap-safe, as Array.Copy */
                        output += row_bytes;
                    }
                    else if (es == 1)
                    {
                        for (i4 = 0; i4 < count[4]; i4++, pos4 += step4)
                        {
                            *output++ = input[pos4];
                        }
                    }
                    else if (es == 2)
                    {
                        for (i4 = 0; i4 < count[4]; i4++, pos4 += step4)
                        {
                            output[0] = input[pos4];
                            output[1] = input[pos4 + 1];
                            output += 2;
                        }
                    }
                    else
                    {
                        for (i4 = 0; i4 < count[4]; i4++, pos4 += step4)
                        {
                            output[0] = input[pos4];
                            output[1] = input[pos4 + 1];
                            output[2] = input[pos4 + 2];
                            output[3] = input[pos4 + 3];
                            output += 4;
                        }
                    }
                }
            }
        }
    }
    return TL_OK;
}

tl_status tl_op_strided_copy_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    int64_t input_elements, total = 1, lowest, highest;
    int32_t es, d;
    if (!tl_shape_arity(op, 1, 1, TL_STRIDED_COPY_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    es = p[TL_STRIDED_COPY_P_ELEMENT_BYTES];
    if (!tl_shape_is_element_size(es) || !tl_shape_tensor(tensors, op->inputs[TL_STRIDED_COPY_IN_SOURCE]))
    {
        return TL_ERR_PARAMS;
    }
    input_elements = tl_tensor_bytes(tensors, op->inputs[TL_STRIDED_COPY_IN_SOURCE]) / es;
    lowest = p[TL_STRIDED_COPY_P_START];
    highest = p[TL_STRIDED_COPY_P_START];
    for (d = 0; d < 5; d++)
    {
        const int64_t count = p[TL_STRIDED_COPY_P_COUNTS + d];
        const int64_t step = p[TL_STRIDED_COPY_P_STEPS + d];
        if (count < 0)
        {
            return TL_ERR_PARAMS;
        }
        total *= count;
        if (total > INT32_MAX)
        {
            return TL_ERR_PARAMS;
        }
        if (count > 0)
        {
            /* |step| <= 2^31 and count < 2^31: the reach and the sums stay far inside int64. */
            const int64_t reach = (count - 1) * step;
            if (reach > 0)
            {
                highest += reach;
            }
            else
            {
                lowest += reach;
            }
        }
    }
    if (total > 0 && (lowest < 0 || highest >= input_elements))
    {
        return TL_ERR_PARAMS;
    }
    return tl_shape_fits(tensors, op->outputs[TL_STRIDED_COPY_OUT_DESTINATION], total * es) ? TL_OK : TL_ERR_PARAMS;
}

void tl_op_strided_copy(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    tl_strided_copy_params params;
    int32_t d;
    params.element_size = p[TL_STRIDED_COPY_P_ELEMENT_BYTES];
    params.start = p[TL_STRIDED_COPY_P_START];
    for (d = 0; d < 5; d++)
    {
        params.counts[d] = p[TL_STRIDED_COPY_P_COUNTS + d];
        params.steps[d] = p[TL_STRIDED_COPY_P_STEPS + d];
    }
    (void)tl_strided_copy(&params, tl_tensor_data(tensors, op->inputs[TL_STRIDED_COPY_IN_SOURCE]),
                          tl_tensor_data(tensors, op->outputs[TL_STRIDED_COPY_OUT_DESTINATION]));
}
