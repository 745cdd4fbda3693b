/* The broadcast descriptor of the binary element-wise kernels (mirror of Broadcast.cs). */
#include "tinylite/tl_elementwise_kernels.h"

tl_status tl_broadcast_decode(const int32_t *params, int32_t param_count, int32_t at, tl_broadcast *out)
{
    int32_t k;
    if (params == 0 || out == 0 || at < 0 || param_count < at + TL_BROADCAST_HEADER_LENGTH)
    {
        return TL_ERR_PARAMS;
    }
    out->outer = params[at + TL_BROADCAST_OUTER];
    if (out->outer < 0 || out->outer > TL_BROADCAST_MAX_OUTER)
    {
        return TL_ERR_PARAMS;
    }
    /* The descriptor must end the Params exactly. */
    if (param_count != at + TL_BROADCAST_HEADER_LENGTH + TL_BROADCAST_DIM_LENGTH * out->outer)
    {
        return TL_ERR_PARAMS;
    }
    out->n = params[at + TL_BROADCAST_ROW_LENGTH];
    out->inner1 = params[at + TL_BROADCAST_ROW_STRIDE1];
    out->inner2 = params[at + TL_BROADCAST_ROW_STRIDE2];
    for (k = 0; k < out->outer; k++)
    {
        const int32_t dim = at + TL_BROADCAST_HEADER_LENGTH + TL_BROADCAST_DIM_LENGTH * k; /* outer dimension k */
        out->extent[k] = params[dim + TL_BROADCAST_DIM_EXTENT];
        out->stride1[k] = params[dim + TL_BROADCAST_DIM_STRIDE1];
        out->stride2[k] = params[dim + TL_BROADCAST_DIM_STRIDE2];
    }
    return TL_OK;
}

tl_status tl_broadcast_check(const tl_broadcast *bc, int64_t count1, int64_t count2, int64_t count_out)
{
    int64_t total;
    int64_t last1;
    int64_t last2;
    int32_t k;
    if (bc == 0 || bc->outer < 0 || bc->outer > TL_BROADCAST_MAX_OUTER)
    {
        return TL_ERR_PARAMS;
    }
    if (bc->n < 1 || bc->inner1 < 0 || bc->inner1 > 1 || bc->inner2 < 0 || bc->inner2 > 1)
    {
        return TL_ERR_PARAMS;
    }
    total = bc->n;
    last1 = (int64_t)(bc->n - 1) * bc->inner1;
    last2 = (int64_t)(bc->n - 1) * bc->inner2;
    for (k = 0; k < bc->outer; k++)
    {
        if (bc->extent[k] < 1 || bc->stride1[k] < 0 || bc->stride2[k] < 0)
        {
            return TL_ERR_PARAMS;
        }
        /* Each step stays below 2^62: total, last1, last2 are <= INT32_MAX before it. */
        total *= bc->extent[k];
        last1 += (int64_t)(bc->extent[k] - 1) * bc->stride1[k];
        last2 += (int64_t)(bc->extent[k] - 1) * bc->stride2[k];
        if (total > INT32_MAX || last1 > INT32_MAX || last2 > INT32_MAX)
        {
            return TL_ERR_PARAMS;
        }
    }
    if (total != count_out)
    {
        return TL_ERR_PARAMS;
    }
    if (last1 >= count1 || last2 >= count2)
    {
        return TL_ERR_PARAMS;
    }
    return TL_OK;
}

int32_t tl_broadcast_rows(const tl_broadcast *bc)
{
    int32_t rows = 1;
    int32_t k;
    for (k = 0; k < bc->outer; k++)
    {
        rows *= bc->extent[k];
    }
    return rows;
}

int32_t tl_broadcast_row_offset(const tl_broadcast *bc, int32_t row, int32_t input)
{
    const int32_t *strides = input == 0 ? bc->stride1 : bc->stride2;
    int32_t offset = 0;
    int32_t rest = row;
    int32_t k;
    /* Innermost outer dimension first: row is a mixed-radix number over the extents. */
    for (k = bc->outer - 1; k >= 0; k--)
    {
        offset += (rest % bc->extent[k]) * strides[k];
        rest /= bc->extent[k];
    }
    return offset;
}
