# CMake toolchain file: QEMU mps2-an500 (Cortex-M7, double-precision FPU), arm-none-eabi-gcc.
#   cmake -S <project> -B <build> -DCMAKE_TOOLCHAIN_FILE=boards/qemu-mps2-an500/toolchain.cmake
set(TINYLITE_BOARD_CPU_FLAGS "-mcpu=cortex-m7 -mfpu=fpv5-d16 -mfloat-abi=hard")
set(TINYLITE_BOARD_QEMU_MACHINE mps2-an500)
include(${CMAKE_CURRENT_LIST_DIR}/../qemu-common/arm-none-eabi.cmake)
