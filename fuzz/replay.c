/* A main for the fuzz targets without libFuzzer, so that `make check`
 * replays every seed with any compiler (no clang needed): fuzz/local.mk
 * builds each target with it as fuzz/replay-NAME, a test of the suite
 * (under the sanitizers and valgrind in CI too), so a target that no
 * longer builds or runs, or a seed that fails again, is seen at once.
 *
 * Without arguments it runs LLVMFuzzerTestOneInput once over each file
 * of $ROTA_SRCDIR/fuzz/NAME-seeds (FUZZ_SEEDS names it), in name order,
 * printing TAP; with arguments, over each file named. A failing input
 * aborts, as under libFuzzer. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "fuzz/fuzz.h"

/* The whole of file PATH in *DATA (*SIZE bytes; the caller frees). */
static int
slurp(const char *path, uint8_t **data, size_t *size)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 4096, n = 0, got;
	uint8_t *buf;

	if (f == NULL)
		return -1;
	buf = xmalloc(cap);
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = xreallocarray(buf, cap *= 2, 1);
	}
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return -1;
	}
	fclose(f);
	*data = buf;
	*size = n;
	return 0;
}

/* Runs the target over the file PATH: 0, or -1 if it cannot be read. */
static int
run(const char *path)
{
	uint8_t *data;
	size_t size;

	if (slurp(path, &data, &size) < 0) {
		perror(path);
		return -1;
	}
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	return 0;
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

static int
not_hidden(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

int
main(int argc, char **argv)
{
	const char *src = getenv("ROTA_SRCDIR");
	struct dirent **v;
	char dir[4096], path[8192];
	int n, failed = 0;

	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			if (run(argv[i]) < 0)
				return 66;
		return 0;
	}
	snprintf(dir, sizeof dir, "%s/fuzz/%s-seeds", src != NULL ? src : ".", FUZZ_SEEDS);
	if ((n = scandir(dir, &v, not_hidden, by_name)) <= 0) {
		printf("1..1\nnot ok 1 - no seeds in %s\n", dir);
		return 1;
	}
	printf("1..%d\n", n);
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, v[i]->d_name);
		fflush(stdout);
		if (run(path) < 0)
			failed = 1;
		printf("%s %d - %s-seeds/%s\n", failed ? "not ok" : "ok", i + 1, FUZZ_SEEDS,
		       v[i]->d_name);
		free(v[i]);
	}
	free(v);
	return failed || fclose(stdout) != 0;
}
