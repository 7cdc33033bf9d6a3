/* rota demo's story: see demo-story.h.
 *
 * Every step is a real rota command, run in this process through the
 * command table exactly as `rota` would run it, and printed first as the
 * person whose turn it is would type it. Dates follow the clock (ROTA_NOW
 * pins it), so the story always starts at the next handoff. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/actor.h"
#include "cli/cmd.h"
#include "cli/demo.h"
#include "cli/demo-story.h"
#include "common/config.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "common/xalloc.h"

#define ZONE_DUBLIN "Europe/Dublin"
#define ZONE_SF "America/Los_Angeles"

struct demo_person {
	const char *handle, *name, *office, *zone;
	bool manager;
};

/* Three managers (the escalation tier) and seven volunteers, both offices. */
static const struct demo_person team[] = {
	{ "mia", "Mia Byrne", "Dublin", ZONE_DUBLIN, true },
	{ "raj", "Raj Patel", "San Francisco", ZONE_SF, true },
	{ "lee", "Lee Park", "San Francisco", ZONE_SF, true },
	{ "ana", "Ana Lopez", "Dublin", ZONE_DUBLIN, false },
	{ "cian", "Cian Walsh", "Dublin", ZONE_DUBLIN, false },
	{ "niamh", "Niamh Kelly", "Dublin", ZONE_DUBLIN, false },
	{ "dev", "Dev Sharma", "San Francisco", ZONE_SF, false },
	{ "kim", "Kim Nguyen", "San Francisco", ZONE_SF, false },
	{ "sam", "Sam Ortiz", "San Francisco", ZONE_SF, false },
	{ "jo", "Jo Reyes", "San Francisco", ZONE_SF, false },
};
#define TEAM_SIZE (sizeof team / sizeof team[0])

/* Fixed-date public holidays, in date order; those inside the term are
 * recorded. */
static const struct {
	const char *office, *month_day, *name;
} holidays[] = {
	{ "Dublin", "01-01", "New Year's Day" },
	{ "San Francisco", "01-01", "New Year's Day" },
	{ "Dublin", "03-17", "Saint Patrick's Day" },
	{ "San Francisco", "07-04", "Independence Day" },
	{ "Dublin", "12-25", "Christmas Day" },
	{ "San Francisco", "12-25", "Christmas Day" },
	{ "Dublin", "12-26", "Saint Stephen's Day" },
};

/* The team's configuration, written to DIR/rota.conf (rota.conf(5)). */
static const char demo_conf[] =
	"# The demo team's configuration: see rota.conf(5).\n"
	"[report]\n"
	"# Months begin and end in the team's zone.\n"
	"timezone = Europe/Dublin\n"
	"# Fewer than 10 out-of-hours pages a month.\n"
	"goal = 10\n"
	"\n"
	"# Pays both rotations (a rotation without \"policy\" uses \"standard\").\n"
	"[policy \"standard\"]\n"
	"currency = EUR\n"
	"stipend_per_week = 500.00\n"
	"weekend_rate = 50.00\n"
	"holiday_rate = 100.00\n"
	"active_hour_rate = 40.00\n"
	"active_rounding_minutes = 15\n"
	"sleep_interruption_bonus = 25.00\n"
	"toil_hours_per_sleep_interruption = 2\n"
	"monthly_cap = 3000.00\n";

struct demo {
	struct ctx *base;
	const struct tz_zone *dublin;
	const char *dir;
};

/* Quotes a word the way a shell user would type it. */
static void
print_word(const char *w)
{
	if (*w != '\0' && strpbrk(w, " '\"$\\") == NULL)
		fputs(w, stdout);
	else if (strchr(w, '\'') == NULL)
		printf("'%s'", w);
	else
		printf("\"%s\"", w);
}

/* Runs one rota command as WHO (NULL: the login running the demo), after
 * printing it. The words follow, ending with NULL. */
