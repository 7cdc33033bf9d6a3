/* A large import of pages (page import of a file). See store.h ("-- import
 * speed --") and bench/README.md ("bench-pages").
 *
 * Why it is shaped so (callgrind on 50,000 and 200,000 pages, perf on
 * 1,000,000):
 * - pages go in by the thousand, each thousand through one INSERT ...
 *   SELECT from a virtual table over the batch in memory (rota_page_batch
 *   below): sqlite prepares nothing, binds nothing, and opens its cursors
 *   and finds the last row id once a batch instead of once a row;
 * - no statement journal: store_page_insert_many()'s multi-row INSERTs
 *   made sqlite keep one (a statement of many rows that a NOT NULL or a
 *   foreign key could abort half way), copying every page each statement
 *   touched and truncating the copy again, with its mallocs: a tenth of
 *   the time. INSERT OR IGNORE (no row here has a NULL where the table
 *   says NOT NULL, and the table has no CHECK, so it ignores exactly what
 *   ON CONFLICT (source, source_id) DO NOTHING ignores) and foreign keys
 *   deferred to the end of the import (or off, in the bulk mode of
 *   store_bulk_begin) leave nothing that can abort;
 * - no RETURNING (sqlite gathers its rows in an ephemeral table): how many
 *   rows were new is sqlite3_changes();
 * - when the import is large against the table, the secondary indexes
 *   are dropped inside the caller's transaction and re-created from their
 *   own stored SQL after the rows: CREATE INDEX sorts the keys and writes
 *   the b-tree left to right, where row-by-row inserts into an index
 *   whose entries land in many places at once seek from the root and
 *   split pages all the way. An index led by created_at is kept when the rows
 *   come in time order (exports do): each row then goes at its end, which
 *   costs less than sorting them again. The key, the UNIQUE index
 *   pages_source (source_id, source), goes too when no page of the
 *   import's source was stored before it: its entries land at random
 *   (ids sort as text), half of sqlite's work when kept up row by row.
 *   The import's keys are then told apart in memory (a strset) and the
 *   index, built again at the end, still refuses any duplicate. It is all
 *   one transaction: a failure or a rollback leaves the schema and the
 *   rows as they were;
 * - secure_delete off while importing (see store_page_bulk_begin);
 * - a full batch is stored by a thread of its own (the writer) while the
 *   importer reads, checks and classifies the next one into a second
 *   buffer: on two cores the file's parsing no longer waits for sqlite,
 *   nor sqlite for it. Only one thread uses the connection at a time: the
 *   importer waits for the writer before it hands over the next batch and
 *   before any other use of the store (db_stmt() and the store's exec()
 *   call store->await_writer), which is what sqlite's single-thread mode
 *   (store_open_version) allows. Without a thread (pthread_create failed)
 *   each batch is stored in the importer's own thread, as before. */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "common/err.h"
#include "common/idset.h"
#include "common/strset.h"
#include "common/xalloc.h"
#include "store/store-private.h"

/* The indexes dropped for the import, re-created from their SQL. */
struct dropped_index {
	char *name, *sql;
};

/* Pages gathered before they go in, in one statement. */
#define BULK_BATCH 1024

/* The writer thread and the batch it is storing. Everything else in
 * struct page_bulk belongs to the importer's thread, and b->rows and
 * b->added to whichever thread holds the connection. */
struct bulk_writer {
	pthread_t thread;
	bool started;
	pthread_mutex_t lock;
	pthread_cond_t changed;
	bool busy;                      /* a batch handed over, not stored yet */
	bool quit;
	int status;                     /* of the last batch: 0 or an exit status */
};

/* A batch holds its pages packed, as the table reads them: numbers in a
 * row of 120 bytes, texts end to end in one buffer, with their lengths
 * (which sqlite would otherwise measure again). A struct page is 1 kB of
 * fixed-size fields, and the writer reading it from the other core's
 * cache line by line cost more than storing it. */
enum { T_SOURCE, T_SOURCE_ID, T_RESPONDER_NAME, T_SERVICE, T_ALERT, T_URGENCY,
       T_RUNBOOK, N_TEXTS };

struct bulk_row {
	int64_t created, acknowledged, resolved;
	int64_t responder_id, rotation_id, escalation_person_id;
	const char *class;              /* NULL: unclassified */
	uint32_t at[N_TEXTS];           /* where each text starts in the batch's */
	int len[N_TEXTS];
	int class_len;
	bool escalated, acted;
};

