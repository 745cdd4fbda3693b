// Links the interop record the way nf-interpreter's interop assemblies table does (an extern reference to
// g_CLR_AssemblyNative_<assembly>) and checks its name. Part of the mock-nf CTest; not nanoFramework code.
#include <string.h>

#include <nanoCLR_Interop.h>

extern const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_TinyLite_Runtime;

int main()
{
    return strcmp(g_CLR_AssemblyNative_TinyLite_Runtime.m_szAssemblyName, "TinyLite.Runtime") == 0 ? 0 : 1;
}
