/* Calendar feeds: see feeds.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendars/feed.h"
#include "common/err.h"
#include "reports/month.h"
#include "service/feeds.h"
#include "service/oncall.h"
#include "service/privacy.h"

/* What the feeds ask about when holders are on call (fs->oncall): the
 * rotations, loaded once a build. */
struct oncall_source {
	struct store *db;
	struct rotation *rot;
	size_t n;
};

/* A feed_oncall_fn: the windows of a shift of an out-of-hours rotation,
 * as service/oncall.c says, and none to ask for on the others (their
 * holders are on call throughout: their feeds stay as they were). */
static int
shift_windows(void *arg, const struct shift *sh, bool *windows, struct time_span **v,
	      size_t *n)
{
	const struct oncall_source *src = arg;

	*windows = false;
	*v = NULL;
	*n = 0;
	for (size_t i = 0; i < src->n; i++) {
		if (src->rot[i].id != sh->rotation_id)
			continue;
		if (!src->rot[i].out_of_hours)
			return 0;
		*windows = true;
		return oncall_rotation_windows(src->db, &src->rot[i], sh->start, sh->end, v, n);
	}
	return 0;
}

/* The [feed] settings at the service's now, with on-call windows from
 * SRC (oncall_source_free() it). */
static int
settings_load(const struct svc *s, struct oncall_source *src, struct feed_settings *fs)
{
	int r;

	memset(src, 0, sizeof *src);
	src->db = s->db;
	if ((r = feed_settings_load(s->cfg, s->now, fs)) != 0 ||
	    (r = store_rotation_list(s->db, &src->rot, &src->n)) != 0)
		return r;
	fs->oncall = shift_windows;
	fs->oncall_arg = src;
	return 0;
}

static void
oncall_source_free(struct oncall_source *src)
{
	free(src->rot);
	src->rot = NULL;
}

/* *V, the shifts of PERSON_ID's feed, with the ones they gave away. */
static int
personal(const struct svc *s, int64_t person_id, int64_t now, struct shift **v, size_t *n)
{
	struct shift *rel = NULL, *all;
	size_t nrel = 0;
	int r;

	if ((r = store_feed_releases(s->db, person_id, now, &rel, &nrel)) != 0)
		return r;
	all = feed_personal(*v, *n, rel, nrel);
	free(*v);
	free(rel);
	*v = all;
	*n += nrel;
	return 0;
}

int
feed_export(const struct svc *s, const char *handle, const char *rotation, char **text,
	    size_t *events)
{
	struct feed_settings fs;
	struct oncall_source src;
	struct shift *v = NULL, *esc = NULL;
	size_t n = 0, nesc = 0;
	struct rotation rot;
	struct person p;
	char name[NAME_MAX_ + 16];
	int r;

	*text = NULL;
	*events = 0;
	if (handle != NULL) {
		if ((r = svc_find_person(s, handle, &p)) != 0 ||
		    (r = svc_require_private(s, "feed export --person", p.handle)) != 0)
			return r;
		snprintf(name, sizeof name, "On call \xe2\x80\x94 %s", p.name);
	} else {
		if ((r = svc_find_rotation(s, rotation, &rot)) != 0)
			return r;
		snprintf(name, sizeof name, "On call \xe2\x80\x94 %s", rot.name);
	}
	if ((r = settings_load(s, &src, &fs)) == 0 &&
	    (r = store_feed_shifts(s->db, handle ? p.id : 0, handle ? 0 : rot.id,
				   feed_window_start(&fs), fs.now, &v, &n)) == 0 &&
	    (r = store_feed_escalations(s->db, feed_window_start(&fs), &esc, &nesc)) == 0 &&
	    (handle == NULL || (r = personal(s, p.id, fs.now, &v, &n)) == 0))
		r = feed_build(name, v, n, esc, nesc, &fs, text, events);
	feed_cleanup();
	oncall_source_free(&src);
	free(v);
	free(esc);
	return r;
}

/* HANDLE (NULL: the actor), when the actor is them or a manager: WHAT
 * shows a personal feed's secret address. */
static int
feed_owner(const struct svc *s, const char *handle, const char *what, struct person *out)
{
	int r;

	/* Read afresh, not from the actor: its token may have changed since
	 * the actor was resolved. */
	if (handle == NULL && (r = svc_require_person(s)) != 0)
		return r;
	if ((r = svc_find_person(s, handle != NULL ? handle : s->actor->person.handle,
				 out)) != 0)
		return r;
	return svc_require_private(s, what, out->handle);
}

/* [feed] base_url + "/" + token + ".ics", or "" when base_url is unset. */
static void
address_of(const struct svc *s, struct feed_address *a)
{
	const char *base = config_get(s->cfg, "feed", NULL, "base_url", NULL);
	size_t n;

	a->url[0] = '\0';
	if (base == NULL || *base == '\0' || a->person.feed_token[0] == '\0')
		return;
	n = strlen(base);
	while (n > 0 && base[n - 1] == '/')
		n--;
	snprintf(a->url, sizeof a->url, "%.*s/%s.ics", (int)n, base, a->person.feed_token);
}

int
feed_address(const struct svc *s, const char *handle, struct feed_address *out)
{
	const char *base;
	int r;

	if ((r = feed_owner(s, handle, "feed url", &out->person)) != 0)
		return r;
	base = config_get(s->cfg, "feed", NULL, "base_url", NULL);
	if (base == NULL || *base == '\0')
		return rota_fail(EX_CONFIG, "feed url: [feed] base_url is not set: set it to the "
				 "public address of the folder rota publish --dir writes");
	if ((r = feed_token_ensure(s->db, &out->person)) != 0)
		return r;
	address_of(s, out);
	return 0;
}

int
feed_rotate_token(const struct svc *s, const char *handle, struct feed_address *out)
{
	int r;

	if ((r = feed_owner(s, handle, "feed rotate-token", &out->person)) != 0)
		return r;
	out->person.feed_token[0] = '\0';
	if ((r = feed_token_ensure(s->db, &out->person)) != 0)
		return r;
	address_of(s, out);
	/* The audit trail says that it happened, never what the token is. */
	return svc_audit(s, "feed.rotate-token", out->person.handle, NULL, NULL);
}

int
feed_publish_dir(const struct svc *s, const char *dir, publish_progress progress, void *arg,
		 struct publish_stats *out)
{
	struct feed_settings fs;
	struct oncall_source src;
	int r;

	if ((r = svc_require_manager(s, "publish")) != 0)
		return r;
	if ((r = settings_load(s, &src, &fs)) == 0 &&
	    (r = report_zone(s->cfg, &fs.zone, &fs.zone_name)) == 0)
		r = publish_dir(s->db, &fs, dir, progress, arg, out);
	oncall_source_free(&src);
	return r;
}

int
feed_publish_caldav(const struct svc *s, const char *url, struct caldav_summary *out)
{
	struct feed_settings fs;
	struct oncall_source src;
	int r;

	if ((r = svc_require_manager(s, "publish")) != 0)
		return r;
	if ((r = settings_load(s, &src, &fs)) == 0)
		r = caldav_publish(s->db, s->cfg, url, &fs, out);
	oncall_source_free(&src);
	return r;
}
