/* Percentiles by nearest rank and the month's forecast (stats.h). */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "common/xalloc.h"
#include "reports/stats.h"

static int
cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Speed: a month's times to acknowledge and to resolve are ~100,000
 * values each; a radix sort of their bytes (least significant first,
 * skipping the bytes all values share: seconds use two or three) costs a
 * fraction of qsort's calls of a comparison. */
void
stats_sort(int64_t *v, size_t n)
{
	size_t (*count)[256];
	uint64_t *a, *b;

	if (n < 256) {
		if (n > 1)
			qsort(v, n, sizeof *v, cmp_i64);
		return;
	}
	count = xcalloc(8, sizeof *count);
	b = xreallocarray(NULL, n, sizeof *b);
	a = (uint64_t *)v;
	/* The sign bit flipped: unsigned order is then signed order. */
	for (size_t i = 0; i < n; i++) {
		uint64_t x = a[i] ^ (UINT64_C(1) << 63);

		a[i] = x;
		for (int d = 0; d < 8; d++)
			count[d][(x >> (8 * d)) & 0xff]++;
	}
	for (int d = 0; d < 8; d++) {
		size_t sum = 0;
		uint64_t *t;

		if (count[d][(a[0] >> (8 * d)) & 0xff] == n)
			continue;       /* every value has this byte */
		for (int k = 0; k < 256; k++) {
			size_t c = count[d][k];

			count[d][k] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++)
			b[count[d][(a[i] >> (8 * d)) & 0xff]++] = a[i];
		t = a;
		a = b;
		b = t;
	}
	if (a != (uint64_t *)v) {
		memcpy(v, a, n * sizeof *v);
		b = a;
	}
	for (size_t i = 0; i < n; i++)
		v[i] = (int64_t)((uint64_t)v[i] ^ (UINT64_C(1) << 63));
	free(b);
	free(count);
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

void
stats_shares_pct(const int64_t *v, size_t n, int64_t *out)
{
	int64_t sum = 0, left = 100;

	for (size_t i = 0; i < n; i++)
		sum += v[i];
	for (size_t i = 0; i < n; i++) {
		out[i] = sum > 0 ? 100 * v[i] / sum : 0;
		left -= out[i];
	}
	/* Each point left over to the largest remainder not yet given one:
	 * fewer than N points, a team of tens: no sort needed. */
	while (sum > 0 && left > 0) {
		size_t best = n;
		int64_t rem = -1;

		for (size_t i = 0; i < n; i++) {
			int64_t r = 100 * v[i] % sum;

			if (out[i] == 100 * v[i] / sum && r > rem) {
				best = i;
				rem = r;
			}
		}
		if (best == n)
			break;
		out[best]++;
		left--;
	}
}
