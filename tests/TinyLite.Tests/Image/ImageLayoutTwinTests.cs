using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using TinyLite.Tests.Compat;

namespace TinyLite.Tests.Image;

/// <summary>
/// The image layout is written twice, in C# (nf-runtime/src/Image/ImageLayout.cs, Execution/TensorType.cs) for the
/// compiler and the managed loader and in C (native-kernels/include/tinylite/tl_image.h) for the native runner: every
/// constant must have its twin, under the same name (<c>OpRecordHeaderBytes</c> is <c>TL_IMAGE_OP_RECORD_HEADER_BYTES</c>
/// or <c>TL_OP_RECORD_HEADER_BYTES</c>, <c>TensorType.Int8</c> is <c>TL_TYPE_INT8</c>) and the same value.
/// </summary>
public class ImageLayoutTwinTests
{
    private static Dictionary<string, long> CDefines()
    {
        string header = File.ReadAllText(Path.Combine(Checkout.Root(), "native-kernels", "include", "tinylite", "tl_image.h"));
        var defines = new Dictionary<string, long>();
        foreach (Match m in Regex.Matches(header, @"^#define (TL_\w+) (0x[0-9A-Fa-f]+|\d+)[uU]?\b", RegexOptions.Multiline))
        {
            string text = m.Groups[2].Value;
            defines[m.Groups[1].Value] = text.StartsWith("0x", StringComparison.Ordinal)
                ? long.Parse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : long.Parse(text, CultureInfo.InvariantCulture);
        }
        return defines;
    }

    /// <summary>The public int constants of <paramref name="type"/> with their C spellings.</summary>
    private static IEnumerable<(string CSharp, string[] CNames, long Value)> Constants(Type type, params string[] prefixes) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int))
            .Select(f =>
            {
                string snake = Regex.Replace(f.Name, "(?<=[a-z0-9])(?=[A-Z])", "_").ToUpperInvariant();
                return (type.Name + "." + f.Name, prefixes.Select(p => p + snake).ToArray(), (long)(int)f.GetRawConstantValue()!);
            });

    private static IEnumerable<(string CSharp, string[] CNames, long Value)> AllConstants() =>
        Constants(typeof(ImageLayout), "TL_IMAGE_", "TL_").Concat(Constants(typeof(TensorType), "TL_TYPE_"));

    [Fact]
    public void EveryCSharpConstant_HasACTwinOfTheSameValue()
    {
        var defines = CDefines();
        foreach (var (name, cNames, value) in AllConstants())
        {
            string? twin = cNames.FirstOrDefault(defines.ContainsKey);
            Assert.True(twin != null, $"{name} has no twin in tl_image.h (expected {string.Join(" or ", cNames)})");
            Assert.True(defines[twin!] == value, $"{name} = {value} but {twin} = {defines[twin!]}");
        }
    }

    [Fact]
    public void EveryCDefine_HasACSharpTwin()
    {
        var spelled = AllConstants().SelectMany(c => c.CNames).ToHashSet();
        foreach (string define in CDefines().Keys)
        {
            Assert.True(spelled.Contains(define), $"tl_image.h's {define} has no twin in ImageLayout or TensorType");
        }
    }
}
