/* Benchmark: iCalendar feeds.
 *
 *   bench-feed [--events N] [--people N] [--runs N] [--rota PATH]
 *              [--python PATH] [--db PATH] [--dir DIR]
 *
 * 1. Builds a feed of N events (default 10,000: 200 rotations of 50 weekly
 *    shifts in five zones, with the escalation tier in the descriptions)
 *    with calendars/feed.c in this process, timing the building of the
 *    libical tree and its serialisation apart; then has python3-icalendar
 *    (bench/bench-feed.py, run by PATH, default /usr/bin/python3) build the
 *    same events and serialise them, timed inside Python as well as a
 *    whole process.
 * 2. With --rota: makes a database of N people (default 1,000: rotations
 *    of 10 volunteers, two 26-week terms each, generated) and times
 *    `rota publish --dir DIR` as a process, the first run (which makes
 *    every token) apart.
 * Prints the fastest and median of RUNS runs (default 5); asserts nothing
 * but that both builders wrote N events. Figures: bench/README.md. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <jansson.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench/org.h"
#include "bench/timing.h"
#include "calendars/feed.h"
#include "service/plan.h"
#include "common/timefmt.h"
#include "common/tz-ical.h"

#ifndef BENCH_SRCDIR
#define BENCH_SRCDIR "."
#endif


static const char *const zones[] = {
	"Europe/Dublin", "America/Los_Angeles", "Asia/Kolkata", "Australia/Sydney",
	"America/Bogota",
};

static int
compare_start(const void *a, const void *b)
{
	const struct shift *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* WEEKS weekly shifts of rotation NAME from Mon 2027-01-04 at HOUR:00 in
 * ZONE, to HANDLES[i % nh], into v. */
static void
weeks(struct shift *v, int weeks, const char *name, enum tier tier, const char *zone,
      int hour, int first_id, int nh, const char *prefix)
{
	const struct tz_zone *z = tz_lookup(zone);
	int y = 2027, m = 1, d = 4;
	int64_t start = tz_from_local(z, y, m, d, hour, 0, 0);

	for (int i = 0; i < weeks; i++) {
		struct shift *sh = &v[i];

		memset(sh, 0, sizeof *sh);
		civil_add_days(&y, &m, &d, 7);
		sh->id = first_id + i;
		sh->tier = tier;
		sh->slot = i;
		sh->start = start;
		sh->end = start = tz_from_local(z, y, m, d, hour, 0, 0);
		snprintf(sh->rotation, sizeof sh->rotation, "%s", name);
		snprintf(sh->term, sizeof sh->term, "%s-2027", name);
		snprintf(sh->tz, sizeof sh->tz, "%s", zone);
		snprintf(sh->handle, sizeof sh->handle, "%s%d", prefix, (first_id + i) % nh);
		shift_uid_make(sh->rotation, sh->term, sh->slot, sh->uid, sizeof sh->uid);
	}
}

/* Builds the calendar RUNS times; fastest times into build/text ms. */
static char *
time_rota(const struct shift *v, size_t n, const struct shift *esc, size_t nesc,
	  const struct feed_settings *fs, int runs, double *build, double *text, double *all)
{
	char *out = NULL;

	for (int r = 0; r < runs; r++) {
		double t0 = seconds_now(), t1, t2;
		icalcomponent *cal = feed_calendar_new("On call \xe2\x80\x94 bench", fs);
		char names[512];
		size_t count;

		for (size_t k = 0; k < sizeof zones / sizeof zones[0]; k++)
			feed_add_zone(cal, zones[k], v[0].start);
		for (size_t i = 0; i < n; i++)
			feed_add_shift(cal, &v[i], feed_escalation(esc, nesc, &v[i], names, sizeof names), fs);
		t1 = seconds_now();
		free(out);
		out = feed_to_string(cal);
		t2 = seconds_now();
		icalcomponent_free(cal);
		build[r] = (t1 - t0) * 1e3;
		text[r] = (t2 - t1) * 1e3;
		t0 = seconds_now();
		free(out);
		feed_build("On call \xe2\x80\x94 bench", v, n, esc, nesc, fs, &out, &count);
		all[r] = (seconds_now() - t0) * 1e3;
		if (count != n)
			fprintf(stderr, "bench-feed: %zu events, not %zu\n", count, n);
	}
	return out;
}