struct batch {
	struct bulk_row rows[BULK_BATCH];
	size_t n;
	char *text;
	size_t text_len, text_size;
};

struct page_bulk {
	struct store *s;
	int64_t now;
	sqlite3_stmt *insert;
	struct page slot;               /* the page being filled */
	struct batch *buf[2];
	struct batch *filling;          /* buf[0] or buf[1] */
	const struct batch *stored;     /* the other: being stored (read by the table) */
	struct bulk_writer w;
	int64_t existing;               /* about how many pages were stored */
	size_t rows, added;
	bool decided;
	int secure_delete;              /* the connection's, put back at the end */
	int64_t last_created;
	bool in_time_order;             /* so far */
	struct dropped_index *dropped;
	size_t n_dropped, n_restored;
	char source[PAGE_SOURCE_MAX];   /* of the first page */
	bool key_dropped;               /* pages_source: keys told apart in keys */
	struct strset keys;
	struct idset persons, rotations; /* that the rows refer to */
};

/* The pages' key (migration 8). */
#define KEY_INDEX "pages_source"

/* Fewer new rows than this are not worth rebuilding indexes for. */
#define BULK_MIN_REBUILD 20000

/* -- the batch as a table --
 *
 * An eponymous virtual table, rota_page_batch, whose rows are the pages
 * of the current batch: one INSERT ... SELECT takes a whole batch, so
 * sqlite opens its cursors, finds the last row id and sets up the
 * statement once a batch, not once a row, and no value is bound. */

#define MODULE "rota_page_batch"

enum { B_SOURCE, B_SOURCE_ID, B_CREATED, B_ACK, B_RESOLVED, B_RESPONDER,
       B_RESPONDER_NAME, B_ROTATION, B_SERVICE, B_ALERT, B_URGENCY, B_ESCALATED,
       B_ESCALATION_PERSON, B_RUNBOOK, B_ACTED, B_CLASS, B_IMPORTED };

struct batch_vtab {
	sqlite3_vtab base;
	struct page_bulk *b;
};

struct batch_cursor {
	sqlite3_vtab_cursor base;
	struct page_bulk *b;
	size_t i;
};

static int
batch_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
	      sqlite3_vtab **out, char **err)
{
	struct batch_vtab *t;
	int r;

	(void)argc;
	(void)argv;
	(void)err;
	r = sqlite3_declare_vtab(db, "CREATE TABLE x(source, source_id, created_at, "
		"acknowledged_at, resolved_at, responder_id, responder_name, rotation_id, "
		"service, alert, urgency, escalated, escalation_person_id, runbook_url, "
		"acted, class, imported_at)");
	if (r != SQLITE_OK)
		return r;
	if ((t = sqlite3_malloc(sizeof *t)) == NULL)
		return SQLITE_NOMEM;
	memset(t, 0, sizeof *t);
	t->b = aux;
	*out = &t->base;
	return SQLITE_OK;
}

static int
batch_disconnect(sqlite3_vtab *t)
{
	sqlite3_free(t);
	return SQLITE_OK;
}

static int
batch_best_index(sqlite3_vtab *t, sqlite3_index_info *info)
{
	(void)t;
	info->estimatedCost = BULK_BATCH;
	info->estimatedRows = BULK_BATCH;
	return SQLITE_OK;
}

static int
batch_open(sqlite3_vtab *t, sqlite3_vtab_cursor **out)
{
	struct batch_cursor *c = sqlite3_malloc(sizeof *c);

	if (c == NULL)
		return SQLITE_NOMEM;
	memset(c, 0, sizeof *c);
	c->b = ((struct batch_vtab *)t)->b;
	*out = &c->base;
	return SQLITE_OK;
}

static int
batch_close(sqlite3_vtab_cursor *c)
{
	sqlite3_free(c);
	return SQLITE_OK;
}

static int
batch_filter(sqlite3_vtab_cursor *c, int idx, const char *idx_str, int argc,
	     sqlite3_value **argv)
{
	(void)idx;
	(void)idx_str;
	(void)argc;
	(void)argv;
	((struct batch_cursor *)c)->i = 0;
	return SQLITE_OK;
}

static int
batch_next(sqlite3_vtab_cursor *c)
{
	((struct batch_cursor *)c)->i++;
	return SQLITE_OK;
}

