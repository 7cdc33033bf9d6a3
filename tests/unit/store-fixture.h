/* A fresh database in a temporary folder for each unit test, removed
 * after it: cmocka setup and teardown for tests that only need the store. */
#ifndef ROTA_STORE_FIXTURE_H
#define ROTA_STORE_FIXTURE_H

#include "store/store.h"

struct fixture {
	char dir[64];
	char path[96];
	struct store *db;
};

int setup(void **state);
int teardown(void **state);

#endif
