/**
 * @file
 * @brief The body of every kernel family's dispatcher (src/families/tl_<family>_family.c, generated).
 *
 * Each family's file is one TL_FAMILY_DISPATCH over its kernel list (TL_<FAMILY>_KERNELS in tl_families.h,
 * generated from codegen/manifest/kernels.toml), so the seven dispatchers are one piece of code. The expansion
 * is the switch the generator used to write out: a case per kernel code calling tl_op_<stem>_validate or
 * tl_op_<stem>. Each family stays its own translation unit with its own external functions, so a build can leave
 * a family out (TINYLITE_FLOAT=OFF) and the QEMU layer runs can wrap tl_<family>_family_run.
 */
#ifndef TINYLITE_TL_FAMILY_DISPATCH_H
#define TINYLITE_TL_FAMILY_DISPATCH_H

#include "tinylite/tl_families.h"

/** A kernel list entry X(code, stem) as a case of the validation switch. */
#define TL_FAMILY_VALIDATE_CASE(code, stem)                                                                            \
    case code:                                                                                                         \
        return tl_op_##stem##_validate(op, tensors);

/** A kernel list entry X(code, stem) as a case of the run switch. */
#define TL_FAMILY_RUN_CASE(code, stem)                                                                                 \
    case code:                                                                                                         \
        tl_op_##stem(op, tensors);                                                                                     \
        break;

/**
 * Defines tl_<family>_family_validate (TL_ERR_UNSUPPORTED for a code not in the list) and tl_<family>_family_run
 * (nothing for such a code), declared in tl_families.h, from the family's kernel list KERNELS.
 */
#define TL_FAMILY_DISPATCH(family, KERNELS)                                                                            \
    tl_status tl_##family##_family_validate(const tl_op *op, const tl_tensors *tensors)                                \
    {                                                                                                                  \
        switch (op->code)                                                                                              \
        {                                                                                                              \
            KERNELS(TL_FAMILY_VALIDATE_CASE)                                                                           \
        default:                                                                                                       \
            return TL_ERR_UNSUPPORTED;                                                                                 \
        }                                                                                                              \
    }                                                                                                                  \
                                                                                                                       \
    void tl_##family##_family_run(const tl_op *op, const tl_tensors *tensors)                                          \
    {                                                                                                                  \
        switch (op->code)                                                                                              \
        {                                                                                                              \
            KERNELS(TL_FAMILY_RUN_CASE)                                                                                \
        }                                                                                                              \
    }

#endif /* TINYLITE_TL_FAMILY_DISPATCH_H */
