/*
 * The image runner (see tl_runner.h): validation in the order and with the messages of the managed
 * Interpreter constructor, then kernel dispatch by code range. Every read of the image during loading
 * goes through a bounds-checked reader (tl_reader), so a truncated or hostile image is refused instead
 * of being read out of bounds.
 */
#include "tinylite/tl_runner.h"

#include <string.h>

#include "tinylite/tl_families.h"
#include "tinylite/tl_image.h"

/* ---- little-endian reads (no alignment assumption) ---- */

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* A 4-byte memcpy compiles to one load on little-endian cores with unaligned access (Cortex-M3 and up, x86):
   every kernel call resolves its tensors through here, so the byte-by-byte form cost ~10 instructions each. */
static uint32_t rd_u32(const uint8_t *p)
{
    uint32_t v;
    memcpy(&v, p, sizeof v);
    return v;
}
#else
static uint32_t rd_u32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}
#endif

static int32_t rd_i32(const uint8_t *p)
{
    return (int32_t)rd_u32(p);
}

/* ---- one-line messages without stdio ---- */

static void msg_reset(tl_model *model)
{
    model->message[0] = '\0';
}

static void msg_str(tl_model *model, const char *text)
{
    size_t len = strlen(model->message);
    while (*text != '\0' && len + 1 < TL_MESSAGE_BYTES)
    {
        model->message[len++] = *text++;
    }
    model->message[len] = '\0';
}

static void msg_int(tl_model *model, int64_t value)
{
    char digits[24];
    int n = 0;
    /* Work on the magnitude as unsigned so INT64_MIN has no overflow. */
    uint64_t magnitude = value < 0 ? (uint64_t)0 - (uint64_t)value : (uint64_t)value;
    char text[26];
    int k = 0;
    do
    {
        digits[n++] = (char)('0' + (int)(magnitude % 10u));
        magnitude /= 10u;
    } while (magnitude != 0u);
    if (value < 0)
    {
        text[k++] = '-';
    }
    while (n > 0)
    {
        text[k++] = digits[--n];
    }
    text[k] = '\0';
    msg_str(model, text);
}

/** Records a failure: status and (already built) message. Returns the status for `return fail(...)`. */
static tl_status fail(tl_model *model, tl_status status)
{
    model->status = status;
    return status;
}

static tl_status fail_text(tl_model *model, tl_status status, const char *text)
{
    msg_reset(model);
    msg_str(model, text);
    return fail(model, status);
}

/* ---- bounds-checked reader over one region of the image (twin of ImageReader.cs) ---- */

typedef struct
{
    const uint8_t *data;
    int32_t start;
    int32_t end;
    int32_t pos;
    const char *region;
} tl_reader;

/** Opens a reader over [start, start + length) of an image of image_bytes bytes. */
static tl_status reader_open(tl_model *model, tl_reader *r, const uint8_t *data, int32_t image_bytes,
                             int64_t start, int64_t length, const char *region)
{
    if (start < 0 || length < 0 || start > (int64_t)image_bytes - length)
    {
        msg_reset(model);
        msg_str(model, "image: ");
        msg_str(model, region);
        msg_str(model, " lies outside the image");
        return fail(model, TL_ERR_IMAGE);
    }
    r->data = data;
    r->start = (int32_t)start;
    r->end = (int32_t)(start + length);
    r->pos = (int32_t)start;
    r->region = region;
    return TL_OK;
}

static tl_status reader_need(tl_model *model, const tl_reader *r, int32_t count)
{
    if (count < 0 || r->pos > r->end - count)
    {
        msg_reset(model);
        msg_str(model, "image: ");
        msg_str(model, r->region);
        msg_str(model, " is truncated (need ");
        msg_int(model, count);
        msg_str(model, " bytes at offset ");
        msg_int(model, (int64_t)r->pos - r->start);
        msg_str(model, ")");
        return fail(model, TL_ERR_IMAGE);
    }
    return TL_OK;
}

