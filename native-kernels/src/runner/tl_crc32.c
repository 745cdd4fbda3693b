/* CRC-32 of an image (tl_crc32, declared in tl_runner.h). */
#include "tinylite/tl_runner.h"

/* Nibble-wise: a 64-byte constant table instead of 1 KB. */
static const uint32_t crc_nibble_table[16] = {
    0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu, 0x76DC4190u, 0x6B6B51F4u, 0x4DB26158u, 0x5005713Cu,
    0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu, 0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu};

uint32_t tl_crc32(const uint8_t *data, size_t count)
{
    uint32_t crc = 0xFFFFFFFFu;
    size_t i;
    for (i = 0; i < count; i++)
    {
        crc ^= data[i];
        crc = crc_nibble_table[crc & 0x0Fu] ^ (crc >> 4);
        crc = crc_nibble_table[crc & 0x0Fu] ^ (crc >> 4);
    }
    return ~crc;
}
