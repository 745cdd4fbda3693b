using System;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Image;

namespace TinyLite.Runtime.Speech
{
    /// <summary>
    /// The streaming audio front end: takes 16-bit PCM in chunks of any size, cuts it into overlapping windows
    /// (the preprocessor model's input length, every <see cref="HopSamples"/> samples), runs the preprocessor model on
    /// each window and appends its feature row to a sliding window of the last <see cref="Rows"/> rows, oldest first:
    /// exactly the classifier's input. Feeding never allocates.
    /// </summary>
    /// <remarks>
    /// Both buffers shift instead of wrapping: after a window, the samples it shares with the next one move to the
    /// front of the window buffer, and the feature window moves up one row before the new row goes last. A ring
    /// would save the moves but the classifier needs its rows in order in one array, which would cost a second copy
    /// of the window; the moves are <see cref="Array.Copy(Array, int, Array, int, int)"/> calls (native on nanoCLR)
    /// from higher to lower indices, safe for overlapping ranges even as a plain forward copy.
    /// The preprocessor keeps state from window to window (the spectral-subtraction noise estimate): one front end
    /// owns its interpreter; <see cref="Reset"/> starts everything over.
    /// </remarks>
    public sealed class AudioFrontEnd
    {
        /// <summary>The sample rate the time stamps assume (the micro_speech models' rate).</summary>
        public const int SampleRateHz = 16000;

        private readonly Interpreter _preprocessor;
        private readonly int _windowSamples;
        private readonly int _hopSamples;
        private readonly int _featureCount;
        private readonly int _rows;
        // The preprocessor's input: _filled samples so far, little-endian int16 as the tensor holds them.
        private readonly byte[] _window;
        // One output row of the preprocessor.
        private readonly byte[] _row;
        // The last _rows feature rows, oldest first (zero bytes before the first rows arrive).
        private readonly byte[] _features;
        private int _filled;
        private long _rowsProduced;
        private long _samplesConsumed;
        private bool _rowReady;

        /// <summary>
        /// A front end over <paramref name="preprocessor"/> (input INT16 [1, window], output INT8 [features]); a
        /// new window every <paramref name="hopSamples"/> samples (1 .. the window length), <paramref name="rows"/>
        /// rows kept.
        /// </summary>
        /// <exception cref="ImageException">The model's input or output does not have that form, or a count is out of range.</exception>
        public AudioFrontEnd(Interpreter preprocessor, int hopSamples, int rows)
        {
            if (preprocessor.InputCount != 1 || preprocessor.OutputCount != 1)
            {
                throw new ImageException("audio front end: the preprocessor needs one input and one output");
            }
            int input = preprocessor.InputTensor(0);
            int output = preprocessor.OutputTensor(0);
            if (preprocessor.TensorTypeOf(input) != TensorType.Int16 || preprocessor.TensorTypeOf(output) != TensorType.Int8)
            {
                throw new ImageException("audio front end: the preprocessor must map INT16 samples to INT8 features");
            }
            _windowSamples = preprocessor.TensorByteSize(input) / 2;
            _featureCount = preprocessor.TensorByteSize(output);
            if (hopSamples < 1 || hopSamples > _windowSamples)
            {
                throw new ImageException("audio front end: hop " + hopSamples.ToString() + " is outside 1.." + _windowSamples.ToString());
            }
            if (rows < 1)
            {
                throw new ImageException("audio front end: at least one feature row");
            }
            _preprocessor = preprocessor;
            _hopSamples = hopSamples;
            _rows = rows;
            _window = new byte[_windowSamples * 2];
            _row = new byte[_featureCount];
            _features = new byte[rows * _featureCount];
        }

        /// <summary>Samples per window (the preprocessor's input length).</summary>
        public int WindowSamples
        {
            get { return _windowSamples; }
        }

        /// <summary>Samples from the start of one window to the start of the next.</summary>
        public int HopSamples
        {
            get { return _hopSamples; }
        }

        /// <summary>Values per feature row (the preprocessor's output length).</summary>
        public int FeatureCount
        {
            get { return _featureCount; }
        }

        /// <summary>Rows in the sliding feature window.</summary>
        public int Rows
        {
            get { return _rows; }
        }

