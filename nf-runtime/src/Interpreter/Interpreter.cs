using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Image;
using TinyLite.Runtime.Native;

namespace TinyLite.Runtime
{
    /// <summary>
    /// Runs a TinyLite image. The constructor validates the whole image (CRC, every section, tensor and
    /// kernel parameter) before it touches the arena; <see cref="Invoke"/> then runs the kernels in order
    /// without validating, allocating or throwing. Operator records stay in the image: only their offsets are kept, and
    /// each is decoded again (into reused arrays) right before it runs, so the interpreter's heap does not grow with the
    /// number of kernel calls (the report's runtime_ram_bytes counts what it keeps, docs/RUNTIME.md).
    /// </summary>
    public sealed class Interpreter
    {
        private readonly byte[] _image;
        private readonly byte[] _arena;
        private readonly int _arenaOffset;
        private readonly int _arenaBytes;
        private readonly int[] _types;
        private readonly int[] _locations;
        private readonly int[] _ranks;
        private readonly int[] _dims;
        private readonly int[] _flags;
        private readonly int[] _offsets;
        private readonly int[] _byteSizes;
        private readonly int[] _scaleBits;
        private readonly int[] _zeroPoints;
        private readonly byte[][] _buffers;
        private readonly int[] _opOffsets;
        private readonly OpRecord _op;
        private readonly int[] _inputLengths;
        private readonly int[][] _inputArrays;
        private readonly int[] _outputLengths;
        private readonly int[][] _outputArrays;
        private readonly int[] _paramLengths;
        private readonly int[][] _paramArrays;
        private readonly int[] _inputs;
        private readonly int[] _outputs;
        private readonly KernelContext _context;
        private readonly string _compilerVersion;
        private readonly string _gitCommit;
        private readonly string _modelSha256;
        private readonly string _modelName;
        private bool _native;
        private byte[] _nativeMessage;

        /// <summary>Loads <paramref name="image"/> and allocates an arena of exactly the size it asks for.</summary>
        public Interpreter(byte[] image) : this(image, null)
        {
        }

        /// <summary>
        /// Loads <paramref name="image"/> and runs it in the caller's <paramref name="arena"/> (null: allocate one).
        /// The image array is kept and read by the kernels (constants stay in it); do not modify it afterwards.
        /// </summary>
        /// <exception cref="ImageException">The image is invalid, or the arena is smaller than the image needs.</exception>
        public Interpreter(byte[] image, byte[] arena) : this(image, arena, 0)
        {
        }

