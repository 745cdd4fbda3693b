/* Bounds-checked reads inside one region of an image (see tl_image_reader.h). */
#include "tl_image_reader.h"

#include "tinylite/tl_little_endian.h"
#include "tl_messages.h"

tl_status tl_reader_open(tl_model *model, tl_image_reader *r, const uint8_t *data, int32_t image_bytes, int64_t start,
                         int64_t length, const char *region)
{
    if (start < 0 || length < 0 || start > (int64_t)image_bytes - length)
    {
        tl_msg_reset(model);
        tl_msg_str(model, "image: ");
        tl_msg_str(model, region);
        tl_msg_str(model, " lies outside the image");
        return tl_fail(model, TL_ERR_IMAGE);
    }
    r->data = data;
    r->start = (int32_t)start;
    r->end = (int32_t)(start + length);
    r->pos = (int32_t)start;
    r->region = region;
    return TL_OK;
}

tl_status tl_reader_need(tl_model *model, const tl_image_reader *r, int32_t count)
{
    if (count < 0 || r->pos > r->end - count)
    {
        tl_msg_reset(model);
        tl_msg_str(model, "image: ");
        tl_msg_str(model, r->region);
        tl_msg_str(model, " is truncated (need ");
        tl_msg_int(model, count);
        tl_msg_str(model, " bytes at offset ");
        tl_msg_int(model, (int64_t)r->pos - r->start);
        tl_msg_str(model, ")");
        return tl_fail(model, TL_ERR_IMAGE);
    }
    return TL_OK;
}

tl_status tl_reader_u8(tl_model *model, tl_image_reader *r, int32_t *value)
{
    *value = 0;
    if (tl_reader_need(model, r, 1) != TL_OK)
    {
        return model->status;
    }
    *value = r->data[r->pos];
    r->pos += 1;
    return TL_OK;
}

tl_status tl_reader_u16(tl_model *model, tl_image_reader *r, int32_t *value)
{
    *value = 0;
    if (tl_reader_need(model, r, 2) != TL_OK)
    {
        return model->status;
    }
    *value = (int32_t)r->data[r->pos] | ((int32_t)r->data[r->pos + 1] << 8);
    r->pos += 2;
    return TL_OK;
}

tl_status tl_reader_i32(tl_model *model, tl_image_reader *r, int32_t *value)
{
    *value = 0;
    if (tl_reader_need(model, r, 4) != TL_OK)
    {
        return model->status;
    }
    *value = tl_read_i32_le(r->data + r->pos);
    r->pos += 4;
    return TL_OK;
}

tl_status tl_reader_count(tl_model *model, tl_image_reader *r, int32_t max, const char *what_prefix, int32_t index,
                          const char *what, int32_t *value)
{
    int32_t v = 0;
    *value = 0;
    if (tl_reader_i32(model, r, &v) != TL_OK)
    {
        return model->status;
    }
    if (v < 0 || v > max)
    {
        tl_msg_reset(model);
        tl_msg_str(model, "image: ");
        tl_msg_str(model, r->region);
        tl_msg_str(model, ": ");
        if (what_prefix != NULL)
        {
            tl_msg_str(model, what_prefix);
            tl_msg_int(model, index);
            tl_msg_str(model, " ");
        }
        tl_msg_str(model, what);
        tl_msg_str(model, " ");
        tl_msg_int(model, v);
        tl_msg_str(model, " is out of range [0, ");
        tl_msg_int(model, max);
        tl_msg_str(model, "]");
        return tl_fail(model, TL_ERR_IMAGE);
    }
    *value = v;
    return TL_OK;
}

tl_status tl_reader_skip(tl_model *model, tl_image_reader *r, int32_t count)
{
    if (tl_reader_need(model, r, count) != TL_OK)
    {
        return model->status;
    }
    r->pos += count;
    return TL_OK;
}

tl_status tl_reader_skip_ascii(tl_model *model, tl_image_reader *r)
{
    /* Initialised only for arm-none-eabi-gcc 12 -O2, which cannot see that tl_reader_u16 sets it on TL_OK
     * (-Werror=maybe-uninitialized). */
    int32_t n = 0;
    if (tl_reader_u16(model, r, &n) != TL_OK)
    {
        return model->status;
    }
    return tl_reader_skip(model, r, n);
}
