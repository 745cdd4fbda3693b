/*
 * Runs the dense and elementwise kernels of a compiled .tlm image against TFLM's data, op by op:
 *   tl_ndense_image_check IMAGE.tlm MODEL_DIR CASE
 * Graph inputs come from MODEL_DIR/inputs/CASE.input<i>.bin, every other activation TFLM produced from
 * MODEL_DIR/intermediates/CASE/t<index>.bin when present. Each kernel of the two families whose inputs are
 * known is validated and run; its output is compared with the intermediate (if any) and becomes known, so
 * chains of these kernels run end to end; graph outputs are compared with MODEL_DIR/golden/CASE.output<j>.bin.
 * Kernels of other families only pass their TFLM outputs along. Exit 0 when everything compared matched.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tinylite/tl_families.h"
#include "tinylite/tl_op_codes.h"
#include "tl_ndense_tensors.h"

/* The two families this check runs, by the family number of one of their codes. */
#define DENSE_FAMILY (TL_OP_FULLY_CONNECTED_S8 / TL_OP_FAMILY_RANGE)
#define ELEMENTWISE_FAMILY (TL_OP_ADD_S8 / TL_OP_FAMILY_RANGE)

static uint8_t *read_file(const char *path, long *size)
{
    FILE *f = fopen(path, "rb");
    uint8_t *buf;
    if (f == 0)
    {
        return 0;
    }
    fseek(f, 0, SEEK_END);
    *size = ftell(f);
    fseek(f, 0, SEEK_SET);
    buf = (uint8_t *)malloc((size_t)*size + 8);
    if (fread(buf, 1, (size_t)*size, f) != (size_t)*size)
    {
        fclose(f);
        free(buf);
        return 0;
    }
    fclose(f);
    return buf;
}

static int32_t rd32(const uint8_t *bytes)
{
    return (int32_t)((uint32_t)bytes[0] | ((uint32_t)bytes[1] << 8) | ((uint32_t)bytes[2] << 16) |
                     ((uint32_t)bytes[3] << 24));
}

