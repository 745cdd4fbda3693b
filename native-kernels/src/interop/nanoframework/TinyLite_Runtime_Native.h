//
// nanoFramework interop glue for the managed assembly TinyLite.Runtime.Native (nf-runtime/device/
// TinyLite.Runtime.Native: NativeKernels only): declarations.
//
// Same names and layout as the header nanoFramework's metadata processor writes when it generates the stubs
// of TinyLite.Runtime.Native (<project>.h with project "TinyLite.Runtime.Native", class library style, i.e. native handlers
// that read their arguments from the CLR_RT_StackFrame): one struct per class with extern methods, named
// Library_<project>_<namespace>_<class> with dots turned into underscores, and one NANOCLR_NATIVE_DECLARE per
// extern method, named <method>___STATIC__<return>__<arg>... in the metadata processor's type codes
// (I4 = int, SZARRAY_U1 = byte[]).
//
// The managed side is nf-runtime/src/Native/NativeKernels.cs; the flat C ABI behind the handlers is
// native-kernels/include/tinylite/tl_native.h. Written by the TinyLite authors (not generated).
//
// Not declared here, unlike a generated header: the FIELD_STATIC__ indices of NativeKernels' static fields.
// The handlers never touch managed fields, and those indices are assembly-wide positions that only the
// metadata processor knows.
//

#ifndef TINYLITE_RUNTIME_NATIVE_H
#define TINYLITE_RUNTIME_NATIVE_H

#include <nanoCLR_Interop.h>
#include <nanoCLR_Runtime.h>
#include <nanoPackStruct.h>

struct Library_TinyLite_Runtime_Native_TinyLite_Runtime_Native_NativeKernels
{
    // private static extern int NativeVersion();
    NANOCLR_NATIVE_DECLARE(NativeVersion___STATIC__I4);

    // private static extern int NativeLoad(byte[] image, int imageBytes, byte[] arena, int arenaBytes,
    //                                      byte[] message, int messageBytes);
    NANOCLR_NATIVE_DECLARE(NativeLoad___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__SZARRAY_U1__I4);

    // private static extern int NativeInvoke(byte[] image, int imageBytes, byte[] arena, int arenaBytes,
    //                                        byte[] message, int messageBytes);
    NANOCLR_NATIVE_DECLARE(NativeInvoke___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__SZARRAY_U1__I4);

    // private static extern int NativeManagedHeapFreeBytes();   (diagnostic: GC, then free heap bytes)
    NANOCLR_NATIVE_DECLARE(NativeManagedHeapFreeBytes___STATIC__I4);

    //--//
};

extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_TinyLite_Runtime_Native;

#endif // TINYLITE_RUNTIME_NATIVE_H
