/* [core] group: see db-group.h. */
#include "config.h"

#include <grp.h>

#include "cli/db-group.h"
#include "common/err.h"
#include "store/store.h"

int
db_group_setup(const struct config *cfg)
{
	long line = 0;
	const char *name = config_get(cfg, "core", NULL, "group", &line);
	struct group *g;

	if (name == NULL)
		return 0;
	if (*name == '\0')
		return rota_fail_at(EX_CONFIG, config_path(cfg), line, "[core] group is "
				    "empty: name the group to share the database with, or "
				    "remove the line (the database is then its owner's only)");
	if ((g = getgrnam(name)) == NULL)
		return rota_fail_at(EX_CONFIG, config_path(cfg), line, "[core] group: no "
				    "group '%s' on this system (see getent group)", name);
	store_create_group(name, g->gr_gid);
	return 0;
}
