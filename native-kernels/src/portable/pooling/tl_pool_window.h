/*
 * The input span one pooling window covers along one axis, padding excluded: shared by the integer and float32
 * pooling kernels. Works in absolute input coordinates, as TFLM does, so no intermediate value leaves int32 even when
 * a hostile image pairs a pad near INT32_MAX with a filter as wide.
 */
#ifndef TINYLITE_TL_POOL_WINDOW_H
#define TINYLITE_TL_POOL_WINDOW_H

#include <stdint.h>

#include "tinylite/tl_compiler.h"
#include "tinylite/tl_fixed_point.h"

/*
 * Sets [*lo, *hi) to the inputs covered by output `out` along an axis. Validation (tl_dv_pool, tl_fl_pool_validate)
 * keeps every window's origin out * stride - pad inside (-filter, in_size): the wrapping arithmetic yields it exactly,
 * and the span is never empty.
 */
static TL_ALWAYS_INLINE void tl_pool_span(int32_t out, int32_t stride, int32_t filter, int32_t pad, int32_t in_size,
                                          int32_t *lo, int32_t *hi)
{
    const int32_t origin = tl_sub32_wrap(tl_mul32_wrap(out, stride), pad);
    *lo = origin < 0 ? 0 : origin;
    /* origin + filter could pass INT32_MAX; in_size - filter cannot. */
    *hi = origin >= in_size - filter ? in_size : origin + filter;
}

#endif /* TINYLITE_TL_POOL_WINDOW_H */
