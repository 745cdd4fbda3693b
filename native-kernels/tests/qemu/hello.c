/*
 * Board smoke test for the QEMU mps2 boards: prints over semihosting and through newlib's printf, uses
 * the FPU (hard-float, so a disabled FPU would fault), reads its command line (argv), opens and closes an
 * empty insncount region, and returns the number given last as the exit status (run-golden.sh checks
 * that QEMU passes it through). With the argument "fault" it reads unmapped memory instead, to show that
 * a fault stops QEMU with status 70 rather than hanging.
 *   qemu-system-arm -M mps2-an386 ... -semihosting-config enable=on,target=native,arg=hello,arg=7 -kernel qemu_hello.elf
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "board.h"
#include "semihost.h"

int main(int argc, char **argv)
{
    volatile float x = 1.5f;
    int32_t code = 0;
    const char *p;
    float y;

    mcu_region_begin();
    mcu_region_end();

    /* 1.5 * 1.5 + 0.75 = 3.0 exactly in binary floating point. */
    y = x * x + 0.75f;
    sh_write0(y == 3.0f ? "hello from TinyLite on QEMU (FPU on)\n" : "hello: FPU arithmetic is wrong\n");
    if (y != 3.0f)
    {
        return 1;
    }
    if (argc >= 2 && strcmp(argv[1], "fault") == 0)
    {
        /* A load from unmapped memory: the fault handler must print and stop QEMU with status 70. */
        volatile uint32_t *nowhere = (volatile uint32_t *)0xF0000000u;
        return (int)*nowhere;
    }
    if (argc < 2)
    {
        sh_write0("hello: no exit status on the command line\n");
        return 1;
    }
    /* The last argument is the exit status to return. */
    for (p = argv[argc - 1]; *p >= '0' && *p <= '9'; p++)
    {
        code = code * 10 + (*p - '0');
    }
    printf("hello: printf works, exiting with status %d\n", (int)code);
    return code;
}
