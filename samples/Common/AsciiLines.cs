namespace TinyLite.Samples
{
    /// <summary>Splits ASCII text into its non-empty lines (nanoFramework's mscorlib has no text encodings).</summary>
    public static class AsciiLines
    {
        /// <summary>The lines of <paramref name="text"/>, without line ends ("\n" or "\r\n") and without empty lines.</summary>
        public static string[] Split(byte[] text)
        {
            int count = 0;
            int start = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == (byte)'\n')
                {
                    if (LineLength(text, start, i) > 0)
                    {
                        count++;
                    }
                    start = i + 1;
                }
            }
            string[] lines = new string[count];
            count = 0;
            start = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == (byte)'\n')
                {
                    int length = LineLength(text, start, i);
                    if (length > 0)
                    {
                        char[] chars = new char[length];
                        for (int c = 0; c < length; c++)
                        {
                            chars[c] = (char)text[start + c];
                        }
                        lines[count++] = new string(chars);
                    }
                    start = i + 1;
                }
            }
            return lines;
        }

        // Length of the line [start, end) without a trailing '\r'.
        private static int LineLength(byte[] text, int start, int end)
        {
            return end > start && text[end - 1] == (byte)'\r' ? end - start - 1 : end - start;
        }
    }
}
