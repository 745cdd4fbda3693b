using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace TinyLite.Tests.Compat;

/// <summary>
/// The two figures of one device assembly that nanoFramework's PE format addresses with 16-bit offsets: the
/// method bytecode (the IL of every method body; the metadata processor rewrites IL with 2-byte tokens where the
/// ECMA format has 4-byte ones, so its bytecode is at most this) and the array-initializer data (the blobs of
/// fields with an RVA, which <c>new T[] { ... }</c> initializers copy from).
/// </summary>
public sealed record DeviceAssemblySize(string Name, int BytecodeBytes, int InitializerBytes)
{
    /// <summary>The ceiling each figure must stay under: 56 KB, leaving room below nanoFramework's 64 KB.</summary>
    public const int LimitBytes = 56 * 1024;

    /// <summary>Measures the assembly file at <paramref name="path"/>.</summary>
    public static DeviceAssemblySize Measure(string path) => Measure(File.ReadAllBytes(path));

    /// <summary>Measures an assembly image.</summary>
    public static DeviceAssemblySize Measure(byte[] image)
    {
        using var pe = new PEReader(new MemoryStream(image));
        MetadataReader reader = pe.GetMetadataReader();
        int bytecode = 0;
        foreach (MethodDefinitionHandle handle in reader.MethodDefinitions)
        {
            int rva = reader.GetMethodDefinition(handle).RelativeVirtualAddress;
            if (rva != 0)
            {
                bytecode += pe.GetMethodBody(rva).Size;
            }
        }

        int initializers = 0;
        foreach (FieldDefinitionHandle handle in reader.FieldDefinitions)
        {
            FieldDefinition field = reader.GetFieldDefinition(handle);
            if (field.GetRelativeVirtualAddress() != 0)
            {
                initializers += NanoCompatChecker.StaticDataSize(reader, field);
            }
        }

        return new DeviceAssemblySize(reader.GetString(reader.GetAssemblyDefinition().Name), bytecode, initializers);
    }

    /// <summary>What is over <see cref="LimitBytes"/>, or null when both figures are within it.</summary>
    public string? Problem()
    {
        var over = new List<string>();
        if (BytecodeBytes > LimitBytes)
        {
            over.Add($"{BytecodeBytes} bytes of method bytecode");
        }

        if (InitializerBytes > LimitBytes)
        {
            over.Add($"{InitializerBytes} bytes of array-initializer data");
        }

        return over.Count == 0 ? null
            : $"{Name} has {string.Join(" and ", over)}, over the {LimitBytes}-byte ceiling (nanoFramework's PE format stops at 64 KB): move code into another device assembly, or load data at run time";
    }
}
