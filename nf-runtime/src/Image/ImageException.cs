using System;

namespace TinyLite.Runtime.Image
{
    /// <summary>
    /// An image the loader refuses (corrupt, truncated, hostile or from another format version), or an
    /// arena too small for it. Thrown only while loading, never by Invoke.
    /// </summary>
    public class ImageException : Exception
    {
        /// <summary>Creates the exception with a one-line message saying what is wrong and where.</summary>
        public ImageException(string message) : base(message)
        {
        }
    }
}
