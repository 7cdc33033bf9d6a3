/* Notifications: what is due, its record, and sending it (see notify.h). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "notify/notify.h"
#include "common/err.h"
#include "common/secret.h"
#include "common/tz.h"
#include "common/xalloc.h"
#include "reports/findings.h"
#include "reports/month.h"
#include "reports/monthly.h"

/* -- configuration -- */

static int
get_bool(const struct config *cfg, const char *key, bool def, bool *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	long line = 0;
	const char *v = config_get(cfg, "notify", NULL, key, &line);

	*out = def;
	if (v == NULL)
		return 0;
	for (size_t i = 0; i < 4; i++) {
		if (strcasecmp(v, yes[i]) == 0) {
			*out = true;
			return 0;
		}
		if (strcasecmp(v, no[i]) == 0) {
			*out = false;
			return 0;
		}
	}
	return rota_fail_at(EX_CONFIG, config_path(cfg), line,
			    "%s must be yes or no, not '%s'", key, v);
}

static char *
get_str(const struct config *cfg, const char *key)
{
	const char *v = config_get(cfg, "notify", NULL, key, NULL);

	return v != NULL && v[0] != '\0' ? xstrdup(v) : NULL;
}

static int
need(const struct config *cfg, const char *what, const char *key, const char *v)
{
	if (v != NULL)
		return 0;
	return rota_fail(EX_CONFIG, "%s is on but [notify] %s is not set (see rota.conf(5))%s",
			 what, key, config_path(cfg) != NULL ? "" : "; no configuration file was read");
}

/* A user name and password go only over TLS: an smtps:// URL, or
 * smtp:// with starttls = yes (which refuses a server without it).
 * Otherwise AUTH would send the password in the clear. */
static int
smtp_login_encrypted(const struct notify_config *c)
{
	if (c->username == NULL || c->starttls ||
	    strncasecmp(c->smtp_url, "smtps://", 8) == 0)
		return 0;
	return rota_fail(EX_CONFIG, "[notify] username is set but smtp_url %s is not "
			 "encrypted: the password would be sent in the clear; set "
			 "[notify] starttls = yes, or use an smtps:// smtp_url", c->smtp_url);
}

static int
load_sending(const struct config *cfg, struct notify_config *c)
{
	const char *env;
	char addr[EMAIL_MAX];
	int r = 0;

	if (c->webhook) {
		env = getenv("ROTA_WEBHOOK_URL");
		if (env != NULL && env[0] != '\0') {
			free(c->webhook_url);
			c->webhook_url = xstrdup(env);
		}
		if (c->webhook_url == NULL)
			return rota_fail(EX_CONFIG, "the webhook is on but there is no URL: "
					 "set $ROTA_WEBHOOK_URL or [notify] webhook_url");
		/* The address is a secret: never repeated in a message. */
		if (strncasecmp(c->webhook_url, "https://", 8) != 0 &&
		    strncasecmp(c->webhook_url, "http://", 7) != 0)
			return rota_fail(EX_CONFIG, "the webhook URL must start with https:// "
					 "(or http://)");
	}
	if (!c->email)
		return 0;
	if ((r = need(cfg, "email", "smtp_url", c->smtp_url)) != 0 ||
	    (r = need(cfg, "email", "from", c->from)) != 0)
		return r;
	if (strncasecmp(c->smtp_url, "smtp://", 7) != 0 &&
	    strncasecmp(c->smtp_url, "smtps://", 8) != 0)
		return rota_fail(EX_CONFIG, "[notify] smtp_url must start with smtp:// or "
				 "smtps://, not '%s'", c->smtp_url);
	if (mail_address(c->from, addr, sizeof addr) != 0)
		return rota_fail(EX_CONFIG, "[notify] from holds no address: '%s' "
				 "(write name@example.com or Name <name@example.com>)", c->from);
	if ((r = secret_get(cfg, "ROTA_SMTP_PASSWORD", "notify", "password_file",
			    &c->password)) != 0)
		return r;
	if (c->username != NULL && c->password == NULL)
		return rota_fail(EX_CONFIG, "[notify] username is set but there is no "
				 "password: set $ROTA_SMTP_PASSWORD or [notify] password_file");
	return smtp_login_encrypted(c);
}

