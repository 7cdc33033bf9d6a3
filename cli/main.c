/* rota: global options, then dispatch through the command table. */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/actor.h"
#include "cli/cmd.h"
#include "cli/db-group.h"
#include "cli/main.h"
#include "cli/util.h"
#include "common/atomic.h"
#include "common/err.h"
#include "common/out.h"
#include "common/progress.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "common/xalloc.h"

/* The database path: --db, $ROTA_DB, the config's [core] database, else
 * $XDG_DATA_HOME/rota/rota.db (~/.local/share when unset). *OUT is
 * malloc'd; NULL with a status when nothing says where (an empty --db or
 * [core] database, no HOME): never a database somewhere nobody chose.
 * QUIET: no message (a command that may run without a database).
 * *DFLT: whether the path is the default one. */
static int
database_path(const char *opt, const struct config *cfg, bool quiet, char **out,
	      bool *dflt)
{
	const char *env = getenv("ROTA_DB"), *v, *xdg, *home;
	struct stat sb;
	long line = 0;

	*out = NULL;
	*dflt = false;
	if (opt != NULL && *opt == '\0')
		return quiet ? EX_USAGE : rota_fail(EX_USAGE, "--db: the database path is "
						    "empty; give a file, as in --db ./rota.db");
	if (opt != NULL) {
		*out = xstrdup(opt);
		return 0;
	}
	if (env != NULL && *env != '\0') {
		*out = xstrdup(env);
		return 0;
	}
	if ((v = config_get(cfg, "core", NULL, "database", &line)) != NULL && *v == '\0')
		return quiet ? EX_USAGE :
		       rota_fail_at(EX_USAGE, config_path(cfg), line, "[core] database "
				    "is empty: give the database file's path, or remove "
				    "the line for the default");
	if (v != NULL) {
		*out = xstrdup(v);
		return 0;
	}
	*dflt = true;
	xdg = getenv("XDG_DATA_HOME");
	if (xdg != NULL && *xdg != '\0') {
		*out = xasprintf("%s/rota/rota.db", xdg);
		return 0;
	}
	home = getenv("HOME");
	if (home == NULL || *home == '\0' || stat(home, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		if (quiet)
			return EX_CONFIG;
		return rota_fail(EX_CONFIG, "HOME %s%s%s: set HOME to your home folder, "
				 "or say where the database is with XDG_DATA_HOME, "
				 "ROTA_DB or --db", home == NULL ? "is not set" :
				 *home == '\0' ? "is empty" : "'", home != NULL ? home : "",
				 home != NULL && *home != '\0' ? "' is not a folder" : "");
	}
	*out = xasprintf("%s/.local/share/rota/rota.db", home);
	return 0;
}

/* The server of client mode: $ROTA_REMOTE (set but empty: none, run
 * here), else the config's [remote] host; NULL for none. */
static const char *
remote_host(const struct config *cfg)
{
	const char *env = getenv("ROTA_REMOTE"), *v;

	if (env != NULL)
		return *env != '\0' ? env : NULL;
	v = config_get(cfg, "remote", NULL, "host", NULL);
	return v != NULL && *v != '\0' ? v : NULL;
}

/* Commands that run here in client mode too: they need no database. */
static bool
runs_offline(const struct cmd_entry *e)
{
	return strcmp(e->name, "completion") == 0 || strcmp(e->name, "help") == 0 ||
	       strcmp(e->name, "serve") == 0;
}

/* --color and --progress: *MODE the index of V in auto, always, never
 * (enum out_colour, enum progress_mode); 0 or EX_USAGE. */
static int
mode_option(const char *name, const char *v, int *mode)
{
	static const char *const modes[] = { "auto", "always", "never" };

	for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++)
		if (strcmp(v, modes[i]) == 0) {
			*mode = (int)i;
			return 0;
		}
	return rota_fail(EX_USAGE, "--%s: '%s' is not always, never or auto "
			 "(see rota --help)", name, v);
}

/* --width (common/out.h: out_view): 0 or EX_USAGE. */
static int
width_option(const char *v, size_t *width)
{
	char *end;
	long n;

	n = strtol(v, &end, 10);
	if (end == v || *end != '\0' || n <= 0 || n > OUT_WIDTH_MAX)
		return rota_fail(EX_USAGE, "--width: '%s' must be a positive number, at "
				 "most %d (see rota --help)", v, OUT_WIDTH_MAX);
	if (n < OUT_WIDTH_MIN)
		return rota_fail(EX_USAGE, "--width: '%s' is too narrow for a table: at "
				 "least %d (see rota --help)", v, OUT_WIDTH_MIN);
	*width = (size_t)n;
	return 0;
}

static bool
wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	}
	return false;
}

