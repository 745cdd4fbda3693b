using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
// The IL opcode, not the runtime's kernel OpCode (TinyLite.Runtime.Execution, imported for the whole project).
using OpCode = System.Reflection.Emit.OpCode;

namespace TinyLite.Tests.Compat;

/// <summary>
/// Inspects a compiled assembly (the device build of nf-runtime) with System.Reflection.Metadata and lists
/// everything nanoCLR with nanoFramework's mscorlib cannot run: generics anywhere (definitions, TypeSpec and
/// MethodSpec instantiations, type parameters), pointers, function pointers, pinned locals, by-ref-like types
/// and multi-dimensional arrays in any signature, local signature or TypeSpec; unsupported IL instructions
/// (<see cref="NanoOpcodes"/>); static array data over 65,535 bytes; interface methods with bodies and static
/// abstract interface members; and TypeRefs/MemberRefs that the reference assemblies (mscorlib) do not define
/// with that name and signature.
/// </summary>
public sealed class NanoCompatChecker
{
    /// <summary>
    /// Largest static array initializer blob (field with RVA) nanoFramework's tooling keeps intact: its
    /// metadata processor writes offsets and sizes as 16-bit values (see DESIGN.md §3: larger
    /// initializers are silently truncated).
    /// </summary>
    public const int MaxStaticDataBytes = 65_535;

    private readonly Dictionary<string, ReferenceAssembly> _references = new(StringComparer.Ordinal);

    /// <summary>Creates a checker that resolves references against <paramref name="references"/> (mscorlib).</summary>
    public NanoCompatChecker(params ReferenceAssembly[] references)
    {
        foreach (ReferenceAssembly reference in references)
        {
            _references[reference.Name] = reference;
        }
    }

    /// <summary>Every violation in the assembly file at <paramref name="path"/>, sorted by location.</summary>
    public IReadOnlyList<CompatViolation> CheckFile(string path) => Check(File.ReadAllBytes(path));

    /// <summary>Every violation in the assembly image <paramref name="image"/>, sorted by location.</summary>
    public IReadOnlyList<CompatViolation> Check(byte[] image)
    {
        using var peReader = new PEReader(new MemoryStream(image));
        return new Pass(this, peReader).Run();
    }

    /// <summary>Size in bytes of an RVA field's data: its value type's ClassLayout size, or a primitive's size (0 when unknown).</summary>
    public static int StaticDataSize(MetadataReader reader, FieldDefinition field)
    {
        BlobReader blob = reader.GetBlobReader(field.Signature);
        blob.ReadSignatureHeader();
        SignatureTypeCode code = blob.ReadSignatureTypeCode();
        while (code is SignatureTypeCode.RequiredModifier or SignatureTypeCode.OptionalModifier)
        {
            blob.ReadTypeHandle();
            code = blob.ReadSignatureTypeCode();
        }

        switch (code)
        {
            case SignatureTypeCode.Boolean or SignatureTypeCode.SByte or SignatureTypeCode.Byte:
                return 1;
            case SignatureTypeCode.Char or SignatureTypeCode.Int16 or SignatureTypeCode.UInt16:
                return 2;
            case SignatureTypeCode.Int32 or SignatureTypeCode.UInt32 or SignatureTypeCode.Single:
                return 4;
            case SignatureTypeCode.Int64 or SignatureTypeCode.UInt64 or SignatureTypeCode.Double:
                return 8;
            case SignatureTypeCode.TypeHandle:
                EntityHandle type = blob.ReadTypeHandle();
                return type.Kind == HandleKind.TypeDefinition
                    ? reader.GetTypeDefinition((TypeDefinitionHandle)type).GetLayout().Size
                    : 0;
            default:
                return 0;
        }
    }

    private bool IsByRefLikeInReference(string assembly, string typeName)
    {
        return _references.TryGetValue(assembly, out ReferenceAssembly? reference) && reference.IsByRefLike(typeName);
    }

    /// <summary>One run over one assembly: its readers, the violations found and who uses each token.</summary>
    private sealed class Pass
    {
        private const int MaxUsersListed = 3;

        private readonly NanoCompatChecker _checker;
        private readonly PEReader _peReader;
        private readonly MetadataReader _reader;
        private readonly SignatureNamer _namer;
        private readonly List<CompatViolation> _violations = new();
        private readonly Dictionary<EntityHandle, SortedSet<string>> _users = new();

