using System.Text;

namespace TinyLite.Tests.Compat;

/// <summary>
/// Proves <see cref="NanoCompatChecker"/> itself: small C# snippets, each with one construct nanoCLR cannot
/// run, are compiled (against nanoFramework's mscorlib, or a stand-in corlib where the real one makes the
/// construct impossible to compile) and the checker must report exactly that kind; a clean snippet that
/// exercises ordinary nanoFramework code must pass with no violation at all.
/// </summary>
public class NanoCompatCheckerTests
{
    private static readonly Lazy<NanoCompatChecker> s_checker = new(() =>
    {
        string? mscorlib = NanoFrameworkPaths.Mscorlib(Checkout.Root(), out List<string> tried);
        Assert.True(mscorlib != null, "nanoFramework mscorlib.dll not found; looked in: " + string.Join(", ", tried));
        return new NanoCompatChecker(new ReferenceAssembly(mscorlib!));
    });

    [Fact]
    public void Check_GenericClass_ReportsGenericDefinition()
    {
        byte[] image = SnippetCompiler.CompileAgainstNanoMscorlib("""
            public class Box<T> { public T Value; }
            """);

        IReadOnlyList<CompatViolation> violations = AssertOnlyKinds(image, CompatViolationKind.Generic);
        AssertReported(violations, CompatViolationKind.Generic, "type Box`1", "generic type definition");
        AssertReported(violations, CompatViolationKind.Generic, "Box`1::Value", "generic type parameter !0");
    }

    [Fact]
    public void Check_GenericMethod_ReportsDefinitionAndInstantiation()
    {
        byte[] image = SnippetCompiler.CompileAgainstNanoMscorlib("""
            public static class G
            {
                public static T Id<T>(T x) { return x; }
                public static int Use() { return Id(3); }
            }
            """);

        IReadOnlyList<CompatViolation> violations = AssertOnlyKinds(image, CompatViolationKind.Generic);
        AssertReported(violations, CompatViolationKind.Generic, "G.Id(!!0)", "generic method definition");
        AssertReported(violations, CompatViolationKind.Generic, "MethodSpec G::Id<int32> (used by G.Use()", "generic method instantiation");
    }

    [Fact]
    public void Check_GenericCorlibDelegate_ReportsInstantiation()
    {
        // nanoFramework's mscorlib declares System.Action`1, but nanoCLR 1.x cannot instantiate it.
        byte[] image = SnippetCompiler.CompileAgainstNanoMscorlib("""
            public static class A
            {
                public static void Run(System.Action<int> action) { action(1); }
            }
            """);

        IReadOnlyList<CompatViolation> violations = AssertOnlyKinds(image, CompatViolationKind.Generic);
        AssertReported(violations, CompatViolationKind.Generic, "A.Run(System.Action`1<int32>)", "generic instantiation System.Action`1<int32>");
    }

    [Fact]
    public void Check_PointerParameter_ReportsPointer()
    {
        byte[] image = SnippetCompiler.CompileAgainstNanoMscorlib("""
            public static unsafe class P
            {
                public static int Read(int* p) { return *p; }
            }
            """);

        IReadOnlyList<CompatViolation> violations = AssertOnlyKinds(image, CompatViolationKind.Pointer);
        AssertReported(violations, CompatViolationKind.Pointer, "P.Read(int32*)", "pointer type int32*");
    }

    [Fact]
    public void Check_FixedStatement_ReportsPinnedLocal()
    {
        byte[] image = SnippetCompiler.CompileAgainstNanoMscorlib("""
            public static unsafe class F
            {
                public static int First(int[] a) { fixed (int* p = a) { return *p; } }
            }
            """);

        IReadOnlyList<CompatViolation> violations = AssertOnlyKinds(image, CompatViolationKind.Pointer);
        AssertReported(violations, CompatViolationKind.Pointer, "F.First(int32[])", "pinned local");
    }

    [Fact]
    public void Check_FunctionPointer_ReportsFunctionPointerAndCalli()
    {
        byte[] image = SnippetCompiler.CompileAgainstNanoMscorlib("""
            public static unsafe class Fp
            {
                public static int Call(delegate*<int, int> f) { return f(1); }
            }
            """);

        IReadOnlyList<CompatViolation> violations =
            AssertOnlyKinds(image, CompatViolationKind.FunctionPointer, CompatViolationKind.UnsupportedOpcode);
        AssertReported(violations, CompatViolationKind.FunctionPointer, "Fp.Call(", "function pointer type");
        AssertReported(violations, CompatViolationKind.UnsupportedOpcode, "Fp.Call(", ": calli");
    }

