namespace TinyLite.Tests.Support;

/// <summary>
/// Edits of compiled .tlm images for the loader tests (docs/FORMAT.md): find a record, change it, then
/// <see cref="Reseal"/> so that the CRC is right again and only the edit is wrong.
/// </summary>
public static class ImageEdits
{
    /// <summary>Recomputes the image CRC over everything after the CRC field.</summary>
    public static void Reseal(byte[] image) =>
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(ImageLayout.OffCrc32),
            Crc32.Compute(image, ImageLayout.CrcStart, image.Length - ImageLayout.CrcStart));

    /// <summary>Byte offset of tensor <paramref name="tensor"/>'s record (section 2 of the section table).</summary>
    public static int TensorRecord(byte[] image, int tensor) =>
        ImageWalk.Section(image, ImageLayout.SectionTensors).Start + 4 + ImageLayout.TensorRecordBytes * tensor;

    /// <summary>Byte offset of the (unique) int32 sequence <paramref name="parameters"/> in <paramref name="image"/>.</summary>
    public static int FindParams(byte[] image, int[] parameters)
    {
        byte[] pattern = parameters.SelectMany(BitConverter.GetBytes).ToArray();
        int found = -1;
        for (int i = 0; i + pattern.Length <= image.Length; i += 4)
        {
            if (image.AsSpan(i, pattern.Length).SequenceEqual(pattern))
            {
                Assert.Equal(-1, found);
                found = i;
            }
        }
        Assert.True(found >= 0, "params not found in the image");
        return found;
    }

    /// <summary>
    /// A copy of <paramref name="original"/> whose rank-1 tensor <paramref name="tensor"/> of type code
    /// <paramref name="type"/> claims <paramref name="bytes"/> bytes and <paramref name="elements"/> elements (byte size
    /// and dimension edited, CRC recomputed; the bytes stay where they are).
    /// </summary>
    public static byte[] ResizeRank1(byte[] original, int tensor, int type, int bytes, int elements)
    {
        byte[] image = (byte[])original.Clone();
        int record = TensorRecord(image, tensor);
        Assert.Equal(type, image[record]);
        Assert.Equal(1, image[record + 2]);
        BitConverter.TryWriteBytes(image.AsSpan(record + 8), bytes);
        BitConverter.TryWriteBytes(image.AsSpan(record + 12), elements);
        Reseal(image);
        return image;
    }
}
