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
	when(sh->start, sh->tz, start, sizeof start);
	when(sh->end, sh->tz, end, sizeof end);
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
		char decline[64] = "";

		if (w->target_id != 0)
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
