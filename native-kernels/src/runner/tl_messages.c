/* Load messages (see tl_messages.h). */
#include "tl_messages.h"

#include <string.h>

void tl_msg_reset(tl_model *model)
{
    model->message[0] = '\0';
}

void tl_msg_str(tl_model *model, const char *text)
{
    size_t len = strlen(model->message);
    while (*text != '\0' && len + 1 < TL_MESSAGE_BYTES)
    {
        model->message[len++] = *text++;
    }
    model->message[len] = '\0';
}

void tl_msg_int(tl_model *model, int64_t value)
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
    tl_msg_str(model, text);
}

tl_status tl_fail(tl_model *model, tl_status status)
{
    model->status = status;
    return status;
}

tl_status tl_fail_text(tl_model *model, tl_status status, const char *text)
{
    tl_msg_reset(model);
    tl_msg_str(model, text);
    return tl_fail(model, status);
}
