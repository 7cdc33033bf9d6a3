/* Page import from CSV exports. See page-import.h. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "common/err.h"
#include "common/text.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "common/xalloc.h"
#include "reports/classify.h"
#include "reports/responder.h"
#include "reports/csv.h"
#include "reports/page-import.h"

/* Rows read with the secondary indexes in place before the store is
 * told how many more are coming (store_page_bulk_plan). */
#define PLAN_AFTER 2048
/* Rows between two calls of the progress bar. */
#define PROGRESS_EVERY 4096
/* Slots of the cache of responder names (a power of two). */
#define NAMES_CACHED 256
/* The on-call windows of a rotation covering out of hours are asked for
 * this long a stretch at a time: pages in time order ask about once a
 * month, not once a page. */
#define WINDOWS_CHUNK (28 * 86400)

static const char *const format_names[] = {
	[PAGE_FORMAT_GUESS] = NULL,
	[PAGE_FORMAT_PAGERDUTY] = "pagerduty",
	[PAGE_FORMAT_OPSGENIE] = "opsgenie",
	[PAGE_FORMAT_GENERIC] = "generic",
};

const char *
page_format_name(enum page_format f)
{
	return (unsigned)f < 4 ? format_names[f] : NULL;
}

int
page_format_parse(const char *s, enum page_format *out)
{
	for (int i = 1; i < 4; i++)
		if (strcmp(s, format_names[i]) == 0) {
			*out = (enum page_format)i;
			return 0;
		}
	return -1;
}

/* -- times -- */

static int
digits(const char **s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		unsigned d = (unsigned)((unsigned char)**s - '0');

		if (d > 9)          /* isdigit() without its table look-up */
			return -1;
		v = v * 10 + (int)d;
		(*s)++;
	}
	*out = v;
	return 0;
}

/* Two digits at S, or -1. */
static int
two(const char *s)
{
	unsigned a = (unsigned)((unsigned char)s[0] - '0'), b = (unsigned)((unsigned char)s[1] - '0');

	return a <= 9 && b <= 9 ? (int)(a * 10 + b) : -1;
}

/* Speed: the form nearly every export writes, "2027-01-04T03:12:00Z",
 * read in one go. 0 (*out set), -1 (that form, out of range), or 1
 * (another form: the general reader decides). */
