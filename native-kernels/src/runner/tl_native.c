/* The flat C ABI for P/Invoke and nanoFramework interop (see tl_native.h). */
#include "tinylite/tl_native.h"

#include <string.h>

#include "tinylite/tl_runner.h"

int32_t tl_native_version(void)
{
    return 1;
}

static void copy_message(const tl_model *model, uint8_t *message, int32_t message_bytes)
{
    size_t n;
    if (message == NULL || message_bytes <= 0)
    {
        return;
    }
    n = strlen(model->message);
    if (n > (size_t)message_bytes - 1u)
    {
        n = (size_t)message_bytes - 1u;
    }
    memcpy(message, model->message, n);
    message[n] = 0;
}

static int32_t bind(tl_model *model, const uint8_t *image, int32_t image_bytes, uint8_t *arena, int32_t arena_bytes,
                    uint8_t *message, int32_t message_bytes, uint32_t options)
{
    tl_status status;
    if (image_bytes < 0 || arena_bytes < 0)
    {
        memset(model, 0, sizeof(*model));
        strcpy(model->message, "negative image or arena length");
        copy_message(model, message, message_bytes);
        return TL_ERR_ARGUMENT;
    }
    status = tl_model_load_ex(model, image, (size_t)image_bytes, arena, (size_t)arena_bytes, options);
    if (status != TL_OK)
    {
        copy_message(model, message, message_bytes);
    }
    return (int32_t)status;
}

int32_t tl_native_load(const uint8_t *image, int32_t image_bytes, uint8_t *arena, int32_t arena_bytes, uint8_t *message,
                       int32_t message_bytes)
{
    tl_model model;
    return bind(&model, image, image_bytes, arena, arena_bytes, message, message_bytes,
                TL_LOAD_CHECK_CRC | TL_LOAD_RESET_STATE);
}

int32_t tl_native_invoke(const uint8_t *image, int32_t image_bytes, uint8_t *arena, int32_t arena_bytes,
                         uint8_t *message, int32_t message_bytes)
{
    tl_model model;
    int32_t status = bind(&model, image, image_bytes, arena, arena_bytes, message, message_bytes, 0u);
    if (status != TL_OK)
    {
        return status;
    }
    return (int32_t)tl_model_invoke(&model);
}

const char *tl_native_status_text(int32_t status)
{
    return tl_status_text((tl_status)status);
}
