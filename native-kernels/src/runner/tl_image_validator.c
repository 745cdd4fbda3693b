/* The load-time checks of an image (see tl_image_validator.h). */
#include "tl_image_validator.h"

#include "tinylite/tl_families.h"
#include "tinylite/tl_op_codes.h"
#include "tl_messages.h"
#include "tl_op_decoder.h"

/** ImageValidator.ElementBytes: bytes of @p elements elements of @p type; -1 for an unknown type. */
static int64_t element_bytes(int32_t type, int64_t elements)
{
    switch (type)
    {
    case TL_TYPE_INT4:
        return (elements + 1) / 2;
    case TL_TYPE_INT8:
    case TL_TYPE_UINT8:
    case TL_TYPE_BOOL:
        return elements;
    case TL_TYPE_INT16:
    case TL_TYPE_UINT16:
        return elements * 2;
    case TL_TYPE_INT32:
    case TL_TYPE_UINT32:
    case TL_TYPE_FLOAT32:
        return elements * 4;
    case TL_TYPE_INT64:
    case TL_TYPE_UINT64:
        return elements * 8;
    default:
        return -1;
    }
}

/** Alignment a tensor of @p type needs in place: its element size, at most 4 (the buffers' alignment). */
static int32_t element_alignment(int32_t type)
{
    int64_t size = element_bytes(type, 1);
    return size >= 4 ? 4 : (size == 2 ? 2 : 1);
}

/** Location of tensor @p t, from its record (t must be below model->tensors.count). */
static int32_t tensor_location(const tl_model *model, int32_t t)
{
    return (int32_t)model->tensors.records[(size_t)t * TL_IMAGE_TENSOR_RECORD_BYTES + TL_IMAGE_TENSOR_OFF_LOCATION];
}

static void msg_tensor(tl_model *model, int32_t t)
{
    tl_msg_reset(model);
    tl_msg_str(model, "image: tensor ");
    tl_msg_int(model, t);
}

tl_status tl_check_tensor(tl_model *model, int32_t t, const tl_tensor_fields *fields, int32_t const_off,
                          int32_t const_len)
{
    int32_t type = fields->type, location = fields->location, rank = fields->rank;
    int32_t offset = fields->offset, size = fields->size, d;
    int64_t elements = 1;
    if (rank > TL_IMAGE_MAX_RANK)
    {
        msg_tensor(model, t);
        tl_msg_str(model, ": rank ");
        tl_msg_int(model, rank);
        tl_msg_str(model, " exceeds ");
        tl_msg_int(model, TL_IMAGE_MAX_RANK);
        return tl_fail(model, TL_ERR_IMAGE);
    }
    for (d = 0; d < rank; d++)
    {
        int32_t dim = fields->dims[d];
        if (dim < 0 || dim > TL_IMAGE_MAX_DIMENSION)
        {
            msg_tensor(model, t);
            tl_msg_str(model, ": dimension ");
            tl_msg_int(model, d);
            tl_msg_str(model, " is ");
            tl_msg_int(model, dim);
            return tl_fail(model, TL_ERR_IMAGE);
        }
        /* elements <= 2^31 - 1 before and dim < 2^27: the product fits int64. */
        elements *= dim;
        if (elements > 0x7FFFFFFF)
        {
            msg_tensor(model, t);
            tl_msg_str(model, " is too large");
            return tl_fail(model, TL_ERR_IMAGE);
        }
    }
    if (location == TL_LOCATION_NONE)
    {
        if (size != 0)
        {
            msg_tensor(model, t);
            tl_msg_str(model, " has no storage but a size");
            return tl_fail(model, TL_ERR_IMAGE);
        }
        return TL_OK;
    }
    {
        int64_t expected = element_bytes(type, elements);
        if (expected < 0)
        {
            msg_tensor(model, t);
            tl_msg_str(model, " has unknown type ");
            tl_msg_int(model, type);
            return tl_fail(model, TL_ERR_IMAGE);
        }
        if ((int64_t)size != expected)
        {
            msg_tensor(model, t);
            tl_msg_str(model, " size ");
            tl_msg_int(model, size);
            tl_msg_str(model, " does not match its shape (");
            tl_msg_int(model, expected);
            tl_msg_str(model, " bytes)");
            return tl_fail(model, TL_ERR_IMAGE);
        }
    }
    if (location == TL_LOCATION_ARENA)
    {
        /* size >= 0 here (it equals a non-negative expected size). */
        if (offset < 0 || offset > model->arena_bytes - size)
        {
            msg_tensor(model, t);
            tl_msg_str(model, " at arena offset ");
            tl_msg_int(model, offset);
            tl_msg_str(model, " (+");
            tl_msg_int(model, size);
            tl_msg_str(model, ") lies outside the ");
            tl_msg_int(model, model->arena_bytes);
            tl_msg_str(model, "-byte arena");
            return tl_fail(model, TL_ERR_IMAGE);
        }
    }
    else if (location == TL_LOCATION_IMAGE)
    {
        if (offset < const_off || (int64_t)offset - const_off > (int64_t)const_len - size)
        {
            msg_tensor(model, t);
            tl_msg_str(model, " constant data lies outside the constant section");
            return tl_fail(model, TL_ERR_IMAGE);
        }
    }
    else
    {
        msg_tensor(model, t);
        tl_msg_str(model, " has unknown location ");
        tl_msg_int(model, location);
        return tl_fail(model, TL_ERR_IMAGE);
    }
    if ((offset & (element_alignment(type) - 1)) != 0)
    {
        /* Kernels access elements in place through typed pointers; the compiler aligns to 8. */
        msg_tensor(model, t);
        tl_msg_str(model, " offset ");
        tl_msg_int(model, offset);
        tl_msg_str(model, " is not aligned to its element size");
        return tl_fail(model, TL_ERR_IMAGE);
    }
    return TL_OK;
}

