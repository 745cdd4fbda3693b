#!/usr/bin/env python3
"""Writes the nanoFramework interop lookup table of TinyLite.Runtime.Native from the deployed .pe file.

usage:
  pe_interop_table.py PE [-o OUT.cpp] [--glue-header H]   write the table file (stdout without -o)
  pe_interop_table.py PE --check FILE.cpp [--glue-header H]  exit 1 (and say why) when FILE.cpp is not what PE gives
  pe_interop_table.py PE --dump                            print the assembly's types and methods as read

PE is the metadata processor's output for TinyLite.Runtime.Native (nf-runtime/device/TinyLite.Runtime.Native,
`MDP -parse TinyLite.Runtime.Native.dll -compile TinyLite.Runtime.Native.pe false`). The written file is
native-kernels/src/interop/nanoframework/TinyLite_Runtime_Native.cpp: the method lookup table nanoCLR indexes by
MethodDef row (NULL for a managed method, the glue's handler for an InternalCall one) and the
CLR_RT_NativeAssemblyData record with the native-methods checksum and the version of the .pe header.

What is read, and checked (any failure is one line on stderr naming the file and the problem, exit status 2):
  * the assembly header (CLR_RECORD_ASSEMBLY of nf-interpreter's nanoCLR_Types.h): marker "NFMRK1", table
    offsets inside the file and in order, the header and assembly CRC32s the metadata processor writes;
  * the TypeDef (24-byte records) and MethodDef (16-byte records) tables: each type's methods are the contiguous
    rows methods_First .. + virtual + instance + static counts, and together the types cover every row in order;
  * each InternalCall method's handler name, derived like the metadata processor's stub generator does it:
    <name>___STATIC__<return>__<param>... (instance methods: <name>___<return>...), nanoCLR data type names
    (I4, U1, SZARRAY_U1 ...); the class part is <namespace>_<class> with dots as underscores;
  * the native-methods checksum recomputed from those names (CRC32, ZModem table, over "NULL" for every managed
    method of every class or struct and over assembly name + class name + handler name for every InternalCall one;
    the metadata processor's running value reads 0 until the first InternalCall method has been counted, so the
    "NULL"s before it and that method's assembly and class names drop out)
    must equal the header's: a mismatch means this reader and the metadata processor disagree, so nothing is
    written;
  * every derived handler must be declared in the glue header (TinyLite_Runtime_Native.h, NANOCLR_NATIVE_DECLARE):
    an extern without a handler fails here, not at link time.

Only the format written by nanoFramework's metadata processor for nanoCLR's "NFMRK1" assemblies is supported
(nf-interpreter a3e8139 and its MDP). Written by the TinyLite authors from the format's description in
nf-interpreter's headers; no nanoFramework code.
"""

import argparse
import os
import re
import struct
import sys

MARKER = b"NFMRK1\x00\x00"

# CLR_RECORD_ASSEMBLY: marker[8], headerCRC, assemblyCRC, flags, nativeMethodsChecksum, patchEntryOffset (u32 each),
# version (4 x u16), assemblyName (u16, string index), stringTableVersion (u16), startOfTables[16] (u32),
# numOfPatchedMethods (u32), paddingOfTables[16] (u8).
HEADER_FORMAT = "<8sIIIII4HHH16II16B"
HEADER_BYTES = struct.calcsize(HEADER_FORMAT)  # 124
HEADER_CRC_OFFSET = 8

TABLE_COUNT = 16
TBL_TYPEDEF = 4
TBL_METHODDEF = 6
TBL_STRINGS = 11
TBL_SIGNATURES = 12
TBL_END_OF_ASSEMBLY = 15

# CLR_RECORD_TYPEDEF: name, nameSpace, extends, enclosingType, interfaces, methods_First (u16), vMethods_Num,
# iMethods_Num, sMethods_Num, dataType (u8), sFields_First, iFields_First (u16), sFields_Num, iFields_Num (u8),
# flags (u16).
TYPEDEF_FORMAT = "<6H4B2H2BH"
TYPEDEF_BYTES = struct.calcsize(TYPEDEF_FORMAT)  # 24
# CLR_RECORD_METHODDEF: name (u16), RVA (u16), flags (u32), retVal, numArgs, numLocals, lengthEvalStack (u8),
# locals, sig (u16).
METHODDEF_FORMAT = "<HHI4BHH"
METHODDEF_BYTES = struct.calcsize(METHODDEF_FORMAT)  # 16

