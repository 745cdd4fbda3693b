namespace TinyLite.Runtime.Image
{
    /// <summary>
    /// Bounds-checked little-endian reads inside one region of an image. Every read that would leave the
    /// region throws <see cref="ImageException"/> naming the region, so a truncated or hostile image is
    /// refused instead of indexing out of the array.
    /// </summary>
    public sealed class ImageReader
    {
        private readonly byte[] _data;
        private readonly int _start;
        private readonly int _end;
        private readonly string _region;
        private int _position;

        /// <summary>A reader over <paramref name="length"/> bytes of <paramref name="data"/> from <paramref name="start"/>.</summary>
        public ImageReader(byte[] data, int start, int length, string region)
        {
            if (start < 0 || length < 0 || start > data.Length - length)
            {
                throw new ImageException("image: " + region + " lies outside the image");
            }
            _data = data;
            _start = start;
            _end = start + length;
            _region = region;
            _position = start;
        }

        /// <summary>Absolute offset of the next read.</summary>
        public int Position
        {
            get { return _position; }
        }

        /// <summary>Reads an unsigned byte.</summary>
        public int U8()
        {
            Need(1);
            return _data[_position++];
        }

        /// <summary>Reads an unsigned 16-bit value.</summary>
        public int U16()
        {
            Need(2);
            int v = _data[_position] | (_data[_position + 1] << 8);
            _position += 2;
            return v;
        }

        /// <summary>Reads a signed 32-bit value.</summary>
        public int I32()
        {
            Need(4);
            int p = _position;
            _position += 4;
            return _data[p] | (_data[p + 1] << 8) | (_data[p + 2] << 16) | (_data[p + 3] << 24);
        }

        /// <summary>Reads a 32-bit count or size that must lie in [0, <paramref name="max"/>].</summary>
        public int Count(int max, string what)
        {
            int v = I32();
            if (v < 0 || v > max)
            {
                throw new ImageException("image: " + _region + ": " + what + " " + v.ToString() + " is out of range [0, " + max.ToString() + "]");
            }
            return v;
        }

        /// <summary>Reads a length-prefixed (uint16) ASCII string.</summary>
        public string Ascii()
        {
            int n = U16();
            Need(n);
            char[] chars = new char[n];
            for (int i = 0; i < n; i++)
            {
                int c = _data[_position + i];
                chars[i] = c >= 32 && c < 127 ? (char)c : '?';
            }
            _position += n;
            return new string(chars);
        }

        /// <summary>Skips <paramref name="count"/> bytes.</summary>
        public void Skip(int count)
        {
            Need(count);
            _position += count;
        }

        private void Need(int count)
        {
            if (count < 0 || _position > _end - count)
            {
                throw new ImageException("image: " + _region + " is truncated (need " + count.ToString() + " bytes at offset " + (_position - _start).ToString() + ")");
            }
        }
    }
}
