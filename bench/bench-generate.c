/* Benchmark: schedule generation for a large synthetic organisation, then
 * `rota now` on the database it made; then the same with a tenth of the
 * weeks split into parts.
 *
 *   bench-generate [--rotations N] [--members N] [--years N] [--db PATH]
 *                  [--rota PATH] [--runs N] [--split N]
 *
 * Prints figures (wall and CPU time, shifts, peak memory); asserts
 * nothing. With --rota it also times, as processes, `rota --version` (the
 * cost of starting any rota: loading its libraries) and `rota now`, and in
 * this process the query behind `rota now` (store_now, on a database
 * opened afresh), so the figures explain one another; each with its CPU
 * time (user + system), which a busy machine disturbs less than wall time.
 * Then (unless --split 0) every N-th week (default 10) of each rotation is
 * split into three parts (org_split: the middle two days overridden), and
 * it times that, generating every term again over the split schedule, and
 * (with --rota) `rota now` again. The figures of record are in
 * bench/README.md. */
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

#include "bench/org.h"
#include "bench/timing.h"
#include "service/plan.h"
#include "common/timefmt.h"
#include "common/tz.h"


static long
peak_rss_mb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss / 1024;     /* Linux reports kilobytes */
}

/* Times the query behind `rota now` in this process: each run opens the
 * database afresh as a rota process does (OPEN_MS gets how long that
 * took), queries and closes it. */
static int
time_now_query(const char *db_path, int64_t at, int runs, double *open_ms, double *ms,
	       double *cpu, size_t *rows)
{
	for (int i = 0; i < runs; i++) {
		struct store *db;
		struct on_call *v = NULL;
		double t0, c0;
		int r;

		t0 = seconds_now();
		if ((r = store_open(db_path, &db)) != 0)
			return r;
		store_read_few(db);
		open_ms[i] = (seconds_now() - t0) * 1e3;
		t0 = seconds_now();
		c0 = cpu_seconds();
		r = store_now(db, at, &v, rows);
		ms[i] = (seconds_now() - t0) * 1e3;
		cpu[i] = (cpu_seconds() - c0) * 1e3;
		free(v);
		store_close(db);
		if (r != 0)
			return r;
	}
	return 0;
}

/* `rota --version`, the now query in process, then `rota --db DB now`. */
static int
time_rota(const char *rota, const char *db, int64_t at, int runs)
{
	char *version[] = { (char *)rota, "--version", NULL };
	char *now[] = { (char *)rota, "--db", (char *)db, "now", NULL };
	double *ms = calloc((size_t)runs, sizeof *ms), *cpu = calloc((size_t)runs, sizeof *cpu);
	double *open_ms = calloc((size_t)runs, sizeof *open_ms);
	char at_text[32];
	size_t rows = 0;
	int r;

	time_format_utc(at, at_text, sizeof at_text);
	if (ms == NULL || cpu == NULL || open_ms == NULL ||
	    setenv("ROTA_NOW", at_text, 1) != 0) {
		free(ms);
		free(cpu);
		free(open_ms);
		return 1;
	}
	if ((r = time_process(version, runs, ms, cpu)) == 0) {
		print_times("rota --version:", ms, runs, "process start to exit");
		print_times("  CPU:", cpu, runs, "user + system");
	}
	if (r == 0 && (r = time_now_query(db, at, runs, open_ms, ms, cpu, &rows)) == 0) {
		print_times("open:", open_ms, runs, "store_open in process");
		print_times("now query:", ms, runs, "store_now in process");
		print_times("  CPU:", cpu, runs, "user + system");
	}
	if (r == 0 && (r = time_process(now, runs, ms, cpu)) == 0) {
		print_times("rota now:", ms, runs, "process start to exit");
		print_times("  CPU:", cpu, runs, "user + system");
	}
	if (r == 0)
		printf("                (%zu shifts in force at %s)\n", rows, at_text);
	free(cpu);
	free(ms);
	free(open_ms);
	return r;
}

/* Splits every EVERY-th week of the database at DB_PATH into parts,
 * generates every term again over them (NOW: before the first term, as
 * at first) and, with ROTA, times `rota now` at AT again. */
