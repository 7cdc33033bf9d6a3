/* Who is on call, when: see roster.h. */
#include "config.h"

#include <stdlib.h>

#include "common/err.h"
#include "common/xalloc.h"
#include "service/roster.h"

int
roster_now(const struct svc *s, int64_t at, void (*fn)(const struct on_call *c, void *arg),
	   void *arg)
{
	return store_now_each(s->db, at, fn, arg);
}

int
roster_next(const struct svc *s, const char *handle, struct person *who, struct shift **v,
	    size_t *n)
{
	struct shift_filter f = { .from = s->now };
	int r;

	*v = NULL;
	*n = 0;
	if (handle == NULL && (r = svc_require_person(s)) != 0)
		return r;
	if ((r = svc_find_person(s, handle != NULL ? handle : s->actor->person.handle,
				 who)) != 0)
		return r;
	f.person_id = who->id;
	return store_shift_list(s->db, &f, v, n);
}

int
roster_show(const struct svc *s, const char *rotation, const char *handle, int64_t from,
	    int64_t to, struct shift **v, size_t *n)
{
	struct shift_filter f = { .from = from, .to = to };
	struct rotation rot;
	struct person p;
	int r;

	*v = NULL;
	*n = 0;
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
	return store_shift_list(s->db, &f, v, n);
}

int
roster_people(const struct svc *s, struct person **v, size_t *n)
{
	return store_person_list(s->db, v, n);
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