int
notify_config_load(const struct config *cfg, bool for_sending, struct notify_config *c)
{
	int r;

	memset(c, 0, sizeof *c);
	c->cfg = cfg;
	if ((r = get_bool(cfg, "email", false, &c->email)) != 0 ||
	    (r = get_bool(cfg, "webhook", false, &c->webhook)) != 0 ||
	    (r = get_bool(cfg, "starttls", false, &c->starttls)) != 0 ||
	    (r = get_bool(cfg, "shift_news", true, &c->shift_news)) != 0 ||
	    (r = config_get_int(cfg, "notify", NULL, "lead_minutes", 60, 1, 7 * 24 * 60,
				&c->lead_minutes)) != 0 ||
	    (r = config_get_int(cfg, "notify", NULL, "catch_up_hours", 24, 1, 24 * 366,
				&c->catch_up_hours)) != 0 ||
	    (r = config_get_int(cfg, "notify", NULL, "timeout_seconds", 30, 1, 3600,
				&c->timeout_seconds)) != 0 ||
	    (r = http_retry_load(cfg, NULL, &c->retry)) != 0)
		return r;
	c->webhook_url = get_str(cfg, "webhook_url");
	c->smtp_url = get_str(cfg, "smtp_url");
	c->from = get_str(cfg, "from");
	c->username = get_str(cfg, "username");
	c->ca_file = get_str(cfg, "ca_file");
	if (for_sending && (r = load_sending(cfg, c)) != 0) {
		notify_config_free(c);
		return r;
	}
	return 0;
}

void
notify_config_free(struct notify_config *c)
{
	free(c->webhook_url);
	free(c->smtp_url);
	free(c->from);
	free(c->username);
	secret_free(c->password);
	free(c->ca_file);
	memset(c, 0, sizeof *c);
}

/* -- what is due -- */

static int
add_row(struct store *s, const char *kind, const char *key, const char *channel,
	const char *recipient, const char *subject, const char *body, int64_t now,
	size_t *added)
{
	struct notification row = { 0 };
	bool fresh;
	int r;

	snprintf(row.kind, sizeof row.kind, "%s", kind);
	snprintf(row.dedup_key, sizeof row.dedup_key, "%s", key);
	snprintf(row.channel, sizeof row.channel, "%s", channel);
	snprintf(row.recipient, sizeof row.recipient, "%s", recipient);
	snprintf(row.subject, sizeof row.subject, "%s", subject);
	row.body = (char *)body;
	row.created = now;
	if ((r = store_notification_add(s, &row, &fresh)) != 0)
		return r;
	if (fresh && added != NULL)
		(*added)++;
	return 0;
}

/* The subject a chat text is listed by: the text, or its first line and
 * how many follow (a run's shift news has a line a week), so that a list
 * of notifications stays a line each. */
static void
chat_subject(const char *chat, char *buf, size_t len)
{
	const char *nl = strchr(chat, '\n');
	size_t more = 0;

	if (nl == NULL) {
		snprintf(buf, len, "%s", chat);
		return;
	}
	for (const char *p = nl; p != NULL; p = strchr(p + 1, '\n'))
		more++;
	snprintf(buf, len, "%.*s (+%zu more)", (int)(nl - chat), chat, more);
}

