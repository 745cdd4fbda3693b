using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace TinyLite.Tests.Compat;

/// <summary>
/// The metadata of one assembly the device has (nanoFramework's <c>mscorlib.dll</c>): which types it defines,
/// which are by-ref-like, and whether a method or field of a given name and signature exists, so that the
/// TypeRefs and MemberRefs of a checked assembly can be resolved against it by name and signature.
/// </summary>
public sealed class ReferenceAssembly
{
    private readonly MetadataReader _reader;
    private readonly SignatureNamer _namer;
    private readonly Dictionary<string, TypeDefinitionHandle> _types = new(StringComparer.Ordinal);
    private readonly HashSet<string> _byRefLike = new(StringComparer.Ordinal);

    /// <summary>Reads the assembly at <paramref name="path"/>.</summary>
    public ReferenceAssembly(string path)
    {
        // The whole image is copied into memory: the reader then owns no file handle.
        var peReader = new PEReader(new MemoryStream(File.ReadAllBytes(path)));
        _reader = peReader.GetMetadataReader();
        Name = SignatureNamer.AssemblyName(_reader);
        _namer = new SignatureNamer(isReferenceAssembly: true, (_, _) => false);
        foreach (TypeDefinitionHandle handle in _reader.TypeDefinitions)
        {
            string name = SignatureNamer.TypeDefinitionName(_reader, handle);
            _types[name] = handle;
            if (SignatureNamer.IsByRefLike(_reader, handle))
            {
                _byRefLike.Add(name);
            }
        }
    }

    /// <summary>The assembly's simple name (<c>mscorlib</c>).</summary>
    public string Name { get; }

    /// <summary>True when the assembly defines a type of that canonical name (<c>Ns.Name</c>, <c>Outer/Inner</c>).</summary>
    public bool HasType(string canonicalName) => _types.ContainsKey(canonicalName);

    /// <summary>True when that type is a <c>ref struct</c> (e.g. nanoFramework's <c>System.SpanByte</c>).</summary>
    public bool IsByRefLike(string canonicalName) => _byRefLike.Contains(canonicalName);

    /// <summary>
    /// True when <paramref name="typeName"/> or one of its base types defines a method called
    /// <paramref name="name"/> whose signature prints the same (calling convention, instance-ness,
    /// generic arity, return and parameter types).
    /// </summary>
    public bool HasMethod(string typeName, string name, MethodSignature<string> signature)
    {
        string wanted = Describe(signature);
        for (TypeDefinitionHandle type = Find(typeName); !type.IsNil; type = BaseType(type))
        {
            foreach (MethodDefinitionHandle handle in _reader.GetTypeDefinition(type).GetMethods())
            {
                MethodDefinition method = _reader.GetMethodDefinition(handle);
                if (_reader.StringComparer.Equals(method.Name, name) &&
                    Describe(method.DecodeSignature(_namer, null)) == wanted)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="typeName"/> or a base type defines field <paramref name="name"/> of that type.</summary>
    public bool HasField(string typeName, string name, string fieldType)
    {
        for (TypeDefinitionHandle type = Find(typeName); !type.IsNil; type = BaseType(type))
        {
            foreach (FieldDefinitionHandle handle in _reader.GetTypeDefinition(type).GetFields())
            {
                FieldDefinition field = _reader.GetFieldDefinition(handle);
                if (_reader.StringComparer.Equals(field.Name, name) && field.DecodeSignature(_namer, null) == fieldType)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A method signature as one comparable string: <c>[instance] [generic`N] ret(p1, p2)</c>.</summary>
    public static string Describe(MethodSignature<string> signature)
    {
        return (signature.Header.IsInstance ? "instance " : "") +
               (signature.Header.CallingConvention == SignatureCallingConvention.Default ? "" : signature.Header.CallingConvention + " ") +
               (signature.GenericParameterCount == 0 ? "" : "generic`" + signature.GenericParameterCount + " ") +
               signature.ReturnType + "(" + string.Join(", ", signature.ParameterTypes) + ")";
    }

    private TypeDefinitionHandle Find(string typeName)
    {
        return _types.TryGetValue(typeName, out TypeDefinitionHandle handle) ? handle : default;
    }

    private TypeDefinitionHandle BaseType(TypeDefinitionHandle type)
    {
        EntityHandle baseType = _reader.GetTypeDefinition(type).BaseType;
        return baseType.Kind switch
        {
            HandleKind.TypeDefinition => (TypeDefinitionHandle)baseType,
            // A corlib references nothing outside itself; a TypeRef base would be another assembly's type.
            HandleKind.TypeReference => Find(SignatureNamer.ResolveScope(_reader, (TypeReferenceHandle)baseType).Name),
            _ => default,
        };
    }
}
