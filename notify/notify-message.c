/* What each notice says, and the wire formats (see notify-message.h). */
#include "config.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "notify/notify-message.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "common/xalloc.h"

void
notice_free(struct notice *n)
{
	for (size_t i = 0; i < n->nmail; i++)
		free(n->mail[i].body);
	free(n->mail);
	free(n->chat);
	memset(n, 0, sizeof *n);
}

/* "Mon 2027-01-04 10:00" in the zone named TZ (UTC when unknown). */
static void
when(int64_t t, const char *tz, char *buf, size_t len)
{
	const struct tz_zone *zone = tz_lookup(tz);

	time_format_local(t, zone != NULL ? zone : tz_utc(), buf, len);
}

/* The name to greet P by: their name, else their handle. */
static const char *
greet(const struct person *p)
{
	return p->name[0] != '\0' ? p->name : p->handle;
}

static struct notice_mail *
add_mail(struct notice *n, const struct person *p)
{
	struct notice_mail *m;

	n->mail = xreallocarray(n->mail, n->nmail + 1, sizeof *n->mail);
	m = &n->mail[n->nmail++];
	memset(m, 0, sizeof *m);
	snprintf(m->handle, sizeof m->handle, "%s", p->handle);
	snprintf(m->name, sizeof m->name, "%s", p->name);
	snprintf(m->email, sizeof m->email, "%s", p->email);
	return m;
}

/* Formats M's subject (cut to fit, as a subject may be). */
static void __attribute__((format(printf, 2, 3)))
subject(struct notice_mail *m, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m->subject, sizeof m->subject, fmt, ap);
	va_end(ap);
}

static void
begin(struct notice *n, const char *kind)
{
	memset(n, 0, sizeof *n);
	snprintf(n->kind, sizeof n->kind, "%s", kind);
}

void
notice_handoff(const struct shift *sh, const struct person *in,
	       const struct person *out, struct notice *n)
{
	char start[32], end[32], stamp[32];
	struct notice_mail *m;

	begin(n, "handoff");
	when(sh->start, sh->tz, start, sizeof start);
	when(sh->end, sh->tz, end, sizeof end);
	time_format_utc(sh->start, stamp, sizeof stamp);
	snprintf(n->key, sizeof n->key, "handoff:%s@%s:%s:%s", sh->uid, stamp,
		 out != NULL ? out->handle : "-", in->handle);
	if (out != NULL)
		n->chat = xasprintf("Handoff in %s at %s %s: %s hands over to %s "
				    "(until %s).", sh->rotation, start, sh->tz,
				    out->handle, in->handle, end);
	else
		n->chat = xasprintf("Handoff in %s at %s %s: %s goes on call "
				    "(until %s).", sh->rotation, start, sh->tz,
				    in->handle, end);

	m = add_mail(n, in);
	subject(m, "On call in %s from %s %s",
		 sh->rotation, start, sh->tz);
	if (out != NULL)
		m->body = xasprintf("Hello %s,\n\nYou go on call in %s at %s %s,\n"
				    "taking over from %s (%s).\n"
				    "Your shift (%lld) ends %s %s.\n\n-- rota\n",
				    greet(in), sh->rotation, start, sh->tz,
				    greet(out), out->handle, (long long)sh->id, end, sh->tz);
	else
		m->body = xasprintf("Hello %s,\n\nYou go on call in %s at %s %s.\n"
				    "Your shift (%lld) ends %s %s.\n\n-- rota\n",
				    greet(in), sh->rotation, start, sh->tz,
				    (long long)sh->id, end, sh->tz);
	if (out == NULL)
		return;
	m = add_mail(n, out);
	subject(m, "Handoff in %s at %s %s",
		 sh->rotation, start, sh->tz);
	m->body = xasprintf("Hello %s,\n\nYour on-call shift in %s ends at %s %s:\n"
			    "you hand over to %s (%s).\n\n-- rota\n",
			    greet(out), sh->rotation, start, sh->tz, greet(in), in->handle);
}