static tl_status reader_u8(tl_model *model, tl_reader *r, int32_t *value)
{
    *value = 0;
    if (reader_need(model, r, 1) != TL_OK)
    {
        return model->status;
    }
    *value = r->data[r->pos];
    r->pos += 1;
    return TL_OK;
}

static tl_status reader_u16(tl_model *model, tl_reader *r, int32_t *value)
{
    *value = 0;
    if (reader_need(model, r, 2) != TL_OK)
    {
        return model->status;
    }
    *value = (int32_t)r->data[r->pos] | ((int32_t)r->data[r->pos + 1] << 8);
    r->pos += 2;
    return TL_OK;
}

static tl_status reader_i32(tl_model *model, tl_reader *r, int32_t *value)
{
    *value = 0;
    if (reader_need(model, r, 4) != TL_OK)
    {
        return model->status;
    }
    *value = rd_i32(r->data + r->pos);
    r->pos += 4;
    return TL_OK;
}

/** A count or size in [0, max]; the message names the region and @p what (an optional @p index after it). */
static tl_status reader_count(tl_model *model, tl_reader *r, int32_t max, const char *what_prefix, int32_t index,
                              const char *what, int32_t *value)
{
    int32_t v = 0;
    *value = 0;
    if (reader_i32(model, r, &v) != TL_OK)
    {
        return model->status;
    }
    if (v < 0 || v > max)
    {
        msg_reset(model);
        msg_str(model, "image: ");
        msg_str(model, r->region);
        msg_str(model, ": ");
        if (what_prefix != NULL)
        {
            msg_str(model, what_prefix);
            msg_int(model, index);
            msg_str(model, " ");
        }
        msg_str(model, what);
        msg_str(model, " ");
        msg_int(model, v);
        msg_str(model, " is out of range [0, ");
        msg_int(model, max);
        msg_str(model, "]");
        return fail(model, TL_ERR_IMAGE);
    }
    *value = v;
    return TL_OK;
}

/** A length-prefixed (uint16) ASCII string, skipped. */
static tl_status reader_skip_ascii(tl_model *model, tl_reader *r)
{
    /* Initialised only for arm-none-eabi-gcc 12 -O2, which cannot see that reader_u16 sets it on TL_OK
     * (-Werror=maybe-uninitialized). */
    int32_t n = 0;
    if (reader_u16(model, r, &n) != TL_OK || reader_need(model, r, n) != TL_OK)
    {
        return model->status;
    }
    r->pos += n;
    return TL_OK;
}

#define TRY(expr)                                                                                                  \
    do                                                                                                             \
    {                                                                                                              \
        if ((expr) != TL_OK)                                                                                       \
        {                                                                                                          \
            return model->status;                                                                                  \
        }                                                                                                          \
    } while (0)

/* ---- CRC-32, nibble-wise (a 64-byte constant table instead of 1 KB) ---- */

static const uint32_t crc_nibble_table[16] = {
    0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu, 0x76DC4190u, 0x6B6B51F4u, 0x4DB26158u, 0x5005713Cu,
    0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu, 0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu};

uint32_t tl_crc32(const uint8_t *data, size_t count)
{
    uint32_t crc = 0xFFFFFFFFu;
    size_t i;
    for (i = 0; i < count; i++)
    {
        crc ^= data[i];
        crc = crc_nibble_table[crc & 0x0Fu] ^ (crc >> 4);
        crc = crc_nibble_table[crc & 0x0Fu] ^ (crc >> 4);
    }
    return ~crc;
}

/* ---- tensor resolver handed to the kernels ---- */

/* Record field offsets (docs/FORMAT.md, "Tensor record"). */
#define REC_TYPE 0
#define REC_LOCATION 1
#define REC_RANK 2
#define REC_FLAGS 3
#define REC_OFFSET 4
#define REC_SIZE 8
#define REC_DIMS 12
#define REC_SCALE 36
#define REC_ZERO_POINT 40