        public Pass(NanoCompatChecker checker, PEReader peReader)
        {
            _checker = checker;
            _peReader = peReader;
            _reader = peReader.GetMetadataReader();
            _namer = new SignatureNamer(isReferenceAssembly: false, checker.IsByRefLikeInReference);
        }

        public IReadOnlyList<CompatViolation> Run()
        {
            foreach (TypeDefinitionHandle type in _reader.TypeDefinitions)
            {
                CheckType(type);
            }

            // After the method bodies: they tell who uses each TypeSpec, MethodSpec and MemberRef.
            CheckTypeSpecs();
            CheckMethodSpecs();
            CheckMemberReferences();
            CheckTypeReferences();
            CheckAssemblyReferences();

            return _violations
                .Distinct()
                .OrderBy(v => v.Location, StringComparer.Ordinal)
                .ThenBy(v => v.Kind)
                .ThenBy(v => v.Message, StringComparer.Ordinal)
                .ToList();
        }

        private void Add(CompatViolationKind kind, string location, string message)
        {
            _violations.Add(new CompatViolation(kind, location, message));
        }

        private void CheckType(TypeDefinitionHandle handle)
        {
            TypeDefinition type = _reader.GetTypeDefinition(handle);
            string name = SignatureNamer.TypeDefinitionName(_reader, handle);
            if (type.GetGenericParameters().Count > 0)
            {
                Add(CompatViolationKind.Generic, "type " + name,
                    "generic type definition with " + type.GetGenericParameters().Count + " type parameter(s): nanoCLR 1.x has no generics");
            }

            if (SignatureNamer.IsByRefLike(_reader, handle))
            {
                Add(CompatViolationKind.ByRefLike, "type " + name, "declares a by-ref-like type (ref struct)");
            }

            if (type.BaseType.Kind == HandleKind.TypeSpecification)
            {
                Use(type.BaseType, "base type of " + name);
            }

            foreach (InterfaceImplementationHandle implementation in type.GetInterfaceImplementations())
            {
                EntityHandle implemented = _reader.GetInterfaceImplementation(implementation).Interface;
                if (implemented.Kind == HandleKind.TypeSpecification)
                {
                    Use(implemented, "interface of " + name);
                }
            }

            bool isInterface = (type.Attributes & TypeAttributes.Interface) != 0;
            foreach (MethodDefinitionHandle method in type.GetMethods())
            {
                CheckMethod(method, name, isInterface);
            }

            foreach (FieldDefinitionHandle field in type.GetFields())
            {
                CheckField(field, name);
            }
        }

        private void CheckMethod(MethodDefinitionHandle handle, string typeName, bool inInterface)
        {
            MethodDefinition method = _reader.GetMethodDefinition(handle);
            MethodSignature<string> plain = method.DecodeSignature(_namer, null);
            string location = typeName + "." + _reader.GetString(method.Name) + "(" + string.Join(", ", plain.ParameterTypes) + ")";

            if (method.GetGenericParameters().Count > 0)
            {
                Add(CompatViolationKind.Generic, location,
                    "generic method definition with " + method.GetGenericParameters().Count + " type parameter(s): nanoCLR 1.x has no generics");
            }

            var findings = new List<(CompatViolationKind Kind, string Message)>();
            method.DecodeSignature(_namer.WithFindings(findings), null);
            Report(findings, location, "signature: ");

            if (inInterface)
            {
                bool isStatic = (method.Attributes & MethodAttributes.Static) != 0;
                bool isAbstractOrVirtual = (method.Attributes & (MethodAttributes.Abstract | MethodAttributes.Virtual)) != 0;
                if (isStatic && isAbstractOrVirtual)
                {
                    Add(CompatViolationKind.StaticAbstractInterfaceMember, location,
                        "static abstract/virtual interface member: not supported by nanoCLR");
                }
                else if (method.RelativeVirtualAddress != 0)
                {
                    Add(CompatViolationKind.InterfaceMethodBody, location,
                        "interface method with a body (default interface method or static interface method): not supported by nanoCLR");
                }
            }

            if (method.RelativeVirtualAddress == 0)
            {
                return;
            }

            MethodBodyBlock body = _peReader.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
            {
                var localFindings = new List<(CompatViolationKind Kind, string Message)>();
                _reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(_namer.WithFindings(localFindings), null);
                Report(localFindings, location, "local variable: ");
            }

            ScanIl(body, location);
        }

