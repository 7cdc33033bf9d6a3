/* The store: the only code that speaks SQL.
 *
 * Conventions for every function here:
 *  - returns 0 on success, STORE_NOT_FOUND when a looked-up row does not
 *    exist, STORE_EXISTS where a function says so (both: nothing printed,
 *    the caller words it), or a sysexits status after printing why (a
 *    value rota never writes, read back from a damaged database: EX_DATAERR);
 *  - lists are malloc'd arrays the caller frees with free(); n is set;
 *  - structs are those of model/model.h and own their text;
 *  - times are UTC seconds.
 * Writes happen inside the caller's transaction (store_begin/commit): the
 * CLI runs each write command as exactly one transaction. */
#ifndef ROTA_STORE_H
#define ROTA_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "model/model.h"

#define STORE_NOT_FOUND 1
#define STORE_EXISTS 2

struct store;

/* Opens (creating it and its folders if needed) the database at PATH and
 * brings its schema to the latest version. A database it creates is
 * readable by its owner only (0600, whatever the umask), as are its -wal
 * and -shm files: it holds feed tokens, leave reasons and pay. */
int store_open(const char *path, struct store **out);
/* The group NAME (GID) that databases created from now on belong to:
 * the database file is then 0660 and owned by it, and so are the -wal
 * and -shm files this user makes; NULL: none, 0600 (the default). A
 * database this user may not open, not being in the group, is refused
 * saying so (EX_NOPERM). */
void store_create_group(const char *name, gid_t gid);
/* The same, migrating only up to TARGET (tests build old databases). */
int store_open_version(const char *path, int target, struct store **out);
int store_migrate(struct store *s, int target);
int store_schema_version(struct store *s, int *version);
int store_latest_version(void);
void store_close(struct store *s);
/* For a command that reads a few rows of each of many tables' pages once
 * (rota now, next): pages read with read() into a small cache instead of
 * through the memory map. A fault on a page of a mapped 45 MB file costs
 * some 20 us on this machine, a read() of it 2 (bench/README.md). */
void store_read_few(struct store *s);
/* For a command that lists rows as it reads them, however many
 * (CMD_STREAM): store_read_few, and sorts kept in a temporary file, so
 * that its memory does not grow with the table. */
void store_read_stream(struct store *s);
const char *store_path(const struct store *s);

int store_begin(struct store *s);
int store_commit(struct store *s);
void store_rollback(struct store *s);
/* A read transaction, so that a list read twice (out_list_rows) reads the
 * same rows both times: writers go on, this connection sees the database
 * as it was at its first read. Inside a transaction already it does
 * nothing; *BEGAN says whether it began one, for store_read_end. */
int store_read_begin(struct store *s, bool *began);
void store_read_end(struct store *s, bool began);
/* For a transaction that adds many rows (a large page import), called
 * before store_begin: the rollback journal instead of the WAL while nobody
 * else has the database open (the WAL writes every new page twice, to the
 * log and again at the checkpoint; the rollback journal keeps copies of
 * changed pages only, and pages added at the end of the file need none).
 * Other processes wait for the database until store_bulk_end(): readers
 * too, for up to the busy timeout. Returns whether it switched; when
 * another connection is open it stays in WAL mode and changes nothing.
 * When it switched, sqlite checks no foreign key until store_bulk_end(),
 * three look-ups a page (a tenth of a large import's time): what the
 * transaction writes must check its own references, as a page bulk does
 * (store_page_bulk_end). store_bulk_end() goes back to WAL mode (as the
 * next store_open() would) and to foreign keys checked. */
bool store_bulk_begin(struct store *s);
void store_bulk_end(struct store *s);
/* Whether the last failure was a UNIQUE/CHECK/FOREIGN KEY constraint. */
bool store_is_constraint_error(const struct store *s);

/* Offices and their public holidays. */
int store_office_add(struct store *s, struct office *o, int64_t now);
int store_office_get(struct store *s, const char *name, struct office *out);
int store_office_get_id(struct store *s, int64_t id, struct office *out);
int store_office_list(struct store *s, struct office **v, size_t *n);
/* SOURCE is "manual" or a feed's address; SOURCE_UID and RECURRENCE_ID may
 * be NULL. Adding the same holiday twice is not an error and adds nothing. */
