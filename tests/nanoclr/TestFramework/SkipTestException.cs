using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown by <see cref="Assert.SkipTest"/>: the test did not run, and says why.</summary>
    public class SkipTestException : Exception
    {
        /// <summary>Creates the exception with the reason the test was skipped.</summary>
        public SkipTestException(string message) : base(message)
        {
        }
    }
}
