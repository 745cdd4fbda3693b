# The board support library of the QEMU mps2 boards: startup (vector table, FPU on, .bss, exit status),
# semihosting and the insncount region markers. Include after project() in a build configured with a
# board's toolchain.cmake; link the target tinylite_board (it brings the linker script via the
# toolchain flags and newlib's libc/libm).
add_library(tinylite_board STATIC
    ${CMAKE_CURRENT_LIST_DIR}/startup.c
    ${CMAKE_CURRENT_LIST_DIR}/semihost.c)
target_include_directories(tinylite_board PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_compile_options(tinylite_board PRIVATE -Wall -Wextra -Werror)
target_link_libraries(tinylite_board PUBLIC c m gcc)
