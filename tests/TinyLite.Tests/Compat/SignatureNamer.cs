using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace TinyLite.Tests.Compat;

/// <summary>
/// Decodes signature blobs (fields, methods, locals, TypeSpecs, MemberRefs) of one assembly into readable,
/// comparable type names, and — when made with a findings list (<see cref="WithFindings"/>) — records every
/// construct nanoCLR cannot run: pointers, function pointers, pinned locals, multi-dimensional arrays,
/// generic instantiations and parameters, by-ref-like types. A namer without a findings list only names.
/// </summary>
/// <remarks>
/// Names are canonical across assemblies so that a MemberRef signature of the checked assembly can be
/// compared with the MethodDef/FieldDef signature in the reference assembly: a type prints as
/// <c>Namespace.Name</c> (nested: <c>Outer/Inner</c>) whether it is reached through a TypeRef to another
/// assembly or is a TypeDef of the reference assembly itself; a type defined by the checked assembly gets
/// its assembly name in brackets (<c>[TinyLite.Runtime]Ns.Name</c>), so it never matches a corlib type.
/// </remarks>
public sealed class SignatureNamer : ISignatureTypeProvider<string, object?>
{
    private readonly bool _isReferenceAssembly;
    private readonly Func<string, string, bool> _isByRefLikeInReference;
    private readonly List<(CompatViolationKind Kind, string Message)>? _findings;

    /// <summary>Creates a namer; the metadata it decodes comes with each callback.</summary>
    /// <param name="isReferenceAssembly">True when the decoded assembly is a reference assembly
    /// (mscorlib): its own TypeDefs then print without an assembly prefix.</param>
    /// <param name="isByRefLikeInReference">Tells, for (reference assembly name, canonical type name),
    /// whether that type is a <c>ref struct</c>.</param>
    /// <param name="findings">Where to record forbidden constructs; null to only name types.</param>
    public SignatureNamer(bool isReferenceAssembly, Func<string, string, bool> isByRefLikeInReference,
        List<(CompatViolationKind Kind, string Message)>? findings = null)
    {
        _isReferenceAssembly = isReferenceAssembly;
        _isByRefLikeInReference = isByRefLikeInReference;
        _findings = findings;
    }

    /// <summary>The same namer, recording forbidden constructs into <paramref name="findings"/>.</summary>
    public SignatureNamer WithFindings(List<(CompatViolationKind Kind, string Message)> findings)
    {
        return new SignatureNamer(_isReferenceAssembly, _isByRefLikeInReference, findings);
    }

    /// <inheritdoc/>
    public string GetPrimitiveType(PrimitiveTypeCode typeCode)
    {
        if (typeCode == PrimitiveTypeCode.TypedReference)
        {
            _findings?.Add((CompatViolationKind.ByRefLike, "TypedReference (by-ref-like) in a signature"));
        }

        return typeCode switch
        {
            PrimitiveTypeCode.Boolean => "bool",
            PrimitiveTypeCode.Char => "char",
            PrimitiveTypeCode.SByte => "int8",
            PrimitiveTypeCode.Byte => "uint8",
            PrimitiveTypeCode.Int16 => "int16",
            PrimitiveTypeCode.UInt16 => "uint16",
            PrimitiveTypeCode.Int32 => "int32",
            PrimitiveTypeCode.UInt32 => "uint32",
            PrimitiveTypeCode.Int64 => "int64",
            PrimitiveTypeCode.UInt64 => "uint64",
            PrimitiveTypeCode.Single => "float32",
            PrimitiveTypeCode.Double => "float64",
            PrimitiveTypeCode.IntPtr => "native int",
            PrimitiveTypeCode.UIntPtr => "native uint",
            PrimitiveTypeCode.Object => "object",
            PrimitiveTypeCode.String => "string",
            PrimitiveTypeCode.Void => "void",
            PrimitiveTypeCode.TypedReference => "typedref",
            _ => typeCode.ToString(),
        };
    }

    /// <inheritdoc/>
    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        string name = TypeDefinitionName(reader, handle);
        name = _isReferenceAssembly ? name : "[" + AssemblyName(reader) + "]" + name;
        if (_findings != null && IsByRefLike(reader, handle))
        {
            _findings.Add((CompatViolationKind.ByRefLike, "by-ref-like type (ref struct) " + name + " in a signature"));
        }