static const uint8_t *tensor_record(const tl_tensors *tensors, int32_t index)
{
    /* One unsigned comparison rejects negative indices too (count is never negative). */
    if (tensors == NULL || (uint32_t)index >= (uint32_t)tensors->count)
    {
        return NULL;
    }
    return tensors->records + (size_t)index * TL_IMAGE_TENSOR_RECORD_BYTES;
}

uint8_t *tl_tensor_data(const tl_tensors *tensors, int32_t index)
{
    const uint8_t *rec;
    uint32_t offset;
    /* Every kernel call resolves its tensors here, so this stays short: tensors is the runner's own resolver
       (never NULL, tl_op.h), index -1 (an omitted input) and any other out-of-range index give NULL. */
    if ((uint32_t)index >= (uint32_t)tensors->count)
    {
        return NULL;
    }
    rec = tensors->records + (size_t)index * TL_IMAGE_TENSOR_RECORD_BYTES;
    offset = rd_u32(rec + REC_OFFSET);
    if (rec[REC_LOCATION] == TL_LOCATION_ARENA)
    {
        return tensors->arena + offset;
    }
    if (rec[REC_LOCATION] == TL_LOCATION_IMAGE)
    {
        /* Image tensors are only ever read (outputs are arena tensors, checked at load). */
        return (uint8_t *)(uintptr_t)(tensors->image + offset);
    }
    return NULL;
}

int32_t tl_tensor_bytes(const tl_tensors *tensors, int32_t index)
{
    const uint8_t *rec = tensor_record(tensors, index);
    return rec == NULL ? 0 : rd_i32(rec + REC_SIZE);
}

int32_t tl_tensor_type(const tl_tensors *tensors, int32_t index)
{
    const uint8_t *rec = tensor_record(tensors, index);
    return rec == NULL ? -1 : (int32_t)rec[REC_TYPE];
}

/* ---- load ---- */

/** Interpreter.ElementBytes: bytes of @p elements elements of @p type; -1 for an unknown type. */
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

static void msg_tensor(tl_model *model, int32_t t)
{
    msg_reset(model);
    msg_str(model, "image: tensor ");
    msg_int(model, t);
}

