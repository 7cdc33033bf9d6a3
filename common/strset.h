/* A set of strings, for telling whether a key was seen before (page
 * import's keys while the table's own index of them is dropped). Keys are
 * copied; strset_free() frees them all. */
#ifndef ROTA_STRSET_H
#define ROTA_STRSET_H

#include <stdbool.h>
#include <stddef.h>

struct strset {
	struct strset_slot *slots;    /* a power of two of them */
	size_t cap, n;
	char *text;                   /* the keys, NUL-terminated, end to end */
	size_t len, size;
};

/* Adds the key A followed by B (B may be NULL): true when it is new, false
 * when the set has it already. Never fails (xalloc). */
bool strset_add(struct strset *s, const char *a, const char *b);
/* Makes room for N keys in all (a hint: the set grows as needed anyway). */
void strset_reserve(struct strset *s, size_t n);
void strset_free(struct strset *s);

#endif
