/* rota: global options, then dispatch through the command table. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/actor.h"
#include "cli/cmd.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "common/xalloc.h"

static const char global_help[] =
	"usage: rota [--db PATH] [--config PATH] [--json] [--as HANDLE] COMMAND [ARGS]\n"
	"\n"
	"Global options:\n"
	"  --db PATH       the database (else $ROTA_DB, the config's database,\n"
	"                  $XDG_DATA_HOME/rota/rota.db)\n"
	"  --config PATH   the configuration file (else $ROTA_CONFIG,\n"
	"                  $XDG_CONFIG_HOME/rota/rota.conf, /etc/rota/rota.conf)\n"
	"  --json          print JSON for scripts instead of tables\n"
	"  --as HANDLE     act as another person (managers and root only)\n"
	"  --help          this list; `rota COMMAND --help` for one command\n"
	"  --version       print the version\n"
	"\n"
	"Commands:\n";

static void
print_global_help(FILE *f)
{
	fputs(global_help, f);
	for (const struct cmd_entry *const *e = cmd_table; *e; e++)
		if (!((*e)->flags & CMD_HIDDEN))
			fprintf(f, "  %-18s %s\n", (*e)->name, (*e)->summary);
	fputs("\nSee rota(1) for the whole story, and EXIT STATUS there.\n", f);
}

/* The database path: --db, $ROTA_DB, the config's [core] database, else
 * $XDG_DATA_HOME/rota/rota.db (~/.local/share when unset). Caller frees. */
static char *
database_path(const char *opt, const struct config *cfg)
{
	const char *env = getenv("ROTA_DB"), *v, *xdg, *home;

	if (opt != NULL)
		return xstrdup(opt);
	if (env != NULL && *env != '\0')
		return xstrdup(env);
	if ((v = config_get(cfg, "core", NULL, "database", NULL)) != NULL)
		return xstrdup(v);
	xdg = getenv("XDG_DATA_HOME");
	if (xdg != NULL && *xdg != '\0')
		return xasprintf("%s/rota/rota.db", xdg);
	home = getenv("HOME");
	return xasprintf("%s/.local/share/rota/rota.db", home && *home ? home : ".");
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

enum { OPT_DB = 1, OPT_CONFIG, OPT_JSON, OPT_AS, OPT_HELP, OPT_VERSION };

/* An option that sets something for the command (not help or an error). */
static bool
is_global_option(int c)
{
	return c == OPT_DB || c == OPT_CONFIG || c == OPT_JSON || c == OPT_AS;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, OPT_DB },
		{ "config", required_argument, NULL, OPT_CONFIG },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "as", required_argument, NULL, OPT_AS },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	struct ctx ctx = { 0 };
	const char *db_opt = NULL, *config_opt = NULL, *as = NULL;
	const struct cmd_entry *e;
	char *db_path = NULL, **all = argv;
	int c, used, r;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:h", opts, NULL)) != -1) {
		if (c != OPT_VERSION && !is_global_option(c) && cmd_elsewhere != NULL)
			return cmd_elsewhere(all);
		switch (c) {
		case OPT_DB: db_opt = optarg; break;
		case OPT_CONFIG: config_opt = optarg; break;
		case OPT_JSON: ctx.json = true; break;
		case OPT_AS: as = optarg; break;
		case 'h':
		case OPT_HELP: print_global_help(stdout); return out_finish();
		case OPT_VERSION: puts(PACKAGE_STRING); return out_finish();
		case ':':
			rota_fail(EX_USAGE, "%s needs a value", argv[optind - 1]);
			return EX_USAGE;
		default:
			rota_fail(EX_USAGE, "unknown option '%s' (see rota --help)", argv[optind - 1]);
			return EX_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	/* A command this program lacks, or none (the help lists them all). */
	e = argc > 0 ? cmd_find(argc, argv, &used) : NULL;
	if (e == NULL && cmd_elsewhere != NULL)
		return cmd_elsewhere(all);
	if (argc == 0) {
		print_global_help(stderr);
		return EX_USAGE;
	}
	if (e == NULL) {
		rota_fail(EX_USAGE, "unknown command '%s' (see rota --help)", argv[0]);
		return EX_USAGE;
	}
	argc -= used - 1;
	argv += used - 1;
	argv[0] = (char *)e->name;
	ctx.entry = e;
	if (wants_help(argc, argv)) {
		cmd_print_help(e, stdout);
		return out_finish();
	}
	out_init(ctx.json);
	if ((r = config_load(config_opt, &ctx.cfg)) != 0)
		return r;
	if (rota_clock(&ctx.now) < 0) {
		r = EX_USAGE;
		goto done;
	}
	if (!(e->flags & CMD_NO_DB)) {
		db_path = database_path(db_opt, ctx.cfg);
		ctx.db_path = db_path;
		if ((r = store_open(db_path, &ctx.db)) != 0)
			goto done;
		if (e->flags & CMD_LOOKUP)
			store_read_few(ctx.db);
	} else {
		db_path = database_path(db_opt, ctx.cfg);
		ctx.db_path = db_path;
	}
	if ((r = actor_resolve(&ctx, as)) != 0)
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
