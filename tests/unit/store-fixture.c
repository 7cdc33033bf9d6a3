/* The unit tests' store fixture: see store-fixture.h. */
#include "config.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "tests/unit/store-fixture.h"

static int
remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Removes DIR and everything in it. */
static int
remove_tree(const char *dir)
{
	return nftw(dir, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

int
fixture_setup(void **state, size_t size, bool open)
{
	const char *tmp = getenv("TMPDIR");
	struct fixture *f;
	int n;

	if (size < sizeof *f || (f = calloc(1, size)) == NULL)
		return -1;
	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	n = snprintf(f->dir, sizeof f->dir, "%s/rota-test.XXXXXX", tmp);
	if (n < 0 || (size_t)n >= sizeof f->dir || mkdtemp(f->dir) == NULL) {
		fprintf(stderr, "store fixture: cannot make a folder in %s\n", tmp);
		free(f);
		return -1;
	}
	snprintf(f->path, sizeof f->path, "%s/rota.db", f->dir);
	if (open && store_open(f->path, &f->db) != 0) {
		remove_tree(f->dir);
		free(f);
		return -1;
	}
	*state = f;
	return 0;
}

char *
fixture_file(const struct fixture *f, const char *name, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s/%s", f->dir, name);

	if (n < 0 || (size_t)n >= len) {
		fprintf(stderr, "store fixture: %s/%s: path too long\n", f->dir, name);
		abort();
	}
	return buf;
}

int
setup(void **state)
{
	return fixture_setup(state, sizeof(struct fixture), true);
}

int
teardown(void **state)
{
	struct fixture *f = *state;
	int rc;

	store_close(f->db);
	f->db = NULL;
	rc = remove_tree(f->dir);
	free(f);
	*state = NULL;
	return rc == 0 ? 0 : -1;
}
