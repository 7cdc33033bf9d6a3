/* Reading a calendar into the spans of time it holds: see import.h.
 *
 * Three passes. A scan of the text itself unfolds lines, checks that
 * BEGIN/END nest and that every line is NAME:VALUE, and remembers the
 * line number of everything: libical keeps none. libical then parses the
 * scanned lines; its components are paired, in document order, with the
 * scanned blocks, so that each error it embeds (X-LIC-ERROR) and each
 * event can be given its line. Last, the events are read and expanded. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "calendars/import.h"
#include "common/err.h"
#include "common/text.h"
#include "common/tz-ical.h"
#include "common/xalloc.h"

#define DAY 86400
#define COMP_MAX 32
#define DEPTH_MAX 32

enum line_kind { LINE_PROPERTY, LINE_BEGIN, LINE_END };

struct line {
	long no;                        /* physical line of its first part */
	char *text;                     /* unfolded, NUL-terminated, in parse.buf */
	size_t len;
	size_t name_len;
	enum line_kind kind;
};

struct block {
	char name[COMP_MAX];
	size_t first, last;             /* lines of BEGIN and END */
	int depth;                      /* 0: a VCALENDAR */
};

/* One libical component and its block (SIZE_MAX: none found). */
struct pair {
	icalcomponent *c;
	size_t block;
};

struct parse {
	const char *name;
	const struct ics_options *o;
	const struct tz_zone *zone;
	char *buf;                      /* the unfolded lines, one after another */
	struct line *lines;
	size_t nl;
	size_t events;                  /* BEGIN:VEVENT lines so far */
	long stop_line;                 /* where libical stopped (parse_lines), or 0 */
	size_t stop_begin;              /* the line of its component's BEGIN */
	struct block *blocks;
	size_t nb;
	struct pair *pairs;
	size_t np;
	icalcomponent *root;
	struct ics_result *out;
	size_t cap;
	struct vtimezone {              /* the calendar's own zones, as read */
		icaltimezone *ical;
		struct tz_zone *zone;
	} *vtz;
	size_t nvtz;
};

/* A time of a property, resolved. */
struct when {
	struct icaltimetype t;          /* the fields as written */
	bool date;
	const struct tz_zone *zone;             /* the wall clock it is read in; UTC for "Z" */
	int64_t at;                     /* the instant */
};

/* One VEVENT. */
struct ev {
	icalcomponent *c;
	size_t block;
	long line;
	const char *uid;
	bool is_override;
	char rid[ICS_RID_MAX];          /* an override's RECURRENCE-ID, as a key */
	bool used;
};

static int
fail(struct parse *p, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int
fail(struct parse *p, long line, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return rota_fail_at(EX_DATAERR, p->name, line, "%s", msg);
}

/* --- the scan --- */

static bool
name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-';
}

/* Whether line L is BEGIN:VEVENT (any case, spaces around the value). */
static bool
begins_event(const struct line *l)
{
	const char *v = l->text + 6;
	size_t n;

	if (l->len < 12 || strncasecmp(l->text, "BEGIN:", 6) != 0)
		return false;
	while (*v == ' ')
		v++;
	n = strlen(v);
	while (n > 0 && v[n - 1] == ' ')
		n--;
	return n == 6 && strncasecmp(v, "VEVENT", 6) == 0;
}

/* The last line is whole (no continuation follows): counts its event,
 * and refuses the calendar as soon as it holds too many. */
static int
line_done(struct parse *p)
{
	struct line *l = &p->lines[p->nl - 1];

	/* Trailing white space is no part of it (as icalparser_get_line). */
	while (l->len > 0 && strchr(" \t\r\v\f", l->text[l->len - 1]) != NULL)
		l->text[--l->len] = '\0';

	if (begins_event(l) && ++p->events > ICS_MAX_EVENTS)
		return fail(p, l->no, "more than %d events: too many to import",
			    ICS_MAX_EVENTS);
	return 0;
}

/* Splits and unfolds TEXT into p->lines, their text in p->buf: one pass,
 * each byte copied once, so that time and memory grow with LEN alone.
 * Stops at the first line past a limit (ICS_MAX_LINES, ICS_MAX_EVENTS). */
static int
split(struct parse *p, const char *text, size_t len)
{
	const char *s = text, *end = text + len;
	char *w;
	size_t cap = 0;
	bool after_blank = true;
	long no = 0;
	int r;

	/* Each line's end (LF, or CR LF) leaves room for its NUL; the last
	 * line may have none. */
	w = p->buf = xmalloc(len + 1);
	/* A UTF-8 byte order mark is not part of the first line. */
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = (size_t)((nl ? nl : end) - s);

		no++;
		if (memchr(s, '\0', n) != NULL)
			return fail(p, no, "a NUL byte: this is not a text calendar");
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (n > 0 && (s[0] == ' ' || s[0] == '\t')) {
			if (after_blank)
				return fail(p, no, "a continuation line (it starts with a space) "
					    "follows no line");
			/* The last line's NUL is at w - 1: write over it. */
			memcpy(w - 1, s + 1, n - 1);
			w += n - 1;
			w[-1] = '\0';
			p->lines[p->nl - 1].len += n - 1;
		} else if (n == 0) {
			after_blank = true;
		} else {
			if (p->nl > 0 && (r = line_done(p)) != 0)
				return r;
			if (p->nl == ICS_MAX_LINES)
				return fail(p, no, "more than %ld lines: too many to import",
					    ICS_MAX_LINES);
			if (p->nl == cap) {
				cap = cap ? cap * 2 : 256;
				p->lines = xreallocarray(p->lines, cap, sizeof *p->lines);
			}
			memset(&p->lines[p->nl], 0, sizeof p->lines[p->nl]);
			p->lines[p->nl].no = no;
			p->lines[p->nl].text = w;
			p->lines[p->nl].len = n;
			p->nl++;
			memcpy(w, s, n);
			w += n;
			*w++ = '\0';
			after_blank = false;
		}
		s = nl ? nl + 1 : end;
	}
	return p->nl > 0 ? line_done(p) : 0;
}

