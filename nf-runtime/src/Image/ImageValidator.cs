using TinyLite.Runtime.Execution;

namespace TinyLite.Runtime.Image
{
    /// <summary>
    /// The checks that make a loaded image safe to run (docs/FORMAT.md, "Validation at load"): each tensor record
    /// against its shape, the arena and the constant section; each input, output and operator tensor index; the
    /// caller's arena; and, once the arena is known, every kernel's parameters against its tensors. Each check throws
    /// <see cref="ImageException"/> with one line saying what is wrong and where. The C runner
    /// (native-kernels/src/runner/tl_image_validator.c) makes the same checks in the same order.
    /// </summary>
    internal static class ImageValidator
    {
        /// <summary>Checks tensor record <paramref name="t"/> as <see cref="ImageLoader"/> read it into its tables: rank,
        /// dimensions, size against the shape, and storage inside the arena or the constant section.</summary>
        public static void CheckTensor(ImageLoader loaded, int t, int constOff, int constLen)
        {
            string what = "tensor " + t.ToString();
            int rank = loaded.Ranks[t];
            if (rank > ImageLayout.MaxRank)
            {
                throw new ImageException("image: " + what + ": rank " + rank.ToString() + " exceeds " + ImageLayout.MaxRank.ToString());
            }
            long elements = 1;
            for (int d = 0; d < rank; d++)
            {
                int dim = loaded.Dims[t * ImageLayout.MaxRank + d];
                if (dim < 0 || dim > ImageLayout.MaxDimension)
                {
                    throw new ImageException("image: " + what + ": dimension " + d.ToString() + " is " + dim.ToString());
                }
                elements *= dim;
                if (elements > int.MaxValue)
                {
                    throw new ImageException("image: " + what + " is too large");
                }
            }
            int type = loaded.Types[t];
            int location = loaded.Locations[t];
            int offset = loaded.Offsets[t];
            int size = loaded.ByteSizes[t];
            if (location == ImageLayout.LocationNone)
            {
                if (size != 0)
                {
                    throw new ImageException("image: " + what + " has no storage but a size");
                }
                return;
            }
            long expected = ElementBytes(type, elements);
            if (expected < 0)
            {
                throw new ImageException("image: " + what + " has unknown type " + type.ToString());
            }
            if (size != expected)
            {
                throw new ImageException("image: " + what + " size " + size.ToString() + " does not match its shape (" + expected.ToString() + " bytes)");
            }
            if (location == ImageLayout.LocationArena)
            {
                if (offset < 0 || offset > loaded.ArenaBytes - size)
                {
                    throw new ImageException("image: " + what + " at arena offset " + offset.ToString() + " (+" + size.ToString() + ") lies outside the " + loaded.ArenaBytes.ToString() + "-byte arena");
                }
            }
            else if (location == ImageLayout.LocationImage)
            {
                if (offset < constOff || offset - constOff > constLen - size)
                {
                    throw new ImageException("image: " + what + " constant data lies outside the constant section");
                }
            }
            else
            {
                throw new ImageException("image: " + what + " has unknown location " + location.ToString());
            }
        }

        /// <summary>Checks entry <paramref name="index"/> of the input or output list (<paramref name="what"/>): it must
        /// name an arena tensor, the only place a caller reads or writes.</summary>
        public static void CheckIoTensor(string what, int index, int tensor, int[] locations)
        {
            if (tensor < 0 || tensor >= locations.Length || locations[tensor] != ImageLayout.LocationArena)
            {
                throw new ImageException("image: " + what + " " + index.ToString() + " refers to tensor " + tensor.ToString() + ", which is not an arena tensor");
            }
        }

        /// <summary>
        /// Checks operator record <paramref name="index"/> at the reader's position and moves past it: counts in range,
        /// a known kernel code, input indices that name tensors with storage (or -1, omitted), output indices that name
        /// arena tensors. The kernel's own checks run later on the decoded record (<see cref="CheckKernels"/>).
        /// </summary>
        public static void CheckOpRecord(ImageReader r, int index, int[] locations)
        {
            int tensorCount = locations.Length;
            int code = r.I32();
            r.I32();
            int inputs = r.Count(ImageLayout.MaxOpTensors, "operator " + index.ToString() + " input count");
            int outputs = r.Count(ImageLayout.MaxOpTensors, "operator " + index.ToString() + " output count");
            int parameters = r.Count(ImageLayout.MaxOpParams, "operator " + index.ToString() + " parameter count");
            if (code < OpCode.First || code >= OpCode.End)
            {
                throw new ImageException("image: operator " + index.ToString() + " has unknown kernel code " + code.ToString());
            }
            for (int i = 0; i < inputs; i++)
            {
                int t = r.I32();
                if (t < -1 || t >= tensorCount || (t >= 0 && locations[t] == ImageLayout.LocationNone))
                {
                    throw new ImageException("image: operator " + index.ToString() + " input " + i.ToString() + " refers to invalid tensor " + t.ToString());
                }
            }
            for (int i = 0; i < outputs; i++)
            {
                int t = r.I32();
                // Outputs must be in the arena: the image is read-only (flash).
                if (t < 0 || t >= tensorCount || locations[t] != ImageLayout.LocationArena)
                {
                    throw new ImageException("image: operator " + index.ToString() + " output " + i.ToString() + " refers to invalid tensor " + t.ToString());
                }
            }
            r.Skip(parameters * 4);
        }

        /// <summary>Checks that bytes [<paramref name="arenaOffset"/>, + <paramref name="arenaBytes"/>) lie inside the
        /// caller's <paramref name="arena"/>.</summary>
        public static void CheckArena(byte[] arena, int arenaOffset, int arenaBytes)
        {
            if (arenaOffset < 0 || arenaOffset > arena.Length)
            {
                throw new ImageException("arena: offset " + arenaOffset.ToString() + " lies outside the " + arena.Length.ToString() + "-byte array");
            }
            if (arena.Length - arenaOffset < arenaBytes)
            {
                throw new ImageException("arena: " + (arena.Length - arenaOffset).ToString() + " bytes given but the image needs " + arenaBytes.ToString());
            }
        }

        /// <summary>Checks every kernel call's parameters against the tensors it touches (each family's validator,
        /// <see cref="KernelDispatch.Validate"/>), so that running it cannot index outside them.</summary>
        public static void CheckKernels(KernelContext context, byte[] image, int[] opOffsets, OpRecordDecoder decoder)
        {
            for (int i = 0; i < opOffsets.Length; i++)
            {
                OpRecord op = decoder.Decode(image, opOffsets[i]);
                string problem = KernelDispatch.Validate(context, op);
                if (problem != null)
                {
                    throw new ImageException("image: operator " + i.ToString() + " (kernel " + op.Code.ToString() + ", model operator " + op.SourceIndex.ToString() + "): " + problem);
                }
            }
        }

        /// <summary>Bytes of <paramref name="elements"/> elements of <paramref name="type"/>; -1 for an unknown type.</summary>
        public static long ElementBytes(int type, long elements)
        {
            switch (type)
            {
                case TensorType.Int4:
                    return (elements + 1) / 2;
                case TensorType.Int8:
                case TensorType.UInt8:
                case TensorType.Bool:
                    return elements;
                case TensorType.Int16:
                case TensorType.UInt16:
                    return elements * 2;
                case TensorType.Int32:
                case TensorType.UInt32:
                case TensorType.Float32:
                    return elements * 4;
                case TensorType.Int64:
                case TensorType.UInt64:
                    return elements * 8;
                default:
                    return -1;
            }
        }
    }
}
