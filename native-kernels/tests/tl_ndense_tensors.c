/* The test resolver of tl_ndense_tensors.h. */
#include "tl_ndense_tensors.h"

uint8_t *tl_tensor_data(const tl_tensors *tensors, int32_t index)
{
    return (index < 0 || index >= tensors->count) ? 0 : tensors->data[index];
}

int32_t tl_tensor_bytes(const tl_tensors *tensors, int32_t index)
{
    return (index < 0 || index >= tensors->count) ? 0 : tensors->bytes[index];
}

int32_t tl_tensor_type(const tl_tensors *tensors, int32_t index)
{
    return (index < 0 || index >= tensors->count) ? -1 : tensors->type[index];
}
