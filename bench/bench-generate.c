/* Benchmark: schedule generation for a large synthetic organisation, then
 * `rota now` on the database it made.
 *
 *   bench-generate [--rotations N] [--members N] [--years N] [--db PATH]
 *                  [--rota PATH] [--runs N]
 *
 * Prints figures (wall time, shifts, peak memory); asserts nothing. The
 * figures of record are in bench/README.md. */
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
#include "cli/plan.h"
#include "common/timefmt.h"
#include "common/tz.h"

extern char **environ;

static double
seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long
peak_rss_mb(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss / 1024;     /* Linux reports kilobytes */
}

/* Generates every term of every rotation in time order, in one
 * transaction, as a manager running `schedule generate` term after term
 * would. Counts the shifts written into *shifts. */
static int
generate_all(struct store *db, int64_t now, size_t *shifts)
{
	struct rotation *rots = NULL;
	size_t n_rots = 0;
	int r;

	*shifts = 0;
	if ((r = store_begin(db)) != 0 || (r = store_rotation_list(db, &rots, &n_rots)) != 0)
		return r;
	for (size_t i = 0; i < n_rots && r == 0; i++) {
		struct term *terms = NULL;
		size_t n_terms = 0;

		if ((r = store_term_list(db, rots[i].id, &terms, &n_terms)) != 0)
			break;
		for (size_t k = 0; k < n_terms && r == 0; k++) {
			struct plan_diff d;

			r = plan_generate(db, NULL, &terms[k], now, true, &d);
			if (r == EX_DATAERR)
				fprintf(stderr, "bench: term %s is infeasible: %s\n",
					terms[k].name, d.reason);
			*shifts += d.n_changes;
			plan_diff_free(&d);
		}
		free(terms);
	}
	free(rots);
	if (r == 0)
		r = store_commit(db);
	else
		store_rollback(db);
	return r;
}

/* Runs `ROTA --db DB now` RUNS times; prints the mean and the slowest. */
static int
time_rota_now(const char *rota, const char *db, const char *at, int runs)
{
	char *argv[] = { (char *)rota, "--db", (char *)db, "now", NULL };
	posix_spawn_file_actions_t fa;
	double total = 0, worst = 0;

	if (setenv("ROTA_NOW", at, 1) != 0)
		return 1;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	for (int i = 0; i < runs; i++) {
		double t0 = seconds_now(), dt;
		pid_t pid;
		int status;

		if ((errno = posix_spawn(&pid, rota, &fa, NULL, argv, environ)) != 0) {
			fprintf(stderr, "bench: %s: %s\n", rota, strerror(errno));
			posix_spawn_file_actions_destroy(&fa);
			return 1;
		}
		waitpid(pid, &status, 0);
		dt = seconds_now() - t0;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			fprintf(stderr, "bench: rota now failed\n");
			posix_spawn_file_actions_destroy(&fa);
			return 1;
		}
		total += dt;
		if (dt > worst)
			worst = dt;
	}
	posix_spawn_file_actions_destroy(&fa);
	printf("rota now:       %.2f ms mean, %.2f ms slowest of %d runs (process start to exit)\n",
	       total / runs * 1e3, worst * 1e3, runs);
	return 0;
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
		{ NULL, 0, NULL, 0 },
	};
	struct org_shape shape = { .rotations = 1000, .members = 10, .years = 5 };
	const char *db_path = "bench-org.db", *rota = NULL;
	int runs = 50, c, r;
	struct store *db;
	size_t shifts = 0;
	char at[32], *wal, *shm;
	double t0, t_org, t_gen;

	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		switch (c) {
		case 'r': shape.rotations = atoi(optarg); break;
		case 'm': shape.members = atoi(optarg); break;
		case 'y': shape.years = atoi(optarg); break;
		case 'd': db_path = optarg; break;
		case 'x': rota = optarg; break;
		case 'n': runs = atoi(optarg); break;
		default:
			fprintf(stderr, "usage: bench-generate [--rotations N] [--members N] "
				"[--years N] [--db PATH] [--rota PATH] [--runs N]\n");
			return 64;
		}
	}
	if (shape.rotations < 1 || shape.members < 1 || shape.members > 64 ||
	    shape.years < 1 || runs < 1) {
		fprintf(stderr, "bench-generate: sizes must be positive (members at most 64)\n");
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
	t0 = seconds_now();
	if ((r = org_make(db, &shape)) != 0)
		return r;
	t_org = seconds_now() - t0;
	t0 = seconds_now();
	/* Generated before the first term starts, as a manager would. */
	r = generate_all(db, shape.start - 86400, &shifts);
	t_gen = seconds_now() - t0;
	store_close(db);
	if (r != 0)
		return r;

	printf("organisation:   %d rotations x %d members, %d years (%d terms each)\n",
	       shape.rotations, shape.members, shape.years, shape.years * 2);
	printf("set up:         %.2f s\n", t_org);
	printf("generation:     %.2f s for %zu shifts (%.1f us a shift)\n", t_gen, shifts,
	       shifts ? t_gen / (double)shifts * 1e6 : 0.0);
	printf("peak memory:    %ld MB (whole process)\n", peak_rss_mb());
	if (rota != NULL) {
		time_format_utc(shape.start + (int64_t)shape.years * 182 * 86400, at, sizeof at);
		r = time_rota_now(rota, db_path, at, runs);
	}
	tz_cleanup();
	return r;
}
