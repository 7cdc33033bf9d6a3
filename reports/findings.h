/* The findings of a monthly report: every sentence it tells (a status and
 * why), in one list and one order, which the text and the HTML renderers
 * both read, so that both tell the same findings. */
#ifndef ROTA_FINDINGS_H
#define ROTA_FINDINGS_H

#include <stddef.h>
#include <stdint.h>

#include "common/config.h"
#include "reports/monthly.h"
#include "store/store.h"

enum finding_of {
	FINDING_TEAM,           /* a team indicator */
	FINDING_FORECAST,       /* the forecast of the month */
	FINDING_PERSON,         /* a person's indicator, amber or red */
	FINDING_PERSON_GREY,    /* a person's, too few to judge, with something to see */
	FINDING_ALERT,          /* an alert's indicator, amber or red */
};

struct finding {
	enum finding_of of;
	int indicator;                  /* enum ind_id; IND_COUNT for the forecast */
	size_t index;                   /* of the person or the alert in the report */
	const struct ind_result *st;    /* in the report */
};

/* The findings of R, in this order:
 *  - the team's out-of-hours interruptions always, then every other team
 *    indicator that is not green (grey included), in indicator order;
 *  - the forecast, when the report has one;
 *  - each person's amber and red indicators, person by person;
 *  - each person's grey ones that have something to see
 *    (monthly_grey_shown), person by person;
 *  - the alerts' amber and red indicators, indicator by indicator (out of
 *    hours, resolved without anyone acting, without a runbook), noisiest
 *    alert first within each.
 * Returns how many; free *V with free(). */
size_t monthly_findings(const struct monthly_report *r, struct finding **v);

/* A person who needs attention: amber or red on one indicator or more. */
struct attention {
	size_t index;           /* of the person in the report */
	enum ind_status worst;  /* IND_AMBER or IND_RED */
	int red, amber;         /* how many of their indicators are each */
};

/* The people of R who need attention, the most concerning first: red
 * before amber, then more red indicators first, then more amber ones,
 * then by handle (the report's order). Returns how many; free *V with
 * free(). */
size_t monthly_attention(const struct monthly_report *r, struct attention **v);

/* The heading of the alerts' findings of indicator I (IND_ALERT_FIRST ..
 * IND_ALERT_LAST), saying what follows: "Alerts without a runbook link". */
const char *finding_alert_heading(int i);

/* The red findings of a month as of NOW, for burnout alerts (`rota
 * notify`): every finding of monthly_findings() that is red, but the
 * alerts' (an alert's noise is its service's business, not a person's
 * health), in the report's order: team, forecast, people by handle. A
 * finding not judged (grey) is never red, so never told (no indicator
 * reads on-call hours, so the report is built without them). One row each
 * (HANDLE empty for the team's and the forecast's). The caller frees *V
 * with free(). 0 or an exit status after printing why. */
struct red_indicator {
	char handle[HANDLE_MAX];
	const char *indicator;  /* its key, static: "sleep_interruptions", "forecast" */
	char month[8];          /* "2027-01" */
	char why[320];          /* the report's sentence */
};
int monthly_red(struct store *db, const struct config *cfg, int year, int month,
		int64_t now, struct red_indicator **v, size_t *n);

#endif