static int
utc_seconds_form(const char *s, int64_t *out)
{
	int c1 = two(s), c2 = two(s + 2), mo, d, h, mi, sec;

	if (c1 < 0 || c2 < 0 || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
	    s[13] != ':' || s[16] != ':' || s[19] != 'Z' || s[20] != '\0' ||
	    (mo = two(s + 5)) < 0 || (d = two(s + 8)) < 0 || (h = two(s + 11)) < 0 ||
	    (mi = two(s + 14)) < 0 || (sec = two(s + 17)) < 0)
		return 1;
	if (mo < 1 || mo > 12 || d < 1 || d > civil_days_in_month(c1 * 100 + c2, mo) ||
	    h > 23 || mi > 59 || sec > 60)
		return -1;
	if (sec == 60)
		sec = 59;           /* a leap second: the second before */
	*out = days_from_civil(c1 * 100 + c2, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
	return 0;
}

int
page_time_parse(const char *s, int64_t *out)
{
	int y, mo, d, h, mi, sec = 0, oh = 0, om = 0, sign = 0;

	if (strlen(s) == 20 && (y = utc_seconds_form(s, out)) <= 0)
		return y < 0 || time_in_range(*out) ? y : TIME_OUT_OF_RANGE;

	if (digits(&s, 4, &y) < 0 || *s++ != '-' || digits(&s, 2, &mo) < 0 ||
	    *s++ != '-' || digits(&s, 2, &d) < 0 || (*s != 'T' && *s != 't' && *s != ' '))
		return -1;
	s++;
	if (digits(&s, 2, &h) < 0 || *s++ != ':' || digits(&s, 2, &mi) < 0)
		return -1;
	if (*s == ':') {
		s++;
		if (digits(&s, 2, &sec) < 0)
			return -1;
		if (*s == '.' || *s == ',') {
			s++;
			if (!isdigit((unsigned char)*s))
				return -1;
			while (isdigit((unsigned char)*s))
				s++;
		}
	}
	if (*s == 'Z' || *s == 'z') {
		s++;
	} else if (*s == '+' || *s == '-') {
		sign = *s++ == '-' ? -1 : 1;
		if (digits(&s, 2, &oh) < 0)
			return -1;
		if (*s == ':')
			s++;
		if (isdigit((unsigned char)*s) && digits(&s, 2, &om) < 0)
			return -1;
		if (oh > 23 || om > 59)
			return -1;
	} else {
		return -1;          /* no offset: which zone would it be? */
	}
	if (*s != '\0' || mo < 1 || mo > 12 || d < 1 || d > civil_days_in_month(y, mo) ||
	    h > 23 || mi > 59 || sec > 60)
		return -1;
	if (sec == 60)
		sec = 59;           /* a leap second: the second before */
	*out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
	       sign * (oh * 3600 + om * 60);
	return time_in_range(*out) ? 0 : TIME_OUT_OF_RANGE;
}

/* Epoch milliseconds (Opsgenie) or an ISO 8601 instant. */
static int
time_or_millis(const char *s, int64_t *out)
{
	char *end;
	long long v;

	if (*s != '\0' && strspn(s, "0123456789") == strlen(s)) {
		errno = 0;
		v = strtoll(s, &end, 10);
		if (errno != 0 || v < 0)
			return -1;
		*out = v / 1000;
		return time_in_range(*out) ? 0 : TIME_OUT_OF_RANGE;
	}
	return page_time_parse(s, out);
}

/* The longest a page may take to be acknowledged or resolved. */
#define DURATION_MAX_SECONDS (3650.0 * 86400)   /* ten years */

/* A whole number of seconds (or milliseconds / DIV) after the creation,
 * from 0 to DURATION_MAX_SECONDS: NaN, infinities, negative and larger
 * numbers are refused (converting them to int64_t is undefined). */
static int
duration(const char *s, int div, int64_t *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end != '\0' || errno != 0 ||
	    !(v >= 0 && v / div <= DURATION_MAX_SECONDS))
		return -1;
	*out = (int64_t)(v / div);
	return 0;
}

static int
boolean(const char *s, bool *out)
{
	static const char *const yes[] = { "true", "yes", "1", "y", "t" };
	static const char *const no[] = { "false", "no", "0", "n", "f", "" };

	/* The usual spellings first, exactly. */
	if (strcmp(s, "false") == 0 || *s == '\0')
		return *out = false, 0;
	if (strcmp(s, "true") == 0)
		return *out = true, 0;
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (strcasecmp(s, yes[i]) == 0)
			return *out = true, 0;
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (strcasecmp(s, no[i]) == 0)
			return *out = false, 0;
	return -1;
}

/* -- columns -- */

enum role { C_ID, C_ID2, C_CREATED, C_ACK, C_RESOLVED, C_RESPONDER, C_RESPONDER2,
	    C_SERVICE, C_ALERT, C_URGENCY, C_ESCALATED, C_RUNBOOK, C_ACKED, N_ROLES };

/* Header names of each role, per format (NULL: the format has none). */
static const char *const headers[4][N_ROLES] = {
	[PAGE_FORMAT_GENERIC] = {
		[C_ID] = "id", [C_CREATED] = "created_at", [C_ACK] = "acknowledged_at",
		[C_RESOLVED] = "resolved_at", [C_RESPONDER] = "responder",
		[C_SERVICE] = "service", [C_ALERT] = "alert", [C_URGENCY] = "urgency",
		[C_ESCALATED] = "escalated", [C_RUNBOOK] = "runbook_url",
	},
	[PAGE_FORMAT_PAGERDUTY] = {
		[C_ID] = "id", [C_ID2] = "incident_number", [C_CREATED] = "created_on",
		[C_ACK] = "seconds_to_first_ack", [C_RESOLVED] = "seconds_to_resolve",
		[C_RESPONDER] = "acknowledged_by_user_names",
		[C_RESPONDER2] = "assigned_to_user_names", [C_SERVICE] = "service_name",
		[C_ALERT] = "description", [C_URGENCY] = "urgency",
		[C_ESCALATED] = "escalation_count", [C_RUNBOOK] = "runbook_url",
	},
	[PAGE_FORMAT_OPSGENIE] = {
		[C_ID] = "id", [C_ID2] = "tinyId", [C_CREATED] = "createdAt",
		[C_ACK] = "report.ackTime", [C_RESOLVED] = "report.closeTime",
		[C_RESPONDER] = "report.acknowledgedBy", [C_RESPONDER2] = "owner",
		[C_SERVICE] = "teams", [C_ALERT] = "message", [C_URGENCY] = "priority",
		[C_RUNBOOK] = "runbook_url", [C_ACKED] = "acknowledged",
	},
};

