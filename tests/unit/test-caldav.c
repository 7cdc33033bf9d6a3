/* CalDAV publishing: the multistatus reader on answers of several servers
 * (the DAV: namespace under any prefix, or as the default), the plan of a
 * publish, the collection URL, the credentials and the store's record. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>
#include <cmocka.h>

#include "calendars/caldav.h"
#include "common/config.h"
#include "store/store.h"
#include "tests/unit/store-fixture.h"

/* ---- the multistatus reader ---- */

static char *
fixture(const char *name, size_t *len)
{
	const char *src = getenv("ROTA_SRCDIR");
	char path[512];
	char *buf;
	FILE *f;
	long size;

	snprintf(path, sizeof path, "%s/tests/unit/caldav/%s", src ? src : ".", name);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	buf = malloc((size_t)size + 1);
	assert_int_equal(fread(buf, 1, (size_t)size, f), (size_t)size);
	buf[size] = '\0';
	fclose(f);
	*len = (size_t)size;
	return buf;
}

static void
parse(const char *name, int want, struct caldav_resource **v, size_t *n)
{
	size_t len;
	char *xml = fixture(name, &len);

	assert_int_equal(caldav_parse_multistatus(xml, len, v, n), want);
	free(xml);
}

static void
test_radicale_default_namespace(void **state)
{
	struct caldav_resource *v;
	size_t n;

	parse("radicale.xml", 0, &v, &n);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].href, "/ops/shifts/shift-1%40rota.ics");
	assert_string_equal(v[0].etag, "\"49355c0c00d2\"");
	assert_string_equal(v[0].uid, "shift-1@rota");
	assert_string_equal(v[0].digest, "1798797600/1799402400\nx\n");
	caldav_resources_free(v, n);
}

static void
test_upper_prefix_skips_collection_and_errors(void **state)
{
	struct caldav_resource *v;
	size_t n;

	parse("upper-prefix.xml", 0, &v, &n);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].href, "/cal/ops/a.ics");
	assert_string_equal(v[0].etag, "\"etag-a\"");
	assert_string_equal(v[0].uid, "shift-a@rota");
	/* No calendar-data (its propstat is a 404): the UID comes from the href. */
	assert_string_equal(v[1].href, "/cal/ops/b%2Bc%40rota.ics");
	assert_string_equal(v[1].etag, "W/\"etag-b\"");
	assert_string_equal(v[1].uid, "b+c@rota");
	caldav_resources_free(v, n);
}

static void
test_lower_prefix_cdata_and_full_urls(void **state)
{
	struct caldav_resource *v;
	size_t n;

	parse("lower-prefix.xml", 0, &v, &n);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].href, "/remote.php/dav/calendars/ops/shifts/x1.ics");
	assert_string_equal(v[0].etag, "\"e1\"");
	assert_string_equal(v[0].uid, "shift-x1@rota");
	assert_string_equal(v[1].href,
			    "https://cal.example.com/remote.php/dav/calendars/ops/shifts/x2.ics");
	/* A VTODO: no event UID, so the href's name. */
	assert_string_equal(v[1].uid, "x2");
	caldav_resources_free(v, n);
}

static void
test_caldav_as_default_namespace(void **state)
{
	struct caldav_resource *v;
	size_t n;

	parse("default-ns.xml", 0, &v, &n);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].etag, "\"z\"");
	assert_string_equal(v[0].uid, "shift-z@rota");
	caldav_resources_free(v, n);
}

static void
test_prefix_alone_means_nothing(void **state)
{
	struct caldav_resource *v;
	size_t n;

	/* D: bound to another namespace is not DAV:. */
	parse("wrong-ns.xml", -1, &v, &n);
	assert_null(v);
	assert_int_equal(n, 0);
	/* Elements of another namespace with DAV:'s local names are ignored. */
	parse("foreign-prefix.xml", 0, &v, &n);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].href, "/real.ics");
	assert_string_equal(v[0].etag, "\"real\"");
	assert_string_equal(v[0].uid, "real");
	caldav_resources_free(v, n);
}