/** Interpreter.ReadTensor: one 44-byte record, checked against the arena and the constant section. */
static tl_status read_tensor(tl_model *model, tl_reader *r, int32_t t, int32_t const_off, int32_t const_len)
{
    int32_t type = 0, location = 0, rank = 0, flags = 0, offset = 0, size = 0, d, scale = 0, zero_point = 0;
    int64_t elements = 1;
    TRY(reader_u8(model, r, &type));
    TRY(reader_u8(model, r, &location));
    TRY(reader_u8(model, r, &rank));
    TRY(reader_u8(model, r, &flags));
    TRY(reader_i32(model, r, &offset));
    TRY(reader_i32(model, r, &size));
    if (rank > TL_IMAGE_MAX_RANK)
    {
        msg_tensor(model, t);
        msg_str(model, ": rank ");
        msg_int(model, rank);
        msg_str(model, " exceeds ");
        msg_int(model, TL_IMAGE_MAX_RANK);
        return fail(model, TL_ERR_IMAGE);
    }
    for (d = 0; d < TL_IMAGE_MAX_RANK; d++)
    {
        int32_t dim;
        TRY(reader_i32(model, r, &dim));
        if (d < rank)
        {
            if (dim < 0 || dim > 0x7FFFFFF)
            {
                msg_tensor(model, t);
                msg_str(model, ": dimension ");
                msg_int(model, d);
                msg_str(model, " is ");
                msg_int(model, dim);
                return fail(model, TL_ERR_IMAGE);
            }
            /* elements <= 2^31 - 1 before and dim < 2^27: the product fits int64. */
            elements *= dim;
            if (elements > 0x7FFFFFFF)
            {
                msg_tensor(model, t);
                msg_str(model, " is too large");
                return fail(model, TL_ERR_IMAGE);
            }
        }
    }
    TRY(reader_i32(model, r, &scale));
    TRY(reader_i32(model, r, &zero_point));
    (void)flags;
    (void)scale;
    (void)zero_point;
    if (location == TL_LOCATION_NONE)
    {
        if (size != 0)
        {
            msg_tensor(model, t);
            msg_str(model, " has no storage but a size");
            return fail(model, TL_ERR_IMAGE);
        }
    }
    else
    {
        int64_t expected = element_bytes(type, elements);
        if (expected < 0)
        {
            msg_tensor(model, t);
            msg_str(model, " has unknown type ");
            msg_int(model, type);
            return fail(model, TL_ERR_IMAGE);
        }
        if ((int64_t)size != expected)
        {
            msg_tensor(model, t);
            msg_str(model, " size ");
            msg_int(model, size);
            msg_str(model, " does not match its shape (");
            msg_int(model, expected);
            msg_str(model, " bytes)");
            return fail(model, TL_ERR_IMAGE);
        }
        if (location == TL_LOCATION_ARENA)
        {
            /* size >= 0 here (it equals a non-negative expected size). */
            if (offset < 0 || offset > model->arena_bytes - size)
            {
                msg_tensor(model, t);
                msg_str(model, " at arena offset ");
                msg_int(model, offset);
                msg_str(model, " (+");
                msg_int(model, size);
                msg_str(model, ") lies outside the ");
                msg_int(model, model->arena_bytes);
                msg_str(model, "-byte arena");
                return fail(model, TL_ERR_IMAGE);
            }
        }
        else if (location == TL_LOCATION_IMAGE)
        {
            if (offset < const_off || (int64_t)offset - const_off > (int64_t)const_len - size)
            {
                msg_tensor(model, t);
                msg_str(model, " constant data lies outside the constant section");
                return fail(model, TL_ERR_IMAGE);
            }
        }
        else
        {
            msg_tensor(model, t);
            msg_str(model, " has unknown location ");
            msg_int(model, location);
            return fail(model, TL_ERR_IMAGE);
        }
        if ((offset & (element_alignment(type) - 1)) != 0)
        {
            /* Kernels access elements in place through typed pointers; the compiler aligns to 8. */
            msg_tensor(model, t);
            msg_str(model, " offset ");
            msg_int(model, offset);
            msg_str(model, " is not aligned to its element size");
            return fail(model, TL_ERR_IMAGE);
        }
    }
    return TL_OK;
}

static int32_t tensor_location(const tl_model *model, int32_t t)
{
    return (int32_t)model->tensors.records[(size_t)t * TL_IMAGE_TENSOR_RECORD_BYTES + REC_LOCATION];
}

/** Interpreter.ReadIoList: a count and that many arena tensor indices. */
static tl_status read_io_list(tl_model *model, tl_reader *r, const char *what, const char *count_what,
                              const uint8_t **list, int32_t *count)
{
    int32_t n, i;
    TRY(reader_count(model, r, model->tensors.count, NULL, 0, count_what, &n));
    *list = r->data + r->pos;
    *count = n;
    for (i = 0; i < n; i++)
    {
        int32_t t;
        TRY(reader_i32(model, r, &t));
        if (t < 0 || t >= model->tensors.count || tensor_location(model, t) != TL_LOCATION_ARENA)
        {
            msg_reset(model);
            msg_str(model, "image: ");
            msg_str(model, what);
            msg_str(model, " ");
            msg_int(model, i);
            msg_str(model, " refers to tensor ");
            msg_int(model, t);
            msg_str(model, ", which is not an arena tensor");
            return fail(model, TL_ERR_IMAGE);
        }
    }
    return TL_OK;
}

static void msg_op_tensor(tl_model *model, int32_t index, const char *what, int32_t i, int32_t t)
{
    msg_reset(model);
    msg_str(model, "image: operator ");
    msg_int(model, index);
    msg_str(model, " ");
    msg_str(model, what);
    msg_str(model, " ");
    msg_int(model, i);
    msg_str(model, " refers to invalid tensor ");
    msg_int(model, t);
}

