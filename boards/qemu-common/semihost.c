/* Minimal Arm semihosting calls (see semihost.h). Operation numbers from the Arm semihosting
 * specification, version 2.0. */
#include "semihost.h"

#include <string.h>

enum
{
    SYS_OPEN = 0x01,
    SYS_CLOSE = 0x02,
    SYS_WRITE0 = 0x04,
    SYS_WRITE = 0x05,
    SYS_READ = 0x06,
    SYS_FLEN = 0x0C,
    SYS_GET_CMDLINE = 0x15,
    SYS_EXIT_EXTENDED = 0x20
};

/* Reason code of SYS_EXIT(_EXTENDED) meaning "the application exited"; the subcode is its status. */
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

/* One semihosting trap. r0 = operation, r1 = parameter (usually a block address); result in r0.
 * The "memory" clobber makes the compiler store the block before the trap and reload after it. */
static int32_t sh_call(int32_t operation, const void *parameter)
{
    register int32_t r0 __asm__("r0") = operation;
    register const void *r1 __asm__("r1") = parameter;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

void sh_write0(const char *text)
{
    (void)sh_call(SYS_WRITE0, text);
}

int32_t sh_open(const char *path, int32_t mode)
{
    uint32_t block[3];
    block[0] = (uint32_t)(uintptr_t)path;
    block[1] = (uint32_t)mode;
    block[2] = (uint32_t)strlen(path);
    return sh_call(SYS_OPEN, block);
}

int32_t sh_close(int32_t handle)
{
    uint32_t block[1];
    block[0] = (uint32_t)handle;
    return sh_call(SYS_CLOSE, block);
}

int32_t sh_flen(int32_t handle)
{
    uint32_t block[1];
    block[0] = (uint32_t)handle;
    return sh_call(SYS_FLEN, block);
}

int32_t sh_read(int32_t handle, void *buffer, size_t count)
{
    uint32_t block[3];
    int32_t not_read;
    block[0] = (uint32_t)handle;
    block[1] = (uint32_t)(uintptr_t)buffer;
    block[2] = (uint32_t)count;
    not_read = sh_call(SYS_READ, block);
    if (not_read < 0 || (size_t)not_read > count)
    {
        return -1;
    }
    return (int32_t)(count - (size_t)not_read);
}

int32_t sh_write(int32_t handle, const void *buffer, size_t count)
{
    uint32_t block[3];
    block[0] = (uint32_t)handle;
    block[1] = (uint32_t)(uintptr_t)buffer;
    block[2] = (uint32_t)count;
    return sh_call(SYS_WRITE, block);
}

int32_t sh_get_cmdline(char *buffer, size_t bytes)
{
    uint32_t block[2];
    int32_t result;
    if (bytes == 0)
    {
        return -1;
    }
    block[0] = (uint32_t)(uintptr_t)buffer;
    block[1] = (uint32_t)bytes;
    result = sh_call(SYS_GET_CMDLINE, block);
    buffer[bytes - 1] = '\0';
    return result;
}

void sh_exit(int32_t code)
{
    uint32_t block[2];
    block[0] = ADP_STOPPED_APPLICATION_EXIT;
    block[1] = (uint32_t)code;
    (void)sh_call(SYS_EXIT_EXTENDED, block);
    for (;;)
    {
        /* Not reached under QEMU; on a debugger without semihosting exit, park the core. */
    }
}

int32_t sh_read_file(const char *path, void *buffer, size_t capacity)
{
    int32_t handle = sh_open(path, SH_MODE_READ_BINARY);
    int32_t length;
    int32_t got;
    if (handle < 0)
    {
        return -1;
    }
    length = sh_flen(handle);
    if (length < 0)
    {
        (void)sh_close(handle);
        return -1;
    }
    if ((size_t)length > capacity)
    {
        (void)sh_close(handle);
        return -2;
    }
    got = sh_read(handle, buffer, (size_t)length);
    (void)sh_close(handle);
    return got == length ? length : -1;
}
