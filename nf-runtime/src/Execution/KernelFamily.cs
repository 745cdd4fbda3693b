namespace TinyLite.Runtime.Execution
{
    /// <summary>Runs one kernel of a family (a family's generated <c>Run</c>).</summary>
    public delegate void KernelRun(KernelContext ctx, OpRecord op);

    /// <summary>Returns null if the record is valid for its kernel, else what is wrong (a family's generated <c>Validate</c>).</summary>
    public delegate string KernelValidate(KernelContext ctx, OpRecord op);

    /// <summary>
    /// One kernel family: one range of <see cref="OpCode.FamilyRange"/> kernel codes (<see cref="OpCode"/>) and, on a
    /// device, one assembly.
    /// A family makes itself known with <see cref="KernelDispatch.Register"/>: each family's generated static
    /// <c>Register()</c> (Kernels/&lt;Family&gt;/&lt;Family&gt;Family.g.cs) hands it its number and its <c>Run</c> and
    /// <c>Validate</c>, so an app deploys and registers only the families its models use.
    /// </summary>
    public sealed class KernelFamily
    {
        /// <summary>The family <paramref name="number"/>, running and validating its kernels with <paramref name="run"/> and <paramref name="validate"/>.</summary>
        public KernelFamily(int number, KernelRun run, KernelValidate validate)
        {
            _number = number;
            _run = run;
            _validate = validate;
        }

        /// <summary>Runs one kernel of this family. Assumes <see cref="Validate"/> accepted the record at load time.</summary>
        public void Run(KernelContext ctx, OpRecord op)
        {
            _run(ctx, op);
        }

        /// <summary>Returns null if the record is valid for its kernel, else what is wrong.</summary>
        public string Validate(KernelContext ctx, OpRecord op)
        {
            return _validate(ctx, op);
        }

        /// <summary>The family's number: it owns kernel codes <c>Number * OpCode.FamilyRange</c> up to, not including,
        /// <c>(Number + 1) * OpCode.FamilyRange</c>.</summary>
        public int Number
        {
            get { return _number; }
        }

        /// <summary>What a family's <c>Validate</c> says of a code in its range that none of its kernels has.</summary>
        public static string UnknownCode(OpRecord op)
        {
            return "unknown kernel code " + op.Code.ToString();
        }

        // What the constructor was given.
        private readonly int _number;
        private readonly KernelRun _run;
        private readonly KernelValidate _validate;
    }
}