static int
batch_eof(sqlite3_vtab_cursor *c)
{
	struct batch_cursor *bc = (struct batch_cursor *)c;

	return bc->i >= bc->b->stored->n;
}

/* Text K of row P, which lives until the statement is done: no copy. */
static void
text(sqlite3_context *ctx, const struct batch *bt, const struct bulk_row *p, int k)
{
	sqlite3_result_text(ctx, bt->text + p->at[k], p->len[k], SQLITE_STATIC);
}

static void
id(sqlite3_context *ctx, int64_t v)
{
	if (v == 0)
		sqlite3_result_null(ctx);
	else
		sqlite3_result_int64(ctx, v);
}

static int
batch_column(sqlite3_vtab_cursor *c, sqlite3_context *ctx, int col)
{
	struct batch_cursor *bc = (struct batch_cursor *)c;
	const struct batch *bt = bc->b->stored;
	const struct bulk_row *p = &bt->rows[bc->i];

	switch (col) {
	case B_SOURCE: text(ctx, bt, p, T_SOURCE); break;
	case B_SOURCE_ID: text(ctx, bt, p, T_SOURCE_ID); break;
	case B_CREATED: sqlite3_result_int64(ctx, p->created); break;
	case B_ACK: id(ctx, p->acknowledged); break;
	case B_RESOLVED: id(ctx, p->resolved); break;
	case B_RESPONDER: id(ctx, p->responder_id); break;
	case B_RESPONDER_NAME:
		if (p->len[T_RESPONDER_NAME] != 0)
			text(ctx, bt, p, T_RESPONDER_NAME);
		else
			sqlite3_result_null(ctx);
		break;
	case B_ROTATION: id(ctx, p->rotation_id); break;
	case B_SERVICE: text(ctx, bt, p, T_SERVICE); break;
	case B_ALERT: text(ctx, bt, p, T_ALERT); break;
	case B_URGENCY: text(ctx, bt, p, T_URGENCY); break;
	case B_ESCALATED: sqlite3_result_int(ctx, p->escalated); break;
	case B_ESCALATION_PERSON: id(ctx, p->escalation_person_id); break;
	case B_RUNBOOK: text(ctx, bt, p, T_RUNBOOK); break;
	case B_ACTED: sqlite3_result_int(ctx, p->acted); break;
	case B_CLASS:
		if (p->class != NULL)
			sqlite3_result_text(ctx, p->class, p->class_len, SQLITE_STATIC);
		else
			sqlite3_result_null(ctx);
		break;
	case B_IMPORTED: sqlite3_result_int64(ctx, bc->b->now); break;
	default: sqlite3_result_null(ctx); break;
	}
	return SQLITE_OK;
}

static int
batch_rowid(sqlite3_vtab_cursor *c, sqlite3_int64 *out)
{
	*out = (sqlite3_int64)((struct batch_cursor *)c)->i;
	return SQLITE_OK;
}

static const sqlite3_module batch_module = {
	.iVersion = 0,
	.xCreate = NULL,                /* eponymous only: no CREATE VIRTUAL TABLE */
	.xConnect = batch_connect,
	.xBestIndex = batch_best_index,
	.xDisconnect = batch_disconnect,
	.xDestroy = batch_disconnect,
	.xOpen = batch_open,
	.xClose = batch_close,
	.xFilter = batch_filter,
	.xNext = batch_next,
	.xEof = batch_eof,
	.xColumn = batch_column,
	.xRowid = batch_rowid,
};

/* OR IGNORE rather than ON CONFLICT DO NOTHING: the same for these rows
 * (no NULL where the table says NOT NULL, no CHECK), and it lets sqlite
 * run a statement of many rows without a statement journal, as no
 * constraint of it can abort it half way (foreign keys are deferred to
 * the commit, see store_page_bulk_begin). */
static const char insert_sql[] =
	"INSERT OR IGNORE INTO pages (source, source_id, created_at, acknowledged_at, "
	"resolved_at, responder_id, responder_name, rotation_id, service, alert, "
	"urgency, escalated, escalation_person_id, runbook_url, acted, class, "
	"imported_at) SELECT source, source_id, created_at, acknowledged_at, "
	"resolved_at, responder_id, responder_name, rotation_id, service, alert, "
	"urgency, escalated, escalation_person_id, runbook_url, acted, class, "
	"imported_at FROM " MODULE;

static int
exec(struct store *s, const char *sql)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_error(s);
	return 0;
}

