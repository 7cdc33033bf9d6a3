/* The pieces the monthly report's HTML page is built of (render-html.c,
 * html-*.c): libxml2 nodes, so that every value is escaped when the tree
 * is written. */
#ifndef ROTA_REPORTS_HTML_H
#define ROTA_REPORTS_HTML_H

#include <stdbool.h>

#include <libxml/tree.h>

#include "reports/indicators.h"
#include "reports/monthly.h"

#define X(s) ((const xmlChar *)(s))

/* The fill of each status in charts and swatches. */
extern const char *const html_fill[];

/* A new element NAME under PARENT holding TEXT (none: NULL). */
xmlNodePtr el(xmlNodePtr parent, const char *name, const char *text);
xmlNodePtr elf(xmlNodePtr parent, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Sets (or replaces) attribute NAME of N. */
void attr(xmlNodePtr n, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Appends TEXT to N. */
void add_text(xmlNodePtr n, const char *text);
/* A status badge: the word in its colour, never the colour alone. */
void badge(xmlNodePtr parent, enum ind_status s);
/* A table cell TAG ("td", "th"); NUM: a number, aligned right. */
xmlNodePtr cell(xmlNodePtr tr, const char *tag, bool num, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* A table in a box of its own that scrolls sideways on a narrow screen;
 * returns the table. */
xmlNodePtr table_box(xmlNodePtr parent);
/* A finding: its badge and its sentence. */
void why(xmlNodePtr parent, const struct ind_result *st);
/* A legend of swatches: N entries of COLOUR[i] and LABEL[i]. */
void legend(xmlNodePtr parent, size_t n, const char *const *colour, const char *const *label);

/* The month of YEAR-MONTH for people: "January 2027". */
void month_words(int year, int month, char *buf, size_t len);

/* The charts (html-charts.c), each a figure with axes, a legend and a
 * caption: out-of-hours interruptions per month against the goal;
 * interruptions per person stacked by class; out-of-hours interruptions
 * by the responder's hour. */
void chart_trend(xmlNodePtr parent, const struct monthly_report *r);
void chart_people(xmlNodePtr parent, const struct monthly_report *r);
void chart_hours(xmlNodePtr parent, const struct monthly_report *r);

/* Who was on call when (html-strip.c): one strip per rotation and tier,
 * an entry per shift or part of one in the month, and the stretches
 * nobody held. */
void oncall_strip(xmlNodePtr parent, const struct monthly_report *r);

#endif
