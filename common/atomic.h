/* Files replaced whole or not at all: the one writer of every file rota
 * writes for people (report -o, feed export -o, each file of publish
 * --dir).
 *
 *   struct atomic_file a;
 *   if ((r = atomic_open(&a, "out.csv", ATOMIC_MODE_DEFAULT)) != 0) return r;
 *   fprintf(a.f, ...);                 (or a renderer writing to a.f)
 *   r = atomic_commit(&a);             (flush, fsync, check, chmod, rename)
 *   atomic_discard(&a);                (always: removes the temporary if left)
 *
 * The temporary is DIR/.rota-tmp.XXXXXX beside the file, created 0600:
 * a run killed half-way leaves nothing others can read, and nothing under
 * the file's name. It gets its final mode just before rename(2). Every
 * write is checked: the first failed write(2)'s reason (ENOSPC, EIO...)
 * is kept and reported as "cannot write FILE: REASON", EX_IOERR (74), or
 * EX_CANTCREAT (73) when the folder refuses (permissions, read-only),
 * and the file keeps its old content. A temporary not yet renamed is
 * removed on every error path, and by atomic_cleanup_signals() when
 * SIGINT, SIGTERM or SIGHUP ends rota. */
#ifndef ROTA_ATOMIC_H
#define ROTA_ATOMIC_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#define ATOMIC_TMP_PREFIX ".rota-tmp."
/* The mode the file has if it exists, else 0666 less the umask. */
#define ATOMIC_MODE_DEFAULT ((mode_t)-1)

struct atomic_file {
	char *path;               /* the file replaced (owned) */
	char *label;              /* PATH as messages name it (owned) */
	char *tmp;                /* the temporary; NULL once renamed or removed */
	FILE *f;                  /* write here; NULL once closed */
	int fd;
	int err;                  /* errno of the first failed write, or 0 */
	mode_t mode;              /* given just before the rename */
	struct atomic_file *next; /* the live temporaries, for the signal handler */
};

/* Creates the temporary for PATH, to get MODE (or ATOMIC_MODE_DEFAULT).
 * 0, or EX_CANTCREAT / EX_IOERR after printing "cannot create PATH: ...".
 * Call atomic_discard() whatever it returns. */
int atomic_open(struct atomic_file *a, const char *path, mode_t mode);
/* The same, messages naming LABEL instead of PATH (a file whose name is
 * a secret, such as a personal feed's). */
int atomic_open_as(struct atomic_file *a, const char *path, mode_t mode, const char *label);

/* Flushes and closes the temporary, fsync'd first when SYNC; checks every
 * write. 0, or EX_IOERR (EX_CANTCREAT) after printing "cannot write PATH:
 * REASON"; the temporary is then removed. */
int atomic_close(struct atomic_file *a, bool sync);

/* Gives the closed temporary its mode and renames it over PATH. 0, or a
 * status after printing why. */
int atomic_rename(struct atomic_file *a);

/* atomic_close(a, true), atomic_rename() and an fsync of the folder: the
 * whole of one file's replacement. */
int atomic_commit(struct atomic_file *a);

/* Removes the temporary if it is still there, closes what is open, frees.
 * Safe after any of the above, and twice. */
void atomic_discard(struct atomic_file *a);

/* PATH replaced by LEN bytes of DATA (atomic_open to atomic_commit). */
int atomic_write_file(const char *path, const char *data, size_t len, mode_t mode);

/* Removes every live temporary, then lets SIGINT, SIGTERM or SIGHUP end
 * the process as it would have (cli/main.c installs it). */
void atomic_cleanup_signals(void);

#endif