void
notice_swap_request(const struct swap *w, const struct shift *sh,
		    const struct person *requester, const struct person *to,
		    size_t nto, struct notice *n)
{
	char start[32], end[32], whom[NAME_MAX_ + 32];

	begin(n, "swap");
	/* The time asked for: a night, or the rest of a week, not the shift. */
	when(w->from ? w->from : sh->start, sh->tz, start, sizeof start);
	when(w->to ? w->to : sh->end, sh->tz, end, sizeof end);
	snprintf(n->key, sizeof n->key, "swap:%lld:request", (long long)w->id);
	if (w->target_id != 0)
		snprintf(whom, sizeof whom, "%s", w->target);
	else
		snprintf(whom, sizeof whom, "anyone in %s", sh->term);
	n->chat = xasprintf("Swap request %lld: %s asks %s to take shift %lld in %s, "
			    "%s to %s %s.", (long long)w->id, requester->handle, whom,
			    (long long)sh->id, sh->rotation, start, end, sh->tz);
	for (size_t i = 0; i < nto; i++) {
		struct notice_mail *m = add_mail(n, &to[i]);
		char decline[64];

		/* Declining one open to the term only leaves oneself out. */
		snprintf(decline, sizeof decline, "To decline: rota swap decline %lld\n",
			 (long long)w->id);
		subject(m,
			 "Swap request %lld: %s asks %s to take %s from %s %s",
			 (long long)w->id, requester->handle,
			 w->target_id != 0 ? "you" : "the term", sh->rotation, start, sh->tz);
		m->body = xasprintf("Hello %s,\n\n%s (%s) asks %s to take their on-call "
				    "shift %lld in %s,\nfrom %s to %s %s.\n\n"
				    "To accept: rota swap accept %lld\n%s\n-- rota\n",
				    greet(&to[i]), greet(requester), requester->handle,
				    w->target_id != 0 ? "you" : whom, (long long)sh->id,
				    sh->rotation, start, end, sh->tz, (long long)w->id, decline);
	}
}

void
notice_swap_answer(const struct swap *w, const struct shift *sh,
		   const struct person *requester, struct notice *n)
{
	bool accepted = w->state == SWAP_ACCEPTED;
	const char *verb = accepted ? "accepted" : "declined";
	char start[32], end[32], tail[HANDLE_MAX + 16];
	struct notice_mail *m;

	begin(n, "swap");
	when(sh->start, sh->tz, start, sizeof start);
	when(sh->end, sh->tz, end, sizeof end);
	snprintf(n->key, sizeof n->key, "swap:%lld:%s", (long long)w->id, verb);
	if (accepted)
		n->chat = xasprintf("Swap request %lld accepted: %s takes shift %lld in %s "
				    "from %s, %s to %s %s.", (long long)w->id, w->decided_by,
				    (long long)sh->id, sh->rotation, requester->handle,
				    start, end, sh->tz);
	else
		n->chat = xasprintf("Swap request %lld declined by %s: shift %lld in %s "
				    "stays with %s.", (long long)w->id, w->decided_by,
				    (long long)sh->id, sh->rotation, requester->handle);
	m = add_mail(n, requester);
	subject(m, "Swap request %lld %s by %s",
		 (long long)w->id, verb, w->decided_by);
	if (accepted)
		snprintf(tail, sizeof tail, "is now %s's", w->decided_by);
	else
		snprintf(tail, sizeof tail, "stays yours");
	m->body = xasprintf("Hello %s,\n\n%s %s your swap request %lld: shift %lld in %s,\n"
			    "from %s to %s %s, %s.\n\n-- rota\n",
			    greet(requester), w->decided_by, verb, (long long)w->id,
			    (long long)sh->id, sh->rotation, start, end, sh->tz, tail);
}

/* -- shift news -- */

