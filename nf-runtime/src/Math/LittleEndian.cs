namespace TinyLite.Runtime.Math
{
    /// <summary>Little-endian reads and writes on byte arrays (the image and the arena are little-endian).</summary>
    public static class LittleEndian
    {
        /// <summary>Reads a signed 16-bit value at <paramref name="offset"/>.</summary>
        public static short ReadInt16(byte[] b, int offset)
        {
            return (short)(b[offset] | (b[offset + 1] << 8));
        }

        /// <summary>Reads a signed 32-bit value at <paramref name="offset"/>.</summary>
        public static int ReadInt32(byte[] b, int offset)
        {
            return b[offset] | (b[offset + 1] << 8) | (b[offset + 2] << 16) | (b[offset + 3] << 24);
        }

        /// <summary>Reads a signed 64-bit value at <paramref name="offset"/>.</summary>
        public static long ReadInt64(byte[] b, int offset)
        {
            uint lo = (uint)ReadInt32(b, offset);
            uint hi = (uint)ReadInt32(b, offset + 4);
            return (long)(((ulong)hi << 32) | lo);
        }

        /// <summary>Writes a 16-bit value at <paramref name="offset"/>.</summary>
        public static void WriteInt16(byte[] b, int offset, int value)
        {
            b[offset] = (byte)value;
            b[offset + 1] = (byte)(value >> 8);
        }

        /// <summary>Writes a 32-bit value at <paramref name="offset"/>.</summary>
        public static void WriteInt32(byte[] b, int offset, int value)
        {
            b[offset] = (byte)value;
            b[offset + 1] = (byte)(value >> 8);
            b[offset + 2] = (byte)(value >> 16);
            b[offset + 3] = (byte)(value >> 24);
        }

        /// <summary>Writes a 64-bit value at <paramref name="offset"/>.</summary>
        public static void WriteInt64(byte[] b, int offset, long value)
        {
            WriteInt32(b, offset, (int)value);
            WriteInt32(b, offset + 4, (int)(value >> 32));
        }
    }
}