int
notify_enqueue(struct store *s, const struct notify_config *c, const struct notice *n,
	       int64_t now, size_t *added)
{
	char key[NOTICE_KEY_MAX + HANDLE_MAX + 16];
	char mailbox[NAME_MAX_ + EMAIL_MAX + 4];
	int r;

	for (size_t i = 0; c->email && i < n->nmail; i++) {
		const struct notice_mail *m = &n->mail[i];

		if (m->email[0] == '\0')
			continue;
		snprintf(key, sizeof key, "%s/email/%s", n->key, m->handle);
		if (m->name[0] != '\0')
			snprintf(mailbox, sizeof mailbox, "%s <%s>", m->name, m->email);
		else
			snprintf(mailbox, sizeof mailbox, "%s", m->email);
		if ((r = add_row(s, n->kind, key, "email", mailbox, m->subject, m->body,
				 now, added)) != 0)
			return r;
	}
	if (c->webhook && n->chat != NULL) {
		char subject[NOTICE_SUBJECT_MAX];

		snprintf(key, sizeof key, "%s/webhook", n->key);
		chat_subject(n->chat, subject, sizeof subject);
		if ((r = add_row(s, n->kind, key, "webhook", "webhook", subject, n->chat,
				 now, added)) != 0)
			return r;
	}
	return 0;
}

static int
enqueue_free(struct store *s, const struct notify_config *c, struct notice *n,
	     int64_t now, size_t *added)
{
	int r = notify_enqueue(s, c, n, now, added);

	notice_free(n);
	return r;
}

/* The shift of SH's rotation that runs up to SH's start (the one handing
 * over), or STORE_NOT_FOUND. */
static int
shift_before(struct store *s, const struct shift *sh, struct shift *out)
{
	struct shift_filter f = { .rotation_id = sh->rotation_id,
				  .from = sh->start - 1, .to = sh->start };
	struct shift *v;
	size_t n;
	int r = store_shift_list(s, &f, &v, &n);

	if (r != 0)
		return r;
	r = STORE_NOT_FOUND;
	for (size_t i = 0; i < n && r != 0; i++)
		if (v[i].id != sh->id && !v[i].cancelled && v[i].start < sh->start) {
			*out = v[i];
			r = 0;
		}
	free(v);
	return r;
}

/* Handoffs in (now, now + lead]: the past is never told. */
static int
collect_handoffs(struct store *s, const struct notify_config *c, int64_t now,
		 size_t *added)
{
	int64_t until = now + c->lead_minutes * 60;
	struct shift_filter f = { .from = now, .to = until + 1 };
	struct shift *v;
	size_t n;
	int r = store_shift_list(s, &f, &v, &n);

	for (size_t i = 0; i < n && r == 0; i++) {
		struct person in, outp;
		struct shift before;
		struct notice notice;
		bool has_out;

		if (v[i].cancelled || v[i].start <= now || v[i].start > until)
			continue;
		if ((r = store_person_get_id(s, v[i].person_id, &in)) != 0)
			break;
		r = shift_before(s, &v[i], &before);
		if (r > STORE_NOT_FOUND)
			break;
		has_out = r == 0;
		r = 0;
		if (has_out && before.person_id == v[i].person_id)
			continue;           /* no handoff: the same person carries on */
		if (has_out && (r = store_person_get_id(s, before.person_id, &outp)) != 0)
			break;
		notice_handoff(&v[i], &in, has_out ? &outp : NULL, &notice);
		r = enqueue_free(s, c, &notice, now, added);
	}
	free(v);
	return r;
}

/* Who is asked by open request W: its target, or every current member of
 * the term but the requester. */
static int
swap_audience(struct store *s, const struct swap *w, const struct shift *sh,
	      int64_t now, struct person **to, size_t *nto)
{
	struct membership *m;
	size_t nm;
	int r;

	*to = NULL;
	*nto = 0;
	if (w->target_id != 0) {
		*to = xcalloc(1, sizeof **to);
		if ((r = store_person_get_id(s, w->target_id, *to)) != 0) {
			free(*to);
			*to = NULL;
			return r;
		}
		*nto = 1;
		return 0;
	}
	if ((r = store_member_list(s, sh->term_id, &m, &nm)) != 0)
		return r;
	*to = xcalloc(nm + 1, sizeof **to);
	for (size_t i = 0; i < nm && r == 0; i++) {
		if (m[i].person_id == w->requester_id || m[i].joined > now || m[i].left <= now)
			continue;
		if ((r = store_person_get_id(s, m[i].person_id, &(*to)[*nto])) == 0)
			(*nto)++;
	}
	free(m);
	if (r != 0) {
		free(*to);
		*to = NULL;
		*nto = 0;
	}
	return r;
}