int store_holiday_add(struct store *s, struct holiday *h, const char *source,
		      const char *source_uid, const char *recurrence_id);
/* OFFICE_ID 0: every office. Days in [from_day, to_day] (YYYY-MM-DD; NULL: open). */
int store_holiday_list(struct store *s, int64_t office_id, const char *from_day,
		       const char *to_day, struct holiday **v, size_t *n);
int store_holiday_get(struct store *s, int64_t id, struct holiday *out);
int store_holiday_remove(struct store *s, int64_t id);

/* People. Removed people keep their history but are listed nowhere. */
int store_person_add(struct store *s, struct person *p, int64_t now);
int store_person_get(struct store *s, const char *handle, struct person *out);
int store_person_get_id(struct store *s, int64_t id, struct person *out);
int store_person_list(struct store *s, struct person **v, size_t *n);
int store_person_update(struct store *s, const struct person *p);
int store_person_remove(struct store *s, int64_t id, int64_t now);
/* How many managers the database has (bootstrap: while none, anyone may
 * set the team up). */
int store_manager_count(struct store *s, int64_t *n);

/* A person's zone, office, sleep hours and manager flag as history
 * (store/person-history.c): the values in force from FROM (UTC; 0: from
 * the beginning) until the next entry's FROM. Every rule that judges a
 * past instant uses the entry in force then; the schedule's future uses
 * the persons row (struct person), which holds the latest. */
struct person_attrs {
	int64_t from;
	char tz[TZ_MAX];
	int64_t office_id;              /* 0: none */
	char office[NAME_MAX_];         /* its name, "" when none */
	bool is_manager;
	int sleep_start, sleep_end;     /* minutes after midnight, own zone */
	char by[2 * HANDLE_MAX + 8];    /* who made the change (the audit
					 * trail's actor), "" when unknown */
};
/* Whoever changes a person's zone, office, sleep hours or manager flag,
 * in one transaction: store_person_history_begin before changing their
 * persons row (a person with no entry yet gets one with the values of
 * that row, from the beginning), then store_person_history_add: P's
 * values are in force from FROM (a later change at the same instant
 * replaces the earlier). */
int store_person_history_begin(struct store *s, int64_t person_id);
int store_person_history_add(struct store *s, int64_t from, const struct person *p);
/* Person PERSON_ID's entries, oldest first, in a malloc'd array (free());
 * never empty for a person who exists: one with no entry (nothing kept
 * has changed since they were added) has their persons row, from the
 * beginning. STORE_NOT_FOUND for nobody. Read once per person and kept
 * by the store until the next change of the history. */
int store_person_history(struct store *s, int64_t person_id, struct person_attrs **v,
			 size_t *n);
/* The entry of person PERSON_ID in force at T (from the same cache: a
 * month of pages costs one query per person, not one per page). */
int store_person_attrs_at(struct store *s, int64_t person_id, int64_t t,
			  struct person_attrs *out);
/* The index of the entry of V[0..N) (oldest first, N > 0) in force at T:
 * the last that starts at or before T, else the first. */
size_t person_attrs_index(const struct person_attrs *v, size_t n, int64_t t);

/* Rotations, terms and their members. */
int store_rotation_add(struct store *s, struct rotation *r, int64_t now);
int store_rotation_get(struct store *s, const char *name, struct rotation *out);
int store_rotation_get_id(struct store *s, int64_t id, struct rotation *out);
int store_rotation_list(struct store *s, struct rotation **v, size_t *n);
/* Makes rotation ROTATION_ID cover out of hours only (OUT_OF_HOURS) with
 * the N OFFICES chosen (none: its members' offices), or every hour. */
int store_rotation_set_cover(struct store *s, int64_t rotation_id, bool out_of_hours,
			     const int64_t *offices, size_t n);
/* The offices chosen for rotation ROTATION_ID (rota rotation set
 * --offices), by name; none when it follows its members' offices. */
int store_rotation_chosen_offices(struct store *s, int64_t rotation_id, struct office **v,
				  size_t *n);
