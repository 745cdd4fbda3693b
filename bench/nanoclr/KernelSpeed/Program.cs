using System;
using TinyLite.Runtime;
using TinyLite.Runtime.Execution;
using TinyLite.Runtime.Kernels.Conv;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Kernels.Elementwise;
using TinyLite.Runtime.Kernels.Shape;

namespace TinyLite.Bench.NanoClr
{
    /// <summary>
    /// Times the managed kernels on nanoCLR: synthetic calls per kernel family (MAC/s), then one whole model
    /// (ms per inference, MAC/s, outputs checked against the golden bytes). The model image comes from
    /// generated/ModelData.g.cs, written by ../run.sh. Time is read from DateTime.UtcNow (100 ns ticks).
    /// </summary>
    public static class Program
    {
        /// <summary>Each synthetic case is repeated until this much time has passed (100 ns ticks): 0.5 s.</summary>
        private const long MinTicks = 5000000;

        private static uint _seed = 12345;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            // The device build registers no family by itself (each lives in its own assembly on a device; here all
            // sources are compiled in, still under NANOFRAMEWORK_1_0).
            ConvFamily.Register();
            DenseFamily.Register();
            ElementwiseFamily.Register();
            ShapeFamily.Register();
            if (ModelData.RunKernels)
            {
                Kernels();
            }
            Model();
        }

        private static void Kernels()
        {
            Calibrate();
            // kws_dscnn's shapes: 49x10x1 input, 10x4 stride-2 conv to 25x5x64, 3x3 depthwise, 1x1 64 -> 64.
            Conv("conv s8 10x4/2 1->64 (kws first layer)", OpCode.ConvS8, 49, 10, 1, 10, 4, 25, 5, 64, 2, 4, 1, false);
            Conv("conv s8 1x1 64->64 (kws, layer plan)", OpCode.ConvS8, 25, 5, 64, 1, 1, 25, 5, 64, 1, 0, 0, false);
            Conv("conv s8 3x3 16->32 pad 1", OpCode.ConvS8, 12, 12, 16, 3, 3, 12, 12, 32, 1, 1, 1, false);
            Depthwise("depthwise s8 3x3 64ch (kws, layer plan)", OpCode.DepthwiseConvS8, false);
            Depthwise("depthwise s8 in-place 3x3 64ch (kws)", OpCode.DepthwiseConvS8InPlace, false);
            Conv("pointwise s8 in-place 64->64 (kws)", OpCode.PointwiseConvS8InPlace, 25, 5, 64, 1, 1, 25, 5, 64, 1, 0, 0, false);
            Fc("fully connected s8 256->64", OpCode.FullyConnectedS8, 256, 64);
            Pool("average pool s8 25x5x64 -> 1x1 (adds)");
            Conv("conv s4 1x1 64->64", OpCode.ConvS4, 25, 5, 64, 1, 1, 25, 5, 64, 1, 0, 0, true);
            Conv("conv s4 3x3 16->32 pad 1", OpCode.ConvS4, 12, 12, 16, 3, 3, 12, 12, 32, 1, 1, 1, true);
            Depthwise("depthwise s4 3x3 64ch", OpCode.DepthwiseConvS4, true);
            Depthwise("depthwise s4 in-place 3x3 64ch", OpCode.DepthwiseConvS4InPlace, true);
            Conv("pointwise s4 in-place 64->64 (kws)", OpCode.PointwiseConvS4InPlace, 25, 5, 64, 1, 1, 25, 5, 64, 1, 0, 0, true);
            Fc("fully connected s4 256->64", OpCode.FullyConnectedS4, 256, 64);
        }

        /// <summary>
        /// The yardsticks: a bare int8 dot product over byte arrays (sign-extended like the kernels' loads),
        /// plain and unrolled by four; they say how fast this nanoCLR runs compared with other machines.
        /// </summary>
        private static void Calibrate()
        {
            byte[] a = Random(4096);
            byte[] b = Random(4096);
            int n = a.Length;
            int sink = 0;
            long best = long.MaxValue;
            long start = DateTime.UtcNow.Ticks;
            long now;
            do
            {
                long t0 = DateTime.UtcNow.Ticks;
                int acc = 0;
                for (int i = 0; i < n; i++)
                {
                    acc += (sbyte)a[i] * (sbyte)b[i];
                }
                sink += acc;
                now = DateTime.UtcNow.Ticks;
                best = Min(best, now - t0);
            }
            while (now - start < MinTicks);
            Console.WriteLine("calibration int8 dot product, plain loop: " + Rate(n, best) + " MAC/s");
            best = long.MaxValue;
            start = DateTime.UtcNow.Ticks;
            do
            {
                long t0 = DateTime.UtcNow.Ticks;
                int acc = 0;
                for (int i = 0; i < n; i += 4)
                {
                    acc += (sbyte)a[i] * (sbyte)b[i] + (sbyte)a[i + 1] * (sbyte)b[i + 1]
                        + (sbyte)a[i + 2] * (sbyte)b[i + 2] + (sbyte)a[i + 3] * (sbyte)b[i + 3];
                }
                sink += acc;
                now = DateTime.UtcNow.Ticks;
                best = Min(best, now - t0);
            }
            while (now - start < MinTicks);
            Console.WriteLine("calibration int8 dot product, unrolled by 4: " + Rate(n, best) + " MAC/s"
                + (sink == 1 ? " " : ""));
        }

