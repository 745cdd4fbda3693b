namespace TinyLite.Tests.Support;

/// <summary>Byte-array equality whose failure shows where and how much two tensors differ.</summary>
public static class ByteAssert
{
    public static void Equal(byte[] expected, byte[] actual, string what)
    {
        if (expected.AsSpan().SequenceEqual(actual)) return;
        int first = -1, count = 0;
        for (int i = 0; i < Math.Min(expected.Length, actual.Length); i++)
        {
            if (expected[i] == actual[i]) continue;
            if (first < 0) first = i;
            count++;
        }
        string detail = first < 0 ? "" : $"; first at byte {first}: expected {expected[first]} got {actual[first]}";
        Assert.Fail($"{what}: lengths {expected.Length}/{actual.Length}, {count} bytes differ{detail}");
    }
}
