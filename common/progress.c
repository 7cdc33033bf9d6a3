/* Progress bars: see progress.h. */
#include <config.h>  /* autoconf's, not common/config.h */

#include <unistd.h>

#include "common/progress.h"

static enum progress_mode progress_mode = PROGRESS_AUTO;

void
progress_set(enum progress_mode mode)
{
	progress_mode = mode;
}

bool
progress_shown(void)
{
	switch (progress_mode) {
	case PROGRESS_ALWAYS: return true;
	case PROGRESS_NEVER: return false;
	case PROGRESS_AUTO: break;
	}
	return isatty(STDERR_FILENO);
}