static int
step(struct demo *d, const char *who, ...)
{
	char *argv[32];
	int argc = 0, used, r;
	const struct cmd_entry *e;
	struct ctx c = *d->base;
	const char *w;
	va_list ap;

	va_start(ap, who);
	while ((w = va_arg(ap, const char *)) != NULL && argc < 31)
		argv[argc++] = (char *)w;
	va_end(ap);
	argv[argc] = NULL;

	printf("\n%s$ rota", who ? who : c.actor.login);
	for (int i = 0; i < argc; i++) {
		putchar(' ');
		print_word(argv[i]);
	}
	putchar('\n');
	fflush(stdout);

	e = cmd_find(argc, argv, &used);
	if (e == NULL)
		return rota_fail(EX_SOFTWARE, "demo: no command '%s'", argv[0]);
	if (who != NULL && (r = actor_become(&c, who)) != 0)
		return r;
	c.rollback = false;
	out_init(false);
	r = cmd_run(&c, e, argc - used + 1, argv + used - 1);
	fflush(stdout);
	if (r != 0)
		rota_warn("demo: that step failed (exit %d); stopping", r);
	return r;
}

/* "YYYY-MM-DD" of T + DAYS days, in ZONE. */
static void
day_after(struct demo *d, int64_t t, int days, char *buf, size_t len)
{
	date_format_local(t + (int64_t)days * 86400, d->dublin, buf, len);
}

static int
add_people(struct demo *d)
{
	int r;

	for (size_t i = 0; i < TEAM_SIZE; i++) {
		const struct demo_person *p = &team[i];
		char email[64];

		snprintf(email, sizeof email, "%s@example.com", p->handle);
		/* The first manager sets the team up; from then on she acts. */
		r = step(d, i == 0 ? NULL : team[0].handle, "person", "add", p->handle,
			 "--name", p->name, "--email", email, "--tz", p->zone,
			 "--office", p->office, p->manager ? "--manager" : NULL, NULL);
		if (r != 0)
			return r;
	}
	return 0;
}

static int
join_terms(struct demo *d, const char *primary, const char *managers)
{
	int r;

	for (size_t i = 0; i < TEAM_SIZE; i++)
		if ((r = step(d, team[i].handle, "volunteer", "join",
			      team[i].manager ? managers : primary, NULL)) != 0)
			return r;
	return 0;
}

/* The public holidays of both offices that fall inside [from, to). */
static int
add_holidays(struct demo *d, int64_t from, int64_t to)
{
	struct local_time a, b;
	int r;

	tz_to_local(d->dublin, from, &a);
	tz_to_local(d->dublin, to, &b);
	for (int year = a.year; year <= b.year; year++) {
		for (size_t i = 0; i < sizeof holidays / sizeof holidays[0]; i++) {
			char day[16];
			int64_t t;

			snprintf(day, sizeof day, "%04d-%s", year, holidays[i].month_day);
			if (time_parse(day, d->dublin, &t) != 0 || t < from || t >= to)
				continue;
			r = step(d, team[0].handle, "holiday", "add", holidays[i].office,
				 day, "--name", holidays[i].name, NULL);
			if (r != 0)
				return r;
		}
	}
	return 0;
}

/* The term's shift K (0: its first week), and who is best placed to take
 * it (the top of `rota swap suggest`). */
static int
term_shift(struct demo *d, const struct term *t, size_t k, struct shift *sh, char *partner,
	   size_t len)
{
	struct shift_filter f = { .term_id = t->id };
	struct shift *v = NULL;
	size_t n = 0;
	int r;

	if ((r = store_shift_list(d->base->db, &f, &v, &n)) != 0)
		return r;
	if (n <= k) {
		free(v);
		return rota_fail(EX_SOFTWARE, "demo: the term has %zu shifts", n);
	}
	*sh = v[k];
	free(v);
	return demo_best_partner(d->base, sh, partner, len);
}

/* The owner of the 4th week (past the freeze horizon) asks who could
 * take it and hands it to the best placed. */
static int
swap_story(struct demo *d, const struct term *t)
{
	struct shift sh;
	char partner[HANDLE_MAX], when[32], id[24];
	int r;

	if ((r = term_shift(d, t, 3, &sh, partner, sizeof partner)) != 0)
		return r;
	/* A time inside the shift, the way people name it: its first day. */
	day_after(d, sh.start, 1, when, sizeof when);
	if ((r = step(d, sh.handle, "swap", "suggest", when, NULL)) != 0 ||
	    (r = step(d, sh.handle, "swap", "request", when, "--with", partner, NULL)) != 0)
		return r;
	if ((r = demo_open_swap_id(d->base, sh.id, id, sizeof id)) != 0)
		return r;
	return step(d, partner, "swap", "accept", id, NULL);
}