        private static void Model()
        {
            byte[] image = ModelData.Image();
            Interpreter interpreter = new Interpreter(image);
            int cases = ModelData.CaseCount;
            int mismatches = 0;
            long best = long.MaxValue;
            int runs = 0;
            for (int c = 0; c < cases; c++)
            {
                interpreter.SetInput(0, ModelData.Input(c));
                long t0 = DateTime.UtcNow.Ticks;
                interpreter.Invoke();
                best = Min(best, DateTime.UtcNow.Ticks - t0);
                runs++;
                byte[] got = interpreter.GetOutput(0);
                byte[] want = ModelData.Golden(c);
                if (!Same(got, want))
                {
                    mismatches++;
                }
            }
            // More inferences: the fastest is the one least disturbed by other processes.
            for (int r = 0; r < 12; r++)
            {
                long t0 = DateTime.UtcNow.Ticks;
                interpreter.Invoke();
                best = Min(best, DateTime.UtcNow.Ticks - t0);
                runs++;
            }
            Console.WriteLine("model " + ModelData.Name + " plan " + ModelData.Plan + ": " + Ms(best) + " ms per inference, "
                + Rate(ModelData.Macs, best) + " MAC/s (best of " + runs.ToString() + "), golden "
                + (cases - mismatches).ToString() + "/" + cases.ToString() + (mismatches == 0 ? " bit-exact" : " MISMATCH"));
        }

        private static long Min(long a, long b)
        {
            return a < b ? a : b;
        }

