/* A month's pay, as the actor may see it: see pay.h. */
#include "config.h"

#include <string.h>

#include "service/pay.h"

/* Keeps only the lines of PERSON_ID. */
static void
keep_person(struct pay_month *m, int64_t person_id)
{
	size_t n = 0;

	for (size_t i = 0; i < m->n_lines; i++)
		if (m->persons[m->lines[i].person].id == person_id)
			m->lines[n++] = m->lines[i];
	m->n_lines = n;
}

int
pay_view(const struct svc *s, int year, int month, struct pay_month *out)
{
	int r;

	memset(out, 0, sizeof *out);
	/* Managers see everyone's pay; anyone else their own. */
	if (!s->actor->privileged && (r = svc_require_person(s)) != 0)
		return r;
	if ((r = pay_month_compute(s->db, s->cfg, year, month, out)) != 0)
		return r;
	if (!s->actor->privileged)
		keep_person(out, s->actor->person.id);
	return 0;
}