/* Classifies the lines and builds the blocks: BEGIN/END must nest, the
 * outermost ones being VCALENDARs. */
static int
nest(struct parse *p)
{
	size_t stack[DEPTH_MAX], cap = 0;
	int depth = 0;

	if (p->nl == 0)
		return fail(p, 1, "empty: not an iCalendar calendar");
	for (size_t i = 0; i < p->nl; i++) {
		struct line *l = &p->lines[i];
		char comp[COMP_MAX];            /* of BEGIN/END, upper case */
		const char *v;
		size_t vn;

		while (name_char(l->text[l->name_len]))
			l->name_len++;
		if (l->name_len == 0 || (l->text[l->name_len] != ':' && l->text[l->name_len] != ';'))
			return fail(p, l->no, "%s: \"%.40s\"", i == 0 ?
				    "not an iCalendar calendar (BEGIN:VCALENDAR expected)" :
				    "not an iCalendar line (NAME:VALUE expected)", l->text);
		if (l->name_len == 5 && strncasecmp(l->text, "BEGIN", 5) == 0)
			l->kind = LINE_BEGIN;
		else if (l->name_len == 3 && strncasecmp(l->text, "END", 3) == 0)
			l->kind = LINE_END;
		if (l->kind == LINE_PROPERTY) {
			if (depth == 0)
				return fail(p, l->no, "%s", i == 0 ?
					    "not an iCalendar calendar (BEGIN:VCALENDAR expected)" :
					    "text after END:VCALENDAR");
			continue;
		}
		v = l->text + l->name_len + 1;
		while (*v == ' ')
			v++;
		vn = strlen(v);
		while (vn > 0 && v[vn - 1] == ' ')
			vn--;
		if (l->text[l->name_len] != ':' || vn == 0 || vn >= COMP_MAX)
			return fail(p, l->no, "bad %s line: \"%.40s\"",
				    l->kind == LINE_BEGIN ? "BEGIN" : "END", l->text);
		for (size_t k = 0; k < vn; k++)
			comp[k] = (char)(v[k] >= 'a' && v[k] <= 'z' ? v[k] - 32 : v[k]);
		comp[vn] = '\0';
		if (l->kind == LINE_BEGIN) {
			struct block *b;

			if (depth == 0 && strcmp(comp, "VCALENDAR") != 0)
				return fail(p, l->no, "%s%s", i == 0 ?
					    "not an iCalendar calendar: it starts with BEGIN:" :
					    "outside any VCALENDAR: BEGIN:", comp);
			if (depth == DEPTH_MAX)
				return fail(p, l->no, "components nested too deeply");
			if (p->nb == cap) {
				cap = cap ? cap * 2 : 64;
				p->blocks = xreallocarray(p->blocks, cap, sizeof *p->blocks);
			}
			b = &p->blocks[p->nb];
			memcpy(b->name, comp, sizeof b->name);
			b->first = i;
			b->last = p->nl;
			b->depth = depth;
			stack[depth++] = p->nb++;
		} else {
			const struct block *top;

			if (depth == 0)
				return fail(p, l->no, "END:%s closes nothing", comp);
			top = &p->blocks[stack[depth - 1]];
			if (strcmp(top->name, comp) != 0)
				return fail(p, l->no, "END:%s does not close BEGIN:%s of line %ld",
					    comp, top->name, p->lines[top->first].no);
			p->blocks[stack[--depth]].last = i;
		}
	}
	if (depth > 0) {
		const struct block *b = &p->blocks[stack[depth - 1]];

		return fail(p, p->lines[b->first].no, "BEGIN:%s is never closed (no END:%s)",
			    b->name, b->name);
	}
	return 0;
}

/* --- libical --- */

/* Adds C, a calendar libical has read, to the root: one calendar is the
 * root, several go under an XROOT (as icalparser_parse does). */
static void
add_root(struct parse *p, icalcomponent *c)
{
	icalcomponent *x;

	if (p->root == NULL) {
		p->root = c;
		return;
	}
	if (icalcomponent_isa(p->root) != ICAL_XROOT_COMPONENT) {
		x = icalcomponent_new(ICAL_XROOT_COMPONENT);
		icalcomponent_add_component(x, p->root);
		p->root = x;
	}
	icalcomponent_add_component(p->root, c);
}

