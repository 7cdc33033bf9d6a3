/* The reporting month, one rule for every command that counts by month
 * or by day (rota pay, report monthly, page list, page pull's dates and
 * notify's burnout alerts): a calendar month in [report] timezone of
 * rota.conf, UTC when it is unset. */
#ifndef ROTA_REPORT_MONTH_H
#define ROTA_REPORT_MONTH_H

#include <stdint.h>

#include "common/config.h"
#include "common/tz.h"

/* The zone of [report] timezone (CFG may be NULL) in *ZONE, and its name
 * ("UTC" when unset) in *NAME unless NAME is NULL. 0, or EX_CONFIG with
 * "FILE:LINE: unknown time zone 'X' in [report] timezone ..." in the
 * message sink. */
int report_zone(const struct config *cfg, const struct tz_zone **zone, const char **name);

/* The month NOW falls in, in [report] timezone (report_zone): the default
 * month of every command that takes one. 0, or report_zone's EX_CONFIG. */
int report_month_now(const struct config *cfg, int64_t now, int *year, int *month);

/* Reads "YYYY-MM" (four digits, a dash, two digits; year 1970-9999, month
 * 01-12). 0 or -1. */
int report_month_parse(const char *s, int *year, int *month);

/* The start, in UTC seconds, of the month DELTA months after YEAR-MONTH
 * (DELTA may be negative; 1 gives the month's end) in ZONE. */
int64_t report_month_start(const struct tz_zone *zone, int year, int month, int delta);

#endif
