#include <config.h>  /* autoconf's, not common/config.h */

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "common/xalloc.h"

void
xalloc_fail(void)
{
	fputs("rota: out of memory\n", stderr);
	exit(EX_OSERR);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		xalloc_fail();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		xalloc_fail();
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		xalloc_fail();
	p = realloc(p, n * size != 0 ? n * size : 1);
	if (p == NULL)
		xalloc_fail();
	return p;
}

void *
xpush(void *v, size_t *n, size_t size)
{
	char *p = v;

	/* The capacity is the power of two at or above *n: grow by doubling
	 * when *n reaches one, so a list of n rows costs O(n), not O(n^2). */
	if ((*n & (*n - 1)) == 0)
		p = xreallocarray(v, *n ? 2 * *n : 1, size);
	memset(p + *n * size, 0, size);
	(*n)++;
	return p;
}

char *
xstrdup(const char *s)
{
	char *d = strdup(s);

	if (d == NULL)
		xalloc_fail();
	return d;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	char *s;

	if (vasprintf(&s, fmt, ap) < 0)
		xalloc_fail();
	return s;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

void *
xnonnull(void *p)
{
	if (p == NULL)
		xalloc_fail();
	return p;
}
