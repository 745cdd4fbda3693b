#if NANOFRAMEWORK_1_0
using System.Reflection;

// Version of the native (firmware) side of this assembly: the nanoFramework interop glue's
// CLR_RT_NativeAssemblyData record (native-kernels/src/interop/nanoframework/TinyLite_Runtime_Native.cpp, which
// pe_interop_table.py generates from the .pe) carries the same four numbers. The metadata processor refuses to generate stubs without this
// attribute, and deployment tools compare it with the version the firmware reports. Raise it (and the glue)
// whenever an extern method of NativeKernels is added, removed or changes its signature.
// The assembly version is the same number: the metadata processor writes it into the .pe header, where
// pe_interop_table.py reads it for the record (the native version itself is not stored in the .pe).
[assembly: AssemblyNativeVersion("1.1.0.0")]
[assembly: AssemblyVersion("1.1.0.0")]
#endif
