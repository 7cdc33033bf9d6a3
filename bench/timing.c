/* What the benchmarks share to time things: see timing.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench/timing.h"

extern char **environ;

double
seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double
cpu_seconds(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	       (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static int
compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

void
print_times(const char *what, double *v, int n, const char *note)
{
	qsort(v, (size_t)n, sizeof *v, compare_double);
	printf("%-15s %.2f ms median, %.2f fastest, %.2f slowest of %d runs (%s)\n",
	       what, v[n / 2], v[0], v[n - 1], n, note);
}

int
time_process(char **argv, int runs, double *ms, double *cpu)
{
	posix_spawn_file_actions_t fa;
	int r = 0;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	for (int i = 0; i < runs && r == 0; i++) {
		double t0 = seconds_now();
		struct rusage ru;
		pid_t pid;
		int status;

		if ((errno = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ)) != 0) {
			fprintf(stderr, "bench: %s: %s\n", argv[0], strerror(errno));
			r = 1;
			break;
		}
		wait4(pid, &status, 0, &ru);
		ms[i] = (seconds_now() - t0) * 1e3;
		if (cpu != NULL)
			cpu[i] = ((double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec) * 1e3 +
				 ((double)ru.ru_utime.tv_usec + (double)ru.ru_stime.tv_usec) / 1e3;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			fprintf(stderr, "bench: %s %s failed\n", argv[0], argv[1] ? argv[1] : "");
			r = 1;
		}
	}
	posix_spawn_file_actions_destroy(&fa);
	return r;
}