        private void ScanIl(MethodBodyBlock body, string location)
        {
            BlobReader il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                int offset = il.Offset;
                ushort value = il.ReadByte();
                if (value == 0xFE)
                {
                    value = (ushort)(0xFE00 | il.ReadByte());
                }

                if (!NanoOpcodes.TryGet(value, out OpCode opCode))
                {
                    Add(CompatViolationKind.UnsupportedOpcode, location, "IL_" + offset.ToString("X4") + ": unknown opcode 0x" + value.ToString("X"));
                    return;
                }

                string? reason = NanoOpcodes.WhyUnsupported(opCode);
                if (reason != null)
                {
                    Add(CompatViolationKind.UnsupportedOpcode, location, "IL_" + offset.ToString("X4") + ": " + opCode.Name + " — " + reason);
                }

                if (opCode.OperandType == OperandType.InlineSwitch)
                {
                    int targets = il.ReadInt32();
                    il.Offset += 4 * targets;
                }
                else if (NanoOpcodes.HasTokenOperand(opCode))
                {
                    Use(MetadataTokens.EntityHandle(il.ReadInt32()), location);
                }
                else
                {
                    il.Offset += NanoOpcodes.OperandSize(opCode);
                }
            }
        }

        private void CheckField(FieldDefinitionHandle handle, string typeName)
        {
            FieldDefinition field = _reader.GetFieldDefinition(handle);
            string location = typeName + "::" + _reader.GetString(field.Name);
            var findings = new List<(CompatViolationKind Kind, string Message)>();
            field.DecodeSignature(_namer.WithFindings(findings), null);
            Report(findings, location, "field type: ");

            if ((field.Attributes & FieldAttributes.HasFieldRVA) != 0)
            {
                int size = StaticDataSize(_reader, field);
                if (size > MaxStaticDataBytes)
                {
                    Add(CompatViolationKind.LargeStaticData, location,
                        "static array initializer data of " + size + " bytes exceeds " + MaxStaticDataBytes +
                        " bytes (nanoFramework's tooling truncates it); split the array or load it from the image");
                }
            }
        }

        private void CheckTypeSpecs()
        {
            int rows = _reader.GetTableRowCount(TableIndex.TypeSpec);
            for (int row = 1; row <= rows; row++)
            {
                TypeSpecificationHandle handle = MetadataTokens.TypeSpecificationHandle(row);
                var findings = new List<(CompatViolationKind Kind, string Message)>();
                string name = _reader.GetTypeSpecification(handle).DecodeSignature(_namer.WithFindings(findings), null);
                Report(findings, "TypeSpec " + name + UsedBy(handle), "");
            }
        }

        private void CheckMethodSpecs()
        {
            int rows = _reader.GetTableRowCount(TableIndex.MethodSpec);
            for (int row = 1; row <= rows; row++)
            {
                MethodSpecificationHandle handle = MetadataTokens.MethodSpecificationHandle(row);
                MethodSpecification spec = _reader.GetMethodSpecification(handle);
                string arguments = string.Join(", ", spec.DecodeSignature(_namer, null));
                Add(CompatViolationKind.Generic, "MethodSpec " + MemberName(spec.Method) + "<" + arguments + ">" + UsedBy(handle),
                    "generic method instantiation: nanoCLR 1.x has no generics");
            }
        }

        private void CheckMemberReferences()
        {
            foreach (MemberReferenceHandle handle in _reader.MemberReferences)
            {
                MemberReference member = _reader.GetMemberReference(handle);
                string name = _reader.GetString(member.Name);
                string location = "reference to " + MemberName(handle) + UsedBy(handle);
                var findings = new List<(CompatViolationKind Kind, string Message)>();
                SignatureNamer reporting = _namer.WithFindings(findings);
                MethodSignature<string> methodSignature = default;
                string fieldType = "";
                bool isMethod = member.GetKind() == MemberReferenceKind.Method;
                if (isMethod)
                {
                    methodSignature = member.DecodeMethodSignature(reporting, null);
                }
                else
                {
                    fieldType = member.DecodeFieldSignature(reporting, null);
                }

                Report(findings, location, "signature: ");

                if (member.Parent.Kind != HandleKind.TypeReference)
                {
                    continue; // TypeSpec parents (arrays, instantiations) are checked as TypeSpecs.
                }

                var parent = (TypeReferenceHandle)member.Parent;
                string? assembly = SignatureNamer.ReferencedAssemblyName(_reader, parent);
                if (assembly == null || !_checker._references.TryGetValue(assembly, out ReferenceAssembly? reference))
                {
                    continue; // Own module, or an unknown assembly (reported once per AssemblyRef).
                }

                string typeName = SignatureNamer.ResolveScope(_reader, parent).Name;
                if (!reference.HasType(typeName))
                {
                    Add(CompatViolationKind.MissingMember, location,
                        typeName + "::" + name + " does not exist in nanoFramework's " + assembly + " (its type is missing)");
                    continue;
                }

                bool found = isMethod
                    ? reference.HasMethod(typeName, name, methodSignature)
                    : reference.HasField(typeName, name, fieldType);
                if (!found)
                {
                    string wanted = isMethod ? ReferenceAssembly.Describe(methodSignature) : fieldType;
                    Add(CompatViolationKind.MissingMember, location,
                        (isMethod ? "method " : "field ") + typeName + "::" + name + " " + wanted +
                        " does not exist in nanoFramework's " + assembly + " (no member of that name and signature)");
                }
            }
        }

