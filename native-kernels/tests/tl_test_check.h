/*
 * The check macro shared by the runner's CTest (test_runner.c) and the interop test
 * (interop/test_interop.cpp): CHECK(cond) prints the file, line and condition of a failed check and
 * counts it in the including file's `failures`, which its main reports. Include once per program.
 */
#ifndef TL_TEST_CHECK_H
#define TL_TEST_CHECK_H

#include <stdio.h>

static int failures;

#define CHECK(cond)                                                                                                    \
    do                                                                                                                 \
    {                                                                                                                  \
        if (!(cond))                                                                                                   \
        {                                                                                                              \
            printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                                                     \
            failures++;                                                                                                \
        }                                                                                                              \
    } while (0)

#endif /* TL_TEST_CHECK_H */