/** Interpreter.ReadOp: header, code range, tensor indices (outputs in the arena), params. */
static tl_status read_op(tl_model *model, tl_reader *r, int32_t index)
{
    int32_t code, source, inputs, outputs, params, i;
    TRY(reader_i32(model, r, &code));
    TRY(reader_i32(model, r, &source));
    TRY(reader_count(model, r, 64, "operator ", index, "input count", &inputs));
    TRY(reader_count(model, r, 64, "operator ", index, "output count", &outputs));
    TRY(reader_count(model, r, 1 << 16, "operator ", index, "parameter count", &params));
    (void)source;
    if (code < 100 || code >= 500)
    {
        msg_reset(model);
        msg_str(model, "image: operator ");
        msg_int(model, index);
        msg_str(model, " has unknown kernel code ");
        msg_int(model, code);
        return fail(model, TL_ERR_IMAGE);
    }
    for (i = 0; i < inputs; i++)
    {
        int32_t t;
        TRY(reader_i32(model, r, &t));
        if (t < -1 || t >= model->tensors.count || (t >= 0 && tensor_location(model, t) == TL_LOCATION_NONE))
        {
            msg_op_tensor(model, index, "input", i, t);
            return fail(model, TL_ERR_IMAGE);
        }
    }
    for (i = 0; i < outputs; i++)
    {
        int32_t t;
        TRY(reader_i32(model, r, &t));
        /* Outputs must be in the arena: the image is read-only (flash). */
        if (t < 0 || t >= model->tensors.count || tensor_location(model, t) != TL_LOCATION_ARENA)
        {
            msg_op_tensor(model, index, "output", i, t);
            return fail(model, TL_ERR_IMAGE);
        }
    }
    TRY(reader_need(model, r, params > 0 ? params * 4 : 0));
    r->pos += params * 4;
    return TL_OK;
}

/** Decodes the (already validated) operator record at @p p into @p op; returns the next record. */
static const uint8_t *decode_op(const uint8_t *p, tl_op *op)
{
    op->code = rd_i32(p);
    op->source_index = rd_i32(p + 4);
    op->input_count = rd_i32(p + 8);
    op->output_count = rd_i32(p + 12);
    op->param_count = rd_i32(p + 16);
    /* The image is 4-byte aligned (checked at load) and every record field is an int32, so these are
       aligned int32 arrays in the image's little-endian byte order (all supported targets are LE). */
    op->inputs = (const int32_t *)(const void *)(p + 20);
    op->outputs = op->inputs + op->input_count;
    op->params = op->outputs + op->output_count;
    return p + 20 + 4 * ((size_t)op->input_count + (size_t)op->output_count + (size_t)op->param_count);
}


static int is_little_endian(void)
{
    const uint16_t probe = 1;
    return *(const uint8_t *)(const void *)&probe == 1;
}

tl_status tl_model_load(tl_model *model, const uint8_t *image, size_t image_bytes, uint8_t *arena,
                        size_t arena_bytes)
{
    return tl_model_load_ex(model, image, image_bytes, arena, arena_bytes, TL_LOAD_CHECK_CRC | TL_LOAD_RESET_STATE);
}