        /// <summary>
        /// Loads <paramref name="image"/> and runs it in bytes [<paramref name="arenaOffset"/>,
        /// <paramref name="arenaOffset"/> + <see cref="ArenaBytes"/>) of the caller's <paramref name="arena"/>
        /// (null: allocate one, offset 0); the rest of the array is never touched. The image array is kept and
        /// read by the kernels; do not modify it afterwards.
        /// </summary>
        /// <exception cref="ImageException">The image is invalid, or the arena is smaller than the image needs.</exception>
        public Interpreter(byte[] image, byte[] arena, int arenaOffset)
        {
            if (image == null)
            {
                throw new ImageException("image: no image given");
            }
            _image = image;
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
            int sectionCount = header.Count(64, "section count");
            _arenaBytes = header.Count(int.MaxValue, "arena size");

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
            _compilerVersion = meta.Ascii();
            _gitCommit = meta.Ascii();
            _modelSha256 = meta.Ascii();
            _modelName = meta.Ascii();

            // Tensors.
            ImageReader tensors = new ImageReader(image, tensorOff, tensorLen, "tensor section");
            int tensorCount = tensors.Count(tensorLen / ImageLayout.TensorRecordBytes, "tensor count");
            _types = new int[tensorCount];
            _locations = new int[tensorCount];
            _ranks = new int[tensorCount];
            _flags = new int[tensorCount];
            _dims = new int[tensorCount * ImageLayout.MaxRank];
            _offsets = new int[tensorCount];
            _byteSizes = new int[tensorCount];
            _scaleBits = new int[tensorCount];
            _zeroPoints = new int[tensorCount];
            _buffers = new byte[tensorCount][];
            for (int t = 0; t < tensorCount; t++)
            {
                ReadTensor(tensors, t, constOff, constLen);
            }

            // Inputs and outputs.
            ImageReader io = new ImageReader(image, ioOff, ioLen, "io section");
            _inputs = ReadIoList(io, tensorCount, "input");
            _outputs = ReadIoList(io, tensorCount, "output");

            // Operators.
            // Operators: only where each record starts is kept; a record is decoded again right before it runs,
            // into one reusable OpRecord and arrays of the exact lengths the records use (one per distinct length
            // and role), so the interpreter's memory does not grow with the number of calls (streamed plans have
            // hundreds of row-band calls).
            ImageReader ops = new ImageReader(image, opsOff, opsLen, "operator section");
            int opCount = ops.Count(opsLen / OpRecordHeaderBytes, "operator count");
            _opOffsets = new int[opCount];
            int[] inputLengths = new int[opCount];
            int[] outputLengths = new int[opCount];
            int[] paramLengths = new int[opCount];
            int distinctInputs = 0, distinctOutputs = 0, distinctParams = 0;
            for (int i = 0; i < opCount; i++)
            {
                _opOffsets[i] = ops.Position;
                CheckOp(ops, i, tensorCount);
                distinctInputs = AddLength(inputLengths, distinctInputs, ReadI32(image, _opOffsets[i] + 8));
                distinctOutputs = AddLength(outputLengths, distinctOutputs, ReadI32(image, _opOffsets[i] + 12));
                distinctParams = AddLength(paramLengths, distinctParams, ReadI32(image, _opOffsets[i] + 16));
            }
            _inputLengths = Trim(inputLengths, distinctInputs);
            _inputArrays = ArraysOf(_inputLengths);
            _outputLengths = Trim(outputLengths, distinctOutputs);
            _outputArrays = ArraysOf(_outputLengths);
            _paramLengths = Trim(paramLengths, distinctParams);
            _paramArrays = ArraysOf(_paramLengths);
            _op = new OpRecord();

            // The arena: checked before any byte of it is written.
            if (arena == null)
            {
                arena = new byte[_arenaBytes];
                arenaOffset = 0;
            }
            else if (arenaOffset < 0 || arenaOffset > arena.Length)
            {
                throw new ImageException("arena: offset " + arenaOffset.ToString() + " lies outside the " + arena.Length.ToString() + "-byte array");
            }
            else if (arena.Length - arenaOffset < _arenaBytes)
            {
                throw new ImageException("arena: " + (arena.Length - arenaOffset).ToString() + " bytes given but the image needs " + _arenaBytes.ToString());
            }
            _arena = arena;
            _arenaOffset = arenaOffset;
            for (int t = 0; t < tensorCount; t++)
            {
                _buffers[t] = _locations[t] == ImageLayout.LocationImage ? image : arena;
                if (_locations[t] == ImageLayout.LocationArena)
                {
                    _offsets[t] += arenaOffset;
                }
            }
            _context = new KernelContext(_buffers, _offsets, _byteSizes, _types);
            for (int i = 0; i < opCount; i++)
            {
                OpRecord op = Decode(_opOffsets[i]);
                string problem = KernelDispatch.Validate(_context, op);
                if (problem != null)
                {
                    throw new ImageException("image: operator " + i.ToString() + " (kernel " + op.Code.ToString() + ", model operator " + op.SourceIndex.ToString() + "): " + problem);
                }
            }
            ResetState();
        }