static void
test_not_a_multistatus(void **state)
{
	struct caldav_resource *v;
	size_t n;

	parse("not-dav.html", -1, &v, &n);
	assert_int_equal(n, 0);
	parse("truncated.xml", -1, &v, &n);
	assert_int_equal(n, 0);
	assert_int_equal(caldav_parse_multistatus("", 0, &v, &n), -1);
}

/* ---- the plan ---- */

static enum caldav_shift
classify_stub(void *arg, const char *uid)
{
	if (strncmp(uid, "old-", 4) == 0)
		return CALDAV_SHIFT_ACTIVE;
	if (strncmp(uid, "cancelled-", 10) == 0)
		return CALDAV_SHIFT_CANCELLED;
	(*(int *)arg)++;
	return CALDAV_SHIFT_NONE;
}

static struct caldav_resource
res(const char *href, const char *etag, const char *uid)
{
	return (struct caldav_resource){ (char *)href, (char *)etag, (char *)uid, NULL };
}

static struct caldav_event
ev(const char *uid, const char *href, const char *etag, int seq)
{
	struct caldav_event e;

	memset(&e, 0, sizeof e);
	strcpy(e.uid, uid);
	strcpy(e.href, href);
	strcpy(e.etag, etag);
	e.sequence = seq;
	return e;
}

static void
test_plan_first_publish_creates_everything(void **state)
{
	struct caldav_item items[] = { { "s-2", 0, "B", NULL }, { "s-1", 0, "A", NULL } };
	struct caldav_action *a;
	size_t n;
	int asked = 0;

	caldav_plan(items, 2, NULL, 0, NULL, 0, classify_stub, &asked, &a, &n);
	assert_int_equal(n, 2);
	assert_int_equal(a[0].op, CALDAV_CREATE);
	assert_int_equal(a[0].item, 0);
	assert_string_equal(a[0].uid, "s-2");
	assert_null(a[0].href);
	assert_int_equal(a[1].op, CALDAV_CREATE);
	assert_int_equal(a[1].item, 1);
	assert_int_equal(asked, 0);
	free(a);
}

static void
test_plan_unchanged_updated_deleted(void **state)
{
	struct caldav_item items[] = {
		{ "s-1", 2, "A", NULL },      /* same sequence and ETag: unchanged */
		{ "s-2", 4, "B", NULL },      /* sequence raised (a swap): update */
		{ "s-3", 1, "C", NULL },      /* same sequence, edited on the server: update */
		{ "s-4", 0, "D", NULL },      /* recorded, but gone from the server: create */
	};
	struct caldav_resource server[] = {
		res("/c/s-3.ics", "\"e3-edited\"", "s-3"),
		res("/c/gone.ics", "\"eg\"", "s-gone"),         /* recorded, no shift: delete */
		res("/c/s-1.ics", "\"e1\"", "s-1"),
		res("/c/x.ics", "\"ex\"", "someone-else"),      /* not rota's: kept */
		res("/c/old.ics", "\"eo\"", "old-1"),           /* a shift before the window: kept */
		res("/c/c.ics", "\"ec\"", "cancelled-1"),       /* a cancelled shift: delete */
		res("/c/s-2.ics", "\"e2\"", "s-2"),
	};
	struct caldav_event st[] = {
		ev("s-1", "/c/s-1.ics", "\"e1\"", 2),
		ev("s-2", "/c/s-2.ics", "\"e2\"", 3),
		ev("s-3", "/c/s-3.ics", "\"e3\"", 1),
		ev("s-4", "/c/s-4.ics", "\"e4\"", 0),
		ev("s-gone", "/c/gone.ics", "\"eg\"", 0),
		ev("s-lost", "/c/lost.ics", "\"el\"", 0),       /* no longer listed: forget */
	};
	struct caldav_action *a;
	size_t n;
	int asked = 0;

	caldav_plan(items, 4, server, 7, st, 6, classify_stub, &asked, &a, &n);
	assert_int_equal(n, 7);
	assert_int_equal(a[0].op, CALDAV_UNCHANGED);
	assert_string_equal(a[0].href, "/c/s-1.ics");
	assert_int_equal(a[1].op, CALDAV_UPDATE);
	assert_string_equal(a[1].uid, "s-2");
	assert_string_equal(a[1].href, "/c/s-2.ics");
	assert_string_equal(a[1].etag, "\"e2\"");
	assert_int_equal(a[2].op, CALDAV_UPDATE);
	assert_string_equal(a[2].etag, "\"e3-edited\"");
	assert_int_equal(a[3].op, CALDAV_CREATE);
	assert_string_equal(a[3].uid, "s-4");
	assert_int_equal(a[3].item, 3);
	assert_int_equal(a[4].op, CALDAV_DELETE);
	assert_string_equal(a[4].uid, "s-gone");
	assert_string_equal(a[4].href, "/c/gone.ics");
	assert_string_equal(a[4].etag, "\"eg\"");
	assert_int_equal(a[5].op, CALDAV_DELETE);
	assert_string_equal(a[5].uid, "cancelled-1");
	assert_int_equal(a[6].op, CALDAV_FORGET);
	assert_string_equal(a[6].uid, "s-lost");
	/* Asked about s-gone and someone-else only. */
	assert_int_equal(asked, 2);
	free(a);
}