/* "Can you take my Tuesday night?": the owner of the 3rd week asks a
 * colleague for Tuesday 18:00 to Wednesday 08:00 only; accepting splits
 * the week into three parts. */
static int
night_story(struct demo *d, const struct term *t)
{
	struct shift sh;
	char partner[HANDLE_MAX], tuesday[16], wednesday[16], from[24], to[24], id[24];
	int r;

	if ((r = term_shift(d, t, 2, &sh, partner, sizeof partner)) != 0)
		return r;
	day_after(d, sh.start, 1, tuesday, sizeof tuesday);
	day_after(d, sh.start, 2, wednesday, sizeof wednesday);
	snprintf(from, sizeof from, "%sT18:00", tuesday);
	snprintf(to, sizeof to, "%sT08:00", wednesday);
	printf("\n%s cannot be on call on the Tuesday night of their week and asks\n"
	       "%s to take that night (times in the rotation's zone, %s):\n", sh.handle,
	       partner, ZONE_DUBLIN);
	if ((r = step(d, sh.handle, "swap", "request", tuesday, "--from", from, "--to", to,
		      "--with", partner, NULL)) != 0 ||
	    (r = demo_open_swap_id(d->base, sh.id, id, sizeof id)) != 0 ||
	    (r = step(d, partner, "swap", "accept", id, NULL)) != 0)
		return r;
	return step(d, sh.handle, "next", "--count", "2", NULL);
}

/* The clock moves to the Wednesday of the first week, 13:00: its holder
 * falls ill, and a manager gives the rest of the week, from now, to the
 * colleague best placed; the days already worked stay theirs. Dublin is
 * open, so the service owners answer until San Francisco closes, and a
 * colleague there looks at that evening. */
static int
illness_story(struct demo *d, const struct term *t)
{
	struct shift sh;
	char partner[HANDLE_MAX], monday[16], next_monday[16], clock[32], evening[24];
	struct local_time lt;
	int r;

	if ((r = term_shift(d, t, 0, &sh, partner, sizeof partner)) != 0)
		return r;
	tz_to_local(d->dublin, sh.start + 2 * 86400, &lt);
	d->base->now = tz_from_local(d->dublin, lt.year, lt.month, lt.day, 13, 0, 0);
	time_format_local(d->base->now, d->dublin, clock, sizeof clock);
	day_after(d, sh.start, 0, monday, sizeof monday);
	day_after(d, sh.end, 0, next_monday, sizeof next_monday);
	printf("\nOn the Wednesday of the first week (the clock says %s), %s,\n"
	       "on call that week, falls ill. mia gives the rest of the week to %s;\n"
	       "the days %s worked stay theirs (in the schedule, the feeds and the pay):\n",
	       clock, sh.handle, partner, sh.handle);
	if ((r = step(d, "mia", "override", "--from", "now", partner, NULL)) != 0 ||
	    (r = step(d, "mia", "schedule", "show", "--from", monday, "--to", next_monday,
		      NULL)) != 0)
		return r;
	printf("\nThe volunteers cover out of hours only: while Dublin or San Francisco\n"
	       "is open, each team answers its own services' alerts, so ana is not\n"
	       "on call at 13:00 in Dublin, and takes over once San Francisco closes:\n");
	if ((r = step(d, "ana", "now", NULL)) != 0)
		return r;
	/* The same date at 19:00 in San Francisco, in the asker's zone. */
	snprintf(evening, sizeof evening, "%04d-%02d-%02dT19:00", lt.year, lt.month, lt.day);
	printf("\nThat evening in San Francisco, both offices have closed:\n");
	return step(d, "kim", "now", "--at", evening, NULL);
}

/* The term's fairness, in the hours each volunteer was really on call,
 * ending with what the second office buys: the hours a week the
 * volunteers are on call with each office alone and with both. */
static int
fairness_story(struct demo *d, const char *term)
{
	printf("\nHow fair the term is, in the hours each volunteer is really on call;\n"
	       "at the end, what San Francisco buys Dublin: the hours a week the\n"
	       "volunteers are on call with each office alone and with both (follow\n"
	       "the sun):\n");
	return step(d, "mia", "report", "fairness", term, NULL);
}

