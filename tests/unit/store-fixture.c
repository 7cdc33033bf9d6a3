#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "tests/unit/store-fixture.h"

int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	snprintf(f->dir, sizeof f->dir, "/tmp/rota-test.XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	snprintf(f->path, sizeof f->path, "%s/rota.db", f->dir);
	if (store_open(f->path, &f->db) != 0)
		return -1;
	*state = f;
	return 0;
}

int
teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	store_close(f->db);
	snprintf(cmd, sizeof cmd, "rm -rf %s", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}
