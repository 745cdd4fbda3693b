namespace TinyLite.Runtime.Image
{
    /// <summary>
    /// Reads a TinyLite image (docs/FORMAT.md) into the tables an interpreter runs from, refusing anything malformed
    /// with an <see cref="ImageException"/>: the header (magic, version, length, CRC), the section table, the meta
    /// strings, every tensor record, the input and output lists and every operator record (<see cref="ImageValidator"/>
    /// checks each as it is read). Only where each operator record starts is kept: records are decoded again before
    /// each call (<see cref="OpRecordDecoder"/>). The kernels' own checks need the arena and run later
    /// (<see cref="ImageValidator.CheckKernels"/>). Used once per load and then dropped: the interpreter keeps the
    /// tables, not the loader.
    /// </summary>
    internal sealed class ImageLoader
    {
        /// <summary>Arena bytes the image needs.</summary>
        public readonly int ArenaBytes;

        /// <summary>The meta strings: compiler version, git commit, model SHA-256, model file name.</summary>
        public readonly string CompilerVersion, GitCommit, ModelSha256, ModelName;

        /// <summary>Per tensor: type, location, rank, flags, offset (in the arena or the image), byte size, scale bits
        /// and zero point, as the tensor records hold them.</summary>
        public readonly int[] Types, Locations, Ranks, Flags, Offsets, ByteSizes, ScaleBits, ZeroPoints;

        /// <summary>Every tensor's <see cref="ImageLayout.MaxRank"/> dimensions, tensor after tensor.</summary>
        public readonly int[] Dims;

        /// <summary>Tensor indices of the model's inputs and outputs.</summary>
        public readonly int[] Inputs, Outputs;

        /// <summary>Where each operator record starts in the image, in execution order.</summary>
        public readonly int[] OpOffsets;

        /// <summary>A decoder sized for the counts the operator records use.</summary>
        public readonly OpRecordDecoder Decoder;

        /// <summary>Reads and checks <paramref name="image"/>.</summary>
        /// <exception cref="ImageException">No image, or one that is malformed, corrupted or from another format version.</exception>
        public ImageLoader(byte[] image)
        {
            if (image == null)
            {
                throw new ImageException("image: no image given");
            }
            ImageReader header = new ImageReader(image, 0, ImageLayout.HeaderBytes, "header");
            if (header.I32() != ImageLayout.Magic)
            {
                throw new ImageException("image: not a TinyLite image (bad magic)");
            }
            int major = header.U16();
            header.U16();
            if (major != ImageLayout.VersionMajor)
            {
                throw new ImageException("image: format version " + major.ToString() + " is not supported (this runtime reads version " + ImageLayout.VersionMajor.ToString() + ")");
            }
            int imageBytes = header.I32();
            if (imageBytes != image.Length)
            {
                throw new ImageException("image: header says " + imageBytes.ToString() + " bytes but the image has " + image.Length.ToString() + " (truncated or padded)");
            }
            uint crc = (uint)header.I32();
            if (crc != Crc32.Compute(image, ImageLayout.CrcStart, image.Length - ImageLayout.CrcStart))
            {
                throw new ImageException("image: CRC32 mismatch (the image is corrupted)");
            }
            if (header.I32() != ImageLayout.HeaderBytes)
            {
                throw new ImageException("image: unexpected header size");
            }
            int sectionCount = header.Count(ImageLayout.MaxSections, "section count");
            ArenaBytes = header.Count(int.MaxValue, "arena size");

            int metaOff = -1, metaLen = 0, tensorOff = -1, tensorLen = 0, opsOff = -1, opsLen = 0, ioOff = -1, ioLen = 0, constOff = -1, constLen = 0;
            ImageReader table = new ImageReader(image, ImageLayout.HeaderBytes, sectionCount * ImageLayout.SectionEntryBytes, "section table");
            for (int s = 0; s < sectionCount; s++)
            {
                int kind = table.I32();
                int off = table.Count(image.Length, "section offset");
                int len = table.Count(image.Length - off, "section length");
                if (kind == ImageLayout.SectionMeta) { metaOff = off; metaLen = len; }
                else if (kind == ImageLayout.SectionTensors) { tensorOff = off; tensorLen = len; }
                else if (kind == ImageLayout.SectionOps) { opsOff = off; opsLen = len; }
                else if (kind == ImageLayout.SectionIo) { ioOff = off; ioLen = len; }
                else if (kind == ImageLayout.SectionConstants) { constOff = off; constLen = len; }
            }
            if (metaOff < 0 || tensorOff < 0 || opsOff < 0 || ioOff < 0 || constOff < 0)
            {
                throw new ImageException("image: a required section is missing");
            }

            ImageReader meta = new ImageReader(image, metaOff, metaLen, "meta section");
            CompilerVersion = meta.Ascii();
            GitCommit = meta.Ascii();
            ModelSha256 = meta.Ascii();
            ModelName = meta.Ascii();

            ImageReader tensors = new ImageReader(image, tensorOff, tensorLen, "tensor section");
            int tensorCount = tensors.Count(tensorLen / ImageLayout.TensorRecordBytes, "tensor count");
            Types = new int[tensorCount];
            Locations = new int[tensorCount];
            Ranks = new int[tensorCount];
            Flags = new int[tensorCount];
            Dims = new int[tensorCount * ImageLayout.MaxRank];
            Offsets = new int[tensorCount];
            ByteSizes = new int[tensorCount];
            ScaleBits = new int[tensorCount];
            ZeroPoints = new int[tensorCount];
            for (int t = 0; t < tensorCount; t++)
            {
                ReadTensorRecord(tensors, t);
                ImageValidator.CheckTensor(this, t, constOff, constLen);
            }

            ImageReader io = new ImageReader(image, ioOff, ioLen, "io section");
            Inputs = ReadIoList(io, "input");
            Outputs = ReadIoList(io, "output");

            ImageReader ops = new ImageReader(image, opsOff, opsLen, "operator section");
            int opCount = ops.Count(opsLen / ImageLayout.OpRecordHeaderBytes, "operator count");
            OpOffsets = new int[opCount];
            int[] inputLengths = new int[opCount];
            int[] outputLengths = new int[opCount];
            int[] paramLengths = new int[opCount];
            int distinctInputs = 0, distinctOutputs = 0, distinctParams = 0;
            for (int i = 0; i < opCount; i++)
            {
                int at = ops.Position;
                OpOffsets[i] = at;
                ImageValidator.CheckOpRecord(ops, i, Locations);
                distinctInputs = AddLength(inputLengths, distinctInputs, ReadI32(image, at + ImageLayout.OpOffInputCount));
                distinctOutputs = AddLength(outputLengths, distinctOutputs, ReadI32(image, at + ImageLayout.OpOffOutputCount));
                distinctParams = AddLength(paramLengths, distinctParams, ReadI32(image, at + ImageLayout.OpOffParamCount));
            }
            Decoder = new OpRecordDecoder(Trim(inputLengths, distinctInputs), Trim(outputLengths, distinctOutputs), Trim(paramLengths, distinctParams));
        }

        /// <summary>Reads tensor record <paramref name="t"/> (<see cref="ImageLayout.TensorRecordBytes"/> bytes at the
        /// reader's position) into the tables, unchecked.</summary>
        private void ReadTensorRecord(ImageReader r, int t)
        {
            Types[t] = r.U8();
            Locations[t] = r.U8();
            Ranks[t] = r.U8();
            Flags[t] = r.U8();
            Offsets[t] = r.I32();
            ByteSizes[t] = r.I32();
            for (int d = 0; d < ImageLayout.MaxRank; d++)
            {
                Dims[t * ImageLayout.MaxRank + d] = r.I32();
            }
            ScaleBits[t] = r.I32();
            ZeroPoints[t] = r.I32();
        }

        /// <summary>Reads a count and that many tensor indices, each checked to name an arena tensor.</summary>
        private int[] ReadIoList(ImageReader r, string what)
        {
            int n = r.Count(Types.Length, what + " count");
            int[] list = new int[n];
            for (int i = 0; i < n; i++)
            {
                int t = r.I32();
                ImageValidator.CheckIoTensor(what, i, t, Locations);
                list[i] = t;
            }
            return list;
        }

        private static int ReadI32(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        }

        /// <summary>Adds <paramref name="length"/> to the first <paramref name="count"/> entries unless present; the new count.</summary>
        private static int AddLength(int[] lengths, int count, int length)
        {
            for (int k = 0; k < count; k++)
            {
                if (lengths[k] == length)
                {
                    return count;
                }
            }
            lengths[count] = length;
            return count + 1;
        }

        private static int[] Trim(int[] values, int count)
        {
            int[] trimmed = new int[count];
            for (int k = 0; k < count; k++)
            {
                trimmed[k] = values[k];
            }
            return trimmed;
        }
    }
}
