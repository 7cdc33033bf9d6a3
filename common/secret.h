/* Secrets: API tokens and passwords.
 *
 * A secret never comes from the command line (other users see argv in
 * ps(1)) and is never printed. It is read from an environment variable,
 * else from a file named in the configuration that nobody but its owner
 * may read (mode 0600 or stricter), so a leaked config does not leak it. */
#ifndef ROTA_SECRET_H
#define ROTA_SECRET_H

#include "common/config.h"

/* The secret in $ENV_NAME when it is set and not empty, else the first
 * line of the file named by [SECTION] KEY_FILE (a relative path is taken
 * from the configuration file's folder). *out gets a string the
 * caller releases with secret_free(), or NULL when neither is set.
 * Returns 0, or EX_CONFIG (file readable by others, unreadable, empty)
 * after printing why, naming the file and never its content. */
int secret_get(const struct config *cfg, const char *env_name,
	       const char *section, const char *key_file, char **out);

/* Wipes and frees a secret from secret_get() (NULL is fine). */
void secret_free(char *secret);

#endif
