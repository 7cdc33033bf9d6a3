/* The pages store: a batch insert keyed by (source, source_id) that a
 * re-import leaves alone, and a read of a time range with every column. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>
#include <cmocka.h>

#include "store/store.h"
#include "tests/unit/store-fixture.h"

static struct page
page(const char *id, int64_t created)
{
	struct page p = { .created = created, .acted = true };

	snprintf(p.source, sizeof p.source, "generic");
	snprintf(p.source_id, sizeof p.source_id, "%s", id);
	return p;
}

static void
add_ana(struct store *db, struct person *ana)
{
	memset(ana, 0, sizeof *ana);
	ana->sleep_start = 1320;
	ana->sleep_end = 420;
	snprintf(ana->handle, sizeof ana->handle, "ana");
	snprintf(ana->name, sizeof ana->name, "Ana");
	snprintf(ana->email, sizeof ana->email, "ana@example.com");
	snprintf(ana->tz, sizeof ana->tz, "Europe/Dublin");
	assert_int_equal(store_person_add(db, ana, 10), 0);
}

static void
test_insert_and_reimport(void **state)
{
	struct fixture *f = *state;
	struct person ana;
	struct page v[3] = { page("P1", 2000), page("P2", 1000), page("P3", 3000) };
	struct page again[2] = { page("P2", 1000), page("P4", 1500) };
	struct page *got;
	size_t added, n;
	int64_t count;

	add_ana(f->db, &ana);
	v[0].acknowledged = 2030;
	v[0].resolved = 2600;
	v[0].responder_id = ana.id;
	snprintf(v[0].responder_name, sizeof v[0].responder_name, "Ana");
	snprintf(v[0].service, sizeof v[0].service, "checkout");
	snprintf(v[0].alert, sizeof v[0].alert, "p99 latency, \"high\"");
	snprintf(v[0].urgency, sizeof v[0].urgency, "high");
	v[0].escalated = true;
	v[0].escalation_person_id = ana.id;
	snprintf(v[0].runbook_url, sizeof v[0].runbook_url, "https://runbooks/x");
	v[0].class = PAGE_SLEEP;
	v[1].acted = false;
	v[1].class = PAGE_IN_HOURS;

	assert_int_equal(store_begin(f->db), 0);
	assert_int_equal(store_page_insert_many(f->db, v, 3, 5000, &added), 0);
	assert_int_equal(store_commit(f->db), 0);
	assert_int_equal(added, 3);
	assert_true(v[0].id > 0 && v[1].id > 0 && v[2].id > 0);

	/* Again, with one known and one new page. */
	assert_int_equal(store_page_insert_many(f->db, again, 2, 6000, &added), 0);
	assert_int_equal(added, 1);
	assert_int_equal(again[0].id, 0);
	assert_true(again[1].id > v[2].id);
	assert_int_equal(store_page_count(f->db, &count), 0);
	assert_int_equal(count, 4);

	/* [1000, 3000): by created, the end excluded. */
	assert_int_equal(store_page_list(f->db, 1000, 3000, &got, &n), 0);
	assert_int_equal(n, 3);
	assert_string_equal(got[0].source_id, "P2");
	assert_false(got[0].acted);
	assert_int_equal(got[0].class, PAGE_IN_HOURS);
	assert_int_equal(got[0].imported_at, 5000);
	assert_int_equal(got[0].acknowledged, 0);
	assert_int_equal(got[0].responder_id, 0);
	assert_string_equal(got[1].source_id, "P4");
	assert_int_equal(got[1].imported_at, 6000);
	assert_int_equal(got[1].class, PAGE_UNCLASSIFIED);
	assert_string_equal(got[2].source_id, "P1");
	assert_int_equal(got[2].id, v[0].id);
	assert_string_equal(got[2].source, "generic");
	assert_int_equal(got[2].created, 2000);
	assert_int_equal(got[2].acknowledged, 2030);
	assert_int_equal(got[2].resolved, 2600);
	assert_int_equal(got[2].responder_id, ana.id);
	assert_string_equal(got[2].responder_name, "Ana");
	assert_string_equal(got[2].service, "checkout");
	assert_string_equal(got[2].alert, "p99 latency, \"high\"");
	assert_string_equal(got[2].urgency, "high");
	assert_true(got[2].escalated);
	assert_int_equal(got[2].escalation_person_id, ana.id);
	assert_string_equal(got[2].runbook_url, "https://runbooks/x");
	assert_true(got[2].acted);
	assert_int_equal(got[2].class, PAGE_SLEEP);
	free(got);
}

