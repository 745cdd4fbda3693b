/*
 * Private load-time checks and Params decoding of the pooling kernels' image adapters (dense family): the same
 * checks, in the same order, as nf-runtime/src/Kernels/Pooling/PoolGeometry.cs. Each check returns TL_OK or
 * TL_ERR_PARAMS.
 */
#ifndef TINYLITE_TL_POOL_CHECKS_H
#define TINYLITE_TL_POOL_CHECKS_H

#include "tinylite/tl_dense_kernels.h"

#include "../dense/tl_dense_validation.h"

/* A pooling record (see PoolGeometry): sizes, positive dims, non-negative padding, non-empty windows. */
tl_status tl_dv_pool(const tl_op *op, const tl_tensors *tensors, int32_t io_type, int32_t io_bytes, int32_t type_min,
                     int32_t type_max);

/* An AVERAGE_POOL_2D record as tl_dv_pool, with an optional second output: the CMSIS-NN backend's scratch (compile
   --cmsis-nn), an int8 tensor of at least one int32 per channel, 4-byte aligned (CmsisNnPoolScratch.ValidatePool). */
tl_status tl_dv_average_pool(const tl_op *op, const tl_tensors *tensors, int32_t io_type, int32_t io_bytes,
                             int32_t act_lo, int32_t act_hi);

/* Decodes the pooling Params (the pool layout, TL_POOL_P_*). */
void tl_dv_pool_params(const int32_t *p, tl_pool_params *out);

/* Checks the typed pooling geometry the kernels rely on (positive dims). */
int tl_dv_pool_params_ok(const tl_pool_params *params);
#endif /* TINYLITE_TL_POOL_CHECKS_H */
