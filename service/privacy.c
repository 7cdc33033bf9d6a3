/* Private figures and the rights that must not vanish: see privacy.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "service/privacy.h"

bool
svc_may_read_private(const struct svc *s, const char *handle)
{
	return s->actor->privileged ||
	       (s->actor->known && strcmp(s->actor->person.handle, handle) == 0);
}

int
svc_require_private(const struct svc *s, const char *what, const char *handle)
{
	if (svc_may_read_private(s, handle))
		return 0;
	return rota_fail(EX_NOPERM, "%s: only %s or a manager may (you are %s)", what, handle,
			 s->actor->label);
}

void
svc_report_visible(const struct svc *s, struct monthly_report *r)
{
	size_t kept = 0;

	for (size_t i = 0; i < r->n_people; i++)
		if (svc_may_read_private(s, r->people[i].handle))
			r->people[kept++] = r->people[i];
	r->n_people = kept;
	r->own_row_only = !s->actor->privileged;
	r->worst = monthly_overall(r);
}

int
svc_keep_a_manager(const struct svc *s, const struct person *p, bool stays)
{
	int64_t managers;
	int r;

	if (!p->is_manager || stays)
		return 0;
	if ((r = store_manager_count(s->db, &managers)) != 0)
		return r;
	if (managers > 1)
		return 0;
	return rota_fail(EX_DATAERR, "%s is the last manager; make someone else a manager "
			 "first", p->handle);
}

/* How many of an escalation holder's shifts the refusal names. */
#define SHIFTS_NAMED 3

int
svc_keep_escalation_managed(const struct svc *s, const struct person *p, bool stays)
{
	struct shift_filter f = { .person_id = p->id, .from = s->now };
	struct shift *v;
	size_t n, held = 0, used = 0;
	/* Each "shift ID (ROTATION, from TIME ZONE), ", then " and N more
	 * (rota schedule show --person HANDLE)". */
	char named[SHIFTS_NAMED * (NAME_MAX_ + TZ_MAX + 96) + HANDLE_MAX + 64] = "";
	int r;

	if (!p->is_manager || stays)
		return 0;
	if ((r = store_shift_list(s->db, &f, &v, &n)) != 0)
		return r;
	for (size_t i = 0; i < n; i++) {
		char from[32];

		if (v[i].tier != TIER_ESCALATION || held++ >= SHIFTS_NAMED)
			continue;
		time_format_local(v[i].start, tz_lookup_or_utc(v[i].tz), from, sizeof from);
		used += (size_t)snprintf(named + used, sizeof named - used, "%sshift %lld (%s, "
					 "from %s %s)", used > 0 ? ", " : "", (long long)v[i].id,
					 v[i].rotation, from, v[i].tz);
	}
	free(v);
	if (held == 0)
		return 0;
	if (held > SHIFTS_NAMED)
		snprintf(named + used, sizeof named - used, " and %zu more (rota schedule show "
			 "--person %s)", held - SHIFTS_NAMED, p->handle);
	return rota_fail(EX_DATAERR, "%s still holds %zu current or future shift%s of the "
			 "escalation tier, which is managers only: %s; give %s to another "
			 "manager first (rota override SHIFT HANDLE)", p->handle, held,
			 held == 1 ? "" : "s", named, held == 1 ? "it" : "them");
}