/* Gives libical the scanned lines, one at a time, into p->root, so that
 * its components are the blocks; returns how many it was given. It stops
 * after the first line it refuses (a property removed, a line it cannot
 * read), closing the components open there with END lines of their
 * names, so that the tree is whole and the error in it: libical removes
 * a refused property by a search from the first of its component, and
 * every line after a refused one would cost the whole component again. */
static size_t
parse_lines(struct parse *p)
{
	icalerrorstate es = icalerror_get_error_state(ICAL_MALFORMEDDATA_ERROR);
	icalparser *ip = icalparser_new();
	size_t open[DEPTH_MAX], i;
	int depth = 0;

	icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, ICAL_ERROR_NONFATAL);
	for (i = 0; i < p->nl; i++) {
		const struct line *l = &p->lines[i];
		icalcomponent *c = icalparser_add_line(ip, l->text);

		/* nest() paired every BEGIN with its END: the blocks, in order. */
		if (l->kind == LINE_BEGIN)
			open[depth++] = i;
		else if (l->kind == LINE_END)
			depth--;
		if (c != NULL)
			add_root(p, c);
		if (icalparser_get_state(ip) == ICALPARSER_ERROR && depth > 0) {
			p->stop_line = l->no;
			p->stop_begin = open[depth - 1];
			i++;
			break;
		}
	}
	while (i < p->nl && depth > 0) {
		const struct line *b = &p->lines[open[--depth]];
		char *end = xasprintf("END%s", b->text + b->name_len);
		icalcomponent *c = icalparser_add_line(ip, end);

		free(end);
		if (c != NULL)
			add_root(p, c);
	}
	icalerror_set_error_state(ICAL_MALFORMEDDATA_ERROR, es);
	icalparser_free(ip);
	return i;
}

/* --- pairing libical's components with the blocks --- */

static void
push_pair(struct parse *p, icalcomponent *c, size_t block, size_t *cap)
{
	if (p->np == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		p->pairs = xreallocarray(p->pairs, *cap, sizeof *p->pairs);
	}
	p->pairs[p->np].c = c;
	p->pairs[p->np].block = block;
	p->np++;
}

/* Pairs C (at DEPTH) and its children with the next blocks of that name
 * before line LIMIT; libical drops components it does not know, so
 * blocks without a component are skipped. */
static void
pair_walk(struct parse *p, icalcomponent *c, int depth, size_t *cursor, size_t limit,
	  size_t *cap)
{
	const char *kind = icalcomponent_kind_to_string(icalcomponent_isa(c));
	size_t k = *cursor, found = SIZE_MAX;

	if (icalcomponent_isa(c) == ICAL_XROOT_COMPONENT) {
		for (icalcomponent *ch = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
		     ch != NULL; ch = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
			pair_walk(p, ch, depth, cursor, limit, cap);
		return;
	}
	for (; k < p->nb && p->blocks[k].first < limit; k++) {
		if (p->blocks[k].depth == depth && kind != NULL &&
		    strcmp(p->blocks[k].name, kind) == 0) {
			found = k;
			break;
		}
	}
	push_pair(p, c, found, cap);
	if (found == SIZE_MAX)
		return;
	*cursor = found + 1;
	for (icalcomponent *ch = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT);
	     ch != NULL; ch = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		pair_walk(p, ch, depth + 1, cursor, p->blocks[found].last, cap);
	/* Skip whatever is left inside (dropped components). */
	while (*cursor < p->nb && p->blocks[*cursor].first < p->blocks[found].last)
		(*cursor)++;
}

/* The line of the first property NAME of block B (not of a nested
 * block) whose text contains NEEDLE (NULL: any); 0 when none. */
static long
find_line(const struct parse *p, size_t b, const char *name, const char *needle)
{
	int depth = 0;

	if (b == SIZE_MAX)
		return 0;
	for (size_t i = p->blocks[b].first + 1; i < p->blocks[b].last; i++) {
		const struct line *l = &p->lines[i];

		if (l->kind == LINE_BEGIN)
			depth++;
		else if (l->kind == LINE_END)
			depth--;
		else if (depth == 0 &&
			 (name == NULL || (strlen(name) == l->name_len &&
					   strncasecmp(l->text, name, l->name_len) == 0)) &&
			 (needle == NULL || strstr(l->text, needle) != NULL))
			return l->no;
	}
	return 0;
}

static long
block_line(const struct parse *p, size_t b)
{
	return b == SIZE_MAX ? 1 : p->lines[p->blocks[b].first].no;
}

/* The line of property NAME of block B, else of the block's BEGIN. */
static long
prop_line(const struct parse *p, size_t b, const char *name)
{
	long l = find_line(p, b, name, NULL);

	return l ? l : block_line(p, b);
}

/* The line an X-LIC-ERROR of block B is about, guessed from its words:
 * "... in DTEND property. Removing entire property: 2027",
 * "Can't parse parameter name: FOO". */
static long
error_line(const struct parse *p, size_t b, const char *msg)
{
	char name[64] = "", value[256] = "";
	const char *in = strstr(msg, " in "), *colon = strrchr(msg, ':');
	long l = 0;

	if (in != NULL)
		sscanf(in, " in %63[A-Za-z0-9-] property", name);
	if (colon != NULL) {
		colon++;
		while (*colon == ' ')
			colon++;
		snprintf(value, sizeof value, "%s", colon);
	}
	if (value[0] != '\0' && strstr(msg, "parameter") != NULL) {
		char needle[260];

		snprintf(needle, sizeof needle, ";%s", value);
		l = find_line(p, b, NULL, needle);
	}
	if (l == 0 && value[0] != '\0')
		l = find_line(p, b, name[0] ? name : NULL, value);
	if (l == 0 && name[0] != '\0')
		l = find_line(p, b, name, NULL);
	return l ? l : block_line(p, b);
}

/* The first libical error in document order. */
static int
check_errors(struct parse *p)
{
	long best = 0;
	char msg[400] = "";

	for (size_t i = 0; i < p->np; i++) {
		icalcomponent *c = p->pairs[i].c;
		icalproperty *e = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);

		/* Only the first of a component: libical adds them in the order
		 * of its lines, and each costs a look through the component's
		 * lines (find_line), so all of them would cost the square of
		 * its length. */
		if (e != NULL) {
			const char *text = icalproperty_get_xlicerror(e);
			size_t b = p->pairs[i].block;
			long l;

			/* The error of the line libical stopped at is the last of
			 * its component: when it is the only one, its line is
			 * known, not guessed. */
			if (p->stop_line != 0 && b != SIZE_MAX && p->blocks[b].first == p->stop_begin &&
			    icalcomponent_count_properties(c, ICAL_XLICERROR_PROPERTY) == 1)
				l = p->stop_line;
			else
				l = error_line(p, b, text ? text : "");

			if (best == 0 || l < best) {
				char *cut;

				best = l;
				snprintf(msg, sizeof msg, "%s", text ? text : "parse error");
				if ((cut = strstr(msg, ". Removing entire property")) != NULL)
					memmove(cut, cut + 26, strlen(cut + 26) + 1);
				if (msg[0] >= 'A' && msg[0] <= 'Z')
					msg[0] = (char)(msg[0] + 32);
			}
		}
	}
	return best ? fail(p, best, "%s", msg) : 0;
}