/* The events as bench-feed.py reads them, taken from rota's own output. */
static int
write_events(const char *path, const char *ics_path, const char *ics, const struct feed_settings *fs)
{
	icalcomponent *cal = icalparser_parse_string(ics);
	json_t *root = json_object(), *events = json_array();
	int r;

	json_object_set_new(root, "prodid", json_string(FEED_PRODID));
	json_object_set_new(root, "name", json_string("On call \xe2\x80\x94 bench"));
	json_object_set_new(root, "refresh_minutes", json_integer(fs->refresh_minutes));
	json_object_set_new(root, "alarm_minutes", json_integer(fs->alarm_minutes));
	json_object_set_new(root, "now", json_integer(fs->now));
	json_object_set_new(root, "rota_ics", json_string(ics_path));
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	     ev != NULL; ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		icalproperty *p = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
		icalparameter *tzid = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
		icaltimezone *zone = tz_ical(tz_lookup(icalparameter_get_tzid(tzid)));
		icalcomponent *alarm = icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT);
		json_t *e = json_object();

		json_object_set_new(e, "uid", json_string(icalcomponent_get_uid(ev)));
		json_object_set_new(e, "sequence", json_integer(icalproperty_get_sequence(
			icalcomponent_get_first_property(ev, ICAL_SEQUENCE_PROPERTY))));
		json_object_set_new(e, "tz", json_string(icalparameter_get_tzid(tzid)));
		json_object_set_new(e, "start", json_integer(icaltime_as_timet_with_zone(
			icalproperty_get_dtstart(p), zone)));
		json_object_set_new(e, "end", json_integer(icaltime_as_timet_with_zone(
			icalproperty_get_dtend(icalcomponent_get_first_property(ev, ICAL_DTEND_PROPERTY)),
			zone)));
		json_object_set_new(e, "summary", json_string(icalcomponent_get_summary(ev)));
		json_object_set_new(e, "description", json_string(icalcomponent_get_description(ev)));
		json_object_set_new(e, "alarm", json_string(icalproperty_get_description(
			icalcomponent_get_first_property(alarm, ICAL_DESCRIPTION_PROPERTY))));
		json_array_append_new(events, e);
	}
	json_object_set_new(root, "events", events);
	r = json_dump_file(root, path, JSON_COMPACT);
	json_decref(root);
	icalcomponent_free(cal);
	return r;
}

static int
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	int r;

	if (f == NULL)
		return -1;
	r = fputs(text, f) == EOF;
	return fclose(f) != 0 || r ? -1 : 0;
}

static int
feed_part(int n_events, int runs, const char *python)
{
	int n_rot = (n_events + 49) / 50, n_esc = 50;
	struct shift *v = calloc((size_t)n_rot * 50, sizeof *v), *esc = calloc((size_t)n_esc, sizeof *esc);
	struct feed_settings fs = { .alarm_minutes = 30, .refresh_minutes = 60, .history_weeks = 8 };
	double *build = calloc((size_t)runs, sizeof(double)), *text = calloc((size_t)runs, sizeof(double));
	double *all = calloc((size_t)runs, sizeof(double)), *proc = calloc((size_t)runs, sizeof(double));
	double py_build = 1e30, py_text = 1e30;
	char *ics, cmd[4096], line[256];
	size_t n = (size_t)n_events;
	int py_events = -1;

	time_parse("2027-01-01T00:00:00Z", tz_lookup("UTC"), &fs.now);
	for (int r = 0; r < n_rot; r++) {
		char name[32];

		snprintf(name, sizeof name, "team-%03d", r);
		weeks(v + r * 50, 50, name, TIER_PRIMARY, zones[r % 5], 10, r * 50, 10, "p");
	}
	weeks(esc, n_esc, "managers", TIER_ESCALATION, "Australia/Sydney", 9, 0, 3, "m");
	qsort(v, n, sizeof *v, compare_start);       /* a feed is in time order */

	ics = time_rota(v, n, esc, (size_t)n_esc, &fs, runs, build, text, all);
	printf("feed of %zu events, %zu bytes, %zu zones\n", n, strlen(ics),
	       sizeof zones / sizeof zones[0]);
	print_times("rota: libical tree", build, runs, "feed_calendar_new..feed_add_shift");
	print_times("rota: serialise", text, runs, "icalcomponent_as_ical_string_r");
	print_times("rota: feed_build", all, runs, "the whole feed, in process");
	if (write_file("bench-feed-rota.ics", ics) != 0 ||
	    write_events("bench-feed-events.json", "bench-feed-rota.ics", ics, &fs) != 0) {
		fprintf(stderr, "bench-feed: cannot write the event files\n");
		return 1;
	}
	free(ics);

	for (int r = 0; r < runs; r++) {
		double t0 = seconds_now();
		FILE *p;

		snprintf(cmd, sizeof cmd, "%s %s/bench/bench-feed.py bench-feed-events.json 1 "
			 "bench-feed-python.ics", python, BENCH_SRCDIR);
		if ((p = popen(cmd, "r")) == NULL || fgets(line, sizeof line, p) == NULL) {
			fprintf(stderr, "bench-feed: %s failed\n", cmd);
			if (p != NULL)
				pclose(p);
			return 1;
		}
		if (pclose(p) != 0)
			return 1;
		proc[r] = (seconds_now() - t0) * 1e3;
		{
			double b, t;

			if (sscanf(line, "%lf %lf %d", &b, &t, &py_events) != 3)
				return 1;
			build[r] = b;
			text[r] = t;
			all[r] = b + t;
			if (b + t < py_build + py_text) {
				py_build = b;
				py_text = t;
			}
		}
	}
	printf("python3-icalendar %s, %d events\n", "4.0.3", py_events);
	print_times("python: build", build, runs, "Calendar/Event/Alarm .add()");
	print_times("python: serialise", text, runs, "Calendar.to_ical()");
	print_times("python: build+serialise", all, runs, "in Python");
	print_times("python: whole process", proc, runs, "start, read JSON, build, write");
	free(v);
	free(esc);
	free(build);
	free(text);
	free(all);
	free(proc);
	return py_events == (int)n ? 0 : 1;
}

