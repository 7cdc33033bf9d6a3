/* What the benchmarks share to time things and print the figures. */
#ifndef ROTA_BENCH_TIMING_H
#define ROTA_BENCH_TIMING_H

/* Seconds on the monotonic clock. */
double seconds_now(void);

/* CPU seconds (user + system) this process has used: less disturbed than
 * wall time when other work shares the machine. */
double cpu_seconds(void);

/* Sorts v[0..n) (milliseconds) and prints its median, fastest and
 * slowest, labelled WHAT, with NOTE saying what was timed. */
void print_times(const char *what, double *v, int n, const char *note);

/* Runs ARGV RUNS times as a process with its output to /dev/null; puts
 * each run's wall time (spawn to exit) in ms[] and, when CPU is not NULL,
 * its CPU time (user + system, from wait4) in cpu[]. 0, or 1 when a run
 * fails (said on stderr). */
int time_process(char **argv, int runs, double *ms, double *cpu);

#endif
