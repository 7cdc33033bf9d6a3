/* Percentiles by nearest rank and the month's forecast (stats.h). */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "reports/stats.h"

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

void
stats_sort(int64_t *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_i64);
}

int64_t
stats_percentile(const int64_t *v, size_t n, int p)
{
	size_t rank;

	if (n == 0 || p <= 0 || p > 100)
		return -1;
	rank = ((size_t)p * n + 99) / 100;      /* ceil(p n / 100), 1-based */
	if (rank < 1)
		rank = 1;
	return v[rank - 1];
}

int
stats_forecast(int64_t n, int64_t elapsed, int64_t total, struct forecast *out)
{
	double r = (double)n + 0.5, p, q, prob, cum;
	int64_t k, low = -1, high = -1;

	if (elapsed <= 0 || elapsed > total || n < 0)
		return -1;
	out->expected = (double)n * (double)total / (double)elapsed;
	if (elapsed == total) {
		out->low = out->high = n;
		return 0;
	}
	p = (double)elapsed / (double)total;
	q = 1.0 - p;
	prob = pow(p, r);
	cum = 0.0;
	/* The tail is geometric with ratio < 1 for large k: the loop ends. */
	for (k = 0; high < 0 && k < 1000000; k++) {
		cum += prob;
		if (low < 0 && cum >= 0.05)
			low = k;
		if (cum >= 0.95)
			high = k;
		prob = prob * ((double)k + r) * q / (double)(k + 1);
	}
	if (high < 0)
		high = k;
	if (low < 0)
		low = high;
	out->low = n + low;
	out->high = n + high;
	return 0;
}
