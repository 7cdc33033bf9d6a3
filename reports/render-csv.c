/* The monthly report as CSV (RFC 4180): one row per person. */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>

#include "common/err.h"
#include "reports/csv.h"
#include "reports/monthly.h"

int
render_csv(const struct monthly_report *r, FILE *f)
{
	fputs("month,handle,name,shifts,oncall_hours,interruptions", f);
	for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++)
		fprintf(f, ",%s", ind_def(i)->key);
	fputs(",pay,status,escalations\n", f);
	for (size_t k = 0; k < r->n_people; k++) {
		const struct mr_person *p = &r->people[k];
		enum ind_status w = IND_GREEN;
		char pay[128];

		fprintf(f, "%s,", r->month_name);
		csv_put(f, p->handle);
		fputc(',', f);
		csv_put(f, p->name);
		fprintf(f, ",%" PRId64 ",%.1f,%" PRId64, p->shifts,
			(double)p->oncall_seconds / 3600.0, p->interruptions);
		for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++) {
			if (p->v[i] < 0)
				fputc(',', f);
			else
				fprintf(f, ",%" PRId64, p->v[i]);
			if (p->st[i].status > w)
				w = p->st[i].status;
		}
		monthly_pay_text(p, pay, sizeof pay);
		fputc(',', f);
		csv_put(f, pay);
		fprintf(f, ",%s,%" PRId64 "\n", ind_status_name(w), p->escalations);
	}
	if (ferror(f))
		return rota_fail(EX_IOERR, "cannot write the report");
	return 0;
}