/* What is being written to one person in a run's shift news. */
struct reader {
	const struct person *p;
	FILE *f;                        /* the sections, NULL until the first */
	char *text;
	size_t len, sections;
	bool all_new;                   /* every section is a new term's */
	int64_t term_id;                /* the new term whose section is open, 0: none */
	size_t week;                    /* the last week read for it, plus one */
	char subject[NOTICE_SUBJECT_MAX];  /* the subject, when only one section */
};

static int
by_person_id(const void *key, const void *elem)
{
	int64_t id = *(const int64_t *)key, other = ((const struct reader *)elem)->p->id;

	return (id > other) - (id < other);
}

static struct reader *
reader_of(const struct reader *r, size_t nr, int64_t person_id)
{
	return bsearch(&person_id, r, nr, sizeof *r, by_person_id);
}

/* The handle of PERSON_ID among the readers, "?" if none (never: the
 * caller reads everyone the parts name). */
static const char *
handle_of(const struct reader *r, size_t nr, int64_t person_id)
{
	const struct reader *x = reader_of(r, nr, person_id);

	return x != NULL ? x->p->handle : "?";
}

/* Opens a section of R's mail titled by TITLE (a week's or a new
 * term's); the mail's subject, should this stay its only section, is
 * FMT's text (cut to fit). */
static void __attribute__((format(printf, 4, 5)))
section(struct reader *r, const char *title, bool new_term, const char *fmt, ...)
{
	va_list ap;

	if (r->f == NULL && (r->f = open_memstream(&r->text, &r->len)) == NULL)
		abort();
	fprintf(r->f, "\n%s:\n", title);
	r->sections++;
	r->all_new = (r->sections == 1 || r->all_new) && new_term;
	va_start(ap, fmt);
	vsnprintf(r->subject, sizeof r->subject, fmt, ap);
	va_end(ap);
}

/* "FROM to TO" in zone TZ. */
static void
range(int64_t from, int64_t to, const char *tz, char *buf, size_t len)
{
	char a[32], b[32];

	when(from, tz, a, sizeof a);
	when(to, tz, b, sizeof b);
	snprintf(buf, len, "%s to %s", a, b);
}

/* Adds [A, B) of PERSON to OUT (NULL: only counts it in *N) unless it is
 * empty or has ended by NOW. */
static void
piece(struct held_part *out, size_t *n, int64_t a, int64_t b, int64_t person, int64_t now)
{
	if (a >= b || b <= now)
		return;
	if (out != NULL)
		out[*n] = (struct held_part){ a, b, person };
	(*n)++;
}

/* The pieces of PERSON's parts in X that no part of PERSON in Y covers
 * and that end after NOW, into OUT (room for NX + NY pieces; NULL: only
 * counted). X and Y are sorted and their parts do not overlap. */
static size_t
held_minus(const struct held_part *x, size_t nx, const struct held_part *y, size_t ny,
	   int64_t person, int64_t now, struct held_part *out)
{
	size_t n = 0;

	for (size_t i = 0; i < nx; i++) {
		int64_t u = x[i].start;

		if (x[i].person_id != person)
			continue;
		for (size_t j = 0; j < ny && u < x[i].end; j++) {
			if (y[j].person_id != person || y[j].end <= u)
				continue;
			if (y[j].start >= x[i].end)
				break;
			piece(out, &n, u, y[j].start, person, now);
			u = y[j].end;
		}
		piece(out, &n, u, x[i].end, person, now);
	}
	return n;
}

/* PERSON's parts in V that end after NOW, as "A to B and C to D" in TZ;
 * how many there are. */
static size_t
holding(FILE *f, const struct held_part *v, size_t nv, int64_t person, int64_t now,
	const char *tz)
{
	char buf[80];
	size_t k = 0;

	for (size_t i = 0; i < nv; i++) {
		if (v[i].person_id != person || v[i].end <= now)
			continue;
		range(v[i].start, v[i].end, tz, buf, sizeof buf);
		if (f != NULL)
			fprintf(f, "%s%s", k > 0 ? " and " : "", buf);
		k++;
	}
	return k;
}

