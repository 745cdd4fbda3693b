using System;
using System.Runtime.CompilerServices;
#if !NANOFRAMEWORK_1_0
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
#endif

namespace TinyLite.Runtime.Native
{
    /// <summary>
    /// The native (C) kernels of native-kernels/ behind one small ABI (native-kernels/include/tinylite/tl_native.h):
    /// on a device the firmware's interop assembly (nanoFramework InternalCall), on the host the shared library
    /// <c>libtinylite_native</c> (P/Invoke). Both take the managed image and arena arrays as they are; nothing is
    /// kept on the native side between calls, so the garbage collector may move the arrays in between.
    /// </summary>
    public static class NativeKernels
    {
        /// <summary>Capacity in bytes of the message buffer given to <see cref="Load"/> and <see cref="Invoke"/>.</summary>
        public const int MessageBytes = 192;

        /// <summary>Status: success.</summary>
        public const int StatusOk = 0;

        /// <summary>Status: the image is malformed, corrupted or hostile.</summary>
        public const int StatusImage = 1;

        /// <summary>Status: the arena is missing or smaller than the image needs.</summary>
        public const int StatusArena = 2;

        /// <summary>Status: a kernel's parameters do not fit the tensors it touches.</summary>
        public const int StatusParams = 3;

        /// <summary>Status: a kernel code the native build does not implement.</summary>
        public const int StatusUnsupported = 4;

        /// <summary>Status: an invalid argument (null or misaligned array, negative length).</summary>
        public const int StatusArgument = 5;

        /// <summary>0 = not probed yet, 1 = available, 2 = not available.</summary>
        private static int _availability;

        /// <summary>Why the native kernels are unavailable (null while available or not probed).</summary>
        private static string _unavailableReason;

        /// <summary>
        /// True when the native kernels can be called: on the host the shared library loads, on a device the
        /// firmware contains the interop assembly. Probed once (the first call to a missing InternalCall or
        /// library throws, which is caught here).
        /// </summary>
        public static bool IsAvailable
        {
            get
            {
                if (_availability == 0)
                {
                    Probe();
                }
                return _availability == 1;
            }
        }

        /// <summary>Why <see cref="IsAvailable"/> is false (a one-line message), or null when it is true.</summary>
        public static string UnavailableReason
        {
            get
            {
                if (_availability == 0)
                {
                    Probe();
                }
                return _unavailableReason;
            }
        }

