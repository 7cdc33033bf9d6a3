/* Client mode: see remote.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cmd.h"
#include "cli/remote.h"
#include "cli/served.h"
#include "common/atomic.h"
#include "common/err.h"
#include "common/progress.h"
#include "common/words.h"
#include "common/xalloc.h"
#include "http/http.h"

/* The words sent, and what stays on this side. */
struct call {
	char **words;
	int n;
	const char *in_path;          /* a FILE the command reads, sent as - */
	bool stdin_sent;              /* the command reads standard input (-) */
	const char *out_path;         /* -o FILE, written here */
	char **owned;                 /* the words made here, freed after */
	size_t n_owned;
	char *width;                  /* --width's value, made here */
};

static void
add(struct call *c, const char *w)
{
	c->words = xreallocarray(c->words, (size_t)c->n + 2, sizeof *c->words);
	c->words[c->n++] = (char *)w;
	c->words[c->n] = NULL;
}

/* Adds --NAME of option O, and its VALUE when it takes one. */
static void
add_option(struct call *c, const struct cmd_option *o, const char *value)
{
	char *w = xasprintf("--%s", o->name);

	c->owned = xreallocarray(c->owned, c->n_owned + 1, sizeof *c->owned);
	c->owned[c->n_owned++] = w;
	add(c, w);
	if (o->meta != NULL)
		add(c, value);
}

/* The command's options and arguments (ARGV[0] its name): -o FILE kept
 * here, the FILE it reads replaced by -. Words that do not parse are sent
 * as they are, for the server to refuse as rota would here. */
static void
command_words(const struct cmd_entry *e, int argc, char **argv, struct call *c)
{
	struct cmd_given *given = xcalloc((size_t)argc + 1, sizeof *given);
	char **copy = xcalloc((size_t)argc + 1, sizeof *copy), err[256];
	bool url_ok = false, dashes = false;
	int file = served_file_arg(e, &url_ok), first;
	size_t n;

	memcpy(copy, argv, (size_t)argc * sizeof *copy);
	first = cmd_parse_options(e->options, ":", argc, copy, given, &n, err, sizeof err);
	if (first < 0) {
		for (int i = 1; i < argc; i++)
			add(c, argv[i]);
		goto done;
	}
	for (size_t i = 0; i < n; i++) {
		const struct cmd_option *o = given[i].opt;

		if (served_option_names_file(o) && o->letter == 'o') {
			c->out_path = strcmp(given[i].value, "-") == 0 ? NULL : given[i].value;
			continue;
		}
		add_option(c, o, given[i].value);
	}
	for (int i = first; i < argc; i++)
		dashes = dashes || (copy[i][0] == '-' && copy[i][1] != '\0');
	if (dashes)
		add(c, "--");
	for (int i = first; i < argc; i++) {
		const char *v = copy[i];

		if (i - first + 1 == file && strcmp(v, "-") == 0) {
			c->stdin_sent = true;
		} else if (i - first + 1 == file && !(url_ok && http_is_url(v))) {
			c->in_path = v;
			v = "-";
		}
		add(c, v);
	}
done:
	free(copy);
	free(given);
}

/* The global option NAME of this program, or NULL when it has none. */
static const struct cmd_option *
global_option(const char *name)
{
	for (const struct cmd_option *o = cmd_global_options; o->name != NULL; o++)
		if (strcmp(o->name, name) == 0)
			return o;
	return NULL;
}

/* What this side's terminal says, as the server cannot see it (its
 * output and error are pipes: no colour, every column, no progress bar):
 * --progress=always when progress_shown() says so here (--progress as
 * given to this side, else standard error a terminal), never sent as
 * given; with standard output a terminal, --color=always (unless
 * NO_COLOR is set) and --width of its columns, each unless given. */
static void
terminal_words(struct call *c, bool colour_given, bool width_given)
{
	const struct cmd_option *colour = global_option("color"), *width = global_option("width");
	const struct cmd_option *progress = global_option("progress");
	const char *no_colour = getenv("NO_COLOR");
	struct winsize ws;

	if (progress != NULL && progress_shown())
		add_option(c, progress, "always");
	if (c->out_path != NULL || !isatty(STDOUT_FILENO))
		return;
	if (colour != NULL && !colour_given && (no_colour == NULL || *no_colour == '\0'))
		add_option(c, colour, "always");
	if (width != NULL && !width_given && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col >= 20) {
		c->width = xasprintf("%u", (unsigned)ws.ws_col);
		add_option(c, width, c->width);
	}
}