/* "LOST is no longer yours (now X's)." for each stretch of LOST that one
 * holder of W's parts now (or nobody) holds. */
static void
lost_lines(FILE *f, const struct held_part *lost, const struct week_news *w,
	   const struct reader *r, size_t nr, const char *tz)
{
	int64_t u = lost->start;
	char buf[80];

	for (size_t j = 0; j <= w->nafter && u < lost->end; j++) {
		const struct held_part *p = j < w->nafter ? &w->after[j] : NULL;
		int64_t next = p != NULL ? p->start : lost->end;

		if (p != NULL && p->end <= u)
			continue;
		if (next > lost->end)
			next = lost->end;
		if (next > u) {
			range(u, next, tz, buf, sizeof buf);
			fprintf(f, "  %s is no longer yours (nobody holds it now).\n", buf);
			u = next;
		}
		if (p == NULL || u >= lost->end)
			break;
		next = p->end < lost->end ? p->end : lost->end;
		range(u, next, tz, buf, sizeof buf);
		fprintf(f, "  %s is no longer yours (now %s's).\n", buf,
			handle_of(r, nr, p->person_id));
		u = next;
	}
}

/* Week W's section of R's mail, if R's own shifts changed in it. */
static void
week_section(struct reader *r, const struct week_news *w, const struct reader *all,
	     size_t nr, int64_t now)
{
	const char *tz = r->p->tz;
	int64_t id = r->p->id;
	size_t nlost, ngained, nbefore, nafter;
	struct held_part *lost = xcalloc(w->nbefore + w->nafter + 1, sizeof *lost);
	char start[32], title[NAME_MAX_ + 64], buf[80];

	nlost = held_minus(w->before, w->nbefore, w->after, w->nafter, id, now, lost);
	ngained = held_minus(w->after, w->nafter, w->before, w->nbefore, id, now, NULL);
	if (nlost + ngained > 0) {
		when(w->week->slot_start, tz, start, sizeof start);
		snprintf(title, sizeof title, "%s, week of %s", w->week->rotation, start);
		section(r, title, false, "Your on-call shift in %s changed: week of %s",
			w->week->rotation, start);
		nbefore = holding(NULL, w->before, w->nbefore, id, now, tz);
		nafter = holding(NULL, w->after, w->nafter, id, now, tz);
		for (size_t i = 0; nbefore == 0 && i < w->nafter; i++) {
			if (w->after[i].person_id != id || w->after[i].end <= now)
				continue;
			range(w->after[i].start, w->after[i].end, tz, buf, sizeof buf);
			fprintf(r->f, "  You are on call from %s.\n", buf);
		}
		if (nbefore > 0 && nafter > 0) {
			fputs("  You now hold ", r->f);
			holding(r->f, w->after, w->nafter, id, now, tz);
			fputs("\n  instead of ", r->f);
			holding(r->f, w->before, w->nbefore, id, now, tz);
			fputs(".\n", r->f);
		}
		for (size_t i = 0; i < nlost; i++)
			lost_lines(r->f, &lost[i], w, all, nr, tz);
	}
	free(lost);
}

/* Week W of a new term in R's mail: R's parts of it, under the term's
 * section (opened by the first week of the term that R holds). */
static void
new_term_lines(struct reader *r, const struct week_news *w, int64_t now)
{
	char title[2 * NAME_MAX_ + 64], buf[80];

	for (size_t i = 0; i < w->nafter; i++) {
		if (w->after[i].person_id != r->p->id || w->after[i].end <= now)
			continue;
		if (r->term_id != w->week->term_id) {
			snprintf(title, sizeof title, "%s, term %s (a new schedule), your shifts",
				 w->week->rotation, w->week->term);
			section(r, title, true, "Your on-call shifts in %s, term %s",
				w->week->rotation, w->week->term);
			r->term_id = w->week->term_id;
		}
		range(w->after[i].start, w->after[i].end, r->p->tz, buf, sizeof buf);
		fprintf(r->f, "  %s\n", buf);
	}
}

