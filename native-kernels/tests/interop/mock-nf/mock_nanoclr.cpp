// Links the interop record the way nf-interpreter's interop assemblies table does (an extern reference to
// g_CLR_AssemblyNative_<assembly>) and checks its name. Part of the mock-nf CTest; not nanoFramework code.
#include <string.h>

#include <nanoCLR_Interop.h>
#include <nanoCLR_Runtime.h>

// The one execution engine of the stand-in (nanoCLR defines it in its core; the glue's heap diagnostic uses it).
CLR_RT_ExecutionEngine g_CLR_RT_ExecutionEngine;

extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_TinyLite_Runtime_Native;

int main()
{
    return strcmp(g_CLR_AssemblyNative_TinyLite_Runtime_Native.m_szAssemblyName, "TinyLite.Runtime.Native") == 0 ? 0 : 1;
}
