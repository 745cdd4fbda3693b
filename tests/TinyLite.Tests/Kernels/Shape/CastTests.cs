using static TinyLite.Tests.Kernels.Shape.ShapeModelRunner;

namespace TinyLite.Tests.Kernels.Shape;

/// <summary>CAST between bool, int8, int16, int32, uint32, float32 against C# casts (C's static_cast semantics for in-range values).</summary>
public class CastTests
{
    private static readonly DataType[] To = [DataType.Int8, DataType.Int16, DataType.Int32, DataType.UInt32, DataType.Float32];

    public static IEnumerable<object[]> Pairs()
    {
        foreach (var from in new[] { DataType.Bool, DataType.Int8, DataType.Int16, DataType.Int32, DataType.UInt32, DataType.Float32 })
            foreach (var to in To)
                yield return [from, to];
    }

    /// <summary>Values whose conversion C defines: for float sources, within the target's range.</summary>
    private static double[] Values(DataType from, DataType to, int count)
    {
        var rng = new Random((int)from * 31 + (int)to);
        double lo = to switch { DataType.Int8 => -128, DataType.Int16 => -32768, DataType.UInt32 => 0, _ => -2e9 };
        double hi = to switch { DataType.Int8 => 127, DataType.Int16 => 32767, DataType.UInt32 => 4e9, _ => 2e9 };
        return from switch
        {
            DataType.Bool => Enumerable.Range(0, count).Select(_ => (double)rng.Next(2)).ToArray(),
            DataType.Int8 => Enumerable.Range(0, count).Select(_ => (double)rng.Next(-128, 128)).ToArray(),
            DataType.Int16 => Enumerable.Range(0, count).Select(_ => (double)rng.Next(-32768, 32768)).ToArray(),
            DataType.Int32 => Enumerable.Range(0, count).Select(_ => (double)rng.Next(int.MinValue, int.MaxValue)).ToArray(),
            DataType.UInt32 => Enumerable.Range(0, count).Select(_ => (double)(uint)rng.NextInt64(0, 1L << 32)).ToArray(),
            _ => Enumerable.Range(0, count).Select(_ => (double)(float)(lo + rng.NextDouble() * (hi - lo) * 0.999)).ToArray(),
        };
    }

    private static byte[] Encode(double[] values, DataType type)
    {
        int size = (int)DataTypes.ByteSize(type, 1);
        var bytes = new byte[values.Length * size];
        for (int i = 0; i < values.Length; i++)
        {
            var span = bytes.AsSpan(i * size);
            switch (type)
            {
                case DataType.Bool: span[0] = (byte)values[i]; break;
                case DataType.Int8: span[0] = (byte)(sbyte)values[i]; break;
                case DataType.Int16: BinaryPrimitives.WriteInt16LittleEndian(span, (short)values[i]); break;
                case DataType.Int32: BinaryPrimitives.WriteInt32LittleEndian(span, (int)values[i]); break;
                case DataType.UInt32: BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)values[i]); break;
                default: BinaryPrimitives.WriteSingleLittleEndian(span, (float)values[i]); break;
            }
        }
        return bytes;
    }

    /// <summary>static_cast&lt;To&gt;(From value) in C#: integers wrap (unchecked), float truncates, int → float rounds to nearest.</summary>
    private static byte[] Expected(double[] values, DataType from, DataType to)
    {
        int size = (int)DataTypes.ByteSize(to, 1);
        var bytes = new byte[values.Length * size];
        for (int i = 0; i < values.Length; i++)
        {
            var span = bytes.AsSpan(i * size);
            double v = values[i];
            long integer = from == DataType.Float32 ? (long)Math.Truncate(v) : (long)v;
            switch (to)
            {
                case DataType.Int8: span[0] = unchecked((byte)(sbyte)integer); break;
                case DataType.Int16: BinaryPrimitives.WriteInt16LittleEndian(span, unchecked((short)integer)); break;
                case DataType.Int32: BinaryPrimitives.WriteInt32LittleEndian(span, unchecked((int)integer)); break;
                case DataType.UInt32: BinaryPrimitives.WriteUInt32LittleEndian(span, unchecked((uint)integer)); break;
                default: BinaryPrimitives.WriteSingleLittleEndian(span, from == DataType.Float32 ? (float)v : (float)integer); break;
            }
        }
        return bytes;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Cast_MatchesStaticCast(DataType from, DataType to)
    {
        var values = Values(from, to, 300);
        var actual = RunSingle(BuiltinOperator.Cast, from, [values.Length], Encode(values, from), [values.Length], outputType: to);
        Assert.Equal(Expected(values, from, to), actual);
    }

    [Fact]
    public void CastInt32ToInt8_WrapsLikeStaticCast()
    {
        double[] values = [300, -129, 255, 128, -1];
        var actual = RunSingle(BuiltinOperator.Cast, DataType.Int32, [5], Encode(values, DataType.Int32), [5], outputType: DataType.Int8);
        Assert.Equal(new byte[] { 44, 127, 255, 128, 255 }, actual);
    }

    [Fact]
    public void CastToBool_IsCompileErrorNamingTypes()
    {
        var e = Assert.Throws<CompileException>(() =>
            RunSingle(BuiltinOperator.Cast, DataType.Int8, [2], new byte[2], [2], outputType: DataType.Bool));
        Assert.Contains("INT8 -> BOOL is not supported", e.Message);
    }
}
