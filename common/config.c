#include <config.h>  /* autoconf's, not common/config.h */

#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/config.h"
#include "common/err.h"
#include "common/text.h"
#include "common/xalloc.h"

struct entry {
	char *section, *sub, *key, *value;
	long line;
};

struct config {
	char *path;
	struct entry *entries;
	size_t n;
	/* while parsing */
	FILE *file;
	long line;
	int error;
};

/* The keys rota knows, by section. Documented in rota.conf(5). */
static const struct known {
	const char *section;
	int has_sub;              /* [section "sub"] */
	const char *keys[32];
} known[] = {
	{ "core", 0, { "database", "group", NULL } },
	{ "schedule", 0, { "freeze_days", "min_gap_shifts", "recovery_shifts",
			   "heavy_sleep_interruptions", "holiday_weight", NULL } },
	{ "rotation", 1, { "freeze_days", "min_gap_shifts", "recovery_shifts",
			   "heavy_sleep_interruptions", "holiday_weight", "policy", NULL } },
	{ "feed", 0, { "base_url", "alarm_minutes", "refresh_minutes",
		       "history_weeks", NULL } },
	{ "report", 0, { "timezone", "goal", "goal_amber_pct", "forecast_min_interruptions",
			 "forecast_min_elapsed_pct", NULL } },
	{ "thresholds", 0, { "escalations", "ack_median_seconds", "ack_p95_seconds",
			     "resolve_median_seconds", "resolve_p95_seconds",
			     "ooh_interruptions", "sleep_interruptions", "nights_interrupted",
			     "longest_night_run", "most_pages_in_a_shift", "broken_daily_rest",
			     "broken_weekly_rest", "ooh_share_pct", "weeks_since_last_shift",
			     "close_shifts", "alert_ooh_interruptions", "alert_unacted",
			     "alert_no_runbook", "min_ack_median_seconds", "min_ack_p95_seconds",
			     "min_resolve_median_seconds", "min_resolve_p95_seconds",
			     "min_ooh_share_pct", NULL } },
	{ "http", 0, { "timeout_seconds", "retries", "max_retry_after", NULL } },
	{ "notify", 0, { "email", "webhook", "lead_minutes", "catch_up_hours",
			 "webhook_url", "smtp_url", "from", "username",
			 "password_file", "starttls", "ca_file", "timeout_seconds",
			 "shift_news", NULL } },
	{ "policy", 1, { "currency", "stipend_per_week", "weekday_rate",
			 "weekend_rate", "holiday_rate", "active_hour_rate",
			 "active_rounding_minutes", "sleep_interruption_bonus",
			 "toil_hours_per_sleep_interruption", "monthly_cap", NULL } },
	/* -- pages -- */
	{ "service", 1, { "rotation", "escalation", NULL } },
	{ "pagerduty", 0, { "api_url", "token_file", "timeout_seconds", "max_retry_after",
			    NULL } },
	{ "opsgenie", 0, { "api_url", "token_file", "timeout_seconds", "max_retry_after",
			   NULL } },
	{ "caldav", 0, { "username", "password_file", "timeout", NULL } },
	{ "serve", 0, { "authorized_keys", "command", NULL } },
	/* -- client mode: rota on a laptop runs commands on the server -- */
	{ "remote", 0, { "host", "port", "ssh", NULL } },
	{ "import", 0, { "host", "username", "password_file", NULL } },
};

static const struct known *
find_section(const char *section)
{
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(known[i].section, section) == 0)
			return &known[i];
	return NULL;
}

static int
key_known(const struct known *k, const char *key)
{
	for (size_t i = 0; k->keys[i] != NULL; i++)
		if (strcmp(k->keys[i], key) == 0)
			return 1;
	return 0;
}

/* Splits `policy "standard"` into "policy" and "standard". */
static int
split_section(const char *raw, char **section, char **sub)
{
	const char *q = strchr(raw, '"');
	size_t len;

	*sub = NULL;
	if (q == NULL) {
		*section = xstrdup(raw);
		return 0;
	}
	len = (size_t)(q - raw);
	while (len > 0 && raw[len - 1] == ' ')
		len--;
	*section = xmalloc(len + 1);
	memcpy(*section, raw, len);
	(*section)[len] = '\0';
	len = strlen(q + 1);
	if (len == 0 || q[len] != '"') {
		free(*section);
		return -1;
	}
	*sub = xmalloc(len);
	memcpy(*sub, q + 1, len - 1);
	(*sub)[len - 1] = '\0';
	return 0;
}

