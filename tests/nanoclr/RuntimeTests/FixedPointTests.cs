using nanoFramework.TestFramework;
using TinyLite.Runtime.Math;

namespace TinyLite.DeviceTests
{
    /// <summary>TFLM's fixed-point primitives on values worked out by hand (gemmlowp semantics).</summary>
    [TestClass]
    public class FixedPointTests
    {
        [TestMethod]
        public void DoublingHighMul_SaturatesOnlyForMinTimesMin()
        {
            Assert.AreEqual(int.MaxValue, FixedPoint.SaturatingRoundingDoublingHighMul(int.MinValue, int.MinValue));
            // 2^30 * 2^30 * 2 / 2^32 = 2^29 exactly.
            Assert.AreEqual(1 << 29, FixedPoint.SaturatingRoundingDoublingHighMul(1 << 30, 1 << 30));
            // -2^31 * 2^30 * 2 / 2^32 = -2^30.
            Assert.AreEqual(-(1 << 30), FixedPoint.SaturatingRoundingDoublingHighMul(int.MinValue, 1 << 30));
        }

        [TestMethod]
        public void DoublingHighMul_RoundsHalfAwayFromZero()
        {
            // 3 * 2^30 * 2 / 2^32 = 1.5 -> 2; -1.5 -> -2 (nudge toward zero for negatives, then truncate).
            Assert.AreEqual(2, FixedPoint.SaturatingRoundingDoublingHighMul(3, 1 << 30));
            Assert.AreEqual(-1, FixedPoint.SaturatingRoundingDoublingHighMul(-3, 1 << 30));
        }

        [TestMethod]
        public void RoundingDivideByPot_RoundsHalfAwayFromZero()
        {
            Assert.AreEqual(3, FixedPoint.RoundingDivideByPot(5, 1));
            Assert.AreEqual(-3, FixedPoint.RoundingDivideByPot(-5, 1));
            Assert.AreEqual(2, FixedPoint.RoundingDivideByPot(4, 1));
            Assert.AreEqual(1, FixedPoint.RoundingDivideByPot(5, 2));
            Assert.AreEqual(7, FixedPoint.RoundingDivideByPot(7, 0));
        }

        [TestMethod]
        public void MultiplyByQuantizedMultiplier_ScalesByMultiplierTimesPowerOfTwo()
        {
            // 2^30 is 0.5 in Q0.31: 100 * 0.5 = 50; with a left shift of 1, 100; right shift of 1, 25.
            Assert.AreEqual(50, FixedPoint.MultiplyByQuantizedMultiplier(100, 1 << 30, 0));
            Assert.AreEqual(100, FixedPoint.MultiplyByQuantizedMultiplier(100, 1 << 30, 1));
            Assert.AreEqual(25, FixedPoint.MultiplyByQuantizedMultiplier(100, 1 << 30, -1));
            Assert.AreEqual(-25, FixedPoint.MultiplyByQuantizedMultiplier(-100, 1 << 30, -1));
        }
    }
}