static int
find_header(char **f, size_t n, const char *name)
{
	if (name == NULL)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *h = f[i];

		while (*h == ' ')
			h++;
		if (strncasecmp(h, name, strlen(name)) == 0 &&
		    strspn(h + strlen(name), " ") == strlen(h + strlen(name)))
			return (int)i;
	}
	return -1;
}

static enum page_format
guess(char **f, size_t n)
{
	if (find_header(f, n, "created_on") >= 0 || find_header(f, n, "incident_number") >= 0)
		return PAGE_FORMAT_PAGERDUTY;
	if (find_header(f, n, "createdAt") >= 0 || find_header(f, n, "tinyId") >= 0)
		return PAGE_FORMAT_OPSGENIE;
	if (find_header(f, n, "created_at") >= 0)
		return PAGE_FORMAT_GENERIC;
	return PAGE_FORMAT_GUESS;
}

/* -- who and when -- */

struct rotation_shifts {
	int64_t rotation_id;
	struct shift *v;
	size_t n;
	struct time_span *win;          /* on-call windows in [win_from, win_to) */
	size_t nwin;
	int64_t win_from, win_to;
};

/* A responder field as the file writes it, and whom it named. */
struct named {
	char key[NAME_MAX_];
	struct person *who;
	char as_named[NAME_MAX_];
};

struct import {
	struct store *s;
	const struct config *cfg;
	const char *path;
	enum page_format format;
	int col[N_ROLES];
	size_t n_cols;
	struct person *people;
	size_t n_people;
	struct responder_cals cals;     /* who was where and asleep when */
	struct office *offices;
	size_t n_offices;
	struct holiday *holidays;
	size_t n_holidays;
	struct rotation *rotations;
	size_t n_rotations;
	struct rotation_shifts *shifts;
	size_t n_shifts;
	struct named *names;            /* NAMES_CACHED slots, or NULL */
	const struct oncall_hook *hook;
	long line;
};

