/* Dispatch and validation of the elementwise kernel family (see tl_families.h). */
#include "tinylite/tl_families.h"

tl_status tl_elementwise_family_validate(const tl_op *op, const tl_tensors *tensors)
{
    (void)tensors;
    switch (op->code)
    {
    default:
        return TL_ERR_UNSUPPORTED;
    }
}

void tl_elementwise_family_run(const tl_op *op, const tl_tensors *tensors)
{
    (void)tensors;
    switch (op->code)
    {
    default:
        break;
    }
}
