/* Money in integer minor units; see money.h. */
#include "config.h"

#include <string.h>

#include "common/share.h"
#include "reports/money.h"

/* ISO 4217 minor unit exponents of the currencies rota knows (list one of
 * the standard, as published by SIX). Sorted by code. */
static const struct currency {
	char code[4];
	int exponent;
} currencies[] = {
	{ "AED", 2 }, { "ARS", 2 }, { "AUD", 2 }, { "BGN", 2 }, { "BHD", 3 },
	{ "BIF", 0 }, { "BRL", 2 }, { "CAD", 2 }, { "CHF", 2 }, { "CLF", 4 },
	{ "CLP", 0 }, { "CNY", 2 }, { "COP", 2 }, { "CZK", 2 }, { "DJF", 0 },
	{ "DKK", 2 }, { "EGP", 2 }, { "EUR", 2 }, { "GBP", 2 }, { "GNF", 0 },
	{ "HKD", 2 }, { "HUF", 2 }, { "IDR", 2 }, { "ILS", 2 }, { "INR", 2 },
	{ "IQD", 3 }, { "ISK", 0 }, { "JOD", 3 }, { "JPY", 0 }, { "KES", 2 },
	{ "KMF", 0 }, { "KRW", 0 }, { "KWD", 3 }, { "LYD", 3 }, { "MAD", 2 },
	{ "MXN", 2 }, { "MYR", 2 }, { "NGN", 2 }, { "NOK", 2 }, { "NZD", 2 },
	{ "OMR", 3 }, { "PEN", 2 }, { "PHP", 2 }, { "PKR", 2 }, { "PLN", 2 },
	{ "PYG", 0 }, { "QAR", 2 }, { "RON", 2 }, { "RSD", 2 }, { "RWF", 0 },
	{ "SAR", 2 }, { "SEK", 2 }, { "SGD", 2 }, { "THB", 2 }, { "TND", 3 },
	{ "TRY", 2 }, { "TWD", 2 }, { "UAH", 2 }, { "UGX", 0 }, { "USD", 2 },
	{ "UYU", 2 }, { "VND", 0 }, { "VUV", 0 }, { "XAF", 0 }, { "XOF", 0 },
	{ "XPF", 0 }, { "ZAR", 2 },
};

int
money_exponent(const char *code)
{
	size_t lo = 0, hi = sizeof currencies / sizeof currencies[0];

	if (code == NULL || strlen(code) != 3)
		return -1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(code, currencies[mid].code);

		if (c == 0)
			return currencies[mid].exponent;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return -1;
}

int
money_parse(const char *s, int exponent, int64_t *out, const char **why)
{
	const char *p = s;
	int64_t v = 0;
	int negative = 0, decimals = 0, digits = 0;

	*why = "is not an amount such as 500.00";
	if (s == NULL || exponent < 0)
		return -1;
	if (*p == '-') {
		negative = 1;
		p++;
	}
	for (; *p >= '0' && *p <= '9'; p++, digits++) {
		if (v > MONEY_MAX / 10)
			goto too_large;
		v = v * 10 + (*p - '0');
	}
	if (digits == 0)
		return -1;
	if (*p == '.') {
		p++;
		for (; *p >= '0' && *p <= '9'; p++, decimals++) {
			if (decimals == exponent) {
				*why = "has too many decimals";
				return -1;
			}
			if (v > MONEY_MAX / 10)
				goto too_large;
			v = v * 10 + (*p - '0');
		}
		if (decimals == 0)
			return -1;
	}
	if (*p != '\0')
		return -1;
	for (; decimals < exponent; decimals++) {
		if (v > MONEY_MAX / 10)
			goto too_large;
		v *= 10;
	}
	if (v > MONEY_MAX)
		goto too_large;
	*out = negative ? -v : v;
	return 0;
too_large:
	*why = "is too large";
	return -1;
}

char *
money_format(int64_t minor, int exponent, char *buf, size_t len)
{
	char digits[MONEY_BUF];
	/* |INT64_MIN| does not fit in int64_t: work on the unsigned magnitude. */
	uint64_t mag = minor < 0 ? (uint64_t)0 - (uint64_t)minor : (uint64_t)minor;
	size_t n = 0, o = 0;

	do {
		digits[n++] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag > 0 || (int)n <= exponent);
	/* digits holds the number backwards, with at least exponent + 1 digits */
	if (len == 0)
		return buf;
	if (minor < 0 && o + 1 < len)
		buf[o++] = '-';
	while (n > 0 && o + 1 < len) {
		if ((int)n == exponent && exponent > 0 && o + 2 < len)
			buf[o++] = '.';
		buf[o++] = digits[--n];
	}
	buf[o] = '\0';
	return buf;
}

int
money_muldiv(int64_t a, int64_t b, int64_t d, int64_t *out)
{
	__int128 num = (__int128)a * b;
	__int128 q;

	if (d <= 0)
		return -1;
	q = num / d;
	/* One more than INT64_MAX may still round in; check with margin. */
	if (q > INT64_MAX - 1 || q < INT64_MIN + 1)
		return -1;
	*out = round_div(num, d);
	return 0;
}

static __int128
gcd128(__int128 a, __int128 b)
{
	if (a < 0)
		a = -a;
	while (b != 0) {
		__int128 t = a % b;
		a = b;
		b = t;
	}
	return a;
}

void
money_ratio_add(struct money_ratio *r, int64_t a, int64_t b, int64_t d)
{
	__int128 num = (__int128)a * b, den = d, g;

	if (num == 0)
		return;
	g = gcd128(num, den);
	num /= g;
	den /= g;
	g = gcd128(r->den, den);
	/* r->num / r->den + num / den over the least common denominator */
	r->num = r->num * (den / g) + num * (r->den / g);
	r->den = r->den / g * den;
	g = gcd128(r->num, r->den);
	if (g > 1) {
		r->num /= g;
		r->den /= g;
	}
}

int64_t
money_ratio_round(const struct money_ratio *r)
{
	return round_div(r->num, r->den);
}
