/* The configuration file: an INI file with git-config-like sections
 * ([report], [policy "standard"]), read with libinih.
 *
 * Path: --config, else $ROTA_CONFIG, else $XDG_CONFIG_HOME/rota/rota.conf
 * (~/.config when XDG_CONFIG_HOME is unset), else /etc/rota/rota.conf. A
 * missing file is an empty configuration unless it was named explicitly.
 * Every key is checked against the keys rota knows, so a typo is an error
 * at its FILE:LINE rather than a silently ignored setting. */
#ifndef ROTA_CONFIG_H
#define ROTA_CONFIG_H

#include <stdint.h>

struct config;

/* Loads the configuration; EXPLICIT is the --config value or NULL. Returns
 * 0 or an exit status (EX_CONFIG, EX_NOINPUT) after printing why.
 * The caller frees *out with config_free(). */
int config_load(const char *explicit_path, struct config **out);
void config_free(struct config *cfg);

/* The file read, or NULL when there was none. Owned by cfg. */
const char *config_path(const struct config *cfg);

/* The value of KEY in [SECTION] or [SECTION "SUB"] (SUB may be NULL), or
 * NULL (always, for a NULL CFG: nothing configured). *line (may be NULL)
 * gets the line it was on. Owned by cfg. */
const char *config_get(const struct config *cfg, const char *section,
		       const char *sub, const char *key, long *line);

/* An integer setting in [min, max], DEF when unset. 0 or EX_CONFIG. */
int config_get_int(const struct config *cfg, const char *section,
		   const char *sub, const char *key, long def, long min,
		   long max, long *out);

/* A rotation's setting: [rotation "NAME"] KEY, else [schedule] KEY, else
 * DEF. 0 or EX_CONFIG. */
int config_rotation_int(const struct config *cfg, const char *rotation,
			const char *key, long def, long min, long max, long *out);

#endif