        private static bool Same(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }
            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }
            return true;
        }

        // Tensors of every synthetic call: 0 input, 1 filter/weights, 2 bias int32, 3 (multiplier, shift) pairs,
        // 4 output, 5 scratch (in-place kernels).

        private static void Conv(string name, int code, int inH, int inW, int inC, int fH, int fW, int outH, int outW, int outC,
            int stride, int padTop, int padLeft, bool int4)
        {
            bool inPlace = code == OpCode.PointwiseConvS8InPlace || code == OpCode.PointwiseConvS4InPlace;
            int weights = outC * fH * fW * inC;
            int[] p = new int[]
            {
                1, inH, inW, inC, fH, fW, inC, outH, outW, outC, stride, stride, 1, 1, padTop, padLeft, 3, -5, -128, 127,
            };
            int inBytes = inH * inW * inC;
            int outBytes = outH * outW * outC;
            Setup(inPlace, inBytes, int4 ? (weights + 1) / 2 : weights, outC, outBytes, inPlace ? outC : 0,
                TensorType.Int8, int4 ? TensorType.Int4 : TensorType.Int8);
            long macs = (long)outH * outW * outC * fH * fW * inC;
            Time(name, code, p, macs);
        }

        private static void Depthwise(string name, int code, bool int4)
        {
            bool inPlace = code == OpCode.DepthwiseConvS8InPlace || code == OpCode.DepthwiseConvS4InPlace;
            int[] p = new int[] { 1, 25, 5, 64, 3, 3, 1, 25, 5, 64, 1, 1, 1, 1, 1, 1, 3, -5, -128, 127 };
            int weights = 64 * 9;
            Setup(inPlace, 25 * 5 * 64, int4 ? weights / 2 : weights, 64, 25 * 5 * 64, inPlace ? 25 * 5 : 0,
                TensorType.Int8, int4 ? TensorType.Int4 : TensorType.Int8);
            Time(name, code, p, 25L * 5 * 64 * 9);
        }

        private static void Fc(string name, int code, int inDepth, int outDepth)
        {
            bool int4 = code == OpCode.FullyConnectedS4;
            int[] p = new int[] { 1, inDepth, outDepth, -5, -128, 127, 1 };
            Setup(false, inDepth, outDepth * (int4 ? (inDepth + 1) / 2 : inDepth), outDepth, outDepth, 0, TensorType.Int8,
                TensorType.Int8);
            Time(name, code, p, (long)inDepth * outDepth);
        }

        private static void Pool(string name)
        {
            int[] p = new int[] { 1, 25, 5, 64, 1, 1, 1, 1, 25, 5, 0, 0, -128, 127 };
            Setup(false, 25 * 5 * 64, 0, 0, 64, 0, TensorType.Int8, TensorType.Int8);
            _inputs = new int[] { 0 };
            _outputs = new int[] { 4 };
            Time(name, OpCode.AveragePoolS8, p, 25L * 5 * 64);
        }

        private static KernelContext _ctx;
        private static int[] _inputs;
        private static int[] _outputs;

        private static void Setup(bool inPlace, int inBytes, int filterBytes, int channels, int outBytes, int scratchBytes,
            int actType, int filterType)
        {
            byte[][] buffers = new byte[6][];
            int[] offsets = new int[6];
            int[] sizes = new int[6];
            int[] types = new int[] { actType, filterType, TensorType.Int32, TensorType.Int32, actType, TensorType.Int8 };
            int ioBytes = inBytes > outBytes ? inBytes : outBytes;
            buffers[0] = Random(inPlace ? ioBytes : inBytes);
            sizes[0] = inBytes;
            buffers[1] = Random(filterBytes);
            sizes[1] = filterBytes;
            buffers[2] = new byte[channels * 4];
            sizes[2] = channels * 4;
            buffers[3] = new byte[channels * 8];
            sizes[3] = channels * 8;
            for (int c = 0; c < channels; c++)
            {
                // Bias about +-2^14, multipliers in [2^30, 2^31), shifts -6..-9.
                Put(buffers[2], c * 4, (int)(Next() & 0x7FFF) - 0x4000);
                Put(buffers[3], c * 8, 0x40000000 + (int)(Next() & 0x3FFFFFFF));
                Put(buffers[3], c * 8 + 4, -6 - (c & 3));
            }
            buffers[4] = inPlace ? buffers[0] : new byte[outBytes];
            sizes[4] = outBytes;
            buffers[5] = new byte[scratchBytes > 0 ? scratchBytes : 1];
            sizes[5] = scratchBytes;
            _ctx = new KernelContext(buffers, offsets, sizes, types);
            _inputs = new int[] { 0, 1, 2, 3 };
            _outputs = inPlace ? new int[] { 4, 5 } : new int[] { 4 };
        }

        private static void Time(string name, int code, int[] p, long macs)
        {
            OpRecord op = new OpRecord();
            op.Code = code;
            op.Inputs = _inputs;
            op.Outputs = _outputs;
            op.Params = p;
            string error = KernelDispatch.Validate(_ctx, op);
            if (error != null)
            {
                Console.WriteLine("kernel " + name + ": invalid record: " + error);
                return;
            }
            KernelDispatch.Run(_ctx, op);
            // The fastest of many calls: on a shared machine the slower ones were interrupted.
            int runs = 0;
            long best = long.MaxValue;
            long start = DateTime.UtcNow.Ticks;
            long now;
            do
            {
                long t0 = DateTime.UtcNow.Ticks;
                KernelDispatch.Run(_ctx, op);
                now = DateTime.UtcNow.Ticks;
                if (now - t0 < best)
                {
                    best = now - t0;
                }
                runs++;
            }
            while (now - start < MinTicks || runs < 5);
            Console.WriteLine("kernel " + name + ": " + Rate(macs, best) + " MAC/s (" + Ms(best) + " ms per call, best of "
                + runs.ToString() + ")");
        }

        /// <summary>MAC/s as "x.yz M" from MACs per call and 100 ns ticks per call.</summary>
        private static string Rate(long macs, long ticks)
        {
            long centiMega = macs * 10000000L / (ticks > 0 ? ticks : 1) / 10000;
            return (centiMega / 100).ToString() + "." + Two(centiMega % 100) + " M";
        }

        /// <summary>Milliseconds with one decimal from 100 ns ticks.</summary>
        private static string Ms(long ticks)
        {
            long tenths = ticks / 1000;
            return (tenths / 10).ToString() + "." + (tenths % 10).ToString();
        }

        private static string Two(long v)
        {
            return v < 10 ? "0" + v.ToString() : v.ToString();
        }

        private static byte[] Random(int n)
        {
            byte[] b = new byte[n > 0 ? n : 1];
            for (int i = 0; i < n; i++)
            {
                b[i] = (byte)(Next() >> 8);
            }
            return b;
        }

        private static uint Next()
        {
            _seed = _seed * 1664525 + 1013904223;
            return _seed >> 8;
        }

        private static void Put(byte[] b, int at, int v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
            b[at + 2] = (byte)(v >> 16);
            b[at + 3] = (byte)(v >> 24);
        }
    }
}
