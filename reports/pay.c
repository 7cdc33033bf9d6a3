/* Pay arithmetic; the rules are in pay.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "common/share.h"
#include "common/tz.h"
#include "common/xalloc.h"
#include "reports/money.h"
#include "reports/pay.h"

static int64_t
max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

static int64_t
min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

int64_t
pay_round_up_minutes(int64_t seconds, int step_minutes)
{
	int64_t step = (int64_t)(step_minutes > 0 ? step_minutes : 1) * 60;

	if (seconds <= 0)
		return 0;
	return (seconds + step - 1) / step * step / 60;
}

static bool
is_holiday(const struct pay_person *p, int64_t day)
{
	size_t lo = 0, hi = p->n_holidays;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (p->holidays[mid] == day)
			return true;
		if (p->holidays[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

void
pay_shift_days(const struct pay_policy *policy, const struct pay_person *person,
	       int64_t start, int64_t end, int64_t from, int64_t to,
	       int64_t *weekday, int64_t *weekend, int64_t *holiday)
{
	/* V(a) and V(b) for each kind of day: [0] weekday, [1] weekend, [2] holiday */
	struct money_ratio va[3], vb[3];
	const int64_t rate[3] = { policy->weekday_rate, policy->weekend_rate,
				  policy->holiday_rate };
	int64_t a = max64(start, from), b = min64(end, to), t = start;
	struct local_time lt;

	*weekday = *weekend = *holiday = 0;
	if (b <= a)
		return;
	for (int k = 0; k < 3; k++)
		va[k] = vb[k] = MONEY_RATIO_ZERO;
	tz_to_local(person->zone, start, &lt);
	/* Each calendar day of the person's zone the shift touches, up to b. */
	while (t < b) {
		int y = lt.year, m = lt.month, d = lt.day;
		int64_t day = days_from_civil(y, m, d);
		int64_t ds = tz_from_local(person->zone, y, m, d, 0, 0, 0), de, len;
		int k = is_holiday(person, day) ? 2 :
			(civil_weekday(y, m, d) % 6 == 0) ? 1 : 0;

		civil_add_days(&y, &m, &d, 1);
		de = tz_from_local(person->zone, y, m, d, 0, 0, 0);
		len = de - ds;
		if (len <= 0 || de <= t) {          /* cannot happen in a real zone */
			de = t + 86400;
			len = 86400;
		}
		if (a > t)
			money_ratio_add(&va[k], rate[k], min64(a, de) - t, len);
		money_ratio_add(&vb[k], rate[k], min64(b, de) - t, len);
		t = de;
		lt.year = y;
		lt.month = m;
		lt.day = d;
	}
	*weekday = money_ratio_round(&vb[0]) - money_ratio_round(&va[0]);
	*weekend = money_ratio_round(&vb[1]) - money_ratio_round(&va[1]);
	*holiday = money_ratio_round(&vb[2]) - money_ratio_round(&va[2]);
}

/* The week shift S is part (or all) of. */
static void
shift_week(const struct pay_shift *s, int64_t *start, int64_t *end)
{
	bool part = s->slot_end > s->slot_start;

	*start = part ? s->slot_start : s->start;
	*end = part ? s->slot_end : s->end;
}

/* What one person earned under one policy. */
struct part {
	bool used;
	int64_t shifts, stipend, weekday, weekend, holiday;
	int64_t active_minutes, sleep;
};

static int
line_cmp(const void *x, const void *y)
{
	const struct pay_line *a = x, *b = y;

	if (a->person != b->person)
		return a->person < b->person ? -1 : 1;
	return strcmp(a->currency, b->currency);
}

void
pay_compute(const struct pay_input *in, struct pay_line **out, size_t *n)
{
	size_t np = in->n_policies, nparts = in->n_persons * np, nl = 0;
	struct part *parts = xcalloc(nparts + 1, sizeof *parts);
	struct pay_line *lines = NULL;

	*out = NULL;
	*n = 0;
	for (size_t i = 0; i < in->n_shifts; i++) {
		const struct pay_shift *s = &in->shifts[i];
		const struct pay_policy *pol = &in->policies[s->policy];
		struct part *p = &parts[s->person * np + s->policy];
		int64_t wd, we, ho, week_start, week_end, a, b;

		if (s->end <= in->from || s->start >= in->to || s->end <= s->start)
			continue;
		p->used = true;
		p->shifts++;
		/* The piece of its week the shift holds in the month. */
		a = max64(s->start, in->from);
		b = min64(s->end, in->to);
		shift_week(s, &week_start, &week_end);
		p->stipend += week_share(pol->stipend_per_week * s->shift_days, 7,
					  week_start, week_end, a, b);
		pay_shift_days(pol, s->days ? s->days : &in->persons[s->person], week_start,
			       week_end, a, b,
			       &wd, &we, &ho);
		p->weekday += wd;
		p->weekend += we;
		p->holiday += ho;
	}
	for (size_t i = 0; i < in->n_work; i++) {
		const struct pay_work *w = &in->work[i];
		struct part *p = &parts[w->person * np + w->policy];

		if (w->start < in->from || w->start >= in->to)
			continue;
		p->used = true;
		p->active_minutes += pay_round_up_minutes(
			w->ooh_seconds, in->policies[w->policy].active_rounding_minutes);
	}
	for (size_t i = 0; i < in->n_sleep; i++) {
		const struct pay_sleep *z = &in->sleep[i];

		if (z->at < in->from || z->at >= in->to)
			continue;
		parts[z->person * np + z->policy].used = true;
		parts[z->person * np + z->policy].sleep++;
	}

	lines = xcalloc(nparts + 1, sizeof *lines);
	for (size_t person = 0; person < in->n_persons; person++) {
		size_t first = nl;          /* this person's lines start here */

		for (size_t k = 0; k < np; k++) {
			const struct part *p = &parts[person * np + k];
			const struct pay_policy *pol = &in->policies[k];
			struct pay_line *l = NULL;
			int64_t active, bonus, sum, capped = 0;

			if (!p->used)
				continue;
			for (size_t j = first; j < nl && l == NULL; j++)
				if (lines[j].person == person &&
				    strcmp(lines[j].currency, pol->currency) == 0)
					l = &lines[j];
			if (l == NULL) {
				l = &lines[nl++];
				l->person = person;
				memcpy(l->currency, pol->currency, sizeof l->currency);
				l->exponent = pol->exponent;
			}
			active = round_div((__int128)pol->active_hour_rate *
						 p->active_minutes, 60);
			bonus = pol->sleep_interruption_bonus * p->sleep;
			sum = p->stipend + p->weekday + p->weekend + p->holiday + active + bonus;
			if (pol->monthly_cap > 0 && sum > pol->monthly_cap)
				capped = sum - pol->monthly_cap;
			l->shifts += p->shifts;
			l->stipend += p->stipend;
			l->weekday += p->weekday;
			l->weekend += p->weekend;
			l->holiday += p->holiday;
			l->active_minutes += p->active_minutes;
			l->active += active;
			l->sleep_interruptions += p->sleep;
			l->sleep_bonus += bonus;
			l->toil_hours += pol->toil_hours_per_sleep_interruption * p->sleep;
			l->capped += capped;
			l->total += sum - capped;
		}
	}
	free(parts);
	qsort(lines, nl, sizeof *lines, line_cmp);
	*out = lines;
	*n = nl;
}