/* A one-row PRAGMA, stepped to its row; NULL after an error. */
static sqlite3_stmt *
pragma(struct store *s, const char *sql)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

/* Whether index NAME's first column is created_at. */
static bool
leads_with_time(struct store *s, const char *name)
{
	char *sql = sqlite3_mprintf("PRAGMA index_info(\"%w\")", name);
	sqlite3_stmt *st = pragma(s, sql);
	bool yes = false;

	sqlite3_free(sql);
	if (st != NULL) {
		/* seqno, cid, name: the row of seqno 0 comes first. */
		yes = sqlite3_column_int(st, 0) == 0 && sqlite3_column_text(st, 2) != NULL &&
		      strcmp((const char *)sqlite3_column_text(st, 2), "created_at") == 0;
		sqlite3_finalize(st);
	}
	return yes;
}

/* -- the writer -- */

/* Stores the batch b->stored: in the writer's thread, or in the
 * importer's when there is no writer. */
static int
store_batch(struct page_bulk *b)
{
	int r = sqlite3_step(b->insert);

	sqlite3_reset(b->insert);
	if (r != SQLITE_DONE)
		return db_error(b->s);
	b->rows += b->stored->n;
	b->added += (size_t)sqlite3_changes(b->s->db);
	return 0;
}

static void *
writer_main(void *arg)
{
	struct page_bulk *b = arg;
	struct bulk_writer *w = &b->w;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		int r;

		while (!w->busy && !w->quit)
			pthread_cond_wait(&w->changed, &w->lock);
		if (!w->busy)
			break;
		pthread_mutex_unlock(&w->lock);
		r = store_batch(b);
		pthread_mutex_lock(&w->lock);
		w->status = r;
		w->busy = false;
		pthread_cond_broadcast(&w->changed);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

/* Returns when the writer holds no batch: the connection is free. The
 * store calls it (store->await_writer) before every statement. */
static void
writer_idle(void *arg)
{
	struct bulk_writer *w = &((struct page_bulk *)arg)->w;

	if (!w->started)
		return;
	pthread_mutex_lock(&w->lock);
	while (w->busy)
		pthread_cond_wait(&w->changed, &w->lock);
	pthread_mutex_unlock(&w->lock);
}

/* writer_idle(), then the status of the last batch stored (taken: the
 * failure is reported once, and its message was printed already). */
static int
writer_wait(struct page_bulk *b)
{
	struct bulk_writer *w = &b->w;
	int r;

	if (!w->started)
		return 0;
	writer_idle(b);
	pthread_mutex_lock(&w->lock);
	r = w->status;
	w->status = 0;
	pthread_mutex_unlock(&w->lock);
	return r;
}

static void
writer_start(struct page_bulk *b)
{
	struct bulk_writer *w = &b->w;

	if (pthread_mutex_init(&w->lock, NULL) != 0)
		return;
	if (pthread_cond_init(&w->changed, NULL) != 0) {
		pthread_mutex_destroy(&w->lock);
		return;
	}
	if (pthread_create(&w->thread, NULL, writer_main, b) != 0) {
		pthread_cond_destroy(&w->changed);
		pthread_mutex_destroy(&w->lock);
		return;
	}
	w->started = true;
	b->s->await_writer = writer_idle;
	b->s->await_arg = b;
}

static void
writer_stop(struct page_bulk *b)
{
	struct bulk_writer *w = &b->w;

	if (!w->started)
		return;
	writer_idle(b);
	pthread_mutex_lock(&w->lock);
	w->quit = true;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->changed);
	pthread_mutex_destroy(&w->lock);
	w->started = false;
	b->s->await_writer = NULL;
	b->s->await_arg = NULL;
}

static void
batches_free(struct page_bulk *b)
{
	for (int i = 0; i < 2; i++) {
		free(b->buf[i]->text);
		free(b->buf[i]);
	}
}

static void
bulk_free(struct page_bulk *b)
{
	writer_stop(b);
	if (b->secure_delete != 0) {
		char *sql = sqlite3_mprintf("PRAGMA secure_delete = %d", b->secure_delete);

		sqlite3_exec(b->s->db, sql, NULL, NULL, NULL);
		sqlite3_free(sql);
	}
	for (size_t i = 0; i < b->n_dropped; i++) {
		free(b->dropped[i].name);
		free(b->dropped[i].sql);
	}
	free(b->dropped);
	strset_free(&b->keys);
	idset_free(&b->persons);
	idset_free(&b->rotations);
	sqlite3_finalize(b->insert);
	/* No statement uses the module any more: unregister it. */
	sqlite3_create_module_v2(b->s->db, MODULE, NULL, NULL, NULL);
	batches_free(b);
	free(b);
}