static int
split_and_regenerate(const char *db_path, int every, int64_t now, const char *rota,
		     int64_t at, int runs)
{
	struct store *db;
	size_t weeks = 0, changed = 0;
	double t0, cpu0, t_split, cpu_split, t_gen, cpu_gen;
	int r;

	if ((r = store_open(db_path, &db)) != 0)
		return r;
	t0 = seconds_now();
	cpu0 = cpu_seconds();
	r = org_split(db, every, now, &weeks);
	t_split = seconds_now() - t0;
	cpu_split = cpu_seconds() - cpu0;
	if (r == 0) {
		t0 = seconds_now();
		cpu0 = cpu_seconds();
		r = org_generate_all(db, now, &changed);
		t_gen = seconds_now() - t0;
		cpu_gen = cpu_seconds() - cpu0;
	}
	store_close(db);
	if (r != 0)
		return r;
	printf("split:          %zu weeks (one in %d) into 3 parts each: %.2f s, %.2f s of "
	       "CPU\n", weeks, every, t_split, cpu_split);
	printf("regeneration:   %.2f s over the split schedule (%zu changes), %.2f s of CPU\n",
	       t_gen, changed, cpu_gen);
	printf("peak memory:    %ld MB (whole process)\n", peak_rss_mb());
	return rota != NULL ? time_rota(rota, db_path, at, runs) : 0;
}

int
main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "rotations", required_argument, NULL, 'r' },
		{ "members", required_argument, NULL, 'm' },
		{ "years", required_argument, NULL, 'y' },
		{ "db", required_argument, NULL, 'd' },
		{ "rota", required_argument, NULL, 'x' },
		{ "runs", required_argument, NULL, 'n' },
		{ "split", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	struct org_shape shape = { .rotations = 1000, .members = 10, .years = 5 };
	const char *db_path = "bench-org.db", *rota = NULL;
	int runs = 50, split = 10, c, r;
	int64_t at;
	struct store *db;
	size_t shifts = 0;
	char *wal, *shm;
	double t0, t_org, t_gen, cpu0, cpu_gen;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'r': shape.rotations = atoi(optarg); break;
		case 'm': shape.members = atoi(optarg); break;
		case 'y': shape.years = atoi(optarg); break;
		case 'd': db_path = optarg; break;
		case 'x': rota = optarg; break;
		case 'n': runs = atoi(optarg); break;
		case 's': split = atoi(optarg); break;
		default:
			fprintf(stderr, "usage: bench-generate [--rotations N] [--members N] "
				"[--years N] [--db PATH] [--rota PATH] [--runs N] [--split N]\n");
			return 64;
		}
	}
	if (shape.rotations < 1 || shape.members < 1 || shape.members > 64 ||
	    shape.years < 1 || runs < 1 || split < 0) {
		fprintf(stderr, "bench-generate: sizes must be positive (members at most 64, "
			"--split 0 or more)\n");
		return 64;
	}
	/* A fresh database every run. */
	wal = malloc(strlen(db_path) + 5);
	shm = malloc(strlen(db_path) + 5);
	sprintf(wal, "%s-wal", db_path);
	sprintf(shm, "%s-shm", db_path);
	unlink(db_path);
	unlink(wal);
	unlink(shm);
	free(wal);
	free(shm);

	if (time_parse("2027-01-01T00:00:00Z", tz_lookup("UTC"), &shape.start) != 0 ||
	    store_open(db_path, &db) != 0)
		return 70;
	/* `rota now` halfway through the years */
	at = shape.start + (int64_t)shape.years * 182 * 86400;
	t0 = seconds_now();
	if ((r = org_make(db, &shape)) != 0)
		return r;
	t_org = seconds_now() - t0;
	t0 = seconds_now();
	cpu0 = cpu_seconds();
	/* Generated before the first term starts, as a manager would. */
	r = org_generate_all(db, shape.start - 86400, &shifts);
	t_gen = seconds_now() - t0;
	cpu_gen = cpu_seconds() - cpu0;
	store_close(db);
	if (r != 0)
		return r;

	printf("organisation:   %d rotations x %d members, %d years (%d terms each)\n",
	       shape.rotations, shape.members, shape.years, shape.years * 2);
	printf("set up:         %.2f s\n", t_org);
	printf("generation:     %.2f s for %zu shifts (%.1f us a shift), %.2f s of CPU\n",
	       t_gen, shifts, shifts ? t_gen / (double)shifts * 1e6 : 0.0, cpu_gen);
	printf("peak memory:    %ld MB (whole process)\n", peak_rss_mb());
	if (rota != NULL)
		r = time_rota(rota, db_path, at, runs);
	if (r == 0 && split > 0)
		r = split_and_regenerate(db_path, split, shape.start - 86400, rota, at, runs);
	tz_cleanup();
	return r;
}
