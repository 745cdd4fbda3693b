# Tests of the dense family (fully connected, mean, pooling, softmax and lookup activations) and the elementwise
# kernels. They link the kernel sources directly with a test tensor resolver (tests/tl_ndense_tensors.c) instead of
# the image-backed one (src/tensors), so they need no image.
file(GLOB TINYLITE_NDENSE_SOURCES CONFIGURE_DEPENDS
    ${PROJECT_SOURCE_DIR}/src/portable/dense/*.c
    ${PROJECT_SOURCE_DIR}/src/portable/pooling/*.c
    ${PROJECT_SOURCE_DIR}/src/portable/activations/*.c
    ${PROJECT_SOURCE_DIR}/src/portable/elementwise/*.c)
list(APPEND TINYLITE_NDENSE_SOURCES
    ${PROJECT_SOURCE_DIR}/src/families/tl_dense_family.c
    ${PROJECT_SOURCE_DIR}/src/families/tl_elementwise_family.c
    ${PROJECT_SOURCE_DIR}/tests/tl_ndense_tensors.c)
# With the CMSIS-NN backend the reference dense run adapters it replaces are renamed (cmake/cmsis_nn.cmake):
# link their src/cmsis_nn twins and Arm's library, so these tests exercise the CMSIS-NN routes.
set(TINYLITE_NDENSE_LIBS "")
if(TINYLITE_CMSIS_NN)
    foreach(adapter ${TINYLITE_CMSIS_NN_ADAPTERS})
        if(adapter MATCHES "/src/cmsis_nn/(dense|pooling|activations|elementwise)/")
            list(APPEND TINYLITE_NDENSE_SOURCES ${adapter})
        endif()
    endforeach()
    set(TINYLITE_NDENSE_LIBS tinylite_cmsis_nn)
endif()

add_executable(tl_ndense_kernels_test ${PROJECT_SOURCE_DIR}/tests/tl_ndense_kernels_test.c ${TINYLITE_NDENSE_SOURCES})
target_include_directories(tl_ndense_kernels_test PRIVATE
    ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/tests ${PROJECT_SOURCE_DIR}/src/portable/dense)
target_link_libraries(tl_ndense_kernels_test PRIVATE ${TINYLITE_NDENSE_LIBS})
add_test(NAME ndense_kernels COMMAND tl_ndense_kernels_test)

# Not a CTest: needs a compiled image and the shared models (see the comment at the top of the source).
add_executable(tl_ndense_image_check ${PROJECT_SOURCE_DIR}/tests/tl_ndense_image_check.c ${TINYLITE_NDENSE_SOURCES})
target_link_libraries(tl_ndense_image_check PRIVATE ${TINYLITE_NDENSE_LIBS})
target_include_directories(tl_ndense_image_check PRIVATE
    ${PROJECT_SOURCE_DIR}/include ${PROJECT_SOURCE_DIR}/tests)
