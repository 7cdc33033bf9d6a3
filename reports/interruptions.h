/* Interruptions: pages of the same responder that arrive within 60
 * seconds of each other count as one (as PagerDuty counts them). Pure.
 *
 * Chaining is by the previous page: a page joins the interruption when it
 * was created at most INTERRUPTION_GAP seconds after the previous page of
 * the same responder, so pages at 0 s, 50 s and 100 s are one
 * interruption, though the last is 100 s after the first. Pages with no
 * known responder (responder_id 0) are never merged: each is its own. */
#ifndef ROTA_INTERRUPTIONS_H
#define ROTA_INTERRUPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

#define INTERRUPTION_GAP 60

struct interruption {
	int64_t responder_id;           /* 0: nobody known */
	int64_t start;                  /* the earliest page's created */
	int64_t acknowledged;           /* the earliest acknowledgement; 0: none */
	int64_t resolved;               /* the latest resolve; 0: none of them resolved */
	enum page_class class;          /* the first page's */
	size_t first;                   /* index of the first page in the input */
	size_t pages;                   /* how many pages it merges */
	bool escalated;                 /* any of them escalated */
	bool acted;                     /* anyone acted on any of them */
};

/* Merges the N pages of V (any order) into interruptions, returned in *OUT
 * (malloc'd, the caller frees) sorted by start, then responder, then
 * first. */
void interruptions_merge(const struct page *v, size_t n,
			 struct interruption **out, size_t *nout);
/* The same of compact rows (store_report_page_rows()); fastest when V is
 * ordered by created, as the store returns it: then no sort but of pages
 * that start at the same second. */
void interruptions_merge_rows(const struct page_row *v, size_t n,
			      struct interruption **out, size_t *nout);

/* Whether IN is an interruption of its responder in the month [FROM, TO):
 * it starts in the month and has a responder. The one rule of the
 * monthly report (team and person) and pay: an escalated page is an
 * interruption of its responder only (the escalation person's is counted
 * apart, as an escalation). */
bool interruption_in_month(const struct interruption *in, int64_t from, int64_t to);

#endif