int
store_page_bulk_begin(struct store *s, int64_t now, struct page_bulk **out)
{
	struct page_bulk *b;
	sqlite3_stmt *st;
	int r;

	*out = NULL;
	b = xcalloc(1, sizeof *b);
	b->s = s;
	b->now = now;
	b->in_time_order = true;
	for (int i = 0; i < 2; i++) {
		b->buf[i] = xcalloc(1, sizeof *b->buf[i]);
		b->buf[i]->text_size = BULK_BATCH * 128;      /* grows if need be */
		b->buf[i]->text = xmalloc(b->buf[i]->text_size);
	}
	b->filling = b->buf[0];
	b->stored = b->buf[1];
	if (sqlite3_create_module_v2(s->db, MODULE, &batch_module, b, NULL) != SQLITE_OK) {
		r = db_error(s);
		batches_free(b);
		free(b);
		return r;
	}
	/* max(id) is one b-tree descent where count(*) reads a whole index:
	 * an upper bound of the rows stored, which is all the plan needs. */
	if (sqlite3_prepare_v2(s->db, "SELECT max(id) FROM pages", -1, &st, NULL) != SQLITE_OK)
		goto fail;
	r = sqlite3_step(st);
	if (r == SQLITE_ROW)
		b->existing = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (r != SQLITE_ROW)
		goto fail;
	/* Foreign keys, when sqlite checks them (store_bulk_begin turns them
	 * off), checked at the commit instead of row by row inside the
	 * statement (which would need a statement journal); the importer
	 * names only persons and rotations it read in this transaction, and
	 * store_page_bulk_end() checks that each of them exists. sqlite
	 * turns this off again at the end of the transaction. */
	if (sqlite3_exec(s->db, "PRAGMA defer_foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	/* secure_delete (on in Debian's sqlite) zeroes the space cells leave
	 * when b-tree pages are split and rebalanced, and every page of a
	 * dropped index: nothing is deleted here but copies of what the table
	 * still holds, so it is off for the import and put back after. */
	if ((st = pragma(s, "PRAGMA secure_delete")) == NULL)
		goto fail;
	b->secure_delete = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (b->secure_delete != 0 &&
	    sqlite3_exec(s->db, "PRAGMA secure_delete = 0", NULL, NULL, NULL) != SQLITE_OK)
		goto fail;
	if (sqlite3_prepare_v3(s->db, insert_sql, -1, SQLITE_PREPARE_PERSISTENT,
			       &b->insert, NULL) != SQLITE_OK)
		goto fail;
	writer_start(b);
	*out = b;
	return 0;
fail:
	r = db_error(s);
	bulk_free(b);
	return r;
}

struct page *
store_page_bulk_slot(struct page_bulk *b)
{
	return &b->slot;
}

/* Hands the filled batch to the writer, once the one before it is
 * stored, and goes on filling the other buffer. */
static int
flush(struct page_bulk *b)
{
	struct bulk_writer *w = &b->w;
	int r;

	if (b->filling->n == 0)
		return 0;
	if ((r = writer_wait(b)) != 0)
		return r;
	b->stored = b->filling;
	b->filling = b->filling == b->buf[0] ? b->buf[1] : b->buf[0];
	b->filling->n = 0;
	b->filling->text_len = 0;
	if (!w->started)
		return store_batch(b);
	pthread_mutex_lock(&w->lock);
	w->busy = true;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->lock);
	return 0;
}

/* Stores every page pushed so far, and waits until they are. */
static int
flush_all(struct page_bulk *b)
{
	int r = flush(b), w = writer_wait(b);

	return r != 0 ? r : w;
}

/* Appends text V (a field of a struct page: a few hundred bytes at most)
 * to the batch as ROW's text K. */
static void
put_text(struct batch *bt, struct bulk_row *row, int k, const char *v)
{
	size_t len = strlen(v);

	if (bt->text_len + len > bt->text_size) {
		bt->text_size = 2 * (bt->text_size + len) + 4096;
		bt->text = xreallocarray(bt->text, bt->text_size, 1);
	}
	memcpy(bt->text + bt->text_len, v, len);
	row->at[k] = (uint32_t)bt->text_len;
	row->len[k] = (int)len;
	bt->text_len += len;
}

int
store_page_bulk_push(struct page_bulk *b)
{
	const struct page *p = &b->slot;
	struct batch *bt = b->filling;
	struct bulk_row *row;

	if (b->source[0] == '\0')
		snprintf(b->source, sizeof b->source, "%s", p->source);
	/* A key seen before in this import: ignored, as INSERT OR IGNORE would. */
	if (b->key_dropped && !strset_add(&b->keys, p->source, p->source_id))
		return 0;
	if (p->created < b->last_created)
		b->in_time_order = false;
	b->last_created = p->created;
	row = &bt->rows[bt->n];
	row->created = p->created;
	row->acknowledged = p->acknowledged;
	row->resolved = p->resolved;
	row->responder_id = p->responder_id;
	row->rotation_id = p->rotation_id;
	row->escalation_person_id = p->escalation_person_id;
	idset_add(&b->persons, p->responder_id);
	idset_add(&b->persons, p->escalation_person_id);
	idset_add(&b->rotations, p->rotation_id);
	row->escalated = p->escalated;
	row->acted = p->acted;
	row->class = page_class_name(p->class);
	row->class_len = row->class != NULL ? (int)strlen(row->class) : 0;
	put_text(bt, row, T_SOURCE, p->source);
	put_text(bt, row, T_SOURCE_ID, p->source_id);
	put_text(bt, row, T_RESPONDER_NAME, p->responder_name);
	put_text(bt, row, T_SERVICE, p->service);
	put_text(bt, row, T_ALERT, p->alert);
	put_text(bt, row, T_URGENCY, p->urgency);
	put_text(bt, row, T_RUNBOOK, p->runbook_url);
	if (++bt->n < BULK_BATCH)
		return 0;
	return flush(b);
}

/* Drops the pages table's own indexes (not the UNIQUE constraint's),
 * remembering their SQL; but when the rows come in time order, not those
 * led by created_at: each row goes at their end, which costs sqlite
 * little, less than sorting them all again. */
static int
drop_indexes(struct page_bulk *b, bool drop_key)
{
	static const char sql[] =
		"SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND "
		"tbl_name = 'pages' AND sql IS NOT NULL ORDER BY name";
	struct store *s = b->s;
	sqlite3_stmt *st;
	int r;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_error(s);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		struct dropped_index *d;

		if (b->in_time_order && leads_with_time(s, (const char *)sqlite3_column_text(st, 0)))
			continue;
		if (!drop_key && strcmp((const char *)sqlite3_column_text(st, 0), KEY_INDEX) == 0)
			continue;

		b->dropped = xreallocarray(b->dropped, b->n_dropped + 1, sizeof *b->dropped);
		d = &b->dropped[b->n_dropped++];
		d->name = xstrdup((const char *)sqlite3_column_text(st, 0));
		d->sql = xstrdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (r != SQLITE_DONE)
		return db_error(s);
	for (size_t i = 0; i < b->n_dropped; i++) {
		char *drop = sqlite3_mprintf("DROP INDEX \"%w\"", b->dropped[i].name);

		r = sqlite3_exec(s->db, drop, NULL, NULL, NULL);
		sqlite3_free(drop);
		if (r != SQLITE_OK) {
			/* An index sqlite will not drop now (a statement still
			 * reading it, say) is kept: the import goes on, only
			 * slower. Only those dropped are to be re-created. */
			for (size_t k = i; k < b->n_dropped; k++) {
				free(b->dropped[k].name);
				free(b->dropped[k].sql);
			}
			b->n_dropped = i;
			return 0;
		}
		if (strcmp(b->dropped[i].name, KEY_INDEX) == 0)
			b->key_dropped = true;
	}
	return 0;
}

/* Whether the key index may go: no page of the import's source was stored
 * before it (those of this import so far have ids above b->existing); if
 * so, the keys of this import so far are put in b->keys. The key leads
 * with source_id, so the first question walks the stored pages by id: at
 * most twice the pages still to come (store_page_bulk_plan asks only
 * then), and it stops at the first page of the source. */
static int
may_drop_key(struct page_bulk *b, bool *yes)
{
	struct store *s = b->s;
	sqlite3_stmt *st;
	int r;

	*yes = false;
	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM pages WHERE source = ?1 AND id <= ?2 "
			       "LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return db_error(s);
	sqlite3_bind_text(st, 1, b->source, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, b->existing);
	r = sqlite3_step(st);
	sqlite3_finalize(st);
	if (r == SQLITE_ROW)
		return 0;
	if (r != SQLITE_DONE)
		return db_error(s);
	if (sqlite3_prepare_v2(s->db, "SELECT source, source_id FROM pages WHERE id > ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return db_error(s);
	sqlite3_bind_int64(st, 1, b->existing);
	while ((r = sqlite3_step(st)) == SQLITE_ROW)
		strset_add(&b->keys, (const char *)sqlite3_column_text(st, 0),
			   (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	if (r != SQLITE_DONE)
		return db_error(s);
	*yes = true;
	return 0;
}

int
store_page_bulk_plan(struct page_bulk *b, size_t more)
{
	bool drop_key;
	size_t fresh;
	int r;

	if (b->decided)
		return 0;
	if ((r = flush_all(b)) != 0)
		return r;
	if (b->rows == 0)
		return 0;
	b->decided = true;
	/* The new rows still to come, at the share of new rows so far. */
	fresh = (size_t)((double)more * (double)b->added / (double)b->rows);
	if (fresh < BULK_MIN_REBUILD || (int64_t)fresh < b->existing / 2)
		return 0;
	if ((r = may_drop_key(b, &drop_key)) != 0)
		return r;
	if (drop_key)
		strset_reserve(&b->keys, b->rows + fresh);
	return drop_indexes(b, drop_key);
}

/* Re-creates the dropped indexes not yet re-created. */
static int
restore_indexes(struct page_bulk *b)
{
	int r;

	for (; b->n_restored < b->n_dropped; b->n_restored++)
		if ((r = exec(b->s, b->dropped[b->n_restored].sql)) != 0)
			return r;
	return 0;
}

/* Whether SQL, the look-up of one id ?1, finds a row for every id of SET. */
static int
all_exist(struct page_bulk *b, const struct idset *set, const char *sql, bool *yes)
{
	sqlite3_stmt *st;
	size_t k = 0;
	int64_t id;
	int r = SQLITE_ROW;

	*yes = true;
	if (sqlite3_prepare_v2(b->s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_error(b->s);
	while (r == SQLITE_ROW && idset_next(set, &k, &id)) {
		sqlite3_bind_int64(st, 1, id);
		r = sqlite3_step(st);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (r == SQLITE_DONE)
		*yes = false;
	else if (r != SQLITE_ROW)
		return db_error(b->s);
	return 0;
}

/* Every person and rotation the rows name exists: the foreign keys'
 * rule, checked once an id instead of three look-ups a row. sqlite checks
 * none of them in the bulk mode; out of it, it would fail the commit, but
 * say no more than "FOREIGN KEY constraint failed". */
static int
check_references(struct page_bulk *b)
{
	bool persons, rotations;
	int r;

	if ((r = all_exist(b, &b->persons, "SELECT 1 FROM persons WHERE id = ?1", &persons)) != 0 ||
	    (r = all_exist(b, &b->rotations, "SELECT 1 FROM rotations WHERE id = ?1",
			   &rotations)) != 0)
		return r;
	if (!persons || !rotations)
		return rota_fail(EX_SOFTWARE, "%s: imported pages refer to persons or "
				 "rotations that do not exist", store_path(b->s));
	return 0;
}

int
store_page_bulk_end(struct page_bulk *b, size_t *added)
{
	int r;

	*added = 0;
	if ((r = flush_all(b)) != 0 || (r = restore_indexes(b)) != 0) {
		store_page_bulk_abort(b);
		return r;
	}
	/* Then row-by-row checks again, if sqlite checks, for the rest of
	 * the transaction. */
	if ((r = check_references(b)) != 0 || (r = exec(b->s, "PRAGMA defer_foreign_keys = OFF")) != 0) {
		bulk_free(b);
		return r;
	}
	*added = b->added;
	bulk_free(b);
	return 0;
}

void
store_page_bulk_abort(struct page_bulk *b)
{
	if (b == NULL)
		return;
	/* The caller rolls back, which brings the indexes back with the rows;
	 * they are re-created all the same, so that no path can commit the
	 * table without them. */
	writer_wait(b);
	sqlite3_reset(b->insert);
	restore_indexes(b);
	bulk_free(b);
}
