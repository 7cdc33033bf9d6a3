/* Notifications: the text of each notice, the wire formats (RFC 5322
 * mail, webhook JSON), and the rows enqueued, once, for burnout alerts. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "notify/notify-message.h"
#include "notify/notify.h"
#include "common/config.h"
#include "common/tz.h"
#include "store/store.h"
#include "tests/unit/store-fixture.h"

static struct person
person(const char *handle, const char *name, bool manager)
{
	struct person p = { .sleep_start = 1320, .sleep_end = 420, .is_manager = manager };

	snprintf(p.handle, sizeof p.handle, "%s", handle);
	snprintf(p.name, sizeof p.name, "%s", name);
	snprintf(p.email, sizeof p.email, "%s@example.com", handle);
	snprintf(p.tz, sizeof p.tz, "Europe/Dublin");
	return p;
}

/* Shift 2 of ops: Mon 2027-01-11 10:00 to Mon 2027-01-18 10:00, Dublin (UTC+0). */
static struct shift
shift(void)
{
	struct shift sh = { .id = 2, .rotation_id = 1, .term_id = 1, .slot = 1,
			    .start = 1799661600, .end = 1799661600 + 7 * 86400 };

	snprintf(sh.uid, sizeof sh.uid, "ops-h1-1");
	snprintf(sh.rotation, sizeof sh.rotation, "ops");
	snprintf(sh.tz, sizeof sh.tz, "Europe/Dublin");
	snprintf(sh.term, sizeof sh.term, "h1");
	snprintf(sh.handle, sizeof sh.handle, "bo");
	return sh;
}

static void
test_handoff(void **state)
{
	struct person ana = person("ana", "Ana Lopez", false), bo = person("bo", "Bo", false);
	struct shift sh = shift();
	struct notice n;

	(void)state;
	notice_handoff(&sh, &bo, &ana, &n);
	assert_string_equal(n.kind, "handoff");
	assert_string_equal(n.key, "handoff:ops-h1-1@2027-01-11T10:00:00Z:ana:bo");
	assert_string_equal(n.chat, "Handoff in ops at Mon 2027-01-11 10:00 Europe/Dublin: "
			    "ana hands over to bo (until Mon 2027-01-18 10:00).");
	assert_int_equal(n.nmail, 2);
	assert_string_equal(n.mail[0].handle, "bo");
	assert_string_equal(n.mail[0].email, "bo@example.com");
	assert_string_equal(n.mail[0].subject, "On call in ops from Mon 2027-01-11 10:00 Europe/Dublin");
	assert_string_equal(n.mail[0].body,
			    "Hello Bo,\n\nYou go on call in ops at Mon 2027-01-11 10:00 Europe/Dublin,\n"
			    "taking over from Ana Lopez (ana).\n"
			    "Your shift (2) ends Mon 2027-01-18 10:00 Europe/Dublin.\n\n-- rota\n");
	assert_string_equal(n.mail[1].handle, "ana");
	assert_string_equal(n.mail[1].subject, "Handoff in ops at Mon 2027-01-11 10:00 Europe/Dublin");
	assert_string_equal(n.mail[1].body,
			    "Hello Ana Lopez,\n\nYour on-call shift in ops ends at Mon 2027-01-11 "
			    "10:00 Europe/Dublin:\nyou hand over to Bo (bo).\n\n-- rota\n");
	notice_free(&n);
	assert_null(n.mail);

	notice_handoff(&sh, &bo, NULL, &n);
	assert_string_equal(n.key, "handoff:ops-h1-1@2027-01-11T10:00:00Z:-:bo");
	assert_string_equal(n.chat, "Handoff in ops at Mon 2027-01-11 10:00 Europe/Dublin: "
			    "bo goes on call (until Mon 2027-01-18 10:00).");
	assert_int_equal(n.nmail, 1);
	assert_string_equal(n.mail[0].body,
			    "Hello Bo,\n\nYou go on call in ops at Mon 2027-01-11 10:00 Europe/Dublin.\n"
			    "Your shift (2) ends Mon 2027-01-18 10:00 Europe/Dublin.\n\n-- rota\n");
	notice_free(&n);
}

