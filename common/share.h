/* Sharing an integer amount over time: the one rounding rule for every
 * piece of a week, whatever the amount is (a stipend or a day rate in
 * minor units, reports/pay.h; a week's load or the week itself, in load
 * units, for report fairness and, so that both count alike, generation).
 * Pure arithmetic on 128-bit intermediates, no floating point. */
#ifndef ROTA_SHARE_H
#define ROTA_SHARE_H

#include <stdint.h>

/* NUM / DEN rounded half away from zero (DEN > 0). */
int64_t round_div(__int128 num, __int128 den);

/* The piece [FROM, TO) of AMOUNT / DEN (DEN > 0) earned evenly over the
 * week [START, END): round(V(TO)) - round(V(FROM)), where V(x) is the
 * exact amount earned from START to x (FROM and TO clamped to the week),
 * rounded half away from zero. The first piece of a week gets its own
 * share rounded, the last one the remainder, and the pieces of a week
 * (its parts held by several people, their shares of each month) add up
 * to round(AMOUNT / DEN) exactly. 0 for an empty piece. */
int64_t week_share(int64_t amount, int64_t den, int64_t start, int64_t end, int64_t from,
		   int64_t to);

#endif