/* The memberships of rotation ROTATION_ID's terms overlapping [FROM,
 * TO) that were current at some instant of it, by person; one whose
 * person was removed ends then at the latest. Their offices
 * over time are their history (store_person_history). */
int store_rotation_members(struct store *s, int64_t rotation_id, int64_t from, int64_t to,
			   struct membership **v, size_t *n);
int store_term_add(struct store *s, struct term *t, int64_t now);
int store_term_get(struct store *s, const char *name, struct term *out);
int store_term_get_id(struct store *s, int64_t id, struct term *out);
/* ROTATION_ID 0: every rotation. Sorted by rotation, then start. */
int store_term_list(struct store *s, int64_t rotation_id, struct term **v, size_t *n);
/* The term of ROTATION_ID in force at T, or STORE_NOT_FOUND. */
int store_term_at(struct store *s, int64_t rotation_id, int64_t t, struct term *out);
/* PERSON_ID joins the term from AT (re-joining after leaving reopens the
 * membership): 0, STORE_EXISTS when already a member, or the error. */
int store_member_join(struct store *s, int64_t term_id, int64_t person_id, int64_t at);
/* STORE_NOT_FOUND when PERSON_ID is not a member now. */
int store_member_leave(struct store *s, int64_t term_id, int64_t person_id, int64_t at);
/* Every membership of the term, past ones included, sorted by handle. */
int store_member_list(struct store *s, int64_t term_id, struct membership **v, size_t *n);
int store_member_get(struct store *s, int64_t term_id, int64_t person_id, struct membership *out);

/* Receives each row of a list read row by row (store_*_each), valid until
 * it returns; a non-zero return stops the reading and is returned. */
typedef int store_row_fn(void *row, void *arg);

/* The rows of store_person_list, store_holiday_list and store_swap_list,
 * in their order, each (a struct person, holiday or swap) handed to FN
 * as it is read. */
int store_person_each(struct store *s, store_row_fn *fn, void *arg);
int store_holiday_each(struct store *s, int64_t office_id, const char *from_day,
		       const char *to_day, store_row_fn *fn, void *arg);
int store_swap_each(struct store *s, int64_t person_id, bool open_only, store_row_fn *fn,
		    void *arg);

/* Leave. PERSON_ID 0: everyone. Rows overlapping [from, to). */
int store_leave_add(struct store *s, struct leave *l, int64_t now);
int store_leave_get(struct store *s, int64_t id, struct leave *out);
int store_leave_list(struct store *s, int64_t person_id, int64_t from, int64_t to,
		     struct leave **v, size_t *n);
int store_leave_remove(struct store *s, int64_t id);
/* One leave listed, with its person's zone. */
struct leave_item {
	struct leave leave;
	char tz[TZ_MAX];
};
/* The rows of store_leave_list in its order, each a struct leave_item
 * handed to FN as it is read. */
int store_leave_each(struct store *s, int64_t person_id, int64_t from, int64_t to,
		     store_row_fn *fn, void *arg);

/* Shifts. Zero fields of the filter do not filter; from/to select shifts
 * overlapping [from, to) (to = 0: open-ended). Sorted by start, then tier
 * (primary first), then rotation name. */
struct shift_filter {
	int64_t rotation_id, term_id, person_id;
	int64_t from, to;
	bool include_cancelled;
};
int store_shift_list(struct store *s, const struct shift_filter *f,
		     struct shift **v, size_t *n);
/* The same shifts, each a struct shift handed to FN as it is read. */
int store_shift_each(struct store *s, const struct shift_filter *f, store_row_fn *fn,
		     void *arg);
int store_shift_get(struct store *s, int64_t id, struct shift *out);
/* Inserts a new shift (slot of a term); sets sh->id and sh->uid. */
int store_shift_insert(struct store *s, struct shift *sh, int64_t now);
/* Gives the shift to PERSON_ID with ORIGIN, raising its sequence; a
 * cancelled shift is restored. The person who loses it keeps it in their
 * own feed, cancelled (shift_releases), until it ends. */
int store_shift_assign(struct store *s, int64_t shift_id, int64_t person_id,
		       enum origin origin, int64_t now);