static void
test_swap(void **state)
{
	struct person ana = person("ana", "", false);
	struct person to[2] = { person("cy", "Cy", false), person("dee", "Dee", false) };
	struct swap w = { .id = 7, .shift_id = 2, .requester_id = 1, .target_id = 4 };
	struct shift sh = shift();
	struct notice n;

	(void)state;
	snprintf(w.requester, sizeof w.requester, "ana");
	snprintf(w.target, sizeof w.target, "dee");
	notice_swap_request(&w, &sh, &ana, &to[1], 1, &n);
	assert_string_equal(n.kind, "swap");
	assert_string_equal(n.key, "swap:7:request");
	assert_string_equal(n.chat, "Swap request 7: ana asks dee to take shift 2 in ops, "
			    "Mon 2027-01-11 10:00 to Mon 2027-01-18 10:00 Europe/Dublin.");
	assert_int_equal(n.nmail, 1);
	assert_string_equal(n.mail[0].subject,
			    "Swap request 7: ana asks you to take ops from Mon 2027-01-11 10:00 Europe/Dublin");
	/* no name: greeted by handle */
	assert_string_equal(n.mail[0].body,
			    "Hello Dee,\n\nana (ana) asks you to take their on-call shift 2 in ops,\n"
			    "from Mon 2027-01-11 10:00 to Mon 2027-01-18 10:00 Europe/Dublin.\n\n"
			    "To accept: rota swap accept 7\nTo decline: rota swap decline 7\n\n-- rota\n");
	notice_free(&n);

	w.target_id = 0;
	w.target[0] = '\0';
	notice_swap_request(&w, &sh, &ana, to, 2, &n);
	assert_string_equal(n.chat, "Swap request 7: ana asks anyone in h1 to take shift 2 in ops, "
			    "Mon 2027-01-11 10:00 to Mon 2027-01-18 10:00 Europe/Dublin.");
	assert_int_equal(n.nmail, 2);
	assert_string_equal(n.mail[0].handle, "cy");
	assert_string_equal(n.mail[1].handle, "dee");
	assert_string_equal(n.mail[0].subject,
			    "Swap request 7: ana asks the term to take ops from Mon 2027-01-11 10:00 Europe/Dublin");
	assert_non_null(strstr(n.mail[0].body, "asks anyone in h1 to take"));
	assert_non_null(strstr(n.mail[0].body, "To decline: rota swap decline 7\n"));
	notice_free(&n);

	w.state = SWAP_ACCEPTED;
	snprintf(w.decided_by, sizeof w.decided_by, "cy");
	notice_swap_answer(&w, &sh, &ana, &n);
	assert_string_equal(n.key, "swap:7:accepted");
	assert_string_equal(n.mail[0].subject, "Swap request 7 accepted by cy");
	assert_string_equal(n.mail[0].body,
			    "Hello ana,\n\ncy accepted your swap request 7: shift 2 in ops,\n"
			    "from Mon 2027-01-11 10:00 to Mon 2027-01-18 10:00 Europe/Dublin, "
			    "is now cy's.\n\n-- rota\n");
	notice_free(&n);
	w.state = SWAP_DECLINED;
	notice_swap_answer(&w, &sh, &ana, &n);
	assert_string_equal(n.key, "swap:7:declined");
	assert_string_equal(n.chat, "Swap request 7 declined by cy: shift 2 in ops stays with ana.");
	assert_non_null(strstr(n.mail[0].body, ", stays yours.\n"));
	notice_free(&n);
}

static const struct burnout_alert alert = {
	.handle = "ana", .indicator = "sleep_interruptions", .month = "2027-03",
	.status = "red", .text = "7 sleep interruptions this month; red from 5.",
};

/* -- shift news -- */

/* Week 1 of h1 in ops: Mon 2027-01-11 10:00 to Mon 2027-01-18 10:00 (UTC+0). */
#define WEEK 1799661600
#define HOUR 3600
#define TUE18 (WEEK + 32 * HOUR)
#define WED08 (WEEK + 46 * HOUR)
#define NEXT (WEEK + 168 * HOUR)