/* *YEAR-*MONTH plus K months. */
static void
add_months(int *year, int *month, int k)
{
	int m = *month - 1 + k;

	*year += m / 12;
	*month = m % 12 + 1;
}

/* Three months of pages (a quiet one, a noisy one, a middling one) in the
 * months after the one the term began in, seen from the first Monday after
 * them: the clock moves on, a manager imports them, reads the reports of
 * the quiet and the noisy month, the pay, and writes the HTML report. */
static int
pages_story(struct demo *d)
{
	static const char *const zones[2] = { ZONE_DUBLIN, ZONE_SF };
	char *csv = xasprintf("%s/pages.csv", d->dir), *html = NULL;
	char quiet[16], noisy[16], third[16], today[16];
	struct local_time lt;
	int r, y, m, day;
	FILE *f;

	tz_to_local(d->dublin, d->base->now, &lt);
	y = lt.year;
	m = lt.month;
	add_months(&y, &m, 1);
	snprintf(quiet, sizeof quiet, "%04d-%02d", y, m);
	if ((f = fopen(csv, "w")) == NULL) {
		r = rota_fail(EX_CANTCREAT, "cannot create %s: %s", csv, strerror(errno));
		free(csv);
		return r;
	}
	r = demo_write_pages(d->base, f, zones, y, m);
	if (fclose(f) != 0 && r == 0)
		r = rota_fail(EX_IOERR, "cannot write %s", csv);
	if (r != 0) {
		free(csv);
		return r;
	}
	add_months(&y, &m, 1);
	snprintf(noisy, sizeof noisy, "%04d-%02d", y, m);
	add_months(&y, &m, 1);
	snprintf(third, sizeof third, "%04d-%02d", y, m);
	/* The first Monday after the three months, 09:00 in Dublin: still
	 * inside the 26-week term. */
	day = civil_days_in_month(y, m);
	do
		civil_add_days(&y, &m, &day, 1);
	while (civil_weekday(y, m, day) != 1);
	d->base->now = tz_from_local(d->dublin, y, m, day, 9, 0, 0);
	date_format_local(d->base->now, d->dublin, today, sizeof today);
	printf("\nThree months on (the clock says %s), the pages of %s to %s\n"
	       "come in from the paging service's export, %s; those that\n"
	       "arrived while Dublin or San Francisco was open went to the services'\n"
	       "own teams, and the reports count them apart from the volunteers':\n",
	       today, quiet, third, csv);
	html = xasprintf("%s/report-%s.html", d->dir, noisy);
	if ((r = step(d, "mia", "page", "import", csv, NULL)) != 0 ||
	    (r = step(d, "mia", "report", "monthly", quiet, NULL)) != 0 ||
	    (r = step(d, "mia", "report", "monthly", noisy, NULL)) != 0 ||
	    (r = step(d, "mia", "pay", noisy, NULL)) != 0 ||
	    (r = step(d, "mia", "report", "monthly", noisy, "--format", "html", "-o",
		      html, NULL)) != 0)
		goto out;
	printf("\nThe noisy month as a page with charts: open %s\n", html);
out:
	free(html);
	free(csv);
	return r;
}

