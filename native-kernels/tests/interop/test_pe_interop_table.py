"""Tests of interop/nanoframework/pe_interop_table.py on .pe files built here (no metadata processor needed).

The builder below writes the parts of nanoCLR's assembly format the reader looks at (header with table offsets and
both CRC32s, TypeDef, MethodDef, Strings, Signatures; the other tables empty). The checksum anchor comes from the
real metadata processor: its TinyLite.Runtime.Native.pe (nf-runtime 1.1.0.0: EmbeddedAttribute's constructor, then
NativeKernels with seven managed methods and the four externs) carries 0x4DBF038E, and the same method layout
built here must give that value when recomputed. Run: python3 -m unittest -v test_pe_interop_table (CTest
interop_pe_table).
"""

import os
import struct
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "interop", "nanoframework"))
import pe_interop_table as pit  # noqa: E402

I4, U1, CLASS, SZARRAY = 0x07, 0x03, 0x11, 0x13
STATIC = 0x10
NAMESPACE = "TinyLite.Runtime.Native"
REAL_CHECKSUM = 0x4DBF038E  # written by the metadata processor into TinyLite.Runtime.Native.pe (1.1.0.0)

BUFFERS = [[SZARRAY, U1], [I4], [SZARRAY, U1], [I4], [SZARRAY, U1], [I4]]
# (name, native, static, return type, parameter types) of NativeKernels in MethodDef order, as the real .pe has them
NATIVE_KERNELS_METHODS = [("get_IsAvailable", False, True, [0x01], []),
                          ("get_UnavailableReason", False, True, [0x0F], []),
                          ("ManagedHeapFreeBytes", False, True, [I4], []),
                          ("Probe", False, True, [0x00], []),
                          ("Load", False, True, [I4], BUFFERS),
                          ("Invoke", False, True, [I4], BUFFERS),
                          ("MessageText", False, True, [0x0F], [[SZARRAY, U1]]),
                          ("NativeVersion", True, True, [I4], []),
                          ("NativeLoad", True, True, [I4], BUFFERS),
                          ("NativeInvoke", True, True, [I4], BUFFERS),
                          ("NativeManagedHeapFreeBytes", True, True, [I4], [])]
REAL_TYPES = [("Microsoft.CodeAnalysis", "EmbeddedAttribute", 0x9080, [(".ctor", False, False, [0x00], [])]),
              (NAMESPACE, "NativeKernels", 0x10C1, NATIVE_KERNELS_METHODS)]

HANDLERS = [
    "NativeVersion___STATIC__I4",
    "NativeLoad___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__SZARRAY_U1__I4",
    "NativeInvoke___STATIC__I4__SZARRAY_U1__I4__SZARRAY_U1__I4__SZARRAY_U1__I4",
    "NativeManagedHeapFreeBytes___STATIC__I4",
]
STRUCT = "Library_TinyLite_Runtime_Native_TinyLite_Runtime_Native_NativeKernels"


def build_pe(types, name="TinyLite.Runtime.Native", version=(1, 1, 0, 0), checksum=REAL_CHECKSUM):
    """A .pe with the given types: [(namespace, name, flags, [(method, native, static, ret, params)])]; ret is the
    return type's signature bytes, params a list of each parameter's signature bytes."""
    strings = bytearray(b"\x00")
    string_ids = {}

    def string(text):
        if text not in string_ids:
            string_ids[text] = len(strings)
            strings.extend(text.encode() + b"\x00")
        return string_ids[text]

    signatures = bytearray()
    typedefs = bytearray()
    methoddefs = bytearray()
    row = 0
    for namespace, type_name, flags, methods in types:
        statics = sum(1 for m in methods if m[2])
        typedefs += struct.pack(pit.TYPEDEF_FORMAT, string(type_name), string(namespace), 0xFFFF, 0xFFFF, 0xFFFF,
                                row if methods else 0xFFFF, 0, len(methods) - statics, statics, 0, 0xFFFF, 0xFFFF,
                                0, 0, flags)
        for method_name, native, static, ret, params in methods:
            sig = len(signatures)
            signatures += bytes([0x00 if static else 0x20, len(params)] + ret + [b for p in params for b in p])
            methoddefs += struct.pack(pit.METHODDEF_FORMAT, string(method_name), 0xFFFF if native else 0x0010,
                                      STATIC if static else 0, 0, 0, 0, 0, 0xFFFF, sig)
            row += 1
    name_id = string(name)
    tables = [b""] * pit.TABLE_COUNT
    tables[pit.TBL_TYPEDEF] = bytes(typedefs)
    tables[pit.TBL_METHODDEF] = bytes(methoddefs)
    tables[pit.TBL_STRINGS] = bytes(strings)
    tables[pit.TBL_SIGNATURES] = bytes(signatures)
    starts, paddings, body = [], [], bytearray()
    for table in range(pit.TABLE_COUNT - 1):
        starts.append(pit.HEADER_BYTES + len(body))
        pad = (-len(tables[table])) % 4
        body += tables[table] + b"\x00" * pad
        paddings.append(pad)
    starts.append(pit.HEADER_BYTES + len(body))
    paddings.append(0)
    return finish(starts, paddings, body, checksum, version, name_id)