/* Page I of the bulk tests: every third one Ana's, a few texts at their
 * longest, the class going round. */
static void
fill_bulk_page(struct page *p, int i, int64_t ana)
{
	memset(p, 0, sizeof *p);
	snprintf(p->source, sizeof p->source, "generic");
	snprintf(p->source_id, sizeof p->source_id, "B%d", i);
	p->created = 100000 + 60 * (int64_t)i;
	p->acknowledged = i % 5 ? p->created + 30 : 0;
	p->resolved = p->created + 600;
	p->acted = p->acknowledged != 0;
	if (i % 3 == 0) {
		p->responder_id = ana;
		snprintf(p->responder_name, sizeof p->responder_name, "Ana Lopez");
	}
	snprintf(p->service, sizeof p->service, "svc%d", i % 7);
	if (i == 4321)
		memset(p->alert, 'x', sizeof p->alert - 1);
	else
		snprintf(p->alert, sizeof p->alert, "alert, \"%d\"", i % 13);
	snprintf(p->urgency, sizeof p->urgency, i % 2 ? "high" : "low");
	p->escalated = i % 11 == 0;
	p->escalation_person_id = i % 11 == 0 ? ana : 0;
	if (i % 2)
		snprintf(p->runbook_url, sizeof p->runbook_url, "https://rb/%d", i);
	p->class = (enum page_class)(i % 4);
}

/* Pushes pages FROM..TO-1 (fill_bulk_page) into B. */
static void
push_bulk(struct page_bulk *b, int from, int to, int64_t ana)
{
	for (int i = from; i < to; i++) {
		fill_bulk_page(store_page_bulk_slot(b), i, ana);
		assert_int_equal(store_page_bulk_push(b), 0);
	}
}

/* Ana, then a transaction and a bulk import in it, pages imported at NOW. */
static struct page_bulk *
begin_bulk(struct store *db, struct person *ana, int64_t now)
{
	struct page_bulk *b;

	add_ana(db, ana);
	assert_int_equal(store_begin(db), 0);
	assert_int_equal(store_page_bulk_begin(db, now, &b), 0);
	return b;
}

/* Many batches through the bulk import (its writer thread storing one
 * while the next is filled): every page stored whole, in push order; a
 * statement between two pushes sees every batch handed over. */
static void
test_bulk_many_batches(void **state)
{
	struct fixture *f = *state;
	struct person ana;
	struct page_bulk *b;
	struct page *got, want;
	size_t added, n;
	int64_t count;

	b = begin_bulk(f->db, &ana, 7000);
	push_bulk(b, 0, 3000, ana.id);
	/* Two full batches handed over (1,024 pages each), the third not. */
	assert_int_equal(store_page_count(f->db, &count), 0);
	assert_int_equal(count, 2048);
	push_bulk(b, 3000, 5000, ana.id);
	assert_int_equal(store_page_bulk_end(b, &added), 0);
	assert_int_equal(store_commit(f->db), 0);
	assert_int_equal(added, 5000);

	assert_int_equal(store_page_list(f->db, 0, INT64_MAX, &got, &n), 0);
	assert_int_equal(n, 5000);
	for (size_t i = 0; i < n; i++) {
		fill_bulk_page(&want, (int)i, ana.id);
		assert_int_equal(got[i].id, (int64_t)i + 1);
		assert_string_equal(got[i].source, "generic");
		assert_string_equal(got[i].source_id, want.source_id);
		assert_int_equal(got[i].created, want.created);
		assert_int_equal(got[i].acknowledged, want.acknowledged);
		assert_int_equal(got[i].resolved, want.resolved);
		assert_int_equal(got[i].responder_id, want.responder_id);
		assert_string_equal(got[i].responder_name, want.responder_name);
		assert_string_equal(got[i].service, want.service);
		assert_string_equal(got[i].alert, want.alert);
		assert_string_equal(got[i].urgency, want.urgency);
		assert_int_equal(got[i].escalated, want.escalated);
		assert_int_equal(got[i].escalation_person_id, want.escalation_person_id);
		assert_string_equal(got[i].runbook_url, want.runbook_url);
		assert_int_equal(got[i].acted, want.acted);
		assert_int_equal(got[i].class, want.class);
		assert_int_equal(got[i].imported_at, 7000);
	}
	assert_int_equal(strlen(got[4321].alert), PAGE_TEXT_MAX - 1);
	free(got);
}

/* Pages that name a person who does not exist: the end refuses them, and
 * the rollback leaves no page. */
