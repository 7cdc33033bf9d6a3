/* A fresh database in a temporary folder for each unit test, removed
 * after it: cmocka setup and teardown for tests that only need the store,
 * and the base of the fixtures of those that need more. The folder is made
 * in $TMPDIR (/tmp when unset or empty).
 *
 * A test that needs more embeds struct fixture first in its own and makes
 * it with fixture_setup(state, sizeof (struct mine), true); its teardown
 * frees what it added and ends with teardown(state), which frees the
 * whole. */
#ifndef ROTA_STORE_FIXTURE_H
#define ROTA_STORE_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"

/* The folder's name fits in FIXTURE_DIR_MAX bytes ($TMPDIR of up to 95
 * characters), and DIR/NAME for a short NAME in FIXTURE_PATH_MAX: small
 * enough that the tests' own buffers of 128 bytes or more take
 * "%s/rota.conf" without a truncation warning. */
#define FIXTURE_DIR_MAX 112
#define FIXTURE_PATH_MAX (FIXTURE_DIR_MAX + 32)

struct fixture {
	char dir[FIXTURE_DIR_MAX];      /* the temporary folder */
	char path[FIXTURE_PATH_MAX];    /* DIR/rota.db */
	struct store *db;               /* open on PATH, or NULL */
};

/* Allocates SIZE zeroed bytes (at least a struct fixture, which they
 * start with) into *STATE, makes the folder and, when OPEN, the store on
 * PATH (the test opens it itself otherwise: a migration from an old
 * version, say). 0, or -1 with nothing left behind. */
int fixture_setup(void **state, size_t size, bool open);

/* A file's path in the fixture's folder, in BUF of LEN bytes: BUF. */
char *fixture_file(const struct fixture *f, const char *name, char *buf, size_t len);

/* fixture_setup of a plain struct fixture with the store open. */
int setup(void **state);

/* Closes the store if open, removes the folder and frees *STATE. */
int teardown(void **state);

#endif