    [Fact]
    public void Check_MultiDimensionalArray_ReportsArray()
    {
        byte[] image = SnippetCompiler.CompileAgainstNanoMscorlib("""
            public static class M
            {
                public static int Get(int[,] a) { return a[1, 2]; }
            }
            """);

        IReadOnlyList<CompatViolation> violations = AssertOnlyKinds(image, CompatViolationKind.MultiDimensionalArray);
        AssertReported(violations, CompatViolationKind.MultiDimensionalArray, "M.Get(int32[,])", "multi-dimensional array int32[,]");
        AssertReported(violations, CompatViolationKind.MultiDimensionalArray, "TypeSpec int32[,] (used by M.Get(int32[,]))", "int32[,]");
    }

    [Fact]
    public void Check_CheckedArithmetic_ReportsOverflowOpcodes()
    {
        byte[] image = SnippetCompiler.CompileAgainstNanoMscorlib("""
            public static class C
            {
                public static int Add(int a, int b) { return checked(a + b); }
                public static int Mul(int a, int b) { return checked(a * b); }
                public static byte Narrow(int a) { return checked((byte)a); }
            }
            """);

        IReadOnlyList<CompatViolation> violations = AssertOnlyKinds(image, CompatViolationKind.UnsupportedOpcode);
        AssertReported(violations, CompatViolationKind.UnsupportedOpcode, "C.Add(int32, int32)", ": add.ovf ");
        AssertReported(violations, CompatViolationKind.UnsupportedOpcode, "C.Mul(int32, int32)", ": mul.ovf ");
        AssertReported(violations, CompatViolationKind.UnsupportedOpcode, "C.Narrow(int32)", ": conv.ovf.u1 ");
    }

    [Fact]
    public void Check_Stackalloc_ReportsLocalloc()
    {
        byte[] image = SnippetCompiler.CompileAgainstNanoMscorlib("""
            public static unsafe class S
            {
                public static int Third()
                {
                    byte* p = stackalloc byte[16];
                    p[3] = 7;
                    return p[3];
                }
            }
            """);

        IReadOnlyList<CompatViolation> violations =
            AssertOnlyKinds(image, CompatViolationKind.UnsupportedOpcode, CompatViolationKind.Pointer);
        AssertReported(violations, CompatViolationKind.UnsupportedOpcode, "S.Third()", ": localloc ");
    }

    [Fact]
    public void Check_SizeofStruct_ReportsSizeof()
    {
        byte[] image = SnippetCompiler.CompileAgainstNanoMscorlib("""
            public struct Pair { public int A; public int B; }
            public static unsafe class Z
            {
                public static int Size() { return sizeof(Pair); }
            }
            """);

        IReadOnlyList<CompatViolation> violations = AssertOnlyKinds(image, CompatViolationKind.UnsupportedOpcode);
        AssertReported(violations, CompatViolationKind.UnsupportedOpcode, "Z.Size()", ": sizeof ");
    }

    [Fact]
    public void Check_StaticArraysAroundLimit_ReportsOnlyTheOneOverIt()
    {
        // One compilation, two initializers: 8,191 longs = 65,528 bytes (within the limit) and
        // 8,192 longs = 65,536 bytes (one byte over). Only the second may be reported.
        byte[] image = SnippetCompiler.CompileAgainstNanoMscorlib(
            "public static class Table { " + LongArrayField("Fits", 8191) + " " + LongArrayField("TooBig", 8192) + " }");

        IReadOnlyList<CompatViolation> violations = AssertOnlyKinds(image, CompatViolationKind.LargeStaticData);
        CompatViolation single = Assert.Single(violations);
        Assert.StartsWith("<PrivateImplementationDetails>::", single.Location);
        Assert.Contains("of 65536 bytes exceeds 65535", single.Message);
    }

    [Fact]
    public void Check_DefaultInterfaceMethod_ReportsInterfaceMethodBody()
    {
        // nanoFramework's mscorlib does not let Roslyn emit a default interface method at all (no
        // RuntimeFeature.DefaultImplementationsOfInterfaces), so this one compiles against the stand-in corlib.
        byte[] image = SnippetCompiler.CompileAgainstStandInCorlib("""
            public interface IShape
            {
                int Sides();
                int Corners() { return Sides(); }
            }
            """);

        IReadOnlyList<CompatViolation> violations = AssertOnlyKinds(image, CompatViolationKind.InterfaceMethodBody);
        AssertReported(violations, CompatViolationKind.InterfaceMethodBody, "IShape.Corners()", "interface method with a body");
    }