        /// <summary>
        /// The sliding window: <see cref="Rows"/> × <see cref="FeatureCount"/> int8 values, oldest row first, newest
        /// last. Read it, do not modify it; it changes on the next row.
        /// </summary>
        public byte[] Features
        {
            get { return _features; }
        }

        /// <summary>True when the last <see cref="Consume"/> or <see cref="ConsumeBytes"/> call completed a row.</summary>
        public bool RowReady
        {
            get { return _rowReady; }
        }

        /// <summary>Rows produced since the start (or the last <see cref="Reset"/>).</summary>
        public long RowsProduced
        {
            get { return _rowsProduced; }
        }

        /// <summary>True once <see cref="Rows"/> real rows have arrived (the window holds no initial zeros).</summary>
        public bool WindowFull
        {
            get { return _rowsProduced >= _rows; }
        }

        /// <summary>Samples taken since the start (or the last <see cref="Reset"/>).</summary>
        public long SamplesConsumed
        {
            get { return _samplesConsumed; }
        }

        /// <summary>
        /// Milliseconds from the start of the stream to the end of the newest row's window (0 before the first row).
        /// </summary>
        public long LastRowEndMs
        {
            get
            {
                if (_rowsProduced == 0)
                {
                    return 0;
                }
                long endSample = (_rowsProduced - 1) * _hopSamples + _windowSamples;
                return endSample * 1000 / SampleRateHz;
            }
        }

        /// <summary>
        /// Takes samples from <paramref name="pcm"/>[<paramref name="offset"/> ..] up to <paramref name="count"/>,
        /// stopping where a window completes, and returns how many it took (at least one when
        /// <paramref name="count"/> is positive). <see cref="RowReady"/> then says whether a row was added: call
        /// again with the rest until all is taken (<see cref="SpeechPipeline.Feed"/> does).
        /// </summary>
        public int Consume(short[] pcm, int offset, int count)
        {
            _rowReady = false;
            int room = _windowSamples - _filled;
            int n = count < room ? count : room;
            byte[] window = _window;
            int b = _filled * 2;
            int end = offset + n;
            for (int i = offset; i < end; i++)
            {
                int s = pcm[i];
                window[b] = (byte)s;
                window[b + 1] = (byte)(s >> 8);
                b += 2;
            }
            Taken(n);
            return n;
        }

        /// <summary>
        /// As <see cref="Consume"/> for little-endian 16-bit PCM bytes (as an I2S driver or a WAV file gives them):
        /// takes whole samples only and returns the bytes taken (an even number; 0 when fewer than two are offered).
        /// </summary>
        public int ConsumeBytes(byte[] pcm, int offset, int byteCount)
        {
            _rowReady = false;
            int room = _windowSamples - _filled;
            int n = byteCount / 2;
            if (n > room)
            {
                n = room;
            }
            Array.Copy(pcm, offset, _window, _filled * 2, n * 2);
            Taken(n);
            return n * 2;
        }

        /// <summary>Forgets every sample and row and resets the preprocessor's state, as a new front end.</summary>
        public void Reset()
        {
            Array.Clear(_window, 0, _window.Length);
            Array.Clear(_features, 0, _features.Length);
            _filled = 0;
            _rowsProduced = 0;
            _samplesConsumed = 0;
            _rowReady = false;
            _preprocessor.ResetState();
        }

        private void Taken(int n)
        {
            _filled += n;
            _samplesConsumed += n;
            if (_filled == _windowSamples)
            {
                NextRow();
            }
        }

        // Runs the preprocessor on the full window, appends its row, keeps the overlap for the next window.
        private void NextRow()
        {
            _preprocessor.SetInput(0, _window);
            _preprocessor.Invoke();
            _preprocessor.CopyOutput(0, _row);
            int keepRows = (_rows - 1) * _featureCount;
            Array.Copy(_features, _featureCount, _features, 0, keepRows);
            Array.Copy(_row, 0, _features, keepRows, _featureCount);
            int keep = _windowSamples - _hopSamples;
            Array.Copy(_window, _hopSamples * 2, _window, 0, keep * 2);
            _filled = keep;
            _rowsProduced++;
            _rowReady = true;
        }
    }
}
