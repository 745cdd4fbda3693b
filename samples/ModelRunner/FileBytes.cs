#if MODEL_FROM_FILE
using System.IO;

namespace TinyLite.Samples.ModelRunner
{
    /// <summary>A file on the board's storage, read with a <see cref="FileStream"/> straight into the caller's array.</summary>
    public sealed class FileBytes : ChunkedBytes
    {
        private readonly string _path;

        /// <summary>The file at <paramref name="path"/> (opened on each read, so nothing stays open).</summary>
        public FileBytes(string path)
        {
            _path = path;
        }

        /// <inheritdoc/>
        public override string Description
        {
            get { return _path; }
        }

        /// <inheritdoc/>
        public override void Read(int position, byte[] destination, int destinationOffset, int count)
        {
            using (FileStream file = new FileStream(_path, FileMode.Open, FileAccess.Read))
            {
                file.Seek(position, SeekOrigin.Begin);
                while (count > 0)
                {
                    int n = file.Read(destination, destinationOffset, count);
                    if (n <= 0)
                    {
                        throw new IOException(_path + ": ends before byte " + (position + count).ToString());
                    }
                    destinationOffset += n;
                    count -= n;
                }
            }
        }
    }
}
#endif
