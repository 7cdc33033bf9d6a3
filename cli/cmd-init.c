/* rota init: create the database (or bring an old one up to date). */
#include "config.h"

#include "cli/cmd.h"
#include "common/out.h"

static int
exec_init(struct ctx *ctx, int argc, char **argv)
{
	int version = 0, r;

	if (argc > 1)
		return cmd_usage_error(ctx, "init takes no arguments");
	if ((r = store_schema_version(ctx->db, &version)) != 0)
		return r;
	out_object_begin(NULL);
	out_str("database", "Database:", store_path(ctx->db));
	out_int("schema_version", "Schema version:", version);
	out_object_end();
	return 0;
}

const struct cmd_entry cmd_init_entry = {
	.name = "init",
	.args = "",
	.summary = "create the database, or migrate an old one to this version",
	.help = "The database is created with its folders if missing (every other\n"
		"command refuses a database whose folder does not exist, and the default\n"
		"database until init has created it). Running init again is harmless:\n"
		"it only applies migrations that are missing.\n",
	.flags = CMD_MAKES_DB,
	.exec = exec_init,
};