        private void CheckTypeReferences()
        {
            foreach (TypeReferenceHandle handle in _reader.TypeReferences)
            {
                string? assembly = SignatureNamer.ReferencedAssemblyName(_reader, handle);
                if (assembly == null || !_checker._references.TryGetValue(assembly, out ReferenceAssembly? reference))
                {
                    continue;
                }

                string name = SignatureNamer.ResolveScope(_reader, handle).Name;
                if (!reference.HasType(name))
                {
                    Add(CompatViolationKind.MissingType, "reference to type " + name + UsedBy(handle),
                        "type " + name + " does not exist in nanoFramework's " + assembly);
                }
            }
        }

        private void CheckAssemblyReferences()
        {
            foreach (AssemblyReferenceHandle handle in _reader.AssemblyReferences)
            {
                string name = _reader.GetString(_reader.GetAssemblyReference(handle).Name);
                if (!_checker._references.ContainsKey(name))
                {
                    Add(CompatViolationKind.UnknownAssembly, "reference to assembly " + name,
                        "assembly " + name + " is not one the checker knows (" + string.Join(", ", _checker._references.Keys) +
                        "): its types and members cannot be verified; give the checker that assembly too");
                }
            }
        }

        private void Report(List<(CompatViolationKind Kind, string Message)> findings, string location, string prefix)
        {
            foreach ((CompatViolationKind kind, string message) in findings)
            {
                Add(kind, location, prefix + message);
            }
        }

        /// <summary>Records that <paramref name="user"/> uses a token, and so its MemberRef parent or MethodSpec method.</summary>
        private void Use(EntityHandle handle, string user)
        {
            if (!_users.TryGetValue(handle, out SortedSet<string>? users))
            {
                users = new SortedSet<string>(StringComparer.Ordinal);
                _users[handle] = users;
            }

            if (!users.Add(user))
            {
                return;
            }

            if (handle.Kind == HandleKind.MemberReference)
            {
                Use(_reader.GetMemberReference((MemberReferenceHandle)handle).Parent, user);
            }
            else if (handle.Kind == HandleKind.MethodSpecification)
            {
                Use(_reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method, user);
            }
        }

        private string UsedBy(EntityHandle handle)
        {
            if (!_users.TryGetValue(handle, out SortedSet<string>? users) || users.Count == 0)
            {
                return "";
            }

            string listed = string.Join("; ", users.Take(MaxUsersListed));
            return " (used by " + listed + (users.Count > MaxUsersListed ? "; +" + (users.Count - MaxUsersListed) + " more" : "") + ")";
        }

        private string MemberName(EntityHandle handle)
        {
            switch (handle.Kind)
            {
                case HandleKind.MethodDefinition:
                {
                    MethodDefinition method = _reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                    return SignatureNamer.TypeDefinitionName(_reader, method.GetDeclaringType()) + "::" + _reader.GetString(method.Name);
                }
                case HandleKind.MemberReference:
                {
                    MemberReference member = _reader.GetMemberReference((MemberReferenceHandle)handle);
                    return ParentName(member.Parent) + "::" + _reader.GetString(member.Name);
                }
                default:
                    return handle.Kind.ToString();
            }
        }

        private string ParentName(EntityHandle parent)
        {
            return parent.Kind switch
            {
                HandleKind.TypeReference => SignatureNamer.ResolveScope(_reader, (TypeReferenceHandle)parent).Name,
                HandleKind.TypeDefinition => SignatureNamer.TypeDefinitionName(_reader, (TypeDefinitionHandle)parent),
                HandleKind.TypeSpecification => _reader.GetTypeSpecification((TypeSpecificationHandle)parent).DecodeSignature(_namer, null),
                HandleKind.MethodDefinition => MemberName(parent),
                _ => parent.Kind.ToString(),
            };
        }
    }
}