    [Fact]
    public void Check_StaticAbstractInterfaceMember_ReportsIt()
    {
        byte[] image = SnippetCompiler.CompileAgainstStandInCorlib("""
            public interface IZero
            {
                static abstract int Zero();
            }
            """);

        IReadOnlyList<CompatViolation> violations = AssertOnlyKinds(image, CompatViolationKind.StaticAbstractInterfaceMember);
        AssertReported(violations, CompatViolationKind.StaticAbstractInterfaceMember, "IZero.Zero()", "static abstract");
    }

    [Fact]
    public void Check_RefStruct_ReportsByRefLike()
    {
        byte[] image = SnippetCompiler.CompileAgainstNanoMscorlib("""
            public ref struct Window { public int Start; }
            public static class W
            {
                public static int StartOf(Window w) { return w.Start; }
            }
            """);

        IReadOnlyList<CompatViolation> violations = AssertOnlyKinds(image, CompatViolationKind.ByRefLike);
        AssertReported(violations, CompatViolationKind.ByRefLike, "type Window", "declares a by-ref-like type");
        AssertReported(violations, CompatViolationKind.ByRefLike, "W.StartOf([Snippet]Window)", "by-ref-like type (ref struct) [Snippet]Window");
    }

    [Fact]
    public void Check_CorlibSpanByte_ReportsByRefLike()
    {
        // SpanByte is a ref struct in nanoFramework's own mscorlib: found through the reference assembly.
        byte[] image = SnippetCompiler.CompileAgainstNanoMscorlib("""
            public static class Sb
            {
                public static int Length(System.SpanByte s) { return s.Length; }
            }
            """);

        IReadOnlyList<CompatViolation> violations = AssertOnlyKinds(image, CompatViolationKind.ByRefLike);
        AssertReported(violations, CompatViolationKind.ByRefLike, "Sb.Length(System.SpanByte)", "by-ref-like type (ref struct) System.SpanByte");
    }

    [Fact]
    public void Check_MathAbs_ReportsMissingTypeAndMember()
    {
        byte[] image = SnippetCompiler.CompileAgainstStandInCorlib("""
            public static class U
            {
                public static int Magnitude(int x) { return System.Math.Abs(x); }
            }
            """);

        IReadOnlyList<CompatViolation> violations =
            AssertOnlyKinds(image, CompatViolationKind.MissingType, CompatViolationKind.MissingMember);
        AssertReported(violations, CompatViolationKind.MissingType, "reference to type System.Math (used by U.Magnitude(int32))",
            "type System.Math does not exist in nanoFramework's mscorlib");
        AssertReported(violations, CompatViolationKind.MissingMember, "reference to System.Math::Abs (used by U.Magnitude(int32))",
            "System.Math::Abs does not exist");
    }

    [Fact]
    public void Check_OverloadMissingFromCorlib_ReportsMissingMember()
    {
        // System.Convert exists in nanoFramework's mscorlib, but not with a (string, int, bool) overload:
        // resolution must compare signatures, not just names.
        byte[] image = SnippetCompiler.CompileAgainstStandInCorlib("""
            public static class V
            {
                public static int Parse(string s) { return System.Convert.ToInt32(s, 16, true); }
            }
            """);

        IReadOnlyList<CompatViolation> violations = AssertOnlyKinds(image, CompatViolationKind.MissingMember);
        AssertReported(violations, CompatViolationKind.MissingMember, "reference to System.Convert::ToInt32 (used by V.Parse(string))",
            "method System.Convert::ToInt32 int32(string, int32, bool) does not exist");
    }

    [Fact]
    public void Check_MakeRef_ReportsMkrefanyAndTypedReference()
    {
        byte[] image = SnippetCompiler.CompileAgainstNanoMscorlib("""
            public static class R
            {
                public static int Through(int x) { return Read(__makeref(x)); }
                public static int Read(System.TypedReference r) { return __refvalue(r, int); }
            }
            """);

        IReadOnlyList<CompatViolation> violations =
            AssertOnlyKinds(image, CompatViolationKind.UnsupportedOpcode, CompatViolationKind.ByRefLike);
        AssertReported(violations, CompatViolationKind.UnsupportedOpcode, "R.Through(int32)", ": mkrefany ");
        AssertReported(violations, CompatViolationKind.UnsupportedOpcode, "R.Read(typedref)", ": refanyval ");
        AssertReported(violations, CompatViolationKind.ByRefLike, "R.Read(typedref)", "TypedReference");
    }