static int
story(struct demo *d)
{
	char primary[64], managers[64], start[16], upto[16];
	char leave1[16], leave2[16], leave3[16], leave4[16], first_week[16];
	int64_t now = d->base->now, term_end = now + 26 * 7 * 86400LL;
	struct local_time lt;
	struct term t;
	int r;

	tz_to_local(d->dublin, now, &lt);
	snprintf(primary, sizeof primary, "primary-%04d-%02d", lt.year, lt.month);
	snprintf(managers, sizeof managers, "managers-%04d-%02d", lt.year, lt.month);
	/* A date, as a user types it: tomorrow in Dublin. The term starts at
	 * the first handoff from its midnight on. */
	day_after(d, now, 1, start, sizeof start);
	day_after(d, now, 21, leave1, sizeof leave1);
	day_after(d, now, 27, leave2, sizeof leave2);
	day_after(d, now, 49, leave3, sizeof leave3);
	day_after(d, now, 53, leave4, sizeof leave4);
	day_after(d, now, 42, upto, sizeof upto);
	/* The term starts at the next handoff: look at its first week. */
	day_after(d, now, 9, first_week, sizeof first_week);

	if ((r = step(d, NULL, "init", NULL)) != 0 ||
	    (r = step(d, NULL, "office", "add", "Dublin", "--tz", ZONE_DUBLIN,
		      "--hours", "Mon-Fri 09:00-17:30", NULL)) != 0 ||
	    (r = step(d, NULL, "office", "add", "San Francisco", "--tz", ZONE_SF,
		      "--hours", "Mon-Fri 09:00-18:00", NULL)) != 0 ||
	    (r = add_people(d)) != 0 ||
	    (r = step(d, "mia", "rotation", "add", "primary", "--tier", "primary",
		      "--tz", ZONE_DUBLIN, "--handoff", "Mon 10:00", "--covers",
		      "out-of-hours", NULL)) != 0 ||
	    (r = step(d, "mia", "rotation", "add", "managers", "--tier", "escalation",
		      "--tz", ZONE_DUBLIN, "--handoff", "Mon 10:00", NULL)) != 0 ||
	    (r = step(d, "mia", "term", "add", primary, "--rotation", "primary",
		      "--start", start, "--weeks", "26", NULL)) != 0 ||
	    (r = step(d, "mia", "term", "add", managers, "--rotation", "managers",
		      "--start", start, "--weeks", "26", NULL)) != 0 ||
	    (r = join_terms(d, primary, managers)) != 0 ||
	    (r = add_holidays(d, now, term_end)) != 0 ||
	    (r = step(d, "ana", "leave", "add", leave1, leave2, "--reason",
		      "skiing", NULL)) != 0 ||
	    (r = step(d, "dev", "leave", "add", leave3, leave4, "--reason",
		      "conference", NULL)) != 0 ||
	    (r = step(d, "mia", "schedule", "generate", primary, NULL)) != 0 ||
	    (r = step(d, "mia", "schedule", "generate", managers, NULL)) != 0 ||
	    (r = step(d, "ana", "schedule", "show", "--to", upto, NULL)) != 0 ||
	    (r = step(d, "ana", "now", "--at", first_week, NULL)) != 0 ||
	    (r = step(d, "ana", "next", NULL)) != 0 ||
	    (r = store_term_get(d->base->db, primary, &t)) != 0 ||
	    (r = swap_story(d, &t)) != 0 ||
	    (r = night_story(d, &t)) != 0 ||
	    (r = illness_story(d, &t)) != 0 ||
	    (r = fairness_story(d, primary)) != 0 ||
	    (r = pages_story(d)) != 0)
		return r;
	return 0;
}

int
demo_folder(const char *dir, char **dirp)
{
	char *made, *db, *conf;
	int r = 0;

	if (dir == NULL) {
		const char *tmp = getenv("TMPDIR");
		made = xasprintf("%s/rota-demo.XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (mkdtemp(made) == NULL) {
			free(made);
			return rota_fail(EX_CANTCREAT, "cannot create a folder for the demo: %s",
					 strerror(errno));
		}
	} else if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		return rota_fail(EX_CANTCREAT, "%s: %s", dir, strerror(errno));
	} else {
		made = xasprintf("%s", dir);
	}
	db = xasprintf("%s/rota.db", made);
	conf = xasprintf("%s/rota.conf", made);
	if (access(db, F_OK) == 0)
		r = rota_fail(EX_CANTCREAT, "%s already exists; the demo wants a fresh database",
			      db);
	else if (access(conf, F_OK) == 0)
		r = rota_fail(EX_CANTCREAT, "%s already exists; the demo writes its own", conf);
	free(db);
	free(conf);
	if (r != 0)
		free(made);
	else
		*dirp = made;
	return r;
}

int
demo_config(const char *dir, struct config **cfg)
{
	char *path = xasprintf("%s/rota.conf", dir);
	FILE *f = fopen(path, "w");
	int r;

	if (f == NULL) {
		r = rota_fail(EX_CANTCREAT, "cannot create %s: %s", path, strerror(errno));
	} else if (fputs(demo_conf, f) == EOF || fclose(f) != 0) {
		r = rota_fail(EX_IOERR, "cannot write %s", path);
	} else {
		r = config_load(path, cfg);
	}
	free(path);
	return r;
}

int
demo_story(struct ctx *ctx, const char *dir)
{
	struct demo d = { .base = ctx, .dublin = tz_lookup(ZONE_DUBLIN), .dir = dir };

	return story(&d);
}