static int
publish_part(const char *rota, const char *db_path, const char *dir, int people, int runs)
{
	struct org_shape shape = { .rotations = people / 10, .members = 10, .years = 1 };
	char *argv[] = { (char *)rota, "--db", (char *)db_path, "publish", "--dir", (char *)dir, NULL };
	double *ms = calloc((size_t)runs, sizeof *ms), first;
	struct store *db;
	char path[4096];
	int r;

	snprintf(path, sizeof path, "rm -rf '%s' '%s' '%s-wal' '%s-shm'", dir, db_path, db_path, db_path);
	if (system(path) != 0)
		return 1;
	if (time_parse("2027-01-01T00:00:00Z", tz_lookup("UTC"), &shape.start) != 0 ||
	    store_open(db_path, &db) != 0)
		return 1;
	if ((r = org_make(db, &shape)) != 0 || (r = org_generate_all(db, shape.start, NULL)) != 0)
		return r;
	store_close(db);
	setenv("ROTA_NOW", "2027-04-01T12:00:00Z", 1);
	if (time_process(argv, 1, &first, NULL) != 0 || time_process(argv, runs, ms, NULL) != 0)
		return 1;
	printf("publish --dir: %d people, %d rotations\n", shape.rotations * shape.members,
	       shape.rotations);
	print_times("rota publish (first)", &first, 1, "makes every token");
	print_times("rota publish", ms, runs, "process start to exit");
	free(ms);
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "events", required_argument, NULL, 'e' },
		{ "people", required_argument, NULL, 'p' },
		{ "runs", required_argument, NULL, 'n' },
		{ "rota", required_argument, NULL, 'x' },
		{ "python", required_argument, NULL, 'y' },
		{ "db", required_argument, NULL, 'd' },
		{ "dir", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *rota = NULL, *python = "/usr/bin/python3", *db = "bench-feed.db",
		   *dir = "bench-feed-pub";
	int events = 10000, people = 1000, runs = 5, c, r;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'e': events = atoi(optarg); break;
		case 'p': people = atoi(optarg); break;
		case 'n': runs = atoi(optarg); break;
		case 'x': rota = optarg; break;
		case 'y': python = optarg; break;
		case 'd': db = optarg; break;
		case 'o': dir = optarg; break;
		default:
			fprintf(stderr, "usage: bench-feed [--events N] [--people N] [--runs N] "
				"[--rota PATH] [--python PATH] [--db PATH] [--dir DIR]\n");
			return 64;
		}
	}
	if (events < 1 || people < 10 || runs < 1) {
		fprintf(stderr, "bench-feed: --events and --runs at least 1, --people at least 10\n");
		return 64;
	}
	r = feed_part(events, runs, python);
	if (r == 0 && rota != NULL)
		r = publish_part(rota, db, dir, people, runs);
	feed_cleanup();
	tz_cleanup();
	icalmemory_free_ring();
	return r;
}