        private static void Probe()
        {
            try
            {
                int version = NativeVersion();
                if (version != 1)
                {
                    _unavailableReason = "native kernels: ABI version " + version.ToString() + " found, 1 expected";
                    _availability = 2;
                    return;
                }
                _availability = 1;
            }
#if NANOFRAMEWORK_1_0
            catch (Exception)
            {
                _unavailableReason = "native kernels: this firmware has no TinyLite native interop";
#else
            catch (Exception e)
            {
                _unavailableReason = "native kernels: the library " + LibraryFileName + " could not be loaded (" + e.GetType().Name
                    + "; build it with native-kernels/build-host.sh, or set " + LibraryVariable + " to its path)";
#endif
                _availability = 2;
            }
        }

        /// <summary>
        /// Validates <paramref name="image"/> fully (CRC, structure, every kernel's parameters) against the
        /// first <paramref name="arenaBytes"/> bytes of <paramref name="arena"/>, then zeroes its variable tensors.
        /// Returns a status (<see cref="StatusOk"/> ...); on failure <paramref name="message"/> receives a
        /// NUL-terminated ASCII line (see <see cref="MessageText"/>).
        /// </summary>
        public static int Load(byte[] image, int imageBytes, byte[] arena, int arenaBytes, byte[] message, int messageBytes)
        {
            return NativeLoad(image, imageBytes, arena, arenaBytes, message, messageBytes);
        }

        /// <summary>
        /// Runs the whole graph of <paramref name="image"/> once in <paramref name="arena"/> (inputs and outputs are
        /// the arena tensors). The image is re-bound first with every structural and kernel check except the
        /// CRC, so even a modified array cannot make a kernel access memory out of bounds. Same statuses as
        /// <see cref="Load"/>.
        /// </summary>
        public static int Invoke(byte[] image, int imageBytes, byte[] arena, int arenaBytes, byte[] message, int messageBytes)
        {
            return NativeInvoke(image, imageBytes, arena, arenaBytes, message, messageBytes);
        }

        /// <summary>
        /// Diagnostic: runs a garbage collection and returns the free bytes of nanoCLR's managed heap (device only,
        /// through the firmware's TinyLite interop, as nanoFramework.Runtime.Native's <c>GC.Run</c> counts them).
        /// Returns -1 in the host build and on a firmware without TinyLite's native interop
        /// (<see cref="IsAvailable"/> false). Not for hot paths: a full collection takes milliseconds.
        /// </summary>
        public static int ManagedHeapFreeBytes()
        {
#if NANOFRAMEWORK_1_0
            if (!IsAvailable)
            {
                return -1;
            }
            return NativeManagedHeapFreeBytes();
#else
            return -1;
#endif
        }

        /// <summary>The ASCII text before the first NUL of <paramref name="message"/>.</summary>
        public static string MessageText(byte[] message)
        {
            int n = 0;
            while (n < message.Length && message[n] != 0)
            {
                n++;
            }
            char[] chars = new char[n];
            for (int i = 0; i < n; i++)
            {
                chars[i] = (char)message[i];
            }
            return new string(chars);
        }

#if NANOFRAMEWORK_1_0
        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int NativeVersion();

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int NativeLoad(byte[] image, int imageBytes, byte[] arena, int arenaBytes, byte[] message, int messageBytes);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int NativeInvoke(byte[] image, int imageBytes, byte[] arena, int arenaBytes, byte[] message, int messageBytes);

        [MethodImpl(MethodImplOptions.InternalCall)]
        private static extern int NativeManagedHeapFreeBytes();
#else
        /// <summary>Name of the library for DllImport (the loader adds lib/.so, .dll or .dylib).</summary>
        private const string LibraryName = "tinylite_native";

        /// <summary>File name of the library on Linux (for messages).</summary>
        private const string LibraryFileName = "libtinylite_native.so";

        /// <summary>Environment variable that may give the library's full path.</summary>
        public const string LibraryVariable = "TINYLITE_NATIVE_LIB";

        static NativeKernels()
        {
            try
            {
                NativeLibrary.SetDllImportResolver(typeof(NativeKernels).Assembly, Resolve);
            }
            catch (InvalidOperationException)
            {
                // A resolver was set already for this assembly: the default probing applies.
            }
        }

        /// <summary>
        /// Finds the library: the path in <see cref="LibraryVariable"/>, then <c>.build/native/</c> of the repository
        /// that holds the running assembly (where ./tinylite and test.sh build it, so always the newest build while
        /// developing), then the default probing (next to the application, where the host build copies it).
        /// </summary>
        private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
        {
            if (name != LibraryName)
            {
                return IntPtr.Zero;
            }
            IntPtr handle;
            string fromVariable = Environment.GetEnvironmentVariable(LibraryVariable);
            if (!string.IsNullOrEmpty(fromVariable) && NativeLibrary.TryLoad(fromVariable, out handle))
            {
                return handle;
            }
            for (DirectoryInfo dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TinyLite.sln")))
                {
                    string built = Path.Combine(dir.FullName, ".build", "native", LibraryFileName);
                    if (File.Exists(built) && NativeLibrary.TryLoad(built, out handle))
                    {
                        return handle;
                    }
                    break;
                }
            }
            if (NativeLibrary.TryLoad(name, assembly, searchPath, out handle))
            {
                return handle;
            }
            return IntPtr.Zero;
        }

        [DllImport(LibraryName, EntryPoint = "tl_native_version")]
        private static extern int NativeVersion();

        [DllImport(LibraryName, EntryPoint = "tl_native_load")]
        private static extern int NativeLoad([In] byte[] image, int imageBytes, [In, Out] byte[] arena, int arenaBytes,
            [In, Out] byte[] message, int messageBytes);

        [DllImport(LibraryName, EntryPoint = "tl_native_invoke")]
        private static extern int NativeInvoke([In] byte[] image, int imageBytes, [In, Out] byte[] arena, int arenaBytes,
            [In, Out] byte[] message, int messageBytes);
#endif
    }
}