int main(int argc, char **argv)
{
    long image_size = 0;
    uint8_t *image;
    int32_t sections, s;
    const uint8_t *tensor_sec = 0, *op_sec = 0, *io_sec = 0;
    static struct tl_tensors tensors;
    static int known[NDENSE_MAX_TENSORS];
    int32_t t, op_count, i, compared = 0, mismatched = 0, ran = 0, skipped = 0;
    const uint8_t *rec;
    char path[4096];
    if (argc != 4)
    {
        fprintf(stderr, "usage: %s IMAGE.tlm MODEL_DIR CASE\n", argv[0]);
        return 2;
    }
    image = read_file(argv[1], &image_size);
    if (image == 0 || rd32(image) != 0x4D494C54)
    {
        fprintf(stderr, "cannot read image %s\n", argv[1]);
        return 2;
    }
    sections = rd32(image + 20);
    for (s = 0; s < sections; s++)
    {
        const uint8_t *e = image + 48 + 12 * s;
        const uint8_t *at = image + rd32(e + 4);
        switch (rd32(e))
        {
        case 2:
            tensor_sec = at;
            break;
        case 3:
            op_sec = at;
            break;
        case 4:
            io_sec = at;
            break;
        default:
            break;
        }
    }
    tensors.count = rd32(tensor_sec);
    if (tensors.count > NDENSE_MAX_TENSORS)
    {
        fprintf(stderr, "too many tensors\n");
        return 2;
    }
    for (t = 0; t < tensors.count; t++)
    {
        const uint8_t *r = tensor_sec + 4 + 44 * t;
        int location = r[1];
        tensors.type[t] = r[0];
        tensors.bytes[t] = rd32(r + 8);
        if (location == 2)
        {
            tensors.data[t] = image + rd32(r + 4); /* absolute image offset */
            known[t] = 1;
        }
        else
        {
            /* Own buffer per tensor, 8-byte aligned, with a poison pattern. */
            tensors.data[t] = (uint8_t *)malloc((size_t)tensors.bytes[t] + 8);
            memset(tensors.data[t], 0xA5, (size_t)tensors.bytes[t]);
            known[t] = 0;
            snprintf(path, sizeof path, "%s/intermediates/%s/t%d.bin", argv[2], argv[3], (int)t);
            {
                long size = 0;
                uint8_t *buf = read_file(path, &size);
                if (buf != 0 && size == tensors.bytes[t])
                {
                    memcpy(tensors.data[t], buf, (size_t)size);
                    known[t] = 2; /* from TFLM */
                }
                free(buf);
            }
        }
    }
    /* Graph inputs. */
    {
        int32_t n_in = rd32(io_sec);
        for (i = 0; i < n_in; i++)
        {
            long size = 0;
            uint8_t *buf;
            t = rd32(io_sec + 4 + 4 * i);
            snprintf(path, sizeof path, "%s/inputs/%s.input%d.bin", argv[2], argv[3], (int)i);
            buf = read_file(path, &size);
            if (buf != 0 && size >= tensors.bytes[t])
            {
                memcpy(tensors.data[t], buf, (size_t)tensors.bytes[t]);
                known[t] = 1;
            }
            free(buf);
        }
    }
    op_count = rd32(op_sec);
    rec = op_sec + 4;
    for (i = 0; i < op_count; i++)
    {
        tl_op op;
        int family, ready = 1, k;
        op.code = rd32(rec);
        op.source_index = rd32(rec + 4);
        op.input_count = rd32(rec + 8);
        op.output_count = rd32(rec + 12);
        op.param_count = rd32(rec + 16);
        op.inputs = (const int32_t *)(const void *)(rec + 20);
        op.outputs = op.inputs + op.input_count;
        op.params = op.outputs + op.output_count;
        rec += 20 + 4 * (op.input_count + op.output_count + op.param_count);
        family = op.code / TL_OP_FAMILY_RANGE;
        if (family != DENSE_FAMILY && family != ELEMENTWISE_FAMILY)
        {
            continue;
        }
        for (k = 0; k < op.input_count; k++)
        {
            if (op.inputs[k] >= 0 && !known[op.inputs[k]])
            {
                ready = 0;
            }
        }
        if (!ready)
        {
            printf("op %d (code %d): inputs unknown, skipped\n", (int)op.source_index, (int)op.code);
            skipped++;
            continue;
        }
        {
            tl_status st = family == DENSE_FAMILY ? tl_dense_family_validate(&op, &tensors)
                                                  : tl_elementwise_family_validate(&op, &tensors);
            /* Keep TFLM's copy of each output to compare with. */
            uint8_t *expected[8] = {0};
            if (st != TL_OK)
            {
                printf("op %d (code %d): validate failed (%d)\n", (int)op.source_index, (int)op.code, (int)st);
                mismatched++;
                continue;
            }
            for (k = 0; k < op.output_count && k < 8; k++)
            {
                t = op.outputs[k];
                if (known[t] == 2)
                {
                    expected[k] = (uint8_t *)malloc((size_t)tensors.bytes[t]);
                    memcpy(expected[k], tensors.data[t], (size_t)tensors.bytes[t]);
                }
                memset(tensors.data[t], 0xA5, (size_t)tensors.bytes[t]);
            }
            if (family == DENSE_FAMILY)
            {
                tl_dense_family_run(&op, &tensors);
            }
            else
            {
                tl_elementwise_family_run(&op, &tensors);
            }
            ran++;
            for (k = 0; k < op.output_count && k < 8; k++)
            {
                t = op.outputs[k];
                known[t] = 1;
                if (expected[k] != 0)
                {
                    int32_t b, diff = 0;
                    for (b = 0; b < tensors.bytes[t]; b++)
                    {
                        diff += expected[k][b] != tensors.data[t][b];
                    }
                    compared++;
                    if (diff != 0)
                    {
                        mismatched++;
                    }
                    printf("op %d (code %d) -> t%d: %s (%d of %d bytes differ)\n", (int)op.source_index, (int)op.code,
                           (int)t, diff == 0 ? "match" : "MISMATCH", (int)diff, (int)tensors.bytes[t]);
                    free(expected[k]);
                }
            }
        }
    }
    /* Graph outputs computed here (known == 1) against golden. */
    {
        const uint8_t *outs = io_sec + 4 + 4 * rd32(io_sec);
        int32_t n_out = rd32(outs);
        for (i = 0; i < n_out; i++)
        {
            long size = 0;
            uint8_t *buf;
            t = rd32(outs + 4 + 4 * i);
            snprintf(path, sizeof path, "%s/golden/%s.output%d.bin", argv[2], argv[3], (int)i);
            buf = read_file(path, &size);
            if (buf != 0 && known[t] == 1 && size == tensors.bytes[t])
            {
                int same = memcmp(buf, tensors.data[t], (size_t)size) == 0;
                compared++;
                mismatched += !same;
                printf("graph output %d (t%d) vs golden: %s\n", (int)i, (int)t, same ? "match" : "MISMATCH");
            }
            free(buf);
        }
    }
    printf("SUMMARY %s: ran %d, compared %d, mismatched %d, skipped %d\n", argv[1], (int)ran, (int)compared,
           (int)mismatched, (int)skipped);
    return mismatched == 0 && compared > 0 ? 0 : 1;
}
