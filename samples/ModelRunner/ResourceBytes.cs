#if MODEL_FROM_RESOURCE
using System;
using nanoFramework.Runtime.Native;

namespace TinyLite.Samples.ModelRunner
{
    /// <summary>
    /// The binary resource <c>model</c>, read piece by piece with ResourceUtility.GetObject(manager, id, offset,
    /// length): each call returns a new array of just that piece, copied into the caller's array and left to the
    /// garbage collector, so loading costs the image once plus one chunk.
    /// </summary>
    public sealed class ResourceBytes : ChunkedBytes
    {
        /// <inheritdoc/>
        public override string Description
        {
            get { return "resource 'model'"; }
        }

        /// <inheritdoc/>
        public override void Read(int position, byte[] destination, int destinationOffset, int count)
        {
            byte[] piece = (byte[])ResourceUtility.GetObject(Resources.ResourceManager, Resources.BinaryResources.model, position, count);
            Array.Copy(piece, 0, destination, destinationOffset, count);
        }
    }
}
#endif