static void
test_bulk_dangling_reference(void **state)
{
	struct fixture *f = *state;
	struct person ana;
	struct page_bulk *b;
	size_t added;
	int64_t count;

	b = begin_bulk(f->db, &ana, 7000);
	push_bulk(b, 0, 2500, ana.id + 1);
	assert_int_equal(store_page_bulk_end(b, &added), EX_SOFTWARE);
	assert_int_equal(added, 0);
	store_rollback(f->db);
	assert_int_equal(store_page_count(f->db, &count), 0);
	assert_int_equal(count, 0);
}

/* In the bulk mode (store_bulk_begin) sqlite checks no foreign key: the
 * bulk's own check at the end refuses a page naming a responder, an
 * escalation person or a rotation that does not exist, wherever it is
 * among valid ones; valid references pass; and after store_bulk_end
 * sqlite checks again. */
static void
test_bulk_mode_checks_references(void **state)
{
	struct fixture *f = *state;
	struct person ana;
	struct page_bulk *b;
	struct page one = page("X1", 5000);
	size_t added;
	int64_t count;

	add_ana(f->db, &ana);
	for (int kind = 0; kind < 4; kind++) {
		struct page *p;

		assert_true(store_bulk_begin(f->db));
		assert_int_equal(store_begin(f->db), 0);
		assert_int_equal(store_page_bulk_begin(f->db, 7000, &b), 0);
		push_bulk(b, 0, 3000, ana.id);
		p = store_page_bulk_slot(b);
		fill_bulk_page(p, 3000, ana.id);
		if (kind == 0)
			p->responder_id = ana.id + 1;
		else if (kind == 1)
			p->escalation_person_id = ana.id + 7;
		else if (kind == 2)
			p->rotation_id = 42;
		assert_int_equal(store_page_bulk_push(b), 0);
		push_bulk(b, 3001, 4000, ana.id);
		if (kind < 3) {
			assert_int_equal(store_page_bulk_end(b, &added), EX_SOFTWARE);
			store_rollback(f->db);
		} else {
			assert_int_equal(store_page_bulk_end(b, &added), 0);
			assert_int_equal(added, 4000);
			assert_int_equal(store_commit(f->db), 0);
		}
		store_bulk_end(f->db);
		assert_int_equal(store_page_count(f->db, &count), 0);
		assert_int_equal(count, kind < 3 ? 0 : 4000);
	}
	one.responder_id = ana.id + 1;
	assert_int_equal(store_begin(f->db), 0);
	assert_int_not_equal(store_page_insert_many(f->db, &one, 1, 8000, &added), 0);
	assert_true(store_is_constraint_error(f->db));
	store_rollback(f->db);
}

/* An import stopped half way (a bad row): nothing stays after the
 * rollback, and the next import stores its pages. */
static void
test_bulk_abort(void **state)
{
	struct fixture *f = *state;
	struct person ana;
	struct page_bulk *b;
	size_t added;
	int64_t count;

	b = begin_bulk(f->db, &ana, 7000);
	push_bulk(b, 0, 2048, ana.id);
	/* Large enough for the indexes, and the key, to go. */
	assert_int_equal(store_page_bulk_plan(b, 100000), 0);
	push_bulk(b, 2048, 4000, ana.id);
	store_page_bulk_abort(b);
	store_rollback(f->db);
	assert_int_equal(store_page_count(f->db, &count), 0);
	assert_int_equal(count, 0);

	assert_int_equal(store_begin(f->db), 0);
	assert_int_equal(store_page_bulk_begin(f->db, 8000, &b), 0);
	push_bulk(b, 0, 1500, ana.id);
	push_bulk(b, 10, 20, ana.id);          /* known already: left out */
	assert_int_equal(store_page_bulk_end(b, &added), 0);
	assert_int_equal(store_commit(f->db), 0);
	assert_int_equal(added, 1500);
	assert_int_equal(store_page_count(f->db, &count), 0);
	assert_int_equal(count, 1500);
}

static void
test_class_names(void **state)
{
	enum page_class c;

	(void)state;
	assert_string_equal(page_class_name(PAGE_OUT_OF_HOURS), "out_of_hours");
	assert_null(page_class_name(PAGE_UNCLASSIFIED));
	assert_int_equal(page_class_parse("sleep", &c), 0);
	assert_int_equal(c, PAGE_SLEEP);
	assert_int_equal(page_class_parse("night", &c), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_insert_and_reimport, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bulk_many_batches, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bulk_dangling_reference, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bulk_mode_checks_references, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bulk_abort, setup, teardown),
		cmocka_unit_test(test_class_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
