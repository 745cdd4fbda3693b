/**
 * @file tl_image.h
 * @brief Byte layout of a TinyLite image (.tlm) and the tensor type numbers; mirrors
 * nf-runtime/src/Image/ImageLayout.cs and nf-runtime/src/Execution/TensorType.cs. docs/FORMAT.md is the
 * specification. All multi-byte fields are little-endian.
 */
#ifndef TINYLITE_TL_IMAGE_H
#define TINYLITE_TL_IMAGE_H

/** "TLIM" read as a little-endian uint32. */
#define TL_IMAGE_MAGIC 0x4D494C54u
/** Format major version: a loader refuses other majors. */
#define TL_IMAGE_VERSION_MAJOR 1
/** Format minor version: additions a v1 loader may ignore. */
#define TL_IMAGE_VERSION_MINOR 0
/** Size of the fixed header in bytes. */
#define TL_IMAGE_HEADER_BYTES 48

/** Header field offsets (bytes). */
#define TL_IMAGE_OFF_MAGIC 0
#define TL_IMAGE_OFF_VERSION_MAJOR 4 /**< uint16 */
#define TL_IMAGE_OFF_VERSION_MINOR 6 /**< uint16 */
#define TL_IMAGE_OFF_IMAGE_BYTES 8
#define TL_IMAGE_OFF_CRC32 12
#define TL_IMAGE_OFF_HEADER_BYTES 16
#define TL_IMAGE_OFF_SECTION_COUNT 20
#define TL_IMAGE_OFF_ARENA_BYTES 24
#define TL_IMAGE_OFF_FLAGS 28

/** The CRC32 (IEEE 802.3, reflected, as zlib) covers the image from this offset to its end. */
#define TL_IMAGE_CRC_START 16

/** Bytes of one section-table entry: kind, offset, length (uint32 each). */
#define TL_IMAGE_SECTION_ENTRY_BYTES 12

/** Section kinds. */
#define TL_SECTION_META 1
#define TL_SECTION_TENSORS 2
#define TL_SECTION_OPS 3
#define TL_SECTION_IO 4
#define TL_SECTION_CONSTANTS 5

/** Most section-table entries a loader reads. */
#define TL_IMAGE_MAX_SECTIONS 64

/** Strings in the meta section: compiler version, git commit, model SHA-256, model name. */
#define TL_IMAGE_META_STRINGS 4

/** Bytes of one tensor record in the tensor section. */
#define TL_IMAGE_TENSOR_RECORD_BYTES 44

/** Tensor record field offsets (bytes): type, location, rank and flags are one byte each, the rest int32. */
#define TL_IMAGE_TENSOR_OFF_TYPE 0
#define TL_IMAGE_TENSOR_OFF_LOCATION 1
#define TL_IMAGE_TENSOR_OFF_RANK 2
#define TL_IMAGE_TENSOR_OFF_FLAGS 3
#define TL_IMAGE_TENSOR_OFF_OFFSET 4
#define TL_IMAGE_TENSOR_OFF_BYTE_SIZE 8
#define TL_IMAGE_TENSOR_OFF_DIMS 12 /**< TL_IMAGE_MAX_RANK int32 */
#define TL_IMAGE_TENSOR_OFF_SCALE 36
#define TL_IMAGE_TENSOR_OFF_ZERO_POINT 40

/** Largest tensor rank an image may hold. */
#define TL_IMAGE_MAX_RANK 6

/** Largest dimension a loader accepts (2^27 - 1): with at most 2^31 - 1 elements before it, the element
 *  count's product stays inside an int64. */
#define TL_IMAGE_MAX_DIMENSION 0x7FFFFFF

/** Bytes of an operator record before its tensor indices and parameters: five int32. */
#define TL_IMAGE_OP_RECORD_HEADER_BYTES 20

/** Operator record header field offsets (bytes); the input and output tensor indices and the parameters
 *  follow, int32 each. */
#define TL_IMAGE_OP_OFF_CODE 0
#define TL_IMAGE_OP_OFF_SOURCE_INDEX 4
#define TL_IMAGE_OP_OFF_INPUT_COUNT 8
#define TL_IMAGE_OP_OFF_OUTPUT_COUNT 12
#define TL_IMAGE_OP_OFF_PARAM_COUNT 16

/** Most input (and most output) tensors of one operator record. */
#define TL_IMAGE_MAX_OP_TENSORS 64
/** Most parameters of one operator record. */
#define TL_IMAGE_MAX_OP_PARAMS 65536

/** Where a tensor's bytes live. */
#define TL_LOCATION_NONE 0
#define TL_LOCATION_ARENA 1
#define TL_LOCATION_IMAGE 2

/** Tensor flag: variable (state) tensor, reset once at load (int8: to its zero point, as TFLM; else to 0) and kept across invocations. */
#define TL_TENSOR_FLAG_VARIABLE 1

/** Alignment of constant data and of arena offsets, in bytes. */
#define TL_IMAGE_ALIGNMENT 8

/** Element type numbers stored in the image (TFLite's TensorType). */
#define TL_TYPE_FLOAT32 0
#define TL_TYPE_INT32 2
#define TL_TYPE_UINT8 3
#define TL_TYPE_INT64 4
#define TL_TYPE_BOOL 6
#define TL_TYPE_INT16 7
#define TL_TYPE_INT8 9
#define TL_TYPE_UINT64 12
#define TL_TYPE_UINT32 15
#define TL_TYPE_UINT16 16
#define TL_TYPE_INT4 17 /**< Two per byte, element 2i in the low nibble, sign-extended. */

#endif /* TINYLITE_TL_IMAGE_H */
