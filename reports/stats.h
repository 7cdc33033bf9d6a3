/* Small statistics for the monthly report, on integers where it matters.
 *
 * Percentiles use the nearest-rank method: the P-th percentile of N sorted
 * values is the value at 1-based rank ceil(P * N / 100), computed in
 * integer arithmetic, so it is always one of the values (the median of an
 * even count is the lower middle one). No value: -1.
 *
 * The forecast of a month's out-of-hours count from the rate so far:
 * N interruptions were seen in the ELAPSED seconds of a month of TOTAL
 * seconds. The point forecast is the plain rate, N * TOTAL / ELAPSED. Its
 * 90% interval is that of the count still to come, predicted from a
 * Poisson process whose rate is uncertain: with Jeffreys' prior the rate's
 * posterior is Gamma(N + 1/2, ELAPSED), and the count in the REMAINING
 * seconds is then negative binomial with r = N + 1/2 and
 * p = ELAPSED / TOTAL. Its probabilities are summed from
 * P(0) = p^r by P(k+1) = P(k) (k + r) (1 - p) / (k + 1); the bounds are the
 * smallest k whose cumulative probability reaches 0.05 and 0.95, added to
 * N. So a quiet first week still gives an honest, wide interval, and the
 * bounds are whole numbers tests can compare exactly. */
#ifndef ROTA_STATS_H
#define ROTA_STATS_H

#include <stddef.h>
#include <stdint.h>

/* Sorts V (N values) in place, ascending. */
void stats_sort(int64_t *v, size_t n);

/* The P-th percentile (0 < P <= 100) of V, sorted ascending; -1 when N is 0. */
int64_t stats_percentile(const int64_t *v, size_t n, int p);

struct forecast {
	double expected;        /* N * TOTAL / ELAPSED */
	int64_t low, high;      /* 90% interval of the month's total */
};

/* 0, or -1 when ELAPSED is not in (0, TOTAL]. */
int stats_forecast(int64_t n, int64_t elapsed, int64_t total, struct forecast *out);

/* Whole percentages of the N values of V (each >= 0) in their sum, into
 * OUT, adding up to exactly 100: each gets floor(100 v / sum), and the
 * points left over go one each to the largest remainders (ties to the
 * earlier value). All 0 when the sum is 0. */
void stats_shares_pct(const int64_t *v, size_t n, int64_t *out);

#endif