        private void ReadTensor(ImageReader r, int t, int constOff, int constLen)
        {
            string what = "tensor " + t.ToString();
            int type = r.U8();
            int location = r.U8();
            int rank = r.U8();
            int flags = r.U8();
            int offset = r.I32();
            int size = r.I32();
            if (rank > ImageLayout.MaxRank)
            {
                throw new ImageException("image: " + what + ": rank " + rank.ToString() + " exceeds " + ImageLayout.MaxRank.ToString());
            }
            long elements = 1;
            for (int d = 0; d < ImageLayout.MaxRank; d++)
            {
                int dim = r.I32();
                if (d < rank)
                {
                    if (dim < 0 || dim > 0x7FFFFFF)
                    {
                        throw new ImageException("image: " + what + ": dimension " + d.ToString() + " is " + dim.ToString());
                    }
                    elements *= dim;
                    if (elements > 0x7FFFFFFF)
                    {
                        throw new ImageException("image: " + what + " is too large");
                    }
                }
                _dims[t * ImageLayout.MaxRank + d] = dim;
            }
            _scaleBits[t] = r.I32();
            _zeroPoints[t] = r.I32();
            if (location == ImageLayout.LocationNone)
            {
                if (size != 0)
                {
                    throw new ImageException("image: " + what + " has no storage but a size");
                }
            }
            else
            {
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
                    if (offset < 0 || offset > _arenaBytes - size)
                    {
                        throw new ImageException("image: " + what + " at arena offset " + offset.ToString() + " (+" + size.ToString() + ") lies outside the " + _arenaBytes.ToString() + "-byte arena");
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
            _types[t] = type;
            _locations[t] = location;
            _ranks[t] = rank;
            _flags[t] = flags;
            _offsets[t] = offset;
            _byteSizes[t] = size;
        }

        private int[] ReadIoList(ImageReader r, int tensorCount, string what)
        {
            int n = r.Count(tensorCount, what + " count");
            int[] list = new int[n];
            for (int i = 0; i < n; i++)
            {
                int t = r.I32();
                if (t < 0 || t >= tensorCount || _locations[t] != ImageLayout.LocationArena)
                {
                    throw new ImageException("image: " + what + " " + i.ToString() + " refers to tensor " + t.ToString() + ", which is not an arena tensor");
                }
                list[i] = t;
            }
            return list;
        }

        /// <summary>Bytes of an operator record before its tensor indices and parameters (five int32).</summary>
        private const int OpRecordHeaderBytes = 20;

        /// <summary>
        /// Checks operator record <paramref name="index"/> at the reader's position (known kernel code, counts in range,
        /// tensor indices that exist, outputs in the arena) and moves past it; the kernel's own checks run later on the
        /// decoded record.
        /// </summary>
        private void CheckOp(ImageReader r, int index, int tensorCount)
        {
            int code = r.I32();
            r.I32();
            int inputs = r.Count(64, "operator " + index.ToString() + " input count");
            int outputs = r.Count(64, "operator " + index.ToString() + " output count");
            int parameters = r.Count(1 << 16, "operator " + index.ToString() + " parameter count");
            if (code < OpCode.First || code >= OpCode.End)
            {
                throw new ImageException("image: operator " + index.ToString() + " has unknown kernel code " + code.ToString());
            }
            for (int i = 0; i < inputs; i++)
            {
                int t = r.I32();
                if (t < -1 || t >= tensorCount || (t >= 0 && _locations[t] == ImageLayout.LocationNone))
                {
                    throw new ImageException("image: operator " + index.ToString() + " input " + i.ToString() + " refers to invalid tensor " + t.ToString());
                }
            }
            for (int i = 0; i < outputs; i++)
            {
                int t = r.I32();
                // Outputs must be in the arena: the image is read-only (flash).
                if (t < 0 || t >= tensorCount || _locations[t] != ImageLayout.LocationArena)
                {
                    throw new ImageException("image: operator " + index.ToString() + " output " + i.ToString() + " refers to invalid tensor " + t.ToString());
                }
            }
            r.Skip(parameters * 4);
        }

        /// <summary>
        /// Decodes the operator record at byte <paramref name="at"/> of the image into the reusable record and its
        /// arrays (no allocation). Only for records <see cref="CheckOp"/> accepted: the lengths are then ones seen at load.
        /// </summary>
        private OpRecord Decode(int at)
        {
            byte[] b = _image;
            OpRecord op = _op;
            op.Code = b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
            op.SourceIndex = b[at + 4] | (b[at + 5] << 8) | (b[at + 6] << 16) | (b[at + 7] << 24);
            int[] inputs = Pick(_inputLengths, _inputArrays, b[at + 8] | (b[at + 9] << 8) | (b[at + 10] << 16) | (b[at + 11] << 24));
            int[] outputs = Pick(_outputLengths, _outputArrays, b[at + 12] | (b[at + 13] << 8) | (b[at + 14] << 16) | (b[at + 15] << 24));
            int[] parameters = Pick(_paramLengths, _paramArrays, b[at + 16] | (b[at + 17] << 8) | (b[at + 18] << 16) | (b[at + 19] << 24));
            int p = at + OpRecordHeaderBytes;
            for (int i = 0; i < inputs.Length; i++, p += 4)
            {
                inputs[i] = b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24);
            }
            for (int i = 0; i < outputs.Length; i++, p += 4)
            {
                outputs[i] = b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24);
            }
            for (int i = 0; i < parameters.Length; i++, p += 4)
            {
                parameters[i] = b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24);
            }
            op.Inputs = inputs;
            op.Outputs = outputs;
            op.Params = parameters;
            return op;
        }