static struct told_week
told_week(bool term_told)
{
	struct told_week w = { .term_id = 1, .slot = 1, .slot_start = WEEK, .slot_end = NEXT,
			       .term_told = term_told };

	snprintf(w.term, sizeof w.term, "h1");
	snprintf(w.rotation, sizeof w.rotation, "ops");
	snprintf(w.tz, sizeof w.tz, "Europe/Dublin");
	return w;
}

/* ana (id 1) and bo (id 2; in New York, UTC-5 in January), by id. */
static void
news_people(struct person p[2])
{
	p[0] = person("ana", "Ana", false);
	p[0].id = 1;
	p[1] = person("bo", "Bo", false);
	p[1].id = 2;
	snprintf(p[1].tz, sizeof p[1].tz, "America/New_York");
}

static void
test_shift_news_split(void **state)
{
	struct told_week tw = told_week(true);
	struct held_part before[] = { { WEEK, NEXT, 1 } };
	struct held_part after[] = { { WEEK, TUE18, 1 }, { TUE18, WED08, 2 }, { WED08, NEXT, 1 } };
	struct week_news w = { &tw, before, after, 1, 3 };
	struct person p[2];
	struct notice n;

	(void)state;
	news_people(p);
	notice_shift_news(&w, 1, p, 2, WEEK - 86400, 7, &n);
	assert_string_equal(n.kind, "shift");
	assert_string_equal(n.key, "shifts:7");
	assert_int_equal(n.nmail, 2);
	assert_string_equal(n.mail[0].subject,
			    "Your on-call shift in ops changed: week of Mon 2027-01-11 10:00");
	assert_string_equal(n.mail[0].body,
			    "Hello Ana,\n\nYour on-call shifts changed (times in Europe/Dublin):\n\n"
			    "ops, week of Mon 2027-01-11 10:00:\n"
			    "  You now hold Mon 2027-01-11 10:00 to Tue 2027-01-12 18:00 and "
			    "Wed 2027-01-13 08:00 to Mon 2027-01-18 10:00\n"
			    "  instead of Mon 2027-01-11 10:00 to Mon 2027-01-18 10:00.\n"
			    "  Tue 2027-01-12 18:00 to Wed 2027-01-13 08:00 is no longer yours "
			    "(now bo's).\n\n-- rota\n");
	/* bo reads it in his own zone. */
	assert_string_equal(n.mail[1].handle, "bo");
	assert_string_equal(n.mail[1].subject,
			    "Your on-call shift in ops changed: week of Mon 2027-01-11 05:00");
	assert_string_equal(n.mail[1].body,
			    "Hello Bo,\n\nYour on-call shifts changed (times in America/New_York):\n\n"
			    "ops, week of Mon 2027-01-11 05:00:\n"
			    "  You are on call from Tue 2027-01-12 13:00 to Wed 2027-01-13 03:00.\n"
			    "\n-- rota\n");
	assert_string_equal(n.chat,
			    "Shifts changed in ops, week of Mon 2027-01-11 10:00 Europe/Dublin: "
			    "ana from Mon 2027-01-11 10:00 to Tue 2027-01-12 18:00, "
			    "bo from Tue 2027-01-12 18:00 to Wed 2027-01-13 08:00, "
			    "ana from Wed 2027-01-13 08:00 to Mon 2027-01-18 10:00.");
	notice_free(&n);

	/* Merged back: the night is ana's again. */
	w = (struct week_news){ &tw, after, before, 3, 1 };
	notice_shift_news(&w, 1, p, 2, WEEK - 86400, 8, &n);
	assert_int_equal(n.nmail, 2);
	assert_string_equal(n.mail[0].body,
			    "Hello Ana,\n\nYour on-call shifts changed (times in Europe/Dublin):\n\n"
			    "ops, week of Mon 2027-01-11 10:00:\n"
			    "  You now hold Mon 2027-01-11 10:00 to Mon 2027-01-18 10:00\n"
			    "  instead of Mon 2027-01-11 10:00 to Tue 2027-01-12 18:00 and "
			    "Wed 2027-01-13 08:00 to Mon 2027-01-18 10:00.\n\n-- rota\n");
	assert_string_equal(n.mail[1].body,
			    "Hello Bo,\n\nYour on-call shifts changed (times in America/New_York):\n\n"
			    "ops, week of Mon 2027-01-11 05:00:\n"
			    "  Tue 2027-01-12 13:00 to Wed 2027-01-13 03:00 is no longer yours "
			    "(now ana's).\n\n-- rota\n");
	notice_free(&n);
}

