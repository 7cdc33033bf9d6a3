#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "model/model.h"

static const char *const tiers[] = { "primary", "escalation" };
static const char *const origins[] = { "generated", "swap", "override" };
static const char *const swap_states[] = { "open", "accepted", "declined", "cancelled" };

static int
lookup(const char *const *names, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

const char *tier_name(enum tier t) { return tiers[t]; }
const char *origin_name(enum origin o) { return origins[o]; }
const char *swap_state_name(enum swap_state s) { return swap_states[s]; }

int
tier_parse(const char *s, enum tier *out)
{
	int i = lookup(tiers, 2, s);

	if (i < 0)
		return -1;
	*out = (enum tier)i;
	return 0;
}

int
origin_parse(const char *s, enum origin *out)
{
	int i = lookup(origins, 3, s);

	if (i < 0)
		return -1;
	*out = (enum origin)i;
	return 0;
}

int
swap_state_parse(const char *s, enum swap_state *out)
{
	int i = lookup(swap_states, 4, s);

	if (i < 0)
		return -1;
	*out = (enum swap_state)i;
	return 0;
}

void
shift_uid_make(const char *rotation, const char *term, int slot, char *buf, size_t len)
{
	/* FNV-1a over "rotation\0term": fixed width, any characters in the names. */
	uint64_t h = 0xcbf29ce484222325u;

	for (const char *p = rotation;; p++) {
		h = (h ^ (unsigned char)*p) * 0x100000001b3u;
		if (*p == '\0')
			break;
	}
	for (const char *p = term; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3u;
	/* "shift-%016llx-%d@rota" by hand: snprintf was a fortieth of the
	 * time of generating a schedule, which makes one per shift. */
	{
		static const char hex[] = "0123456789abcdef";
		char tmp[64], digits[12];
		size_t k = 0, nd = 0;
		unsigned u = slot < 0 ? 0u - (unsigned)slot : (unsigned)slot;

		memcpy(tmp, "shift-", 6);
		k = 6;
		for (int i = 60; i >= 0; i -= 4)
			tmp[k++] = hex[(h >> i) & 15];
		tmp[k++] = '-';
		if (slot < 0)
			tmp[k++] = '-';
		do
			digits[nd++] = (char)('0' + u % 10);
		while ((u /= 10) != 0);
		while (nd > 0)
			tmp[k++] = digits[--nd];
		memcpy(tmp + k, "@rota", 6);
		k += 5;
		if (len > 0) {
			k = k < len - 1 ? k : len - 1;
			memcpy(buf, tmp, k);
			buf[k] = '\0';
		}
	}
}

void
shift_part_uid_make(const char *rotation, const char *term, int slot, int64_t start,
		    char *buf, size_t len)
{
	char base[UID_MAX], stamp[24];
	time_t t = (time_t)start;
	struct tm tm;
	char *at;

	shift_uid_make(rotation, term, slot, base, sizeof base);
	if ((at = strrchr(base, '@')) != NULL)
		*at = '\0';
	if (gmtime_r(&t, &tm) == NULL || strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm) == 0)
		snprintf(stamp, sizeof stamp, "%lld", (long long)start);
	snprintf(buf, len, "%s-%s@rota", base, stamp);
}

bool
week_held_whole(int64_t start, int64_t end, int64_t slot_start, int64_t slot_end)
{
	return start <= slot_start && end >= slot_end;
}

const char *
term_state(const struct term *t, int64_t now)
{
	if (now < t->start)
		return "upcoming";
	return now < t->end ? "current" : "ended";
}

bool
handle_valid(const char *s)
{
	size_t n = strlen(s);

	if (n == 0 || n >= HANDLE_MAX || !isalnum((unsigned char)s[0]))
		return false;
	for (const char *p = s; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '.' && *p != '_' && *p != '-')
			return false;
	return true;
}
