//
// TEST STAND-IN written by the TinyLite authors, NOT nanoFramework code: an empty stand-in for
// nf-interpreter's nanoPackStruct.h (packing attributes for generated enums; the glue declares none).
//
#ifndef TINYLITE_TEST_STANDIN_NANOPACKSTRUCT_H
#define TINYLITE_TEST_STANDIN_NANOPACKSTRUCT_H
#endif
