/* A set of row ids: open addressing with linear probing, 0 the empty
 * slot (no row has id 0). Kept at most half full. */
#include <config.h>  /* autoconf's, not common/config.h */

#include <stdlib.h>

#include "common/idset.h"
#include "common/xalloc.h"

static size_t
slot_of(int64_t id, size_t cap)
{
	return (size_t)(((uint64_t)id * 0x9e3779b97f4a7c15u) >> 32) & (cap - 1);
}

static void
put(int64_t *slots, size_t cap, int64_t id)
{
	size_t k = slot_of(id, cap);

	while (slots[k] != 0 && slots[k] != id)
		k = (k + 1) & (cap - 1);
	slots[k] = id;
}

void
idset_add(struct idset *s, int64_t id)
{
	size_t k;

	if (id == 0)
		return;
	if (s->cap != 0) {
		for (k = slot_of(id, s->cap); s->slots[k] != 0; k = (k + 1) & (s->cap - 1))
			if (s->slots[k] == id)
				return;
	}
	if (2 * (s->n + 1) > s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 16;
		int64_t *slots = xcalloc(cap, sizeof *slots);

		for (size_t i = 0; i < s->cap; i++)
			if (s->slots[i] != 0)
				put(slots, cap, s->slots[i]);
		free(s->slots);
		s->slots = slots;
		s->cap = cap;
	}
	put(s->slots, s->cap, id);
	s->n++;
}

int
idset_next(const struct idset *s, size_t *k, int64_t *id)
{
	for (; *k < s->cap; (*k)++)
		if (s->slots[*k] != 0) {
			*id = s->slots[(*k)++];
			return 1;
		}
	return 0;
}

void
idset_free(struct idset *s)
{
	free(s->slots);
	s->slots = NULL;
	s->cap = s->n = 0;
}
