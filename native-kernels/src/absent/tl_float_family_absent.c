/*
 * The Float family when the build leaves it out (-DTINYLITE_FLOAT=OFF): every float32 kernel code is refused at
 * load as TL_ERR_UNSUPPORTED, exactly as a code no family serves, and no float kernel is linked.
 */
#include "tinylite/tl_families.h"

tl_status tl_float_family_validate(const tl_op *op, const tl_tensors *tensors)
{
    (void)op;
    (void)tensors;
    return TL_ERR_UNSUPPORTED;
}

void tl_float_family_run(const tl_op *op, const tl_tensors *tensors)
{
    (void)op;
    (void)tensors;
}
