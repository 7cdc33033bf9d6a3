#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/demo.h"
#include "common/err.h"

/* Seconds from SH to the nearest other shift of PERSON in the same term,
 * or -1 when PERSON cannot take it (on leave, or on call right then). */
static int
distance(struct ctx *ctx, const struct shift *sh, int64_t person, int64_t *out)
{
	struct shift_filter f = { .term_id = sh->term_id, .person_id = person };
	struct shift *v = NULL;
	struct leave *l = NULL;
	size_t n = 0, nl = 0;
	int64_t best = INT64_MAX;
	int r;

	if ((r = store_leave_list(ctx->db, person, sh->start, sh->end, &l, &nl)) != 0)
		return r;
	free(l);
	if (nl > 0) {
		*out = -1;
		return 0;
	}
	if ((r = store_shift_list(ctx->db, &f, &v, &n)) != 0)
		return r;
	for (size_t i = 0; i < n; i++) {
		int64_t d = v[i].start >= sh->end ? v[i].start - sh->end
			  : v[i].end <= sh->start ? sh->start - v[i].end : -1;
		if (d < best)
			best = d;
	}
	free(v);
	*out = best;
	return 0;
}

int
demo_best_partner(struct ctx *ctx, const struct shift *sh, char *handle, size_t len)
{
	struct membership *m = NULL;
	size_t n = 0;
	int64_t best = -1;
	int r;

	if ((r = store_member_list(ctx->db, sh->term_id, &m, &n)) != 0)
		return r;
	for (size_t i = 0; i < n && r == 0; i++) {
		int64_t d;

		if (m[i].person_id == sh->person_id || m[i].left <= sh->start)
			continue;
		if ((r = distance(ctx, sh, m[i].person_id, &d)) == 0 && d > best) {
			best = d;
			snprintf(handle, len, "%s", m[i].handle);
		}
	}
	free(m);
	if (r == 0 && best < 0)
		r = rota_fail(EX_SOFTWARE, "demo: nobody can take shift %lld",
			      (long long)sh->id);
	return r;
}

int
demo_open_swap_id(struct ctx *ctx, int64_t shift_id, char *buf, size_t len)
{
	struct swap *v = NULL;
	size_t n = 0;
	int r = store_swap_list(ctx->db, 0, true, &v, &n);

	for (size_t i = 0; r == 0 && i < n; i++) {
		if (v[i].shift_id == shift_id) {
			snprintf(buf, len, "%lld", (long long)v[i].id);
			free(v);
			return 0;
		}
	}
	free(v);
	return r != 0 ? r : rota_fail(EX_SOFTWARE, "demo: the swap request is missing");
}