static int
on_entry(void *user, const char *raw_section, const char *key, const char *value)
{
	struct config *cfg = user;
	const struct known *k;
	char *section, *sub, why[96];

	if (split_section(raw_section, &section, &sub) < 0) {
		cfg->error = rota_fail_at(EX_CONFIG, cfg->path, cfg->line,
					  "malformed section name [%s]", raw_section);
		return 0;
	}
	k = find_section(section);
	if (k == NULL || (k->has_sub != (sub != NULL))) {
		cfg->error = rota_fail_at(EX_CONFIG, cfg->path, cfg->line,
			k == NULL ? "unknown section [%s]" :
			k->has_sub ? "section [%s] needs a name, as in [%s \"NAME\"]" :
			"section [%s] takes no name", section, section);
	} else if (!key_known(k, key)) {
		cfg->error = rota_fail_at(EX_CONFIG, cfg->path, cfg->line,
					  "unknown key '%s' in [%s]", key, section);
	} else if (text_fault(value, TEXT_LINE, why, sizeof why) != 0) {
		/* The one rule for text (common/text.h), on every value. */
		cfg->error = rota_fail_at(EX_CONFIG, cfg->path, cfg->line, "%s: %s", key, why);
	}
	if (cfg->error) {
		free(section);
		free(sub);
		return 0;
	}
	cfg->entries = xreallocarray(cfg->entries, cfg->n + 1, sizeof *cfg->entries);
	cfg->entries[cfg->n++] = (struct entry){ section, sub, xstrdup(key),
						 xstrdup(value), cfg->line };
	return 1;
}

/* Reads a line for inih, counting lines so errors can name theirs. */
static char *
read_line(char *buf, int size, void *stream)
{
	struct config *cfg = stream;
	char *r = fgets(buf, size, cfg->file);

	if (r != NULL)
		cfg->line++;
	return r;
}

/* The configuration to read: $ROTA_CONFIG, else the user's
 * ($XDG_CONFIG_HOME/rota/rota.conf, ~/.config/rota/rota.conf) when it
 * exists, else the system's. *EXPLICIT: named by the user, so it must be
 * there. A user's file that exists but cannot be read is still theirs:
 * config_load says so rather than read another. */
static char *
default_path(int *explicit)
{
	const char *env = getenv("ROTA_CONFIG"), *xdg, *home;
	struct stat sb;
	char *path;

	*explicit = env != NULL && *env != '\0';
	if (*explicit)
		return xstrdup(env);
	xdg = getenv("XDG_CONFIG_HOME");
	home = getenv("HOME");
	if (xdg != NULL && *xdg != '\0')
		path = xasprintf("%s/rota/rota.conf", xdg);
	else if (home != NULL && *home != '\0')
		path = xasprintf("%s/.config/rota/rota.conf", home);
	else
		path = NULL;
	if (path != NULL &&
	    (stat(path, &sb) == 0 || (errno != ENOENT && errno != ENOTDIR))) {
		*explicit = 1;
		return path;
	}
	free(path);
	return xstrdup("/etc/rota/rota.conf");
}

/* Opens the configuration at CFG->path: 0 with CFG->file open, or with
 * CFG->file NULL when an implicit file is absent; else the status after
 * saying what to fix (66: cannot be read, 78: a folder, not a file). */
static int
open_config(struct config *cfg, int explicit)
{
	struct stat sb;

	if (stat(cfg->path, &sb) != 0) {
		if (errno == ENOENT && !explicit)
			return 0;
		return rota_fail(EX_NOINPUT, "%s: cannot read configuration: %s",
				 cfg->path, strerror(errno));
	}
	/* A file, or what reads as one: /dev/null (no configuration), a
	 * pipe (--config <(...)). A folder would read as nothing. */
	if (!S_ISREG(sb.st_mode) && !S_ISCHR(sb.st_mode) && !S_ISFIFO(sb.st_mode))
		return rota_fail(EX_CONFIG, "%s: the configuration is not a file%s; "
				 "name a file with --config or ROTA_CONFIG", cfg->path,
				 S_ISDIR(sb.st_mode) ? " but a folder" : "");
	if ((cfg->file = fopen(cfg->path, "r")) == NULL)
		return rota_fail(EX_NOINPUT, "%s: cannot read configuration: %s; make "
				 "it readable by you", cfg->path, strerror(errno));
	return 0;
}

/* The keys whose value is itself a secret (a webhook's address is its
 * credential); those holding a file name or a user name are not. */
