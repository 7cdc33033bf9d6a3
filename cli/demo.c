#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <string.h>

#include "cli/demo.h"
#include "cli/util.h"
#include "service/swap.h"
#include "common/err.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "sample/pages-gen.h"

/* The first of `rota swap suggest`'s ranking. */
int
demo_best_partner(struct ctx *ctx, const struct shift *sh, char *handle, size_t len)
{
	struct svc s = cmd_svc(ctx);
	struct swap_candidate *v;
	size_t n, takers;
	int r = swap_suggest(&s, sh, &v, &n, &takers);

	if (r == 0 && takers == 0)
		r = rota_fail(EX_SOFTWARE, "demo: nobody can take shift %lld",
			      (long long)sh->id);
	if (r == 0)
		snprintf(handle, len, "%s", v[0].person.handle);
	free(v);
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

/* The zone of whoever in the primary tier was on call at T ("" if nobody). */
static int
on_call_zone(struct ctx *ctx, int64_t t, char *zone, size_t len)
{
	struct on_call *v = NULL;
	size_t n = 0;
	int r = store_now(ctx->db, t, &v, &n);

	*zone = '\0';
	for (size_t i = 0; r == 0 && i < n; i++) {
		struct person p;

		if (v[i].shift_id == 0 || v[i].tier != TIER_PRIMARY)
			continue;
		if ((r = store_person_get_id(ctx->db, v[i].person_id, &p)) == 0)
			snprintf(zone, len, "%s", p.tz);
		break;
	}
	free(v);
	return r;
}

/* pages_gen_demo's text for ZONE, in memory (freed by the caller). */
static char *
pages_in(const struct tz_zone *zone, int year, int month)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	if (f == NULL)
		return NULL;
	if (pages_gen_demo(f, zone, year, month) != 0) {
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	return buf;
}

int
demo_write_pages(struct ctx *ctx, FILE *f, const char *const zones[2], int year,
		 int month)
{
	char *text[2], *line[2], *save[2];
	int r = 0;

	for (int z = 0; z < 2; z++)
		text[z] = pages_in(tz_lookup(zones[z]), year, month);
	if (text[0] == NULL || text[1] == NULL) {
		free(text[0]);
		free(text[1]);
		return rota_fail(EX_OSERR, "demo: cannot generate the pages");
	}
	line[0] = strtok_r(text[0], "\n", &save[0]);
	line[1] = strtok_r(text[1], "\n", &save[1]);
	if (line[0] != NULL)
		fprintf(f, "%s\n", line[0]);	/* the header */
	for (;;) {
		char zone[TZ_MAX], created[32];
		const char *comma;
		int64_t t;
		int pick = 0;

		line[0] = strtok_r(NULL, "\n", &save[0]);
		line[1] = strtok_r(NULL, "\n", &save[1]);
		if (line[0] == NULL || line[1] == NULL)
			break;
		/* created_at, the second column */
		comma = strchr(line[0], ',');
		snprintf(created, sizeof created, "%.20s", comma ? comma + 1 : "");
		if (time_parse(created, NULL, &t) != 0) {
			r = rota_fail(EX_SOFTWARE, "demo: bad page time '%s'", created);
			break;
		}
		if ((r = on_call_zone(ctx, t, zone, sizeof zone)) != 0)
			break;
		if (*zone != '\0' && strcmp(zone, zones[0]) != 0)
			pick = 1;
		fprintf(f, "%s\n", line[pick]);
	}
	free(text[0]);
	free(text[1]);
	return r;
}
