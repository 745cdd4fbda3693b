namespace TinyLite.Runtime.Execution
{
    /// <summary>
    /// One kernel family: one range of <see cref="OpCode.FamilyRange"/> kernel codes (<see cref="OpCode"/>) and, on a
    /// device, one assembly.
    /// A family makes itself known with <see cref="KernelDispatch.Register"/> (each family's static
    /// <c>Register()</c> does it), so an app deploys and registers only the families its models use.
    /// </summary>
    public abstract class KernelFamily
    {
        /// <summary>The family's number: it owns kernel codes <c>Number * OpCode.FamilyRange</c> up to, not including,
        /// <c>(Number + 1) * OpCode.FamilyRange</c>.</summary>
        public abstract int Number { get; }

        /// <summary>Runs one kernel of this family. Assumes <see cref="Validate"/> accepted the record at load time.</summary>
        public abstract void Run(KernelContext ctx, OpRecord op);

        /// <summary>Returns null if the record is valid for its kernel, else what is wrong.</summary>
        public abstract string Validate(KernelContext ctx, OpRecord op);
    }
}