/* --- times --- */

static bool
fields_valid(const struct icaltimetype *t)
{
	if (t->year < 1 || t->year > 9999 || t->month < 1 || t->month > 12 || t->day < 1 ||
	    t->day > civil_days_in_month(t->year, t->month))
		return false;
	return t->is_date || (t->hour >= 0 && t->hour < 24 && t->minute >= 0 &&
			      t->minute < 60 && t->second >= 0 && t->second <= 60);
}

/* The zone of a VTIMEZONE of the calendar; made once per VTIMEZONE. */
static const struct tz_zone *
calendar_zone(struct parse *p, icaltimezone *ical)
{
	for (size_t i = 0; i < p->nvtz; i++)
		if (p->vtz[i].ical == ical)
			return p->vtz[i].zone;
	p->vtz = xreallocarray(p->vtz, p->nvtz + 1, sizeof *p->vtz);
	p->vtz[p->nvtz].ical = ical;
	p->vtz[p->nvtz].zone = tz_from_ical(ical);
	return p->vtz[p->nvtz++].zone;
}

/* The zone a TZID names: a VTIMEZONE of the calendar, else the zone
 * database, also after a "/vendor/..." prefix. NULL when none. */
static const struct tz_zone *
tzid_zone(struct parse *p, icalcomponent *event, const char *tzid)
{
	icalcomponent *cal = icalcomponent_get_parent(event);
	icaltimezone *ical = cal != NULL ? icalcomponent_get_timezone(cal, tzid) : NULL;
	const struct tz_zone *z = NULL;

	if (ical != NULL)
		z = calendar_zone(p, ical);
	if (z == NULL)
		z = tz_lookup(tzid);
	for (const char *s = tzid; z == NULL && (s = strchr(s, '/')) != NULL; s++)
		z = tz_lookup(s + 1);
	return z;
}

static int64_t
utc_seconds(const struct icaltimetype *t)
{
	return days_from_civil(t->year, t->month, t->day) * DAY + t->hour * 3600 +
	       t->minute * 60 + (t->second > 59 ? 59 : t->second);
}

/* Resolves T, the value of property PROP (named WHAT) of event E. */
static int
resolve(struct parse *p, const struct ev *e, icalproperty *prop, const char *what,
	struct icaltimetype t, struct when *w)
{
	icalparameter *tzp = icalproperty_get_first_parameter(prop, ICAL_TZID_PARAMETER);

	memset(w, 0, sizeof *w);
	w->t = t;
	w->date = t.is_date;
	if (icaltime_is_null_time(t) || !fields_valid(&t))
		return fail(p, prop_line(p, e->block, what), "%s: not a valid date or time", what);
	if (t.is_date) {
		w->zone = p->zone;
		w->at = tz_from_local(p->zone, t.year, t.month, t.day, 0, 0, 0);
	} else if (icaltime_is_utc(t)) {
		w->zone = tz_utc();
		w->at = utc_seconds(&t);
	} else {
		if (tzp != NULL) {
			const char *tzid = icalparameter_get_tzid(tzp);

			w->zone = tzid ? tzid_zone(p, e->c, tzid) : NULL;
			if (w->zone == NULL)
				return fail(p, prop_line(p, e->block, what), "%s: unknown time zone "
					    "'%s' (no VTIMEZONE of that TZID in the calendar, and not "
					    "a zone name rota knows)", what, tzid ? tzid : "");
		} else {
			w->zone = p->zone;     /* floating: the person's or office's */
		}
		w->at = tz_from_local(w->zone, t.year, t.month, t.day, t.hour, t.minute,
				      t.second > 59 ? 59 : t.second);
	}
	return 0;
}

