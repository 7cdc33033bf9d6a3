/* What the key commands print. */
#ifndef ROTA_CLI_KEYS_H
#define ROTA_CLI_KEYS_H

#include "store/store.h"

/* One key as an object: handle, type, fingerprint, comment. */
void print_key(const struct ssh_key *k);
/* The keys V (N of them) as a list. */
void print_keys(const struct ssh_key *v, size_t n);

#endif
