// Namespaces most test files use, imported once for the whole test project (with the implicit usings and Xunit).
global using System.Buffers.Binary;
global using TinyLite.Codegen;
global using TinyLite.Codegen.Ir;
global using TinyLite.Codegen.Lowering;
global using TinyLite.Runtime;
global using TinyLite.Runtime.Execution;
global using TinyLite.Runtime.Image;
global using TinyLite.Runtime.Native;
global using TinyLite.Tests.Support;
