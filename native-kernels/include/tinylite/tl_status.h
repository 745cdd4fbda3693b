/**
 * @file tl_status.h
 * @brief Status codes returned by every TinyLite native function.
 */
#ifndef TINYLITE_TL_STATUS_H
#define TINYLITE_TL_STATUS_H

/** Result of a TinyLite call; checked in every build. */
typedef enum
{
    TL_OK = 0,              /**< Success. */
    TL_ERR_IMAGE = 1,       /**< The image is malformed, corrupted or hostile (rejected before any execution). */
    TL_ERR_ARENA = 2,       /**< The arena is missing or smaller than the image needs. */
    TL_ERR_PARAMS = 3,      /**< A kernel's parameters do not fit the tensors it touches. */
    TL_ERR_UNSUPPORTED = 4, /**< A kernel code this build does not implement. */
    TL_ERR_ARGUMENT = 5     /**< A caller argument is invalid (NULL pointer, index out of range). */
} tl_status;

#endif /* TINYLITE_TL_STATUS_H */
