/* Whether a command draws a progress bar on standard error: the one rule,
 * for every command that has one (page import, publish). */
#ifndef ROTA_PROGRESS_H
#define ROTA_PROGRESS_H

#include <stdbool.h>

/* In the order of --progress's words: auto, always, never. */
enum progress_mode { PROGRESS_AUTO, PROGRESS_ALWAYS, PROGRESS_NEVER };

/* --progress, set before the command runs (rota in client mode sends
 * --progress=always when its standard error is a terminal: through
 * rota serve, the server's is a pipe). */
void progress_set(enum progress_mode mode);

/* Whether to draw: --progress=always or never, else (auto, the default)
 * whether standard error is a terminal. */
bool progress_shown(void);

#endif