/* The same, and the shift (a part of its week) now ends at END (0: as
 * it was). */
int store_shift_reshape(struct store *s, int64_t shift_id, int64_t person_id, int64_t end,
			enum origin origin, int64_t now);
/* Every shift (part) of week SLOT of term TERM_ID, cancelled ones
 * included, by start. */
int store_slot_shifts(struct store *s, int64_t term_id, int slot, struct shift **v,
		      size_t *n);
/* Marks the shift cancelled, raising its sequence. */
int store_shift_cancel(struct store *s, int64_t shift_id, int64_t now);

/* Swap requests. */
int store_swap_add(struct store *s, struct swap *w);
int store_swap_get(struct store *s, int64_t id, struct swap *out);
/* PERSON_ID 0: every request; else those it asked or was asked (or open
 * to anyone). OPEN_ONLY: state open. Newest first. */
int store_swap_list(struct store *s, int64_t person_id, bool open_only,
		    struct swap **v, size_t *n);
/* Closes an open request. STORE_NOT_FOUND when it is no longer open. */
int store_swap_decide(struct store *s, int64_t id, enum swap_state state,
		      int64_t by_person_id, int64_t at);
/* PERSON_ID declines request SWAP_ID, open to the whole term: it stays
 * open to the others. */
int store_swap_decline_add(struct store *s, int64_t swap_id, int64_t person_id, int64_t at);
/* Whether PERSON_ID has declined request SWAP_ID. */
int store_swap_declined(struct store *s, int64_t swap_id, int64_t person_id, bool *out);
/* Open requests of SHIFT_ID (to close them when the shift changes hands). */
int store_swap_close_for_shift(struct store *s, int64_t shift_id, int64_t at);

/* Out-of-hours interruptions (store/interruptions.c): pages classed
 * out_of_hours or sleep, created in [from, to), per responder, for pages
 * of ROTATION_ID or of no known rotation (ROTATION_ID 0: every page).
 * Sorted by person id; people with none are not listed. */
struct person_count {
	int64_t person_id;
	int64_t count;
};
int store_interruptions(struct store *s, int64_t rotation_id, int64_t from, int64_t to,
			struct person_count **v, size_t *n);

/* The audit trail. BEFORE and AFTER are JSON texts or NULL. */
struct audit_event {
	int64_t id, at;
	char actor[2 * HANDLE_MAX + 8];
	char action[48];
	char object[160];
	char *before, *after;   /* malloc'd, may be NULL */
};
int store_audit_add(struct store *s, int64_t at, const char *actor,
		    const char *action, const char *object,
		    const char *before, const char *after);
int store_audit_list(struct store *s, int64_t since, struct audit_event **v, size_t *n);
void store_audit_free(struct audit_event *v, size_t n);
/* The events of store_audit_list in its order, each a struct audit_event
 * handed to FN as it is read (its before and after freed after FN). */
int store_audit_each(struct store *s, int64_t since, store_row_fn *fn, void *arg);

/* Schedule generation, checks and `rota now` (store/schedule.c): list
 * queries shaped so that one call serves a whole term. */

/* Inserts N new shifts in one statement (many weeks of a term at once),
 * setting each one's id and uid. */
int store_shift_insert_many(struct store *s, struct shift *v, size_t n, int64_t now);
/* Every shift (part) of the term, cancelled ones included, by slot and start. */
int store_term_shifts(struct store *s, int64_t term_id, struct shift **v, size_t *n);
/* The shifts (not cancelled) of every member of the term, past members
 * included, in every other rotation, overlapping [from, to). Sorted by
 * start. */
int store_term_member_shifts(struct store *s, int64_t term_id, int64_t from,
			     int64_t to, struct shift **v, size_t *n);
/* The leave of every member of the term overlapping [from, to). */
int store_term_leave(struct store *s, int64_t term_id, int64_t from, int64_t to,
		     struct leave **v, size_t *n);
/* The public holidays of the offices of the term's members, days in
 * [from_day, to_day] (YYYY-MM-DD). */
int store_term_holidays(struct store *s, int64_t term_id, const char *from_day,
			const char *to_day, struct holiday **v, size_t *n);

