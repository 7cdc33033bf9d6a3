/* Swap requests and overrides: the owner of a shift asks someone (or
 * anyone in the term) to take it; they accept or decline; the owner may
 * cancel; a manager gives a shift to someone directly. Each operation
 * checks who may do it and the hard rules again (service/shift-check.h),
 * changes the store, writes its audit event, and returns what a front end
 * shows: the request and its shift, or the shift. See service/service.h
 * for the conventions (errors go to the message sink, never printed). */
#ifndef ROTA_SERVICE_SWAP_H
#define ROTA_SERVICE_SWAP_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "service/service.h"
#include "service/shift-check.h"

/* The actor asks WITH (NULL: anyone in the term) to take [FROM, TO) of
 * their shift SHIFT_ID (0, 0: all of it that is still to come; a shift in
 * progress from now). Only its owner may ask; the range must lie inside
 * the shift, not before now; one open request per time of a shift; WITH
 * must be able to take it (EX_NOPERM, EX_DATAERR saying why). *W gets
 * the new request, *SH its shift. */
int swap_request(const struct svc *s, int64_t shift_id, int64_t from, int64_t to,
		 const char *with, struct swap *w, struct shift *sh);

enum swap_answer { SWAP_ANSWER_ACCEPT, SWAP_ANSWER_DECLINE };

/* The actor answers request ID: the person it names, or for a request
 * open to anyone any current member of the term other than the
 * requester. Accepting checks that the requester still holds the range
 * and the hard rules again, and gives the actor what is left of it from
 * now (marked as a swap, so re-generation keeps it): the shift is split
 * where the range begins and ends (service/cover.h). Declining closes a
 * request made to one person; one open to the term only leaves the
 * decliner out (it closes when every member has declined). *W gets the
 * request after, *SH the actor's part (accept) or the request's shift. */
int swap_answer(const struct svc *s, int64_t id, enum swap_answer answer,
		struct swap *w, struct shift *sh);

/* The requester withdraws open request ID. */
int swap_cancel(const struct svc *s, int64_t id, struct swap *w, struct shift *sh);

/* Request ID and its shift: EX_DATAERR "unknown swap request N". */
int swap_get(const struct svc *s, int64_t id, struct swap *w, struct shift *sh);

/* One request of swap_list_each, with its shift. */
struct swap_item {
	struct swap swap;
	struct shift shift;
};

/* Requests the actor may see: managers every one, a volunteer those they
 * made or were asked, and those open to anyone in a term they belong to;
 * OPEN_ONLY leaves out the decided ones. Each is a struct swap_item handed
 * to FN as it is read (its shift and whether the actor sees it looked up
 * by statements reused for every row): never the whole list in memory. */
int swap_list_each(const struct svc *s, bool open_only, store_row_fn *fn, void *arg);

/* A manager gives shift SHIFT_ID to HANDLE: all of it, or from now when
 * it is in progress (the part already worked stays with its holder). A
 * shift that has ended may not change; one that breaks a hard rule only
 * with FORCE (the rule broken is warned about and kept in the audit
 * trail). Open requests for the parts that change hands are closed. *SH
 * gets HANDLE's part after. */
int swap_override(const struct svc *s, int64_t shift_id, const char *handle, bool force,
		  struct shift *sh);

/* The same for [FROM, TO) of rotation ROT (TO 0: to the end of the part
 * or uncovered window in force at FROM): the range must not start before
 * now (FROM at now is taken to the next whole minute), lie within the
 * rotation's terms, and within the parts of one holder or windows nobody
 * covers. */
int swap_override_range(const struct svc *s, const struct rotation *rot, int64_t from,
			int64_t to, const char *handle, bool force, struct shift *sh);

/* The rotation NAME, or with NULL the one rotation of the primary tier
 * (EX_USAGE listing them when there are several). */
int swap_rotation(const struct svc *s, const char *name, struct rotation *out);

/* One member of a shift's term who might take it. */
struct swap_candidate {
	struct person person;
	struct shift_verdict verdict;   /* code 0 and not elsewhere: may take it */
	struct shift nearest;           /* their nearest own shift, when verdict.nearest >= 0 */
};

/* Who could take shift SH, for `rota swap suggest` and the demo: every
 * member of its term but its holder and those who have left, checked.
 * The first *N_TAKERS of *V may take it, farthest from their own nearest
 * shift first (nobody with no other shift comes first), then by handle;
 * the rest may not (verdict says why), by handle. free(*v). */
int swap_suggest(const struct svc *s, const struct shift *sh, struct swap_candidate **v,
		 size_t *n, size_t *n_takers);

/* JSON of a request for the audit trail. A new reference. */
json_t *swap_to_json(const struct swap *w);

#endif
