# CMSIS-NN backend (TINYLITE_CMSIS_NN=ON). Included from CMakeLists.txt before the tinylite targets.
#
# * Builds the integer kernels of an UNMODIFIED CMSIS-NN checkout (CMSIS_NN_ROOT: its Source/*Functions/*.c and
#   Include/) as the static library tinylite_cmsis_nn. Nothing of CMSIS-NN lives in this repository.
# * Every file under src/cmsis_nn/<family>/ has the name of a portable file under src/portable/<family>/ and
#   provides that kernel's image adapter tl_op_<op>_<dtype> routed to CMSIS-NN. The portable file stays in the
#   build for its layer-1 kernel and checks (the CMSIS adapter validates through it, adds its own checks, and
#   falls back to it for records CMSIS-NN does not take); only its two adapters are renamed,
#   tl_op_<op>_<dtype>[_validate] -> tl_ref_op_<op>_<dtype>[_validate], through a per-file compile definition,
#   so no #if is needed in either file.
# * Only src/cmsis_nn/ sees Arm's headers (the include directory is private to those sources).
# * For Cortex-M, compile with the core's flags (-mcpu=cortex-m4 -mfloat-abi=hard ...): CMSIS-NN selects its DSP
#   (ARM_MATH_DSP, from __ARM_FEATURE_DSP) or MVE paths from the compiler's predefined macros. On the host it
#   builds its portable C paths.
if(NOT CMSIS_NN_ROOT OR NOT EXISTS "${CMSIS_NN_ROOT}/Include/arm_nnfunctions.h")
    message(FATAL_ERROR "TINYLITE_CMSIS_NN=ON needs -DCMSIS_NN_ROOT=<CMSIS-NN checkout> (with Include/arm_nnfunctions.h)")
endif()

file(GLOB TINYLITE_CMSIS_NN_ARM_SOURCES "${CMSIS_NN_ROOT}/Source/*Functions/*.c")
# Float kernels are not used (and need optional half-precision support).
list(FILTER TINYLITE_CMSIS_NN_ARM_SOURCES EXCLUDE REGEX "_f(16|32)\\.c$")
add_library(tinylite_cmsis_nn STATIC ${TINYLITE_CMSIS_NN_ARM_SOURCES})
target_include_directories(tinylite_cmsis_nn PUBLIC "${CMSIS_NN_ROOT}/Include")
set_target_properties(tinylite_cmsis_nn PROPERTIES POSITION_INDEPENDENT_CODE ON)
# Arm's code is built as shipped: our -Werror policy does not apply to it.
target_compile_options(tinylite_cmsis_nn PRIVATE -w)

# The routed kernels: src/cmsis_nn/<family>/<file> replaces the run adapter of src/portable/<family>/<file>.
file(GLOB_RECURSE TINYLITE_CMSIS_NN_ADAPTERS CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/src/cmsis_nn/*.c)
# Routes slower than our portable kernels on Cortex-M4 (int8 SOFTMAX, int4 weights) only on request.
if(NOT TINYLITE_CMSIS_NN_ALL_ROUTES)
    list(FILTER TINYLITE_CMSIS_NN_ADAPTERS EXCLUDE REGEX "/(tl_softmax_[^/]*|[^/]*_s4)\\.c$")
endif()
foreach(adapter ${TINYLITE_CMSIS_NN_ADAPTERS})
    file(RELATIVE_PATH rel ${CMAKE_CURRENT_SOURCE_DIR}/src/cmsis_nn ${adapter})
    set(portable ${CMAKE_CURRENT_SOURCE_DIR}/src/portable/${rel})
    if(NOT EXISTS ${portable})
        message(FATAL_ERROR "src/cmsis_nn/${rel} has no portable twin src/portable/${rel}")
    endif()
    # tl_conv2d_s8.c -> tl_op_conv2d_s8: the run adapter's symbol.
    get_filename_component(stem ${rel} NAME_WE)
    string(REGEX REPLACE "^tl_" "tl_op_" run_adapter ${stem})
    string(REGEX REPLACE "^tl_" "tl_ref_op_" ref_adapter ${stem})
    set_property(SOURCE ${portable} APPEND PROPERTY COMPILE_DEFINITIONS
        "${run_adapter}=${ref_adapter}" "${run_adapter}_validate=${ref_adapter}_validate")
    set_property(SOURCE ${adapter} APPEND PROPERTY INCLUDE_DIRECTORIES "${CMSIS_NN_ROOT}/Include")
    list(APPEND TINYLITE_KERNEL_SOURCES ${adapter})
endforeach()
