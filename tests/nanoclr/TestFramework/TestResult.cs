namespace nanoFramework.TestFramework
{
    /// <summary>The result of one test: its name, a <see cref="TestOutcome"/> value, the message and the time taken.</summary>
    public sealed class TestResult
    {
        /// <summary>"Class.Method".</summary>
        public string Name;

        /// <summary>One of the <see cref="TestOutcome"/> constants.</summary>
        public int Outcome;

        /// <summary>Why it failed or was skipped (empty when it passed).</summary>
        public string Message;

        /// <summary>Milliseconds the test method took (set-up and clean-up excluded).</summary>
        public long Milliseconds;
    }
}
