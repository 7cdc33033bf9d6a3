/* The reporting month: see month.h. */
#include "config.h"

#include <string.h>

#include "common/err.h"
#include "reports/month.h"

int
report_zone(const struct config *cfg, const struct tz_zone **zone, const char **name)
{
	long line = 0;
	const char *s = cfg ? config_get(cfg, "report", NULL, "timezone", &line) : NULL;

	if (s == NULL || *s == '\0')
		s = "UTC";
	if ((*zone = tz_lookup(s)) == NULL)
		return rota_fail_at(EX_CONFIG, config_path(cfg), line,
				    "unknown time zone '%s' in [report] timezone "
				    "(an IANA name such as Europe/Dublin)", s);
	if (name != NULL)
		*name = s;
	return 0;
}

int
report_month_now(const struct config *cfg, int64_t now, int *year, int *month)
{
	const struct tz_zone *zone;
	struct local_time lt;
	int r;

	if ((r = report_zone(cfg, &zone, NULL)) != 0)
		return r;
	tz_to_local(zone, now, &lt);
	*year = lt.year;
	*month = lt.month;
	return 0;
}

int
report_month_parse(const char *s, int *year, int *month)
{
	int y = 0, m;

	if (s == NULL || strlen(s) != 7 || s[4] != '-')
		return -1;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return -1;
	for (int i = 0; i < 4; i++)
		y = y * 10 + (s[i] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	if (y < 1970 || m < 1 || m > 12)
		return -1;
	*year = y;
	*month = m;
	return 0;
}

int64_t
report_month_start(const struct tz_zone *zone, int year, int month, int delta)
{
	int m = year * 12 + (month - 1) + delta;

	return tz_from_local(zone, m / 12, m % 12 + 1, 1, 0, 0, 0);
}
