/* What the libFuzzer targets of fuzz/ share (fuzz/README.md).
 *
 * Each target is a file fuzz-NAME.c defining LLVMFuzzerTestOneInput:
 * any bytes in, an answer or a refusal out, never a crash, a leak, an
 * undefined behaviour or a hang. Its seeds are in fuzz/NAME-seeds/. */
#ifndef ROTA_FUZZ_H
#define ROTA_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Sends rota's messages (rota: FILE:LINE: ...) to a sink that checks
 * each says something and drops it: refusals are the normal
 * answer to most inputs, and stderr is kept for the sanitizers. With
 * FUZZ_VERBOSE set in the environment, they are printed too (to see why
 * an input is refused). Call first in every run (cheap). */
void fuzz_quiet(void);

/* DATA as a NUL-terminated string (a NUL inside ends it early, as it
 * would for the C string the program reads). The caller frees. */
char *fuzz_string(const uint8_t *data, size_t size);

/* NAME's path in a temporary folder made on the first call (the same
 * each call; the folder and its files are removed at exit). The caller
 * frees. */
char *fuzz_path(const char *name);

/* Writes DATA to a temporary file (the same path each run, removed at
 * exit) and returns its path: for the parsers that read a file. */
const char *fuzz_file(const uint8_t *data, size_t size);

/* Whether S is valid UTF-8 (RFC 3629: no overlong forms, surrogates or
 * code points past U+10FFFF) on one line (no CR or LF). */
int fuzz_utf8_line(const char *s);

#endif