static const struct {
	const char *section, *key, *env;
} secret_keys[] = {
	{ "notify", "webhook_url", "$ROTA_WEBHOOK_URL" },
};

/* A configuration file holding a secret that others may read (MODE, of
 * a regular file) is refused, as a password file is (common/secret.h). */
static int
check_secrets(const struct config *cfg, mode_t mode)
{
	for (size_t i = 0; i < sizeof secret_keys / sizeof secret_keys[0]; i++) {
		long line = 0;
		const char *v = config_get(cfg, secret_keys[i].section, NULL,
					   secret_keys[i].key, &line);

		if (v == NULL || *v == '\0' || !(mode & (S_IRGRP | S_IROTH)))
			continue;
		return rota_fail_at(EX_CONFIG, cfg->path, line, "[%s] %s is a secret, but "
				    "%s may be read by others (mode %04o): chmod 600 %s "
				    "(or set %s instead)", secret_keys[i].section,
				    secret_keys[i].key, cfg->path, (unsigned)(mode & 07777),
				    cfg->path, secret_keys[i].env);
	}
	return 0;
}

int
config_load(const char *explicit_path, struct config **out)
{
	struct config *cfg = xcalloc(1, sizeof *cfg);
	int explicit = explicit_path != NULL;
	struct stat sb;
	int r;

	cfg->path = explicit_path ? xstrdup(explicit_path) : default_path(&explicit);
	if ((r = open_config(cfg, explicit)) != 0) {
		config_free(cfg);
		return r;
	}
	if (cfg->file == NULL) {
		free(cfg->path);
		cfg->path = NULL;
		*out = cfg;
		return 0;
	}
	if (fstat(fileno(cfg->file), &sb) != 0)
		sb.st_mode = 0;
	r = ini_parse_stream(read_line, cfg, on_entry, cfg);
	if (ferror(cfg->file) && cfg->error == 0)
		cfg->error = rota_fail(EX_IOERR, "%s: cannot read configuration: %s",
				       cfg->path, strerror(errno));
	fclose(cfg->file);
	cfg->file = NULL;
	if (r != 0 && cfg->error == 0)
		cfg->error = rota_fail_at(EX_CONFIG, cfg->path, r > 0 ? r : cfg->line,
					  "not an INI line (expected [section] or key = value)");
	if (cfg->error == 0 && S_ISREG(sb.st_mode))
		cfg->error = check_secrets(cfg, sb.st_mode);
	if (cfg->error) {
		r = cfg->error;
		config_free(cfg);
		return r;
	}
	*out = cfg;
	return 0;
}

void
config_free(struct config *cfg)
{
	if (cfg == NULL)
		return;
	for (size_t i = 0; i < cfg->n; i++) {
		free(cfg->entries[i].section);
		free(cfg->entries[i].sub);
		free(cfg->entries[i].key);
		free(cfg->entries[i].value);
	}
	free(cfg->entries);
	free(cfg->path);
	free(cfg);
}

const char *
config_path(const struct config *cfg)
{
	return cfg->path;
}

const char *
config_get(const struct config *cfg, const char *section, const char *sub,
	   const char *key, long *line)
{
	/* The last assignment wins, as in git config. */
	for (size_t i = cfg != NULL ? cfg->n : 0; i-- > 0;) {
		const struct entry *e = &cfg->entries[i];
		if (strcmp(e->section, section) == 0 && strcmp(e->key, key) == 0 &&
		    ((sub == NULL && e->sub == NULL) ||
		     (sub != NULL && e->sub != NULL && strcmp(sub, e->sub) == 0))) {
			if (line != NULL)
				*line = e->line;
			return e->value;
		}
	}
	return NULL;
}

int
config_get_int(const struct config *cfg, const char *section, const char *sub,
	       const char *key, long def, long min, long max, long *out)
{
	long line = 0;
	const char *v = config_get(cfg, section, sub, key, &line);
	char *end;
	long n;

	if (v == NULL) {
		*out = def;
		return 0;
	}
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || n < min || n > max)
		return rota_fail_at(EX_CONFIG, cfg->path, line,
				    "%s must be a whole number from %ld to %ld, not '%s'",
				    key, min, max, v);
	*out = n;
	return 0;
}

int
config_rotation_int(const struct config *cfg, const char *rotation,
		    const char *key, long def, long min, long max, long *out)
{
	long fallback;
	int r = config_get_int(cfg, "schedule", NULL, key, def, min, max, &fallback);

	if (r != 0)
		return r;
	return config_get_int(cfg, "rotation", rotation, key, fallback, min, max, out);
}
