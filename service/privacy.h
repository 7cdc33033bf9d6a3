/* Who may read what is private to a person, and the rights that must
 * never vanish: one function per rule, used by every command that needs
 * it. What is private to a person: their pay and wellbeing figures
 * (report monthly, pay), their leave reasons and the calendar addresses
 * they import from (audit, leave list), their feed's secret token (feed
 * url, feed rotate-token, feed export of their personal feed, publish).
 * Conventions of service/service.h. */
#ifndef ROTA_SERVICE_PRIVACY_H
#define ROTA_SERVICE_PRIVACY_H

#include <stdbool.h>

#include "reports/monthly.h"
#include "service/service.h"

/* Whether the actor may read what is private to the person HANDLE:
 * that person themselves, a manager, or root. */
bool svc_may_read_private(const struct svc *s, const char *handle);

/* 0 when svc_may_read_private(S, HANDLE), else EX_NOPERM "WHAT: only
 * HANDLE or a manager may (you are ACTOR)". */
int svc_require_private(const struct svc *s, const char *what, const char *handle);

/* The monthly report R as the actor may see it, before any renderer, so
 * every format agrees: a person's row (pay, wellbeing) only when
 * svc_may_read_private; the team's figures, trend, forecast and alerts
 * whole. Every status of the report is judged from what is left
 * (monthly_overall), and the findings (reports/findings.h) are read from
 * it: a volunteer's report is not red, and names nobody, for a row they
 * may not see. */
void svc_report_visible(const struct svc *s, struct monthly_report *r);

/* The team keeps a manager: P (as stored) may not stop being one, nor be
 * removed, when P is the last manager. STAYS: whether P remains a manager
 * after the change. 0, or EX_DATAERR "P is the last manager; make someone
 * else a manager first" (or the store's status). */
int svc_keep_a_manager(const struct svc *s, const struct person *p, bool stays);

/* The escalation tier stays the managers': P (as stored) may not stop
 * being a manager while holding a current or future shift of an
 * escalation-tier rotation. STAYS: as for svc_keep_a_manager. 0, or
 * EX_DATAERR naming the shifts to give to another manager first (or the
 * store's status). Page import judges the past by the manager flag of
 * then (reports/page-import.h). */
int svc_keep_escalation_managed(const struct svc *s, const struct person *p, bool stays);

#endif
