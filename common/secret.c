/* Secrets from the environment or a private file; see secret.h. */
#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/err.h"
#include "common/secret.h"
#include "common/xalloc.h"

#define SECRET_MAX 4096

/* Reads the first line of PATH ([WHAT] in messages), refusing a file
 * others may read. */
static int
read_secret_file(const char *what, const char *path, long line, const char *cfg_path,
		 char **out)
{
	char buf[SECRET_MAX + 2];
	struct stat st;
	ssize_t got;
	size_t len;
	int fd;

	/* O_NOFOLLOW|fstat: the mode checked is the mode of the file read. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return rota_fail_at(EX_CONFIG, cfg_path, line, "cannot read %s %s: %s",
				    what, path, strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return rota_fail_at(EX_CONFIG, cfg_path, line, "%s %s is not a file", what, path);
	}
	if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		close(fd);
		return rota_fail_at(EX_CONFIG, cfg_path, line,
				    "%s %s may be read by others (mode %04o): chmod 600 %s",
				    what, path, (unsigned)(st.st_mode & 07777), path);
	}
	got = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (got < 0)
		return rota_fail_at(EX_CONFIG, cfg_path, line, "cannot read %s %s: %s",
				    what, path, strerror(errno));
	buf[got] = '\0';
	len = strcspn(buf, "\r\n");
	buf[len] = '\0';
	if (len == 0 || len > SECRET_MAX) {
		explicit_bzero(buf, sizeof buf);
		return rota_fail_at(EX_CONFIG, cfg_path, line, "%s %s %s", what, path,
				    len == 0 ? "is empty: its first line is the secret"
					     : "holds a first line too long for a secret");
	}
	*out = xstrdup(buf);
	explicit_bzero(buf, sizeof buf);
	return 0;
}

int
secret_get(const struct config *cfg, const char *env_name, const char *section,
	   const char *key_file, char **out)
{
	const char *env = getenv(env_name), *path, *cpath = config_path(cfg), *slash;
	char what[64];
	char *full;
	long line = 0;
	int r;

	*out = NULL;
	if (env != NULL && *env != '\0') {
		*out = xstrdup(env);
		return 0;
	}
	path = config_get(cfg, section, NULL, key_file, &line);
	if (path == NULL || *path == '\0')
		return 0;
	/* A relative path is taken from the configuration file's folder. */
	if (path[0] == '/' || cpath == NULL || (slash = strrchr(cpath, '/')) == NULL)
		full = xstrdup(path);
	else
		full = xasprintf("%.*s/%s", (int)(slash - cpath), cpath, path);
	snprintf(what, sizeof what, "[%s] %s", section, key_file);
	r = read_secret_file(what, full, line, cpath, out);
	free(full);
	return r;
}

void
secret_free(char *secret)
{
	if (secret == NULL)
		return;
	explicit_bzero(secret, strlen(secret));
	free(secret);
}
