#if NANOFRAMEWORK_1_0
using System.Reflection;

// Version of the native (firmware) side of this assembly: the nanoFramework interop glue in
// native-kernels/src/interop/nanoframework/ (TinyLite_Runtime.cpp) carries the same four numbers in its
// CLR_RT_NativeAssemblyData record. The metadata processor refuses to generate stubs without this
// attribute, and deployment tools compare it with the version the firmware reports. Raise it (and the glue)
// whenever an extern method of NativeKernels is added, removed or changes its signature.
[assembly: AssemblyNativeVersion("1.0.0.0")]
#endif
