#if !NANOFRAMEWORK_1_0
using TinyLite.Runtime.Kernels.Conv;
using TinyLite.Runtime.Kernels.Dense;
using TinyLite.Runtime.Kernels.Elementwise;
using TinyLite.Runtime.Kernels.Shape;
#endif

namespace TinyLite.Runtime.Execution
{
    /// <summary>
    /// Routes an <see cref="OpRecord"/> to its kernel family by code range. On a device each family lives in
    /// its own assembly and registers itself (<c>ConvFamily.Register()</c> ...) before an image is loaded; the
    /// host build holds every family and registers them all up front.
    /// </summary>
    public static class KernelDispatch
    {
        /// <summary>Family numbers are 1 to <c>FamilySlots - 1</c> (codes 100-499, see <see cref="OpCode"/>).</summary>
        private const int FamilySlots = OpCode.End / 100;

        private static readonly KernelFamily[] Families = new KernelFamily[FamilySlots];

        /// <summary>The device assembly of each family number, for the message when one is missing.</summary>
        private static readonly string[] FamilyNames = new string[] { null, "Conv", "Dense", "Elementwise", "Shape" };

#if !NANOFRAMEWORK_1_0
        static KernelDispatch()
        {
            ConvFamily.Register();
            DenseFamily.Register();
            ElementwiseFamily.Register();
            ShapeFamily.Register();
        }
#endif

        /// <summary>Makes <paramref name="family"/> the one that runs its code range (registering twice is harmless).</summary>
        public static void Register(KernelFamily family)
        {
            int number = family.Number;
            if (number < 1 || number >= FamilySlots)
            {
                throw new System.ArgumentException("kernel family number " + number.ToString() + " is outside 1.." + (FamilySlots - 1).ToString());
            }
            Families[number] = family;
        }

        /// <summary>True when the family that runs <paramref name="code"/> is registered.</summary>
        public static bool IsRegistered(int code)
        {
            int number = code / 100;
            return number >= 1 && number < FamilySlots && Families[number] != null;
        }

        /// <summary>Runs one kernel. Assumes <see cref="Validate"/> accepted the record at load time.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            Families[op.Code / 100].Run(ctx, op);
        }

        /// <summary>
        /// Checks at load time that the code is known, that its family is registered and that the parameters are
        /// consistent with the byte sizes of the tensors the kernel touches, so that <see cref="Run"/> cannot index
        /// out of bounds. Returns null when valid, else what is wrong.
        /// </summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            int number = op.Code / 100;
            if (op.Code < OpCode.First || op.Code >= OpCode.End)
            {
                return "unknown kernel code " + op.Code.ToString();
            }
            KernelFamily family = Families[number];
            if (family == null)
            {
                string name = FamilyNames[number];
                return "kernel family " + name + " (codes " + (number * 100).ToString() + "-" + (number * 100 + 99).ToString()
                    + ") is not registered: deploy TinyLite.Kernels." + name + " and call " + name + "Family.Register() before loading";
            }
            return family.Validate(ctx, op);
        }
    }
}
