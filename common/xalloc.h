/* Allocation that never returns NULL: running out of memory ends the
 * program with EX_OSERR, as there is nothing sensible left to do. */
#ifndef ROTA_XALLOC_H
#define ROTA_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xreallocarray(void *p, size_t n, size_t size);
/* Appends one zeroed element of SIZE bytes to the array V of *n elements
 * (built by xpush alone: it keeps spare room) and returns the array,
 * perhaps moved. */
void *xpush(void *v, size_t *n, size_t size);
char *xstrdup(const char *s);
/* Returns a newly allocated formatted string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
