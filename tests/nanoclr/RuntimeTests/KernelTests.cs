using nanoFramework.TestFramework;
using TinyLite.Runtime.Execution;

namespace TinyLite.DeviceTests
{
    /// <summary>Single kernels through the dispatcher, on tensors built in code, with results worked out by hand.</summary>
    [TestClass]
    public class KernelTests
    {
        [TestMethod]
        public void ReluS8_ClampsAtTheOutputZeroPoint()
        {
            byte[] arena = new byte[] { unchecked((byte)-5), 3, 100, unchecked((byte)-128), 0, 0, 0, 0 };
            KernelContext ctx = Context(arena, 4);
            // Multiplier 0.5 (2^30) with a left shift of 1 is the identity; zero points 0; clamp [0, 127].
            OpRecord op = Record(OpCode.ReluS8, new int[] { 4, 0, 0, 1 << 30, 1, 0, 127 });
            Assert.IsNull(KernelDispatch.Validate(ctx, op));
            KernelDispatch.Run(ctx, op);
            Assert.AreEqual(new byte[] { 0, 3, 100, 0 }, Slice(arena, 4, 4));
        }

        [TestMethod]
        public void ReluS8_RescalesThenClamps()
        {
            byte[] arena = new byte[] { 10, 11, unchecked((byte)-10), 127, 0, 0, 0, 0 };
            KernelContext ctx = Context(arena, 4);
            // Scale 0.5 (2^30, no shift), output zero point 3: 10 -> 5 + 3, 11 -> 5.5 rounds to 6, + 3; -10 -> -5 + 3
            // clamped to 3 (the output zero point); 127 -> 63.5 -> 64, + 3.
            OpRecord op = Record(OpCode.ReluS8, new int[] { 4, 0, 3, 1 << 30, 0, 3, 127 });
            Assert.IsNull(KernelDispatch.Validate(ctx, op));
            KernelDispatch.Run(ctx, op);
            Assert.AreEqual(new byte[] { 8, 9, 3, 67 }, Slice(arena, 4, 4));
        }

        [TestMethod]
        public void Validate_RefusesParamsThatDoNotFitTheTensors()
        {
            KernelContext ctx = Context(new byte[8], 4);
            Assert.IsNotNull(KernelDispatch.Validate(ctx, Record(OpCode.ReluS8, new int[] { 5, 0, 0, 1 << 30, 1, 0, 127 })), "count past the tensor");
            Assert.IsNotNull(KernelDispatch.Validate(ctx, Record(OpCode.ReluS8, new int[] { 4, 0, 0, 1 << 30, 1, 0, 200 })), "clamp past int8");
            Assert.IsNotNull(KernelDispatch.Validate(ctx, Record(OpCode.ReluS8, new int[] { 4, 0, 0 })), "too few params");
        }

        [TestMethod]
        public void Copy_MovesTheBytes()
        {
            byte[] arena = new byte[] { 1, 2, 3, 4, 0, 0, 0, 0 };
            KernelContext ctx = Context(arena, 4);
            OpRecord op = Record(OpCode.Copy, new int[] { 4 });
            Assert.IsNull(KernelDispatch.Validate(ctx, op));
            KernelDispatch.Run(ctx, op);
            Assert.AreEqual(new byte[] { 1, 2, 3, 4 }, Slice(arena, 4, 4));
        }

        [TestMethod]
        public void UnknownCode_IsRefused()
        {
            KernelContext ctx = Context(new byte[8], 4);
            Assert.Contains("unknown kernel code", KernelDispatch.Validate(ctx, Record(OpCode.End, new int[] { 4 })));
            Assert.IsFalse(KernelDispatch.IsRegistered(OpCode.End));
            Assert.IsTrue(KernelDispatch.IsRegistered(OpCode.ReluS8));
        }

        /// <summary>Two int8 tensors of <paramref name="count"/> elements: tensor 0 at offset 0, tensor 1 right after.</summary>
        private static KernelContext Context(byte[] arena, int count)
        {
            return new KernelContext(new byte[][] { arena, arena }, new int[] { 0, count }, new int[] { count, count },
                new int[] { TensorType.Int8, TensorType.Int8 });
        }

        private static OpRecord Record(int code, int[] parameters)
        {
            OpRecord op = new OpRecord();
            op.Code = code;
            op.Inputs = new int[] { 0 };
            op.Outputs = new int[] { 1 };
            op.Params = parameters;
            return op;
        }

        private static byte[] Slice(byte[] data, int offset, int count)
        {
            byte[] part = new byte[count];
            for (int i = 0; i < count; i++)
            {
                part[i] = data[offset + i];
            }
            return part;
        }
    }
}
