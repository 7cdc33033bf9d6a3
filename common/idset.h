/* A set of row ids (positive integers), for the few distinct ids many rows
 * name: the persons and rotations a page import refers to, checked once at
 * its end instead of row by row. */
#ifndef ROTA_IDSET_H
#define ROTA_IDSET_H

#include <stddef.h>
#include <stdint.h>

struct idset {
	int64_t *slots;               /* a power of two of them; 0: empty */
	size_t cap, n;
};

/* Adds ID (0, no id, is left out). Never fails (xalloc). */
void idset_add(struct idset *s, int64_t id);
/* The ids, in no order, for K from 0 while it returns nonzero: *ID set. */
int idset_next(const struct idset *s, size_t *k, int64_t *id);
void idset_free(struct idset *s);

#endif