static void
test_shift_news_in_progress(void **state)
{
	int64_t now = WEEK + 74 * HOUR;         /* Thu 12:00 */
	struct told_week tw = told_week(true);
	struct held_part before[] = { { WEEK, NEXT, 1 } };
	struct held_part after[] = { { WEEK, now, 1 }, { now, NEXT, 2 } };
	struct held_part worked[] = { { WEEK, now, 1 } };
	struct week_news w = { &tw, before, after, 1, 2 };
	struct person p[2];
	struct notice n;

	(void)state;
	news_people(p);
	/* The days ana worked are not news: only what she no longer holds. */
	notice_shift_news(&w, 1, p, 2, now, 9, &n);
	assert_int_equal(n.nmail, 2);
	assert_string_equal(n.mail[0].body,
			    "Hello Ana,\n\nYour on-call shifts changed (times in Europe/Dublin):\n\n"
			    "ops, week of Mon 2027-01-11 10:00:\n"
			    "  Thu 2027-01-14 12:00 to Mon 2027-01-18 10:00 is no longer yours "
			    "(now bo's).\n\n-- rota\n");
	assert_string_equal(n.mail[1].body,
			    "Hello Bo,\n\nYour on-call shifts changed (times in America/New_York):\n\n"
			    "ops, week of Mon 2027-01-11 05:00:\n"
			    "  You are on call from Thu 2027-01-14 07:00 to Mon 2027-01-18 05:00.\n"
			    "\n-- rota\n");
	assert_string_equal(n.chat, "Shifts changed in ops, week of Mon 2027-01-11 10:00 "
			    "Europe/Dublin: bo from Thu 2027-01-14 12:00 to Mon 2027-01-18 10:00.");
	notice_free(&n);

	/* Nobody holds the rest of the week; once it has ended, nothing is news. */
	w = (struct week_news){ &tw, before, worked, 1, 1 };
	notice_shift_news(&w, 1, p, 2, now, 10, &n);
	assert_int_equal(n.nmail, 1);
	assert_string_equal(n.mail[0].body,
			    "Hello Ana,\n\nYour on-call shifts changed (times in Europe/Dublin):\n\n"
			    "ops, week of Mon 2027-01-11 10:00:\n"
			    "  Thu 2027-01-14 12:00 to Mon 2027-01-18 10:00 is no longer yours "
			    "(nobody holds it now).\n\n-- rota\n");
	assert_string_equal(n.chat, "Shifts changed in ops, week of Mon 2027-01-11 10:00 "
			    "Europe/Dublin: nobody holds it now.");
	notice_free(&n);
	notice_shift_news(&w, 1, p, 2, NEXT, 11, &n);
	assert_int_equal(n.nmail, 0);
	notice_free(&n);
}

