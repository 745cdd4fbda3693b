/*
 * Mutation fuzzer for the image loader and the kernels' validators.
 *
 *   fuzz_loader SECONDS SEED IMAGE.tlm [IMAGE.tlm ...]
 *
 * Takes real images and, until SECONDS have passed, loads mutated copies: random byte flips (mostly caught
 * by the CRC), truncations and extensions (with the header length and CRC fixed up, or not), and hostile
 * edits of the header, section table, tensor records and operator records with the CRC recomputed so the
 * structural and kernel checks are what must refuse them. Every accepted image is invoked on random
 * inputs. Built with -fsanitize=address,undefined (test.sh) any out-of-bounds access or undefined
 * behaviour aborts the run; image and arena are heap blocks of exactly their size so that ASan sees
 * every overrun. Exits 0 when the time is up without a finding, after checking that every original
 * image still loads.
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tinylite/tl_image.h"
#include "tinylite/tl_runner.h"

#define MAX_ARENA (8u << 20)

typedef struct
{
    uint8_t *bytes;
    size_t length;
    /* Section spans of the original (for targeted edits); 0 length if absent. */
    uint32_t tensor_off, tensor_len, ops_off, ops_len, io_off, io_len;
} seed_image;

static uint64_t rng_state;

/** Wall-clock seconds (monotonic): the budget is wall time, whatever the machine's load. */
static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint32_t rnd(void)
{
    /* xorshift64* */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1Dull) >> 32);
}

static uint32_t below(uint32_t n)
{
    return n == 0 ? 0 : rnd() % n;
}

static uint32_t get32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
    p[2] = (uint8_t)(v >> 16);
    p[3] = (uint8_t)(v >> 24);
}

static int read_file(const char *path, seed_image *img)
{
    FILE *f = fopen(path, "rb");
    long n;
    uint32_t count, s;
    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < TL_IMAGE_HEADER_BYTES || fseek(f, 0, SEEK_SET) != 0)
    {
        if (f != NULL)
        {
            fclose(f);
        }
        return 0;
    }
    memset(img, 0, sizeof(*img));
    img->length = (size_t)n;
    img->bytes = (uint8_t *)malloc(img->length);
    if (img->bytes == NULL || fread(img->bytes, 1, img->length, f) != img->length)
    {
        fclose(f);
        return 0;
    }
    fclose(f);
    count = get32(img->bytes + TL_IMAGE_OFF_SECTION_COUNT);
    for (s = 0; s < count && s < 64 && TL_IMAGE_HEADER_BYTES + 12 * (s + 1) <= img->length; s++)
    {
        const uint8_t *e = img->bytes + TL_IMAGE_HEADER_BYTES + 12 * s;
        uint32_t kind = get32(e), off = get32(e + 4), len = get32(e + 8);
        if (off > img->length || len > img->length - off)
        {
            continue;
        }
        if (kind == TL_SECTION_TENSORS)
        {
            img->tensor_off = off;
            img->tensor_len = len;
        }
        else if (kind == TL_SECTION_OPS)
        {
            img->ops_off = off;
            img->ops_len = len;
        }
        else if (kind == TL_SECTION_IO)
        {
            img->io_off = off;
            img->io_len = len;
        }
    }
    return 1;
}

static uint32_t interesting(void)
{
    static const uint32_t values[] = {0u,          1u,          2u,          3u,          4u,          7u,
                                      8u,          63u,         64u,         65u,         255u,        256u,
                                      0x7FFFu,     0x8000u,     0xFFFFu,     0x10000u,    0x7FFFFFFu,  0x8000000u,
                                      0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFFu, 0xFFFFFFFEu, 0xFFFFFF80u, 0x40000000u};
    uint32_t pick = below(4);
    if (pick == 0)
    {
        return rnd();
    }
    if (pick == 1)
    {
        return (uint32_t)(int32_t)((int32_t)below(65) - 32); /* small values of either sign */
    }
    return values[below((uint32_t)(sizeof values / sizeof values[0]))];
}

static void fix_crc(uint8_t *bytes, size_t length)
{
    if (length >= TL_IMAGE_HEADER_BYTES)
    {
        put32(bytes + TL_IMAGE_OFF_CRC32, tl_crc32(bytes + TL_IMAGE_CRC_START, length - TL_IMAGE_CRC_START));
    }
}

/** Overwrites one aligned int32 word inside [off, off + len) of @p bytes. */
static void edit_word_in(uint8_t *bytes, size_t length, uint32_t off, uint32_t len)
{
    uint32_t word;
    if (len < 4 || off + len > length)
    {
        return;
    }
    word = off + 4 * below(len / 4);
    put32(bytes + word, interesting());
}

