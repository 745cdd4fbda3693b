//
// nanoFramework interop glue for TinyLite.Runtime: the method lookup table and the native assembly record.
//
// !! PLACEHOLDER: a firmware build must replace this file with the one the metadata processor generates for
// !! the TinyLite.Runtime assembly it deploys (docs/NANOFRAMEWORK-FIRMWARE.md, "Regenerate the lookup table").
//
// Why it cannot be written by hand once and for all:
//
// * method_lookup is indexed by the method's row in the assembly's method table as the metadata processor
//   lays it out (types in its type-table order; within a type the virtual, then the instance, then the static
//   methods, each in declaration order). The CLR reads method_lookup[method index] for EVERY method of the
//   assembly it calls (CLR_RT_StackFrame::Push), so the table needs one entry per method of TinyLite.Runtime
//   (several hundred: every kernel, the interpreter ...), NULL for managed methods, and the three handlers at
//   the rows of NativeKernels' extern methods. Below are only NativeKernels' own rows, in the order the
//   metadata processor gives them (get_IsAvailable, get_UnavailableReason, Probe, Load, Invoke, MessageText,
//   then the three externs); the rows of every other type are missing.
//
// * m_checkSum must equal the "native methods checksum" the metadata processor writes into the header of the
//   deployed TinyLite.Runtime.pe. It is a CRC32 (IEEE 802 polynomial, ZModem table) over, for every method of
//   every class or struct in type-table order, either the string "NULL" (managed method) or the assembly
//   name, the class name (TinyLite_Runtime_Native_NativeKernels) and the mangled method name (e.g.
//   NativeVersion___STATIC__I4). It therefore changes whenever a method is added to, removed from or moved in
//   the assembly, not only when an extern changes. nanoCLR compares the two when it loads the assembly
//   (CLRStartup.cpp, LoadAssembly) and refuses it with CLR_E_ASSM_WRONG_CHECKSUM ("Invalid native checksum")
//   on a mismatch, before the table is ever used. The 0x00000000 below never matches a real TinyLite.Runtime
//   (an assembly with native methods has a non-zero checksum): an unregenerated firmware fails loudly at
//   deployment instead of calling a handler through a wrong row.
//
// How to regenerate: build TinyLite.Runtime with the nanoFramework project system (an .nfproj over
// nf-runtime/src, as docs/NANOFRAMEWORK-FIRMWARE.md shows) with stub generation on, the way nanoFramework's own
// class libraries do it (e.g. nanoFramework.Hardware.Esp32.nfproj): <NF_GenerateStubsDirectory>,
// <NF_GenerateSkeletonProjectName>TinyLite_Runtime</NF_GenerateSkeletonProjectName> and
// <NF_IsCoreLibrary>True</NF_IsCoreLibrary> (class-library stubs: handlers that take the CLR_RT_StackFrame,
// like ours, instead of the marshalling "_mshl" layer). Then copy the generated TinyLite_Runtime.cpp over this
// file; the build log prints the same checksum as "Native declaration checksum: 0x........". Keep
// TinyLite_Runtime.h and the handlers file from this folder (the generated handlers are NotImplementedStub
// bodies); if the generated lookup table names other handlers, NativeKernels.cs and this glue have drifted
// apart and the firmware fails to link.
//
// The version { 1, 0, 0, 0 } is the [assembly: AssemblyNativeVersion("1.0.0.0")] of TinyLite.Runtime
// (nf-runtime/src/Properties/AssemblyNativeVersion.cs); deployment tools compare the two.
//

#include "TinyLite_Runtime.h"

// clang-format off

static const CLR_RT_MethodHandler method_lookup[] =
{
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
    Library_TinyLite_Runtime_TinyLite_Runtime_Native_NativeKernels::NativeVersion___STATIC__I4,
    Library_TinyLite_Runtime_TinyLite_Runtime_Native_NativeKernels::NativeLoad___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__SZARRAY_U1__I4,
    Library_TinyLite_Runtime_TinyLite_Runtime_Native_NativeKernels::NativeInvoke___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__SZARRAY_U1__I4,
};

const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_TinyLite_Runtime =
{
    "TinyLite.Runtime",
    0x00000000,
    method_lookup,
    { 1, 0, 0, 0 }
};

// clang-format on
