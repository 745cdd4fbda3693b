using System;

namespace TinyLite.Samples
{
    /// <summary>
    /// A file embedded in the app by samples/tools/embed_data.py: its chunks are methods of data assemblies, each
    /// returning a new array from the assembly's initializer data, so a read allocates one chunk at a time (which the
    /// garbage collector takes back) and the file itself stays in the assembly, as a binary resource does.
    /// </summary>
    public sealed class EmbeddedBytes : ChunkedBytes
    {
        private readonly string _name;
        private readonly int _firstChunk;
        private readonly int _length;

        /// <summary>The embedded file <paramref name="name"/> (SampleData.NAME_FirstChunk, SampleData.NAME_Bytes).</summary>
        public EmbeddedBytes(string name, int firstChunk, int length)
        {
            _name = name;
            _firstChunk = firstChunk;
            _length = length;
        }

        /// <summary>Bytes in the file.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <inheritdoc/>
        public override int PreferredChunkBytes
        {
            get { return SampleData.ChunkBytes; }
        }

        /// <inheritdoc/>
        public override string Description
        {
            get { return _name + " (assembly data, " + SampleData.ChunkBytes.ToString() + "-byte chunks)"; }
        }

        /// <inheritdoc/>
        public override void Read(int position, byte[] destination, int destinationOffset, int count)
        {
            if (position < 0 || count < 0 || position + count > _length)
            {
                throw new ArgumentOutOfRangeException("position", _name + ": bytes " + position.ToString() + ".." + (position + count).ToString() + " are past its end (" + _length.ToString() + ")");
            }
            while (count > 0)
            {
                int chunk = position / SampleData.ChunkBytes;
                int within = position - chunk * SampleData.ChunkBytes;
                byte[] piece = SampleData.Chunk(_firstChunk + chunk);
                int n = piece.Length - within;
                if (n > count)
                {
                    n = count;
                }
                Array.Copy(piece, within, destination, destinationOffset, n);
                position += n;
                destinationOffset += n;
                count -= n;
            }
        }
    }
}
