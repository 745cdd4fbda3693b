using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Image;

namespace TinyLite.Runtime.Speech
{
    /// <summary>
    /// The micro_speech pipeline over a stream: 16-bit PCM in chunks of any size → <see cref="AudioFrontEnd"/> (one
    /// feature row every hop) → the classifier on the sliding window of rows (every <see cref="ClassifyEveryRows"/>
    /// rows once the window is full) → <see cref="KeywordRecognizer"/> (smoothing, threshold, refractory period) →
    /// events, read with <see cref="PollEvent"/>. The result does not depend on how the audio is cut into chunks.
    /// Feeding never allocates; the arrays are made once here and in the front end and recognizer.
    /// </summary>
    public sealed class SpeechPipeline
    {
        private readonly AudioFrontEnd _frontEnd;
        private readonly Interpreter _classifier;
        private readonly KeywordRecognizer _recognizer;
        private readonly int _classifyEvery;
        private readonly int _zeroPoint;
        // The classifier's raw int8 output and the same as scores (value minus zero point).
        private readonly byte[] _output;
        private readonly int[] _scores;
        private long _classifications;

        /// <summary>
        /// A pipeline: <paramref name="preprocessor"/> (INT16 [window] → INT8 [features]) run every
        /// <paramref name="hopSamples"/> samples; <paramref name="classifier"/> (INT8 [rows × features] →
        /// INT8 [labels]; the row count follows from its input size) run every <paramref name="classifyEveryRows"/>
        /// rows; <paramref name="recognizer"/> for as many labels as the classifier has.
        /// </summary>
        /// <exception cref="ImageException">The models or the recognizer do not fit together.</exception>
        public SpeechPipeline(Interpreter preprocessor, Interpreter classifier, KeywordRecognizer recognizer, int hopSamples, int classifyEveryRows)
        {
            if (classifier.InputCount != 1 || classifier.OutputCount != 1)
            {
                throw new ImageException("speech pipeline: the classifier needs one input and one output");
            }
            int input = classifier.InputTensor(0);
            int output = classifier.OutputTensor(0);
            if (classifier.TensorTypeOf(input) != TensorType.Int8 || classifier.TensorTypeOf(output) != TensorType.Int8)
            {
                throw new ImageException("speech pipeline: the classifier must map INT8 features to INT8 scores");
            }
            int features = preprocessor.OutputCount == 1 ? preprocessor.TensorByteSize(preprocessor.OutputTensor(0)) : 0;
            int inputBytes = classifier.TensorByteSize(input);
            if (features == 0 || inputBytes % features != 0)
            {
                throw new ImageException("speech pipeline: the classifier's input (" + inputBytes.ToString() + " bytes) is not a whole number of " + features.ToString() + "-value feature rows");
            }
            int labels = classifier.TensorByteSize(output);
            if (recognizer.LabelCount != labels)
            {
                throw new ImageException("speech pipeline: the recognizer has " + recognizer.LabelCount.ToString() + " labels, the classifier " + labels.ToString());
            }
            if (classifyEveryRows < 1)
            {
                throw new ImageException("speech pipeline: classify every 1 or more rows");
            }
            _frontEnd = new AudioFrontEnd(preprocessor, hopSamples, inputBytes / features);
            _classifier = classifier;
            _recognizer = recognizer;
            _classifyEvery = classifyEveryRows;
            _zeroPoint = classifier.TensorZeroPoint(output);
            _output = new byte[labels];
            _scores = new int[labels];
        }

        /// <summary>The front end (feature rows and the sliding window).</summary>
        public AudioFrontEnd FrontEnd
        {
            get { return _frontEnd; }
        }

        /// <summary>The recognizer (smoothed scores and the last event).</summary>
        public KeywordRecognizer Recognizer
        {
            get { return _recognizer; }
        }

        /// <summary>Rows between two classifications.</summary>
        public int ClassifyEveryRows
        {
            get { return _classifyEvery; }
        }

        /// <summary>Classifications since the start (or the last <see cref="Reset"/>).</summary>
        public long Classifications
        {
            get { return _classifications; }
        }

        /// <summary>
        /// The last classification's scores (output minus zero point; a softmax's probability × 256), one per label.
        /// Read it, do not modify it.
        /// </summary>
        public int[] Scores
        {
            get { return _scores; }
        }

        /// <summary>Feeds <paramref name="count"/> samples of <paramref name="pcm"/> from <paramref name="offset"/>.</summary>
        public void Feed(short[] pcm, int offset, int count)
        {
            int end = offset + count;
            while (offset < end)
            {
                offset += _frontEnd.Consume(pcm, offset, end - offset);
                if (_frontEnd.RowReady)
                {
                    AfterRow();
                }
            }
        }

        /// <summary>
        /// Feeds little-endian 16-bit PCM bytes; returns the bytes taken: all of them but a trailing odd byte, which
        /// the caller passes again in front of the next chunk.
        /// </summary>
        public int FeedBytes(byte[] pcm, int offset, int byteCount)
        {
            int start = offset;
            int end = offset + byteCount;
            while (end - offset >= 2)
            {
                offset += _frontEnd.ConsumeBytes(pcm, offset, end - offset);
                if (_frontEnd.RowReady)
                {
                    AfterRow();
                }
            }
            return offset - start;
        }

        /// <summary>True when the recognizer has an event waiting (see <see cref="KeywordRecognizer.PollEvent"/>).</summary>
        public bool PollEvent()
        {
            return _recognizer.PollEvent();
        }

        /// <summary>Starts over: front end (and the preprocessor's state) and recognizer.</summary>
        public void Reset()
        {
            _frontEnd.Reset();
            _recognizer.Reset();
            _classifications = 0;
            for (int l = 0; l < _scores.Length; l++)
            {
                _scores[l] = 0;
            }
        }

        // Classifies once the window is full and then every _classifyEvery rows; the recognizer gets the scores
        // stamped with the end of the newest row.
        private void AfterRow()
        {
            if (!_frontEnd.WindowFull || (_frontEnd.RowsProduced - _frontEnd.Rows) % _classifyEvery != 0)
            {
                return;
            }
            _classifier.SetInput(0, _frontEnd.Features);
            _classifier.Invoke();
            _classifier.CopyOutput(0, _output);
            for (int l = 0; l < _scores.Length; l++)
            {
                _scores[l] = (sbyte)_output[l] - _zeroPoint;
            }
            _classifications++;
            _recognizer.Update(_scores, _frontEnd.LastRowEndMs);
        }
    }
}
