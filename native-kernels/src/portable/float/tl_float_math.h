/*
 * expf and tanhf of TinyLite's own (tl_float_math.c): the same bits on every target, matching glibc's libm,
 * which TFLM's reference kernels call through std::exp and std::tanh.
 */
#ifndef TINYLITE_TL_FLOAT_MATH_H
#define TINYLITE_TL_FLOAT_MATH_H

#include <stdint.h>

/** e^x in float, rounded as glibc's expf; +inf above log(FLT_MAX * 2^(1/2)...) and 0 far below, NaN stays NaN. */
float tl_expf(float x);

/** tanh(x) in float, computed as glibc's float tanhf (fdlibm); +-1 for |x| >= 22, NaN stays NaN. */
float tl_tanhf(float x);

#endif /* TINYLITE_TL_FLOAT_MATH_H */