    [Fact]
    public void Check_ReferenceToUnknownAssembly_ReportsUnknownAssembly()
    {
        byte[] other = SnippetCompiler.CompileAgainstNanoMscorlib("public static class Helper { public static int One() { return 1; } }", "Other");
        byte[] image = SnippetCompiler.CompileAgainstNanoMscorlib(
            "public static class User { public static int Two() { return Helper.One() + 1; } }", "Snippet", other);

        IReadOnlyList<CompatViolation> violations = AssertOnlyKinds(image, CompatViolationKind.UnknownAssembly);
        AssertReported(violations, CompatViolationKind.UnknownAssembly, "reference to assembly Other", "cannot be verified");
    }

    [Fact]
    public void Check_OrdinaryNanoFrameworkCode_ReportsNothing()
    {
        // The constructs the runtime does use: jagged arrays, structs, enums, interfaces without bodies,
        // virtual calls, strings, exceptions, a small static table, switch, try/finally,
        // and mscorlib members that exist (String.Concat, Int32.ToString, ArgumentException..ctor, Array.Copy).
        byte[] image = SnippetCompiler.CompileAgainstNanoMscorlib("""
            namespace Clean
            {
                public enum Mode { Fast, Exact }
                public struct Range { public int Start; public int Length; }
                public interface IKernel { int Run(byte[] buffer, int offset); }
                public abstract class KernelBase : IKernel
                {
                    public abstract int Run(byte[] buffer, int offset);
                    public override string ToString() { return "kernel " + Run(new byte[4], 0).ToString(); }
                }
                public sealed class Sum : KernelBase
                {
                    private static readonly sbyte[] s_table = { 1, -2, 3, -4, 5, -6, 7, -8 };
                    private int _calls;
                    private readonly int[][] _rows = new int[2][];
                    public override int Run(byte[] buffer, int offset)
                    {
                        if (buffer == null) { throw new System.ArgumentException("buffer"); }
                        _calls++;
                        _rows[0] = new int[3];
                        int acc = 0;
                        for (int i = 0; i < s_table.Length; i++) { acc += s_table[i] * (sbyte)buffer[(offset + i) & 3]; }
                        byte[] copy = new byte[buffer.Length];
                        System.Array.Copy(buffer, copy, buffer.Length);
                        try { acc += Select(Mode.Exact, new Range { Start = 1, Length = 2 }); }
                        finally { _rows[1] = _rows[0]; }
                        return acc + _rows[1].Length;
                    }
                    private static int Select(Mode mode, Range range)
                    {
                        switch (mode)
                        {
                            case Mode.Fast: return range.Start;
                            case Mode.Exact: return range.Start + range.Length;
                            default: return -1;
                        }
                    }
                }
            }
            """);

        AssertClean(image);
    }

    private static string LongArrayField(string name, int count)
    {
        var source = new StringBuilder("public static readonly long[] " + name + " = {");
        for (int i = 0; i < count; i++)
        {
            // Non-zero values so that the compiler must keep the data as an RVA blob.
            source.Append(i % 9 + 1).Append(',');
        }

        return source.Append("};").ToString();
    }

    private static IReadOnlyList<CompatViolation> AssertOnlyKinds(byte[] image, params CompatViolationKind[] kinds)
    {
        IReadOnlyList<CompatViolation> violations = s_checker.Value.Check(image);
        Assert.True(violations.Count > 0, "expected violations of kind " + string.Join("/", kinds) + ", got none");
        CompatViolation[] others = violations.Where(v => !kinds.Contains(v.Kind)).ToArray();
        Assert.True(others.Length == 0, "unexpected violations:\n" + string.Join("\n", others));
        return violations;
    }

    private static void AssertReported(IReadOnlyList<CompatViolation> violations, CompatViolationKind kind, string location, string message)
    {
        Assert.True(
            violations.Any(v => v.Kind == kind && v.Location.Contains(location, StringComparison.Ordinal) &&
                                v.Message.Contains(message, StringComparison.Ordinal)),
            "no " + kind + " at '" + location + "' saying '" + message + "' among:\n" + string.Join("\n", violations));
    }

    private static void AssertClean(byte[] image)
    {
        IReadOnlyList<CompatViolation> violations = s_checker.Value.Check(image);
        Assert.True(violations.Count == 0, violations.Count + " unexpected violation(s):\n" + string.Join("\n", violations));
    }
}
