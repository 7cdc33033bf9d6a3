/* The monthly report as CSV (RFC 4180): one row per person. */
#include "config.h"

#include <stdio.h>

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
		char pay[128], hours[32];

		/* Text through csv_put(), numbers through csv_number(): the
		 * one rule of rota's CSV (csv.h). */
		csv_put(f, r->month_name);
		fputc(',', f);
		csv_put(f, p->handle);
		fputc(',', f);
		csv_put(f, p->name);
		fputc(',', f);
		csv_int(f, p->shifts);
		snprintf(hours, sizeof hours, "%.1f", (double)p->oncall_seconds / 3600.0);
		fputc(',', f);
		csv_number(f, hours);
		fputc(',', f);
		csv_int(f, p->interruptions);
		for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++) {
			fputc(',', f);
			if (p->v[i] >= 0)
				csv_int(f, p->v[i]);
			if (p->st[i].status > w)
				w = p->st[i].status;
		}
		monthly_pay_text(p, pay, sizeof pay);
		fputc(',', f);
		csv_put(f, pay);
		fputc(',', f);
		csv_put(f, ind_status_name(w));
		fputc(',', f);
		csv_int(f, p->escalations);
		fputc('\n', f);
	}
	return 0;
}
