/* libFuzzer target of `rota page import` (reports/page-import.h,
 * page_import): a CSV export of PagerDuty, Opsgenie or the generic format
 * in, its pages stored or the file refused, never a crash, a leak, an
 * undefined behaviour or a hang, and never a stored text that breaks the
 * text rule (common/text.h). Seeds: fuzz/page-csv-seeds/.
 *
 * The parser reads rows into pages and gives each its responder from the
 * store, so it runs against a team in a database in a temporary folder
 * (store_open refuses sqlite's in-memory ones), made once as the
 * end-to-end tests' (tests/e2e/lib-team.sh) names it: ana, bo and
 * cy ("Person ana", ana@example.com; Dublin office, Mon-Fri 09:00-18:00)
 * take turns in rotation ops (primary) from Monday 4 January 2027 10:00
 * UTC, mo holds esc (escalation), and night (primary) covers out of
 * hours; rota.conf gives services checkout and payments to ops, night to
 * night. Each run is rolled back, so every run sees the same store.
 *
 * A first byte 0x01, 0x02 or 0x03 names the format (PagerDuty, Opsgenie,
 * generic) and is not part of the file; any other first byte is, and the
 * format is told from the header. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/text.h"
#include "fuzz/fuzz.h"
#include "reports/page-import.h"
#include "service/oncall.h"
#include "store/store.h"

#define T0 1799056800           /* Monday 2027-01-04 10:00 UTC */
#define WEEK (7 * 86400)
#define WEEKS 8

static struct store *db;
static struct config *cfg;

static const char CONF[] =
	"[service \"checkout\"]\nrotation = ops\nescalation = esc\n"
	"[service \"payments\"]\nrotation = ops\n"
	"[service \"night\"]\nrotation = night\nescalation = esc\n";

static void
must(int status, const char *what)
{
	if (status != 0) {
		fprintf(stderr, "fuzz-page-csv: setting up the team: %s failed (%d)\n",
			what, status);
		abort();
	}
}

static int64_t
person(const char *handle, int64_t office)
{
	struct person p = { .sleep_start = 1320, .sleep_end = 420, .office_id = office };

	snprintf(p.handle, sizeof p.handle, "%s", handle);
	snprintf(p.name, sizeof p.name, "Person %s", handle);
	snprintf(p.email, sizeof p.email, "%s@example.com", handle);
	snprintf(p.tz, sizeof p.tz, "Europe/Dublin");
	must(store_person_add(db, &p, 0), "store_person_add");
	return p.id;
}

/* Rotation NAME of TIER with a term of WEEKS weeks held in turn by HOLDERS. */
static int64_t
rotation(const char *name, enum tier tier, const int64_t *holders, size_t n)
{
	struct rotation r = { .tier = tier, .handoff_dow = 1, .handoff_minute = 600,
			      .shift_days = 7 };
	struct term t = { .start = T0, .end = T0 + WEEKS * WEEK, .weeks = WEEKS };

	snprintf(r.name, sizeof r.name, "%s", name);
	snprintf(r.tz, sizeof r.tz, "Europe/Dublin");
	must(store_rotation_add(db, &r, 0), "store_rotation_add");
	t.rotation_id = r.id;
	snprintf(t.name, sizeof t.name, "%s-h1", name);
	must(store_term_add(db, &t, 0), "store_term_add");
	for (size_t i = 0; i < n; i++)
		must(store_member_join(db, t.id, holders[i], 0), "store_member_join");
	for (int w = 0; w < WEEKS; w++) {
		struct shift sh = { .rotation_id = r.id, .term_id = t.id, .slot = w,
				    .person_id = holders[w % n], .start = T0 + w * WEEK,
				    .end = T0 + (w + 1) * WEEK };

		must(store_shift_insert(db, &sh, 0), "store_shift_insert");
	}
	return r.id;
}

static void
close_team(void)
{
	store_close(db);
	config_free(cfg);
}

static void
team(void)
{
	struct office o = { 0 };
	int64_t ops[3], esc[1];
	char *path;

	must(config_load(fuzz_file((const uint8_t *)CONF, sizeof CONF - 1), &cfg),
	     "config_load");
	path = fuzz_path("rota.db");
	must(store_open(path, &db), "store_open");
	free(path);
	atexit(close_team);
	snprintf(o.name, sizeof o.name, "dublin");
	snprintf(o.tz, sizeof o.tz, "Europe/Dublin");
	snprintf(o.hours, sizeof o.hours, "Mon-Fri 09:00-18:00");
	must(store_office_add(db, &o, 0), "store_office_add");
	ops[0] = person("ana", o.id);
	ops[1] = person("bo", o.id);
	ops[2] = person("cy", o.id);
	esc[0] = person("mo", 0);
	rotation("ops", TIER_PRIMARY, ops, 3);
	rotation("esc", TIER_ESCALATION, esc, 1);
	must(store_rotation_set_cover(db, rotation("night", TIER_PRIMARY, ops, 3), true,
				      &o.id, 1), "store_rotation_set_cover");
}

static int
windows(void *arg, const struct rotation *rot, int64_t from, int64_t to,
	struct time_span **v, size_t *n)
{
	return oncall_rotation_windows(arg, rot, from, to, v, n);
}

/* A stored page whose text breaks the text rule (common/text.h): page
 * import checks every field where it enters, so none may get in. */
static int
check_text(void *row, void *arg)
{
	const struct page *p = row;
	const char *line[] = { p->source_id, p->responder_name, p->service, p->urgency,
			       p->runbook_url };

	(void)arg;
	for (size_t i = 0; i < sizeof line / sizeof line[0]; i++)
		if (text_fault(line[i], TEXT_LINE, NULL, 0) != 0)
			abort();
	if (text_fault(p->alert, TEXT_LINES, NULL, 0) != 0)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum page_format formats[] = { PAGE_FORMAT_PAGERDUTY,
		PAGE_FORMAT_OPSGENIE, PAGE_FORMAT_GENERIC };
	enum page_format format = PAGE_FORMAT_GUESS;
	struct page_import_result res;
	struct oncall_hook hook = { windows, NULL };

	fuzz_quiet();
	if (db == NULL)
		team();
	hook.arg = db;
	if (size > 0 && data[0] >= 1 && data[0] <= 3) {
		format = formats[data[0] - 1];
		data++;
		size--;
	}
	must(store_begin(db), "store_begin");
	if (page_import(db, cfg, fuzz_file(data, size), format, T0 + 10 * WEEK, &hook,
			NULL, &res) == 0) {
		if (res.imported > res.pages)
			abort();        /* more pages stored than read */
		must(store_page_each(db, INT64_MIN, INT64_MAX, check_text, NULL),
		     "store_page_each");
	}
	store_rollback(db);
	return 0;
}
