namespace TinyLite.Runtime.Execution
{
    /// <summary>
    /// Routes an <see cref="OpRecord"/> to its kernel family by code range. On a device each family lives in
    /// its own assembly and registers itself (<c>ConvFamily.Register()</c> ...) before an image is loaded; the
    /// host build holds every family and registers them all up front.
    /// </summary>
    public static class KernelDispatch
    {
        private const int FamilySlots = KernelFamilies.Slots;

        private static readonly KernelFamily[] Families = new KernelFamily[FamilySlots];

#if !NANOFRAMEWORK_1_0
        static KernelDispatch()
        {
            KernelFamilies.RegisterAll();
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
            int number = code / OpCode.FamilyRange;
            return number >= 1 && number < FamilySlots && Families[number] != null;
        }

        /// <summary>Runs one kernel. Assumes <see cref="Validate"/> accepted the record at load time.</summary>
        public static void Run(KernelContext ctx, OpRecord op)
        {
            Families[op.Code / OpCode.FamilyRange].Run(ctx, op);
        }

        /// <summary>
        /// Checks at load time that the code is known, that its family is registered and that the parameters are
        /// consistent with the byte sizes of the tensors the kernel touches, so that <see cref="Run"/> cannot index
        /// out of bounds. Returns null when valid, else what is wrong.
        /// </summary>
        public static string Validate(KernelContext ctx, OpRecord op)
        {
            int number = op.Code / OpCode.FamilyRange;
            // A number without a family name is a gap in the manifest (reserved): no kernel has such a code.
            string name = op.Code < OpCode.First || op.Code >= OpCode.End ? null : KernelFamilies.Name(number);
            if (name == null)
            {
                return KernelFamily.UnknownCode(op);
            }
            KernelFamily family = Families[number];
            if (family == null)
            {
                return "kernel family " + name + " (codes " + (number * OpCode.FamilyRange).ToString() + "-" + (number * OpCode.FamilyRange + OpCode.FamilyRange - 1).ToString()
                    + ") is not registered: deploy TinyLite.Kernels." + name + " and call " + name + "Family.Register() before loading";
            }
            return family.Validate(ctx, op);
        }
    }
}
