/* A month's pay, as the actor may see it. See service/service.h for the
 * conventions (errors go to the message sink, never printed). */
#ifndef ROTA_SERVICE_PAY_H
#define ROTA_SERVICE_PAY_H

#include "reports/pay-month.h"
#include "service/service.h"

/* The pay of YEAR-MONTH (reports/pay-month.h): managers and root see
 * everyone's lines; anyone else must be a person in rota (EX_NOPERM) and
 * gets their own lines only. Free *OUT with pay_month_free (also after a
 * failure). */
int pay_view(const struct svc *s, int year, int month, struct pay_month *out);

#endif