static void
test_plan_duplicate_uid_and_missing_etag(void **state)
{
	struct caldav_item items[] = { { "s-1", 1, "A", NULL } };
	struct caldav_resource server[] = {
		res("/c/s-1.ics", "\"e1\"", "s-1"),
		res("/c/copy.ics", "\"e1b\"", "s-1"),
		res("/c/odd", "", ""),                          /* no UID at all: left alone */
	};
	/* The server gave no ETag to the PUT: the sequence decides. */
	struct caldav_event st[] = { ev("s-1", "/c/s-1.ics", "", 1) };
	struct caldav_action *a;
	size_t n;
	int asked = 0;

	caldav_plan(items, 1, server, 3, st, 1, classify_stub, &asked, &a, &n);
	assert_int_equal(n, 2);
	assert_int_equal(a[0].op, CALDAV_UNCHANGED);
	assert_string_equal(a[0].href, "/c/s-1.ics");
	assert_string_equal(a[0].etag, "\"e1\"");
	assert_int_equal(a[1].op, CALDAV_DELETE);
	assert_string_equal(a[1].href, "/c/copy.ics");
	assert_int_equal(asked, 0);
	free(a);
}

static void
test_plan_text_changed_same_sequence(void **state)
{
	/* The escalation person in the description changed; the shift did not. */
	static const char ics[] =
		"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"
		"BEGIN:STANDARD\r\nDTSTART:19701025T020000\r\nTZOFFSETFROM:+0200\r\n"
		"TZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
		"BEGIN:VEVENT\r\nUID:s-1\r\nSEQUENCE:2\r\n"
		"DTSTART;TZID=Europe/Berlin:20270104T100000\r\n"
		"DTEND;TZID=Europe/Berlin:20270111T100000\r\n"
		"SUMMARY:On call: primary \u2014 ana\r\n"
		"DESCRIPTION:Escalation: mia\\nSwap with rota swap request\r\n"
		"END:VEVENT\r\nEND:VCALENDAR\r\n";
	char *digest = caldav_event_digest(ics), *other;
	struct caldav_item items[] = { { "s-1", 2, ics, digest } };
	struct caldav_resource server[] = { res("/c/s-1.ics", "\"e1\"", "s-1") };
	struct caldav_event st[] = { ev("s-1", "/c/s-1.ics", "\"e1\"", 2) };
	struct caldav_action *a;
	size_t n;
	int asked = 0;

	assert_non_null(digest);
	assert_string_equal(digest, "1799053200/1799658000\n"
			    "On call: primary \u2014 ana\nEscalation: mia\nSwap with rota swap request");
	assert_null(caldav_event_digest("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"));
	/* Not listed with its text: the sequence and ETag decide. */
	caldav_plan(items, 1, server, 1, st, 1, classify_stub, &asked, &a, &n);
	assert_int_equal(n, 1);
	assert_int_equal(a[0].op, CALDAV_UNCHANGED);
	free(a);
	server[0].digest = digest;
	caldav_plan(items, 1, server, 1, st, 1, classify_stub, &asked, &a, &n);
	assert_int_equal(a[0].op, CALDAV_UNCHANGED);
	free(a);
	other = strdup(digest);
	other[strlen(other) - 1] = 'X';
	server[0].digest = other;
	caldav_plan(items, 1, server, 1, st, 1, classify_stub, &asked, &a, &n);
	assert_int_equal(n, 1);
	assert_int_equal(a[0].op, CALDAV_UPDATE);
	assert_string_equal(a[0].etag, "\"e1\"");
	free(a);
	free(other);
	free(digest);
}

