using System.Text;

namespace TinyLite.Tests.Compat;

/// <summary>
/// Every device assembly stays under 56 KB of method bytecode and of array-initializer data (nanoFramework's PE
/// format stops at 64 KB of each), and the measurement that guards it sees code and data that cross the line.
/// </summary>
public class DeviceAssemblySizeTests
{
    [Fact]
    public void EveryDeviceAssembly_StaysUnderTheCeiling()
    {
        string root = Checkout.Root();
        var problems = new List<string>();
        foreach (string path in NanoFrameworkPaths.DeviceAssemblies(root, NanoFrameworkPaths.Configuration()))
        {
            Assert.True(File.Exists(path), "device build missing: " + path + " (building TinyLite.Tests builds it)");
            DeviceAssemblySize size = DeviceAssemblySize.Measure(path);
            Assert.True(size.BytecodeBytes > 0, path + " has no method bytecode: wrong file?");
            if (size.Problem() is string problem)
            {
                problems.Add(problem);
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Measure_CountsMethodBytecode_AndFlagsTooMuch()
    {
        // Each statement "x += N;" is 6 bytes of IL when Roslyn keeps x on the stack (ldc.i4 N with N > 127, add) and
        // 8 when it does not (ldloc, ldc.i4 N, add, stloc); the method header adds at most 12.
        byte[] small = SnippetCompiler.CompileAgainstNanoMscorlib(Method(statements: 100));
        byte[] large = SnippetCompiler.CompileAgainstNanoMscorlib(Method(statements: 10_000));

        DeviceAssemblySize smallSize = DeviceAssemblySize.Measure(small);
        DeviceAssemblySize largeSize = DeviceAssemblySize.Measure(large);

        Assert.InRange(smallSize.BytecodeBytes, 100 * 6, 100 * 8 + 64);
        Assert.InRange(largeSize.BytecodeBytes, 10_000 * 6, 10_000 * 8 + 64);
        Assert.Null(smallSize.Problem());
        Assert.Contains("method bytecode", largeSize.Problem());
    }

    [Fact]
    public void Measure_CountsInitializerData_AndFlagsTooMuch()
    {
        byte[] small = SnippetCompiler.CompileAgainstNanoMscorlib(Initializers(arrays: 1, bytesEach: 1000));
        byte[] large = SnippetCompiler.CompileAgainstNanoMscorlib(Initializers(arrays: 4, bytesEach: 15_000));

        Assert.Equal(1000, DeviceAssemblySize.Measure(small).InitializerBytes);
        DeviceAssemblySize largeSize = DeviceAssemblySize.Measure(large);
        Assert.Equal(60_000, largeSize.InitializerBytes);
        Assert.Contains("array-initializer data", largeSize.Problem());
    }

    private static string Method(int statements)
    {
        var source = new StringBuilder("public static class Big { public static int Sum() { int x = 0;\n");
        for (int i = 0; i < statements; i++)
        {
            source.Append("x += ").Append(1000 + i).Append(";\n");
        }

        return source.Append("return x; } }").ToString();
    }

    private static string Initializers(int arrays, int bytesEach)
    {
        var source = new StringBuilder("public static class Data {\n");
        for (int a = 0; a < arrays; a++)
        {
            source.Append("public static byte[] Chunk").Append(a).Append("() { return new byte[] {");
            for (int i = 0; i < bytesEach; i++)
            {
                source.Append((i * 7 + a) % 251).Append(',');
            }

            source.Append("}; }\n");
        }

        return source.Append('}').ToString();
    }
}
