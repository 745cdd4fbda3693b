# CMake toolchain file: QEMU mps2-an386 (Cortex-M4F, single-precision FPU), arm-none-eabi-gcc.
#   cmake -S <project> -B <build> -DCMAKE_TOOLCHAIN_FILE=boards/qemu-mps2-an386/toolchain.cmake
set(TINYLITE_BOARD_CPU_FLAGS "-mcpu=cortex-m4 -mfpu=fpv4-sp-d16 -mfloat-abi=hard")
set(TINYLITE_BOARD_QEMU_MACHINE mps2-an386)
include(${CMAKE_CURRENT_LIST_DIR}/../qemu-common/arm-none-eabi.cmake)
