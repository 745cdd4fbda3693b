#
# TinyLite.Runtime.Native in nf-interpreter's posix nanoCLR (targets/posix). build-nanoclr.sh copies this file to
# InteropAssemblies/TinyLite.Runtime.Native/ of its copy of nf-interpreter and includes it from
# targets/posix/nanoCLR/CMakeLists.txt right after the nanoFramework.nanoCLR library is declared. Written by the
# TinyLite authors.
#
# * The glue (the handlers, the header and the lookup table generated from the .pe) is compiled as part of
#   nanoFramework.nanoCLR, with nanoCLR's own C++ flags, as a firmware build does.
# * The C kernels, family dispatchers, tensor accessors and runner are compiled from the TinyLite checkout (TINYLITE_ROOT = its
#   native-kernels folder) as C99 in their own static library with the flags of the host library
#   (native-kernels/CMakeLists.txt: C99 with GNU extensions, -Wall -Wextra -Werror, position-independent, and the
#   build type's optimisation, Release = -O3 -DNDEBUG), so the posix nanoCLR computes the same bytes as
#   libtinylite_native.so.
#
set(TINYLITE_ROOT "" CACHE PATH "native-kernels/ folder of a TinyLite checkout")
if(NOT EXISTS "${TINYLITE_ROOT}/include/tinylite/tl_native.h")
    message(FATAL_ERROR "TinyLite.Runtime.Native (posix): set -DTINYLITE_ROOT=<TinyLite checkout>/native-kernels "
        "(no include/tinylite/tl_native.h under '${TINYLITE_ROOT}')")
endif()

file(GLOB_RECURSE TINYLITE_POSIX_C_SOURCES CONFIGURE_DEPENDS
    ${TINYLITE_ROOT}/src/portable/*.c
    ${TINYLITE_ROOT}/src/families/*.c
    ${TINYLITE_ROOT}/src/tensors/*.c
    ${TINYLITE_ROOT}/src/runner/*.c)

add_library(tinylite_kernels STATIC ${TINYLITE_POSIX_C_SOURCES})
set_target_properties(tinylite_kernels PROPERTIES
    C_STANDARD 99
    C_STANDARD_REQUIRED ON
    POSITION_INDEPENDENT_CODE ON
    C_VISIBILITY_PRESET hidden)
target_include_directories(tinylite_kernels PUBLIC ${TINYLITE_ROOT}/include)
if(CMAKE_C_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(tinylite_kernels PRIVATE -Wall -Wextra -Werror)
endif()

target_sources(nanoFramework.nanoCLR PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/TinyLite_Runtime_Native.cpp
    ${CMAKE_CURRENT_LIST_DIR}/TinyLite_Runtime_Native_TinyLite_Runtime_Native_NativeKernels.cpp)
target_include_directories(nanoFramework.nanoCLR PRIVATE ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(nanoFramework.nanoCLR PRIVATE tinylite_kernels m)
