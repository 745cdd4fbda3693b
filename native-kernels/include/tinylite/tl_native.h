/**
 * @file tl_native.h
 * @brief The flat C ABI the managed runtime calls: P/Invoke on the host (libtinylite_native), and the
 * nanoFramework interop glue on a device. Plain int32 and byte-pointer arguments only, so one C#
 * declaration works for both (nf-runtime/src/Native/NativeKernels.cs).
 *
 * No state is kept between calls: the managed arrays may move between calls (garbage collector), so each
 * call re-binds the image and the arena. tl_native_load validates everything (CRC included) and zeroes the
 * variable tensors; tl_native_invoke re-runs the structural and kernel checks (not the CRC: linear in the
 * image) so that even a changed array can never make a kernel access memory out of bounds, then runs the
 * whole graph.
 */
#ifndef TINYLITE_TL_NATIVE_H
#define TINYLITE_TL_NATIVE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C"
{
#endif

#if defined(_WIN32)
#define TL_NATIVE_API __declspec(dllexport)
#elif defined(__GNUC__)
#define TL_NATIVE_API __attribute__((visibility("default")))
#else
#define TL_NATIVE_API
#endif

    /** Version of this ABI (1); also the "library is loadable" probe. */
    TL_NATIVE_API int32_t tl_native_version(void);

    /**
 * Validates @p image fully against an arena of @p arena_bytes and zeroes its variable tensors.
 * @param message       receives a NUL-terminated ASCII message on failure (may be NULL).
 * @param message_bytes capacity of @p message.
 * @return a tl_status value (0 = TL_OK).
 */
    TL_NATIVE_API int32_t tl_native_load(const uint8_t *image, int32_t image_bytes, uint8_t *arena, int32_t arena_bytes,
                                         uint8_t *message, int32_t message_bytes);

    /** Binds (structural and kernel checks, no CRC) and runs the whole graph once. Same returns as load. */
    TL_NATIVE_API int32_t tl_native_invoke(const uint8_t *image, int32_t image_bytes, uint8_t *arena,
                                           int32_t arena_bytes, uint8_t *message, int32_t message_bytes);

    /** Kernel code of the operator the last failing call stopped at is in the message; this gives the status text. */
    TL_NATIVE_API const char *tl_native_status_text(int32_t status);

#ifdef __cplusplus
}
#endif

#endif /* TINYLITE_TL_NATIVE_H */
