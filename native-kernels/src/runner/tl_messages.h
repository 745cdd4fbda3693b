/*
 * One-line load messages without stdio: a failing check writes what is wrong and where into the model's
 * message buffer (cut at TL_MESSAGE_BYTES) and records the status. Internal to the runner.
 */
#ifndef TINYLITE_TL_MESSAGES_H
#define TINYLITE_TL_MESSAGES_H

#include <stdint.h>

#include "tinylite/tl_runner.h"

/** Empties the message. */
void tl_msg_reset(tl_model *model);

/** Appends @p text. */
void tl_msg_str(tl_model *model, const char *text);

/** Appends @p value in decimal. */
void tl_msg_int(tl_model *model, int64_t value);

/** Records a failure: @p status with the message already built. Returns @p status for `return tl_fail(...)`. */
tl_status tl_fail(tl_model *model, tl_status status);

/** Records a failure with @p text as the whole message. */
tl_status tl_fail_text(tl_model *model, tl_status status, const char *text);

/** Returns the model's status from the calling function when @p expr (a check) is not TL_OK. */
#define TL_TRY(expr)                                                                                                   \
    do                                                                                                                 \
    {                                                                                                                  \
        if ((expr) != TL_OK)                                                                                           \
        {                                                                                                              \
            return model->status;                                                                                      \
        }                                                                                                              \
    } while (0)

#endif /* TINYLITE_TL_MESSAGES_H */
