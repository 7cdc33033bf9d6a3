/* Pages: import, pull, list. See pages.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/err.h"
#include "common/secret.h"
#include "common/xalloc.h"
#include "reports/month.h"
#include "service/oncall.h"
#include "service/pages.h"

/* The one rule of when a rotation is on call (service/oncall.h), for the
 * import to tell the service owners' pages from the volunteers'. */
static int
rotation_windows(void *db, const struct rotation *rot, int64_t from, int64_t to,
		 struct time_span **v, size_t *n)
{
	return oncall_rotation_windows(db, rot, from, to, v, n);
}

/* The import and its audit event, in one transaction. */
static int
import_in_transaction(const struct svc *s, const char *path, enum page_format format,
		      page_import_progress progress, struct page_import_result *res)
{
	struct oncall_hook hook = { rotation_windows, s->db };
	json_t *after;
	int r;

	if ((r = store_begin(s->db)) != 0)
		return r;
	if ((r = page_import(s->db, s->cfg, path, format, s->now, &hook, progress, res)) == 0) {
		after = json_pack("{s:s, s:s, s:I, s:I}", "file", path,
				  "format", page_format_name(res->format),
				  "imported", (json_int_t)res->imported,
				  "known", (json_int_t)(res->pages - res->imported));
		if ((r = svc_audit(s, "page.import", path, NULL, after)) == 0)
			r = store_commit(s->db);
	}
	if (r != 0)
		store_rollback(s->db);
	return r;
}

int
pages_import(const struct svc *s, const char *path, enum page_format format,
	     page_import_progress progress, struct page_import_result *out)
{
	struct stat st;
	bool bulk;
	int r;

	memset(out, 0, sizeof *out);
	if ((r = svc_require_manager(s, "page import")) != 0)
		return r;
	/* (A file that cannot be read is page_import's to report.) */
	bulk = stat(path, &st) == 0 && st.st_size >= PAGES_BULK_BYTES &&
	       store_bulk_begin(s->db);
	r = import_in_transaction(s, path, format, progress, out);
	if (bulk)
		store_bulk_end(s->db);
	return r;
}

static const struct pages_source sources[] = {
	{ "pagerduty", PULL_PAGERDUTY, "ROTA_PAGERDUTY_TOKEN", "https://api.pagerduty.com" },
	{ "opsgenie", PULL_OPSGENIE, "ROTA_OPSGENIE_TOKEN", "https://api.opsgenie.com" },
};

const struct pages_source *
pages_source_find(const char *name)
{
	for (size_t i = 0; i < sizeof sources / sizeof sources[0]; i++)
		if (strcmp(name, sources[i].name) == 0)
			return &sources[i];
	return NULL;
}

/* The settings of [NAME]: API URL, timeout and longest Retry-After. */
static int
read_settings(const struct svc *s, const struct pages_source *src, struct pull_request *r)
{
	const char *url = config_get(s->cfg, src->name, NULL, "api_url", NULL);
	long line = 0;
	int e;

	r->api_url = url && *url ? url : src->api_url;
	if (strncmp(r->api_url, "https://", 8) != 0 && strncmp(r->api_url, "http://", 7) != 0) {
		config_get(s->cfg, src->name, NULL, "api_url", &line);
		return rota_fail_at(EX_CONFIG, config_path(s->cfg), line,
				    "[%s] api_url must be an http(s) URL", src->name);
	}
	if ((e = config_get_int(s->cfg, src->name, NULL, "timeout_seconds", 30, 1, 3600,
				&r->timeout_seconds)) != 0 ||
	    (e = http_retry_load(s->cfg, src->name, &r->retry)) != 0)
		return e;
	return 0;
}

int
pages_pull(const struct svc *s, const struct pages_source *src, int64_t since,
	   int64_t until, struct pages_pull_result *out)
{
	struct pull_request r = { .source = src->source, .now = s->now, .since = since,
				  .until = until < s->now ? until : s->now };
	struct oncall_hook hook = { rotation_windows, s->db };
	struct page_vec pages = { 0 };
	char *token = NULL, object[32];
	int e;

	memset(out, 0, sizeof *out);
	if ((e = svc_require_manager(s, "page pull")) != 0 ||
	    (e = read_settings(s, src, &r)) != 0 ||
	    (e = secret_get(s->cfg, src->env, src->name, "token_file", &token)) != 0)
		return e;
	if (token == NULL)
		return rota_fail(EX_CONFIG, "no %s token: set %s or [%s] token_file in rota.conf",
				 src->name, src->env, src->name);
	r.token = token;
	e = pull_pages(&r, &pages);
	secret_free(token);
	if (e == 0)
		e = page_import_pulled(s->db, s->cfg, src->name, pages.v, pages.n, s->now,
				       &hook, &out->imported, &out->updated);
	out->pulled = pages.n;
	page_vec_free(&pages);
	if (e != 0)
		return e;
	snprintf(object, sizeof object, "pages:%s", src->name);
	return svc_audit(s, "page.pull", object, NULL, NULL);
}

static const char *
handle_of(const struct person *v, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].id == id)
			return v[i].handle;
	return NULL;
}

int
pages_month_open(const struct svc *s, int year, int month, struct pages_month *out)
{
	int r;

	memset(out, 0, sizeof *out);
	if ((r = report_zone(s->cfg, &out->zone, NULL)) != 0)
		return r;
	if (year == 0 && (r = report_month_now(s->cfg, s->now, &year, &month)) != 0)
		return r;
	out->year = year;
	out->month = month;
	return store_person_list(s->db, &out->people, &out->n_people);
}

/* Hands a page read by store_page_each on with its people's handles. */
struct pages_each_arg {
	const struct pages_month *m;
	store_row_fn *fn;
	void *arg;
};

static int
page_with_handles(void *row, void *arg)
{
	const struct pages_each_arg *a = arg;
	const struct page *p = row;
	struct page_listed l = {
		.page = p,
		.responder = handle_of(a->m->people, a->m->n_people, p->responder_id),
		.escalation = handle_of(a->m->people, a->m->n_people, p->escalation_person_id),
	};

	return a->fn(&l, a->arg);
}

int
pages_each(const struct svc *s, const struct pages_month *m, store_row_fn *fn, void *arg)
{
	struct pages_each_arg a = { m, fn, arg };

	return store_page_each(s->db, report_month_start(m->zone, m->year, m->month, 0),
			       report_month_start(m->zone, m->year, m->month, 1),
			       page_with_handles, &a);
}

/* Keeps each page of a pages_list in its arrays. */
static int
keep_page(void *row, void *arg)
{
	const struct page_listed *l = row;
	struct pages_month *m = arg;
	size_t n = m->n;

	m->v = xpush(m->v, &m->n, sizeof *m->v);
	m->v[n] = *l->page;
	m->responder = xreallocarray(m->responder, m->n, sizeof *m->responder);
	m->escalation = xreallocarray(m->escalation, m->n, sizeof *m->escalation);
	m->responder[n] = l->responder;
	m->escalation[n] = l->escalation;
	return 0;
}

int
pages_list(const struct svc *s, int year, int month, struct pages_month *out)
{
	int r;

	if ((r = pages_month_open(s, year, month, out)) != 0 ||
	    (r = pages_each(s, out, keep_page, out)) != 0)
		return r;
	return 0;
}

void
pages_month_free(struct pages_month *m)
{
	free(m->v);
	free(m->responder);
	free(m->escalation);
	free(m->people);
	memset(m, 0, sizeof *m);
}