def finish(starts, paddings, body, checksum, version, name_id, marker=pit.MARKER):
    header = bytearray(struct.pack(pit.HEADER_FORMAT, marker, 0, 0, 0, checksum, 0xFFFFFFFF, *version, name_id, 1,
                                   *starts, 0, *paddings))
    struct.pack_into("<I", header, 12, pit.crc32_zmodem(bytes(body)))
    struct.pack_into("<I", header, 8, pit.crc32_zmodem(bytes(header)))
    return bytes(header) + bytes(body)


def real_layout_pe(**kwargs):
    return build_pe(REAL_TYPES, **kwargs)


class Crc32Tests(unittest.TestCase):
    def test_Crc32_CheckString_MatchesPosixCrcWithoutFinalXor(self):
        # CRC-32/POSIX of "123456789" is 0x765E7680 (init 0, final xor 0xFFFFFFFF); nanoFramework has no final xor.
        self.assertEqual(pit.crc32_zmodem(b"123456789"), 0x765E7680 ^ 0xFFFFFFFF)


class ParseTests(unittest.TestCase):
    def test_Parse_RealLayout_DerivesHandlersAndRows(self):
        assembly = pit.parse_pe(real_layout_pe())
        self.assertEqual(assembly.name, "TinyLite.Runtime.Native")
        self.assertEqual(assembly.version, (1, 1, 0, 0))
        self.assertEqual(len(assembly.methods), 12)
        self.assertEqual([m.row for m in assembly.methods if m.is_native()], [8, 9, 10, 11])
        self.assertEqual([m.handler for m in assembly.methods if m.is_native()], HANDLERS)
        self.assertEqual(assembly.types[1].stub_name, "TinyLite_Runtime_Native_NativeKernels")

    def test_NativeChecksum_RealLayout_EqualsMetadataProcessorValue(self):
        self.assertEqual(pit.native_checksum(pit.parse_pe(real_layout_pe())), REAL_CHECKSUM)

    def test_NativeChecksum_ManagedMethodAfterExterns_ChangesValue(self):
        types = [REAL_TYPES[0], (NAMESPACE, "NativeKernels", 0x10C1,
                                 NATIVE_KERNELS_METHODS + [("Later", False, True, [I4], [])])]
        self.assertNotEqual(pit.native_checksum(pit.parse_pe(build_pe(types))), REAL_CHECKSUM)

    def test_NativeChecksum_ManagedMethodBeforeFirstExtern_KeepsValue(self):
        # the metadata processor's running value reads 0 until the first extern: earlier rows do not count
        types = [REAL_TYPES[0], (NAMESPACE, "NativeKernels", 0x10C1,
                                 [("Earlier", False, True, [I4], [])] + NATIVE_KERNELS_METHODS)]
        self.assertEqual(pit.native_checksum(pit.parse_pe(build_pe(types))), REAL_CHECKSUM)

    def test_NativeChecksum_NoExtern_IsZero(self):
        types = [(NAMESPACE, "Plain", 0x0001, [("Run", False, True, [I4], [])])]
        self.assertEqual(pit.native_checksum(pit.parse_pe(build_pe(types, checksum=0))), 0)


