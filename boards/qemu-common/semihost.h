/**
 * @file semihost.h
 * @brief Minimal Arm semihosting for TinyLite's QEMU boards (Cortex-M: "BKPT 0xAB", operation in r0,
 * parameter block address in r1, result in r0). Run QEMU with
 * "-semihosting-config enable=on,target=native"; file names are relative to QEMU's working directory.
 */
#ifndef TINYLITE_BOARD_SEMIHOST_H
#define TINYLITE_BOARD_SEMIHOST_H

#include <stddef.h>
#include <stdint.h>

/** File open modes of SYS_OPEN (the ISO C fopen modes by index). */
#define SH_MODE_READ_BINARY 1
#define SH_MODE_WRITE_BINARY 5

/** Writes a NUL-terminated string to the debug console (SYS_WRITE0). */
void sh_write0(const char *text);

/** Opens @p path (SYS_OPEN); @return a handle >= 0, or -1. */
int32_t sh_open(const char *path, int32_t mode);

/** Closes a handle (SYS_CLOSE); @return 0 on success. */
int32_t sh_close(int32_t handle);

/** Length of an open file in bytes (SYS_FLEN), or -1. */
int32_t sh_flen(int32_t handle);

/**
 * Reads up to @p count bytes (SYS_READ). @return the number of bytes read (the semihosting call
 * reports the bytes NOT read; this returns count minus that), or -1 on error.
 */
int32_t sh_read(int32_t handle, void *buffer, size_t count);

/** Writes @p count bytes (SYS_WRITE). @return 0 when all were written. */
int32_t sh_write(int32_t handle, const void *buffer, size_t count);

/**
 * Copies the command line given with "-semihosting-config ...,arg=A,arg=B" (SYS_GET_CMDLINE) into
 * @p buffer, NUL-terminated. @return 0 on success.
 */
int32_t sh_get_cmdline(char *buffer, size_t bytes);

/**
 * Ends the emulation with exit status @p code (SYS_EXIT_EXTENDED with ADP_Stopped_ApplicationExit:
 * qemu-system-arm then exits with @p code).
 */
void sh_exit(int32_t code) __attribute__((noreturn));

/**
 * Reads the whole file @p path into @p buffer. @return its length in bytes, -1 if it cannot be opened
 * or read, -2 if it is larger than @p capacity.
 */
int32_t sh_read_file(const char *path, void *buffer, size_t capacity);

#endif /* TINYLITE_BOARD_SEMIHOST_H */