/* The key of an instance starting at W: "YYYYMMDD" for a date, else the
 * UTC instant "YYYYMMDDTHHMMSSZ". */
static void
instance_key(const struct when *w, char *buf, size_t len)
{
	if (w->date) {
		snprintf(buf, len, "%04d%02d%02d", w->t.year, w->t.month, w->t.day);
	} else {
		int64_t days = w->at >= 0 ? w->at / DAY : -((-w->at + DAY - 1) / DAY);
		int64_t secs = w->at - days * DAY;
		int y, m, d;

		civil_from_days(days, &y, &m, &d);
		snprintf(buf, len, "%04d%02d%02dT%02d%02d%02dZ", y, m, d, (int)(secs / 3600),
			 (int)(secs / 60 % 60), (int)(secs % 60));
	}
}

/* The instant a wall clock of ZONE shows SECS seconds after the fields of T. */
static int64_t
wall_plus(const struct tz_zone *zone, const struct icaltimetype *t, int64_t secs)
{
	int64_t local = utc_seconds(t) + secs;
	int64_t days = local >= 0 ? local / DAY : -((-local + DAY - 1) / DAY);
	int64_t rest = local - days * DAY;
	int y, m, d;

	civil_from_days(days, &y, &m, &d);
	if (zone == tz_utc())
		return local;
	return tz_from_local(zone, y, m, d, (int)(rest / 3600), (int)(rest / 60 % 60),
			     (int)(rest % 60));
}

/* --- events --- */

/* How long an event is: days for an all-day one, else seconds of wall
 * clock (same zone at both ends) or of real time. */
struct length {
	bool all_day;
	int64_t days;
	int64_t secs;
	bool wall;                      /* secs is wall-clock time in the start's zone */
};

static int
event_length(struct parse *p, const struct ev *e, const struct when *start, struct length *len)
{
	icalproperty *dtend = icalcomponent_get_first_property(e->c, ICAL_DTEND_PROPERTY);
	icalproperty *dur = icalcomponent_get_first_property(e->c, ICAL_DURATION_PROPERTY);

	memset(len, 0, sizeof *len);
	len->all_day = start->date;
	if (dtend != NULL) {
		struct when end;
		int r;

		if ((r = resolve(p, e, dtend, "DTEND", icalproperty_get_dtend(dtend), &end)) != 0)
			return r;
		if (end.date != start->date)
			return fail(p, prop_line(p, e->block, "DTEND"), "DTEND is a %s but "
				    "DTSTART a %s", end.date ? "date" : "date-time",
				    start->date ? "date" : "date-time");
		if (end.at < start->at)
			return fail(p, prop_line(p, e->block, "DTEND"), "DTEND is before DTSTART "
				    "(event %s)", e->uid);
		if (start->date) {
			len->days = days_from_civil(end.t.year, end.t.month, end.t.day) -
				    days_from_civil(start->t.year, start->t.month, start->t.day);
		} else if (end.zone == start->zone &&
			   start->zone != tz_utc()) {
			len->secs = utc_seconds(&end.t) - utc_seconds(&start->t);
			len->wall = true;
		} else {
			len->secs = end.at - start->at;
		}
	} else if (dur != NULL) {
		struct icaldurationtype d = icalproperty_get_duration(dur);
		int secs = icaldurationtype_as_int(d);

		if (icaldurationtype_is_bad_duration(d) || secs < 0)
			return fail(p, prop_line(p, e->block, "DURATION"), "DURATION: not a "
				    "valid duration, or negative");
		if (start->date)
			len->days = (secs + DAY - 1) / DAY;
		else
			len->secs = secs;
		/* Days and weeks are nominal (wall clock), hours exact. */
		len->wall = (d.days != 0 || d.weeks != 0) &&
			    start->zone != tz_utc();
	}
	if (start->date && len->days == 0)
		len->days = 1;                  /* no end, or DTEND = DTSTART: one day */
	return 0;
}

/* The span of an instance starting at W, of length LEN. */
static void
span_of(const struct parse *p, const struct when *w, const struct length *len,
	int64_t *start, int64_t *end)
{
	*start = w->at;
	if (len->all_day) {
		int y = w->t.year, m = w->t.month, d = w->t.day;

		civil_add_days(&y, &m, &d, (int)len->days);
		*end = tz_from_local(p->zone, y, m, d, 0, 0, 0);
	} else if (len->wall) {
		*end = wall_plus(w->zone, &w->t, len->secs);
	} else {
		*end = w->at + len->secs;
	}
}

static int
status_cancelled(icalcomponent *c)
{
	icalproperty *s = icalcomponent_get_first_property(c, ICAL_STATUS_PROPERTY);

	return s != NULL && icalproperty_get_status(s) == ICAL_STATUS_CANCELLED;
}

