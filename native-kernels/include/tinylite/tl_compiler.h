/**
 * @file tl_compiler.h
 * @brief Compiler attributes shared by the C sources. Each expands to nothing (or plain @c inline) on a
 * compiler without it, so the code stays C99; none changes what a function computes, only how it is compiled.
 */
#ifndef TINYLITE_TL_COMPILER_H
#define TINYLITE_TL_COMPILER_H

#if defined(__GNUC__)
/** Keeps a function out of line: inlined into a large loop nest, a helper can cost the nest its registers. */
#define TL_NOINLINE __attribute__((noinline))
/** Inlines a function even where the optimiser's size heuristics would not. */
#define TL_ALWAYS_INLINE __attribute__((always_inline)) inline
#else
#define TL_NOINLINE
#define TL_ALWAYS_INLINE inline
#endif

#endif /* TINYLITE_TL_COMPILER_H */