/* Week W (the K-th) in the mail of the person its I-th part names
 * (counting its parts then, then its parts now), once a week. */
static void
week_for(struct reader *r, size_t nr, const struct week_news *w, size_t k, size_t i,
	 int64_t now)
{
	int64_t id = i < w->nbefore ? w->before[i].person_id : w->after[i - w->nbefore].person_id;
	struct reader *x = reader_of(r, nr, id);

	if (x == NULL || x->week == k + 1)
		return;
	x->week = k + 1;
	if (w->week->term_told)
		week_section(x, w, r, nr, now);
	else
		new_term_lines(x, w, now);
}

/* The chat line of week W (told before): who holds it from now on. */
static void
chat_week(FILE *f, const struct week_news *w, const struct reader *r, size_t nr,
	  int64_t now)
{
	const char *tz = w->week->tz;
	char start[32], buf[80];
	size_t k = 0;

	when(w->week->slot_start, tz, start, sizeof start);
	fprintf(f, "Shifts changed in %s, week of %s %s:", w->week->rotation, start, tz);
	for (size_t i = 0; i < w->nafter; i++) {
		if (w->after[i].end <= now)
			continue;
		range(w->after[i].start, w->after[i].end, tz, buf, sizeof buf);
		fprintf(f, "%s %s from %s", k++ > 0 ? "," : "",
			handle_of(r, nr, w->after[i].person_id), buf);
	}
	fputs(k > 0 ? ".\n" : " nobody holds it now.\n", f);
}

/* The chat line of a new term whose weeks are W[0..NW): the span of its
 * schedule from now on. */
static void
chat_new_term(FILE *f, const struct week_news *w, size_t nw, int64_t now)
{
	int64_t from = 0, to = 0;
	char buf[80];

	for (size_t k = 0; k < nw; k++)
		for (size_t i = 0; i < w[k].nafter; i++) {
			if (w[k].after[i].end <= now)
				continue;
			if (from == 0 || w[k].after[i].start < from)
				from = w[k].after[i].start;
			if (w[k].after[i].end > to)
				to = w[k].after[i].end;
		}
	if (from == 0)
		return;
	range(from, to, w->week->tz, buf, sizeof buf);
	fprintf(f, "The schedule of term %s in %s is out: %s %s.\n", w->week->term,
		w->week->rotation, buf, w->week->tz);
}

/* R's mail, once its sections are written. */
static void
shift_mail(struct notice *n, struct reader *r)
{
	struct notice_mail *m;
	const char *tz = tz_lookup(r->p->tz) != NULL ? r->p->tz : "UTC";

	if (fclose(r->f) != 0)
		abort();
	m = add_mail(n, r->p);
	if (r->sections == 1)
		subject(m, "%s", r->subject);
	else
		subject(m, "Your on-call shifts changed");
	m->body = xasprintf("Hello %s,\n\nYour on-call shifts%s (times in %s):\n%s\n-- rota\n",
			    greet(r->p), r->all_new ? "" : " changed", tz, r->text);
	free(r->text);
}

