using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// The checks of nanoFramework.TestFramework's <c>Assert</c> that TinyLite's tests use, with the same names and
    /// argument order (expected first). Overloads per type instead of generics: nanoCLR does not run generics.
    /// </summary>
    public static class Assert
    {
        /// <summary>Fails unless the two integers are equal.</summary>
        public static void AreEqual(int expected, int actual, string message = "")
        {
            if (expected != actual)
            {
                Fail("expected " + expected.ToString() + ", got " + actual.ToString(), message);
            }
        }

        /// <summary>Fails unless the two long integers are equal.</summary>
        public static void AreEqual(long expected, long actual, string message = "")
        {
            if (expected != actual)
            {
                Fail("expected " + expected.ToString() + ", got " + actual.ToString(), message);
            }
        }

        /// <summary>Fails unless the two unsigned integers are equal.</summary>
        public static void AreEqual(uint expected, uint actual, string message = "")
        {
            if (expected != actual)
            {
                Fail("expected " + expected.ToString() + ", got " + actual.ToString(), message);
            }
        }

        /// <summary>Fails unless the two strings are equal (ordinal).</summary>
        public static void AreEqual(string expected, string actual, string message = "")
        {
            if (expected != actual)
            {
                Fail("expected \"" + Show(expected) + "\", got \"" + Show(actual) + "\"", message);
            }
        }

        /// <summary>Fails unless the two byte arrays have the same length and bytes; names the first difference.</summary>
        public static void AreEqual(byte[] expected, byte[] actual, string message = "")
        {
            if (expected == null || actual == null)
            {
                if (expected != actual)
                {
                    Fail(expected == null ? "expected null, got an array" : "expected an array, got null", message);
                }
                return;
            }
            if (expected.Length != actual.Length)
            {
                Fail("expected " + expected.Length.ToString() + " bytes, got " + actual.Length.ToString(), message);
            }
            for (int i = 0; i < expected.Length; i++)
            {
                if (expected[i] != actual[i])
                {
                    Fail("byte " + i.ToString() + ": expected " + expected[i].ToString() + ", got " + actual[i].ToString(), message);
                }
            }
        }

        /// <summary>Fails unless the two integers differ.</summary>
        public static void AreNotEqual(int notExpected, int actual, string message = "")
        {
            if (notExpected == actual)
            {
                Fail("expected anything but " + notExpected.ToString(), message);
            }
        }

        /// <summary>Fails unless <paramref name="condition"/> is true.</summary>
        public static void IsTrue(bool condition, string message = "")
        {
            if (!condition)
            {
                Fail("expected true", message);
            }
        }

        /// <summary>Fails unless <paramref name="condition"/> is false.</summary>
        public static void IsFalse(bool condition, string message = "")
        {
            if (condition)
            {
                Fail("expected false", message);
            }
        }

        /// <summary>Fails unless <paramref name="value"/> is null.</summary>
        public static void IsNull(object value, string message = "")
        {
            if (value != null)
            {
                Fail("expected null, got " + value.ToString(), message);
            }
        }

        /// <summary>Fails unless <paramref name="value"/> is not null.</summary>
        public static void IsNotNull(object value, string message = "")
        {
            if (value == null)
            {
                Fail("expected a value, got null", message);
            }
        }

        /// <summary>Fails unless <paramref name="text"/> contains <paramref name="part"/>.</summary>
        public static void Contains(string part, string text, string message = "")
        {
            if (text == null || text.IndexOf(part) < 0)
            {
                Fail("expected text containing \"" + part + "\", got \"" + Show(text) + "\"", message);
            }
        }

        /// <summary>
        /// Runs <paramref name="action"/> and fails unless it throws an exception of exactly
        /// <paramref name="exceptionType"/>; returns the exception for further checks.
        /// </summary>
        public static Exception ThrowsException(Type exceptionType, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                if (e.GetType() != exceptionType)
                {
                    Fail("expected " + exceptionType.FullName + ", got " + e.GetType().FullName + ": " + e.Message, message);
                }
                return e;
            }
            Fail("expected " + exceptionType.FullName + ", nothing was thrown", message);
            return null;
        }

        /// <summary>Fails the test.</summary>
        public static void Fail(string message)
        {
            throw new AssertFailedException(message);
        }

        /// <summary>Ends the test as skipped, with the reason.</summary>
        public static void SkipTest(string message)
        {
            throw new SkipTestException(message);
        }

        private static void Fail(string what, string message)
        {
            throw new AssertFailedException(message == null || message.Length == 0 ? what : message + ": " + what);
        }

        private static string Show(string text)
        {
            return text == null ? "(null)" : text;
        }
    }
}