TD_SEMANTICS_MASK = 0x0030
TD_SEMANTICS_CLASS = 0x0000
TD_SEMANTICS_VALUETYPE = 0x0010
TD_DELEGATE = 0x0200
TD_MULTICAST_DELEGATE = 0x0400
MD_STATIC = 0x00000010
MD_ABSTRACT = 0x00000200
NO_INDEX = 0xFFFF
NATIVE_RVA = 0xFFFF  # the MDP gives methods without IL (InternalCall) this byte-code offset

# Strings with an index of 0xFFFF - 860 and above live in nanoCLR's built-in string table (StringTableData.cpp of
# nf-interpreter a3e8139: 860 entries), not in the assembly.
BUILTIN_STRING_COUNT = 860
FIRST_BUILTIN_STRING = 0xFFFF - BUILTIN_STRING_COUNT

# nanoCLR data types (CLR_DataType of nanoCLR_Types.h) that may appear in an extern's signature, with the name the
# stub generator uses for them. Anything else (classes, value types, generics) is refused: extend this reader.
DATA_TYPE_NAMES = {
    0x00: "VOID", 0x01: "BOOLEAN", 0x02: "I1", 0x03: "U1", 0x04: "CHAR", 0x05: "I2", 0x06: "U2", 0x07: "I4",
    0x08: "U4", 0x09: "R4", 0x0A: "I8", 0x0B: "U8", 0x0C: "R8", 0x0D: "DATETIME", 0x0E: "TIMESPAN",
    0x0F: "STRING", 0x10: "OBJECT",
}
DATATYPE_SZARRAY = 0x13
DATATYPE_BYREF = 0x14
CALLCONV_GENERIC = 0x10


class PeError(Exception):
    """The file is not a .pe this reader understands (the message says what is wrong)."""


def _crc_table():
    table = []
    for byte in range(256):
        value = byte << 24
        for _ in range(8):
            value = ((value << 1) ^ 0x04C11DB7) if value & 0x80000000 else (value << 1)
        table.append(value & 0xFFFFFFFF)
    return table


_CRC_TABLE = _crc_table()


def crc32_zmodem(data, crc=0):
    """CRC32 as nanoFramework computes it (polynomial 0x04C11DB7, MSB first, no reflection, no final xor)."""
    for byte in data:
        crc = (_CRC_TABLE[((crc >> 24) ^ byte) & 0xFF] ^ (crc << 8)) & 0xFFFFFFFF
    return crc


class PeType:
    def __init__(self, row, name, namespace, enclosing, first_method, method_count, flags):
        self.row = row
        self.name = name
        self.namespace = namespace
        self.enclosing = enclosing  # row of the enclosing TypeDef or None
        self.first_method = first_method
        self.method_count = method_count
        self.flags = flags
        self.stub_name = None  # <enclosing>_<namespace>_<name> with dots as underscores

    def included_in_stubs(self):
        """Classes and structs take part in the native checksum; delegates, interfaces and enums do not."""
        if self.flags & (TD_DELEGATE | TD_MULTICAST_DELEGATE):
            return False
        return (self.flags & TD_SEMANTICS_MASK) in (TD_SEMANTICS_CLASS, TD_SEMANTICS_VALUETYPE)


class PeMethod:
    def __init__(self, row, name, rva, flags, sig):
        self.row = row
        self.name = name
        self.rva = rva
        self.flags = flags
        self.sig = sig
        self.owner = None
        self.handler = None  # mangled handler name for InternalCall methods

    def is_native(self):
        return self.rva == NATIVE_RVA and not self.flags & MD_ABSTRACT


class PeAssembly:
    def __init__(self):
        self.name = None
        self.version = None
        self.checksum = None
        self.types = []
        self.methods = []


def _u16(data, offset):
    return struct.unpack_from("<H", data, offset)[0]