static int
transparent(icalcomponent *c)
{
	icalproperty *t = icalcomponent_get_first_property(c, ICAL_TRANSP_PROPERTY);

	return t != NULL && icalproperty_get_transp(t) == ICAL_TRANSP_TRANSPARENT;
}

/* Adds one occurrence of E (or of OVERRIDE when it replaces it). */
static int
emit(struct parse *p, const struct ev *e, icalcomponent *from, const char *rid,
     int64_t start, int64_t end, bool all_day)
{
	struct ics_occurrence *oc;

	if (end <= start || end <= p->o->from || start >= p->o->to)
		return 0;
	if (status_cancelled(from)) {
		p->out->cancelled++;
		return 0;
	}
	if (p->o->skip_transparent && transparent(from)) {
		p->out->transparent++;
		return 0;
	}
	if (p->out->n == ICS_MAX_OCCURRENCES)
		return fail(p, e->line, "more than %d occurrences in the import window: "
			    "too many to import", ICS_MAX_OCCURRENCES);
	if (p->out->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 64;
		p->out->v = xreallocarray(p->out->v, p->cap, sizeof *p->out->v);
	}
	oc = &p->out->v[p->out->n++];
	memset(oc, 0, sizeof *oc);
	snprintf(oc->uid, sizeof oc->uid, "%s", e->uid);
	snprintf(oc->recurrence_id, sizeof oc->recurrence_id, "%s", rid);
	oc->start = start;
	oc->end = end;
	oc->all_day = all_day;
	text_clean(oc->summary, sizeof oc->summary, icalcomponent_get_summary(from));
	oc->line = e->line;
	return 0;
}

static int
cmp_ev(const void *a, const void *b)
{
	const struct ev *x = a, *y = b;
	int c = strcmp(x->uid, y->uid);

	if (c == 0)
		c = (int)x->is_override - (int)y->is_override;
	if (c == 0)
		c = strcmp(x->rid, y->rid);
	if (c == 0)
		c = x->line < y->line ? -1 : x->line > y->line;
	return c;
}