static void
trim(char *s)
{
	size_t n = strlen(s);
	size_t lead = strspn(s, " \t");

	while (n > lead && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	memmove(s, s + lead, n - lead);
	s[n - lead] = '\0';
}

static int bad(struct import *im, const char *fmt, ...) ROTA_PRINTF(2, 3);

/* The person NAME names: handle, then name, then email, ignoring case. */
static struct person *
match_person(struct import *im, const char *name)
{
	static const size_t offs[] = { offsetof(struct person, handle),
				       offsetof(struct person, name),
				       offsetof(struct person, email) };

	for (size_t k = 0; k < 3; k++)
		for (size_t i = 0; i < im->n_people; i++)
			if (strcasecmp((const char *)&im->people[i] + offs[k], name) == 0)
				return &im->people[i];
	return NULL;
}

/* NAMES may list several people ("Ana Lopez, Bo Chen"): the first one.
 * *found is NULL when NAMES is empty; an unmatched name is an error. */
static int
responder_named(struct import *im, const char *names, struct person **found,
		char *as_named, size_t len)
{
	char first[NAME_MAX_];
	char *comma;
	struct named *slot = NULL;

	*found = NULL;
	/* Speed: a file names the same few people over and over; a name
	 * matched once is looked up by its exact text (a hash of it), not
	 * compared again with every person's handle, name and email. */
	if (im->names != NULL && strlen(names) < sizeof slot->key) {
		uint32_t h = 2166136261u;

		for (const unsigned char *c = (const unsigned char *)names; *c; c++)
			h = (h ^ *c) * 16777619u;
		slot = &im->names[h & (NAMES_CACHED - 1)];
		if (slot->who != NULL && strcmp(slot->key, names) == 0) {
			*found = slot->who;
			text_copy(as_named, len, slot->as_named);
			return 0;
		}
	}
	text_copy(first, sizeof first, names);
	trim(first);
	if (first[0] == '\0')
		return 0;
	if ((*found = match_person(im, first)) == NULL &&
	    (comma = strchr(first, ',')) != NULL) {
		*comma = '\0';
		trim(first);
		*found = match_person(im, first);
	}
	text_copy(as_named, len, first);
	if (*found == NULL)
		return bad(im, "unknown responder '%s' (see rota person list)", first);
	if (slot != NULL) {
		text_copy(slot->key, sizeof slot->key, names);
		text_copy(slot->as_named, sizeof slot->as_named, first);
		slot->who = *found;
	}
	return 0;
}

static struct rotation *
rotation_named(struct import *im, const char *name)
{
	for (size_t i = 0; i < im->n_rotations; i++)
		if (strcmp(im->rotations[i].name, name) == 0)
			return &im->rotations[i];
	return NULL;
}

/* The rotation of SERVICE in tier TIER: [service "NAME"] KEY, else the
 * only rotation of the tier. *out NULL when there is none. */
static int
service_rotation(struct import *im, const char *service, enum tier tier,
		 struct rotation **out)
{
	const char *key = tier == TIER_PRIMARY ? "rotation" : "escalation";
	const char *name = NULL;
	long line = 0;

	*out = NULL;
	if (service[0] != '\0')
		name = config_get(im->cfg, "service", service, key, &line);
	if (name != NULL) {
		if ((*out = rotation_named(im, name)) == NULL)
			return rota_fail_at(EX_CONFIG, config_path(im->cfg), line,
					    "unknown rotation '%s' for service '%s' "
					    "(see rota rotation list)", name, service);
		return 0;
	}
	for (size_t i = 0; i < im->n_rotations; i++)
		if (im->rotations[i].tier == tier) {
			if (*out != NULL) {
				*out = NULL;
				return 0;   /* several: ambiguous */
			}
			*out = &im->rotations[i];
		}
	return 0;
}

/* The shifts (and windows) of rotation R, loaded the first time. */
static int
rotation_slot(struct import *im, const struct rotation *r, struct rotation_shifts **out)
{
	struct shift_filter f = { .rotation_id = r->id };
	struct rotation_shifts *rs;
	int e;

	for (size_t i = 0; i < im->n_shifts; i++)
		if (im->shifts[i].rotation_id == r->id)
			return *out = &im->shifts[i], 0;
	im->shifts = xreallocarray(im->shifts, im->n_shifts + 1, sizeof *im->shifts);
	rs = &im->shifts[im->n_shifts++];
	memset(rs, 0, sizeof *rs);
	rs->rotation_id = r->id;
	if ((e = store_shift_list(im->s, &f, &rs->v, &rs->n)) != 0) {
		rs->v = NULL;
		rs->n = 0;
		return e;
	}
	*out = rs;
	return 0;
}

/* Who is on call in ROTATION at T (0: nobody). */
static int
on_call(struct import *im, const struct rotation *r, int64_t t, int64_t *person)
{
	struct rotation_shifts *rs;
	size_t lo, hi;
	int e;

	*person = 0;
	if ((e = rotation_slot(im, r, &rs)) != 0)
		return e;
	/* Shifts are sorted by start: the last one started by T. */
	lo = 0;
	hi = rs->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (rs->v[mid].start <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo; i-- > 0;) {
		if (rs->v[i].cancelled)
			continue;
		if (rs->v[i].end > t)
			*person = rs->v[i].person_id;
		break;
	}
	return 0;
}

/* Whether T is in the service owners' hours for rotation R: it covers
 * out of hours and is not on call then. A rotation covering every hour
 * asks nothing. */
static int
owners_hours(struct import *im, const struct rotation *r, int64_t t, bool *owners)
{
	struct rotation_shifts *rs;
	int e;

	*owners = false;
	if (!r->out_of_hours || im->hook == NULL)
		return 0;
	if ((e = rotation_slot(im, r, &rs)) != 0)
		return e;
	if (t < rs->win_from || t >= rs->win_to) {
		int64_t rest = t % WINDOWS_CHUNK;

		free(rs->win);
		rs->win = NULL;
		rs->nwin = 0;
		rs->win_from = t - (rest < 0 ? rest + WINDOWS_CHUNK : rest);
		rs->win_to = rs->win_from;      /* nothing held until it is */
		if ((e = im->hook->windows(im->hook->arg, r, rs->win_from,
					   rs->win_from + WINDOWS_CHUNK, &rs->win, &rs->nwin)) != 0)
			return e;
		rs->win_to = rs->win_from + WINDOWS_CHUNK;
	}
	*owners = time_spans_within(rs->win, rs->nwin, t, t + 1) == 0;
	return 0;
}

static struct person *
person_id(struct import *im, int64_t id)
{
	for (size_t i = 0; i < im->n_people; i++)
		if (im->people[i].id == id)
			return &im->people[i];
	return NULL;
}

/* The class of the page created at T to P: by what was in force for P
 * then (reports/responder.h). */
static int
classify(struct import *im, const struct person *p, int64_t t, enum page_class *out)
{
	return responder_classify(&im->cals, p->id, t, out);
}

/* -- rows -- */

static const char *
field(struct import *im, char **f, enum role r)
{
	return im->col[r] >= 0 ? f[im->col[r]] : "";
}

static int
bad(struct import *im, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (im->line == 0)  /* a pull: no file, no line */
		return rota_fail(EX_DATAERR, "%s: %s", im->path, msg);
	return rota_fail_at(EX_DATAERR, im->path, im->line, "%s", msg);
}

/* Field NAME's time S is outside the range rota keeps. */
static int
out_of_range(struct import *im, const char *name, const char *s)
{
	return bad(im, "%s '%s' is out of range: rota keeps times from "
		   ROTA_DATE_RANGE, name, s);
}

/* Gives escalated page P its escalation person: whoever was on call in
 * escalation rotation R at its creation, if a manager then (the flag in
 * force then, reports/responder.h: the tier is managers only). A holder
 * who was not is credited nothing, with a warning naming the page. */
static int
escalation_person(struct import *im, const struct rotation *r, struct page *p)
{
	struct responder_at then;
	const struct person *holder;
	char when[32], *where;
	int64_t pid;
	int e;

	if ((e = on_call(im, r, p->created, &pid)) != 0)
		return e;
	if ((holder = person_id(im, pid)) == NULL)
		return 0;
	if ((e = responder_at(&im->cals, pid, p->created, &then)) != 0)
		return e;
	if (then.attrs->is_manager) {
		p->escalation_person_id = pid;
		return 0;
	}
	/* Where, as bad() says it: a pull has no file and no line. */
	where = im->line > 0 ? xasprintf("%s:%ld", im->path, im->line) : xstrdup(im->path);
	time_format_local(p->created, tz_lookup_or_utc(r->tz), when, sizeof when);
	rota_warn("%s: page %s escalated at %s %s to %s, on call in rotation '%s', who was "
		  "not a manager then (the escalation tier is managers only): the escalation "
		  "is credited to nobody", where, p->source_id, when, r->tz, holder->handle,
		  r->name);
	free(where);
	return 0;
}

/* Gives P (whose fields are read) its responder: the person NAMED
 * names, else whoever was on call for its service then; its escalation
 * person when it escalated; and its class. */
static int
resolve(struct import *im, const char *named, struct page *p)
{
	struct person *who = NULL;
	struct rotation *rot, *erot;
	bool owners = false;
	int e;

	if ((e = responder_named(im, named, &who, p->responder_name,
				 sizeof p->responder_name)) != 0)
		return e;
	if ((e = service_rotation(im, p->service, TIER_PRIMARY, &rot)) != 0)
		return e;
	if (rot != NULL)
		p->rotation_id = rot->id;
	if (who == NULL && rot == NULL)
		return bad(im,
			"page %s names no responder and service '%s' has no rotation: "
			"set [service \"%s\"] rotation = NAME in rota.conf",
			p->source_id, p->service, p->service);
	if (who == NULL && (e = owners_hours(im, rot, p->created, &owners)) != 0)
		return e;
	if (who == NULL && !owners) {
		int64_t pid;

		if ((e = on_call(im, rot, p->created, &pid)) != 0)
			return e;
		if (pid == 0 || (who = person_id(im, pid)) == NULL) {
			char when[32];

			/* In the rotation's zone, as the schedule shows it. */
			time_format_local(p->created, tz_lookup_or_utc(rot->tz), when,
					  sizeof when);
			return bad(im,
				"page %s names no responder and nobody is on call in "
				"rotation '%s' at %s %s", p->source_id, rot->name, when,
				rot->tz);
		}
	}
	p->responder_id = who != NULL ? who->id : 0;
	if (p->escalated) {
		if ((e = service_rotation(im, p->service, TIER_ESCALATION, &erot)) != 0)
			return e;
		if (erot != NULL && (e = escalation_person(im, erot, p)) != 0)
			return e;
	}
	p->class = PAGE_IN_HOURS;
	if (who != NULL && (e = classify(im, who, p->created, &p->class)) != 0)
		return e;
	return 0;
}

/* The one rule for text (text_fault), on every field a page is read
 * from; columns rota does not read are not looked at. */
static int
check_text(struct import *im, char **f)
{
	char why[96];

	for (int r = 0; r < N_ROLES; r++)
		if (im->col[r] >= 0 && text_fault(f[im->col[r]],
						    r == C_ALERT ? TEXT_LINES : TEXT_LINE, why, sizeof why) != 0)
			return bad(im, "%s: %s", headers[im->format][r], why);
	return 0;
}

static int
read_row(struct import *im, char **f, struct page *p)
{
	const char *const *h = headers[im->format];
	const char *id, *v, *svc;
	int64_t t;
	bool b, acked = true;
	int tr, e;

	memset(p, 0, sizeof *p);
	if ((e = check_text(im, f)) != 0)
		return e;
	text_copy(p->source, sizeof p->source, format_names[im->format]);
	id = field(im, f, C_ID);
	if (*id == '\0')
		id = field(im, f, C_ID2);
	if (*id == '\0')
		return rota_fail_at(EX_DATAERR, im->path, im->line, "empty %s",
				    im->col[C_ID] >= 0 ? h[C_ID] : h[C_ID2]);
	/* The key of the page: refused, never cut (two ids cut to one
	 * would be one page). */
	if (strlen(id) >= sizeof p->source_id)
		return bad(im, "%s: %zu bytes, longer than the limit of %zu bytes",
			   im->col[C_ID] >= 0 ? h[C_ID] : h[C_ID2], strlen(id),
			   sizeof p->source_id - 1);
	text_copy(p->source_id, sizeof p->source_id, id);

	v = field(im, f, C_CREATED);
	tr = im->format == PAGE_FORMAT_OPSGENIE ? time_or_millis(v, &p->created) :
	     page_time_parse(v, &p->created);
	if (tr == TIME_OUT_OF_RANGE)
		return out_of_range(im, h[C_CREATED], v);
	if (tr < 0)
		return bad(im, "bad %s '%s': not an ISO 8601 time with a UTC offset "
			   "(2027-01-04T03:12:00Z)", h[C_CREATED], v);

	if (im->format == PAGE_FORMAT_OPSGENIE && im->col[C_ACKED] >= 0) {
		if (boolean(field(im, f, C_ACKED), &acked) < 0)
			return bad(im, "bad %s '%s': true or false", h[C_ACKED],
				   field(im, f, C_ACKED));
	}
	for (int k = 0; k < 2; k++) {
		enum role r = k == 0 ? C_ACK : C_RESOLVED;
		int64_t *dst = k == 0 ? &p->acknowledged : &p->resolved;

		v = field(im, f, r);
		if (*v == '\0')
			continue;
		if (im->format == PAGE_FORMAT_GENERIC) {
			if ((tr = page_time_parse(v, &t)) == TIME_OUT_OF_RANGE)
				return out_of_range(im, h[r], v);
			if (tr < 0)
				return bad(im, "bad %s '%s': not an ISO 8601 time with a "
					   "UTC offset (2027-01-04T03:12:00Z)", h[r], v);
		} else {
			int64_t d;

			if (duration(v, im->format == PAGE_FORMAT_OPSGENIE ? 1000 : 1, &d) < 0)
				return bad(im, "bad %s '%s': not a number of seconds", h[r], v);
			t = p->created + d;
			if (!time_in_range(t))
				return out_of_range(im, h[r], v);
		}
		if (t < p->created)
			return bad(im, "%s '%s' is before the page was created", h[r], v);
		*dst = t;
	}
	if (!acked)
		p->acknowledged = 0;
	p->acted = p->acknowledged != 0;

	text_copy(p->service, sizeof p->service, field(im, f, C_SERVICE));
	if (im->format == PAGE_FORMAT_OPSGENIE) {
		char *comma = strchr(p->service, ',');   /* teams: the first */

		if (comma != NULL)
			*comma = '\0';
	}
	trim(p->service);
	text_copy(p->alert, sizeof p->alert, field(im, f, C_ALERT));
	text_copy(p->urgency, sizeof p->urgency, field(im, f, C_URGENCY));
	text_copy(p->runbook_url, sizeof p->runbook_url, field(im, f, C_RUNBOOK));
	trim(p->runbook_url);
	v = field(im, f, C_ESCALATED);
	if (im->format == PAGE_FORMAT_PAGERDUTY) {
		char *end;
		long n = strtol(v, &end, 10);

		if (*v != '\0' && (*end != '\0' || n < 0))
			return bad(im, "bad %s '%s': a whole number", h[C_ESCALATED], v);
		p->escalated = n > 0;
	} else if (boolean(v, &b) < 0) {
		return bad(im, "bad %s '%s': true or false", h[C_ESCALATED], v);
	} else {
		p->escalated = b;
	}

	/* The responder: named, else on call for the service. */
	svc = field(im, f, C_RESPONDER);
	if (*svc == '\0' || (!acked && im->format == PAGE_FORMAT_OPSGENIE))
		svc = field(im, f, C_RESPONDER2);
	return resolve(im, svc, p);
}

static void
import_free(struct import *im)
{
	responder_cals_free(&im->cals);
	for (size_t i = 0; i < im->n_shifts; i++) {
		free(im->shifts[i].v);
		free(im->shifts[i].win);
	}
	free(im->shifts);
	free(im->names);
	free(im->people);
	free(im->offices);
	free(im->holidays);
	free(im->rotations);
}

static int
load(struct import *im)
{
	int e;

	if ((e = store_person_list(im->s, &im->people, &im->n_people)) != 0 ||
	    (e = store_office_list(im->s, &im->offices, &im->n_offices)) != 0 ||
	    (e = store_holiday_list(im->s, 0, NULL, NULL, &im->holidays,
				    &im->n_holidays)) != 0 ||
	    (e = store_rotation_list(im->s, &im->rotations, &im->n_rotations)) != 0)
		return e;
	responder_cals_init(&im->cals, im->s, im->offices, im->n_offices, im->holidays,
			    im->n_holidays);
	return 0;
}

static int
header(struct import *im, struct csv *c, enum page_format format)
{
	char **f;
	size_t n;
	int r = csv_next(c, &f, &n, &im->line);
	const char *const *h;

	if (r < 0)
		return rota_fail_at(EX_DATAERR, im->path, im->line, "%s", csv_error(c));
	if (r == 0)
		return rota_fail_at(EX_DATAERR, im->path, 1, "empty file: no header line");
	if (format == PAGE_FORMAT_GUESS && (format = guess(f, n)) == PAGE_FORMAT_GUESS)
		return rota_fail_at(EX_DATAERR, im->path, im->line,
			"cannot tell the format from the header: give --format "
			"pagerduty, opsgenie or generic");
	im->format = format;
	im->n_cols = n;
	h = headers[format];
	for (int k = 0; k < N_ROLES; k++)
		im->col[k] = find_header(f, n, h[k]);
	if (im->col[C_ID] < 0 && im->col[C_ID2] < 0)
		return rota_fail_at(EX_DATAERR, im->path, im->line,
				    "no '%s' column in the header (format %s)", h[C_ID],
				    format_names[format]);
	if (im->col[C_CREATED] < 0)
		return rota_fail_at(EX_DATAERR, im->path, im->line,
				    "no '%s' column in the header (format %s)", h[C_CREATED],
				    format_names[format]);
	return 0;
}

int
page_import(struct store *s, const struct config *cfg, const char *path,
	    enum page_format format, int64_t now, const struct oncall_hook *hook,
	    page_import_progress progress, struct page_import_result *out)
{
	struct import im = { .s = s, .cfg = cfg, .path = path, .hook = hook };
	struct page_bulk *bulk = NULL;
	size_t rows = 0, first = 0;
	struct csv *c;
	char **f;
	size_t n;
	int r, e = 0;

	memset(out, 0, sizeof *out);
	if ((c = csv_open(path)) == NULL)
		return rota_fail(EX_NOINPUT, "%s: cannot read: %s", path, strerror(errno));
	if ((e = header(&im, c, format)) != 0 || (e = load(&im)) != 0 ||
	    (e = store_page_bulk_begin(s, now, &bulk)) != 0)
		goto done;
	out->format = im.format;
	im.names = xcalloc(NAMES_CACHED, sizeof *im.names);
	first = csv_offset(c);
	while ((r = csv_next(c, &f, &n, &im.line)) != 0) {
		if (r < 0) {
			e = rota_fail_at(EX_DATAERR, path, im.line, "%s", csv_error(c));
			goto done;
		}
		if (n != im.n_cols) {
			e = rota_fail_at(EX_DATAERR, path, im.line,
					 "%zu fields where the header has %zu", n, im.n_cols);
			goto done;
		}
		if ((e = read_row(&im, f, store_page_bulk_slot(bulk))) != 0 ||
		    (e = store_page_bulk_push(bulk)) != 0)
			goto done;
		if (++rows == PLAN_AFTER) {
			/* The rest of the file at the bytes per row so far. */
			double per_row = (double)(csv_offset(c) - first) / (double)rows;

			if ((e = store_page_bulk_plan(bulk, (size_t)((double)(csv_size(c) -
						csv_offset(c)) / per_row))) != 0)
				goto done;
		}
		if (progress != NULL && rows % PROGRESS_EVERY == 0)
			progress(csv_offset(c), csv_size(c));
	}
	e = store_page_bulk_end(bulk, &out->imported);
	bulk = NULL;
	if (e != 0)
		goto done;
	if (progress != NULL)
		progress(csv_size(c), csv_size(c));
	out->pages = rows;
done:
	store_page_bulk_abort(bulk);
	csv_close(c);
	import_free(&im);
	return e;
}

int
page_import_pulled(struct store *s, const struct config *cfg, const char *source,
		   struct page *v, size_t n, int64_t now, const struct oncall_hook *hook,
		   size_t *imported, size_t *updated)
{
	struct import im = { .s = s, .cfg = cfg, .path = source, .hook = hook };
	int e;

	*imported = *updated = 0;
	if ((e = load(&im)) != 0)
		goto done;
	for (size_t i = 0; i < n && e == 0; i++) {
		char named[NAME_MAX_];

		text_copy(named, sizeof named, v[i].responder_name);
		v[i].responder_name[0] = '\0';
		e = resolve(&im, named, &v[i]);
	}
	if (e == 0)
		e = store_page_insert_many(s, v, n, now, imported);
	/* A page pulled before it was acknowledged or resolved is brought up
	 * to date by a later pull. */
	for (size_t i = 0; i < n && e == 0; i++) {
		bool changed = false;

		if (v[i].id == 0 && (e = store_page_refresh(s, &v[i], &changed)) == 0 && changed)
			++*updated;
	}
done:
	import_free(&im);
	return e;
}
