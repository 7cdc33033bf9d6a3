/* The monthly wellbeing report (`rota report monthly`): every figure of a
 * month, read from the store and judged by reports/indicators.h, ready for
 * the renderers (reports/render.h).
 *
 * Where the figures come from:
 *  - the month is a calendar month in [report] timezone;
 *  - interruptions are pages merged per person: a page within 60 seconds
 *    of the person's previous one joins its interruption, whose class is
 *    that of its first page; a page is an interruption of its responder
 *    only (interruption_in_month), so the shares add up to 100%, and an
 *    escalated page is, apart, an escalation of its escalation person;
 *  - who is listed: every member of a term overlapping the month, and
 *    anyone on call, interrupted or escalated to in it;
 *  - the team's out-of-hours count merges pages per responder, so an
 *    escalated page counts once; a page of no responder was handled by
 *    the service's own team in business hours (a rotation covering out
 *    of hours): counted apart, in no interruption;
 *  - shifts and on-call hours are the parts of shifts (every tier) inside
 *    the month, the hours of a rotation covering out of hours only its
 *    on-call windows (struct monthly_oncall); the most pages in one
 *    shift count the shift's interruptions inside the month;
 *  - time to acknowledge and to resolve: every page of the month that has
 *    the time, from its creation; median and 95th percentile by nearest
 *    rank (reports/stats.h);
 *  - the forecast is given when the month holds the current time
 *    (ROTA_NOW honoured), from the interruptions before it, judged as
 *    ind_forecast_judged() says;
 *  - the trend starts at the first month with a page or a shift;
 *  - shares are whole percentages adding up to 100 (stats_shares_pct),
 *    judged from [thresholds] min_ooh_share_pct team interruptions;
 *  - weeks since the last shift: at the month's end (or now, when
 *    earlier), among shifts of the last 400 days; -1 when none;
 *  - shifts closer than the minimum gap: a shift starting in the month
 *    less than min_gap_shifts shift lengths (less 2 hours, for DST weeks)
 *    after the end of the same person's previous shift in the same
 *    rotation;
 *  - pay is pay_month_compute()'s total per currency (reports/pay-month.h);
 *  - alerts are (service, alert) pairs; their out-of-hours and sleep counts
 *    are pages; "resolved without anyone acting" counts out-of-hours pages
 *    whose source says nobody acted (pages.acted = 0). */
#ifndef ROTA_MONTHLY_H
#define ROTA_MONTHLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "common/config.h"
#include "reports/indicators.h"
#include "reports/stats.h"
#include "model/model.h"
#include "scheduler/office-hours.h"
#include "store/store.h"

#define MONTHLY_TREND 6

struct mr_month {
	int year, month;
	int64_t ooh;            /* the team's out-of-hours interruptions */
};

struct mr_team {
	int64_t v[IND_COUNT];   /* figures of IND_TEAM_FIRST..IND_TEAM_LAST */
	struct ind_result st[IND_COUNT];
	int64_t pages;          /* every page of the month */
	/* Of them, handled by the services' own teams in business hours
	 * (page_by_owners): in no interruption. */
	int64_t owners_pages;
	int64_t interruptions;  /* merged, every class, the volunteers' */
	int64_t sleep_interruptions;
	struct mr_month trend[MONTHLY_TREND];   /* oldest first; the last is the month */
	int trend_first;        /* the first with data (a page or a shift) */
	int64_t count[IND_COUNT];       /* what each figure is measured on (ind_judge) */
	bool has_forecast;
	int64_t so_far;         /* out-of-hours interruptions before now */
	struct forecast fc;
	struct ind_result fc_st;
};

struct mr_person {
	int64_t id;
	char handle[HANDLE_MAX];
	char name[NAME_MAX_];
	bool is_manager;
	int64_t shifts;
	int64_t oncall_seconds;
	int64_t interruptions;  /* every class */
	int64_t escalations;    /* pages escalated to them */
	int64_t v[IND_COUNT];   /* figures of IND_PERSON_FIRST..IND_PERSON_LAST */
	struct ind_result st[IND_COUNT];
	/* Pay of the month (reports/pay-month.h), one entry per currency. */
	struct mr_pay {
		char currency[4];
		int exponent;
		int64_t total_minor;
	} pay[4];
	size_t n_pay;
};

struct mr_alert {
	char service[128];
	char alert[256];
	int64_t pages, ooh, sleep, unacted, no_runbook;
	int64_t v[IND_COUNT];   /* IND_ALERT_FIRST..IND_ALERT_LAST */
	struct ind_result st[IND_COUNT];
	enum ind_status worst;
};

struct mr_service {
	char service[128];
	int64_t pages, ooh, sleep;
};

