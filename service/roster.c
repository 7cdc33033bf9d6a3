/* Who is on call, when: see roster.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "common/err.h"
#include "common/xalloc.h"
#include "service/oncall.h"
#include "service/roster.h"

/* How far ahead `rota now` looks for the volunteers' next window: the
 * offices of a rotation leave one in any fortnight (oncall_rotation_set
 * refuses offices open together around the clock). */
#define LOOK_AHEAD (15 * 86400)

/* The first on-call window of rotation ROT in [FROM, TO), into *W
 * ({0, 0}: none). */
static int
first_window(struct store *db, const struct rotation *rot, int64_t from, int64_t to,
	     struct time_span *w)
{
	struct time_span *v;
	size_t n;
	int r = oncall_rotation_windows(db, rot, from, to, &v, &n);

	*w = (struct time_span){ 0, 0 };
	if (r == 0 && n > 0)
		*w = v[0];
	free(v);
	return r;
}

/* When the volunteers of ROT take over again, seen from AFTER: the first
 * window of the shifts after it, into D. */
static int
volunteers_back(const struct svc *s, const struct rotation *rot, int64_t after,
		struct on_duty *d)
{
	struct shift_filter f = { .rotation_id = rot->id, .from = after,
				  .to = after + LOOK_AHEAD };
	struct time_span w;
	struct shift *v;
	size_t n;
	int r;

	if ((r = store_shift_list(s->db, &f, &v, &n)) != 0)
		return r;
	for (size_t i = 0; i < n; i++) {
		if ((r = first_window(s->db, rot, v[i].start, v[i].end, &w)) != 0)
			break;
		if (w.to != 0) {
			d->until = w.from;
			snprintf(d->next_handle, sizeof d->next_handle, "%s", v[i].handle);
			break;
		}
	}
	free(v);
	return r;
}

/* Whether the service owners answer D's rotation at AT, and until when
 * whoever answers it does. */
static int
on_duty_at(const struct svc *s, int64_t at, struct on_duty *d)
{
	/* What the windows need of the rotation: which, and that it has them. */
	struct rotation rot = { .id = d->c->rotation_id, .out_of_hours = true };
	/* Nobody's part: whether AT is in a window says who answers. */
	int64_t part_end = d->c->shift_id != 0 ? d->c->end : at + 1;
	struct time_span w;
	int r;

	d->until = d->c->end;
	if (!d->c->out_of_hours)
		return 0;
	if ((r = first_window(s->db, &rot, at, part_end, &w)) != 0)
		return r;
	if (w.to != 0 && w.from == at) {        /* out of hours: to the window's end */
		d->until = w.to;
		return 0;
	}
	d->in_hours = true;
	if (w.to == 0) {                        /* none left in this part */
		d->until = 0;
		return volunteers_back(s, &rot, part_end, d);
	}
	d->until = w.from;
	snprintf(d->next_handle, sizeof d->next_handle, "%s", d->c->handle);
	return 0;
}

struct now_walk {
	const struct svc *s;
	int64_t at;
	void (*fn)(const struct on_duty *d, void *arg);
	void *arg;
	int err;                        /* the first error: no rotation after it */
};

static void
each_on_call(const struct on_call *c, void *arg)
{
	struct now_walk *w = arg;
	struct on_duty d = { .c = c };

	if (w->err == 0 && (w->err = on_duty_at(w->s, w->at, &d)) == 0)
		w->fn(&d, w->arg);
}

int
roster_now(const struct svc *s, int64_t at, void (*fn)(const struct on_duty *d, void *arg),
	   void *arg)
{
	struct now_walk w = { s, at, fn, arg, 0 };
	int r = store_now_each(s->db, at, each_on_call, &w);

	return r != 0 ? r : w.err;
}

/* When the holder of X is first on call in it from NOW on. */
static int
next_on_call(const struct svc *s, struct next_shift *x)
{
	struct rotation rot;
	struct time_span *v;
	size_t n;
	int r;

	x->on_call_from = x->sh.start;
	x->on_call_until = x->sh.end;
	if ((r = store_rotation_get_id(s->db, x->sh.rotation_id, &rot)) != 0)
		return r;
	x->out_of_hours = rot.out_of_hours;
	if (!rot.out_of_hours)
		return 0;
	/* From the shift's start, so that a window in progress shows its
	 * own start rather than now. */
	if ((r = oncall_rotation_windows(s->db, &rot, x->sh.start, x->sh.end, &v, &n)) != 0)
		return r;
	x->on_call_from = x->on_call_until = 0;
	for (size_t i = 0; i < n; i++)
		if (v[i].to > s->now) {
			x->on_call_from = v[i].from;
			x->on_call_until = v[i].to;
			break;
		}
	free(v);
	return 0;
}

int
roster_next(const struct svc *s, const char *handle, size_t max, struct person *who,
	    struct next_shift **v, size_t *n)
{
	struct shift_filter f = { .from = s->now };
	struct shift *sh;
	size_t nsh;
	int r;

	*v = NULL;
	*n = 0;
	if (handle == NULL && (r = svc_require_person(s)) != 0)
		return r;
	if ((r = svc_find_person(s, handle != NULL ? handle : s->actor->person.handle,
				 who)) != 0)
		return r;
	f.person_id = who->id;
	if ((r = store_shift_list(s->db, &f, &sh, &nsh)) != 0)
		return r;
	if (nsh > max)
		nsh = max;
	*v = xcalloc(nsh + 1, sizeof **v);
	for (size_t i = 0; i < nsh && r == 0; i++) {
		(*v)[i].sh = sh[i];
		r = next_on_call(s, &(*v)[i]);
	}
	free(sh);
	if (r != 0) {
		free(*v);
		*v = NULL;
		return r;
	}
	*n = nsh;
	return 0;
}

int
roster_show(const struct svc *s, const char *rotation, const char *handle, int64_t from,
	    int64_t to, store_row_fn *fn, void *arg)
{
	struct shift_filter f = { .from = from, .to = to };
	struct rotation rot;
	struct person p;
	int r;

	if (rotation != NULL) {
		if ((r = svc_find_rotation(s, rotation, &rot)) != 0)
			return r;
		f.rotation_id = rot.id;
	}
	if (handle != NULL) {
		if ((r = svc_find_person(s, handle, &p)) != 0)
			return r;
		f.person_id = p.id;
	}
	return store_shift_each(s->db, &f, fn, arg);
}

int
roster_people_each(const struct svc *s, store_row_fn *fn, void *arg)
{
	return store_person_each(s->db, fn, arg);
}

int
roster_rotations(const struct svc *s, struct roster_rotation **v, size_t *n)
{
	struct rotation *rots;
	size_t nr;
	int r;

	*v = NULL;
	*n = 0;
	if ((r = store_rotation_list(s->db, &rots, &nr)) != 0)
		return r;
	*v = xcalloc(nr + 1, sizeof **v);
	for (size_t i = 0; i < nr && r == 0; i++) {
		struct roster_rotation *x = &(*v)[i];
		struct term *terms;

		x->rotation = rots[i];
		if ((r = store_term_list(s->db, rots[i].id, &terms, &x->terms)) != 0)
			break;
		free(terms);
		r = store_term_at(s->db, rots[i].id, s->now, &x->current);
		if (r == STORE_NOT_FOUND) {
			x->current.name[0] = '\0';
			r = 0;
		}
	}
	free(rots);
	if (r != 0) {
		free(*v);
		*v = NULL;
		return r;
	}
	*n = nr;
	return 0;
}
