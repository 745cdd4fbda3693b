using System;
using TinyLite.Runtime.Math;

namespace TinyLite.Runtime.Kernels.Float
{
    /// <summary>
    /// The output step <see cref="ConvF32"/>, <see cref="DepthwiseConvF32"/> and <see cref="FullyConnectedF32"/>
    /// share, as TFLM's float references: <c>total + bias</c> (bias 0 without one), clamped as
    /// <c>std::min(std::max(r, lo), hi)</c>, stored.
    /// </summary>
    public static class FloatBiasClamp
    {
        /// <summary>Writes the output of <paramref name="channel"/> at byte <paramref name="o"/>.</summary>
        /// <param name="output">The output buffer.</param>
        /// <param name="o">Byte offset of the output element.</param>
        /// <param name="total">The channel's sum of products.</param>
        /// <param name="bias">The bias buffer, or null without a bias.</param>
        /// <param name="biasBase">Byte offset of the bias of channel 0.</param>
        /// <param name="channel">The output channel.</param>
        /// <param name="actMin">Lower clamp.</param>
        /// <param name="actMax">Upper clamp.</param>
        public static void Store(byte[] output, int o, float total, byte[] bias, int biasBase, int channel, float actMin,
            float actMax)
        {
            float biasValue = bias != null ? BitConverter.ToSingle(bias, biasBase + 4 * channel) : 0.0f;
            float r = total + biasValue;
            // std::min(std::max(r, lo), hi).
            r = r < actMin ? actMin : r;
            r = actMax < r ? actMax : r;
            FloatBits.Write(output, o, r);
        }
    }
}
