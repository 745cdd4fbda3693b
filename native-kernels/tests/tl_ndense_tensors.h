/*
 * A minimal tl_tensors for the dense/elementwise tests: each tensor is a separate host buffer. The real
 * resolver reads an image's tensor records (src/tensors/tl_tensors.c); these tests have no image, so they
 * define their own.
 */
#ifndef TINYLITE_TL_NDENSE_TENSORS_H
#define TINYLITE_TL_NDENSE_TENSORS_H

#include <stdint.h>

#include "tinylite/tl_op.h"

#define NDENSE_MAX_TENSORS 1024

struct tl_tensors
{
    int32_t count;
    uint8_t *data[NDENSE_MAX_TENSORS];
    int32_t bytes[NDENSE_MAX_TENSORS];
    int32_t type[NDENSE_MAX_TENSORS];
};

#endif