/* Swap requests opened, and answers given, in [now - catch_up, now]. */
static int
collect_swaps(struct store *s, const struct notify_config *c, int64_t now, size_t *added)
{
	int64_t since = now - c->catch_up_hours * 3600;
	struct swap *v;
	size_t n;
	int r = store_swap_list(s, 0, false, &v, &n);

	for (size_t i = 0; i < n && r == 0; i++) {
		const struct swap *w = &v[i];
		bool opened = w->state == SWAP_OPEN && w->created >= since && w->created <= now;
		bool answered = (w->state == SWAP_ACCEPTED || w->state == SWAP_DECLINED) &&
				w->decided >= since && w->decided <= now;
		struct person requester, *to;
		struct notice notice;
		struct shift sh;
		size_t nto;

		if (!opened && !answered)
			continue;
		if ((r = store_shift_get(s, w->shift_id, &sh)) != 0 ||
		    (r = store_person_get_id(s, w->requester_id, &requester)) != 0)
			break;
		if (answered) {
			notice_swap_answer(w, &sh, &requester, &notice);
			r = enqueue_free(s, c, &notice, now, added);
			continue;
		}
		if ((w->to ? w->to : sh.end) <= now)
			continue;           /* the time asked for has passed */
		if ((r = swap_audience(s, w, &sh, now, &to, &nto)) != 0)
			break;
		notice_swap_request(w, &sh, &requester, to, nto, &notice);
		free(to);
		r = enqueue_free(s, c, &notice, now, added);
	}
	free(v);
	return r;
}

/* Week W's parts now (not cancelled), into W's after. */
static int
news_after(struct store *s, struct week_news *w)
{
	struct held_part *v;
	struct shift *parts;
	size_t np, n = 0;
	int r = store_slot_shifts(s, w->week->term_id, w->week->slot, &parts, &np);

	if (r != 0)
		return r;
	v = xcalloc(np + 1, sizeof *v);
	for (size_t i = 0; i < np; i++)
		if (!parts[i].cancelled)
			v[n++] = (struct held_part){ parts[i].start, parts[i].end,
						     parts[i].person_id };
	free(parts);
	w->after = v;
	w->nafter = n;
	return 0;
}

static int
by_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* Every person the parts of W name, sorted by id. */
static int
news_people(struct store *s, const struct week_news *w, size_t nw, struct person **out,
	    size_t *nout)
{
	int64_t *ids = NULL;
	size_t nids = 0, n = 0;
	int r = 0;

	for (size_t k = 0; k < nw; k++) {
		for (size_t i = 0; i < w[k].nbefore; i++) {
			ids = xpush(ids, &nids, sizeof *ids);
			ids[nids - 1] = w[k].before[i].person_id;
		}
		for (size_t i = 0; i < w[k].nafter; i++) {
			ids = xpush(ids, &nids, sizeof *ids);
			ids[nids - 1] = w[k].after[i].person_id;
		}
	}
	if (nids > 0)
		qsort(ids, nids, sizeof *ids, by_id);
	*out = xcalloc(nids + 1, sizeof **out);
	for (size_t i = 0; i < nids && r == 0; i++)
		if ((i == 0 || ids[i] != ids[i - 1]) &&
		    (r = store_person_get_id(s, ids[i], &(*out)[n])) == 0)
			n++;
	free(ids);
	*nout = n;
	return r;
}

static void
news_free(struct week_news *w, size_t nw)
{
	for (size_t k = 0; k < nw; k++) {
		free((struct held_part *)w[k].before);
		free((struct held_part *)w[k].after);
	}
	free(w);
}