/* ---- the connection's URL ---- */

static void
test_open_checks_the_url(void **state)
{
	struct caldav_options o = { .url = "http://127.0.0.1:5232/ops/shifts" };
	struct caldav *c;

	assert_int_equal(caldav_open(&o, &c), 0);
	assert_string_equal(caldav_url(c), "http://127.0.0.1:5232/ops/shifts/");
	caldav_close(c);
	o.url = "https://cal.example.com/dav/ops/";
	assert_int_equal(caldav_open(&o, &c), 0);
	assert_string_equal(caldav_url(c), "https://cal.example.com/dav/ops/");
	caldav_close(c);
	o.url = "https://ops:hunter2@cal.example.com/dav/ops/";
	assert_int_equal(caldav_open(&o, &c), EX_USAGE);
	assert_null(c);
	o.url = "ftp://cal.example.com/ops/";
	assert_int_equal(caldav_open(&o, &c), EX_USAGE);
	o.url = "not a url";
	assert_int_equal(caldav_open(&o, &c), EX_USAGE);
}

/* ---- credentials ---- */

/* The store fixture's folder (each test opens the store itself, if at
 * all), and a file's path in it. */
struct tmp {
	struct fixture base;            /* first: the store fixture's teardown frees it */
	char path[FIXTURE_PATH_MAX];
};

static int
tmp_setup(void **state)
{
	if (fixture_setup(state, sizeof(struct tmp), false) != 0)
		return -1;
	unsetenv("ROTA_CALDAV_PASSWORD");
	return 0;
}

static int
tmp_teardown(void **state)
{
	unsetenv("ROTA_CALDAV_PASSWORD");
	return teardown(state);
}

static void
write_file(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	assert_int_equal(chmod(path, mode), 0);
}

static int
creds(struct tmp *t, const char *conf, char **user, char **pass)
{
	struct config *cfg;
	int r;

	fixture_file(&t->base, "rota.conf", t->path, sizeof t->path);
	write_file(t->path, conf, 0644);
	assert_int_equal(config_load(t->path, &cfg), 0);
	r = caldav_credentials(cfg, user, pass);
	config_free(cfg);
	return r;
}

