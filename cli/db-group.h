/* [core] group: the group a new database is shared with (rota.conf(5)). */
#ifndef ROTA_CLI_DB_GROUP_H
#define ROTA_CLI_DB_GROUP_H

#include "common/config.h"

/* Reads [core] group and hands it to the store (store_create_group), so
 * that a database created afterwards is 0660 and that group's. 0, or
 * EX_CONFIG "FILE:LINE: [core] group: ..." for an empty value or a group
 * this system does not have. */
int db_group_setup(const struct config *cfg);

#endif
