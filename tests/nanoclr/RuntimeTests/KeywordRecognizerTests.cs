using nanoFramework.TestFramework;
using TinyLite.Runtime.Speech;

namespace TinyLite.DeviceTests
{
    /// <summary>The speech recognizer's rules on hand-made scores, runnable on nanoCLR (the lane) and on the host.</summary>
    [TestClass]
    public class KeywordRecognizerTests
    {
        [TestMethod]
        public void Smoothing_Threshold_Refractory_OnHandMadeScores()
        {
            KeywordRecognizer r = new KeywordRecognizer(2, 2, 150, 1000);
            r.IgnoreLabel(0);
            Assert.IsTrue(r.Update(new int[] { 0, 200 }, 0), "one classification held: 200 >= 150");
            Assert.IsTrue(r.PollEvent());
            Assert.IsFalse(r.PollEvent(), "each event is polled once");
            Assert.IsFalse(r.Update(new int[] { 0, 255 }, 500), "(200 + 255) / 2 = 227, but inside the refractory period");
            Assert.AreEqual(227, r.TopScore);
            Assert.IsTrue(r.Update(new int[] { 0, 100 }, 1000), "(255 + 100) / 2 = 177 once the period is over");
            Assert.AreEqual(1, r.EventLabel);
            Assert.AreEqual(177, r.EventScore);
            Assert.AreEqual(1000L, r.EventTimeMs);
            Assert.IsFalse(r.Update(new int[] { 255, 0 }, 5000), "(100 + 0) / 2 = 50 for label 1; label 0 is top and ignored");
            Assert.AreEqual(0, r.TopLabel);
            Assert.AreEqual(2, r.EventCount);
        }
    }
}
