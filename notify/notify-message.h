/* Notifications, the pure part: what each notice says, and how it is put
 * on the wire (an RFC 5322 email, a Slack-compatible webhook payload).
 * Plain structs in, text out: no store, no network, no clock. Unit-tested
 * in tests/unit/test-notify.c.
 *
 * A notice is one thing to tell (a handoff, a swap request, an answer to
 * one, the shift news of a run, a burnout alert) with one key that names it for good; it holds one
 * email per person told, and at most one line of text for the team's chat
 * (the webhook). notify/notify.h turns notices into rows of the
 * notifications table (one row per channel and recipient). */
#ifndef ROTA_NOTIFY_MESSAGE_H
#define ROTA_NOTIFY_MESSAGE_H

#include <stddef.h>
#include <stdint.h>

#include "model/model.h"
#include "store/store.h"

#define NOTICE_KEY_MAX 320
#define NOTICE_SUBJECT_MAX 256

struct notice_mail {
	char handle[HANDLE_MAX];
	char name[NAME_MAX_];
	char email[EMAIL_MAX];          /* "" when the person has none */
	char subject[NOTICE_SUBJECT_MAX];
	char *body;                     /* malloc'd; lines end in \n */
};

struct notice {
	char kind[16];                  /* handoff | swap | shift | burnout */
	char key[NOTICE_KEY_MAX];       /* "handoff:UID@START:OUT:IN", "swap:ID:request" ... */
	char *chat;                     /* the webhook's text, malloc'd; NULL: none */
	struct notice_mail *mail;       /* malloc'd, nmail of them */
	size_t nmail;
};

/* Frees what N holds (not N itself) and zeroes it. */
void notice_free(struct notice *n);

/* The handoff at the start of SH: IN takes over from OUT (NULL when
 * nobody held the rotation just before). Mails to both, and a chat line.
 * Key: "handoff:UID@STARTZ:OUT:IN" (OUT "-" when none), so a handoff whose
 * people change after a swap is told again, to the new people. */
void notice_handoff(const struct shift *sh, const struct person *in,
		    const struct person *out, struct notice *n);

/* Swap request W (open) for SH, asked by REQUESTER of the people TO (the
 * target, or every other member of the term for a request open to
 * anyone). Key: "swap:ID:request". */
void notice_swap_request(const struct swap *w, const struct shift *sh,
			 const struct person *requester, const struct person *to,
			 size_t nto, struct notice *n);

/* The answer to swap request W (accepted or declined), told to the
 * requester. Key: "swap:ID:accepted" or "swap:ID:declined". */
void notice_swap_answer(const struct swap *w, const struct shift *sh,
			const struct person *requester, struct notice *n);

/* One week of shift news: a week whose parts changed since rota notify
 * last told them (store_told_changed), with its parts then and now, each
 * sorted by start. */
struct week_news {
	const struct told_week *week;
	const struct held_part *before, *after;
	size_t nbefore, nafter;
};

/* The shift news told by run RUN of rota notify at NOW: to each person
 * whose own shifts changed in the weeks W (PEOPLE, sorted by id, holds
 * everyone they name) one mail, in the person's own zone, with a section
 * a week: "you are on call from ... to ..." (added), "... is no longer
 * yours (now X's)" (removed, or a piece of it), "you now hold ... instead
 * of ..." (split, moved or grown); and a section a term for a term whose
 * schedule is new (its weeks listed, not a section each). Only what has
 * not ended by NOW is told. One chat text, a line a week (a term, for a
 * new one) in the rotation's zone. The weeks of a new term come together
 * in W, as store_told_changed gives them. Key: "shifts:RUN". */
void notice_shift_news(const struct week_news *w, size_t nw, const struct person *people,
		       size_t npeople, int64_t now, int64_t run, struct notice *n);

/* A burnout indicator of the reports that crossed its threshold. */
struct burnout_alert {
	const char *handle;             /* the person it is about */
	const char *indicator;          /* a short name: "sleep_interruptions" */
	const char *month;              /* "YYYY-MM" */
	const char *status;             /* "amber" or "red" */
	const char *text;               /* one plain sentence: what and why it matters */
};
/* Mails to every manager in MANAGERS; never to the chat (it is about a
 * person's health). Key: "burnout:PERSON:INDICATOR:YYYY-MM". */
void notice_burnout(const struct burnout_alert *a, const struct person *managers,
		    size_t nmanagers, struct notice *n);

/* The bare address of FROM ("rota <rota@example.com>" or
 * "rota@example.com") into buf: 0, or -1 when it holds no address. */
int mail_address(const char *from, char *buf, size_t len);

/* A Message-ID that stays the same for the same notification (retries
 * carry the same one): "<rota.HASH.CREATED@DOMAIN>", DOMAIN that of
 * FROM's address. */
void mail_message_id(const char *dedup_key, int64_t created, const char *from,
		     char *buf, size_t len);

/* The whole RFC 5322 message, CRLF line ends: Date (DATE, UTC), From, To
 * (NAME <ADDR>; a non-ASCII name as an RFC 2047 encoded word), Subject
 * (encoded likewise), Message-ID, MIME-Version, Content-Type text/plain
 * UTF-8 (7bit, or quoted-printable when the body is not ASCII),
 * Auto-Submitted, then BODY. malloc'd. */
char *mail_message(const char *from, const char *to_name, const char *to_addr,
		   const char *subject, const char *body, int64_t date,
		   const char *message_id);

/* {"text": TEXT} for a Slack-compatible incoming webhook. malloc'd. */
char *webhook_payload(const char *text);

#endif
