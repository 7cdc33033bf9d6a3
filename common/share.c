/* Sharing an integer amount over time: see share.h. */
#include "config.h"

#include "common/share.h"

int64_t
round_div(__int128 num, __int128 den)
{
	__int128 q = num / den, r = num % den;

	if (r < 0)
		r = -r;
	if (2 * r >= den)
		q += num < 0 ? -1 : 1;
	return (int64_t)q;
}

int64_t
week_share(int64_t amount, int64_t den, int64_t start, int64_t end, int64_t from, int64_t to)
{
	int64_t a = from > start ? from : start, b = to < end ? to : end;
	__int128 d = (__int128)den * (end - start);

	if (b <= a)
		return 0;
	return round_div((__int128)amount * (b - start), d) -
	       round_div((__int128)amount * (a - start), d);
}
