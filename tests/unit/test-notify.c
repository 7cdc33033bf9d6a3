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
	assert_null(strstr(n.mail[0].body, "decline"));
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