tl_status tl_check_io_tensor(tl_model *model, const char *what, int32_t index, int32_t tensor)
{
    if (tensor < 0 || tensor >= model->tensors.count || tensor_location(model, tensor) != TL_LOCATION_ARENA)
    {
        tl_msg_reset(model);
        tl_msg_str(model, "image: ");
        tl_msg_str(model, what);
        tl_msg_str(model, " ");
        tl_msg_int(model, index);
        tl_msg_str(model, " refers to tensor ");
        tl_msg_int(model, tensor);
        tl_msg_str(model, ", which is not an arena tensor");
        return tl_fail(model, TL_ERR_IMAGE);
    }
    return TL_OK;
}

static tl_status fail_op_tensor(tl_model *model, int32_t index, const char *what, int32_t i, int32_t t)
{
    tl_msg_reset(model);
    tl_msg_str(model, "image: operator ");
    tl_msg_int(model, index);
    tl_msg_str(model, " ");
    tl_msg_str(model, what);
    tl_msg_str(model, " ");
    tl_msg_int(model, i);
    tl_msg_str(model, " refers to invalid tensor ");
    tl_msg_int(model, t);
    return tl_fail(model, TL_ERR_IMAGE);
}

tl_status tl_check_op_record(tl_model *model, tl_image_reader *r, int32_t index)
{
    int32_t code, source, inputs, outputs, params, i;
    TL_TRY(tl_reader_i32(model, r, &code));
    TL_TRY(tl_reader_i32(model, r, &source));
    TL_TRY(tl_reader_count(model, r, TL_IMAGE_MAX_OP_TENSORS, "operator ", index, "input count", &inputs));
    TL_TRY(tl_reader_count(model, r, TL_IMAGE_MAX_OP_TENSORS, "operator ", index, "output count", &outputs));
    TL_TRY(tl_reader_count(model, r, TL_IMAGE_MAX_OP_PARAMS, "operator ", index, "parameter count", &params));
    (void)source;
    /* The codes of families 1 .. slots - 1 (OpCode.First .. OpCode.End in nf-runtime). */
    if (code < TL_OP_FAMILY_RANGE || code >= TL_OP_FAMILY_RANGE * TL_OP_FAMILY_SLOTS)
    {
        tl_msg_reset(model);
        tl_msg_str(model, "image: operator ");
        tl_msg_int(model, index);
        tl_msg_str(model, " has unknown kernel code ");
        tl_msg_int(model, code);
        return tl_fail(model, TL_ERR_IMAGE);
    }
    for (i = 0; i < inputs; i++)
    {
        int32_t t;
        TL_TRY(tl_reader_i32(model, r, &t));
        if (t < -1 || t >= model->tensors.count || (t >= 0 && tensor_location(model, t) == TL_LOCATION_NONE))
        {
            return fail_op_tensor(model, index, "input", i, t);
        }
    }
    for (i = 0; i < outputs; i++)
    {
        int32_t t;
        TL_TRY(tl_reader_i32(model, r, &t));
        /* Outputs must be in the arena: the image is read-only (flash). */
        if (t < 0 || t >= model->tensors.count || tensor_location(model, t) != TL_LOCATION_ARENA)
        {
            return fail_op_tensor(model, index, "output", i, t);
        }
    }
    return tl_reader_skip(model, r, params * 4);
}

tl_status tl_check_arena(tl_model *model, const uint8_t *arena, size_t arena_bytes)
{
    if ((arena == NULL && model->arena_bytes > 0) || arena_bytes < (size_t)model->arena_bytes)
    {
        tl_msg_reset(model);
        tl_msg_str(model, "arena: ");
        tl_msg_int(model, arena == NULL ? 0 : (int64_t)arena_bytes);
        tl_msg_str(model, " bytes given but the image needs ");
        tl_msg_int(model, model->arena_bytes);
        return tl_fail(model, TL_ERR_ARENA);
    }
    return TL_OK;
}

tl_status tl_check_kernels(tl_model *model)
{
    const uint8_t *p = model->ops;
    int32_t i;
    for (i = 0; i < model->op_count; i++)
    {
        tl_op op;
        tl_status status;
        p = tl_op_decode(p, &op);
        status = tl_family_validate(&op, &model->tensors);
        if (status != TL_OK)
        {
            model->failed_op = i;
            model->failed_code = op.code;
            tl_msg_reset(model);
            tl_msg_str(model, "image: operator ");
            tl_msg_int(model, i);
            tl_msg_str(model, " (kernel ");
            tl_msg_int(model, op.code);
            tl_msg_str(model, ", model operator ");
            tl_msg_int(model, op.source_index);
            tl_msg_str(model, "): ");
            if (status == TL_ERR_UNSUPPORTED)
            {
                tl_msg_str(model, "kernel code ");
                tl_msg_int(model, op.code);
                tl_msg_str(model, " is not implemented by the native kernels");
            }
            else
            {
                tl_msg_str(model, "parameters do not fit its tensors");
            }
            return tl_fail(model, status == TL_ERR_UNSUPPORTED ? TL_ERR_UNSUPPORTED : TL_ERR_PARAMS);
        }
    }
    return TL_OK;
}