        /// <summary>The reusable array of length <paramref name="length"/> (one of <paramref name="lengths"/>).</summary>
        private static int[] Pick(int[] lengths, int[][] arrays, int length)
        {
            int k = 0;
            while (lengths[k] != length)
            {
                k++;
            }
            return arrays[k];
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

        private static int[][] ArraysOf(int[] lengths)
        {
            int[][] arrays = new int[lengths.Length][];
            for (int k = 0; k < lengths.Length; k++)
            {
                arrays[k] = new int[lengths[k]];
            }
            return arrays;
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

        /// <summary>
        /// Runs the whole graph with the native (C) kernels from now on (<see cref="NativeKernels"/>), on the same
        /// image and arena. The native side validates the image again in full and zeroes the variable tensors, as
        /// <see cref="ResetState"/>. <see cref="InvokeOperator"/> keeps using the managed kernels.
        /// </summary>
        /// <exception cref="ImageException">The native kernels are not available, they refuse the image (for
        /// example a kernel code they do not implement; the message names the operator and the code), or the arena
        /// does not start at index 0 of its array (the native side addresses the array from its start).</exception>
        public void UseNativeKernels()
        {
            if (!NativeKernels.IsAvailable)
            {
                throw new ImageException(NativeKernels.UnavailableReason);
            }
            if (_arenaOffset != 0)
            {
                throw new ImageException("native kernels: the arena must start at index 0 of its array (it starts at " + _arenaOffset.ToString() + ")");
            }
            byte[] message = new byte[NativeKernels.MessageBytes];
            int status = NativeKernels.Load(_image, _image.Length, _arena, _arena.Length, message, message.Length);
            if (status != NativeKernels.StatusOk)
            {
                throw new ImageException("native kernels: " + NativeKernels.MessageText(message));
            }
            _nativeMessage = message;
            _native = true;
        }

        /// <summary>True once <see cref="UseNativeKernels"/> succeeded: <see cref="Invoke"/> runs the C kernels.</summary>
        public bool UsesNativeKernels
        {
            get { return _native; }
        }

        /// <summary>
        /// Runs every kernel once, reading the inputs and writing the outputs in the arena (with the native kernels
        /// after <see cref="UseNativeKernels"/>).
        /// </summary>
        /// <remarks>The managed path reads each operator record from the image again before its call and does not
        /// validate it again: on an image modified after loading (which the constructor's contract forbids) a kernel
        /// may then index outside an array and the runtime's bounds check throws; on the unmodified image it never
        /// throws.</remarks>
        /// <exception cref="ImageException">Native kernels only, and only if the image array was modified after
        /// loading so that it no longer validates.</exception>
        public void Invoke()
        {
            if (_native)
            {
                int status = NativeKernels.Invoke(_image, _image.Length, _arena, _arena.Length, _nativeMessage, _nativeMessage.Length);
                if (status != NativeKernels.StatusOk)
                {
                    throw new ImageException("native kernels: " + NativeKernels.MessageText(_nativeMessage));
                }
                return;
            }
            int[] offsets = _opOffsets;
            KernelContext ctx = _context;
            for (int i = 0; i < offsets.Length; i++)
            {
                KernelDispatch.Run(ctx, Decode(offsets[i]));
            }
        }

        /// <summary>Runs kernel <paramref name="index"/> alone (for step-by-step debugging and tests).</summary>
        public void InvokeOperator(int index)
        {
            KernelDispatch.Run(_context, Decode(_opOffsets[index]));
        }

        /// <summary>Zeroes the variable (state) tensors, as after loading.</summary>
        public void ResetState()
        {
            for (int t = 0; t < _types.Length; t++)
            {
                if ((_flags[t] & ImageLayout.TensorFlagVariable) != 0 && _locations[t] == ImageLayout.LocationArena)
                {
                    for (int i = 0; i < _byteSizes[t]; i++)
                    {
                        _arena[_offsets[t] + i] = 0;
                    }
                }
            }
        }

        /// <summary>Number of model inputs.</summary>
        public int InputCount
        {
            get { return _inputs.Length; }
        }

        /// <summary>Number of model outputs.</summary>
        public int OutputCount
        {
            get { return _outputs.Length; }
        }

        /// <summary>Number of kernel calls per <see cref="Invoke"/>.</summary>
        public int OperatorCount
        {
            get { return _opOffsets.Length; }
        }

        /// <summary>Number of tensors in the image's tensor table (the model's own indices come first).</summary>
        public int TensorCount
        {
            get { return _types.Length; }
        }

        /// <summary>Arena bytes the image needs (the compiler's exact plan).</summary>
        public int ArenaBytes
        {
            get { return _arenaBytes; }
        }

        /// <summary>The arena the interpreter runs in.</summary>
        public byte[] Arena
        {
            get { return _arena; }
        }

        /// <summary>Version of the compiler that made the image.</summary>
        public string CompilerVersion
        {
            get { return _compilerVersion; }
        }

        /// <summary>Git commit the compiler was built from.</summary>
        public string GitCommit
        {
            get { return _gitCommit; }
        }

        /// <summary>SHA-256 (hex) of the source model file.</summary>
        public string ModelSha256
        {
            get { return _modelSha256; }
        }

        /// <summary>Name of the source model file.</summary>
        public string ModelName
        {
            get { return _modelName; }
        }

        /// <summary>Tensor index of input <paramref name="index"/>.</summary>
        public int InputTensor(int index)
        {
            return _inputs[index];
        }

        /// <summary>Tensor index of output <paramref name="index"/>.</summary>
        public int OutputTensor(int index)
        {
            return _outputs[index];
        }

        /// <summary>Byte size of tensor <paramref name="tensor"/>.</summary>
        public int TensorByteSize(int tensor)
        {
            return _byteSizes[tensor];
        }

        /// <summary>Element type (a <see cref="TensorType"/> code) of tensor <paramref name="tensor"/>.</summary>
        public int TensorTypeOf(int tensor)
        {
            return _types[tensor];
        }

        /// <summary>True when tensor <paramref name="tensor"/> has storage (arena or image).</summary>
        public bool TensorHasData(int tensor)
        {
            return _locations[tensor] != ImageLayout.LocationNone;
        }

        /// <summary>Shape of tensor <paramref name="tensor"/> (a new array).</summary>
        public int[] TensorShape(int tensor)
        {
            int[] shape = new int[_ranks[tensor]];
            for (int d = 0; d < shape.Length; d++)
            {
                shape[d] = _dims[tensor * ImageLayout.MaxRank + d];
            }
            return shape;
        }

        /// <summary>Quantization scale of tensor <paramref name="tensor"/> as IEEE-754 bits (0 when unquantized).</summary>
        public int TensorScaleBits(int tensor)
        {
            return _scaleBits[tensor];
        }

        /// <summary>Quantization zero point of tensor <paramref name="tensor"/>.</summary>
        public int TensorZeroPoint(int tensor)
        {
            return _zeroPoints[tensor];
        }

        /// <summary>Copies <paramref name="data"/> into input <paramref name="index"/>; its length must equal the input's byte size.</summary>
        public void SetInput(int index, byte[] data)
        {
            WriteTensor(_inputs[index], data);
        }

        /// <summary>A new array with the bytes of output <paramref name="index"/>.</summary>
        public byte[] GetOutput(int index)
        {
            return ReadTensor(_outputs[index]);
        }

        /// <summary>Copies output <paramref name="index"/> into <paramref name="destination"/> (no allocation).</summary>
        public void CopyOutput(int index, byte[] destination)
        {
            int t = _outputs[index];
            CopyOut(t, destination);
        }

        /// <summary>A new array with the current bytes of tensor <paramref name="tensor"/>.</summary>
        public byte[] ReadTensor(int tensor)
        {
            byte[] data = new byte[_byteSizes[tensor]];
            CopyOut(tensor, data);
            return data;
        }

        /// <summary>Overwrites arena tensor <paramref name="tensor"/> with <paramref name="data"/> (exactly its byte size).</summary>
        public void WriteTensor(int tensor, byte[] data)
        {
            if (_locations[tensor] != ImageLayout.LocationArena)
            {
                throw new ImageException("tensor " + tensor.ToString() + " is not in the arena");
            }
            if (data.Length != _byteSizes[tensor])
            {
                throw new ImageException("tensor " + tensor.ToString() + " takes " + _byteSizes[tensor].ToString() + " bytes, got " + data.Length.ToString());
            }
            int off = _offsets[tensor];
            for (int i = 0; i < data.Length; i++)
            {
                _arena[off + i] = data[i];
            }
        }

        private void CopyOut(int tensor, byte[] destination)
        {
            byte[] src = _buffers[tensor];
            int off = _offsets[tensor];
            int n = _byteSizes[tensor];
            if (destination.Length < n)
            {
                throw new ImageException("tensor " + tensor.ToString() + " needs a " + n.ToString() + "-byte destination");
            }
            for (int i = 0; i < n; i++)
            {
                destination[i] = src[off + i];
            }
        }
    }
}
