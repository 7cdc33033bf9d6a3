/* The command table of `rota`, the program users start: the read-only
 * commands a person runs many times a day (who is on call now, when am I
 * next), which need nothing but the database. Every other command, and the
 * help that lists them all, is run by the full program, rota-full, which
 * this one starts in its place (execv: same arguments, same process).
 *
 * Why two programs: the full one links libical (with ICU and libstdc++),
 * libcurl and libxml2, some 45 shared libraries; loading and relocating
 * them costs more than the whole of `rota now` may take (bench/README.md).
 * This one links sqlite, jansson and inih only (cli/local.mk). */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "common/err.h"

extern const struct cmd_entry cmd_now_entry;
extern const struct cmd_entry cmd_next_entry;

const struct cmd_entry *const cmd_table[] = {
	&cmd_now_entry,
	&cmd_next_entry,
	NULL,
};

#define FULL_PROGRAM "rota-full"

/* Runs ARGV (as given to main) in the full program: the one beside this
 * program when there is one (the build tree), else the installed one
 * (PKGLIBEXECDIR, from make). Returns only on failure. */
static int
run_full_program(char **argv)
{
	char self[PATH_MAX], path[PATH_MAX + sizeof FULL_PROGRAM];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	char *slash;

	if (n > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			slash[1] = '\0';
			snprintf(path, sizeof path, "%s%s", self, FULL_PROGRAM);
			if (access(path, X_OK) == 0)
				execv(path, argv);
		}
	}
	snprintf(path, sizeof path, "%s/%s", PKGLIBEXECDIR, FULL_PROGRAM);
	execv(path, argv);
	return rota_fail(EX_OSERR, "cannot run %s: %s", path, strerror(errno));
}

int (*const cmd_elsewhere)(char **argv) = run_full_program;
/* Client mode is the full program's (cli/remote.c). */
int (*const cmd_remote)(const struct config *, const char *, int, char **) = NULL;
