/* Who covers a rotation over a time range: the one rule that changes who
 * is on call. A week of a term's grid (its slot) is covered by one or
 * more consecutive shifts (parts), each held by one person; a range of it
 * may be given to someone else, which splits the parts it cuts into up to
 * three and merges adjacent parts of the same holder back into one.
 * Override, swap accept and generation all change holders through
 * cover_apply, so that every one of them keeps the same promises: a
 * part's start (hence its UID) never moves, a part that leaves a
 * person's hands stays in their feed as cancelled, and nothing before the
 * change's start is touched (callers start changes at cover_earliest). */
#ifndef ROTA_SERVICE_COVER_H
#define ROTA_SERVICE_COVER_H

#include <stddef.h>
#include <stdint.h>

#include "model/model.h"
#include "store/store.h"

/* The earliest instant a change made at NOW may start: NOW rounded up to
 * the whole minute, so that no instant before now changes hands and
 * parts start at times people read. */
int64_t cover_earliest(int64_t now);

/* One stretch of a rotation's time: a part held by someone, a window of
 * a term's week that nobody covers, or time outside every term. */
struct cover_span {
	int64_t start, end;             /* UTC, within the range asked for */
	int64_t term_id;                /* 0: outside every term of the rotation */
	char term[NAME_MAX_];
	int slot;                       /* the week in the term, -1 outside */
	int64_t slot_start, slot_end;
	int64_t shift_id;               /* the part; 0 when nobody covers it */
	int64_t person_id;              /* 0 when nobody covers it */
	char handle[HANDLE_MAX];
	enum origin origin;
};

/* The spans of rotation ROT over [FROM, TO), in time order, tiling the
 * range exactly. *V (*N entries) is free()d by the caller. 0 or a store
 * status. */
int cover_spans(struct store *db, const struct rotation *rot, int64_t from, int64_t to,
		struct cover_span **v, size_t *n);

/* Gives [FROM, TO) of rotation ROT to PERSON_ID, marked ORIGIN, in every
 * week of its terms that the range touches (time outside every term is
 * left alone): the parts it cuts are split, adjacent parts of one holder
 * merged, parts no longer needed cancelled. The caller checks who may
 * and whether the person may take it, and writes the audit event. 0 or a
 * store status. */
int cover_apply(struct store *db, const struct rotation *rot, int64_t from, int64_t to,
		int64_t person_id, enum origin origin, int64_t now);

/* The handoffs of term T of rotation ROT: (*NS)+1 instants in *BOUND,
 * free()d by the caller. */
void cover_term_weeks(const struct rotation *rot, const struct term *t, int64_t **bound,
		      size_t *ns);

#endif
