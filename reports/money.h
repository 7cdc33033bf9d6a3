/* Money: integer minor units (cents) of an ISO 4217 currency, never
 * floating point. Pure functions, no I/O.
 *
 * Amounts are read from text ("500.00", "0.5", "12") into minor units for
 * the currency's exponent (EUR 2: "0.5" is 50; JPY 0; BHD 3), printed back
 * with exactly that many decimals, and pro-rated with rounding half away
 * from zero on 128-bit intermediates (common/share.h), so no product
 * overflows. */
#ifndef ROTA_MONEY_H
#define ROTA_MONEY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The largest amount rota accepts, in minor units (10^15: ten trillion
 * euros). Every sum and product of pay stays far inside int64_t. */
#define MONEY_MAX INT64_C(1000000000000000)

/* The number of decimals (ISO 4217 minor unit exponent) of CODE, an
 * upper-case three-letter code: EUR 2, JPY 0, KWD 3. -1 when rota does not
 * know the currency. */
int money_exponent(const char *code);

/* Reads S (an optional '-', digits, optionally '.' and at most EXPONENT
 * digits) into minor units, |value| <= MONEY_MAX. Returns 0, or -1 with
 * *why (a static text: "has too many decimals", ...)
 * when S is not such an amount. */
int money_parse(const char *s, int exponent, int64_t *out, const char **why);

/* Writes MINOR with EXPONENT decimals ("500.00", "-0.05", "1200" for
 * exponent 0) into BUF; returns BUF. LEN of MONEY_BUF is always enough. */
#define MONEY_BUF 32
char *money_format(int64_t minor, int exponent, char *buf, size_t len);

/* A * B / D rounded half away from zero, computed in 128 bits (D > 0).
 * Returns 0, or -1 when the result does not fit in int64_t. */
int money_muldiv(int64_t a, int64_t b, int64_t d, int64_t *out);

/* An exact non-negative rational, for sums of pro-rated pieces with
 * different denominators (days of 23, 24 and 25 hours). Kept reduced. */
struct money_ratio {
	__int128 num;
	__int128 den;         /* > 0 */
};
#define MONEY_RATIO_ZERO ((struct money_ratio){ 0, 1 })
/* R += A * B / D (D > 0). */
void money_ratio_add(struct money_ratio *r, int64_t a, int64_t b, int64_t d);
/* R rounded half away from zero to an integer. */
int64_t money_ratio_round(const struct money_ratio *r);

#endif
