/* Benchmark: `rota page import` of a generic CSV of many pages, against
 * the sqlite3 shell's `.import` of the same file (which classifies
 * nothing), in the same run; and the makers of the data other benchmarks
 * and the demo use.
 *
 *   bench-pages [--pages N] [--runs N] [--rota PATH] [--sqlite3 PATH]
 *       writes bench-pages.csv (N pages, default 1,000,000) and a team
 *       database, then times both imports RUNS times (default 3);
 *   bench-pages --big-db PATH [--pages N]
 *       builds a database of N pages (default 10,000,000) over ten years
 *       for the report and pay benchmarks, through the store's batch insert
 *       with every page classified;
 *   bench-pages --demo FILE [--tz ZONE] [--month YYYY-MM]
 *       writes the demo's three months of pages (sample/pages-gen.h).
 *
 * Prints wall and CPU (user + system) seconds of each process, and the
 * best of the runs (the fastest wall time and, apart, the least CPU);
 * asserts nothing. See bench/README.md. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "common/timefmt.h"
#include "common/tz.h"
#include "common/xalloc.h"
#include "reports/classify.h"
#include "bench/timing.h"
#include "sample/pages-gen.h"
#include "store/store.h"

extern char **environ;

#define TEAM 50
static const char *const zones[] = {
	"Europe/Dublin", "America/Los_Angeles", "Asia/Kolkata", "Australia/Sydney",
	"America/Bogota",
};
#define N_ZONES (sizeof zones / sizeof zones[0])

/* A team of TEAM people in five offices (one per zone, default hours,
 * a public holiday each year), one primary rotation. Handles in h[]. */
static int
make_team(struct store *db, char handles[TEAM][HANDLE_MAX], struct person *people)
{
	struct office o[N_ZONES];
	struct rotation rot = { .tier = TIER_PRIMARY, .handoff_dow = 1,
				.handoff_minute = 600, .shift_days = 7 };
	int r;

	if ((r = store_begin(db)) != 0)
		return r;
	for (size_t i = 0; i < N_ZONES && r == 0; i++) {
		memset(&o[i], 0, sizeof o[i]);
		snprintf(o[i].name, sizeof o[i].name, "office-%zu", i);
		snprintf(o[i].tz, sizeof o[i].tz, "%s", zones[i]);
		snprintf(o[i].hours, sizeof o[i].hours, "Mon-Fri 09:00-18:00");
		r = store_office_add(db, &o[i], 0);
		for (int y = 2025; y < 2037 && r == 0; y++) {
			struct holiday h = { .office_id = o[i].id };

			snprintf(h.day, sizeof h.day, "%04d-%02d-%02d", y, 3 + (int)i, 17);
			snprintf(h.name, sizeof h.name, "Holiday");
			r = store_holiday_add(db, &h, "manual", NULL, NULL);
		}
	}
	for (int i = 0; i < TEAM && r == 0; i++) {
		struct person *p = &people[i];

		memset(p, 0, sizeof *p);
		snprintf(p->handle, sizeof p->handle, "eng%02d", i);
		snprintf(p->name, sizeof p->name, "Engineer %02d", i);
		snprintf(p->email, sizeof p->email, "eng%02d@example.com", i);
		snprintf(p->tz, sizeof p->tz, "%s", zones[(size_t)i % N_ZONES]);
		p->office_id = o[(size_t)i % N_ZONES].id;
		p->sleep_start = 1320;
		p->sleep_end = 420;
		r = store_person_add(db, p, 0);
		snprintf(handles[i], HANDLE_MAX, "%s", p->handle);
	}
	snprintf(rot.name, sizeof rot.name, "ops");
	snprintf(rot.tz, sizeof rot.tz, "Europe/Dublin");
	if (r == 0)
		r = store_rotation_add(db, &rot, 0);
	if (r == 0)
		return store_commit(db);
	store_rollback(db);
	return r;
}

/* One run of one side: wall seconds, and the CPU seconds (user, system)
 * of the process. */
struct timing {
	double wall, user, sys;
};