static void
test_shift_news_new_term(void **state)
{
	struct told_week fresh[2] = { told_week(false), told_week(false) }, told = told_week(true);
	struct held_part w0[] = { { WEEK - 168 * HOUR, WEEK, 1 } }, w1[] = { { WEEK, NEXT, 1 } };
	struct held_part moved[] = { { WEEK, NEXT, 2 } };
	struct week_news w[3] = { { &fresh[0], NULL, w0, 0, 1 }, { &fresh[1], NULL, w1, 0, 1 },
				  { &told, w1, moved, 1, 1 } };
	struct person p[2];
	struct notice n;

	(void)state;
	news_people(p);
	fresh[0].slot = 0;
	fresh[0].slot_start = WEEK - 168 * HOUR;
	fresh[0].slot_end = WEEK;
	/* One section for the new term's weeks, not one a week. */
	notice_shift_news(w, 2, p, 2, WEEK - 300 * HOUR, 12, &n);
	assert_int_equal(n.nmail, 1);
	assert_string_equal(n.mail[0].subject, "Your on-call shifts in ops, term h1");
	assert_string_equal(n.mail[0].body,
			    "Hello Ana,\n\nYour on-call shifts (times in Europe/Dublin):\n\n"
			    "ops, term h1 (a new schedule), your shifts:\n"
			    "  Mon 2027-01-04 10:00 to Mon 2027-01-11 10:00\n"
			    "  Mon 2027-01-11 10:00 to Mon 2027-01-18 10:00\n\n-- rota\n");
	assert_string_equal(n.chat, "The schedule of term h1 in ops is out: "
			    "Mon 2027-01-04 10:00 to Mon 2027-01-18 10:00 Europe/Dublin.");
	notice_free(&n);

	/* A new term and a change elsewhere: one mail with both. */
	told.term_id = 2;
	snprintf(told.term, sizeof told.term, "h0");
	notice_shift_news(w, 3, p, 2, WEEK - 300 * HOUR, 13, &n);
	assert_int_equal(n.nmail, 2);
	assert_string_equal(n.mail[0].subject, "Your on-call shifts changed");
	assert_string_equal(n.mail[0].body,
			    "Hello Ana,\n\nYour on-call shifts changed (times in Europe/Dublin):\n\n"
			    "ops, term h1 (a new schedule), your shifts:\n"
			    "  Mon 2027-01-04 10:00 to Mon 2027-01-11 10:00\n"
			    "  Mon 2027-01-11 10:00 to Mon 2027-01-18 10:00\n\n"
			    "ops, week of Mon 2027-01-11 10:00:\n"
			    "  Mon 2027-01-11 10:00 to Mon 2027-01-18 10:00 is no longer yours "
			    "(now bo's).\n\n-- rota\n");
	assert_string_equal(n.chat, "The schedule of term h1 in ops is out: "
			    "Mon 2027-01-04 10:00 to Mon 2027-01-18 10:00 Europe/Dublin.\n"
			    "Shifts changed in ops, week of Mon 2027-01-11 10:00 Europe/Dublin: "
			    "bo from Mon 2027-01-11 10:00 to Mon 2027-01-18 10:00.");
	notice_free(&n);
}

static void
test_burnout_notice(void **state)
{
	struct person mo = person("mo", "Mo", true);
	struct notice n;

	(void)state;
	notice_burnout(&alert, &mo, 1, &n);
	assert_string_equal(n.kind, "burnout");
	assert_string_equal(n.key, "burnout:ana:sleep_interruptions:2027-03");
	assert_null(n.chat);
	assert_int_equal(n.nmail, 1);
	assert_string_equal(n.mail[0].subject,
			    "Burnout alert (red) for ana in 2027-03: sleep_interruptions");
	assert_string_equal(n.mail[0].body,
			    "Hello Mo,\n\nana's sleep_interruptions in 2027-03 is red:\n"
			    "7 sleep interruptions this month; red from 5.\n\n"
			    "The whole picture: rota report monthly 2027-03\n\n-- rota\n");
	notice_free(&n);
}

static void
test_addresses(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(mail_address("rota <rota@example.com>", buf, sizeof buf), 0);
	assert_string_equal(buf, "rota@example.com");
	assert_int_equal(mail_address("  rota@example.com ", buf, sizeof buf), 0);
	assert_string_equal(buf, "rota@example.com");
	assert_int_equal(mail_address("\"On call, rota\" <oncall@example.org>", buf, sizeof buf), 0);
	assert_string_equal(buf, "oncall@example.org");
	assert_int_equal(mail_address("Rota Team", buf, sizeof buf), -1);
	assert_int_equal(mail_address("rota <rota@example.com", buf, sizeof buf), -1);
	assert_int_equal(mail_address("@example.com", buf, sizeof buf), -1);
	assert_int_equal(mail_address("a b@example.com", buf, sizeof buf), -1);
	assert_int_equal(mail_address("", buf, sizeof buf), -1);

	mail_message_id("burnout:ana:sleep_interruptions:2027-03/email/mo", 1799661600,
			"rota <rota@example.com>", buf, sizeof buf);
	assert_string_equal(buf, "<rota.3bb1902dcb288653.1799661600@example.com>");
	mail_message_id("burnout:ana:sleep_interruptions:2027-03/email/mo", 1799661600,
			"no address", buf, sizeof buf);
	assert_string_equal(buf, "<rota.3bb1902dcb288653.1799661600@localhost>");
}