/** Makes one mutated copy of @p seed; returns its length (the copy is a fresh heap block of that size). */
static uint8_t *mutate(const seed_image *seed, size_t *out_length)
{
    size_t length = seed->length;
    uint8_t *bytes;
    uint32_t kind = below(8);
    int fix = 1;
    if (kind == 0)
    {
        /* Truncate or extend, with the header length fixed half of the time. */
        length = below(2) ? below((uint32_t)length + 1) : length + 1 + below(64);
    }
    bytes = (uint8_t *)malloc(length == 0 ? 1 : length);
    if (bytes == NULL)
    {
        abort();
    }
    memset(bytes, (int)below(256), length);
    memcpy(bytes, seed->bytes, length < seed->length ? length : seed->length);
    switch (kind)
    {
    case 0:
        if (length >= TL_IMAGE_HEADER_BYTES && below(2))
        {
            put32(bytes + TL_IMAGE_OFF_IMAGE_BYTES, (uint32_t)length);
        }
        break;
    case 1:
    {
        /* Random byte flips; the CRC is left stale most of the time. */
        uint32_t n = 1 + below(4), i;
        for (i = 0; i < n && length > 0; i++)
        {
            bytes[below((uint32_t)length)] ^= (uint8_t)(1u << below(8));
        }
        fix = below(4) == 0;
        break;
    }
    case 2:
        /* Header and section table. */
        edit_word_in(bytes, length, 8, TL_IMAGE_HEADER_BYTES - 8 + 5 * 12);
        break;
    case 3:
    {
        /* Tensor records: a byte field (type, location, rank, flags) or a word. */
        if (seed->tensor_len > 48)
        {
            uint32_t rec = seed->tensor_off + 4 + TL_IMAGE_TENSOR_RECORD_BYTES * below((seed->tensor_len - 4) / 44);
            if (below(2) && rec + 4 <= length)
            {
                bytes[rec + below(4)] = (uint8_t)(below(2) ? below(20) : rnd());
            }
            else
            {
                edit_word_in(bytes, length, rec + 4, TL_IMAGE_TENSOR_RECORD_BYTES - 4);
            }
        }
        break;
    }
    case 4:
    case 5:
    case 6:
    {
        /* Operator records (codes, counts, tensor indices and, most often, params); sometimes several. */
        uint32_t n = 1 + (below(3) == 0 ? below(4) : 0), i;
        for (i = 0; i < n; i++)
        {
            edit_word_in(bytes, length, seed->ops_off, seed->ops_len);
        }
        break;
    }
    default:
        edit_word_in(bytes, length, seed->io_off, seed->io_len);
        break;
    }
    if (fix)
    {
        fix_crc(bytes, length);
    }
    *out_length = length;
    return bytes;
}

static tl_status load_and_run(const uint8_t *bytes, size_t length, int *invoked)
{
    tl_model model;
    uint32_t need = length >= TL_IMAGE_HEADER_BYTES ? get32(bytes + TL_IMAGE_OFF_ARENA_BYTES) : 0u;
    size_t arena_bytes = need > MAX_ARENA ? 16u : (size_t)need;
    uint8_t *arena = (uint8_t *)malloc(arena_bytes == 0 ? 1 : arena_bytes);
    tl_status status;
    int32_t i;
    if (arena == NULL)
    {
        abort();
    }
    memset(arena, 0x5A, arena_bytes);
    status = tl_model_load(&model, bytes, length, arena, arena_bytes);
    if (status == TL_OK)
    {
        for (i = 0; i < tl_model_input_count(&model); i++)
        {
            uint8_t *in = tl_model_input(&model, i);
            int32_t n = tl_model_input_bytes(&model, i), k;
            for (k = 0; k < n; k++)
            {
                in[k] = (uint8_t)rnd();
            }
        }
        (void)tl_model_invoke(&model);
        *invoked = 1;
    }
    else if (strlen(tl_model_error(&model)) == 0)
    {
        printf("fuzz_loader: status %d without a message\n", (int)status);
        abort();
    }
    free(arena);
    return status;
}

int main(int argc, char **argv)
{
    double seconds;
    seed_image *seeds;
    int seed_count = 0, i;
    long runs = 0, accepted = 0, by_status[6] = {0};
    double start;
    if (argc < 4)
    {
        fprintf(stderr, "usage: fuzz_loader SECONDS SEED IMAGE.tlm [IMAGE.tlm ...]\n");
        return 2;
    }
    seconds = atof(argv[1]);
    rng_state = 0x9E3779B97F4A7C15ull ^ (uint64_t)strtoull(argv[2], NULL, 10);
    seeds = (seed_image *)calloc((size_t)argc, sizeof(seed_image));
    for (i = 3; i < argc; i++)
    {
        int invoked = 0;
        tl_status status;
        if (!read_file(argv[i], &seeds[seed_count]))
        {
            fprintf(stderr, "fuzz_loader: cannot read %s\n", argv[i]);
            return 2;
        }
        /* Every original must load (those whose kernels this build lacks are kept as seeds anyway). */
        status = load_and_run(seeds[seed_count].bytes, seeds[seed_count].length, &invoked);
        if (status != TL_OK && status != TL_ERR_UNSUPPORTED)
        {
            fprintf(stderr, "fuzz_loader: the original %s does not load (status %d)\n", argv[i], (int)status);
            return 1;
        }
        seed_count++;
    }
    start = now_seconds();
    while (now_seconds() - start < seconds)
    {
        const seed_image *seed = &seeds[below((uint32_t)seed_count)];
        size_t length;
        uint8_t *bytes = mutate(seed, &length);
        int invoked = 0;
        tl_status status = load_and_run(bytes, length, &invoked);
        free(bytes);
        runs++;
        accepted += invoked;
        if ((int)status >= 0 && (int)status < 6)
        {
            by_status[status]++;
        }
    }
    printf("fuzz_loader: %ld mutated images from %d seeds in %.0f s: %ld accepted and invoked; refused: %ld image, "
           "%ld arena, %ld params, %ld unsupported\n",
           runs, seed_count, seconds, accepted, by_status[TL_ERR_IMAGE], by_status[TL_ERR_ARENA],
           by_status[TL_ERR_PARAMS], by_status[TL_ERR_UNSUPPORTED]);
    for (i = 0; i < seed_count; i++)
    {
        free(seeds[i].bytes);
    }
    free(seeds);
    return 0;
}
