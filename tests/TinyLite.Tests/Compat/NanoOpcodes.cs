using System.Reflection;
using System.Reflection.Emit;
// The IL opcode, not the runtime's kernel OpCode (TinyLite.Runtime.Execution, imported for the whole project).
using OpCode = System.Reflection.Emit.OpCode;

namespace TinyLite.Tests.Compat;

/// <summary>
/// The IL instruction set as nanoCLR sees it: every opcode (taken from <see cref="OpCodes"/>, so operand
/// sizes are exact) and, for those nanoCLR cannot run faithfully, why.
/// </summary>
/// <remarks>
/// Based on nanoFramework's interpreter loop, <c>src/CLR/Core/Interpreter.cpp</c> in nanoframework/nf-interpreter
/// (main branch, the 1.x firmware that pairs with nanoFramework.CoreLibrary 1.17):
/// <list type="bullet">
/// <item><c>arglist, cpblk, jmp, initblk, calli, ckfinite, localloc, mkrefany, refanytype, refanyval, readonly.</c>
/// sit in its "Unsupported opcodes" block, which fails with <c>CLR_Checks::VerifyUnsupportedInstruction</c>
/// (later preview firmware implements localloc/cpblk, but the firmware we target does not).</item>
/// <item><c>add.ovf(.un)</c>, <c>sub.ovf(.un)</c>, <c>mul.ovf(.un)</c> share the case of plain add/sub/mul
/// (<c>NumericAdd</c> etc.): no overflow is ever detected, so a C# <c>checked</c> block silently wraps on the
/// device while the host build throws. <c>conv.ovf.*</c> are checked by nanoCLR, but they only come from
/// <c>checked</c> code, which the TinyLite dialect bans outright; all <c>*.ovf*</c> are reported.</item>
/// <item><c>sizeof</c> pushes the size of nanoCLR's internal heap block (or a multiple of it), not the
/// type's size: code relying on it computes different numbers on device and host.</item>
/// <item><c>tail.</c>, <c>unaligned.</c>, <c>volatile.</c> are in its "These opcodes do nothing" block: the
/// call or access that follows runs normally, which keeps the program's meaning (a tail call just uses a
/// frame; nanoCLR accesses are neither unaligned nor reordered), so they are allowed. <c>constrained.</c>
/// is likewise a no-op there and is allowed.</item>
/// </list>
/// </remarks>
public static class NanoOpcodes
{
    private static readonly Dictionary<ushort, OpCode> s_byValue = BuildTable();

    private static readonly Dictionary<string, string> s_unsupported = new(StringComparer.Ordinal)
    {
        ["localloc"] = "stackalloc/localloc is not supported by nanoCLR 1.x",
        ["cpblk"] = "cpblk (unsafe block copy) is not supported by nanoCLR 1.x",
        ["initblk"] = "initblk (unsafe block init) is not supported by nanoCLR",
        ["calli"] = "calli (call through a function pointer) is not supported by nanoCLR",
        ["jmp"] = "jmp is not supported by nanoCLR",
        ["ckfinite"] = "ckfinite is not supported by nanoCLR",
        ["arglist"] = "arglist (__arglist varargs) is not supported by nanoCLR",
        ["mkrefany"] = "mkrefany (__makeref) is not supported by nanoCLR",
        ["refanytype"] = "refanytype (__reftype) is not supported by nanoCLR",
        ["refanyval"] = "refanyval (__refvalue) is not supported by nanoCLR",
        ["readonly."] = "the readonly. prefix is not supported by nanoCLR",
        ["sizeof"] = "sizeof yields nanoCLR's internal heap-block size on the device, not the type's size",
    };

    /// <summary>The opcode for a one-byte value, or <c>0xFE00 | second byte</c> for two-byte ones.</summary>
    public static bool TryGet(ushort value, out OpCode opCode) => s_byValue.TryGetValue(value, out opCode);

    /// <summary>Why nanoCLR cannot run <paramref name="opCode"/> faithfully, or null when it can.</summary>
    public static string? WhyUnsupported(OpCode opCode)
    {
        if (opCode.Name!.Contains(".ovf", StringComparison.Ordinal))
        {
            return "overflow-checked instruction (C# checked): banned in the TinyLite dialect; nanoCLR runs add/sub/mul.ovf " +
                   "without any overflow check, so device and host would differ";
        }

        return s_unsupported.TryGetValue(opCode.Name, out string? reason) ? reason : null;
    }

    /// <summary>Operand size in bytes (the switch table's count word excluded: see <see cref="OperandType.InlineSwitch"/>).</summary>
    public static int OperandSize(OpCode opCode)
    {
        return opCode.OperandType switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            OperandType.InlineSwitch => 4,
            _ => 4,
        };
    }

    /// <summary>True when the operand is a metadata token (type, method, field, signature, any member).</summary>
    public static bool HasTokenOperand(OpCode opCode)
    {
        return opCode.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineSig
            or OperandType.InlineTok or OperandType.InlineType;
    }

    private static Dictionary<ushort, OpCode> BuildTable()
    {
        var table = new Dictionary<ushort, OpCode>();
        foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is OpCode opCode)
            {
                table[(ushort)opCode.Value] = opCode;
            }
        }

        return table;
    }
}
