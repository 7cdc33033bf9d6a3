/* Allocation that never returns NULL: running out of memory ends the
 * program with EX_OSERR, as there is nothing sensible left to do. This is
 * rota's one policy: no code calls malloc and friends itself, and a
 * library's allocation that can fail only for want of memory goes through
 * xnonnull. */
#ifndef ROTA_XALLOC_H
#define ROTA_XALLOC_H

#include <stdarg.h>
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
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* P, which a library allocated (curl_slist_append, sqlite3_mprintf, ...)
 * and returns NULL for only when out of memory; NULL ends the program as
 * the functions above do. */
void *xnonnull(void *p);
/* Ends the program as running out of memory does: for a limit of one's
 * own (a table's offsets) reached. */
void xalloc_fail(void) __attribute__((noreturn));

#endif
