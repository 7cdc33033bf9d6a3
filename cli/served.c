/* What crosses the SSH boundary: see served.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli/served.h"
#include "common/err.h"
#include "common/xalloc.h"
#include "http/http.h"

bool
served_command_refused(const struct cmd_entry *e)
{
	static const char *const refused[] = { "serve", "init", "demo", "publish", "notify" };

	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
		if (strcmp(e->name, refused[i]) == 0)
			return true;
	return false;
}

bool
served_option_names_file(const struct cmd_option *o)
{
	return o->meta != NULL && (strcmp(o->meta, "FILE") == 0 ||
				   strcmp(o->meta, "DIR") == 0 || strcmp(o->meta, "PATH") == 0);
}

int
served_file_arg(const struct cmd_entry *e, bool *url_ok)
{
	const char *p = e->args;
	int pos = 0;

	while (p != NULL && *p != '\0') {
		size_t n = strcspn(p, " ");
		const char *w = p;

		pos++;
		if (*w == '[')
			w++;
		if (strncmp(w, "FILE", 4) == 0) {
			if (url_ok != NULL)
				*url_ok = strncmp(w, "FILE|URL", 8) == 0;
			return pos;
		}
		p += n;
		p += strspn(p, " ");
	}
	return 0;
}

int
served_check_global(const char *name)
{
	if (strcmp(name, "db") == 0 || strcmp(name, "config") == 0)
		return rota_fail(EX_NOPERM, "serve: --%s is not allowed here: the %s is "
				 "the server's", name, strcmp(name, "db") == 0 ?
				 "database" : "configuration");
	return 0;
}

int
served_check(const struct cmd_entry *e, int argc, char **argv)
{
	struct cmd_given *given = xcalloc((size_t)argc + 1, sizeof *given);
	char **copy = xcalloc((size_t)argc + 1, sizeof *copy), err[256];
	bool url_ok = false;
	int file = served_file_arg(e, &url_ok), first, r = 0;
	size_t n;

	if (served_command_refused(e)) {
		r = rota_fail(EX_NOPERM, "serve: %s is not allowed here: it runs on the "
			      "server only%s", e->name, strcmp(e->name, "publish") == 0 ||
			      strcmp(e->name, "notify") == 0 ? ", from the service account's "
			      "timer" : "");
		goto done;
	}
	memcpy(copy, argv, (size_t)argc * sizeof *copy);
	first = cmd_parse_options(e->options, ":", argc, copy, given, &n, err, sizeof err);
	if (first < 0)
		goto done;
	for (size_t i = 0; i < n && r == 0; i++) {
		const struct cmd_option *o = given[i].opt;

		if (served_option_names_file(o))
			r = rota_fail(EX_NOPERM, "serve: --%s is not allowed here: it names a "
				      "file on the server%s", o->name, o->letter == 'o' ?
				      " (rota on your side takes -o and writes the file there)" : "");
	}
	if (r == 0 && file > 0 && first + file - 1 < argc) {
		const char *v = copy[first + file - 1];

		if (strcmp(v, "-") != 0 && !(url_ok && http_is_url(v)))
			r = rota_fail(EX_NOPERM, "serve: %s '%s' is not allowed here: give - and "
				      "send the file on standard input%s (rota on your side "
				      "does)", e->name, v, url_ok ? ", or a URL" : "");
	}
done:
	free(copy);
	free(given);
	return r;
}
