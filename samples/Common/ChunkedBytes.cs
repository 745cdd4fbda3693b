namespace TinyLite.Samples
{
    /// <summary>
    /// Bytes the app reads piece by piece from wherever they are kept (a binary resource, a file, assembly data),
    /// so that it can fill one array of its own instead of holding a second copy.
    /// </summary>
    public abstract class ChunkedBytes
    {
        /// <summary>
        /// Copies bytes [<paramref name="position"/>, <paramref name="position"/> + <paramref name="count"/>) into
        /// <paramref name="destination"/> at <paramref name="destinationOffset"/>. Reads past the end throw.
        /// </summary>
        public abstract void Read(int position, byte[] destination, int destinationOffset, int count);

        /// <summary>How many bytes one <see cref="Read"/> is asked for at most (what a resource read allocates).</summary>
        public virtual int PreferredChunkBytes
        {
            get { return 4096; }
        }

        /// <summary>What the bytes are and where they come from, for the app's output.</summary>
        public abstract string Description { get; }
    }
}
