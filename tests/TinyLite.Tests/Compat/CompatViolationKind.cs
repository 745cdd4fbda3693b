namespace TinyLite.Tests.Compat;

/// <summary>What kind of construct nanoCLR (with nanoFramework.CoreLibrary 1.17's mscorlib) cannot run.</summary>
public enum CompatViolationKind
{
    /// <summary>Generic type or method definition, generic instantiation (TypeSpec/MethodSpec), type parameter.</summary>
    Generic,

    /// <summary>Unmanaged pointer type or pinned local (<c>fixed</c>).</summary>
    Pointer,

    /// <summary>Function pointer type (<c>delegate*</c>).</summary>
    FunctionPointer,

    /// <summary>
    /// By-ref-like type (<c>ref struct</c>, Span, TypedReference). Includes nanoFramework's own
    /// <c>System.SpanByte</c>: nanoCLR can run it, but the TinyLite dialect bans Span-like types (kernels take
    /// <c>(byte[] data, int offset)</c>), so the check holds the device build to that rule too.
    /// </summary>
    ByRefLike,

    /// <summary>Multi-dimensional array (<c>int[,]</c>); jagged arrays are fine.</summary>
    MultiDimensionalArray,

    /// <summary>IL instruction nanoCLR rejects or runs with different semantics.</summary>
    UnsupportedOpcode,

    /// <summary>Static array data (field with RVA) larger than 65,535 bytes.</summary>
    LargeStaticData,

    /// <summary>Interface method with a body (default interface method, static method in an interface).</summary>
    InterfaceMethodBody,

    /// <summary>Static abstract or static virtual interface member.</summary>
    StaticAbstractInterfaceMember,

    /// <summary>Type reference to a type the reference assembly does not define.</summary>
    MissingType,

    /// <summary>Member reference to a method or field the reference assembly does not define with that signature.</summary>
    MissingMember,

    /// <summary>Reference to an assembly the checker was not given (cannot be verified).</summary>
    UnknownAssembly,
}
