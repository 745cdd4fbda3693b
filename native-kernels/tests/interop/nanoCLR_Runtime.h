//
// TEST STAND-IN written by the TinyLite authors, NOT nanoFramework code.
//
// The managed stack frame and heap blocks as far as the TinyLite glue uses them, with the member names of
// nf-interpreter's nanoCLR_Runtime.h / nanoCLR_Runtime__HeapBlock.h (Arg0() ... ArgN(), SetResult_I4,
// NumericByRef().s4, DereferenceArray(), CLR_RT_HeapBlock_Array::m_numOfElements and GetFirstElement(), and
// g_CLR_RT_ExecutionEngine.PerformGarbageCollection() returning the free heap bytes).
// The layout is ours: a heap block holds either an int32 or a pointer to an array object, and an array object
// points at caller-owned storage. test_interop.cpp builds frames of these by hand.
//
#ifndef TINYLITE_TEST_STANDIN_NANOCLR_RUNTIME_H
#define TINYLITE_TEST_STANDIN_NANOCLR_RUNTIME_H

#include "nanoCLR_Interop.h"

struct CLR_RT_HeapBlock_Array;

struct CLR_RT_HeapBlock
{
    union Numeric
    {
        int32_t s4;
        uint32_t u4;
    };

    Numeric m_numeric;
    CLR_RT_HeapBlock_Array *m_array;

    Numeric &NumericByRef()
    {
        return m_numeric;
    }

    CLR_RT_HeapBlock_Array *DereferenceArray() const
    {
        return m_array;
    }
};

struct CLR_RT_HeapBlock_Array
{
    uint32_t m_numOfElements;
    uint8_t *m_data;

    uint8_t *GetFirstElement()
    {
        return m_data;
    }
};

struct CLR_RT_StackFrame
{
    CLR_RT_HeapBlock *m_arguments;
    CLR_RT_HeapBlock m_result;

    CLR_RT_HeapBlock &Arg0() const
    {
        return m_arguments[0];
    }
    CLR_RT_HeapBlock &Arg1() const
    {
        return m_arguments[1];
    }
    CLR_RT_HeapBlock &ArgN(int32_t n) const
    {
        return m_arguments[n];
    }

    void SetResult_I4(int32_t value)
    {
        m_result.m_numeric.s4 = value;
        m_result.m_array = NULL;
    }
};

typedef uint32_t CLR_UINT32;

// The execution engine as far as the glue uses it: a garbage collection that returns the free heap bytes. The
// test sets the value to return and counts the collections (test_interop.cpp defines the one instance).
struct CLR_RT_ExecutionEngine
{
    CLR_UINT32 m_freeBytesAfterGc;
    int m_collections;

    CLR_UINT32 PerformGarbageCollection()
    {
        m_collections++;
        return m_freeBytesAfterGc;
    }
};

extern CLR_RT_ExecutionEngine g_CLR_RT_ExecutionEngine;

#endif // TINYLITE_TEST_STANDIN_NANOCLR_RUNTIME_H