class TableTests(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.header = os.path.join(self.folder.name, "TinyLite_Runtime_Native.h")
        with open(self.header, "w") as header:
            header.write("struct %s\n{\n%s    //--//\n};\n" % (
                STRUCT, "".join("    NANOCLR_NATIVE_DECLARE(%s);\n" % h for h in HANDLERS)))

    def tearDown(self):
        self.folder.cleanup()

    def write_pe(self, data):
        path = os.path.join(self.folder.name, "TinyLite.Runtime.Native.pe")
        with open(path, "wb") as pe:
            pe.write(data)
        return path

    def test_BuildTable_RealLayout_NullRowsThenHandlers(self):
        _, text = pit.build_table(self.write_pe(real_layout_pe()), self.header)
        rows = [line.strip() for line in text.splitlines() if line.startswith("    NULL") or "::" in line]
        self.assertEqual(rows[:8], ["NULL,"] * 8)
        self.assertEqual(rows[8:], ["%s::%s," % (STRUCT, h) for h in HANDLERS])
        self.assertIn("0x4DBF038E,", text)
        self.assertIn("{ 1, 1, 0, 0 }", text)
        self.assertIn("g_CLR_AssemblyNative_TinyLite_Runtime_Native =", text)

    def test_BuildTable_HeaderChecksumDiffers_Refused(self):
        path = self.write_pe(real_layout_pe(checksum=REAL_CHECKSUM ^ 1))
        with self.assertRaisesRegex(pit.PeError, "disagree"):
            pit.build_table(path, self.header)

    def test_BuildTable_ExternWithoutHandler_Refused(self):
        types = [REAL_TYPES[0], (NAMESPACE, "NativeKernels", 0x10C1,
                                 NATIVE_KERNELS_METHODS + [("NativeExtra", True, True, [I4], [[I4]])])]
        data = build_pe(types)
        checksum = pit.native_checksum(pit.parse_pe(data))
        path = self.write_pe(build_pe(types, checksum=checksum))
        with self.assertRaisesRegex(pit.PeError, "NativeExtra___STATIC__I4__I4.*does not declare"):
            pit.build_table(path, self.header)

    def test_BuildTable_VersionZero_Refused(self):
        with self.assertRaisesRegex(pit.PeError, "0.0.0.0"):
            pit.build_table(self.write_pe(real_layout_pe(version=(0, 0, 0, 0))), self.header)

    def test_Main_CheckStaleFile_ExitsOne(self):
        pe = self.write_pe(real_layout_pe())
        stale = os.path.join(self.folder.name, "stale.cpp")
        with open(stale, "w") as out:
            out.write("// old\n")
        fresh = os.path.join(self.folder.name, "fresh.cpp")
        self.assertEqual(pit.main([pe, "-o", fresh, "--glue-header", self.header]), 0)
        self.assertEqual(pit.main([pe, "--check", fresh, "--glue-header", self.header]), 0)
        self.assertEqual(pit.main([pe, "--check", stale, "--glue-header", self.header]), 1)

    def test_Main_MalformedFile_ExitsTwo(self):
        self.assertEqual(pit.main([self.write_pe(b"not a pe"), "--glue-header", self.header]), 2)


class MalformedTests(unittest.TestCase):
    def assertRefused(self, data, pattern):
        with self.assertRaisesRegex(pit.PeError, pattern):
            pit.parse_pe(data)

    def test_Parse_Truncated_Refused(self):
        self.assertRefused(real_layout_pe()[:100], "shorter than")
        self.assertRefused(real_layout_pe()[:-4], "the file has")

    def test_Parse_WrongMarker_Refused(self):
        data = bytearray(real_layout_pe())
        data[0:6] = b"MSSpot"
        self.assertRefused(bytes(data), "marker")

    def test_Parse_FlippedTableByte_RefusedByCrc(self):
        data = bytearray(real_layout_pe())
        data[-3] ^= 0x40
        self.assertRefused(bytes(data), "assembly CRC32")

    def test_Parse_FlippedHeaderByte_RefusedByCrc(self):
        data = bytearray(real_layout_pe())
        data[0x1C] ^= 0x01  # version
        self.assertRefused(bytes(data), "header CRC32")

    def test_Parse_TablesOutOfOrder_Refused(self):
        data = real_layout_pe()
        fields = list(struct.unpack_from(pit.HEADER_FORMAT, data, 0))
        starts, paddings = fields[12:28], fields[29:]
        starts[3], starts[4] = starts[4] + 8, starts[3]
        body = data[pit.HEADER_BYTES:]
        self.assertRefused(finish(starts, paddings, body, REAL_CHECKSUM, (1, 1, 0, 0), fields[10]), "out of order")

    def test_Parse_MethodRowsNotInTypeOrder_Refused(self):
        types = [(NAMESPACE, "A", 0x0001, [("One", False, True, [I4], [])]),
                 (NAMESPACE, "B", 0x0001, [("Two", False, True, [I4], [])])]
        data = bytearray(build_pe(types, checksum=0))
        fields = struct.unpack_from(pit.HEADER_FORMAT, data, 0)
        second_type = fields[12 + pit.TBL_TYPEDEF] + pit.TYPEDEF_BYTES
        struct.pack_into("<H", data, second_type + 10, 0)  # B's methods_First points at A's row
        body = bytes(data[pit.HEADER_BYTES:])
        self.assertRefused(finish(list(fields[12:28]), list(fields[29:]), body, 0, (1, 1, 0, 0), fields[10]),
                           "not in type order")

    def test_Parse_ClassTypedExternParameter_Refused(self):
        types = [(NAMESPACE, "NativeKernels", 0x0001, [("NativeRun", True, True, [I4], [[CLASS, 0x01, 0x00]])])]
        self.assertRefused(build_pe(types), "data type 0x11")


if __name__ == "__main__":
    unittest.main()