tl_status tl_model_load_ex(tl_model *model, const uint8_t *image, size_t image_bytes, uint8_t *arena,
                           size_t arena_bytes, uint32_t options)
{
    tl_reader header, table, meta, tensors, io, ops;
    /* major = 0 only for arm-none-eabi-gcc 12 -O2's -Werror=maybe-uninitialized (reader_u16 sets it). */
    int32_t major = 0;
    int32_t length, magic, minor, image_length, crc, header_bytes, section_count, s, t, i;
    int32_t meta_off = -1, meta_len = 0, tensor_off = -1, tensor_len = 0, ops_off = -1, ops_len = 0;
    int32_t io_off = -1, io_len = 0, const_off = -1, const_len = 0, tensor_count, op_count;
    const uint8_t *p;

    if (model == NULL)
    {
        return TL_ERR_ARGUMENT;
    }
    memset(model, 0, sizeof(*model));
    model->failed_op = -1;
    model->failed_code = -1;
    if (image == NULL)
    {
        return fail_text(model, TL_ERR_ARGUMENT, "image: no image given");
    }
    if (((uintptr_t)image & 3u) != 0 || ((uintptr_t)arena & 3u) != 0)
    {
        return fail_text(model, TL_ERR_ARGUMENT, "image and arena must be 4-byte aligned");
    }
    if (!is_little_endian())
    {
        return fail_text(model, TL_ERR_ARGUMENT, "the native runner needs a little-endian CPU");
    }
    if (image_bytes > 0x7FFFFFFFu)
    {
        return fail_text(model, TL_ERR_IMAGE, "image: larger than 2 GB");
    }
    length = (int32_t)image_bytes;

    TRY(reader_open(model, &header, image, length, 0, TL_IMAGE_HEADER_BYTES, "header"));
    TRY(reader_i32(model, &header, &magic));
    if ((uint32_t)magic != TL_IMAGE_MAGIC)
    {
        return fail_text(model, TL_ERR_IMAGE, "image: not a TinyLite image (bad magic)");
    }
    TRY(reader_u16(model, &header, &major));
    TRY(reader_u16(model, &header, &minor));
    (void)minor;
    if (major != TL_IMAGE_VERSION_MAJOR)
    {
        msg_reset(model);
        msg_str(model, "image: format version ");
        msg_int(model, major);
        msg_str(model, " is not supported (this runtime reads version ");
        msg_int(model, TL_IMAGE_VERSION_MAJOR);
        msg_str(model, ")");
        return fail(model, TL_ERR_IMAGE);
    }
    TRY(reader_i32(model, &header, &image_length));
    if (image_length != length)
    {
        msg_reset(model);
        msg_str(model, "image: header says ");
        msg_int(model, image_length);
        msg_str(model, " bytes but the image has ");
        msg_int(model, length);
        msg_str(model, " (truncated or padded)");
        return fail(model, TL_ERR_IMAGE);
    }
    TRY(reader_i32(model, &header, &crc));
    if ((options & TL_LOAD_CHECK_CRC) != 0u &&
        (uint32_t)crc != tl_crc32(image + TL_IMAGE_CRC_START, (size_t)length - TL_IMAGE_CRC_START))
    {
        return fail_text(model, TL_ERR_IMAGE, "image: CRC32 mismatch (the image is corrupted)");
    }
    TRY(reader_i32(model, &header, &header_bytes));
    if (header_bytes != TL_IMAGE_HEADER_BYTES)
    {
        return fail_text(model, TL_ERR_IMAGE, "image: unexpected header size");
    }
    TRY(reader_count(model, &header, 64, NULL, 0, "section count", &section_count));
    TRY(reader_count(model, &header, 0x7FFFFFFF, NULL, 0, "arena size", &model->arena_bytes));

    TRY(reader_open(model, &table, image, length, TL_IMAGE_HEADER_BYTES,
                    (int64_t)section_count * TL_IMAGE_SECTION_ENTRY_BYTES, "section table"));
    for (s = 0; s < section_count; s++)
    {
        int32_t kind, off, len;
        TRY(reader_i32(model, &table, &kind));
        TRY(reader_count(model, &table, length, NULL, 0, "section offset", &off));
        TRY(reader_count(model, &table, length - off, NULL, 0, "section length", &len));
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
        return fail_text(model, TL_ERR_IMAGE, "image: a required section is missing");
    }

    TRY(reader_open(model, &meta, image, length, meta_off, meta_len, "meta section"));
    for (i = 0; i < 4; i++)
    {
        TRY(reader_skip_ascii(model, &meta));
    }

    /* Tensors. */
    TRY(reader_open(model, &tensors, image, length, tensor_off, tensor_len, "tensor section"));
    TRY(reader_count(model, &tensors, tensor_len / TL_IMAGE_TENSOR_RECORD_BYTES, NULL, 0, "tensor count",
                     &tensor_count));
    model->tensors.image = image;
    model->tensors.records = image + tensors.pos;
    model->tensors.count = 0; /* grows as records are validated: only checked records are ever resolved */
    for (t = 0; t < tensor_count; t++)
    {
        TRY(read_tensor(model, &tensors, t, const_off, const_len));
    }
    model->tensors.count = tensor_count;

    /* Inputs and outputs. */
    TRY(reader_open(model, &io, image, length, io_off, io_len, "io section"));
    TRY(read_io_list(model, &io, "input", "input count", &model->inputs, &model->input_count));
    TRY(read_io_list(model, &io, "output", "output count", &model->outputs, &model->output_count));

    /* Operators. */
    TRY(reader_open(model, &ops, image, length, ops_off, ops_len, "operator section"));
    TRY(reader_count(model, &ops, ops_len / 20, NULL, 0, "operator count", &op_count));
    if ((ops_off & 3) != 0)
    {
        /* Kernels read the records' int32 arrays in place (tl_op); the compiler aligns sections to 8. */
        return fail_text(model, TL_ERR_IMAGE, "image: operator section is not 4-byte aligned");
    }
    model->ops = image + ops.pos;
    for (i = 0; i < op_count; i++)
    {
        TRY(read_op(model, &ops, i));
    }
    model->op_count = op_count;

    /* The arena: checked before any byte of it is written. */
    if ((arena == NULL && model->arena_bytes > 0) || arena_bytes < (size_t)model->arena_bytes)
    {
        msg_reset(model);
        msg_str(model, "arena: ");
        msg_int(model, arena == NULL ? 0 : (int64_t)arena_bytes);
        msg_str(model, " bytes given but the image needs ");
        msg_int(model, model->arena_bytes);
        return fail(model, TL_ERR_ARENA);
    }
    model->tensors.arena = arena;

    /* Every kernel's parameters against its tensors. */
    p = model->ops;
    for (i = 0; i < op_count; i++)
    {
        tl_op op;
        tl_status status;
        p = decode_op(p, &op);
        status = tl_family_validate(&op, &model->tensors);
        if (status != TL_OK)
        {
            model->failed_op = i;
            model->failed_code = op.code;
            msg_reset(model);
            msg_str(model, "image: operator ");
            msg_int(model, i);
            msg_str(model, " (kernel ");
            msg_int(model, op.code);
            msg_str(model, ", model operator ");
            msg_int(model, op.source_index);
            msg_str(model, "): ");
            if (status == TL_ERR_UNSUPPORTED)
            {
                msg_str(model, "kernel code ");
                msg_int(model, op.code);
                msg_str(model, " is not implemented by the native kernels");
            }
            else
            {
                msg_str(model, "parameters do not fit its tensors");
            }
            return fail(model, status == TL_ERR_UNSUPPORTED ? TL_ERR_UNSUPPORTED : TL_ERR_PARAMS);
        }
    }
    model->status = TL_OK;
    if ((options & TL_LOAD_RESET_STATE) != 0u)
    {
        tl_model_reset_state(model);
    }
    return TL_OK;
}

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
        p = decode_op(p, &op);
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
        if ((rec[REC_FLAGS] & TL_TENSOR_FLAG_VARIABLE) != 0 && rec[REC_LOCATION] == TL_LOCATION_ARENA)
        {
            int32_t size = rd_i32(rec + REC_SIZE);
            if (size > 0)
            {
                memset(model->tensors.arena + rd_u32(rec + REC_OFFSET), 0, (size_t)size);
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

static int32_t io_tensor(const uint8_t *list, int32_t count, int32_t index)
{
    return index < 0 || index >= count ? -1 : rd_i32(list + 4 * (size_t)index);
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
