/*
 * tl_model_load: reads an image (docs/FORMAT.md) in the order and with the messages of nf-runtime's
 * ImageLoader.cs: header, section table, meta strings, tensor records, input/output lists, operator records;
 * then the arena and every kernel's parameters (tl_image_validator.h checks each part). Every read goes through
 * the bounds-checked reader (tl_image_reader.h). Nothing is copied: the model keeps pointers into the image.
 */
#include <string.h>

#include "tinylite/tl_image.h"
#include "tinylite/tl_runner.h"
#include "tl_image_reader.h"
#include "tl_image_validator.h"
#include "tl_messages.h"

static int is_little_endian(void)
{
    const uint16_t probe = 1;
    return *(const uint8_t *)(const void *)&probe == 1;
}

/** Reads tensor record @p t (TL_IMAGE_TENSOR_RECORD_BYTES at the reader's position) and checks it. */
static tl_status read_tensor_record(tl_model *model, tl_image_reader *r, int32_t t, int32_t const_off,
                                    int32_t const_len)
{
    tl_tensor_fields fields;
    int32_t flags = 0, scale = 0, zero_point = 0, d;
    TL_TRY(tl_reader_u8(model, r, &fields.type));
    TL_TRY(tl_reader_u8(model, r, &fields.location));
    TL_TRY(tl_reader_u8(model, r, &fields.rank));
    TL_TRY(tl_reader_u8(model, r, &flags));
    TL_TRY(tl_reader_i32(model, r, &fields.offset));
    TL_TRY(tl_reader_i32(model, r, &fields.size));
    for (d = 0; d < TL_IMAGE_MAX_RANK; d++)
    {
        TL_TRY(tl_reader_i32(model, r, &fields.dims[d]));
    }
    /* Nothing to check in the last two (the flags are read from the record by tl_model_reset_state). */
    TL_TRY(tl_reader_i32(model, r, &scale));
    TL_TRY(tl_reader_i32(model, r, &zero_point));
    (void)flags;
    (void)scale;
    (void)zero_point;
    return tl_check_tensor(model, t, &fields, const_off, const_len);
}

/** A count and that many tensor indices, each naming an arena tensor; @p list points at the first in the image. */
static tl_status read_io_list(tl_model *model, tl_image_reader *r, const char *what, const char *count_what,
                              const uint8_t **list, int32_t *count)
{
    int32_t n, i;
    TL_TRY(tl_reader_count(model, r, model->tensors.count, NULL, 0, count_what, &n));
    *list = r->data + r->pos;
    *count = n;
    for (i = 0; i < n; i++)
    {
        int32_t t;
        TL_TRY(tl_reader_i32(model, r, &t));
        TL_TRY(tl_check_io_tensor(model, what, i, t));
    }
    return TL_OK;
}

tl_status tl_model_load(tl_model *model, const uint8_t *image, size_t image_bytes, uint8_t *arena, size_t arena_bytes)
{
    return tl_model_load_ex(model, image, image_bytes, arena, arena_bytes, TL_LOAD_CHECK_CRC | TL_LOAD_RESET_STATE);
}

