/*
 * Startup code for TinyLite's QEMU mps2 boards (Cortex-M4F mps2-an386, Cortex-M7 mps2-an500); linked
 * with -nostartfiles and mps2.ld. The vector table sits at address 0 (where both machines fetch it);
 * the reset handler enables the FPU before any C code runs, zeroes .bss, calls main(argc, argv) with
 * the semihosting command line and ends the emulation through semihosting with main's return value as
 * QEMU's exit status. Any fault prints its
 * name and exits with status 70.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "board.h"
#include "semihost.h"

extern uint32_t __stack_top__;
extern uint8_t __bss_start__;
extern uint8_t __bss_end__;

int main(int argc, char **argv);

void tl_board_reset(void);
void tl_board_start(void) __attribute__((noreturn, used));

/* Exit status of a program stopped by a fault (distinct from the test programs' own statuses). */
#define BOARD_FAULT_EXIT 70

static void fault_exit(const char *name) __attribute__((noreturn));
static void fault_exit(const char *name)
{
    sh_write0("board: ");
    sh_write0(name);
    sh_write0(" fault, stopping\n");
    sh_exit(BOARD_FAULT_EXIT);
}

static void nmi_handler(void)
{
    fault_exit("NMI");
}
static void hard_fault_handler(void)
{
    fault_exit("HardFault");
}
static void mem_manage_handler(void)
{
    fault_exit("MemManage");
}
static void bus_fault_handler(void)
{
    fault_exit("BusFault");
}
static void usage_fault_handler(void)
{
    fault_exit("UsageFault");
}
static void unexpected_handler(void)
{
    fault_exit("unexpected exception");
}

typedef void (*vector_entry)(void);

/* Armv7-M vector table: initial stack pointer, then the 15 system exceptions. No interrupt is ever
 * enabled by these programs, so no device IRQ entries are needed. */
__attribute__((section(".vectors"), used)) static const vector_entry vector_table[16] = {
    (vector_entry)(uintptr_t)&__stack_top__,
    tl_board_reset,
    nmi_handler,
    hard_fault_handler,
    mem_manage_handler,
    bus_fault_handler,
    usage_fault_handler,
    unexpected_handler,
    unexpected_handler,
    unexpected_handler,
    unexpected_handler,
    unexpected_handler, /* SVCall */
    unexpected_handler, /* DebugMonitor */
    unexpected_handler,
    unexpected_handler, /* PendSV */
    unexpected_handler  /* SysTick */
};

/* Reset: full access to CP10/CP11 (the FPU) in CPACR (0xE000ED88, bits 20-23), barriers so that the
 * next instruction sees it, then C. Naked, so that the compiler cannot place an FPU instruction
 * (e.g. a hard-float register save) before the FPU is on. */
__attribute__((naked, noreturn)) void tl_board_reset(void)
{
    __asm__ volatile("ldr r0, =0xE000ED88\n"
                     "ldr r1, [r0]\n"
                     "orr r1, r1, #0x00F00000\n"
                     "str r1, [r0]\n"
                     "dsb\n"
                     "isb\n"
                     "b tl_board_start\n");
}

/* Words of the semihosting command line ("-semihosting-config ...,arg=PROG,arg=A,..."), for main. */
#define BOARD_MAX_ARGS 16
static char g_cmdline[512];
static char *g_argv[BOARD_MAX_ARGS + 1];

static int split_cmdline(void)
{
    int argc = 0;
    char *p = g_cmdline;
    if (sh_get_cmdline(g_cmdline, sizeof g_cmdline) != 0)
    {
        g_cmdline[0] = '\0';
    }
    while (*p != '\0' && argc < BOARD_MAX_ARGS)
    {
        while (*p == ' ')
        {
            *p++ = '\0';
        }
        if (*p == '\0')
        {
            break;
        }
        g_argv[argc++] = p;
        while (*p != '\0' && *p != ' ')
        {
            p++;
        }
    }
    g_argv[argc] = NULL;
    return argc;
}

void tl_board_start(void)
{
    int argc;
    /* QEMU does not promise to clear NOLOAD sections; C does. */
    memset(&__bss_start__, 0, (size_t)(&__bss_end__ - &__bss_start__));
    argc = split_cmdline();
    /* exit() flushes stdio (programs that print with printf), then _exit ends the emulation. */
    exit(main(argc, g_argv));
}

__attribute__((noinline)) void mcu_region_begin(void)
{
    __asm__ volatile("");
}

__attribute__((noinline)) void mcu_region_end(void)
{
    __asm__ volatile("");
}
