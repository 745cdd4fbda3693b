# Common part of the QEMU boards' CMake toolchain files (Debian's gcc-arm-none-eabi and
# libnewlib-arm-none-eabi). A board's toolchain.cmake sets TINYLITE_BOARD_CPU_FLAGS and
# TINYLITE_BOARD_QEMU_MACHINE, then includes this file. Programs add the board support library with
# include(${TINYLITE_BOARD_DIR}/../qemu-common/board.cmake) and link it (see that file).
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)
set(CMAKE_AR arm-none-eabi-ar CACHE FILEPATH "")
set(CMAKE_RANLIB arm-none-eabi-ranlib CACHE FILEPATH "")
# Compiler checks build a static library: a test executable would need our startup code.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(TINYLITE_QEMU_COMMON_DIR ${CMAKE_CURRENT_LIST_DIR})
# -ffp-contract=off: GCC's default in GNU C mode fuses a * b + c into one VFMA (one rounding instead of
# two) on these FPUs; the managed kernels and TFLM round twice, so fusing could break bit-exactness.
set(CMAKE_C_FLAGS_INIT
    "${TINYLITE_BOARD_CPU_FLAGS} -mthumb -O2 -ffp-contract=off -ffunction-sections -fdata-sections")
set(CMAKE_ASM_FLAGS_INIT "${TINYLITE_BOARD_CPU_FLAGS} -mthumb")
# Own startup (no crt0, no rdimon), RAM-only memory map; newlib for memcpy/memset/strlen and libm.
set(CMAKE_EXE_LINKER_FLAGS_INIT
    "-nostartfiles -T ${CMAKE_CURRENT_LIST_DIR}/mps2.ld -Wl,--gc-sections")

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
