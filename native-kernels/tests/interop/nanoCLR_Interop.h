//
// TEST STAND-IN written by the TinyLite authors, NOT nanoFramework code.
//
// Declares the few nanoCLR interop names the TinyLite glue (native-kernels/src/interop/nanoframework/) uses,
// with the same names and calling shapes as nf-interpreter's src/CLR/Include/nanoCLR_Interop.h, so that
// test_interop.cpp can compile the glue with the host g++ and call its handlers. Layouts and values here are
// ours and simplified; a firmware build uses nf-interpreter's real headers instead.
//
#ifndef TINYLITE_TEST_STANDIN_NANOCLR_INTEROP_H
#define TINYLITE_TEST_STANDIN_NANOCLR_INTEROP_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t HRESULT;

#define S_OK ((HRESULT)0)
#define FAILED(hr) ((HRESULT)(hr) < 0)
#define SUCCEEDED(hr) ((HRESULT)(hr) >= 0)

// Error codes the stand-in knows (values are ours; only their sign matters to the macros).
#define CLR_E_ARGUMENT_NULL ((HRESULT)0x80000001)
#define CLR_E_OUT_OF_RANGE ((HRESULT)0x80000002)
#define CLR_E_INVALID_PARAMETER ((HRESULT)0x80000003)

// The control-flow macros of native handlers: a handler declares hr, jumps to its cleanup label on failure
// and returns hr.
#define NANOCLR_HEADER() HRESULT hr
#define NANOCLR_LEAVE() goto nanoCLR_Cleanup
#define NANOCLR_CHECK_HRESULT(expr)                                                                                    \
    {                                                                                                                  \
        if (FAILED(hr = (expr)))                                                                                       \
            NANOCLR_LEAVE();                                                                                           \
    }
#define NANOCLR_SET_AND_LEAVE(expr)                                                                                    \
    {                                                                                                                  \
        hr = (expr);                                                                                                   \
        NANOCLR_LEAVE();                                                                                               \
    }
#define NANOCLR_CLEANUP()                                                                                              \
    hr = S_OK;                                                                                                         \
    nanoCLR_Cleanup:
#define NANOCLR_CLEANUP_END() return hr
#define NANOCLR_NOCLEANUP()                                                                                            \
    NANOCLR_CLEANUP();                                                                                                 \
    NANOCLR_CLEANUP_END()
#define NANOCLR_NOCLEANUP_NOLABEL()                                                                                    \
    hr = S_OK;                                                                                                         \
    return hr
#define FAULT_ON_NULL_ARG(ptr)                                                                                         \
    if (!(ptr))                                                                                                        \
    NANOCLR_SET_AND_LEAVE(CLR_E_ARGUMENT_NULL)

struct CLR_RT_StackFrame;

#define NANOCLR_NATIVE_DECLARE(mtd) static HRESULT mtd(CLR_RT_StackFrame &stack)

typedef HRESULT (*CLR_RT_MethodHandler)(CLR_RT_StackFrame &stack);

struct CLR_RECORD_VERSION
{
    uint16_t iMajorVersion;
    uint16_t iMinorVersion;
    uint16_t iBuildNumber;
    uint16_t iRevisionNumber;
};

struct CLR_RT_NativeAssemblyData
{
    const char *m_szAssemblyName;
    unsigned int m_checkSum;
    const void *m_pNativeMethods;
    CLR_RECORD_VERSION m_Version;
};

#endif // TINYLITE_TEST_STANDIN_NANOCLR_INTEROP_H
