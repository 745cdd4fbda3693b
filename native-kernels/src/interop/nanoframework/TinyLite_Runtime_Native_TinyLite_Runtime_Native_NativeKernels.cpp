//
// nanoFramework interop glue for TinyLite.Runtime.Native: the native handlers of
// TinyLite.Runtime.Native.NativeKernels (nf-runtime/src/Native/NativeKernels.cs).
//
// File name, struct name and handler names are the ones nanoFramework's metadata processor gives the stub of
// this class (<project>_<namespace>_<class>.cpp); the bodies are ours. Each handler reads its arguments from
// the managed stack frame (stack.Arg0() ... stack.Arg5(); the methods are static, so Arg0 is the first
// parameter), reaches the byte[] data through CLR_RT_HeapBlock_Array, calls the flat C ABI of tl_native.h and
// returns the tl_status value with SetResult_I4, exactly what the host build returns through P/Invoke.
//
// Memory safety: the managed caller passes a length next to every array. The C runner trusts those lengths,
// so the handlers check each one against the array's real element count first (a length past the end of its
// array, or a non-zero length for a null array, is refused with status 5 = TL_ERR_ARGUMENT and a message);
// the message length is clamped to the message array. Negative lengths go through to tl_native_*, which
// refuses them with the same status. Nothing is allocated here and the call runs to its end without giving
// control back to the CLR, so the garbage collector cannot move the arrays while C code holds pointers into
// them; nothing is kept after the call returns. NativeManagedHeapFreeBytes is the exception: it runs the
// garbage collector on purpose (no arrays are held then).
//
// The data of a nanoCLR byte[] starts right after its CLR_RT_HeapBlock_Array header, on a 4-byte boundary,
// which is the alignment the runner requires for the image and the arena (it refuses anything else with
// status 5 and says so in the message).
//

#include "TinyLite_Runtime_Native.h"

#include "tinylite/tl_native.h"

typedef Library_TinyLite_Runtime_Native_TinyLite_Runtime_Native_NativeKernels NativeKernels;

// Status values shared with NativeKernels.StatusArgument and tl_status.h (TL_ERR_ARGUMENT).
static const int32_t StatusArgument = 5;

// A byte[] argument and the length the managed caller gave for it.
struct ByteArrayArgument
{
    // First byte of the array's data, or NULL for a null reference.
    uint8_t *data;

    // Number of elements the array really has (0 for a null reference).
    uint32_t elements;

    // Length the caller claims (may be negative or too large: checked before use).
    int32_t length;
};

// Reads the byte[] in argument slot 'arrayIndex' and the int32 length in the slot after it.
static ByteArrayArgument ReadByteArrayArgument(CLR_RT_StackFrame &stack, int arrayIndex)
{
    ByteArrayArgument argument;
    CLR_RT_HeapBlock_Array *array = stack.ArgN(arrayIndex).DereferenceArray();

    argument.length = stack.ArgN(arrayIndex + 1).NumericByRef().s4;
    if (array == NULL)
    {
        argument.data = NULL;
        argument.elements = 0;
    }
    else
    {
        argument.data = array->GetFirstElement();
        argument.elements = array->m_numOfElements;
    }

    return argument;
}

// True when a non-negative claimed length runs past the end of its array.
static bool IsPastEnd(const ByteArrayArgument &argument)
{
    return argument.length > 0 && (uint32_t)argument.length > argument.elements;
}

// Writes 'text' NUL-terminated into the first 'capacity' bytes of 'message' (cut if longer).
static void WriteMessage(uint8_t *message, int32_t capacity, const char *text)
{
    int32_t n = 0;

    if (message == NULL || capacity <= 0)
    {
        return;
    }

    while (n < capacity - 1 && text[n] != 0)
    {
        message[n] = (uint8_t)text[n];
        n++;
    }

    message[n] = 0;
}

typedef int32_t (*RunnerEntry)(
    const uint8_t *image,
    int32_t imageBytes,
    uint8_t *arena,
    int32_t arenaBytes,
    uint8_t *message,
    int32_t messageBytes);

// The common body of NativeLoad and NativeInvoke: (image, imageBytes, arena, arenaBytes, message, messageBytes).
static HRESULT CallRunner(CLR_RT_StackFrame &stack, RunnerEntry entry)
{
    NANOCLR_HEADER();

    ByteArrayArgument image = ReadByteArrayArgument(stack, 0);
    ByteArrayArgument arena = ReadByteArrayArgument(stack, 2);
    ByteArrayArgument message = ReadByteArrayArgument(stack, 4);
    int32_t messageCapacity = message.length;
    int32_t status;

    // The message array is an output only: a claimed length past its end is cut to the array instead of
    // failing the call.
    if (messageCapacity < 0)
    {
        messageCapacity = 0;
    }
    if ((uint32_t)messageCapacity > message.elements)
    {
        messageCapacity = (int32_t)message.elements;
    }

    if (IsPastEnd(image))
    {
        WriteMessage(message.data, messageCapacity, "imageBytes is larger than the image array");
        status = StatusArgument;
    }
    else if (IsPastEnd(arena))
    {
        WriteMessage(message.data, messageCapacity, "arenaBytes is larger than the arena array");
        status = StatusArgument;
    }
    else
    {
        status = entry(image.data, image.length, arena.data, arena.length, message.data, messageCapacity);
    }

    stack.SetResult_I4(status);

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT NativeKernels::NativeVersion___STATIC__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    stack.SetResult_I4(tl_native_version());

    NANOCLR_NOCLEANUP_NOLABEL();
}

HRESULT NativeKernels::NativeLoad___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__SZARRAY_U1__I4(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    NANOCLR_CHECK_HRESULT(CallRunner(stack, tl_native_load));

    NANOCLR_NOCLEANUP();
}

HRESULT NativeKernels::NativeInvoke___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__SZARRAY_U1__I4(
    CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    NANOCLR_CHECK_HRESULT(CallRunner(stack, tl_native_invoke));

    NANOCLR_NOCLEANUP();
}

// A full garbage collection, as nanoFramework.Runtime.Native's GC.Run(false) does it (the execution engine's
// PerformGarbageCollection, which also queues finalizers), then the free bytes of the managed heap it reports.
// The heap is far below 2 GB on every nanoCLR target; the value is clamped to int32 all the same.
HRESULT NativeKernels::NativeManagedHeapFreeBytes___STATIC__I4(CLR_RT_StackFrame &stack)
{
    NANOCLR_HEADER();

    CLR_UINT32 freeBytes = g_CLR_RT_ExecutionEngine.PerformGarbageCollection();

    stack.SetResult_I4(freeBytes > 0x7FFFFFFFu ? 0x7FFFFFFF : (int32_t)freeBytes);

    NANOCLR_NOCLEANUP_NOLABEL();
}
