/* Private figures and the rights that must not vanish: see privacy.h. */
#include "config.h"

#include <string.h>

#include "common/err.h"
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