void
notice_shift_news(const struct week_news *w, size_t nw, const struct person *people,
		  size_t npeople, int64_t now, int64_t run, struct notice *n)
{
	struct reader *r = xcalloc(npeople + 1, sizeof *r);
	char *chat = NULL;
	size_t chat_len = 0;
	FILE *f = open_memstream(&chat, &chat_len);

	if (f == NULL)
		abort();
	begin(n, "shift");
	snprintf(n->key, sizeof n->key, "shifts:%lld", (long long)run);
	for (size_t i = 0; i < npeople; i++)
		r[i].p = &people[i];
	for (size_t k = 0, first = 0; k < nw; k++) {
		bool new_term = !w[k].week->term_told;

		for (size_t i = 0; i < w[k].nbefore + w[k].nafter; i++)
			week_for(r, npeople, &w[k], k, i, now);
		if (!new_term)
			chat_week(f, &w[k], r, npeople, now);
		else if (k + 1 == nw || w[k + 1].week->term_id != w[k].week->term_id)
			chat_new_term(f, &w[first], k + 1 - first, now);
		if (k + 1 < nw && w[k + 1].week->term_id != w[k].week->term_id)
			first = k + 1;
	}
	for (size_t i = 0; i < npeople; i++)
		if (r[i].f != NULL)
			shift_mail(n, &r[i]);
	if (fclose(f) != 0)
		abort();
	if (chat_len > 0) {
		chat[chat_len - 1] = '\0';      /* the last line's newline */
		n->chat = chat;
	} else {
		free(chat);
	}
	free(r);
}

void
notice_burnout(const struct burnout_alert *a, const struct person *managers,
	       size_t nmanagers, struct notice *n)
{
	begin(n, "burnout");
	snprintf(n->key, sizeof n->key, "burnout:%s:%s:%s", a->handle, a->indicator,
		 a->month);
	for (size_t i = 0; i < nmanagers; i++) {
		struct notice_mail *m = add_mail(n, &managers[i]);

		subject(m, "Burnout alert (%s) for %s in %s: %s",
			 a->status, a->handle, a->month, a->indicator);
		m->body = xasprintf("Hello %s,\n\n%s's %s in %s is %s:\n%s\n\n"
				    "The whole picture: rota report monthly %s\n\n-- rota\n",
				    greet(&managers[i]), a->handle, a->indicator, a->month,
				    a->status, a->text, a->month);
	}
}

/* -- the wire -- */

int
mail_address(const char *from, char *buf, size_t len)
{
	const char *lt = strrchr(from, '<'), *gt, *p = from;
	size_t n;

	if (lt != NULL) {
		gt = strchr(lt, '>');
		if (gt == NULL)
			return -1;
		p = lt + 1;
		n = (size_t)(gt - p);
	} else {
		while (*p == ' ')
			p++;
		n = strlen(p);
		while (n > 0 && p[n - 1] == ' ')
			n--;
	}
	if (n == 0 || n >= len || memchr(p, '@', n) == NULL || memchr(p, ' ', n) != NULL ||
	    p[0] == '@' || p[n - 1] == '@')
		return -1;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return 0;
}

/* FNV-1a, 64 bits: a short stable name for a long key. */
static uint64_t
fnv1a(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	return h;
}

void
mail_message_id(const char *dedup_key, int64_t created, const char *from,
		char *buf, size_t len)
{
	char addr[EMAIL_MAX];
	const char *domain = "localhost";

	if (mail_address(from, addr, sizeof addr) == 0)
		domain = strrchr(addr, '@') + 1;
	snprintf(buf, len, "<rota.%016llx.%lld@%s>", (unsigned long long)fnv1a(dedup_key),
		 (long long)created, domain);
}

static bool
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80 || (*s < 0x20 && *s != '\n' && *s != '\t'))
			return false;
	return true;
}

static void
base64(FILE *f, const unsigned char *s, size_t n)
{
	static const char a[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)s[i] << 16;

		if (i + 1 < n)
			v |= (unsigned)s[i + 1] << 8;
		if (i + 2 < n)
			v |= s[i + 2];
		fputc(a[(v >> 18) & 63], f);
		fputc(a[(v >> 12) & 63], f);
		fputc(i + 1 < n ? a[(v >> 6) & 63] : '=', f);
		fputc(i + 2 < n ? a[v & 63] : '=', f);
	}
}

/* Header text: as it is when printable ASCII, else RFC 2047 encoded words
 * (base64 of UTF-8; words of at most 45 bytes, cut between characters). */
