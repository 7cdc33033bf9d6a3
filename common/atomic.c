/* Files replaced whole or not at all. See atomic.h. */
#include <config.h>  /* autoconf's, not common/config.h */

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/atomic.h"
#include "common/err.h"
#include "common/xalloc.h"

/* The temporaries not yet renamed nor removed. */
static struct atomic_file *live;

/* Runs with SIGINT, SIGTERM and SIGHUP held, so that the handler never
 * sees the list half-changed. */
static void
hold_signals(bool hold, sigset_t *old)
{
	sigset_t set;

	if (hold) {
		sigemptyset(&set);
		sigaddset(&set, SIGINT);
		sigaddset(&set, SIGTERM);
		sigaddset(&set, SIGHUP);
		sigprocmask(SIG_BLOCK, &set, old);
	} else {
		sigprocmask(SIG_SETMASK, old, NULL);
	}
}

static void
forget(struct atomic_file *a)
{
	sigset_t old;

	hold_signals(true, &old);
	for (struct atomic_file **p = &live; *p != NULL; p = &(*p)->next)
		if (*p == a) {
			*p = a->next;
			break;
		}
	if (a->tmp != NULL)
		unlink(a->tmp);
	free(a->tmp);
	a->tmp = NULL;
	hold_signals(false, &old);
}

static void
on_signal(int sig)
{
	for (struct atomic_file *a = live; a != NULL; a = a->next)
		if (a->tmp != NULL)
			unlink(a->tmp);
	signal(sig, SIG_DFL);
	raise(sig);
}

void
atomic_cleanup_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };

	for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		struct sigaction sa, old;

		/* A signal ignored by whoever started rota stays ignored. */
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = on_signal;
		sigemptyset(&sa.sa_mask);
		sigaction(sigs[i], &sa, NULL);
	}
}

/* The status of a failure with errno E: the folder or the file refused
 * (permissions, a read-only file system, no such folder) is EX_CANTCREAT,
 * the device failing (full, I/O error) EX_IOERR. */
static int
status_of(int e)
{
	switch (e) {
	case EACCES: case EPERM: case EROFS: case ENOENT: case ENOTDIR:
	case ENAMETOOLONG: case ELOOP:
		return EX_CANTCREAT;
	default:
		return EX_IOERR;
	}
}

/* Every write of the stream, checked: the first failure's errno is kept
 * (a FILE keeps only that one failed). */
static ssize_t
cookie_write(void *cookie, const char *buf, size_t n)
{
	struct atomic_file *a = cookie;
	size_t done = 0;

	while (done < n) {
		ssize_t w = write(a->fd, buf + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (a->err == 0)
				a->err = w < 0 ? errno : EIO;
			break;
		}
		done += (size_t)w;
	}
	return (ssize_t)done;
}

static int
cookie_close(void *cookie)
{
	(void)cookie;             /* the descriptor is closed by atomic_close() */
	return 0;
}

int
atomic_open(struct atomic_file *a, const char *path, mode_t mode)
{
	return atomic_open_as(a, path, mode, path);
}

int
atomic_open_as(struct atomic_file *a, const char *path, mode_t mode, const char *label)
{
	static const cookie_io_functions_t io = { .write = cookie_write,
						   .close = cookie_close };
	char *copy = xstrdup(path);
	struct stat st;
	sigset_t old;
	int e;

	memset(a, 0, sizeof *a);
	a->fd = -1;
	a->path = xstrdup(path);
	a->label = xstrdup(label);
	a->tmp = xasprintf("%s/" ATOMIC_TMP_PREFIX "XXXXXX", dirname(copy));
	free(copy);
	if (mode == ATOMIC_MODE_DEFAULT) {
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
			mode = st.st_mode & 07777;
		} else {
			mode_t mask = umask(0);

			umask(mask);
			mode = 0666 & ~mask;
		}
	}
	a->mode = mode;
	hold_signals(true, &old);
	a->fd = mkstemp(a->tmp);        /* 0600 */
	e = errno;
	if (a->fd >= 0) {
		a->next = live;
		live = a;
	} else {
		free(a->tmp);
		a->tmp = NULL;
	}
	hold_signals(false, &old);
	if (a->fd < 0)
		return rota_fail(e == ENOSPC || e == EIO || e == EDQUOT ? EX_IOERR : status_of(e),
				 "cannot create %s: %s", label, strerror(e));
	if ((a->f = fopencookie(a, "w", io)) == NULL) {
		forget(a);
		return rota_fail(EX_OSERR, "cannot write %s: %s", label, strerror(errno));
	}
	return 0;
}

int
atomic_close(struct atomic_file *a, bool sync)
{
	int e = 0;

	if (a->f != NULL) {
		if (fflush(a->f) != 0 || ferror(a->f))
			e = a->err != 0 ? a->err : EIO;
		fclose(a->f);
		a->f = NULL;
	}
	if (e == 0 && a->err != 0)
		e = a->err;
	if (e == 0 && sync && fsync(a->fd) != 0)
		e = errno;
	if (a->fd >= 0 && close(a->fd) != 0 && e == 0)
		e = errno;
	a->fd = -1;
	if (e == 0)
		return 0;
	forget(a);
	return rota_fail(status_of(e), "cannot write %s: %s", a->label, strerror(e));
}

int
atomic_rename(struct atomic_file *a)
{
	int e;

	if (a->tmp == NULL)
		return rota_fail(EX_SOFTWARE, "%s: no file to rename", a->label);
	if (chmod(a->tmp, a->mode) == 0 && rename(a->tmp, a->path) == 0) {
		sigset_t old;

		hold_signals(true, &old);
		free(a->tmp);           /* renamed: nothing to remove */
		a->tmp = NULL;
		hold_signals(false, &old);
		forget(a);
		return 0;
	}
	e = errno;
	forget(a);
	return rota_fail(status_of(e), "cannot write %s: %s", a->label, strerror(e));
}

int
atomic_commit(struct atomic_file *a)
{
	char *copy;
	int r, fd, e = 0;

	if ((r = atomic_close(a, true)) != 0 || (r = atomic_rename(a)) != 0)
		return r;
	/* The new name on the disk as well as the data. */
	copy = xstrdup(a->path);
	if ((fd = open(dirname(copy), O_RDONLY | O_DIRECTORY)) < 0 || fsync(fd) != 0)
		e = errno;
	if (fd >= 0)
		close(fd);
	free(copy);
	if (e != 0 && e != EINVAL)      /* EINVAL: a folder that cannot be synced */
		return rota_fail(EX_IOERR, "cannot write %s: %s", a->label, strerror(e));
	return 0;
}

void
atomic_discard(struct atomic_file *a)
{
	if (a->path == NULL)            /* never opened, or discarded */
		return;
	if (a->f != NULL)
		fclose(a->f);
	a->f = NULL;
	if (a->fd >= 0)
		close(a->fd);
	a->fd = -1;
	forget(a);
	free(a->path);
	free(a->label);
	a->path = a->label = NULL;
}

int
atomic_write_file(const char *path, const char *data, size_t len, mode_t mode)
{
	struct atomic_file a;
	int r;

	if ((r = atomic_open(&a, path, mode)) == 0) {
		fwrite(data, 1, len, a.f);
		r = atomic_commit(&a);
	}
	atomic_discard(&a);
	return r;
}
