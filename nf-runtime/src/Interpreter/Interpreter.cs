using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Image;
using TinyLite.Runtime.Native;

namespace TinyLite.Runtime
{
    /// <summary>
    /// Runs a TinyLite image. The constructor loads and validates the whole image (CRC, every section, tensor and
    /// kernel parameter: <see cref="ImageLoader"/>, <see cref="ImageValidator"/>) before it touches the arena;
    /// <see cref="Invoke"/> then runs the kernels in order without validating, allocating or throwing. Operator records
    /// stay in the image: only their offsets are kept, and each is decoded again (into reused arrays,
    /// <see cref="OpRecordDecoder"/>) right before it runs, so the interpreter's heap does not grow with the number of
    /// kernel calls (the report's runtime_ram_bytes counts what it keeps, docs/RUNTIME.md). Its other job is the tensor
    /// I/O API: inputs, outputs and any tensor by index.
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
        private readonly OpRecordDecoder _decoder;
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
            ImageLoader loaded = new ImageLoader(image);
            _image = image;
            _arenaBytes = loaded.ArenaBytes;
            _compilerVersion = loaded.CompilerVersion;
            _gitCommit = loaded.GitCommit;
            _modelSha256 = loaded.ModelSha256;
            _modelName = loaded.ModelName;
            _types = loaded.Types;
            _locations = loaded.Locations;
            _ranks = loaded.Ranks;
            _flags = loaded.Flags;
            _dims = loaded.Dims;
            _offsets = loaded.Offsets;
            _byteSizes = loaded.ByteSizes;
            _scaleBits = loaded.ScaleBits;
            _zeroPoints = loaded.ZeroPoints;
            _inputs = loaded.Inputs;
            _outputs = loaded.Outputs;
            _opOffsets = loaded.OpOffsets;
            _decoder = loaded.Decoder;

            // The arena: checked before any byte of it is written.
            if (arena == null)
            {
                arena = new byte[_arenaBytes];
                arenaOffset = 0;
            }
            else
            {
                ImageValidator.CheckArena(arena, arenaOffset, _arenaBytes);
            }
            _arena = arena;
            _arenaOffset = arenaOffset;
            int tensorCount = _types.Length;
            _buffers = new byte[tensorCount][];
            for (int t = 0; t < tensorCount; t++)
            {
                _buffers[t] = _locations[t] == ImageLayout.LocationImage ? image : arena;
                if (_locations[t] == ImageLayout.LocationArena)
                {
                    _offsets[t] += arenaOffset;
                }
            }
            _context = new KernelContext(_buffers, _offsets, _byteSizes, _types);
            ImageValidator.CheckKernels(_context, image, _opOffsets, _decoder);
            ResetState();
        }

        /// <summary>Bytes of <paramref name="elements"/> elements of <paramref name="type"/>; -1 for an unknown type.</summary>
        public static long ElementBytes(int type, long elements)
        {
            return ImageValidator.ElementBytes(type, elements);
        }

        /// <summary>
        /// Runs the whole graph with the native (C) kernels from now on (<see cref="NativeKernels"/>), on the same
        /// image and arena. The native side validates the image again in full and resets the variable tensors, as
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
            OpRecordDecoder decoder = _decoder;
            byte[] image = _image;
            for (int i = 0; i < offsets.Length; i++)
            {
                KernelDispatch.Run(ctx, decoder.Decode(image, offsets[i]));
            }
        }

        /// <summary>Runs kernel <paramref name="index"/> alone (for step-by-step debugging and tests).</summary>
        public void InvokeOperator(int index)
        {
            KernelDispatch.Run(_context, _decoder.Decode(_image, _opOffsets[index]));
        }

        /// <summary>
        /// Resets the variable (state) tensors, as after loading: as TFLM, an int8 tensor to its zero point (a real 0),
        /// any other to zero bytes.
        /// </summary>
        public void ResetState()
        {
            for (int t = 0; t < _types.Length; t++)
            {
                if ((_flags[t] & ImageLayout.TensorFlagVariable) != 0 && _locations[t] == ImageLayout.LocationArena)
                {
                    byte fill = _types[t] == TensorType.Int8 ? (byte)_zeroPoints[t] : (byte)0;
                    for (int i = 0; i < _byteSizes[t]; i++)
                    {
                        _arena[_offsets[t] + i] = fill;
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
            CopyTensorBytes(t, destination);
        }

        /// <summary>A new array with the current bytes of tensor <paramref name="tensor"/> (arena or image); the tensor
        /// is not changed (see <see cref="WriteTensor"/>).</summary>
        public byte[] ReadTensor(int tensor)
        {
            byte[] data = new byte[_byteSizes[tensor]];
            CopyTensorBytes(tensor, data);
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

        /// <summary>Copies the bytes of tensor <paramref name="tensor"/> to the start of <paramref name="destination"/>.</summary>
        private void CopyTensorBytes(int tensor, byte[] destination)
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
