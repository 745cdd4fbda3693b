/**
 * @file tl_runner.h
 * @brief Loads, validates and runs a whole TinyLite image (.tlm, docs/FORMAT.md) held in a const array,
 * with a caller-given arena.
 *
 * Loading checks everything the managed loader (nf-runtime/src/Image/ImageLoader.cs and ImageValidator.cs)
 * checks, in the same order: magic, major version, image length, CRC32, header size, sections, counts, tensor records,
 * the input/output lists, the operator records, the arena size, and finally every kernel's parameters
 * through the family validators (tl_families.h). An image that passes cannot make any kernel read or
 * write outside its tensors; one that fails is refused before any byte of the arena is written, with a
 * one-line message (tl_model_error).
 *
 * Nothing is copied or allocated: the model keeps pointers into the image and the arena and decodes
 * tensor and operator records from the image on demand. The image must stay unchanged and mapped while
 * the model is used. Everything is reentrant: all state is in the tl_model the caller owns.
 *
 * Typical use (e.g. a bare-metal program with the image in flash):
 * @code
 * static uint8_t arena[ARENA_BYTES] __attribute__((aligned(8)));
 * tl_model model;
 * if (tl_model_load(&model, image, image_len, arena, sizeof arena) != TL_OK) puts(tl_model_error(&model));
 * memcpy(tl_model_input(&model, 0), input, tl_model_input_bytes(&model, 0));
 * tl_model_invoke(&model);
 * @endcode
 */
#ifndef TINYLITE_TL_RUNNER_H
#define TINYLITE_TL_RUNNER_H

#include <stddef.h>
#include <stdint.h>

#include "tl_op.h"
#include "tl_status.h"
#include "tl_tensors.h"

#ifdef __cplusplus
extern "C"
{
#endif

/** Bytes reserved for the error message of a failed load (longer messages are cut). */
#define TL_MESSAGE_BYTES 192

/** Load option: verify the CRC32 (always on for tl_model_load). */
#define TL_LOAD_CHECK_CRC 1u
/** Load option: zero the variable (state) tensors after validation, as the managed ResetState. */
#define TL_LOAD_RESET_STATE 2u

    /** A loaded image. Owned by the caller (stack or static); a few dozen bytes plus the message. */
    typedef struct
    {
        tl_tensors tensors;             /**< Resolver handed to the kernels. */
        const uint8_t *ops;             /**< First operator record inside the image. */
        int32_t op_count;               /**< Kernel calls per invoke. */
        const uint8_t *inputs;          /**< input_count little-endian int32 tensor indices inside the image. */
        int32_t input_count;            /**< Model inputs. */
        const uint8_t *outputs;         /**< output_count little-endian int32 tensor indices inside the image. */
        int32_t output_count;           /**< Model outputs. */
        int32_t arena_bytes;            /**< Arena bytes the image needs (the compiler's exact plan). */
        int32_t failed_op;              /**< Operator index whose validation failed, or -1. */
        int32_t failed_code;            /**< Kernel code of that operator, or -1. */
        tl_status status;               /**< Result of the last load (TL_OK once loaded). */
        char message[TL_MESSAGE_BYTES]; /**< NUL-terminated description of the last load failure ("" if none). */
    } tl_model;

    /**
 * Loads and fully validates @p image (CRC included), then resets its variable tensors (int8: zero point, else 0) in @p arena.
 * @param model       filled in; on failure only status, message, failed_op and failed_code are meaningful.
 * @param image       the image, 4-byte aligned (8 recommended); must outlive @p model and not change.
 * @param image_bytes its exact length (must equal the length in its header).
 * @param arena       working memory, 4-byte aligned (8 recommended), at least tl_model_arena_bytes; may be
 *                    NULL only if the image needs no arena.
 * @param arena_bytes its length; a smaller arena than the image needs is refused (TL_ERR_ARENA).
 * @return TL_OK; TL_ERR_ARGUMENT (NULL pointers, misaligned buffers); TL_ERR_IMAGE (malformed, corrupted
 *         or hostile image); TL_ERR_ARENA; TL_ERR_PARAMS (a kernel's parameters do not fit its tensors);
 *         TL_ERR_UNSUPPORTED (a kernel code this build does not implement: see failed_code).
 */
    tl_status tl_model_load(tl_model *model, const uint8_t *image, size_t image_bytes, uint8_t *arena,
                            size_t arena_bytes);

    /**
 * tl_model_load with options: TL_LOAD_CHECK_CRC and/or TL_LOAD_RESET_STATE. Without TL_LOAD_CHECK_CRC
 * every structural and kernel check still runs (the image can still not cause an out-of-bounds access);
 * only the corruption check is skipped, for re-binding an image that was loaded before.
 */
    tl_status tl_model_load_ex(tl_model *model, const uint8_t *image, size_t image_bytes, uint8_t *arena,
                               size_t arena_bytes, uint32_t options);

    /**
 * Runs every kernel once in order: reads the inputs and writes the outputs in the arena. Never
 * allocates; validates nothing (tl_model_load did). @return TL_OK, or TL_ERR_ARGUMENT if @p model is
 * NULL or not loaded.
 */
    tl_status tl_model_invoke(const tl_model *model);

    /** Resets the variable (state) tensors as after loading: int8 ones to their zero point (as TFLM), others to zero. */
    void tl_model_reset_state(const tl_model *model);

    /** The last load's error message ("" after success); never NULL for a non-NULL model. */
    const char *tl_model_error(const tl_model *model);

    /** A fixed description of @p status (static string). */
    const char *tl_status_text(tl_status status);

    /** Bytes of arena the loaded image needs. */
    int32_t tl_model_arena_bytes(const tl_model *model);

    /** Number of model inputs / outputs. */
    int32_t tl_model_input_count(const tl_model *model);
    int32_t tl_model_output_count(const tl_model *model);

    /** Arena bytes of input / output @p index, or NULL for an index out of range. */
    uint8_t *tl_model_input(const tl_model *model, int32_t index);
    uint8_t *tl_model_output(const tl_model *model, int32_t index);

    /** Byte size of input / output @p index, or 0 for an index out of range. */
    int32_t tl_model_input_bytes(const tl_model *model, int32_t index);
    int32_t tl_model_output_bytes(const tl_model *model, int32_t index);

    /** CRC-32 (IEEE 802.3, reflected 0xEDB88320, as zlib) of @p count bytes at @p data. */
    uint32_t tl_crc32(const uint8_t *data, size_t count);

#ifdef __cplusplus
}
#endif

#endif /* TINYLITE_TL_RUNNER_H */
