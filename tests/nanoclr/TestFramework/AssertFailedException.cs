using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown by <see cref="Assert"/> when a check fails.</summary>
    public class AssertFailedException : Exception
    {
        /// <summary>Creates the exception with what was expected and what was found.</summary>
        public AssertFailedException(string message) : base(message)
        {
        }
    }
}