        return name;
    }

    /// <inheritdoc/>
    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
    {
        (string? assembly, string name) = ResolveScope(reader, handle);
        string? referenced = ReferencedAssemblyName(reader, handle);
        if (_findings != null && referenced != null && _isByRefLikeInReference(referenced, name))
        {
            _findings.Add((CompatViolationKind.ByRefLike, "by-ref-like type (ref struct) " + name + " in a signature"));
        }

        return assembly == null ? name : "[" + assembly + "]" + name;
    }

    /// <inheritdoc/>
    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle,
        byte rawTypeKind)
    {
        return reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
    }

    /// <inheritdoc/>
    public string GetSZArrayType(string elementType) => elementType + "[]";

    /// <inheritdoc/>
    public string GetArrayType(string elementType, ArrayShape shape)
    {
        string name = elementType + "[" + new string(',', shape.Rank - 1) + "]";
        _findings?.Add((CompatViolationKind.MultiDimensionalArray, "multi-dimensional array " + name));
        return name;
    }

    /// <inheritdoc/>
    public string GetByReferenceType(string elementType) => elementType + "&";

    /// <inheritdoc/>
    public string GetPointerType(string elementType)
    {
        _findings?.Add((CompatViolationKind.Pointer, "pointer type " + elementType + "*"));
        return elementType + "*";
    }

    /// <inheritdoc/>
    public string GetPinnedType(string elementType)
    {
        _findings?.Add((CompatViolationKind.Pointer, "pinned local " + elementType + " (fixed statement)"));
        return elementType + " pinned";
    }

    /// <inheritdoc/>
    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
    {
        string name = genericType + "<" + string.Join(", ", typeArguments) + ">";
        _findings?.Add((CompatViolationKind.Generic, "generic instantiation " + name));
        return name;
    }

    /// <inheritdoc/>
    public string GetGenericMethodParameter(object? genericContext, int index)
    {
        _findings?.Add((CompatViolationKind.Generic, "generic method type parameter !!" + index + " in a signature"));
        return "!!" + index;
    }

    /// <inheritdoc/>
    public string GetGenericTypeParameter(object? genericContext, int index)
    {
        _findings?.Add((CompatViolationKind.Generic, "generic type parameter !" + index + " in a signature"));
        return "!" + index;
    }

    /// <inheritdoc/>
    public string GetFunctionPointerType(MethodSignature<string> signature)
    {
        string name = "method " + signature.ReturnType + " *(" + string.Join(", ", signature.ParameterTypes) + ")";
        _findings?.Add((CompatViolationKind.FunctionPointer, "function pointer type " + name));
        return name;
    }

    /// <inheritdoc/>
    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired)
    {
        return unmodifiedType + (isRequired ? " modreq(" : " modopt(") + modifier + ")";
    }

    /// <summary>The canonical name of a TypeDef: <c>Namespace.Name</c>, nested types as <c>Outer/Inner</c>.</summary>
    public static string TypeDefinitionName(MetadataReader reader, TypeDefinitionHandle handle)
    {
        TypeDefinition type = reader.GetTypeDefinition(handle);
        string name = reader.GetString(type.Name);
        TypeDefinitionHandle declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return TypeDefinitionName(reader, declaring) + "/" + name;
        }

        string ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary>
    /// A TypeRef's canonical name, and the assembly prefix it prints with: null when it resolves through an
    /// AssemblyRef (see <see cref="ReferencedAssemblyName"/> for which), this assembly's name when module-local.
    /// </summary>
    public static (string? Assembly, string Name) ResolveScope(MetadataReader reader, TypeReferenceHandle handle)
    {
        TypeReference type = reader.GetTypeReference(handle);
        string name = reader.GetString(type.Name);
        EntityHandle scope = type.ResolutionScope;
        if (scope.Kind == HandleKind.TypeReference)
        {
            (string? outerAssembly, string outer) = ResolveScope(reader, (TypeReferenceHandle)scope);
            return (outerAssembly, outer + "/" + name);
        }

        string ns = reader.GetString(type.Namespace);
        string full = ns.Length == 0 ? name : ns + "." + name;
        if (scope.Kind == HandleKind.AssemblyReference)
        {
            return (null, full);
        }

        // Module scope (or nil): a type of this very assembly.
        return (AssemblyName(reader), full);
    }

    /// <summary>The name of the assembly <paramref name="reader"/> describes.</summary>
    public static string AssemblyName(MetadataReader reader)
    {
        return reader.IsAssembly ? reader.GetString(reader.GetAssemblyDefinition().Name) : "module";
    }

    /// <summary>The AssemblyRef name a TypeRef ultimately resolves through, or null for module-local scope.</summary>
    public static string? ReferencedAssemblyName(MetadataReader reader, TypeReferenceHandle handle)
    {
        EntityHandle scope = reader.GetTypeReference(handle).ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }

        return scope.Kind == HandleKind.AssemblyReference
            ? reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name)
            : null;
    }

    /// <summary>True when the TypeDef carries <c>IsByRefLikeAttribute</c> (C# <c>ref struct</c>).</summary>
    public static bool IsByRefLike(MetadataReader reader, TypeDefinitionHandle handle)
    {
        foreach (CustomAttributeHandle attributeHandle in reader.GetTypeDefinition(handle).GetCustomAttributes())
        {
            if (AttributeTypeName(reader, reader.GetCustomAttribute(attributeHandle)) ==
                "System.Runtime.CompilerServices.IsByRefLikeAttribute")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The canonical name of a custom attribute's type.</summary>
    public static string AttributeTypeName(MetadataReader reader, CustomAttribute attribute)
    {
        EntityHandle parent = attribute.Constructor.Kind switch
        {
            HandleKind.MethodDefinition => reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            HandleKind.MemberReference => reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            _ => default,
        };
        return parent.Kind switch
        {
            HandleKind.TypeDefinition => TypeDefinitionName(reader, (TypeDefinitionHandle)parent),
            HandleKind.TypeReference => ResolveScope(reader, (TypeReferenceHandle)parent).Name,
            _ => "",
        };
    }
}