int
rota_main(int argc, char **argv, const struct serving *sv)
{
	struct ctx ctx = { 0 };
	struct cmd_given *given = xcalloc((size_t)argc + 1, sizeof *given);
	const char *db_opt = NULL, *config_opt = NULL, *as = NULL, *host;
	const struct cmd_entry *e;
	char *db_path = NULL, **all = argv, err[256], *name_word;
	int n_all = argc;
	size_t n, width = 0;
	int colour = OUT_COLOUR_AUTO, progress = PROGRESS_AUTO;
	bool wide = false;
	int first, used, r;
	bool dflt;

	/* A closed output pipe ends rota quietly, as it ends cat or grep
	 * (SIGPIPE, status 141 in the shell), even when whoever started rota
	 * ignored the signal; SIGINT, SIGTERM and SIGHUP remove the
	 * temporary files of a half-written output first (common/atomic.h). */
	signal(SIGPIPE, SIG_DFL);
	atomic_cleanup_signals();

	/* The global options, up to the command (cmd_global_options). */
	first = cmd_parse_options(cmd_global_options, "+:", argc, argv, given, &n,
				  err, sizeof err);
	for (size_t i = 0; i < n; i++) {
		const char *name = given[i].opt->name, *v = given[i].value;

		if (strcmp(name, "version") == 0) {
			puts(PACKAGE_STRING);
			free(given);
			return out_finish();
		}
		/* rota's quick program has not the list of every command. */
		if (cmd_elsewhere != NULL && strcmp(name, "help") == 0)
			return cmd_elsewhere(all);
		if (strcmp(name, "help") == 0) {
			cmd_print_global_help(stdout);
			free(given);
			return out_finish();
		}
		/* Through rota serve, the database and configuration are the
		 * server's own: --db and --config are refused. */
		if (sv != NULL && (r = sv->check_global(name)) != 0) {
			free(given);
			return r;
		}
		if (strcmp(name, "db") == 0)
			db_opt = v;
		else if (strcmp(name, "config") == 0)
			config_opt = v;
		else if (strcmp(name, "json") == 0)
			ctx.json = true;
		else if (strcmp(name, "as") == 0)
			as = v;
		else if (strcmp(name, "wide") == 0)
			wide = true;
		else if (strcmp(name, "input-name") == 0)
			rota_name_stdin(v);
		else if ((strcmp(name, "color") == 0 && mode_option(name, v, &colour) != 0) ||
			 (strcmp(name, "progress") == 0 && mode_option(name, v, &progress) != 0) ||
			 (strcmp(name, "width") == 0 && width_option(v, &width) != 0)) {
			free(given);
			return EX_USAGE;
		}
	}
	free(given);
	out_view((enum out_colour)colour, width, wide);
	progress_set((enum progress_mode)progress);
	if (first < 0 && cmd_elsewhere != NULL)
		return cmd_elsewhere(all);
	if (first < 0) {
		rota_fail(EX_USAGE, "%s (see rota --help)", err);
		return EX_USAGE;
	}
	argc -= first;
	argv += first;
	/* A command this program lacks, or none (the help lists them all). */
	e = argc > 0 ? cmd_find(argc, argv, &used) : NULL;
	if (e == NULL && cmd_elsewhere != NULL)
		return cmd_elsewhere(all);
	if (argc == 0) {
		cmd_print_global_help(stderr);
		return EX_USAGE;
	}
	/* A group (`rota swap`) lists its commands; else a suggestion. */
	if (e == NULL)
		return cmd_no_entry(argc, argv, wants_help(argc, argv));
	argc -= used - 1;
	argv += used - 1;
	name_word = argv[0];
	argv[0] = (char *)e->name;
	ctx.entry = e;
	if (sv != NULL && (r = sv->check(e, argc, argv)) != 0)
		return r;
	if (wants_help(argc, argv)) {
		cmd_print_help(e, stdout);
		return out_finish();
	}
	out_init(ctx.json);
	if (sv != NULL) {
		db_opt = sv->db_path;
		config_opt = sv->config_path;
	}
	if ((r = config_load(config_opt, &ctx.cfg)) != 0)
		return r;
	/* Client mode: the command runs on the server, through ssh. */
	if (sv == NULL && !runs_offline(e) && (host = remote_host(ctx.cfg)) != NULL) {
		argv[0] = name_word;      /* main's words as they were given */
		r = cmd_remote != NULL ? cmd_remote(ctx.cfg, host, n_all, all) :
		    cmd_elsewhere(all);
		goto done;
	}
	if (rota_clock(&ctx.now) < 0) {
		r = EX_USAGE;
		goto done;
	}
	/* Served, every command opens the database: HANDLE must be a person. */
	if (!(e->flags & CMD_NO_DB) || sv != NULL) {
		if ((r = database_path(db_opt, ctx.cfg, false, &db_path, &dflt)) != 0)
			goto done;
		ctx.db_path = db_path;
		if (!(e->flags & CMD_MAKES_DB) &&
		    (r = database_missing(db_path, dflt)) != 0)
			goto done;
		if ((r = db_group_setup(ctx.cfg)) != 0 ||
		    (r = store_open(db_path, &ctx.db)) != 0)
			goto done;
		if (e->flags & CMD_LOOKUP)
			store_read_few(ctx.db);
		if (e->flags & CMD_STREAM)
			store_read_stream(ctx.db);
	} else {
		/* NULL when nothing says where (completion then offers no names). */
		database_path(db_opt, ctx.cfg, true, &db_path, &dflt);
		ctx.db_path = db_path;
	}
	if ((r = sv != NULL ? actor_serve(&ctx, sv->handle, as) :
	     actor_resolve(&ctx, as)) != 0)
		goto done;
	r = cmd_run(&ctx, e, argc, argv);
	if (r == 0)
		r = out_finish();
done:
	store_close(ctx.db);
	config_free(ctx.cfg);
	free(db_path);
	tz_cleanup();
	return r;
}

int
main(int argc, char **argv)
{
	return rota_main(argc, argv, NULL);
}
