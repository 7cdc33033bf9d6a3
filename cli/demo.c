#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/demo.h"
#include "cli/shift-check.h"
#include "common/err.h"

/* The ranking of `rota swap suggest`: members who may take SH, farthest
 * from their own nearest shift first (none at all is farthest). */
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
		struct shift_verdict v;
		struct person p;
		int64_t d;

		if (m[i].person_id == sh->person_id || m[i].left <= sh->start)
			continue;
		if ((r = store_person_get_id(ctx->db, m[i].person_id, &p)) != 0 ||
		    (r = shift_check(ctx->db, ctx->cfg, sh, &p, &v)) != 0)
			break;
		if (v.code != 0 || v.elsewhere)
			continue;
		d = v.nearest < 0 ? INT64_MAX : v.nearest;
		if (d > best) {
			best = d;
			snprintf(handle, len, "%s", p.handle);
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