static void
test_credentials(void **state)
{
	struct tmp *t = *state;
	char pw[FIXTURE_PATH_MAX], conf[FIXTURE_PATH_MAX + 128], *user, *pass;

	/* No username: no authentication. */
	assert_int_equal(creds(t, "[caldav]\ntimeout = 5\n", &user, &pass), 0);
	assert_null(user);
	assert_null(pass);
	/* A username and no password anywhere. */
	assert_int_equal(creds(t, "[caldav]\nusername = ops\n", &user, &pass), EX_CONFIG);
	/* The password file, relative to the configuration's folder. */
	fixture_file(&t->base, "pw", pw, sizeof pw);
	write_file(pw, "s3cret\n", 0600);
	assert_int_equal(creds(t, "[caldav]\nusername = ops\npassword_file = pw\n",
			       &user, &pass), 0);
	assert_string_equal(user, "ops");
	assert_string_equal(pass, "s3cret");
	caldav_credentials_free(user, pass);
	/* Readable by others: refused. */
	assert_int_equal(chmod(pw, 0644), 0);
	assert_int_equal(creds(t, "[caldav]\nusername = ops\npassword_file = pw\n",
			       &user, &pass), EX_CONFIG);
	assert_null(pass);
	assert_int_equal(chmod(pw, 0640), 0);
	assert_int_equal(creds(t, "[caldav]\nusername = ops\npassword_file = pw\n",
			       &user, &pass), EX_CONFIG);
	assert_int_equal(chmod(pw, 0400), 0);
	snprintf(conf, sizeof conf, "[caldav]\nusername = ops\npassword_file = %s\n", pw);
	assert_int_equal(creds(t, conf, &user, &pass), 0);
	assert_string_equal(pass, "s3cret");
	caldav_credentials_free(user, pass);
	/* The environment comes first. */
	setenv("ROTA_CALDAV_PASSWORD", "from-env", 1);
	assert_int_equal(creds(t, conf, &user, &pass), 0);
	assert_string_equal(pass, "from-env");
	caldav_credentials_free(user, pass);
	/* A password and no username. */
	assert_int_equal(creds(t, "[caldav]\ntimeout = 5\n", &user, &pass), EX_CONFIG);
	/* A missing or empty file. */
	unsetenv("ROTA_CALDAV_PASSWORD");
	assert_int_equal(creds(t, "[caldav]\nusername = ops\npassword_file = nope\n",
			       &user, &pass), EX_CONFIG);
	write_file(pw, "\n", 0600);
	assert_int_equal(creds(t, conf, &user, &pass), EX_CONFIG);
}

/* ---- the store's record ---- */

static void
test_store_round_trip(void **state)
{
	struct tmp *t = *state;
	struct store *s;
	struct caldav_event *v, e = ev("s-2", "/c/s-2.ics", "\"e2\"", 3);
	size_t n;
	bool cancelled;

	fixture_file(&t->base, "rota.db", t->path, sizeof t->path);
	assert_int_equal(store_open(t->path, &s), 0);
	assert_int_equal(store_caldav_put(s, "http://h/c/", &e), 0);
	e = ev("s-1", "/c/s-1.ics", "", 1);
	assert_int_equal(store_caldav_put(s, "http://h/c/", &e), 0);
	e = ev("s-1", "/other/s-1.ics", "\"o\"", 9);
	assert_int_equal(store_caldav_put(s, "http://h/other/", &e), 0);
	e = ev("s-2", "/c/s-2.ics", "\"e2b\"", 4);
	assert_int_equal(store_caldav_put(s, "http://h/c/", &e), 0);
	assert_int_equal(store_caldav_list(s, "http://h/c/", &v, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].uid, "s-1");
	assert_string_equal(v[0].etag, "");
	assert_int_equal(v[0].sequence, 1);
	assert_string_equal(v[1].uid, "s-2");
	assert_string_equal(v[1].etag, "\"e2b\"");
	assert_int_equal(v[1].sequence, 4);
	free(v);
	assert_int_equal(store_caldav_remove(s, "http://h/c/", "s-1"), 0);
	assert_int_equal(store_caldav_remove(s, "http://h/c/", "s-1"), STORE_NOT_FOUND);
	assert_int_equal(store_caldav_list(s, "http://h/other/", &v, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].sequence, 9);
	free(v);
	assert_int_equal(store_shift_uid_state(s, "shift-none@rota", &cancelled), STORE_NOT_FOUND);
	store_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_radicale_default_namespace),
		cmocka_unit_test(test_upper_prefix_skips_collection_and_errors),
		cmocka_unit_test(test_lower_prefix_cdata_and_full_urls),
		cmocka_unit_test(test_caldav_as_default_namespace),
		cmocka_unit_test(test_prefix_alone_means_nothing),
		cmocka_unit_test(test_not_a_multistatus),
		cmocka_unit_test(test_plan_first_publish_creates_everything),
		cmocka_unit_test(test_plan_unchanged_updated_deleted),
		cmocka_unit_test(test_plan_duplicate_uid_and_missing_etag),
		cmocka_unit_test(test_plan_text_changed_same_sequence),
		cmocka_unit_test(test_open_checks_the_url),
		cmocka_unit_test_setup_teardown(test_credentials, tmp_setup, tmp_teardown),
		cmocka_unit_test_setup_teardown(test_store_round_trip, tmp_setup, tmp_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
