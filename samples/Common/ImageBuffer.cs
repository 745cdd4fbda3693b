using System;
using TinyLite.Runtime.Image;

namespace TinyLite.Samples
{
    /// <summary>
    /// Loads a TinyLite image (.tlm) into the one array the interpreter keeps: the image's length comes from its
    /// header (bytes 8..11, docs/FORMAT.md), the array is allocated once with exactly that length (the interpreter
    /// requires it) and filled chunk by chunk. Peak RAM: the image plus one chunk, never two images.
    /// </summary>
    public static class ImageBuffer
    {
        // The header up to and including image_bytes.
        private const int LengthFieldEnd = ImageLayout.OffImageBytes + 4;

        /// <summary>Reads the whole image from <paramref name="source"/> into a new array of its exact length.</summary>
        /// <exception cref="ImageException">The first bytes are not a TinyLite image header.</exception>
        public static byte[] Load(ChunkedBytes source)
        {
            byte[] header = new byte[LengthFieldEnd];
            source.Read(0, header, 0, LengthFieldEnd);
            if (ReadInt32(header, ImageLayout.OffMagic) != ImageLayout.Magic)
            {
                throw new ImageException(source.Description + ": not a TinyLite image (no TLIM magic)");
            }
            int length = ReadInt32(header, ImageLayout.OffImageBytes);
            if (length < ImageLayout.HeaderBytes)
            {
                throw new ImageException(source.Description + ": the header's image_bytes (" + length.ToString() + ") is smaller than a header");
            }
            byte[] image = new byte[length];
            Array.Copy(header, image, LengthFieldEnd);
            // Reads end on chunk boundaries, so each of the source's chunks is fetched once.
            int chunk = source.PreferredChunkBytes;
            int position = LengthFieldEnd;
            while (position < length)
            {
                int end = (position / chunk + 1) * chunk;
                if (end > length)
                {
                    end = length;
                }
                source.Read(position, image, position, end - position);
                position = end;
            }
            return image;
        }

        private static int ReadInt32(byte[] data, int offset)
        {
            return data[offset] | (data[offset + 1] << 8) | (data[offset + 2] << 16) | (data[offset + 3] << 24);
        }
    }
}