/* What a member of a term did in the same rotation before BEFORE. */
struct member_history {
	int64_t person_id;
	int64_t parts;                  /* shifts and parts (not cancelled) ending by BEFORE */
	int64_t held;                   /* the weeks they cover, in thousandths: a part
					 * of a week counts as its share of it */
	int64_t last_start, last_end;   /* the latest of them; 0 when none */
	int64_t last_sleep_pages;       /* pages classed 'sleep' to them during it */
};
/* One row per member of TERM_ID with earlier shifts in ROTATION_ID
 * outside the term. */
int store_member_history(struct store *s, int64_t term_id, int64_t rotation_id,
			 int64_t before, struct member_history **v, size_t *n);

/* A rotation and the shift in force in it at an instant: what `rota now`
 * shows, and no more (a struct shift is twice the size, and `now` of a
 * thousand rotations pays for every page of memory it touches). */
struct on_call {
	int64_t shift_id;               /* 0: nobody covers the rotation */
	int64_t rotation_id;
	char rotation[NAME_MAX_];
	enum tier tier;
	char tz[TZ_MAX];                /* the rotation's */
	int64_t person_id;
	char handle[HANDLE_MAX];
	int64_t start, end;
	enum origin origin;
	bool out_of_hours;              /* the rotation's: see struct rotation */
};

/* Every rotation and the shift in force in it at T: one that has started
 * by T, has not ended and is not cancelled (the latest started, should two
 * overlap). Sorted by tier (primary first), then rotation name. */
int store_now(struct store *s, int64_t t, struct on_call **v, size_t *n);

/* The same, each handed to FN as it is read (ARG passed along), with no
 * list in memory: `rota now` prints them as they come. A row that cannot
 * be read (a damaged database) ends the walk with its error, after the
 * rows before it were handed over. */
int store_now_each(struct store *s, int64_t t,
		   void (*fn)(const struct on_call *c, void *arg), void *arg);

/* -- monthly report (store/report.c) -- */
/* The creation times of the out-of-hours and sleep pages created in
 * [from, to), with their responders (0: nobody), in order of creation
 * (pages created at the same second in any order): enough to count a
 * trend's interruptions. */
struct page_time {
	int64_t responder_id;
	int64_t created;
};
int store_report_ooh_times(struct store *s, int64_t from, int64_t to,
			   struct page_time **v, size_t *n);
/* -- import speed -- (store/pages-bulk.c) */

/* A large import of pages inside the caller's transaction (page import of
 * a file): pages gathered in batches of a thousand, each stored by one
 * statement, and, when the import turns out large against the table, the
 * table's secondary indexes dropped and re-created after the rows (the
 * key, UNIQUE pages_source (source_id, source), too when no page of the
 * import's source is stored: its keys are then told apart in memory).
 * The persons and rotations the pages name are checked to exist at the
 * end, once an id, rather than row by row.
 *
 * Begin; for each page fill store_page_bulk_slot() and push it; end, which
 * stores the last batch, re-creates what was dropped and checks the
 * references, before the commit. After an error, abort (which re-creates
 * the indexes too) and roll back. Between begin and end a thread of the
 * store's own stores each full batch while the caller fills the next;
 * other store calls meanwhile wait for it (every statement goes through
 * the store's statement cache or exec, which wait), and are made from the
 * thread that called begin only. */
struct page;
struct page_bulk;
/* Pages stored get imported_at NOW. */
int store_page_bulk_begin(struct store *s, int64_t now, struct page_bulk **out);
/* The page to fill next (zeroed by no one: fill every field). */
struct page *store_page_bulk_slot(struct page_bulk *b);
/* Takes the filled slot; stores the batch when it is full. A page whose
 * (source, source_id) is stored (or earlier in the file) is left out. */
int store_page_bulk_push(struct page_bulk *b);
/* Called once, with about how many pages are still to come: stores the
 * batch and drops the secondary indexes if that many new rows (at the
 * share of new rows so far) are worth building them afresh for. */