/* Tells the changed weeks WEEKS, their parts then and now read, in one
 * notice named by a new run. */
static int
tell_news(struct store *s, const struct notify_config *c, const struct told_week *weeks,
	  size_t nw, int64_t now, size_t *added)
{
	struct week_news *w = xcalloc(nw + 1, sizeof *w);
	struct person *people = NULL;
	struct notice notice;
	size_t np;
	int64_t run;
	int r = 0;

	for (size_t k = 0; k < nw && r == 0; k++) {
		struct held_part *before;

		w[k].week = &weeks[k];
		r = store_told_parts(s, weeks[k].term_id, weeks[k].slot, &before, &w[k].nbefore);
		w[k].before = before;
		if (r == 0)
			r = news_after(s, &w[k]);
	}
	if (r == 0 && (r = news_people(s, w, nw, &people, &np)) == 0 &&
	    (r = store_notify_run_add(s, now, &run)) == 0) {
		notice_shift_news(w, nw, people, np, now, run, &notice);
		r = enqueue_free(s, c, &notice, now, added);
	}
	free(people);
	news_free(w, nw);
	return r;
}

/* Shift news: every week whose parts have changed since rota notify last
 * told them (generation, override, swap: whatever changed them), and the
 * schedule of each term never told, told once and then recorded as told.
 * With shift_news off the weeks are recorded all the same, so that turning
 * it on tells only what changes after. */
static int
collect_shift_news(struct store *s, const struct notify_config *c, int64_t now,
		   size_t *added)
{
	struct told_week *weeks;
	size_t n;
	int r = store_told_changed(s, now, &weeks, &n);

	if (r == 0 && n > 0 && c->shift_news)
		r = tell_news(s, c, weeks, n, now, added);
	for (size_t k = 0; k < n && r == 0; k++)
		r = store_told_set(s, weeks[k].term_id, weeks[k].slot);
	free(weeks);
	return r;
}

static int collect_burnout(struct store *s, const struct notify_config *c, int64_t now,
			   size_t *added);

int
notify_collect(struct store *s, const struct notify_config *c, int64_t now, size_t *added)
{
	int r = collect_handoffs(s, c, now, added);

	if (r == 0)
		r = collect_swaps(s, c, now, added);
	if (r == 0)
		r = collect_shift_news(s, c, now, added);
	return r != 0 ? r : collect_burnout(s, c, now, added);
}

/* Enqueues burnout alert A by email to every manager (never to the chat:
 * see notify.h). C's email must be on. */
static int
enqueue_burnout(struct store *s, const struct notify_config *c,
		const struct burnout_alert *a, int64_t now, size_t *added)
{
	struct notify_config mail_only = *c;
	struct person *people, *managers;
	struct notice notice;
	size_t n, nm = 0;
	int r;

	mail_only.webhook = false;
	if ((r = store_person_list(s, &people, &n)) != 0)
		return r;
	managers = xcalloc(n + 1, sizeof *managers);
	for (size_t i = 0; i < n; i++)
		if (people[i].is_manager)
			managers[nm++] = people[i];
	notice_burnout(a, managers, nm, &notice);
	r = enqueue_free(s, &mail_only, &notice, now, added);
	free(managers);
	free(people);
	return r;
}

/* Every indicator red so far in the reporting month of NOW, for a person
 * or the team, as the report's findings tell them (monthly_red): told to
 * the managers once per person, indicator and month, so it goes out the
 * run after it turns red. */
static int
collect_burnout(struct store *s, const struct notify_config *c, int64_t now, size_t *added)
{
	struct red_indicator *v = NULL;
	struct local_time lt;
	const struct tz_zone *zone;
	size_t n = 0;
	int r;

	if (!c->email || c->cfg == NULL)
		return 0;
	if ((r = report_zone(c->cfg, &zone, NULL)) != 0)
		return r;
	tz_to_local(zone, now, &lt);
	if ((r = monthly_red(s, c->cfg, lt.year, lt.month, now, &v, &n)) != 0)
		return r;
	for (size_t i = 0; i < n && r == 0; i++) {
		struct burnout_alert a = {
			.handle = v[i].handle[0] ? v[i].handle : "team",
			.indicator = v[i].indicator, .month = v[i].month,
			.status = "red", .text = v[i].why,
		};

		r = enqueue_burnout(s, c, &a, now, added);
	}
	free(v);
	return r;
}

