/* A month's pay, as the actor may see it: see pay.h. */
#include "config.h"

#include <string.h>

#include "service/pay.h"
#include "service/privacy.h"

/* Keeps only the lines the actor may read (service/privacy.h): a
 * manager's every line, anyone else's their own. */
static void
keep_visible(const struct svc *s, struct pay_month *m)
{
	size_t n = 0;

	for (size_t i = 0; i < m->n_lines; i++)
		if (svc_may_read_private(s, m->persons[m->lines[i].person].handle))
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
	keep_visible(s, out);
	return 0;
}
