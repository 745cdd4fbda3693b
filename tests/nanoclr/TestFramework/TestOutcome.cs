namespace nanoFramework.TestFramework
{
    /// <summary>How one test ended.</summary>
    public static class TestOutcome
    {
        /// <summary>Every check held.</summary>
        public const int Passed = 0;

        /// <summary>A check failed, or the test threw.</summary>
        public const int Failed = 1;

        /// <summary>The test called <see cref="Assert.SkipTest"/>.</summary>
        public const int Skipped = 2;
    }
}
