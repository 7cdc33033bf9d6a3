/* What the fuzz targets share: a quiet message sink, strings, files. */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/err.h"
#include "common/xalloc.h"
#include "fuzz/fuzz.h"

static void
check_message(enum rota_msg_kind kind, const char *text, void *arg)
{
	/* A message says something (the sink of the command line shows
	 * its control characters escaped). */
	if (text == NULL || *text == '\0') {
		fprintf(stderr, "fuzz: an empty message\n");
		abort();
	}
	if (arg != NULL)
		fprintf(stderr, "rota: %s%s\n", kind == ROTA_MSG_WARNING ? "warning: " : "", text);
}

void
fuzz_quiet(void)
{
	static int verbose = -1;

	if (verbose < 0)
		verbose = getenv("FUZZ_VERBOSE") != NULL;
	rota_set_sink(check_message, verbose ? &verbose : NULL);
}

char *
fuzz_string(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

static char dir[64];

/* Removes the temporary folder and what the targets left in it. */
static void
remove_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char path[sizeof dir + 256];

	while (d != NULL && (e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	if (d != NULL)
		closedir(d);
	rmdir(dir);
}

char *
fuzz_path(const char *name)
{
	char *path;

	if (*dir == '\0') {
		const char *tmp = getenv("TMPDIR");

		snprintf(dir, sizeof dir, "%s/rota-fuzz.XXXXXX",
			 tmp != NULL && *tmp != '\0' && strlen(tmp) < 32 ? tmp : "/tmp");
		if (mkdtemp(dir) == NULL) {
			perror("fuzz: mkdtemp");
			abort();
		}
		atexit(remove_dir);
	}
	path = xmalloc(strlen(dir) + strlen(name) + 2);
	sprintf(path, "%s/%s", dir, name);
	return path;
}

const char *
fuzz_file(const uint8_t *data, size_t size)
{
	static char *path;
	FILE *f;

	if (path == NULL)
		path = fuzz_path("input");
	if ((f = fopen(path, "wb")) == NULL || fwrite(data, 1, size, f) != size ||
	    fclose(f) != 0) {
		perror("fuzz: writing the input");
		abort();
	}
	return path;
}

int
fuzz_utf8_line(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p != '\0') {
		unsigned c = *p;
		int n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 :
			c >= 0xf0 && c <= 0xf4 ? 3 : -1;
		unsigned lo = 0x80, hi = 0xbf;

		if (n < 0 || c == '\n' || c == '\r')
			return 0;
		if (c == 0xe0)
			lo = 0xa0;          /* overlong */
		else if (c == 0xed)
			hi = 0x9f;          /* surrogates */
		else if (c == 0xf0)
			lo = 0x90;          /* overlong */
		else if (c == 0xf4)
			hi = 0x8f;          /* past U+10FFFF */
		p++;
		for (int i = 0; i < n; i++, p++) {
			if (*p < lo || *p > hi)
				return 0;
			lo = 0x80;
			hi = 0xbf;
		}
	}
	return 1;
}