/* Runs ARGV as a process, output to /dev/null: 0, or -1. */
static int
run(char **argv, struct timing *out)
{
	posix_spawn_file_actions_t fa;
	double t0 = seconds_now();
	struct rusage ru;
	pid_t pid;
	int status;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	errno = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (errno != 0) {
		fprintf(stderr, "bench-pages: %s: %s\n", argv[0], strerror(errno));
		return -1;
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		return -1;
	out->wall = seconds_now() - t0;
	out->user = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6;
	out->sys = (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench-pages: %s failed\n", argv[0]);
		return -1;
	}
	return 0;
}

static void
keep_best(struct timing *best, const struct timing *t)
{
	if (t->wall < best->wall)
		best->wall = t->wall;
	if (t->user + t->sys < best->user + best->sys) {
		best->user = t->user;
		best->sys = t->sys;
	}
}

static int
copy_file(const char *from, const char *to)
{
	char cmd[1024];

	snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
	return system(cmd) == 0 ? 0 : -1;
}

static void
remove_db(const char *path)
{
	char p[512];

	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

static int
bench_import(size_t n, int runs, const char *rota, const char *sqlite3)
{
	static char handles[TEAM][HANDLE_MAX];
	static struct person people[TEAM];
	const char *hp[TEAM];
	struct store *db;
	FILE *f;
	struct timing best_rota = { 1e9, 1e9, 1e9 }, best_sql = { 1e9, 1e9, 1e9 };
	double t0;
	int64_t from = 1798761600;      /* 2027-01-01T00:00:00Z */

	remove_db("bench-pages-team.db");
	if (store_open("bench-pages-team.db", &db) != 0 || make_team(db, handles, people) != 0)
		return 1;
	store_close(db);
	for (int i = 0; i < TEAM; i++)
		hp[i] = handles[i];
	t0 = seconds_now();
	if ((f = fopen("bench-pages.csv", "w")) == NULL)
		return 1;
	pages_gen_header(f);
	if (pages_gen_write(f, "B", from, from + 2 * 365 * 86400, n, hp, TEAM, 1) < 0 ||
	    fclose(f) != 0)
		return 1;
	printf("wrote bench-pages.csv: %zu pages in %.2f s\n", n, seconds_now() - t0);
	setenv("ROTA_CONFIG", "/dev/null", 1);
	unsetenv("ROTA_NOW");
	for (int i = 0; i < runs; i++) {
		char *imp[] = { (char *)rota, "--db", "bench-pages.db", "page", "import",
				"bench-pages.csv", NULL };
		char *sql[] = { (char *)sqlite3, "bench-pages-raw.db",
			"CREATE TABLE pages_raw (id, created_at, acknowledged_at, resolved_at, "
			"responder, service, alert, urgency, escalated, runbook_url)",
			".import --csv --skip 1 bench-pages.csv pages_raw", NULL };
		struct timing a, b;
		int ra, rb;

		remove_db("bench-pages.db");
		remove_db("bench-pages-raw.db");
		if (copy_file("bench-pages-team.db", "bench-pages.db") < 0)
			return 1;
		/* Alternate which goes first, so neither always gets a cold cache. */
		if (i % 2 == 0) {
			ra = run(imp, &a);
			rb = run(sql, &b);
		} else {
			rb = run(sql, &b);
			ra = run(imp, &a);
		}
		if (ra < 0 || rb < 0)
			return 1;
		printf("run %d: rota page import %.2f s wall, %.2f s CPU (%.2f user + %.2f sys); "
		       "sqlite3 .import %.2f s wall, %.2f s CPU (%.2f user + %.2f sys)\n", i + 1,
		       a.wall, a.user + a.sys, a.user, a.sys, b.wall, b.user + b.sys, b.user, b.sys);
		keep_best(&best_rota, &a);
		keep_best(&best_sql, &b);
	}
	printf("best of %d: rota page import %.2f s wall (%.0f pages/s), %.2f s CPU "
	       "(%.2f + %.2f); sqlite3 .import %.2f s wall, %.2f s CPU (%.2f + %.2f); "
	       "rota / sqlite3: wall %.2f, CPU %.2f\n", runs, best_rota.wall,
	       (double)n / best_rota.wall, best_rota.user + best_rota.sys, best_rota.user,
	       best_rota.sys, best_sql.wall, best_sql.user + best_sql.sys, best_sql.user,
	       best_sql.sys, best_rota.wall / best_sql.wall,
	       (best_rota.user + best_rota.sys) / (best_sql.user + best_sql.sys));
	return 0;
}

/* N pages over ten years from 2027, to the team round robin, classified,
 * through store_page_insert_many in one transaction. */
static int
big_db(const char *path, size_t n)
{
	static char handles[TEAM][HANDLE_MAX];
	static struct person people[TEAM];
	struct work_calendar cal[TEAM];
	struct sleep_window sleep[TEAM];
	struct holiday *hol;
	size_t nhol, batch = 10000, done = 0;
	struct page *v;
	struct store *db;
	int64_t from = 1798761600, span = (int64_t)3652 * 86400;
	uint64_t s = 7;
	double t0 = seconds_now();
	int r;

	remove_db(path);
	if ((r = store_open(path, &db)) != 0 || (r = make_team(db, handles, people)) != 0 ||
	    (r = store_holiday_list(db, 0, NULL, NULL, &hol, &nhol)) != 0)
		return 1;
	for (int i = 0; i < TEAM; i++) {
		work_calendar_init(&cal[i], people[i].tz, NULL, people[i].office_id, hol, nhol);
		sleep_window_init(&sleep[i], people[i].tz, 1320, 420);
	}
	free(hol);
	v = xcalloc(batch, sizeof *v);
	if ((r = store_begin(db)) != 0)
		return 1;
	while (done < n && r == 0) {
		size_t k = n - done < batch ? n - done : batch;

		for (size_t i = 0; i < k; i++) {
			struct page *p = &v[i];
			size_t id = done + i;
			int who = (int)(id % TEAM);
			uint64_t x;

			s += UINT64_C(0x9e3779b97f4a7c15);
			x = (s ^ (s >> 31)) * UINT64_C(0xbf58476d1ce4e5b9);
			x ^= x >> 29;
			memset(p, 0, sizeof *p);
			snprintf(p->source, sizeof p->source, "generic");
			snprintf(p->source_id, sizeof p->source_id, "B-%zu", id + 1);
			p->created = from + (int64_t)((double)span * (double)id / (double)n) +
				     (int64_t)(x % 300);
			if (x % 10 != 0)
				p->acknowledged = p->created + 30 + (int64_t)((x >> 8) % 600);
			p->resolved = (p->acknowledged ? p->acknowledged : p->created) + 60 +
				      (int64_t)((x >> 20) % 7200);
			p->responder_id = people[who].id;
			snprintf(p->responder_name, sizeof p->responder_name, "%s", handles[who]);
			p->rotation_id = 1;
			snprintf(p->service, sizeof p->service, "service-%d", (int)((x >> 32) % 10));
			snprintf(p->alert, sizeof p->alert, "alert %d", (int)((x >> 36) % 50));
			snprintf(p->urgency, sizeof p->urgency, "%s", (x >> 42) % 4 ? "high" : "low");
			p->escalated = (x >> 46) % 20 == 0;
			if ((x >> 50) % 10 >= 3)
				snprintf(p->runbook_url, sizeof p->runbook_url,
					 "https://runbooks.example.com/%d", (int)((x >> 32) % 10));
			p->acted = p->acknowledged != 0;
			p->class = classify_instant(&cal[who], &sleep[who], p->created);
		}
		r = store_page_insert_many(db, v, k, 0, NULL);
		done += k;
		if (done % 1000000 == 0)
			fprintf(stderr, "%zu pages, %.0f s\n", done, seconds_now() - t0);
	}
	if (r == 0)
		r = store_commit(db);
	for (int i = 0; i < TEAM; i++)
		work_calendar_free(&cal[i]);
	free(v);
	store_close(db);
	printf("built %s: %zu pages in %.1f s\n", path, done, seconds_now() - t0);
	return r != 0;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "pages", required_argument, NULL, 'n' },
		{ "runs", required_argument, NULL, 'r' },
		{ "rota", required_argument, NULL, 'R' },
		{ "sqlite3", required_argument, NULL, 's' },
		{ "big-db", required_argument, NULL, 'b' },
		{ "demo", required_argument, NULL, 'd' },
		{ "tz", required_argument, NULL, 'z' },
		{ "month", required_argument, NULL, 'm' },
		{ NULL, 0, NULL, 0 },
	};
	const char *rota = "./rota", *sqlite3 = "sqlite3", *big = NULL, *demo = NULL;
	const char *zone = "Europe/Dublin", *month = "2027-01";
	size_t n = 0;
	int runs = 3, c, r;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'n': n = strtoul(optarg, NULL, 10); break;
		case 'r': runs = atoi(optarg); break;
		case 'R': rota = optarg; break;
		case 's': sqlite3 = optarg; break;
		case 'b': big = optarg; break;
		case 'd': demo = optarg; break;
		case 'z': zone = optarg; break;
		case 'm': month = optarg; break;
		default:
			fprintf(stderr, "usage: bench-pages [--pages N] [--runs N] [--rota PATH] "
				"[--sqlite3 PATH] | --big-db PATH [--pages N] | --demo FILE "
				"[--tz ZONE] [--month YYYY-MM]\n");
			return 64;
		}
	}
	if (demo != NULL) {
		FILE *f = fopen(demo, "w");
		int y, m;

		if (f == NULL || sscanf(month, "%d-%d", &y, &m) != 2 || tz_lookup(zone) == NULL)
			return 1;
		r = pages_gen_demo(f, tz_lookup(zone), y, m) < 0 || fclose(f) != 0;
	} else if (big != NULL) {
		r = big_db(big, n ? n : 10000000);
	} else {
		r = bench_import(n ? n : 1000000, runs > 0 ? runs : 1, rota, sqlite3);
	}
	tz_cleanup();
	return r;
}
