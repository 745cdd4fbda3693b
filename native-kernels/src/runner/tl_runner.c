/*
 * Running a loaded model (see tl_runner.h): kernel dispatch by code range over the operator records, the
 * state reset, and the model's accessors. Loading is tl_image_loader.c; the tensor accessors the kernels use
 * are src/tensors/tl_tensors.c.
 */
#include "tinylite/tl_runner.h"

#include <string.h>

#include "tinylite/tl_families.h"
#include "tinylite/tl_image.h"
#include "tinylite/tl_little_endian.h"
#include "tl_op_decoder.h"

/* ---- run ---- */

tl_status tl_model_invoke(const tl_model *model)
{
    const uint8_t *p;
    int32_t i;
    if (model == NULL || model->status != TL_OK || model->tensors.image == NULL)
    {
        return TL_ERR_ARGUMENT;
    }
    p = model->ops;
    for (i = 0; i < model->op_count; i++)
    {
        tl_op op;
        p = tl_op_decode(p, &op);
        tl_family_run(&op, &model->tensors);
    }
    return TL_OK;
}

void tl_model_reset_state(const tl_model *model)
{
    int32_t t;
    if (model == NULL || model->status != TL_OK)
    {
        return;
    }
    for (t = 0; t < model->tensors.count; t++)
    {
        const uint8_t *rec = model->tensors.records + (size_t)t * TL_IMAGE_TENSOR_RECORD_BYTES;
        if ((rec[TL_IMAGE_TENSOR_OFF_FLAGS] & TL_TENSOR_FLAG_VARIABLE) != 0 &&
            rec[TL_IMAGE_TENSOR_OFF_LOCATION] == TL_LOCATION_ARENA)
        {
            int32_t size = tl_read_i32_le(rec + TL_IMAGE_TENSOR_OFF_BYTE_SIZE);
            /* TFLM resets an int8 variable tensor to its zero point (a real 0), any other to zero bytes. */
            int32_t fill = rec[TL_IMAGE_TENSOR_OFF_TYPE] == TL_TYPE_INT8
                               ? tl_read_i32_le(rec + TL_IMAGE_TENSOR_OFF_ZERO_POINT)
                               : 0;
            if (size > 0)
            {
                memset(model->tensors.arena + tl_read_u32_le(rec + TL_IMAGE_TENSOR_OFF_OFFSET), (int)(uint8_t)fill,
                       (size_t)size);
            }
        }
    }
}

/* ---- accessors ---- */

const char *tl_model_error(const tl_model *model)
{
    return model == NULL ? "no model" : model->message;
}

const char *tl_status_text(tl_status status)
{
    switch (status)
    {
    case TL_OK:
        return "ok";
    case TL_ERR_IMAGE:
        return "the image is malformed, corrupted or hostile";
    case TL_ERR_ARENA:
        return "the arena is missing or smaller than the image needs";
    case TL_ERR_PARAMS:
        return "a kernel's parameters do not fit the tensors it touches";
    case TL_ERR_UNSUPPORTED:
        return "a kernel code this build does not implement";
    case TL_ERR_ARGUMENT:
        return "invalid argument";
    default:
        return "unknown status";
    }
}

int32_t tl_model_arena_bytes(const tl_model *model)
{
    return model == NULL ? 0 : model->arena_bytes;
}

int32_t tl_model_input_count(const tl_model *model)
{
    return model == NULL || model->status != TL_OK ? 0 : model->input_count;
}

int32_t tl_model_output_count(const tl_model *model)
{
    return model == NULL || model->status != TL_OK ? 0 : model->output_count;
}

/** Entry @p index of an input or output list, or -1 (which resolves to no tensor) when out of range. */
static int32_t io_tensor(const uint8_t *list, int32_t count, int32_t index)
{
    return index < 0 || index >= count ? -1 : tl_read_i32_le(list + 4 * (size_t)index);
}

uint8_t *tl_model_input(const tl_model *model, int32_t index)
{
    if (model == NULL || model->status != TL_OK)
    {
        return NULL;
    }
    return tl_tensor_data(&model->tensors, io_tensor(model->inputs, model->input_count, index));
}

uint8_t *tl_model_output(const tl_model *model, int32_t index)
{
    if (model == NULL || model->status != TL_OK)
    {
        return NULL;
    }
    return tl_tensor_data(&model->tensors, io_tensor(model->outputs, model->output_count, index));
}

int32_t tl_model_input_bytes(const tl_model *model, int32_t index)
{
    if (model == NULL || model->status != TL_OK)
    {
        return 0;
    }
    return tl_tensor_bytes(&model->tensors, io_tensor(model->inputs, model->input_count, index));
}

int32_t tl_model_output_bytes(const tl_model *model, int32_t index)
{
    if (model == NULL || model->status != TL_OK)
    {
        return 0;
    }
    return tl_tensor_bytes(&model->tensors, io_tensor(model->outputs, model->output_count, index));
}
