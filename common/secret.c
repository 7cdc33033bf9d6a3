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

/* Reads the first line of PATH, refusing a file others may read. */
static int
read_secret_file(const char *path, long line, const char *cfg_path, char **out)
{
	char buf[SECRET_MAX + 2];
	struct stat st;
	ssize_t got;
	size_t len;
	int fd;

	/* O_NOFOLLOW|fstat: the mode checked is the mode of the file read. */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return rota_fail_at(EX_CONFIG, cfg_path, line, "cannot read secret file %s: %s",
				    path, strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return rota_fail_at(EX_CONFIG, cfg_path, line, "%s is not a regular file", path);
	}
	if (st.st_mode & (S_IRWXG | S_IRWXO)) {
		close(fd);
		return rota_fail_at(EX_CONFIG, cfg_path, line,
				    "%s may be read by others (mode %03o); chmod 600 it",
				    path, (unsigned)(st.st_mode & 0777));
	}
	got = read(fd, buf, sizeof buf - 1);
	close(fd);
	if (got < 0)
		return rota_fail_at(EX_CONFIG, cfg_path, line, "cannot read secret file %s: %s",
				    path, strerror(errno));
	buf[got] = '\0';
	len = strcspn(buf, "\r\n");
	buf[len] = '\0';
	if (len == 0 || len > SECRET_MAX) {
		explicit_bzero(buf, sizeof buf);
		return rota_fail_at(EX_CONFIG, cfg_path, line, "%s: %s", path,
				    len == 0 ? "the first line is empty" : "too long for a secret");
	}
	*out = xstrdup(buf);
	explicit_bzero(buf, sizeof buf);
	return 0;
}

int
secret_get(const struct config *cfg, const char *env_name, const char *section,
	   const char *key_file, char **out)
{
	const char *env = getenv(env_name), *path;
	long line = 0;

	*out = NULL;
	if (env != NULL && *env != '\0') {
		*out = xstrdup(env);
		return 0;
	}
	path = config_get(cfg, section, NULL, key_file, &line);
	if (path == NULL || *path == '\0')
		return 0;
	return read_secret_file(path, line, config_path(cfg), out);
}

void
secret_free(char *secret)
{
	if (secret == NULL)
		return;
	explicit_bzero(secret, strlen(secret));
	free(secret);
}