int store_page_bulk_plan(struct page_bulk *b, size_t more);
/* Stores the rest, re-creates the dropped indexes, checks that every
 * reference holds and frees B; *ADDED gets how many pages were new.
 * 0 or the store's status (B freed either way). */
int store_page_bulk_end(struct page_bulk *b, size_t *added);
/* Frees B after an error (indexes re-created; the caller rolls back). */
void store_page_bulk_abort(struct page_bulk *b);
/* The same pages, in the same order, given to FN one at a time (a trend
 * of a busy team's five months is 300,000 of them: no array). */
int store_report_ooh_each(struct store *s, int64_t from, int64_t to,
			  void (*fn)(const struct page_time *t, void *arg), void *arg);

/* The pages created in [from, to) as the monthly report and pay read
 * them: only the columns they use, in a compact row with no text (a
 * month of a busy team is ~100,000 pages; struct page is 1 KB a row).
 * Ordered by created, then id. Times are 0 when unknown, ids 0 when NULL.
 * The (service, alert) pairs are interned: row.alert indexes
 * page_rows.alerts, whose strings are cut as struct page cuts them
 * (service at NAME_MAX_ - 1 bytes, alert at PAGE_TEXT_MAX - 1), so two
 * rows share an index exactly when struct page would hold equal strings.
 * Without ALERTS (pay), the text columns are not read: no pairs. */
struct page_row {
	int64_t id;
	int64_t created, acknowledged, resolved;
	int64_t responder_id, escalation_person_id, rotation_id;
	uint32_t alert;                 /* index in page_rows.alerts */
	uint8_t class;                  /* enum page_class */
	bool escalated;
	bool acted;                     /* false: resolved without anyone acting */
	bool has_runbook;               /* runbook_url is not empty */
};
struct page_alert {
	const char *service, *alert;    /* into page_rows.text */
};
struct page_rows {
	int64_t from, to;
	bool has_alerts;                /* false: alert is 0, has_runbook false */
	struct page_row *v;
	size_t n;
	struct page_alert *alerts;      /* in order of their first row */
	size_t n_alerts;
	char *text;
};
int store_report_page_rows(struct store *s, int64_t from, int64_t to, bool alerts,
			   struct page_rows *out);
/* When the data begins: the earliest page's creation or shift's start;
 * INT64_MAX when there is neither (the monthly report's trend starts at
 * its month). */
int store_report_first(struct store *s, int64_t *first);
void store_report_page_rows_free(struct page_rows *r);
/* -- pages -- (store/pages.c) */

/* How a page's instant sits in its responder's week (reports/classify.h). */
enum page_class { PAGE_UNCLASSIFIED, PAGE_IN_HOURS, PAGE_OUT_OF_HOURS, PAGE_SLEEP };
/* "in_hours", "out_of_hours", "sleep" (NULL for PAGE_UNCLASSIFIED). */
const char *page_class_name(enum page_class c);
/* 0, or -1 for a name that is none of those. */
int page_class_parse(const char *s, enum page_class *out);

#define PAGE_SOURCE_MAX 16
#define PAGE_ID_MAX 128
#define PAGE_TEXT_MAX 256

/* One alert that reached a person: every column of the pages table.
 * Times are UTC seconds; acknowledged and resolved are 0 when unknown;
 * ids are 0 when NULL. Text longer than its field is cut on reading. */
struct page {
	int64_t id;
	char source[PAGE_SOURCE_MAX];   /* pagerduty | opsgenie | generic */
	char source_id[PAGE_ID_MAX];    /* the page's id at its source */
	int64_t created, acknowledged, resolved;
	int64_t responder_id;
	char responder_name[NAME_MAX_]; /* as the source named them */
	int64_t rotation_id;
	char service[NAME_MAX_];
	char alert[PAGE_TEXT_MAX];
	char urgency[16];
	bool escalated;
	int64_t escalation_person_id;
	char runbook_url[PAGE_TEXT_MAX];
	bool acted;                     /* false: resolved without anyone acting */
	enum page_class class;
	int64_t imported_at;
};

/* Inserts the N pages of V in one batch of statements, each with
 * imported_at NOW. A page whose (source, source_id) is already stored is
 * left as it is and gets id 0; a new one gets its row id. *INSERTED (may be
 * NULL) gets how many were new. */
