/**
 * @file board.h
 * @brief What TinyLite's QEMU mps2 boards offer a program (startup.c, semihost.h, mps2.ld).
 *
 * A program defines int main(int argc, char **argv) (the words of the semihosting command line) or
 * int main(void); its return value becomes QEMU's exit status. printf/malloc work (syscalls.c). Large buffers go in
 * RAM bank 1 with BOARD_BULK (4 MiB at 0x20000000, not zeroed).
 */
#ifndef TINYLITE_BOARD_H
#define TINYLITE_BOARD_H

/** Places a (large, uninitialised) object in RAM bank 1, 8-byte aligned. */
#define BOARD_BULK __attribute__((section(".bulk"), aligned(8)))

/**
 * Markers for ../shared/tools/insncount: the plugin counts the guest instructions executed between a
 * call of mcu_region_begin and the matching mcu_region_end (regions nest). Empty and never inlined;
 * an empty region costs 2 instructions (the two returns), to be subtracted.
 */
void mcu_region_begin(void);
void mcu_region_end(void);

#endif /* TINYLITE_BOARD_H */
