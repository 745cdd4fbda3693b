# The board support library of the QEMU mps2 boards: startup (vector table, FPU on, .bss, exit status),
# semihosting, newlib system calls (printf, malloc, exit) and the insncount region markers. Include after project() in a build configured with a
# board's toolchain.cmake; link the target tinylite_board (it brings the linker script via the
# toolchain flags and newlib's libc/libm).
# An object library, so that the newlib system calls are always linked (libc needs them after every
# other library has been scanned).
add_library(tinylite_board OBJECT
    ${CMAKE_CURRENT_LIST_DIR}/startup.c
    ${CMAKE_CURRENT_LIST_DIR}/semihost.c
    ${CMAKE_CURRENT_LIST_DIR}/syscalls.c)
target_include_directories(tinylite_board PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_compile_options(tinylite_board PRIVATE -Wall -Wextra -Werror)
target_link_libraries(tinylite_board PUBLIC c m gcc)