static void
test_mail_message(void **state)
{
	char *m;

	(void)state;
	m = mail_message("rota <rota@example.com>", "Bo Chen", "bo@example.com",
			 "On call", "Hello Bo,\n\n-- rota\n", 1799659800,
			 "<rota.1.2@example.com>");
	assert_string_equal(m,
			    "Date: Mon, 11 Jan 2027 09:30:00 +0000\r\n"
			    "From: rota <rota@example.com>\r\n"
			    "To: Bo Chen <bo@example.com>\r\n"
			    "Subject: On call\r\n"
			    "Message-ID: <rota.1.2@example.com>\r\n"
			    "MIME-Version: 1.0\r\n"
			    "Content-Type: text/plain; charset=UTF-8\r\n"
			    "Content-Transfer-Encoding: 7bit\r\n"
			    "Auto-Submitted: auto-generated\r\n"
			    "\r\n"
			    "Hello Bo,\r\n\r\n-- rota\r\n");
	free(m);

	/* Not ASCII: encoded words in the headers, quoted-printable body. */
	m = mail_message("rota@example.com", "Bó Ñúñez", "bo@example.com",
			 "Bó = 1", "Hello Bó,\nend \n", 0, "<x@y>");
	assert_non_null(strstr(m, "\r\nTo: =?UTF-8?B?QsOzIMORw7rDsWV6?= <bo@example.com>\r\n"));
	assert_non_null(strstr(m, "\r\nSubject: =?UTF-8?B?QsOzID0gMQ==?=\r\n"));
	assert_non_null(strstr(m, "Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"));
	assert_non_null(strstr(m, "Content-Transfer-Encoding: quoted-printable\r\n"));
	assert_non_null(strstr(m, "\r\n\r\nHello B=C3=B3,\r\nend=20\r\n"));
	free(m);

	/* A name with specials is quoted; no name, the bare address. */
	m = mail_message("rota@example.com", "Chen, Bo \"B\"", "bo@example.com", "s", "b\n",
			 0, "<x@y>");
	assert_non_null(strstr(m, "\r\nTo: \"Chen, Bo \\\"B\\\"\" <bo@example.com>\r\n"));
	free(m);
	m = mail_message("rota@example.com", "", "bo@example.com", "s", "b\n", 0, "<x@y>");
	assert_non_null(strstr(m, "\r\nTo: bo@example.com\r\n"));
	free(m);
}

static void
test_quoted_printable_lines(void **state)
{
	char body[200], *m, *p;

	(void)state;
	/* 100 non-ASCII characters: soft line breaks keep lines within 76. */
	body[0] = '\0';
	for (int i = 0; i < 50; i++)
		strcat(body, "é");
	strcat(body, "\n");
	m = mail_message("rota@example.com", "", "a@example.com", "s", body, 0, "<x@y>");
	p = strstr(m, "\r\n\r\n") + 4;
	while (*p != '\0') {
		char *eol = strstr(p, "\r\n");

		assert_non_null(eol);
		assert_true(eol - p <= 76);
		p = eol + 2;
	}
	free(m);
}

static void
test_webhook_payload(void **state)
{
	char *p;

	(void)state;
	p = webhook_payload("Handoff \"ops\": ana → bo\n");
	assert_string_equal(p, "{\"text\":\"Handoff \\\"ops\\\": ana \\u2192 bo\\n\"}");
	free(p);
	p = webhook_payload("bad \xff utf-8");
	assert_string_equal(p, "{\"text\":\"(unreadable text)\"}");
	free(p);
}

/* -- enqueueing, with a store -- */

struct notify_team {
	struct fixture base;            /* first: the store fixture's teardown frees it */
	char conf[FIXTURE_PATH_MAX];
	struct config *cfg;
};