/* The words of ARGV (main's) to send, "rota" first. */
static void
call_words(int argc, char **argv, struct call *c)
{
	struct cmd_given *given = xcalloc((size_t)argc + 1, sizeof *given);
	char **copy = xcalloc((size_t)argc + 1, sizeof *copy), err[256];
	const struct cmd_entry *e;
	int first, used;
	size_t n;

	bool colour_given = false, width_given = false;
	struct call cmd = { 0 };

	memcpy(copy, argv, (size_t)argc * sizeof *copy);
	add(c, "rota");
	first = cmd_parse_options(cmd_global_options, "+:", argc, copy, given, &n, err,
				  sizeof err);
	/* main parsed the same words: they parse. */
	for (size_t i = 0; i < n; i++) {
		const struct cmd_option *o = given[i].opt;

		/* --progress is decided here (terminal_words), and so is
		 * --color=auto: the terminal it means is this side's. */
		if (strcmp(o->name, "config") == 0 || strcmp(o->name, "progress") == 0 ||
		    (strcmp(o->name, "color") == 0 && strcmp(given[i].value, "auto") == 0))
			continue;
		colour_given = colour_given || strcmp(o->name, "color") == 0;
		width_given = width_given || strcmp(o->name, "width") == 0 ||
			      strcmp(o->name, "wide") == 0;
		add_option(c, o, given[i].value);
	}
	e = cmd_find(argc - first, copy + first, &used);
	/* The command's words first, to know whether -o takes the output. */
	command_words(e, argc - first - used + 1, copy + first + used - 1, &cmd);
	c->out_path = cmd.out_path;
	terminal_words(c, colour_given, width_given);
	/* The server reads the caller's file as "-": its messages name it as
	 * the caller typed it. */
	if (cmd.in_path != NULL)
		add_option(c, global_option("input-name"), cmd.in_path);
	for (int i = 0; i < used; i++)
		add(c, copy[first + i]);
	for (int i = 0; i < cmd.n; i++)
		add(c, cmd.words[i]);
	c->in_path = cmd.in_path;
	c->stdin_sent = cmd.stdin_sent;
	if (cmd.n_owned > 0) {
		c->owned = xreallocarray(c->owned, c->n_owned + cmd.n_owned, sizeof *c->owned);
		memcpy(c->owned + c->n_owned, cmd.owned, cmd.n_owned * sizeof *cmd.owned);
		c->n_owned += cmd.n_owned;
	}
	free(cmd.owned);
	free(cmd.words);
	free(copy);
	free(given);
}

/* HOST split into the host for ssh and its port: "rota@h:2222",
 * "rota@[::1]:2222". 0, or EX_CONFIG naming WHERE. */
static int
host_port(const char *spec, const char *where, char **host, char **port)
{
	const char *at = strrchr(spec, '@'), *h = at ? at + 1 : spec, *colon;
	size_t plen;

	*host = *port = NULL;
	if (*spec == '\0' || *spec == '-' || strpbrk(spec, " \t") != NULL)
		return rota_fail(EX_CONFIG, "%s: '%s' is not a host: give [user@]host[:port], "
				 "as in rota@oncall.example.com", where, spec);
	if (*h == '[' && (colon = strchr(h, ']')) != NULL) {
		*host = xasprintf("%.*s%.*s", (int)(h - spec), spec, (int)(colon - h - 1), h + 1);
		colon = colon[1] == ':' ? colon + 1 : NULL;
	} else if ((colon = strchr(h, ':')) != NULL && strchr(colon + 1, ':') == NULL) {
		*host = xasprintf("%.*s", (int)(colon - spec), spec);
	} else {
		*host = xstrdup(spec);
		colon = NULL;
	}
	if (colon == NULL)
		return 0;
	plen = strlen(colon + 1);
	if (plen == 0 || plen > 5 || strspn(colon + 1, "0123456789") != plen ||
	    atoi(colon + 1) < 1 || atoi(colon + 1) > 65535) {
		free(*host);
		*host = NULL;
		return rota_fail(EX_CONFIG, "%s: '%s': the port must be a number from 1 to "
				 "65535", where, spec);
	}
	*port = xstrdup(colon + 1);
	return 0;
}

