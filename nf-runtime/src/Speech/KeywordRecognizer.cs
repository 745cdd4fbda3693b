using TinyLite.Runtime.Image;

namespace TinyLite.Runtime.Speech
{
    /// <summary>
    /// Turns a classifier's score vectors into keyword events: averages each label's score over the last
    /// <see cref="AverageCount"/> classifications, takes the label with the highest average, and reports it as an
    /// event when that average reaches <see cref="Threshold"/>, the label is not ignored (silence, unknown) and at
    /// least <see cref="RefractoryMs"/> have passed since the previous event. Callback-free for nanoFramework: after
    /// <see cref="Update"/>, <see cref="PollEvent"/> says whether an event is waiting and the <c>Event*</c>
    /// properties describe it. Integer only; <see cref="Update"/> never allocates.
    /// </summary>
    /// <remarks>
    /// Scores are the classifier's int8 outputs minus their zero point: with a softmax's usual scale of 1/256 that
    /// is the probability × 256, 0..255. The average is the integer mean (truncated) of the scores held, fewer than
    /// <see cref="AverageCount"/> at the start, but no event comes before <see cref="MinimumCount"/> are held.
    /// The refractory period counts from the time of the last event, whatever its label.
    /// </remarks>
    public sealed class KeywordRecognizer
    {
        private readonly int _labels;
        private readonly int _averageCount;
        private readonly int _threshold;
        private readonly long _refractoryMs;
        // The last _averageCount score vectors, a ring of _labels-wide rows (next row to overwrite: _next).
        private readonly int[] _history;
        // Per-label sums of the rows held in _history.
        private readonly int[] _sums;
        private readonly bool[] _ignored;
        private int _held;
        private int _next;
        private int _minimumCount;
        private int _topLabel;
        private int _topScore;
        private bool _anyEvent;
        private bool _pending;
        private int _eventLabel;
        private int _eventScore;
        private long _eventTimeMs;
        private int _eventCount;

        /// <summary>
        /// A recognizer for <paramref name="labelCount"/> labels: averages over <paramref name="averageCount"/>
        /// classifications, reports an average of at least <paramref name="threshold"/> (in score units, 0..255),
        /// keeps <paramref name="refractoryMs"/> between events.
        /// </summary>
        /// <exception cref="ImageException">A count is below 1 or the refractory period is negative.</exception>
        public KeywordRecognizer(int labelCount, int averageCount, int threshold, int refractoryMs)
        {
            if (labelCount < 1 || averageCount < 1 || refractoryMs < 0)
            {
                throw new ImageException("keyword recognizer: labels and average count must be at least 1, the refractory period at least 0");
            }
            _labels = labelCount;
            _averageCount = averageCount;
            _threshold = threshold;
            _refractoryMs = refractoryMs;
            _history = new int[labelCount * averageCount];
            _sums = new int[labelCount];
            _ignored = new bool[labelCount];
            _minimumCount = 1;
            _topLabel = -1;
        }

        /// <summary>Number of labels (the length of every score vector).</summary>
        public int LabelCount
        {
            get { return _labels; }
        }

        /// <summary>Classifications averaged.</summary>
        public int AverageCount
        {
            get { return _averageCount; }
        }

        /// <summary>Lowest average score that makes an event.</summary>
        public int Threshold
        {
            get { return _threshold; }
        }

        /// <summary>Milliseconds after an event during which no other event is reported.</summary>
        public long RefractoryMs
        {
            get { return _refractoryMs; }
        }

        /// <summary>Classifications that must be held before any event (1 .. <see cref="AverageCount"/>; default 1).</summary>
        public int MinimumCount
        {
            get { return _minimumCount; }
            set
            {
                if (value < 1 || value > _averageCount)
                {
                    throw new ImageException("keyword recognizer: minimum count " + value.ToString() + " is outside 1.." + _averageCount.ToString());
                }
                _minimumCount = value;
            }
        }

        /// <summary>Never reports <paramref name="label"/> (for example silence or unknown); it still competes for the top.</summary>
        public void IgnoreLabel(int label)
        {
            _ignored[label] = true;
        }

        /// <summary>Label with the highest average after the last <see cref="Update"/> (-1 before the first).</summary>
        public int TopLabel
        {
            get { return _topLabel; }
        }

        /// <summary>That label's average score.</summary>
        public int TopScore
        {
            get { return _topScore; }
        }

        /// <summary>The average score of <paramref name="label"/> over the classifications held (0 before the first).</summary>
        public int AverageScore(int label)
        {
            return _held == 0 ? 0 : _sums[label] / _held;
        }

        /// <summary>Events reported since the start (or the last <see cref="Reset"/>).</summary>
        public int EventCount
        {
            get { return _eventCount; }
        }

        /// <summary>
        /// Adds one classification (<paramref name="scores"/>: <see cref="LabelCount"/> values) made at
        /// <paramref name="timeMs"/> (non-decreasing from call to call); true when it makes an event.
        /// </summary>
        public bool Update(int[] scores, long timeMs)
        {
            int row = _next * _labels;
            bool full = _held == _averageCount;
            for (int l = 0; l < _labels; l++)
            {
                if (full)
                {
                    _sums[l] -= _history[row + l];
                }
                _history[row + l] = scores[l];
                _sums[l] += scores[l];
            }
            if (!full)
            {
                _held++;
            }
            _next++;
            if (_next == _averageCount)
            {
                _next = 0;
            }

            // Ties go to the lower label, as an argmax does.
            int top = 0;
            for (int l = 1; l < _labels; l++)
            {
                if (_sums[l] > _sums[top])
                {
                    top = l;
                }
            }
            _topLabel = top;
            _topScore = _sums[top] / _held;

            if (_held < _minimumCount || _ignored[top] || _topScore < _threshold)
            {
                return false;
            }
            if (_anyEvent && timeMs - _eventTimeMs < _refractoryMs)
            {
                return false;
            }
            _anyEvent = true;
            _pending = true;
            _eventLabel = top;
            _eventScore = _topScore;
            _eventTimeMs = timeMs;
            _eventCount++;
            return true;
        }

        /// <summary>
        /// True when an event arrived since the last call that returned true (then read <see cref="EventLabel"/>,
        /// <see cref="EventScore"/>, <see cref="EventTimeMs"/>); each event is returned once.
        /// </summary>
        public bool PollEvent()
        {
            bool pending = _pending;
            _pending = false;
            return pending;
        }

        /// <summary>Label of the last event (-1 before the first).</summary>
        public int EventLabel
        {
            get { return _anyEvent ? _eventLabel : -1; }
        }

        /// <summary>Average score of the last event.</summary>
        public int EventScore
        {
            get { return _eventScore; }
        }

        /// <summary>Time of the last event, as given to <see cref="Update"/>.</summary>
        public long EventTimeMs
        {
            get { return _eventTimeMs; }
        }

        /// <summary>Forgets every score and event (ignored labels stay ignored).</summary>
        public void Reset()
        {
            for (int i = 0; i < _history.Length; i++)
            {
                _history[i] = 0;
            }
            for (int l = 0; l < _labels; l++)
            {
                _sums[l] = 0;
            }
            _held = 0;
            _next = 0;
            _topLabel = -1;
            _topScore = 0;
            _anyEvent = false;
            _pending = false;
            _eventLabel = 0;
            _eventScore = 0;
            _eventTimeMs = 0;
            _eventCount = 0;
        }
    }
}
