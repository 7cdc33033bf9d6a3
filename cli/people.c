#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cli/people.h"
#include "cli/util.h"
#include "common/out.h"
#include "common/timefmt.h"

int
handle_arg(struct ctx *ctx, const char *s, char *buf, size_t len)
{
	if (handle_valid(s) && strlen(s) < len) {
		memcpy(buf, s, strlen(s) + 1);
		return 0;
	}
	return cmd_usage_error(ctx, "bad handle '%s': use 1-%zu letters, digits, '.', "
			       "'_' or '-', starting with a letter or digit", s, len - 1);
}

int
email_arg(struct ctx *ctx, const char *s, char *buf, size_t len)
{
	const char *at = strchr(s, '@');

	if (at == NULL || at == s || at[1] == '\0' || strchr(at + 1, '@') != NULL ||
	    strpbrk(s, " \t\r\n<>,;") != NULL)
		return cmd_usage_error(ctx, "--email: '%s' is not an email address", s);
	return text_arg(ctx, "--email", s, buf, len);
}

int
person_zone_arg(struct ctx *ctx, const char *tz, struct person *p)
{
	const struct tz_zone *zone;
	int r = zone_arg(ctx, "--tz", tz, &zone);

	if (r != 0)
		return r;
	snprintf(p->tz, sizeof p->tz, "%s", tz);
	return 0;
}

int
person_office_arg(struct ctx *ctx, const char *office, struct person *p)
{
	struct office o;
	int r;

	if (office == NULL)
		return 0;
	if ((r = find_office(ctx, office, &o)) != 0)
		return r;
	p->office_id = o.id;
	snprintf(p->office, sizeof p->office, "%s", o.name);
	return 0;
}

int
sleep_arg(struct ctx *ctx, const char *s, struct person *p)
{
	const char *dash;
	char start[6];

	if (s == NULL)
		return 0;
	dash = strchr(s, '-');
	if (dash == NULL || dash - s != 5)
		goto bad;
	memcpy(start, s, 5);
	start[5] = '\0';
	if (clock_parse(start, &p->sleep_start) < 0 || clock_parse(dash + 1, &p->sleep_end) < 0 ||
	    p->sleep_start == p->sleep_end || p->sleep_start >= 24 * 60 || p->sleep_end >= 24 * 60)
		goto bad;
	return 0;
bad:
	return cmd_usage_error(ctx, "--sleep: '%s' is not a window such as 22:00-07:00", s);
}

void
sleep_format(int start, int end, char *buf, size_t len)
{
	snprintf(buf, len, "%02d:%02d-%02d:%02d", start / 60, start % 60, end / 60, end % 60);
}

void
print_person_fields(const struct person *p)
{
	char sleep[48];

	sleep_format(p->sleep_start, p->sleep_end, sleep, sizeof sleep);
	out_str("handle", "Handle:", p->handle);
	out_str("name", "Name:", p->name);
	out_str("email", "Email:", p->email);
	out_str("tz", "Time zone:", p->tz);
	out_str("office", "Office:", p->office[0] ? p->office : NULL);
	out_bool("manager", "Manager:", p->is_manager);
	out_str("sleep", "Sleep hours:", sleep);
}

void
print_person(const struct person *p)
{
	out_object_begin(NULL);
	print_person_fields(p);
	out_object_end();
}