/* The override of UID for instance KEY among the sorted events, or NULL. */
static struct ev *
find_override(struct ev *v, size_t n, const char *uid, const char *key)
{
	struct ev probe = { .uid = uid, .is_override = true };
	size_t lo = 0, hi = n;

	snprintf(probe.rid, sizeof probe.rid, "%s", key);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(v[mid].uid, uid);

		if (c == 0)
			c = (int)v[mid].is_override - 1;
		if (c == 0)
			c = strcmp(v[mid].rid, key);
		if (c == 0)
			return &v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* One instance of a master (or the event itself): replaced by its
 * override when there is one. */
static int
instance(struct parse *p, struct ev *v, size_t n, struct ev *m, const struct when *w,
	 const struct length *len, bool repeats)
{
	char key[ICS_RID_MAX];
	struct ev *ov;
	int64_t start, end;

	instance_key(w, key, sizeof key);
	if ((ov = find_override(v, n, m->uid, key)) != NULL) {
		icalproperty *dt = icalcomponent_get_first_property(ov->c, ICAL_DTSTART_PROPERTY);
		struct when ow;
		struct length ol;
		int r;

		ov->used = true;
		if ((r = resolve(p, ov, dt, "DTSTART", icalproperty_get_dtstart(dt), &ow)) != 0 ||
		    (r = event_length(p, ov, &ow, &ol)) != 0)
			return r;
		span_of(p, &ow, &ol, &start, &end);
		return emit(p, ov, ov->c, repeats ? key : "", start, end, ol.all_day);
	}
	span_of(p, w, len, &start, &end);
	return emit(p, m, m->c, repeats ? key : "", start, end, len->all_day);
}

struct exdate {
	bool date;
	int y, m, d;
	int64_t at;
};

static int
cmp_when(const void *a, const void *b)
{
	const struct when *x = a, *y = b;

	return x->at < y->at ? -1 : x->at > y->at;
}

static bool
excluded(const struct exdate *x, size_t nx, const struct when *w)
{
	for (size_t i = 0; i < nx; i++) {
		if (x[i].date || w->date) {
			if (x[i].y == w->t.year && x[i].m == w->t.month && x[i].d == w->t.day)
				return true;
		} else if (x[i].at == w->at) {
			return true;
		}
	}
	return false;
}

/* The instances of master M: DTSTART alone, or its RRULEs and RDATEs
 * less its EXDATEs. */
static int
expand(struct parse *p, struct ev *v, size_t n, struct ev *m)
{
	icalproperty *dt = icalcomponent_get_first_property(m->c, ICAL_DTSTART_PROPERTY), *q;
	struct when start, *inst = NULL;
	struct exdate *ex = NULL;
	struct length len;
	size_t ni = 0, ci = 0, nx = 0, cx = 0;
	bool repeats;
	int r;

	if ((r = resolve(p, m, dt, "DTSTART", icalproperty_get_dtstart(dt), &start)) != 0 ||
	    (r = event_length(p, m, &start, &len)) != 0)
		return r;
	if (status_cancelled(m->c)) {
		/* The whole series, overrides included. */
		p->out->cancelled++;
		for (size_t i = 0; i < n; i++)
			if (v[i].is_override && strcmp(v[i].uid, m->uid) == 0)
				v[i].used = true;
		return 0;
	}
	if (!len.all_day && len.secs == 0)
		return 0;                       /* a moment, not a span of time */
	repeats = icalcomponent_get_first_property(m->c, ICAL_RRULE_PROPERTY) != NULL ||
		  icalcomponent_get_first_property(m->c, ICAL_RDATE_PROPERTY) != NULL;
	if (!repeats)
		return instance(p, v, n, m, &start, &len, false);

	for (q = icalcomponent_get_first_property(m->c, ICAL_EXDATE_PROPERTY); q != NULL;
	     q = icalcomponent_get_next_property(m->c, ICAL_EXDATE_PROPERTY)) {
		struct when w;

		if ((r = resolve(p, m, q, "EXDATE", icalproperty_get_exdate(q), &w)) != 0)
			goto done;
		if (nx == cx) {
			cx = cx ? cx * 2 : 16;
			ex = xreallocarray(ex, cx, sizeof *ex);
		}
		ex[nx++] = (struct exdate){ w.date, w.t.year, w.t.month, w.t.day, w.at };
	}
	for (q = icalcomponent_get_first_property(m->c, ICAL_RRULE_PROPERTY); q != NULL;
	     q = icalcomponent_get_next_property(m->c, ICAL_RRULE_PROPERTY)) {
		struct icalrecurrencetype rule = icalproperty_get_rrule(q);
		icalrecur_iterator *it = icalrecur_iterator_new(rule, start.t);
		long count = 0;

		if (it == NULL) {
			r = fail(p, prop_line(p, m->block, "RRULE"), "RRULE: cannot be expanded "
				 "(event %s)", m->uid);
			goto done;
		}
		for (;;) {
			struct icaltimetype t = icalrecur_iterator_next(it);
			struct when w = start;

			if (icaltime_is_null_time(t))
				break;
			if (++count > ICS_MAX_ITERATIONS) {
				icalrecur_iterator_free(it);
				r = fail(p, prop_line(p, m->block, "RRULE"), "RRULE: repeats more "
					 "than %ld times before the end of the import window: too "
					 "often (event %s)", ICS_MAX_ITERATIONS, m->uid);
				goto done;
			}
			w.t = t;
			w.t.is_date = start.date;
			if (!fields_valid(&w.t))
				continue;
			if (start.date)
				w.at = tz_from_local(p->zone, t.year, t.month, t.day, 0, 0, 0);
			else if (start.zone == tz_utc())
				w.at = utc_seconds(&t);
			else
				w.at = tz_from_local(start.zone, t.year, t.month, t.day, t.hour,
						     t.minute, t.second > 59 ? 59 : t.second);
			if (w.at >= p->o->to)
				break;
			if (ni == ci) {
				ci = ci ? ci * 2 : 64;
				inst = xreallocarray(inst, ci, sizeof *inst);
			}
			inst[ni++] = w;
		}
		icalrecur_iterator_free(it);
	}
	for (q = icalcomponent_get_first_property(m->c, ICAL_RDATE_PROPERTY); q != NULL;
	     q = icalcomponent_get_next_property(m->c, ICAL_RDATE_PROPERTY)) {
		struct icaldatetimeperiodtype dp = icalproperty_get_rdate(q);
		struct icaltimetype t = icaltime_is_null_time(dp.time) ? dp.period.start : dp.time;
		struct when w;

		if ((r = resolve(p, m, q, "RDATE", t, &w)) != 0)
			goto done;
		if (w.date != start.date) {
			r = fail(p, prop_line(p, m->block, "RDATE"), "RDATE is a %s but DTSTART a "
				 "%s", w.date ? "date" : "date-time", start.date ? "date" : "date-time");
			goto done;
		}
		if (ni == ci) {
			ci = ci ? ci * 2 : 64;
			inst = xreallocarray(inst, ci, sizeof *inst);
		}
		inst[ni++] = w;
	}
	if (ni > 0)
		qsort(inst, ni, sizeof *inst, cmp_when);
	for (size_t i = 0; i < ni; i++) {
		if (i > 0 && inst[i].at == inst[i - 1].at)
			continue;
		if (excluded(ex, nx, &inst[i]))
			continue;
		if ((r = instance(p, v, n, m, &inst[i], &len, true)) != 0)
			goto done;
	}
	r = 0;
done:
	free(inst);
	free(ex);
	return r;
}

/* Reads the VEVENTs of the calendar into *out. */
static int
read_events(struct parse *p)
{
	struct ev *v = NULL;
	size_t n = 0;
	char why[96];
	int r = 0;

	for (size_t i = 0; i < p->np; i++) {
		icalcomponent *c = p->pairs[i].c, *parent = icalcomponent_get_parent(c);
		struct ev *e;
		icalproperty *uid, *rid;

		if (icalcomponent_isa(c) != ICAL_VEVENT_COMPONENT || parent == NULL ||
		    icalcomponent_isa(parent) != ICAL_VCALENDAR_COMPONENT)
			continue;
		v = xreallocarray(v, n + 1, sizeof *v);
		e = &v[n++];
		memset(e, 0, sizeof *e);
		e->c = c;
		e->block = p->pairs[i].block;
		e->line = block_line(p, e->block);
		uid = icalcomponent_get_first_property(c, ICAL_UID_PROPERTY);
		if (uid == NULL || icalproperty_get_uid(uid) == NULL ||
		    icalproperty_get_uid(uid)[0] == '\0') {
			r = fail(p, e->line, "an event without a UID");
			goto done;
		}
		e->uid = icalproperty_get_uid(uid);
		if (strlen(e->uid) >= ICS_UID_MAX) {
			r = fail(p, prop_line(p, e->block, "UID"), "a UID longer than %d bytes",
				 ICS_UID_MAX - 1);
			goto done;
		}
		/* A UID is a key, stored and compared: refused, never cleaned
		 * (two cleaned ones could become one). */
		if (text_fault(e->uid, TEXT_LINE, why, sizeof why) != 0) {
			r = fail(p, prop_line(p, e->block, "UID"), "UID: %s", why);
			goto done;
		}
		if (icalcomponent_count_properties(c, ICAL_UID_PROPERTY) > 1 ||
		    icalcomponent_count_properties(c, ICAL_DTSTART_PROPERTY) > 1 ||
		    icalcomponent_count_properties(c, ICAL_DTEND_PROPERTY) > 1 ||
		    icalcomponent_count_properties(c, ICAL_RECURRENCEID_PROPERTY) > 1) {
			r = fail(p, e->line, "event %s has more than one UID, DTSTART, DTEND or "
				 "RECURRENCE-ID", e->uid);
			goto done;
		}
		if (icalcomponent_get_first_property(c, ICAL_DTSTART_PROPERTY) == NULL) {
			r = fail(p, e->line, "event %s has no DTSTART", e->uid);
			goto done;
		}
		if ((rid = icalcomponent_get_first_property(c, ICAL_RECURRENCEID_PROPERTY)) != NULL) {
			struct when w;

			if ((r = resolve(p, e, rid, "RECURRENCE-ID",
					 icalproperty_get_recurrenceid(rid), &w)) != 0)
				goto done;
			e->is_override = true;
			instance_key(&w, e->rid, sizeof e->rid);
		}
	}
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_ev);
	for (size_t i = 1; i < n; i++) {
		if (strcmp(v[i].uid, v[i - 1].uid) == 0 && v[i].is_override == v[i - 1].is_override &&
		    strcmp(v[i].rid, v[i - 1].rid) == 0) {
			r = fail(p, v[i].line, "UID %s is used by two events (lines %ld and %ld)%s",
				 v[i].uid, v[i - 1].line, v[i].line,
				 v[i].is_override ? " for the same RECURRENCE-ID" : "");
			goto done;
		}
	}
	for (size_t i = 0; i < n; i++)
		if (!v[i].is_override && (r = expand(p, v, n, &v[i])) != 0)
			goto done;
	/* Overrides of no instance: events of their own. */
	for (size_t i = 0; i < n; i++) {
		icalproperty *dt;
		struct when w;
		struct length len;
		int64_t start, end;

		if (!v[i].is_override || v[i].used)
			continue;
		dt = icalcomponent_get_first_property(v[i].c, ICAL_DTSTART_PROPERTY);
		if ((r = resolve(p, &v[i], dt, "DTSTART", icalproperty_get_dtstart(dt), &w)) != 0 ||
		    (r = event_length(p, &v[i], &w, &len)) != 0)
			goto done;
		span_of(p, &w, &len, &start, &end);
		if ((r = emit(p, &v[i], v[i].c, v[i].rid, start, end, len.all_day)) != 0)
			goto done;
	}
done:
	free(v);
	return r;
}