int store_page_insert_many(struct store *s, struct page *v, size_t n, int64_t now,
			   size_t *inserted);
/* The pages created in [from, to), every column, ordered by created_at
 * (then id). */
int store_page_list(struct store *s, int64_t from, int64_t to,
		    struct page **v, size_t *n);
/* The same pages, each a struct page handed to FN as it is read. */
int store_page_each(struct store *s, int64_t from, int64_t to, store_row_fn *fn,
		    void *arg);
/* Updates the stored page of P's source and source_id with P's
 * acknowledgement, resolution, responder, escalation, acted and class;
 * *changed says whether anything differed. */
int store_page_refresh(struct store *s, const struct page *p, bool *changed);
/* Sets the class of page PAGE_ID (NULL for PAGE_UNCLASSIFIED).
 * STORE_NOT_FOUND for no such page. */
int store_page_set_class(struct store *s, int64_t page_id, enum page_class c);
/* How many pages are stored. */
int store_page_count(struct store *s, int64_t *n);
/* CalDAV publishing state (store/caldav.c): per collection URL, the event
 * resources rota put there and the server confirmed. */
struct caldav_event {
	char uid[UID_MAX];
	char href[512];                 /* as the server lists it */
	char etag[256];                 /* empty when the server gave none */
	int sequence;                   /* the shift's SEQUENCE that was put */
};
/* Every row of COLLECTION, sorted by uid. */
int store_caldav_list(struct store *s, const char *collection,
		      struct caldav_event **v, size_t *n);
/* Inserts or replaces the row of (COLLECTION, e->uid). */
int store_caldav_put(struct store *s, const char *collection, const struct caldav_event *e);
/* Forgets the row; STORE_NOT_FOUND when there was none. */
int store_caldav_remove(struct store *s, const char *collection, const char *uid);
/* Whether UID names a shift: STORE_NOT_FOUND when none, else 0 with
 * *cancelled set. */
int store_shift_uid_state(struct store *s, const char *uid, bool *cancelled);

/* Feeds (store/feeds.c). The shifts a feed built at NOW shows: those of
 * PERSON_ID and/or ROTATION_ID (0: any) that end after FROM, cancelled
 * ones only while they have not ended by NOW. Sorted by start, then tier
 * (primary first), then rotation name. */
int store_feed_shifts(struct store *s, int64_t person_id, int64_t rotation_id,
		      int64_t from, int64_t now, struct shift **v, size_t *n);
/* The shifts (parts) that left the hands of PERSON_ID (0: anyone) and
 * have not ended by NOW (shift_releases): each as a cancelled shift of
 * the person who held it, with the range they held, the shift's current
 * UID and sequence, and updated = when they lost it. Sorted by person,
 * then as store_feed_shifts(). */
int store_feed_releases(struct store *s, int64_t person_id, int64_t now, struct shift **v,
			size_t *n);
/* The escalation tier's shifts (not cancelled) that end after FROM,
 * sorted by start: who the managers' tier is at any instant. */
int store_feed_escalations(struct store *s, int64_t from, struct shift **v, size_t *n);
/* Sets (TOKEN NULL: clears) the person's feed token, 32 hex digits. */
int store_person_set_feed_token(struct store *s, int64_t person_id, const char *token);

/* -- notify (store/notifications.c) --
 * The notifications table: one row per message on one channel to one
 * recipient. DEDUP_KEY is unique: adding a row whose key exists adds
 * nothing, which is how a notice is sent once. */
enum notification_state { NOTIFICATION_PENDING, NOTIFICATION_SENT, NOTIFICATION_FAILED };
const char *notification_state_name(enum notification_state s);

struct notification {
	int64_t id;
	char kind[16];                  /* handoff | swap | shift | burnout */
	char dedup_key[400];
	char channel[16];               /* email | webhook */
	char recipient[EMAIL_MAX];      /* an address, or "webhook" */
	char subject[256];
	char *body;                     /* malloc'd; store_notification_free */
	enum notification_state state;
	int attempts;
	char last_error[256];
	int64_t created, sent;          /* sent: 0 until sent */
};
/* Adds N (state pending) unless its dedup_key exists; *added (may be NULL)
 * says which; sets n->id when added. */
