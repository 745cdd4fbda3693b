using System.Reflection;
using System.Text.RegularExpressions;

namespace TinyLite.Tests.Native;

/// <summary>Runs images through the managed and the native kernels; names a native kernel that is missing.</summary>
public static partial class NativeSupport
{
    /// <summary>Why the native tests are skipped when the library is not built.</summary>
    public static string SkipReason => (NativeKernels.UnavailableReason ?? "")
        + " (test.sh builds it: native-kernels/build-host.sh)";

    /// <summary>
    /// Switches <paramref name="interpreter"/> to the native kernels; when the native build lacks a kernel, fails
    /// with its code and <see cref="OpCode"/> name so the missing piece is obvious.
    /// </summary>
    public static void UseNative(Interpreter interpreter, string what)
    {
        try
        {
            interpreter.UseNativeKernels();
        }
        catch (ImageException e)
        {
            var m = MissingCode().Match(e.Message);
            if (m.Success)
            {
                int code = int.Parse(m.Groups[1].Value);
                Assert.Fail($"{what}: native kernel {code} ({OpCodeName(code)}) is not implemented yet — {e.Message}");
            }
            throw;
        }
    }

    /// <summary>The name of the <see cref="OpCode"/> constant with value <paramref name="code"/>.</summary>
    public static string OpCodeName(int code) =>
        typeof(OpCode).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(int) && (int)f.GetRawConstantValue()! == code && f.Name is not "First" and not "End")
            .Select(f => "OpCode." + f.Name).FirstOrDefault() ?? "unknown code";

    /// <summary>Outputs of <paramref name="image"/> on <paramref name="inputs"/>: managed, then native (fresh interpreters).</summary>
    public static (byte[][] Managed, byte[][] Native) RunBoth(byte[] image, byte[][] inputs, string what)
    {
        var managed = new Interpreter((byte[])image.Clone());
        var native = new Interpreter((byte[])image.Clone());
        UseNative(native, what);
        return (Run(managed, inputs), Run(native, inputs));
    }

    private static byte[][] Run(Interpreter interpreter, byte[][] inputs)
    {
        for (int i = 0; i < inputs.Length; i++) interpreter.SetInput(i, inputs[i]);
        interpreter.Invoke();
        return Enumerable.Range(0, interpreter.OutputCount).Select(interpreter.GetOutput).ToArray();
    }

    /// <summary>Seeded random bytes for every input of <paramref name="image"/>.</summary>
    public static byte[][] RandomInputs(byte[] image, int seed)
    {
        var probe = new Interpreter((byte[])image.Clone());
        var rng = new Random(seed);
        return Enumerable.Range(0, probe.InputCount).Select(i =>
        {
            var bytes = new byte[probe.TensorByteSize(probe.InputTensor(i))];
            rng.NextBytes(bytes);
            if (probe.TensorTypeOf(probe.InputTensor(i)) == TensorType.Float32)
            {
                // Finite floats of moderate size (random bits would be mostly huge or NaN).
                for (int k = 0; k + 4 <= bytes.Length; k += 4)
                    BitConverter.TryWriteBytes(bytes.AsSpan(k), (float)(rng.NextDouble() * 20 - 10));
            }
            return bytes;
        }).ToArray();
    }

    [GeneratedRegex(@"kernel code (\d+) is not implemented by the native kernels")]
    private static partial Regex MissingCode();
}