/* A shift, or the part of one, inside the month: who held it, for the
 * page's who-was-on-call strip. */
struct mr_part {
	char rotation[NAME_MAX_];
	enum tier tier;
	char handle[HANDLE_MAX];
	int64_t start, end;     /* cut to [from, to) */
};

struct monthly_report {
	int year, month;
	char month_name[8];             /* "2027-01" */
	char zone[TZ_MAX];
	int64_t from, to, now;
	struct ind_thresholds th;
	struct mr_team team;
	struct mr_person *people;       /* sorted by handle */
	size_t n_people;
	struct mr_alert *alerts;        /* noisiest first */
	size_t n_alerts;
	struct mr_service *services;    /* noisiest first */
	size_t n_services;
	int64_t by_hour[24];    /* out-of-hours interruptions by the responder's local hour */
	enum ind_status worst;  /* of every indicator it holds: monthly_overall() */
	/* A volunteer's: of the people, their own row only
	 * (svc_report_visible), so the page speaks of theirs. */
	bool own_row_only;
	struct mr_part *parts;  /* by rotation, tier, start; cancelled ones left out */
	size_t n_parts;
	/* Last month's report, for the change against it (HTML); NULL
	 * unless asked for (report_monthly_compared, service/reports.h). */
	struct monthly_report *prev;
};

/* Reads [report] goal, goal_amber_pct, forecast_min_interruptions,
 * forecast_min_elapsed_pct and every [thresholds] key. 0 or
 * EX_CONFIG after printing why. */
int monthly_thresholds(const struct config *cfg, struct ind_thresholds *th);

/* When a rotation covering out of hours is on call in the month (from
 * service/oncall.h, which knows; this layer may not ask it): its windows
 * inside [monthly_month_range). A shift of a rotation not listed is on
 * call throughout. */
struct monthly_oncall {
	int64_t rotation_id;
	const struct time_span *v;      /* in time order */
	size_t n;
};

/* The instants [*FROM, *TO) of YEAR-MONTH in [report] timezone. 0 or
 * EX_CONFIG after printing why. */
int monthly_month_range(const struct config *cfg, int year, int month, int64_t *from,
			int64_t *to);

/* Builds the report of YEAR-MONTH as of NOW, the on-call hours of the
 * rotations among OC[0..NOC) counted in their windows. 0 or an exit
 * status after printing why. The caller frees it with monthly_free(). */
int monthly_build(struct store *db, const struct config *cfg, int year, int month,
		  int64_t now, const struct monthly_oncall *oc, size_t noc,
		  struct monthly_report *out);
void monthly_free(struct monthly_report *r);

/* The month before YEAR-MONTH, in *PY-*PM. */
void monthly_previous(int year, int month, int *py, int *pm);

/* The person of id ID in R, or NULL (R's people are sorted by handle). */
const struct mr_person *monthly_person(const struct monthly_report *r, int64_t id);

/* The overall status of R: the worst of the indicators it holds (the
 * team's, the forecast's, each of its people's, each of its alerts'), so
 * a report left with fewer people (service/privacy.h) is judged on those
 * it shows only. */
enum ind_status monthly_overall(const struct monthly_report *r);

/* Whether the renderers list the sentence of an indicator not judged
 * (ST grey) of figure V: when there is something to see (V > 0). */
bool monthly_grey_shown(const struct ind_result *st, int64_t v);

/* P's pay as people read it: "500.00 EUR", currencies joined by ", ";
 * "" when none. */
void monthly_pay_text(const struct mr_person *p, char *buf, size_t len);

/* Renderers (reports/render-*.c): write R to F; 0, or a status after
 * printing why when a library fails (EX_IOERR: libxml2 cannot encode the
 * text; the JSON shows text that is not valid UTF-8 with U+FFFD, as every
 * --json output does, common/jsonx.h). A failed write to F is reported by
 * F's owner with its reason (atomic_close(), out_finish()). */
/* Aligned text for people; COLOUR: status words in colour; WIDTH: the
 * tables fitted to that many columns (common/out-fit.h), 0: whole. */
int render_text(const struct monthly_report *r, FILE *f, bool colour, size_t width);
/* One row per person; the columns are listed in rota(1). */
int render_csv(const struct monthly_report *r, FILE *f);
/* Every figure of the report (rota(1) describes the object). */
int render_json(const struct monthly_report *r, FILE *f);
/* One self-contained HTML page with inline CSS and three SVG charts,
 * built as a libxml2 tree, so every value is escaped; the change against
 * last month when R->prev is set (report_monthly_compared). NAME: F's
 * name in messages. */
int render_html(const struct monthly_report *r, FILE *f, const char *name);

#endif