static int
cmp_occurrence(const void *a, const void *b)
{
	const struct ics_occurrence *x = a, *y = b;
	int c = strcmp(x->uid, y->uid);

	return c ? c : strcmp(x->recurrence_id, y->recurrence_id);
}

int
ics_parse(const char *text, size_t len, const char *name, const struct ics_options *o,
	  struct ics_result *out)
{
	struct parse p = { .name = name, .o = o, .out = out };
	size_t cap = 0, cursor = 0, fed;
	int r;

	memset(out, 0, sizeof *out);
	p.zone = o->zone ? o->zone : tz_utc();
	if ((r = split(&p, text, len)) != 0 || (r = nest(&p)) != 0)
		goto done;
	fed = parse_lines(&p);
	if (p.root == NULL) {
		r = fail(&p, 1, "not an iCalendar calendar");
		goto done;
	}
	pair_walk(&p, p.root, 0, &cursor, p.nl, &cap);
	if ((r = check_errors(&p)) != 0)
		goto done;
	/* libical stopped at a line without saying why in the tree. */
	if (fed < p.nl) {
		r = fail(&p, p.lines[fed - 1].no, "libical cannot read this line");
		goto done;
	}
	if ((r = read_events(&p)) != 0)
		goto done;
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, cmp_occurrence);
done:
	if (r != 0)
		ics_result_free(out);
	if (p.root != NULL)
		icalcomponent_free(p.root);
	free(p.buf);
	free(p.lines);
	free(p.blocks);
	free(p.pairs);
	for (size_t i = 0; i < p.nvtz; i++)
		tz_custom_free(p.vtz[i].zone);
	free(p.vtz);
	return r;
}

void
ics_result_free(struct ics_result *r)
{
	free(r->v);
	memset(r, 0, sizeof *r);
}