/* Copies FD to the output file until the end. 0 or errno. */
static int
copy_out(int fd, FILE *f)
{
	char buf[65536];
	ssize_t got;

	while ((got = read(fd, buf, sizeof buf)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return errno;
		fwrite(buf, 1, (size_t)got, f);
	}
	return 0;
}

/* Starts ssh with ARGS, its standard input IN, its output OUT (-1: ours). */
static pid_t
start(char *const *args, int in, int out)
{
	pid_t pid = fork();

	if (pid != 0)
		return pid;
	if ((in != STDIN_FILENO && dup2(in, STDIN_FILENO) < 0) ||
	    (out >= 0 && dup2(out, STDOUT_FILENO) < 0))
		_exit(EX_OSERR);
	execvp(args[0], args);
	rota_fail(EX_UNAVAILABLE, "cannot run %s: %s (set [remote] ssh in rota.conf)",
		  args[0], strerror(errno));
	_exit(EX_UNAVAILABLE);
}

int
remote_run(const struct config *cfg, const char *spec, int argc, char **argv)
{
	const char *ssh = config_get(cfg, "remote", NULL, "ssh", NULL);
	struct call c = { 0 };
	struct atomic_file a = { 0 };
	char *host = NULL, *port = NULL, *line = NULL, err[160], *args[8];
	int r, st, in = -1, pipefd[2] = { -1, -1 }, nargs = 0;
	long cfg_port;
	pid_t pid;

	if ((r = host_port(spec, getenv("ROTA_REMOTE") != NULL && *getenv("ROTA_REMOTE") ?
			   "ROTA_REMOTE" : "[remote] host", &host, &port)) != 0)
		return r;
	if ((r = config_get_int(cfg, "remote", NULL, "port", 0, 0, 65535, &cfg_port)) != 0)
		goto done;
	if (port == NULL && cfg_port > 0)
		port = xasprintf("%ld", cfg_port);
	call_words(argc, argv, &c);
	if ((line = words_quote(c.words, c.n, err, sizeof err)) == NULL) {
		r = rota_fail(EX_USAGE, "%s", err);
		goto done;
	}
	if (c.in_path != NULL && (in = open(c.in_path, O_RDONLY)) < 0) {
		r = rota_fail(EX_NOINPUT, "%s: cannot read: %s", c.in_path, strerror(errno));
		goto done;
	}
	if (c.in_path == NULL && !c.stdin_sent && (in = open("/dev/null", O_RDONLY)) < 0) {
		r = rota_fail(EX_OSERR, "/dev/null: %s", strerror(errno));
		goto done;
	}
	if (c.out_path != NULL && ((r = atomic_open(&a, c.out_path, ATOMIC_MODE_DEFAULT)) != 0))
		goto done;
	if (c.out_path != NULL && pipe(pipefd) < 0) {
		r = rota_fail(EX_OSERR, "pipe: %s", strerror(errno));
		goto done;
	}
	args[nargs++] = (char *)(ssh != NULL && *ssh ? ssh : "ssh");
	args[nargs++] = (char *)"-T";
	if (port != NULL) {
		args[nargs++] = (char *)"-p";
		args[nargs++] = port;
	}
	args[nargs++] = (char *)"--";
	args[nargs++] = host;
	args[nargs++] = line;
	args[nargs] = NULL;
	fflush(NULL);
	if ((pid = start(args, in >= 0 ? in : STDIN_FILENO, pipefd[1])) < 0) {
		r = rota_fail(EX_OSERR, "fork: %s", strerror(errno));
		goto done;
	}
	if (pipefd[1] >= 0) {
		close(pipefd[1]);
		pipefd[1] = -1;
		if ((r = copy_out(pipefd[0], a.f)) != 0)
			rota_fail(EX_IOERR, "reading from ssh: %s", strerror(r));
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR) {
			r = rota_fail(EX_OSERR, "waitpid: %s", strerror(errno));
			goto done;
		}
	if (WIFSIGNALED(st))
		r = rota_fail(EX_UNAVAILABLE, "ssh to %s was killed by signal %d", host,
			      WTERMSIG(st));
	else if (WEXITSTATUS(st) == 255)
		r = rota_fail(EX_UNAVAILABLE, "ssh to %s failed (ssh's message is above): "
			      "nothing was run", host);
	else
		r = WEXITSTATUS(st);
	if (r == 0 && c.out_path != NULL)
		r = atomic_commit(&a);
done:
	if (c.out_path != NULL)
		atomic_discard(&a);
	if (in >= 0)
		close(in);
	for (int i = 0; i < 2; i++)
		if (pipefd[i] >= 0)
			close(pipefd[i]);
	for (size_t i = 0; i < c.n_owned; i++)
		free(c.owned[i]);
	free(c.width);
	free(c.owned);
	free(c.words);
	free(line);
	free(host);
	free(port);
	return r;
}