int store_notification_add(struct store *s, struct notification *n, bool *added);
/* The rows not sent yet (pending and failed), oldest first. */
int store_notification_due(struct store *s, struct notification **v, size_t *n);
/* Every row, newest first (at most LIMIT; 0: all). */
int store_notification_list(struct store *s, size_t limit, struct notification **v, size_t *n);
/* Records one attempt: sent at AT, or failed with ERROR. */
int store_notification_sent(struct store *s, int64_t id, int64_t at);
int store_notification_failed(struct store *s, int64_t id, const char *error);
void store_notification_free(struct notification *v, size_t n);

/* -- shift news (store/notifications.c) --
 * What rota notify last told people of their shifts: the parts of each
 * week of each term as they were then (migration 11). */

/* A part of a week: who holds [start, end). */
struct held_part {
	int64_t start, end;
	int64_t person_id;
};

/* A week of a term whose parts differ from those last told. */
struct told_week {
	int64_t term_id;
	int slot;
	int64_t slot_start, slot_end;
	char term[NAME_MAX_];
	char rotation[NAME_MAX_];
	char tz[TZ_MAX];                /* the rotation's */
	bool term_told;                 /* false: its schedule was never told */
};
/* Every week whose parts (not cancelled) differ from those last told, the
 * parts of both compared from NOW on: a part that has ended is left out
 * and one in progress is compared from NOW, so what is over is never
 * news. The weeks of terms never told come first, each term's together
 * (by tier, primary first, rotation, term and week), then the others by
 * the week's start, tier and rotation. */
int store_told_changed(struct store *s, int64_t now, struct told_week **v, size_t *n);
/* The parts of week SLOT of TERM_ID as last told, by start. */
int store_told_parts(struct store *s, int64_t term_id, int slot, struct held_part **v,
		     size_t *n);
/* Records the week's parts as they are (not cancelled) as told, and its
 * term as told. */
int store_told_set(struct store *s, int64_t term_id, int slot);
/* Records a run of rota notify at NOW that tells shift news: its id. */
int store_notify_run_add(struct store *s, int64_t now, int64_t *id);

/* SSH public keys (issue 23): the database is their source of truth;
 * service/keys.c writes authorized_keys from them. */
#define KEY_TYPE_MAX 64
#define KEY_BLOB_MAX 8192               /* base64; a 16384-bit RSA key takes 2.8 KB */
#define KEY_COMMENT_MAX 256
#define KEY_FINGERPRINT_MAX 80          /* "SHA256:" and 43 base64 characters */
struct ssh_key {
	int64_t id;
	int64_t person_id;
	char handle[HANDLE_MAX];        /* the holder's */
	char type[KEY_TYPE_MAX];        /* ssh-ed25519 */
	char blob[KEY_BLOB_MAX];        /* the key's base64 */
	char comment[KEY_COMMENT_MAX];
	char fingerprint[KEY_FINGERPRINT_MAX];
	int64_t added_at;
};
/* Adds K (its id set); EX_DATAERR when its key or fingerprint is known. */
int store_key_add(struct store *s, struct ssh_key *k, int64_t now);
/* The key whose base64 is BLOB: 0 or STORE_NOT_FOUND. */
int store_key_get_blob(struct store *s, const char *blob, struct ssh_key *out);
/* Every key (PERSON_ID 0) or PERSON_ID's, by holder's handle and id. */
int store_key_list(struct store *s, int64_t person_id, struct ssh_key **v, size_t *n);
/* Removes key ID: 0 or STORE_NOT_FOUND. */
int store_key_remove(struct store *s, int64_t id);
/* When the running transaction ends, FN(ARG, COMMITTED) is called once:
 * COMMITTED is true after store_commit succeeds, false at store_rollback
 * (or store_close with the transaction still open). For a file written
 * inside the transaction, put back as it was when the transaction does
 * not commit. One at a time: EX_SOFTWARE when one is already set. */
int store_on_end(struct store *s, void (*fn)(void *arg, bool committed), void *arg);

#endif
