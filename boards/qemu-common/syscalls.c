/*
 * newlib system calls over semihosting, so that ordinary hosted C test programs (printf, malloc, exit)
 * run on the QEMU boards unchanged: stdout/stderr go to the semihosting console, the heap is the rest of
 * RAM bank 1 after the BOARD_BULK buffers (mps2.ld: __heap_start__ .. __heap_end__), exit() ends the
 * emulation with its status. Files other than the three standard streams are not offered (programs
 * that read files use semihost.h directly).
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "semihost.h"

#undef errno
extern int errno;

extern uint8_t __heap_start__;
extern uint8_t __heap_end__;

int _write(int fd, const char *data, int count);
int _read(int fd, char *data, int count);
int _close(int fd);
int _lseek(int fd, int offset, int whence);
int _fstat(int fd, struct stat *st);
int _isatty(int fd);
void *_sbrk(ptrdiff_t increment);
void _exit(int status);
int _kill(int pid, int sig);
int _getpid(void);

/* Semihosting handle of the console, opened on first use (":tt" opened for writing). -1 = not yet. */
static int32_t g_console = -1;

int _write(int fd, const char *data, int count)
{
    if (fd != 1 && fd != 2)
    {
        errno = EBADF;
        return -1;
    }
    if (g_console < 0)
    {
        g_console = sh_open(":tt", 4);
        if (g_console < 0)
        {
            errno = EIO;
            return -1;
        }
    }
    if (count > 0 && sh_write(g_console, data, (size_t)count) != 0)
    {
        errno = EIO;
        return -1;
    }
    return count;
}

int _read(int fd, char *data, int count)
{
    (void)fd;
    (void)data;
    (void)count;
    return 0; /* end of input */
}

int _close(int fd)
{
    (void)fd;
    return 0;
}

int _lseek(int fd, int offset, int whence)
{
    (void)fd;
    (void)offset;
    (void)whence;
    return 0;
}

int _fstat(int fd, struct stat *st)
{
    (void)fd;
    st->st_mode = S_IFCHR; /* unbuffered-by-line character device, like a terminal */
    return 0;
}

int _isatty(int fd)
{
    return fd <= 2;
}

/* Current heap end; starts at __heap_start__ (8-byte aligned by the linker script). */
static uint8_t *g_heap_top;

void *_sbrk(ptrdiff_t increment)
{
    uint8_t *previous;
    if (g_heap_top == NULL)
    {
        g_heap_top = &__heap_start__;
    }
    if (increment > &__heap_end__ - g_heap_top || increment < &__heap_start__ - g_heap_top)
    {
        errno = ENOMEM;
        return (void *)-1;
    }
    previous = g_heap_top;
    g_heap_top += increment;
    return previous;
}

void _exit(int status)
{
    sh_exit(status);
}

int _kill(int pid, int sig)
{
    (void)pid;
    (void)sig;
    errno = EINVAL;
    return -1;
}

int _getpid(void)
{
    return 1;
}