tl_status tl_model_load_ex(tl_model *model, const uint8_t *image, size_t image_bytes, uint8_t *arena,
                           size_t arena_bytes, uint32_t options)
{
    tl_image_reader header, table, meta, tensors, io, ops;
    /* major = 0 only for arm-none-eabi-gcc 12 -O2's -Werror=maybe-uninitialized (tl_reader_u16 sets it). */
    int32_t major = 0;
    int32_t length, magic, minor, image_length, crc, header_bytes, section_count, s, t, i;
    int32_t meta_off = -1, meta_len = 0, tensor_off = -1, tensor_len = 0, ops_off = -1, ops_len = 0;
    int32_t io_off = -1, io_len = 0, const_off = -1, const_len = 0, tensor_count, op_count;

    if (model == NULL)
    {
        return TL_ERR_ARGUMENT;
    }
    memset(model, 0, sizeof(*model));
    model->failed_op = -1;
    model->failed_code = -1;
    if (image == NULL)
    {
        return tl_fail_text(model, TL_ERR_ARGUMENT, "image: no image given");
    }
    if (((uintptr_t)image & 3u) != 0 || ((uintptr_t)arena & 3u) != 0)
    {
        return tl_fail_text(model, TL_ERR_ARGUMENT, "image and arena must be 4-byte aligned");
    }
    if (!is_little_endian())
    {
        return tl_fail_text(model, TL_ERR_ARGUMENT, "the native runner needs a little-endian CPU");
    }
    if (image_bytes > 0x7FFFFFFFu)
    {
        return tl_fail_text(model, TL_ERR_IMAGE, "image: larger than 2 GB");
    }
    length = (int32_t)image_bytes;

    /* Header. */
    TL_TRY(tl_reader_open(model, &header, image, length, 0, TL_IMAGE_HEADER_BYTES, "header"));
    TL_TRY(tl_reader_i32(model, &header, &magic));
    if ((uint32_t)magic != TL_IMAGE_MAGIC)
    {
        return tl_fail_text(model, TL_ERR_IMAGE, "image: not a TinyLite image (bad magic)");
    }
    TL_TRY(tl_reader_u16(model, &header, &major));
    TL_TRY(tl_reader_u16(model, &header, &minor));
    (void)minor;
    if (major != TL_IMAGE_VERSION_MAJOR)
    {
        tl_msg_reset(model);
        tl_msg_str(model, "image: format version ");
        tl_msg_int(model, major);
        tl_msg_str(model, " is not supported (this runtime reads version ");
        tl_msg_int(model, TL_IMAGE_VERSION_MAJOR);
        tl_msg_str(model, ")");
        return tl_fail(model, TL_ERR_IMAGE);
    }
    TL_TRY(tl_reader_i32(model, &header, &image_length));
    if (image_length != length)
    {
        tl_msg_reset(model);
        tl_msg_str(model, "image: header says ");
        tl_msg_int(model, image_length);
        tl_msg_str(model, " bytes but the image has ");
        tl_msg_int(model, length);
        tl_msg_str(model, " (truncated or padded)");
        return tl_fail(model, TL_ERR_IMAGE);
    }
    TL_TRY(tl_reader_i32(model, &header, &crc));
    if ((options & TL_LOAD_CHECK_CRC) != 0u &&
        (uint32_t)crc != tl_crc32(image + TL_IMAGE_CRC_START, (size_t)length - TL_IMAGE_CRC_START))
    {
        return tl_fail_text(model, TL_ERR_IMAGE, "image: CRC32 mismatch (the image is corrupted)");
    }
    TL_TRY(tl_reader_i32(model, &header, &header_bytes));
    if (header_bytes != TL_IMAGE_HEADER_BYTES)
    {
        return tl_fail_text(model, TL_ERR_IMAGE, "image: unexpected header size");
    }
    TL_TRY(tl_reader_count(model, &header, TL_IMAGE_MAX_SECTIONS, NULL, 0, "section count", &section_count));
    TL_TRY(tl_reader_count(model, &header, 0x7FFFFFFF, NULL, 0, "arena size", &model->arena_bytes));

    /* Section table: unknown kinds are skipped. */
    TL_TRY(tl_reader_open(model, &table, image, length, TL_IMAGE_HEADER_BYTES,
                          (int64_t)section_count * TL_IMAGE_SECTION_ENTRY_BYTES, "section table"));
    for (s = 0; s < section_count; s++)
    {
        int32_t kind, off, len;
        TL_TRY(tl_reader_i32(model, &table, &kind));
        TL_TRY(tl_reader_count(model, &table, length, NULL, 0, "section offset", &off));
        TL_TRY(tl_reader_count(model, &table, length - off, NULL, 0, "section length", &len));
        if (kind == TL_SECTION_META)
        {
            meta_off = off;
            meta_len = len;
        }
        else if (kind == TL_SECTION_TENSORS)
        {
            tensor_off = off;
            tensor_len = len;
        }
        else if (kind == TL_SECTION_OPS)
        {
            ops_off = off;
            ops_len = len;
        }
        else if (kind == TL_SECTION_IO)
        {
            io_off = off;
            io_len = len;
        }
        else if (kind == TL_SECTION_CONSTANTS)
        {
            const_off = off;
            const_len = len;
        }
    }
    if (meta_off < 0 || tensor_off < 0 || ops_off < 0 || io_off < 0 || const_off < 0)
    {
        return tl_fail_text(model, TL_ERR_IMAGE, "image: a required section is missing");
    }

    /* Meta strings: only checked to lie inside their section (the managed side keeps them). */
    TL_TRY(tl_reader_open(model, &meta, image, length, meta_off, meta_len, "meta section"));
    for (i = 0; i < TL_IMAGE_META_STRINGS; i++)
    {
        TL_TRY(tl_reader_skip_ascii(model, &meta));
    }

    /* Tensors. */
    TL_TRY(tl_reader_open(model, &tensors, image, length, tensor_off, tensor_len, "tensor section"));
    TL_TRY(tl_reader_count(model, &tensors, tensor_len / TL_IMAGE_TENSOR_RECORD_BYTES, NULL, 0, "tensor count",
                           &tensor_count));
    model->tensors.image = image;
    model->tensors.records = image + tensors.pos;
    model->tensors.count = 0; /* grows as records are validated: only checked records are ever resolved */
    for (t = 0; t < tensor_count; t++)
    {
        TL_TRY(read_tensor_record(model, &tensors, t, const_off, const_len));
    }
    model->tensors.count = tensor_count;

    /* Inputs and outputs. */
    TL_TRY(tl_reader_open(model, &io, image, length, io_off, io_len, "io section"));
    TL_TRY(read_io_list(model, &io, "input", "input count", &model->inputs, &model->input_count));
    TL_TRY(read_io_list(model, &io, "output", "output count", &model->outputs, &model->output_count));

    /* Operators. */
    TL_TRY(tl_reader_open(model, &ops, image, length, ops_off, ops_len, "operator section"));
    TL_TRY(
        tl_reader_count(model, &ops, ops_len / TL_IMAGE_OP_RECORD_HEADER_BYTES, NULL, 0, "operator count", &op_count));
    if ((ops_off & 3) != 0)
    {
        /* Kernels read the records' int32 arrays in place (tl_op); the compiler aligns sections to 8. */
        return tl_fail_text(model, TL_ERR_IMAGE, "image: operator section is not 4-byte aligned");
    }
    model->ops = image + ops.pos;
    for (i = 0; i < op_count; i++)
    {
        TL_TRY(tl_check_op_record(model, &ops, i));
    }
    model->op_count = op_count;

    /* The arena: checked before any byte of it is written. */
    TL_TRY(tl_check_arena(model, arena, arena_bytes));
    model->tensors.arena = arena;

    /* Every kernel's parameters against its tensors. */
    TL_TRY(tl_check_kernels(model));
    model->status = TL_OK;
    if ((options & TL_LOAD_RESET_STATE) != 0u)
    {
        tl_model_reset_state(model);
    }
    return TL_OK;
}
