/* A set of strings: open addressing with linear probing over slots that
 * hold a key's hash and where its text starts, the texts in one growing
 * buffer (a million page ids are two allocations, not a million). */
#include <config.h>  /* autoconf's, not common/config.h */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/strset.h"
#include "common/xalloc.h"

struct strset_slot {
	uint32_t hash;
	uint32_t at;                  /* offset of the text + 1; 0: empty */
};

/* The byte between A and B in a key: not in any id or source name. */
#define SEP '\x1f'

static uint32_t
hash_key(const char *a, const char *b)
{
	uint64_t h = 14695981039346656037u;        /* FNV-1a */

	for (const unsigned char *p = (const unsigned char *)a; *p; p++)
		h = (h ^ *p) * 1099511628211u;
	h = (h ^ (unsigned char)SEP) * 1099511628211u;
	for (const unsigned char *p = (const unsigned char *)(b ? b : ""); *p; p++)
		h = (h ^ *p) * 1099511628211u;
	return (uint32_t)(h ^ (h >> 32));
}

static bool
same_key(const char *text, const char *a, const char *b)
{
	size_t la = strlen(a);

	return strncmp(text, a, la) == 0 && text[la] == SEP &&
	       strcmp(text + la + 1, b ? b : "") == 0;
}

/* Rehashes into CAP slots (a power of two above twice the keys). */
static void
resize(struct strset *s, size_t cap)
{
	struct strset_slot *slots = xcalloc(cap, sizeof *slots);

	for (size_t i = 0; i < s->cap; i++) {
		size_t k;

		if (s->slots[i].at == 0)
			continue;
		for (k = s->slots[i].hash & (cap - 1); slots[k].at != 0; k = (k + 1) & (cap - 1))
			;
		slots[k] = s->slots[i];
	}
	free(s->slots);
	s->slots = slots;
	s->cap = cap;
}

bool
strset_add(struct strset *s, const char *a, const char *b)
{
	uint32_t h = hash_key(a, b);
	size_t la = strlen(a), lb = b ? strlen(b) : 0, k;

	if (2 * (s->n + 1) > s->cap)
		resize(s, s->cap ? s->cap * 2 : 1024);
	for (k = h & (s->cap - 1); s->slots[k].at != 0; k = (k + 1) & (s->cap - 1))
		if (s->slots[k].hash == h && same_key(s->text + s->slots[k].at - 1, a, b))
			return false;
	if (s->len + la + lb + 2 > UINT32_MAX) {    /* the slots' offsets: 4 GB of keys */
		xalloc_fail();
	}
	if (s->len + la + lb + 2 > s->size) {
		s->size = (s->size ? s->size * 2 : 65536) + la + lb + 2;
		s->text = xreallocarray(s->text, s->size, 1);
	}
	s->slots[k].hash = h;
	s->slots[k].at = (uint32_t)s->len + 1;
	memcpy(s->text + s->len, a, la);
	s->text[s->len + la] = SEP;
	memcpy(s->text + s->len + la + 1, b ? b : "", lb + 1);
	s->len += la + lb + 2;
	s->n++;
	return true;
}

void
strset_reserve(struct strset *s, size_t n)
{
	size_t cap = s->cap ? s->cap : 1024;

	while (cap < 2 * n)
		cap *= 2;
	if (cap > s->cap)
		resize(s, cap);
}

void
strset_free(struct strset *s)
{
	free(s->slots);
	free(s->text);
	memset(s, 0, sizeof *s);
}
