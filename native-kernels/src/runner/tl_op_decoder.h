/*
 * Decodes an operator record of a validated image (docs/FORMAT.md, "Operator record") into a tl_op that points
 * into the image: the twin of nf-runtime's OpRecordDecoder.cs, without its arrays (the record's int32 arrays are
 * used in place). Inline: the runner decodes every record again before each call. Internal to the runner.
 */
#ifndef TINYLITE_TL_OP_DECODER_H
#define TINYLITE_TL_OP_DECODER_H

#include <stddef.h>
#include <stdint.h>

#include "tinylite/tl_image.h"
#include "tinylite/tl_little_endian.h"
#include "tinylite/tl_op.h"

/** Decodes the (already validated) operator record at @p p into @p op; returns the next record. */
static inline const uint8_t *tl_op_decode(const uint8_t *p, tl_op *op)
{
    op->code = tl_read_i32_le(p + TL_IMAGE_OP_OFF_CODE);
    op->source_index = tl_read_i32_le(p + TL_IMAGE_OP_OFF_SOURCE_INDEX);
    op->input_count = tl_read_i32_le(p + TL_IMAGE_OP_OFF_INPUT_COUNT);
    op->output_count = tl_read_i32_le(p + TL_IMAGE_OP_OFF_OUTPUT_COUNT);
    op->param_count = tl_read_i32_le(p + TL_IMAGE_OP_OFF_PARAM_COUNT);
    /* The image is 4-byte aligned (checked at load) and every record field is an int32, so these are
       aligned int32 arrays in the image's little-endian byte order (all supported targets are LE). */
    op->inputs = (const int32_t *)(const void *)(p + TL_IMAGE_OP_RECORD_HEADER_BYTES);
    op->outputs = op->inputs + op->input_count;
    op->params = op->outputs + op->output_count;
    return p + TL_IMAGE_OP_RECORD_HEADER_BYTES +
           4 * ((size_t)op->input_count + (size_t)op->output_count + (size_t)op->param_count);
}

#endif /* TINYLITE_TL_OP_DECODER_H */
