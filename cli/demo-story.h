/* The story rota demo tells (cli/cmd-demo.c parses, calls these and
 * prints the frame): the demo's folder and configuration, then a sample
 * team end to end, each step a real rota command printed as its user
 * would type it. */
#ifndef ROTA_CLI_DEMO_STORY_H
#define ROTA_CLI_DEMO_STORY_H

#include "cli/cmd.h"
#include "common/config.h"

/* DIR (NULL: a new folder under $TMPDIR) made if need be; DIR/rota.db and
 * DIR/rota.conf must not exist yet: the demo never touches a real
 * database or configuration. *DIRP (free it) gets the folder. */
int demo_folder(const char *dir, char **dirp);

/* Writes the team's DIR/rota.conf and loads it into *CFG. */
int demo_config(const char *dir, struct config **cfg);

/* Runs the story on CTX, whose store and configuration are the demo's
 * own in folder DIR. 0, or the exit status of the step that failed. */
int demo_story(struct ctx *ctx, const char *dir);

#endif
