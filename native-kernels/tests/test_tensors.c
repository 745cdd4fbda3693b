/*
 * CTest for the tensor accessors of tl_op.h (src/tensors/tl_tensors.c) over hand-written tensor records. The
 * program links that one file and nothing else of the library: the kernels' only dependency on the runtime
 * needs no runner, loader or family dispatcher.
 */
#include <stdint.h>
#include <string.h>

#include "tinylite/tl_image.h"
#include "tinylite/tl_tensors.h"

#include "tl_test_check.h"

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

/* Writes the fields the accessors read into tensor record @p index of @p records. */
static void put_record(uint8_t *records, int index, int type, int location, uint32_t offset, int32_t size)
{
    uint8_t *rec = records + (size_t)index * TL_IMAGE_TENSOR_RECORD_BYTES;
    memset(rec, 0, TL_IMAGE_TENSOR_RECORD_BYTES);
    rec[TL_IMAGE_TENSOR_OFF_TYPE] = (uint8_t)type;
    rec[TL_IMAGE_TENSOR_OFF_LOCATION] = (uint8_t)location;
    put32(rec + TL_IMAGE_TENSOR_OFF_OFFSET, offset);
    put32(rec + TL_IMAGE_TENSOR_OFF_BYTE_SIZE, (uint32_t)size);
}

int main(void)
{
    /* As in an image, the records follow a 4-byte tensor count; the constant data follows the records. */
    static uint8_t image[4 + 3 * TL_IMAGE_TENSOR_RECORD_BYTES + 64];
    static uint8_t arena[64];
    uint8_t *records = image + 4;
    tl_tensors tensors;
    put_record(records, 0, TL_TYPE_INT8, TL_LOCATION_ARENA, 16, 10);
    put_record(records, 1, TL_TYPE_INT32, TL_LOCATION_IMAGE, 4 + 3 * TL_IMAGE_TENSOR_RECORD_BYTES, 12);
    put_record(records, 2, TL_TYPE_INT16, TL_LOCATION_NONE, 0, 0);
    tensors.image = image;
    tensors.arena = arena;
    tensors.records = records;
    tensors.count = 3;

    /* An arena tensor resolves into the arena, an image tensor into the image, at their record's offset. */
    CHECK(tl_tensor_data(&tensors, 0) == arena + 16);
    CHECK(tl_tensor_data(&tensors, 1) == image + 4 + 3 * TL_IMAGE_TENSOR_RECORD_BYTES);
    CHECK(tl_tensor_bytes(&tensors, 0) == 10);
    CHECK(tl_tensor_bytes(&tensors, 1) == 12);
    CHECK(tl_tensor_type(&tensors, 0) == TL_TYPE_INT8);
    CHECK(tl_tensor_type(&tensors, 1) == TL_TYPE_INT32);

    /* A tensor without storage has a type but no bytes. */
    CHECK(tl_tensor_data(&tensors, 2) == NULL);
    CHECK(tl_tensor_bytes(&tensors, 2) == 0);
    CHECK(tl_tensor_type(&tensors, 2) == TL_TYPE_INT16);

    /* -1 (an omitted optional input) and indices past the table resolve to nothing. */
    CHECK(tl_tensor_data(&tensors, -1) == NULL);
    CHECK(tl_tensor_data(&tensors, 3) == NULL);
    CHECK(tl_tensor_bytes(&tensors, -1) == 0);
    CHECK(tl_tensor_bytes(&tensors, 3) == 0);
    CHECK(tl_tensor_type(&tensors, -1) == -1);
    CHECK(tl_tensor_type(&tensors, 3) == -1);
    CHECK(tl_tensor_bytes(NULL, 0) == 0);
    CHECK(tl_tensor_type(NULL, 0) == -1);

    /* Only the first count records are resolved: a shorter table hides the rest. */
    tensors.count = 1;
    CHECK(tl_tensor_data(&tensors, 1) == NULL);
    CHECK(tl_tensor_bytes(&tensors, 1) == 0);

    if (failures == 0)
    {
        printf("tensors: all checks passed\n");
    }
    return failures == 0 ? 0 : 1;
}