def parse_pe(data):
    """Reads the header, types and methods of a .pe; raises PeError on anything malformed."""
    if len(data) < HEADER_BYTES:
        raise PeError("%d bytes: shorter than the %d-byte assembly header" % (len(data), HEADER_BYTES))
    fields = struct.unpack_from(HEADER_FORMAT, data, 0)
    marker, header_crc, assembly_crc, _flags, checksum, _patch = fields[0:6]
    version = fields[6:10]
    name_index = fields[10]
    starts = fields[12:12 + TABLE_COUNT]
    paddings = fields[12 + TABLE_COUNT + 1:]
    if marker != MARKER:
        raise PeError("no nanoFramework assembly marker (expected NFMRK1, found %r)" % marker[:6])
    if starts[0] != HEADER_BYTES:
        raise PeError("first table at %d, expected right after the %d-byte header" % (starts[0], HEADER_BYTES))
    for table in range(1, TABLE_COUNT):
        if starts[table] < starts[table - 1]:
            raise PeError("table %d starts before table %d (offsets out of order)" % (table, table - 1))
    if starts[TBL_END_OF_ASSEMBLY] != len(data):
        raise PeError("the header gives %d bytes, the file has %d (truncated or padded)"
                      % (starts[TBL_END_OF_ASSEMBLY], len(data)))
    header_copy = bytearray(data[:HEADER_BYTES])
    header_copy[HEADER_CRC_OFFSET:HEADER_CRC_OFFSET + 4] = b"\x00\x00\x00\x00"
    if crc32_zmodem(header_copy) != header_crc:
        raise PeError("header CRC32 mismatch (the header is corrupted)")
    if crc32_zmodem(data[HEADER_BYTES:]) != assembly_crc:
        raise PeError("assembly CRC32 mismatch (the tables are corrupted)")

    def table(index, record_bytes=1):
        size = starts[index + 1] - starts[index] - paddings[index]
        if size < 0 or size % record_bytes != 0:
            raise PeError("table %d is %d bytes, not a whole number of %d-byte records" % (index, size, record_bytes))
        return starts[index], size

    strings_start, strings_size = table(TBL_STRINGS)
    sig_start, sig_size = table(TBL_SIGNATURES)

    def string(index, what):
        if index >= FIRST_BUILTIN_STRING:
            raise PeError("%s is nanoCLR built-in string %d, which this reader does not hold"
                          % (what, 0xFFFF - index))
        if index >= strings_size:
            raise PeError("%s: string index %d past the %d-byte string table" % (what, index, strings_size))
        end = data.find(b"\x00", strings_start + index, strings_start + strings_size)
        if end < 0:
            raise PeError("%s: string at %d is not NUL-terminated inside the string table" % (what, index))
        try:
            return data[strings_start + index:end].decode("utf-8")
        except UnicodeDecodeError:
            raise PeError("%s: string at %d is not UTF-8" % (what, index))

    assembly = PeAssembly()
    assembly.name = string(name_index, "assembly name")
    assembly.version = tuple(version)
    assembly.checksum = checksum

    method_start, method_size = table(TBL_METHODDEF, METHODDEF_BYTES)
    for row in range(method_size // METHODDEF_BYTES):
        name, rva, flags, _ret, _args, _locals, _stack, _locals_sig, sig = struct.unpack_from(
            METHODDEF_FORMAT, data, method_start + row * METHODDEF_BYTES)
        assembly.methods.append(PeMethod(row, name, rva, flags, sig))

    type_start, type_size = table(TBL_TYPEDEF, TYPEDEF_BYTES)
    next_method = 0
    for row in range(type_size // TYPEDEF_BYTES):
        (name, namespace, _extends, enclosing, _interfaces, first, v_num, i_num, s_num, _data_type,
         _sf_first, _if_first, _sf_num, _if_num, flags) = struct.unpack_from(
            TYPEDEF_FORMAT, data, type_start + row * TYPEDEF_BYTES)
        count = v_num + i_num + s_num
        if count > 0 and first != next_method:
            raise PeError("type %d's methods start at row %d, expected %d (MethodDef rows not in type order)"
                          % (row, first, next_method))
        if next_method + count > len(assembly.methods):
            raise PeError("type %d claims methods past the %d-row MethodDef table" % (row, len(assembly.methods)))
        pe_type = PeType(row, string(name, "name of type %d" % row),
                         string(namespace, "namespace of type %d" % row),
                         None if enclosing == NO_INDEX else enclosing, first, count, flags)
        assembly.types.append(pe_type)
        for method in assembly.methods[next_method:next_method + count]:
            method.owner = pe_type
        next_method += count
    if next_method != len(assembly.methods):
        raise PeError("%d MethodDef rows belong to no type" % (len(assembly.methods) - next_method))

    for pe_type in assembly.types:
        if pe_type.enclosing is not None and pe_type.enclosing >= len(assembly.types):
            raise PeError("type %d is nested in type %d, which does not exist" % (pe_type.row, pe_type.enclosing))
    for pe_type in assembly.types:
        pe_type.stub_name = _stub_class_name(assembly.types, pe_type, set())

    for method in assembly.methods:
        if method.is_native():
            method.name = string(method.name, "name of method row %d" % method.row)
            method.handler = _handler_name(data, sig_start, sig_size, method)
        else:
            method.name = None  # managed: only its row matters
    return assembly


def _stub_class_name(types, pe_type, seen):
    if pe_type.row in seen:
        raise PeError("type %d is nested in itself" % pe_type.row)
    seen.add(pe_type.row)
    outer = "" if pe_type.enclosing is None else _stub_class_name(types, types[pe_type.enclosing], seen)
    return "_".join([outer, pe_type.namespace, pe_type.name]).replace(".", "_").lstrip("_")


def _handler_name(data, sig_start, sig_size, method):
    """<name>___STATIC__<ret>__<arg>... from the method signature (the metadata processor's stub naming)."""
    where = "signature of %s.%s (method row %d)" % (method.owner.stub_name, method.name, method.row)
    if method.sig >= sig_size:
        raise PeError("%s: index %d past the %d-byte signature table" % (where, method.sig, sig_size))
    position = [sig_start + method.sig]
    end = sig_start + sig_size

    def read_byte():
        if position[0] >= end:
            raise PeError("%s runs past the signature table" % where)
        value = data[position[0]]
        position[0] += 1
        return value

    def read_type():
        code = read_byte()
        if code in DATA_TYPE_NAMES:
            return DATA_TYPE_NAMES[code]
        if code == DATATYPE_SZARRAY:
            element = read_byte()
            if element not in DATA_TYPE_NAMES:
                raise PeError("%s: array of data type 0x%02X (only arrays of primitives are supported)" % (where, element))
            return "SZARRAY_" + DATA_TYPE_NAMES[element]
        if code == DATATYPE_BYREF:
            element = read_byte()
            if element not in DATA_TYPE_NAMES:
                raise PeError("%s: by-reference data type 0x%02X (only primitives are supported)" % (where, element))
            return "BYREF_" + DATA_TYPE_NAMES[element]
        raise PeError("%s: data type 0x%02X (classes, structs and generics in extern signatures are not supported "
                      "by pe_interop_table.py)" % (where, code))

    convention = read_byte()
    if convention & CALLCONV_GENERIC:
        raise PeError("%s: generic extern methods are not supported" % where)
    count = read_byte()
    parts = [read_type()]
    for _ in range(count):
        parts.append(read_type())
    separator = "___STATIC__" if method.flags & MD_STATIC else "___"
    return (method.name + separator + "__".join(parts)).replace(".", "_").replace("/", "")


def native_checksum(assembly):
    """The native-methods checksum the metadata processor writes, recomputed from what was read."""
    # The metadata processor continues each step from its "current" value, which reads as 0 until the first
    # InternalCall method has been counted (after its three parts): the "NULL"s of the managed methods before it,
    # and the assembly and class names of that first method, drop out.
    crc = 0
    natives = 0
    name = assembly.name.encode("ascii")
    for pe_type in assembly.types:
        if not pe_type.included_in_stubs():
            continue
        for method in assembly.methods[pe_type.first_method:pe_type.first_method + pe_type.method_count]:
            if method.is_native():
                for part in (name, pe_type.stub_name.encode("ascii"), method.handler.encode("ascii")):
                    crc = crc32_zmodem(part, crc if natives > 0 else 0)
                natives += 1
            else:
                crc = crc32_zmodem(b"NULL", crc if natives > 0 else 0)
    return crc if natives > 0 else 0


def declared_handlers(header_path):
    """(struct name, handler) pairs declared in the glue header."""
    with open(header_path, encoding="utf-8") as header:
        text = header.read()
    declared = set()
    for struct_match in re.finditer(r"struct\s+(Library_\w+)\s*\{(.*?)\};", text, re.S):
        for handler in re.findall(r"NANOCLR_NATIVE_DECLARE\(\s*(\w+)\s*\)", struct_match.group(2)):
            declared.add((struct_match.group(1), handler))
    return declared


def safe_name(assembly_name):
    return assembly_name.replace(".", "_")


def render_table(assembly, header_name):
    project = safe_name(assembly.name)
    natives = [m for m in assembly.methods if m.is_native()]
    lines = [
        "//",
        "// generated by native-kernels/interop/nanoframework/pe_interop_table.py from %s.pe; do not edit."
        % assembly.name,
        "//",
        "// nanoFramework interop glue for %s: the method lookup table and the native assembly record."
        % assembly.name,
        "// method_lookup has one row per MethodDef row of the .pe (%d rows, %d InternalCall); nanoCLR indexes it"
        % (len(assembly.methods), len(natives)),
        "// by method row. m_checkSum is the .pe header's native-methods checksum (recomputed from the handler",
        "// names by the generator); nanoCLR refuses the assembly at load when they differ. The version is the",
        "// .pe's assembly version, kept equal to its [assembly: AssemblyNativeVersion].",
        "// Regenerate whenever NativeKernels (nf-runtime/src/Native/NativeKernels.cs) changes:",
        "// docs/NANOFRAMEWORK-FIRMWARE.md.",
        "//",
        "",
        '#include "%s"' % header_name,
        "",
        "// clang-format off",
        "",
        "static const CLR_RT_MethodHandler method_lookup[] =",
        "{",
    ]
    for method in assembly.methods:
        if method.is_native():
            lines.append("    Library_%s_%s::%s," % (project, method.owner.stub_name, method.handler))
        else:
            lines.append("    NULL,")
    lines += [
        "};",
        "",
        "const CLR_RT_NativeAssemblyData g_CLR_AssemblyNative_%s =" % project,
        "{",
        '    "%s",' % assembly.name,
        "    0x%08X," % assembly.checksum,
        "    method_lookup,",
        "    { %d, %d, %d, %d }" % assembly.version,
        "};",
        "",
        "// clang-format on",
        "",
    ]
    return "\n".join(lines)


def build_table(pe_path, glue_header):
    """Parses, cross-checks and renders; raises PeError with a one-line reason."""
    try:
        with open(pe_path, "rb") as pe_file:
            data = pe_file.read()
    except OSError as error:
        raise PeError("cannot read: %s" % error.strerror)
    assembly = parse_pe(data)
    natives = [m for m in assembly.methods if m.is_native()]
    if not natives:
        raise PeError("assembly %s has no InternalCall method: nothing to register" % assembly.name)
    recomputed = native_checksum(assembly)
    if recomputed != assembly.checksum:
        raise PeError("native-methods checksum 0x%08X in the header, 0x%08X recomputed from the handler names: "
                      "this reader and the metadata processor disagree" % (assembly.checksum, recomputed))
    if assembly.version == (0, 0, 0, 0):
        raise PeError("assembly version 0.0.0.0: give %s an [assembly: AssemblyVersion] equal to its "
                      "AssemblyNativeVersion (the record carries it)" % assembly.name)
    declared = declared_handlers(glue_header)
    project = safe_name(assembly.name)
    for method in natives:
        key = ("Library_%s_%s" % (project, method.owner.stub_name), method.handler)
        if key not in declared:
            raise PeError("extern %s.%s needs handler %s::%s, which %s does not declare"
                          % (method.owner.stub_name, method.name, key[0], key[1], glue_header))
    return assembly, render_table(assembly, os.path.basename(glue_header))


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    default_header = os.path.join(here, "..", "..", "src", "interop", "nanoframework", "TinyLite_Runtime_Native.h")
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pe", help="TinyLite.Runtime.Native.pe written by the metadata processor")
    parser.add_argument("-o", "--output", help="file to write (default: stdout)")
    parser.add_argument("--check", metavar="FILE", help="compare with FILE instead of writing; exit 1 when stale")
    parser.add_argument("--dump", action="store_true", help="print the types and methods read")
    parser.add_argument("--glue-header", default=os.path.normpath(default_header),
                        help="glue header that declares the handlers (default: %(default)s)")
    args = parser.parse_args(argv)
    try:
        if args.dump:
            with open(args.pe, "rb") as pe_file:
                assembly = parse_pe(pe_file.read())
            print("%s %s checksum 0x%08X" % (assembly.name, ".".join(map(str, assembly.version)), assembly.checksum))
            for pe_type in assembly.types:
                print("type %d %s (%d methods from row %d, flags 0x%04X)" % (
                    pe_type.row, pe_type.stub_name, pe_type.method_count, pe_type.first_method, pe_type.flags))
            for method in assembly.methods:
                print("  row %d %s" % (method.row, method.handler or "managed"))
            return 0
        assembly, text = build_table(args.pe, args.glue_header)
    except PeError as error:
        print("pe_interop_table.py: %s: %s" % (args.pe, error), file=sys.stderr)
        return 2
    if args.check:
        try:
            with open(args.check, encoding="utf-8") as existing:
                current = existing.read()
        except OSError as error:
            print("pe_interop_table.py: %s: %s" % (args.check, error.strerror), file=sys.stderr)
            return 2
        if current != text:
            print("pe_interop_table.py: %s is stale: %s gives checksum 0x%08X, %d methods; regenerate with "
                  "pe_interop_table.py %s -o %s" % (args.check, args.pe, assembly.checksum, len(assembly.methods),
                                                    args.pe, args.check), file=sys.stderr)
            return 1
        print("%s is up to date (checksum 0x%08X)" % (args.check, assembly.checksum))
        return 0
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        print("%s: %s %s, checksum 0x%08X, %d methods" % (args.output, assembly.name,
                                                         ".".join(map(str, assembly.version)), assembly.checksum,
                                                         len(assembly.methods)), file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
