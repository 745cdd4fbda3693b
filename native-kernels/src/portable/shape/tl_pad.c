/* PAD (TL_OP_PAD): constant padding of up to 5 dims; twin of nf-runtime Kernels/Shape/Pad.cs (TFLM's Pad). */
#include <string.h>

#include "tinylite/tl_shape_kernels.h"
#include "tl_shape_checks.h"

/** Writes @p bytes bytes of repeated pad elements (bytes is a multiple of element_size). */
static void pad_fill(uint8_t *out, int32_t bytes, int32_t element_size, uint32_t value)
{
    int32_t i;
    if (element_size == 1)
    {
        memset(out, (int)(value & 0xFFu), (size_t)(bytes > 0 ? bytes : 0));
        return;
    }
    for (i = 0; i < bytes; i += element_size)
    {
        out[i] = (uint8_t)value;
        out[i + 1] = (uint8_t)(value >> 8);
        if (element_size == 4)
        {
            out[i + 2] = (uint8_t)(value >> 16);
            out[i + 3] = (uint8_t)(value >> 24);
        }
    }
}

tl_status tl_pad(const tl_pad_params *params, const uint8_t *input, uint8_t *output)
{
    const int32_t es = params->element_size;
    const int32_t *out_dims = params->output_dims;
    const int32_t *left = params->left;
    const int32_t *in_dims = params->input_dims;
    int32_t row_bytes, left_bytes, copy_bytes, right_bytes, i0, i1, i2, i3;
    if (!tl_shape_is_element_size(es))
    {
        return TL_ERR_ARGUMENT;
    }
    if (out_dims[0] <= 0 || out_dims[1] <= 0 || out_dims[2] <= 0 || out_dims[3] <= 0 || out_dims[4] <= 0)
    {
        /* An empty output: nothing to write (and the other dims are not bounded by any byte size). */
        return TL_OK;
    }
    /* The innermost dim is handled as one row: left pad, copied input row, right pad. With every output dim
       positive, validation bounds the output's byte size, so these products fit int32 (left + input <= output). */
    row_bytes = out_dims[4] * es;
    left_bytes = left[4] * es;
    copy_bytes = in_dims[4] * es;
    right_bytes = row_bytes - left_bytes - copy_bytes;
    for (i0 = 0; i0 < out_dims[0]; i0++)
    {
        const int inside0 = i0 >= left[0] && i0 - left[0] < in_dims[0];
        for (i1 = 0; i1 < out_dims[1]; i1++)
        {
            const int inside1 = inside0 && i1 >= left[1] && i1 - left[1] < in_dims[1];
            for (i2 = 0; i2 < out_dims[2]; i2++)
            {
                const int inside2 = inside1 && i2 >= left[2] && i2 - left[2] < in_dims[2];
                for (i3 = 0; i3 < out_dims[3]; i3++)
                {
                    if (inside2 && i3 >= left[3] && i3 - left[3] < in_dims[3])
                    {
                        pad_fill(output, left_bytes, es, params->pad_value);
                        if (copy_bytes > 0)
                        {
                            memmove(output + left_bytes, input, (size_t)copy_bytes); /* overlap-safe, as Array.Copy */
                        }
                        input += copy_bytes;
                        pad_fill(output + left_bytes + copy_bytes, right_bytes, es, params->pad_value);
                    }
                    else
                    {
                        pad_fill(output, row_bytes, es, params->pad_value);
                    }
                    output += row_bytes;
                }
            }
        }
    }
    return TL_OK;
}

tl_status tl_op_pad_validate(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    int64_t out_count = 1;
    int64_t in_count = 1;
    int32_t es, d;
    if (!tl_shape_arity(op, 2, 1, TL_PAD_P_LENGTH))
    {
        return TL_ERR_PARAMS;
    }
    es = p[TL_PAD_P_ELEMENT_BYTES];
    if (!tl_shape_is_element_size(es))
    {
        return TL_ERR_PARAMS;
    }
    for (d = 0; d < 5; d++)
    {
        const int32_t out_dim = p[TL_PAD_P_OUTPUT_DIMS + d];
        const int32_t left = p[TL_PAD_P_LEFT_PADDING + d];
        const int32_t in_dim = p[TL_PAD_P_INPUT_DIMS + d];
        /* Every term non-negative and the right padding too; the dims are bounded by the byte sizes below. */
        if (out_dim < 0 || left < 0 || in_dim < 0 || (int64_t)left + in_dim > out_dim)
        {
            return TL_ERR_PARAMS;
        }
        out_count *= out_dim;
        in_count *= in_dim;
        if (out_count > INT32_MAX || in_count > INT32_MAX)
        {
            return TL_ERR_PARAMS;
        }
    }
    if (!tl_shape_fits(tensors, op->inputs[TL_PAD_IN_DATA], in_count * es) ||
        !tl_shape_fits(tensors, op->outputs[TL_PAD_OUT_OUTPUT], out_count * es))
    {
        return TL_ERR_PARAMS;
    }
    if (op->inputs[TL_PAD_IN_PAD_VALUE_TENSOR] >= 0 &&
        !tl_shape_fits(tensors, op->inputs[TL_PAD_IN_PAD_VALUE_TENSOR], es))
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

void tl_op_pad(const tl_op *op, const tl_tensors *tensors)
{
    const int32_t *p = op->params;
    tl_pad_params params;
    int32_t d;
    params.element_size = p[TL_PAD_P_ELEMENT_BYTES];
    params.pad_value = (uint32_t)p[TL_PAD_P_PAD_VALUE];
    if (op->inputs[TL_PAD_IN_PAD_VALUE_TENSOR] >= 0)
    {
        /* The pad value tensor (one element) is read at run time, little-endian. */
        const uint8_t *v = tl_tensor_data(tensors, op->inputs[TL_PAD_IN_PAD_VALUE_TENSOR]);
        params.pad_value = v[0];
        if (params.element_size >= 2)
        {
            params.pad_value |= (uint32_t)v[1] << 8;
        }
        if (params.element_size == 4)
        {
            params.pad_value |= ((uint32_t)v[2] << 16) | ((uint32_t)v[3] << 24);
        }
    }
    for (d = 0; d < 5; d++)
    {
        params.output_dims[d] = p[TL_PAD_P_OUTPUT_DIMS + d];
        params.left[d] = p[TL_PAD_P_LEFT_PADDING + d];
        params.input_dims[d] = p[TL_PAD_P_INPUT_DIMS + d];
    }
    (void)tl_pad(&params, tl_tensor_data(tensors, op->inputs[TL_PAD_IN_DATA]),
                 tl_tensor_data(tensors, op->outputs[TL_PAD_OUT_OUTPUT]));
}
