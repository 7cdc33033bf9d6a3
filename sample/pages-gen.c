/* Synthetic pages. See pages-gen.h. */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "sample/pages-gen.h"
#include "common/timefmt.h"

static const char *const services[] = {
	"checkout", "payments", "search", "accounts", "inventory", "shipping",
	"notifications", "billing", "api-gateway", "identity",
};
static const char *const alerts[] = {
	"p99 latency above 2s", "error rate above 5%", "disk 95% full",
	"queue backlog over 10k", "certificate expires in 7 days",
	"replica lag over 60s", "pod crash looping", "5xx spike at the edge",
	"heartbeat missing", "memory above 90%, \"OOM\" risk",
};
#define N_SERVICES (sizeof services / sizeof services[0])
#define N_ALERTS (sizeof alerts / sizeof alerts[0])

/* splitmix64: small, fast, good enough, and the same everywhere. */
static uint64_t
next(uint64_t *s)
{
	uint64_t z = (*s += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

void
pages_gen_header(FILE *f)
{
	fputs("id,created_at,acknowledged_at,resolved_at,responder,service,alert,"
	      "urgency,escalated,runbook_url\n", f);
}

/* "2027-01-04T03:12:00Z" without the cost of a general formatter. */
static void
put_time(FILE *f, int64_t t)
{
	int y, m, d;
	int64_t days = t / 86400, s = t % 86400;

	civil_from_days(days, &y, &m, &d);
	fprintf(f, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, (int)(s / 3600),
		(int)(s / 60 % 60), (int)(s % 60));
}

static void
put_page(FILE *f, const char *prefix, size_t id, int64_t created, int64_t ack,
	 int64_t resolved, const char *handle, uint64_t r)
{
	const char *alert = alerts[(r >> 8) % N_ALERTS];

	fprintf(f, "%s-%zu,", prefix, id);
	put_time(f, created);
	fputc(',', f);
	if (ack)
		put_time(f, ack);
	fputc(',', f);
	if (resolved)
		put_time(f, resolved);
	fprintf(f, ",%s,%s,", handle, services[(r >> 16) % N_SERVICES]);
	if (strchr(alert, '"') != NULL || strchr(alert, ',') != NULL) {
		fputc('"', f);
		for (const char *c = alert; *c; c++) {
			if (*c == '"')
				fputc('"', f);
			fputc(*c, f);
		}
		fputc('"', f);
	} else {
		fputs(alert, f);
	}
	fprintf(f, ",%s,%s,", (r >> 24) % 4 ? "high" : "low",
		(r >> 28) % 20 == 0 ? "true" : "false");
	if ((r >> 36) % 10 >= 3)
		fprintf(f, "https://runbooks.example.com/%s", services[(r >> 16) % N_SERVICES]);
	fputc('\n', f);
}

int
pages_gen_write(FILE *f, const char *prefix, int64_t from, int64_t to, size_t n,
		const char *const *handles, size_t nh, uint64_t seed)
{
	uint64_t s = seed;
	double step = n ? (double)(to - from) / (double)n : 0;

	for (size_t i = 0; i < n; i++) {
		uint64_t r = next(&s);
		int64_t created = from + (int64_t)(step * (double)i) +
				  (int64_t)(r % (uint64_t)(step > 1 ? step : 1));
		int64_t ack = 0, resolved;

		if ((r >> 40) % 10 != 0)
			ack = created + 30 + (int64_t)((r >> 44) % 600);
		resolved = (ack ? ack : created) + 60 + (int64_t)((r >> 50) % 7200);
		put_page(f, prefix, i + 1, created, ack, resolved,
			 nh ? handles[i % nh] : "", r);
	}
	return ferror(f) ? -1 : 0;
}

/* A page at local DAY-of-month HH:MM of the month, acknowledged after two
 * minutes and resolved after MINUTES. */
static void
demo_page(FILE *f, const struct tz_zone *zone, int y, int m, size_t *id, int day,
	  int hh, int mm, int minutes, uint64_t *s)
{
	int64_t t = tz_from_local(zone, y, m, day, hh, mm, 0);
	uint64_t r = next(s);

	(*id)++;
	put_page(f, "demo", *id, t, t + 120, t + 120 + minutes * 60, "", r);
}

/* The first weekday (Mon-Fri) or weekend day of the month from DAY on. */
static int
day_of(int y, int m, int day, int weekend)
{
	for (; day <= civil_days_in_month(y, m); day++) {
		int w = civil_weekday(y, m, day);

		if ((w == 0 || w == 6) == (weekend != 0))
			return day;
	}
	return 1;
}

int
pages_gen_demo(FILE *f, const struct tz_zone *zone, int year, int month)
{
	/* Per month: in hours, evening (out of hours, awake), asleep. */
	static const int plan[3][3] = { { 9, 4, 2 }, { 12, 10, 5 }, { 10, 5, 3 } };
	uint64_t s = 2027;
	size_t id = 0;

	pages_gen_header(f);
	for (int k = 0; k < 3; k++) {
		int y = year, m = month + k;

		if (m > 12) {
			m -= 12;
			y++;
		}
		for (int i = 0; i < plan[k][0]; i++)
			demo_page(f, zone, y, m, &id, day_of(y, m, 1 + 2 * i, 0),
				  10 + i % 7, 15, 25, &s);
		for (int i = 0; i < plan[k][1]; i++)
			demo_page(f, zone, y, m, &id, day_of(y, m, 2 + 2 * i, i % 3 == 0),
				  19 + i % 3, 5, 40, &s);
		for (int i = 0; i < plan[k][2]; i++)
			demo_page(f, zone, y, m, &id, 3 + 4 * i, 2 + i % 4, 30, 55, &s);
		if (k == 1) {
			/* A burst: three pages within a minute, one interruption. */
			int d = day_of(y, m, 20, 0);

			demo_page(f, zone, y, m, &id, d, 23, 40, 30, &s);
			for (int j = 1; j < 3; j++) {
				int64_t t = tz_from_local(zone, y, m, d, 23, 40, 25 * j);

				id++;
				put_page(f, "demo", id, t, t + 90, t + 1800, "", next(&s));
			}
		}
	}
	return ferror(f) ? -1 : 0;
}