int
notify_burnout(struct store *s, const struct config *cfg, const struct burnout_alert *a,
	       int64_t now)
{
	struct notify_config c;
	int r;

	if ((r = notify_config_load(cfg, false, &c)) != 0)
		return r;
	if (c.email)
		r = enqueue_burnout(s, &c, a, now, NULL);
	notify_config_free(&c);
	return r;
}

/* -- sending -- */

/* Sends row N. 0, or -1 with the reason in ERR. */
static int
send_row(const struct notify_config *c, const struct notification *n, int64_t now,
	 char *err, size_t errlen)
{
	char addr[EMAIL_MAX], name[NAME_MAX_ + 4], msgid[EMAIL_MAX + 64];
	const char *lt;
	char *msg;
	int r;

	if (strcmp(n->channel, "webhook") == 0) {
		msg = webhook_payload(n->body);
		r = send_webhook(c, msg, err, errlen);
		free(msg);
		return r;
	}
	if (mail_address(n->recipient, addr, sizeof addr) != 0) {
		snprintf(err, errlen, "%.200s is not an email address", n->recipient);
		return -1;
	}
	name[0] = '\0';
	if ((lt = strrchr(n->recipient, '<')) != NULL) {
		size_t k = (size_t)(lt - n->recipient);

		while (k > 0 && n->recipient[k - 1] == ' ')
			k--;
		snprintf(name, sizeof name, "%.*s", (int)k, n->recipient);
	}
	mail_message_id(n->dedup_key, n->created, c->from, msgid, sizeof msgid);
	msg = mail_message(c->from, name, addr, n->subject, n->body, now, msgid);
	r = send_mail(c, addr, msg, err, errlen);
	free(msg);
	return r;
}

static bool
channel_on(const struct notify_config *c, const char *channel)
{
	return (strcmp(channel, "email") == 0 && c->email) ||
	       (strcmp(channel, "webhook") == 0 && c->webhook);
}

int
notify_run(struct store *s, const struct notify_config *c, int64_t now, bool dry_run,
	   struct notify_outcome *out)
{
	struct notification *v;
	size_t n, kept = 0;
	int r;

	memset(out, 0, sizeof *out);
	if ((r = store_begin(s)) != 0)
		return r;
	if ((r = notify_collect(s, c, now, &out->added)) != 0 ||
	    (!dry_run && (r = store_commit(s)) != 0)) {
		store_rollback(s);
		return r;
	}
	r = store_notification_due(s, &v, &n);
	if (dry_run)
		store_rollback(s);
	if (r != 0)
		return r;
	/* Rows of a channel turned off since they were recorded wait. */
	for (size_t i = 0; i < n; i++) {
		if (channel_on(c, v[i].channel))
			v[kept++] = v[i];
		else
			free(v[i].body);
	}
	out->v = v;
	out->n = kept;
	if (dry_run || kept == 0)
		return 0;
	for (size_t i = 0; i < kept && r == 0; i++) {
		struct notification *row = &v[i];
		char err[sizeof row->last_error];

		if (send_row(c, row, now, err, sizeof err) == 0) {
			r = store_notification_sent(s, row->id, now);
			row->state = NOTIFICATION_SENT;
			row->sent = now;
			row->last_error[0] = '\0';
		} else {
			r = store_notification_failed(s, row->id, err);
			row->state = NOTIFICATION_FAILED;
			snprintf(row->last_error, sizeof row->last_error, "%s", err);
			out->failed++;
		}
		row->attempts++;
	}
	return r;
}