static void
header_text(FILE *f, const char *s)
{
	size_t n = strlen(s), i = 0;

	if (is_ascii(s) && strchr(s, '\n') == NULL) {
		fputs(s, f);
		return;
	}
	while (i < n) {
		size_t k = n - i > 45 ? 45 : n - i;

		while (i + k < n && ((unsigned char)s[i + k] & 0xC0) == 0x80)
			k--;
		if (i > 0)
			fputs("\r\n ", f);
		fputs("=?UTF-8?B?", f);
		base64(f, (const unsigned char *)s + i, k);
		fputs("?=", f);
		i += k;
	}
}

/* A display name: an atom phrase as it is, else a quoted string, else
 * (not ASCII) encoded words. */
static void
display_name(FILE *f, const char *s)
{
	if (!is_ascii(s)) {
		header_text(f, s);
		return;
	}
	if (strpbrk(s, "()<>[]:;@\\,.\"") == NULL) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

/* The body in quoted-printable (RFC 2045), lines of at most 76. */
static void
quoted_printable(FILE *f, const char *s)
{
	int col = 0;

	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		char enc[4];
		int w;

		if (c == '\n') {
			fputs("\r\n", f);
			col = 0;
			continue;
		}
		if ((c == ' ' || c == '\t') && (s[1] == '\n' || s[1] == '\0'))
			w = snprintf(enc, sizeof enc, "=%02X", c);
		else if (c == '=' || c >= 0x80 || (c < 0x20 && c != '\t'))
			w = snprintf(enc, sizeof enc, "=%02X", c);
		else
			w = snprintf(enc, sizeof enc, "%c", c);
		if (col + w > 75) {
			fputs("=\r\n", f);
			col = 0;
		}
		fputs(enc, f);
		col += w;
	}
}

char *
mail_message(const char *from, const char *to_name, const char *to_addr,
	     const char *subject, const char *body, int64_t date,
	     const char *message_id)
{
	static const char *const wd[] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
					   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int64_t days = date >= 0 ? date / 86400 : -((-date + 86399) / 86400);
	int64_t secs = date - days * 86400;
	bool ascii = is_ascii(body);
	char *buf = NULL;
	size_t len = 0;
	int y, m, d;
	FILE *f;

	civil_from_days(days, &y, &m, &d);
	f = open_memstream(&buf, &len);
	if (f == NULL)
		abort();
	fprintf(f, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\r\n",
		wd[civil_weekday(y, m, d)], d, mon[m - 1], y, (int)(secs / 3600),
		(int)(secs / 60 % 60), (int)(secs % 60));
	fprintf(f, "From: %s\r\n", from);
	fputs("To: ", f);
	if (to_name != NULL && to_name[0] != '\0') {
		display_name(f, to_name);
		fprintf(f, " <%s>\r\n", to_addr);
	} else {
		fprintf(f, "%s\r\n", to_addr);
	}
	fputs("Subject: ", f);
	header_text(f, subject);
	fprintf(f, "\r\nMessage-ID: %s\r\n", message_id);
	fputs("MIME-Version: 1.0\r\n"
	      "Content-Type: text/plain; charset=UTF-8\r\n", f);
	fprintf(f, "Content-Transfer-Encoding: %s\r\n", ascii ? "7bit" : "quoted-printable");
	fputs("Auto-Submitted: auto-generated\r\n\r\n", f);
	if (ascii) {
		for (const char *p = body; *p != '\0'; p++) {
			if (*p == '\n')
				fputc('\r', f);
			fputc(*p, f);
		}
	} else {
		quoted_printable(f, body);
	}
	if (fclose(f) != 0)
		abort();
	return buf;
}

char *
webhook_payload(const char *text)
{
	json_t *o = json_pack("{s:s}", "text", text);
	char *s;

	if (o == NULL)                  /* TEXT is not UTF-8 */
		o = json_pack("{s:s}", "text", "(unreadable text)");
	s = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
	json_decref(o);
	if (s == NULL)
		abort();
	return s;
}