static int
notify_setup(void **state)
{
	struct notify_team *f;
	struct person p[3] = { person("ana", "Ana", false), person("mo", "Mo", true),
			       person("lee", "Lee", true) };

	if (fixture_setup(state, sizeof *f, true) != 0)
		return -1;
	f = *state;
	fixture_file(&f->base, "rota.conf", f->conf, sizeof f->conf);
	for (int i = 0; i < 3; i++)
		if (store_person_add(f->base.db, &p[i], 0) != 0)
			return -1;
	return 0;
}

static int
notify_teardown(void **state)
{
	struct notify_team *f = *state;

	config_free(f->cfg);
	return teardown(state);
}

static void
configure(struct notify_team *f, const char *text)
{
	FILE *c = fopen(f->conf, "w");

	assert_non_null(c);
	fputs(text, c);
	fclose(c);
	config_free(f->cfg);
	f->cfg = NULL;
	assert_int_equal(config_load(f->conf, &f->cfg), 0);
}

static void
test_burnout_enqueued_once(void **state)
{
	struct notify_team *f = *state;
	struct notification *v;
	size_t n;

	configure(f, "[notify]\nemail = yes\nwebhook = yes\n");
	assert_int_equal(notify_burnout(f->base.db, f->cfg, &alert, 1000), 0);
	assert_int_equal(notify_burnout(f->base.db, f->cfg, &alert, 2000), 0);
	assert_int_equal(store_notification_due(f->base.db, &v, &n), 0);
	assert_int_equal(n, 2);         /* the two managers (by handle), by email only */
	assert_string_equal(v[0].dedup_key, "burnout:ana:sleep_interruptions:2027-03/email/lee");
	assert_string_equal(v[0].kind, "burnout");
	assert_string_equal(v[0].channel, "email");
	assert_string_equal(v[0].recipient, "Lee <lee@example.com>");
	assert_string_equal(v[0].subject, "Burnout alert (red) for ana in 2027-03: sleep_interruptions");
	assert_int_equal(v[0].created, 1000);
	assert_int_equal(v[0].state, NOTIFICATION_PENDING);
	assert_string_equal(v[1].dedup_key, "burnout:ana:sleep_interruptions:2027-03/email/mo");
	store_notification_free(v, n);

	/* Sent, then failed: recorded per row. */
	assert_int_equal(store_notification_sent(f->base.db, 1, 3000), 0);
	assert_int_equal(store_notification_failed(f->base.db, 2, "SMTP 451"), 0);
	assert_int_equal(store_notification_due(f->base.db, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].id, 2);
	assert_int_equal(v[0].state, NOTIFICATION_FAILED);
	assert_int_equal(v[0].attempts, 1);
	assert_string_equal(v[0].last_error, "SMTP 451");
	store_notification_free(v, n);
	assert_int_equal(store_notification_list(f->base.db, 0, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(v[1].id, 1);
	assert_int_equal(v[1].state, NOTIFICATION_SENT);
	assert_int_equal(v[1].sent, 3000);
	store_notification_free(v, n);
}

static void
test_burnout_with_email_off(void **state)
{
	struct notify_team *f = *state;
	struct notification *v;
	size_t n;

	configure(f, "[notify]\nwebhook = yes\n");
	assert_int_equal(notify_burnout(f->base.db, f->cfg, &alert, 1000), 0);
	assert_int_equal(store_notification_due(f->base.db, &v, &n), 0);
	assert_int_equal(n, 0);
	free(v);
	configure(f, "[notify]\nemail = perhaps\n");
	assert_int_equal(notify_burnout(f->base.db, f->cfg, &alert, 1000), 78);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_handoff),
		cmocka_unit_test(test_swap),
		cmocka_unit_test(test_shift_news_split),
		cmocka_unit_test(test_shift_news_in_progress),
		cmocka_unit_test(test_shift_news_new_term),
		cmocka_unit_test(test_burnout_notice),
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_mail_message),
		cmocka_unit_test(test_quoted_printable_lines),
		cmocka_unit_test(test_webhook_payload),
		cmocka_unit_test_setup_teardown(test_burnout_enqueued_once, notify_setup, notify_teardown),
		cmocka_unit_test_setup_teardown(test_burnout_with_email_off, notify_setup, notify_teardown),
	};
	int r = cmocka_run_group_tests(tests, NULL, NULL);

	tz_cleanup();
	return r;
}
