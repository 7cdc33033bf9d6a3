/* The monthly report as aligned text for people. */
#include "config.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/escape.h"
#include "common/out-fit.h"
#include "common/text.h"
#include "common/xalloc.h"
#include "reports/findings.h"
#include "reports/monthly.h"

#define COLS 16
#define CELL 96

/* A table measured before it is printed. Cells hold the text as stored,
 * cut at a whole character; it is escaped (common/escape.h) as printed. */
struct table {
	char (*cell)[COLS][CELL];
	size_t rows, cols;
	int status_col;                 /* colour this column's words; -1: none */
	const struct out_col *decl;     /* how each column gives way (out-fit.h) */
	size_t limit;                   /* fit to this many columns; 0: all */
};

/* A new row whose first cell is FIRST. */
static void
row(struct table *t, const char *first)
{
	t->cell = xreallocarray(t->cell, t->rows + 1, sizeof *t->cell);
	for (size_t c = 0; c < t->cols; c++)
		t->cell[t->rows][c][0] = '\0';
	text_copy(t->cell[t->rows][0], CELL, first);
	t->rows++;
}

static void
set(struct table *t, size_t c, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
set(struct table *t, size_t c, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
	va_end(ap);
	text_copy(t->cell[t->rows - 1][c], CELL, text);
	free(text);
}

static const char *
colour_of(const char *word)
{
	if (strcmp(word, "red") == 0 || strcmp(word, "RED") == 0)
		return "\033[1;31m";
	if (strcmp(word, "amber") == 0 || strcmp(word, "AMBER") == 0)
		return "\033[1;33m";
	if (strcmp(word, "green") == 0 || strcmp(word, "GREEN") == 0)
		return "\033[32m";
	if (strcmp(word, "grey") == 0)
		return "\033[90m";
	return NULL;
}

static void
print(FILE *f, struct table *t, bool colour)
{
	char **shown = xcalloc(t->rows * COLS + 1, sizeof *shown);
	struct out_fit_col fit[COLS];
	const char *sgr[COLS];

	/* Stored text (a handle, a service, an alert) shows its control
	 * characters escaped: one line a row, no sequence for the terminal. */
	for (size_t c = 0; c < t->cols; c++) {
		const struct out_col *d = out_col_find(t->decl, t->cell[0][c]);

		fit[c] = (struct out_fit_col){ .header = t->cell[0][c], .drop = d ? d->drop : 0,
					       .give = d ? d->give : OUT_KEEP };
	}
	for (size_t r = 0; r < t->rows; r++)
		for (size_t c = 0; c < t->cols; c++) {
			size_t w;

			shown[r * COLS + c] = escape_visible(t->cell[r][c], false);
			if ((w = out_text_width(shown[r * COLS + c])) > fit[c].width)
				fit[c].width = w;
		}
	out_fit(fit, t->cols, t->limit);
	for (size_t r = 0; r < t->rows; r++) {
		for (size_t c = 0; c < t->cols; c++)
			sgr[c] = !colour ? NULL : r == 0 ? "\033[1m" :
				 (int)c == t->status_col ? colour_of(shown[r * COLS + c]) : NULL;
		out_write_row(f, fit, t->cols, shown + r * COLS, sgr, NULL);
	}
	out_write_left_out(f, fit, t->cols, t->limit);
	for (size_t i = 0; i < t->rows * COLS; i++)
		free(shown[i]);
	free(shown);
	free(t->cell);
	t->cell = NULL;
	t->rows = 0;
}

/* "  amber  why", the why wrapped under itself to WIDTH (0: one line). */
static void
status_line(FILE *f, bool colour, size_t width, const struct ind_result *st)
{
	const char *name = ind_status_name(st->status);
	char *why = escape_visible(st->why, true);  /* may name a service or an alert */

	if (colour)
		fprintf(f, "  %s%-5s\033[0m  ", colour_of(name), name);
	else
		fprintf(f, "  %-5s  ", name);
	out_write_wrapped(f, why, width, 9, 9);
	free(why);
}

/* "HEAD:" wrapped to WIDTH (0: as it is). */
static void
heading_line(FILE *f, const char *head, size_t width)
{
	char *text = xasprintf("%s:", head);

	out_write_wrapped(f, text, width, 0, 2);
	free(text);
}

/* How the tables give way on a narrow terminal: what a manager reads
 * first (who, how often out of hours and woken, the share, the status)
 * stays; the finer indicators are left out first. */
static const struct out_col team_cols[] = {
	{ "INDICATOR", 0, OUT_CUT }, { "THRESHOLDS (AMBER / RED)", 1, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};
static const struct out_col people_cols[] = {
	{ "PERSON", 0, OUT_CUT }, { "SHIFTS", 5, OUT_KEEP }, { "HOURS", 7, OUT_KEEP },
	{ "NIGHTS", 6, OUT_KEEP }, { "RUN", 11, OUT_KEEP }, { "MAX/SHIFT", 9, OUT_KEEP },
	{ "DAILY", 13, OUT_KEEP }, { "WEEKLY", 12, OUT_KEEP }, { "SHARE", 3, OUT_KEEP },
	{ "WEEKS SINCE", 8, OUT_KEEP }, { "CLOSE", 14, OUT_KEEP },
	{ "ESCALATED", 10, OUT_KEEP }, { "PAY", 4, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};
static const struct out_col alert_cols[] = {
	{ "SERVICE", 0, OUT_KEEP }, { "ALERT", 0, OUT_CUT }, { "NO ACTION", 2, OUT_KEEP },
	{ "NO RUNBOOK", 1, OUT_KEEP }, { "SLEEP", 3, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

/* The findings FS[0..NF) of OF (and of INDICATOR unless it is -1), after
 * "HEADING:" (none: NULL) when there is one. */
static void
told(FILE *f, bool colour, size_t width, const struct finding *fs, size_t nf,
     enum finding_of of,
     int indicator, const char *heading)
{
	bool shown = false;

	for (size_t k = 0; k < nf; k++)
		if (fs[k].of == of && (indicator < 0 || fs[k].indicator == indicator)) {
			if (!shown && heading != NULL)
				heading_line(f, heading, width);
			shown = true;
			status_line(f, colour, width, fs[k].st);
		}
}

int
render_text(const struct monthly_report *r, FILE *f, bool colour, size_t width)
{
	const struct mr_team *t = &r->team;
	struct table tb = { .limit = width };
	char v[128], trend[MONTHLY_TREND * 32] = "", *zone;
	size_t used = 0;
	struct finding *fs;
	size_t nf = monthly_findings(r, &fs);

	zone = escape_visible(r->zone, true);
	out_write_prose(f, width, "Monthly report %s (%s)", r->month_name, zone);
	free(zone);
	fprintf(f, "Overall: %s\n\n", ind_status_name(r->worst));

	fputs("Team\n", f);
	tb.cols = 4;
	tb.status_col = 2;
	tb.decl = team_cols;
	row(&tb, "INDICATOR");
	set(&tb, 1, "VALUE");
	set(&tb, 2, "STATUS");
	set(&tb, 3, "THRESHOLDS (AMBER / RED)");
	for (int i = IND_TEAM_FIRST; i <= IND_TEAM_LAST; i++) {
		const struct ind_def *d = ind_def(i);
		char a[32], rd[32];

		row(&tb, d->label);
		if (t->v[i] < 0)
			snprintf(v, sizeof v, "-");
		else
			ind_format(d->kind, t->v[i], v, sizeof v);
		set(&tb, 1, "%s", v);
		set(&tb, 2, "%s", ind_status_name(t->st[i].status));
		ind_format(d->kind, r->th.t[i].amber, a, sizeof a);
		ind_format(d->kind, r->th.t[i].red, rd, sizeof rd);
		set(&tb, 3, "%s / %s", a, rd);
	}
	print(f, &tb, colour);
	out_write_prose(f, width, "Goal: fewer than %" PRId64 " out-of-hours interruptions a month",
			r->th.goal);
	for (int i = t->trend_first; i < MONTHLY_TREND; i++)
		used += (size_t)snprintf(trend + used, sizeof trend - used, "  %04d-%02d %" PRId64,
					 t->trend[i].year, t->trend[i].month, t->trend[i].ooh);
	out_write_prose(f, width, "Trend:%s", trend);
	if (t->has_forecast)
		out_write_prose(f, width, "Forecast: %.1f (90%%: %" PRId64 " to %" PRId64 "), %" PRId64
				" so far", t->fc.expected, t->fc.low, t->fc.high, t->so_far);
	out_write_prose(f, width, "Pages: %" PRId64 ", interruptions: %" PRId64
			", sleep interruptions: %" PRId64,
			t->pages, t->interruptions, t->sleep_interruptions);
	if (t->owners_pages > 0)
		out_write_prose(f, width, "Handled by the services' own teams in business hours: %"
				PRId64 " page%s", t->owners_pages, t->owners_pages == 1 ? "" : "s");
	told(f, colour, width, fs, nf, FINDING_TEAM, -1, NULL);
	told(f, colour, width, fs, nf, FINDING_FORECAST, -1, NULL);

	fputs("\nPeople\n", f);
	tb.cols = 16;
	tb.status_col = 15;
	tb.decl = people_cols;
	row(&tb, "PERSON");
	{
		/* Shifts, on-call hours, each person indicator in order, status. */
		static const char *const h[] = { "SHIFTS", "HOURS", "OOH", "SLEEP", "NIGHTS",
			"RUN", "MAX/SHIFT", "DAILY", "WEEKLY", "SHARE", "WEEKS SINCE", "CLOSE",
			"ESCALATED", "PAY", "STATUS" };
		for (size_t c = 0; c < sizeof h / sizeof h[0]; c++)
			set(&tb, c + 1, "%s", h[c]);
	}
	/* The columns: person, shifts, hours, then each person indicator, status. */
	for (size_t k = 0; k < r->n_people; k++) {
		const struct mr_person *p = &r->people[k];
		enum ind_status w = IND_GREEN;
		size_t c = 3;

		row(&tb, p->handle);
		set(&tb, 1, "%" PRId64, p->shifts);
		set(&tb, 2, "%.1f", (double)p->oncall_seconds / 3600.0);
		for (int i = IND_PERSON_FIRST; i <= IND_PERSON_LAST; i++, c++) {
			if (p->v[i] < 0)
				set(&tb, c, "-");
			else if (ind_def(i)->kind == IND_KIND_PERCENT)
				set(&tb, c, "%" PRId64 "%%", p->v[i]);
			else
				set(&tb, c, "%" PRId64, p->v[i]);
			if (p->st[i].status > w)
				w = p->st[i].status;
		}
		set(&tb, c++, "%" PRId64, p->escalations);
		monthly_pay_text(p, v, sizeof v);
		set(&tb, c, "%s", v[0] ? v : "-");
		set(&tb, c + 1, "%s", ind_status_name(w));
	}
	print(f, &tb, colour);
	told(f, colour, width, fs, nf, FINDING_PERSON, -1, "Why");
	told(f, colour, width, fs, nf, FINDING_PERSON_GREY, -1,
	      "Too few to judge (shown, not judged)");

	fputs("\nNoisiest alerts\n", f);
	tb.cols = 8;
	tb.status_col = 7;
	tb.decl = alert_cols;
	row(&tb, "SERVICE");
	set(&tb, 1, "ALERT");
	set(&tb, 2, "PAGES");
	set(&tb, 3, "OOH");
	set(&tb, 4, "SLEEP");
	set(&tb, 5, "NO ACTION");
	set(&tb, 6, "NO RUNBOOK");
	set(&tb, 7, "STATUS");
	for (size_t k = 0; k < r->n_alerts && k < 10; k++) {
		const struct mr_alert *a = &r->alerts[k];

		row(&tb, a->service);
		set(&tb, 1, "%s", a->alert);
		set(&tb, 2, "%" PRId64, a->pages);
		set(&tb, 3, "%" PRId64, a->ooh);
		set(&tb, 4, "%" PRId64, a->sleep);
		set(&tb, 5, "%" PRId64, a->unacted);
		set(&tb, 6, "%" PRId64, a->no_runbook);
		set(&tb, 7, "%s", ind_status_name(a->worst));
	}
	print(f, &tb, colour);
	if (r->n_alerts > 10)
		out_write_prose(f, width, "(%zu more alerts in --format json)", r->n_alerts - 10);
	for (int i = IND_ALERT_FIRST; i <= IND_ALERT_LAST; i++)
		told(f, colour, width, fs, nf, FINDING_ALERT, i, finding_alert_heading(i));
	free(fs);
	return 0;
}
