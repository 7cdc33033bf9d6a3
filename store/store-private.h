/* Shared by the store's own files only: the connection, statement cache and
 * binding helpers. Nothing outside store/ includes sqlite3.h. */
#ifndef ROTA_STORE_PRIVATE_H
#define ROTA_STORE_PRIVATE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "store/store.h"

struct store_migration {
	int version;
	const char *sql;
};
extern const struct store_migration store_migrations[];
extern const size_t store_n_migrations;

struct cached_stmt {
	const char *sql;          /* compared by address: always a literal */
	sqlite3_stmt *stmt;
};

struct store {
	sqlite3 *db;
	char *path;
	struct cached_stmt *cache;  /* grown by xpush; finalized and freed by store_close */
	size_t ncache;
	/* While a page import's writer thread may be using the connection
	 * (store/pages-bulk.c): waits until it is not. db_stmt(), exec() and
	 * store_rollback() call it first. */
	void (*await_writer)(void *arg);
	void *await_arg;
	/* People's history read so far (store/person-history.c). */
	struct person_history_cache *history;
	/* store_on_end's: called when the transaction ends. */
	void (*on_end)(void *arg, bool committed);
	void *on_end_arg;
	int failed;                 /* the status db_error() last returned */
};
/* Frees what store/person-history.c keeps (store_close). */
void person_history_forget(struct store *s);

/* A prepared statement for SQL (a string literal), reset and unbound,
 * owned by the store until store_close (the cache grows to hold every
 * distinct statement, so a statement stays valid while others are
 * prepared). NULL after printing the error. */
sqlite3_stmt *db_stmt(struct store *s, const char *sql);

/* Prints the connection's last error and returns its exit status, as
 * db_fail() in store/db.c maps it (EX_TEMPFAIL busy, EX_DATAERR damaged,
 * EX_IOERR full or I/O, EX_NOPERM read-only; EX_SOFTWARE only for what
 * rota cannot explain). */
int db_error(struct store *s);

/* The status of the error db_error() last printed (EX_SOFTWARE if none):
 * what a caller returns when db_stmt() gave NULL, so that a statement
 * that cannot be prepared (a damaged schema, a busy or full database)
 * exits as its message says, never 70. */
int db_failed(const struct store *s);

/* Runs a statement that returns no rows. 0, or db_error(). */
int db_step_done(struct store *s, sqlite3_stmt *st);

/* Runs an INSERT, setting *id (may be NULL) to the new row; a UNIQUE clash
 * becomes EX_DATAERR "WHAT already exists". */
int db_insert(struct store *s, sqlite3_stmt *st, const char *what, int64_t *id);

/* Reads the current row of a statement into OUT: 0, or a sysexits status
 * after printing why (db_bad_value: a value rota never writes). */
typedef int db_read_fn(sqlite3_stmt *st, void *out);

/* Prints that column COLUMN of row ID of WHAT holds VALUE, which rota
 * never writes (a damaged database, or one edited by hand), and what to
 * do; returns EX_DATAERR. For readers that parse a stored word into an
 * enum: an unknown word is never read as a default. */
int db_bad_value(sqlite3_stmt *st, const char *what, int64_t id, const char *column,
		 const char *value);

/* Runs ST, which yields at most one row, into OUT with READ: 0,
 * STORE_NOT_FOUND, READ's error or db_error(). */
int db_one(struct store *s, sqlite3_stmt *st, db_read_fn *read, void *out);

/* Runs ST into a malloc'd array of SIZE-byte elements filled by READ: 0,
 * READ's error or db_error(), with *v NULL and *n 0 on error. */
int db_list(struct store *s, sqlite3_stmt *st, db_read_fn *read,
	    size_t size, void **v, size_t *n);
/* The same for elements that own memory: on error, DROP frees what each
 * element read so far owns, the one READ failed on included (each starts
 * zeroed, so DROP may free a field READ had not reached). */
int db_list_owning(struct store *s, sqlite3_stmt *st, db_read_fn *read,
		   void (*drop)(void *elem), size_t size, void **v, size_t *n);

/* Runs ST, reading each row into ROW (SIZE bytes, zeroed first) with READ
 * and handing it to EACH(ROW, ARG) before the next is read, so that
 * nothing grows with the rows; DROP (may be NULL) then frees what READ
 * put in ROW. 0, READ's or EACH's first non-zero return, or db_error(). */
int db_each(struct store *s, sqlite3_stmt *st, db_read_fn *read, void (*drop)(void *row),
	    void *row, size_t size, store_row_fn *each, void *arg);

/* Runs an UPDATE or DELETE: 0, STORE_NOT_FOUND when no row changed, or
 * db_error(). */
int db_changed(struct store *s, sqlite3_stmt *st);

/* Copies column COL as text into buf (empty string for NULL). */
void db_text(sqlite3_stmt *st, int col, char *buf, size_t len);
/* Column COL as an integer, DEF when NULL. */
int64_t db_int(sqlite3_stmt *st, int col, int64_t def);

/* Binds: text (NULL binds NULL), integer, integer-or-NULL when zero. */
void db_bind_text(sqlite3_stmt *st, int i, const char *v);
void db_bind_int(sqlite3_stmt *st, int i, int64_t v);
void db_bind_id(sqlite3_stmt *st, int i, int64_t id);

/* Column COL of page PAGE_ID's row as its class (NULL: unclassified): 0,
 * or db_bad_value() for a word that names no class (store/pages.c). */
int read_page_class(sqlite3_stmt *st, int col, int64_t page_id, enum page_class *out);

/* Holidays with their office's name, read into a struct holiday by
 * read_holiday (store/people.c); shared by every holiday query. */
#define HOLIDAY_COLS \
	"SELECT h.id, h.office_id, o.name, h.day, h.name FROM holidays h " \
	"JOIN offices o ON o.id = h.office_id "
int read_holiday(sqlite3_stmt *st, void *out);

/* Offices, read into a struct office by read_office (store/people.c). */
#define OFFICE_COLS "SELECT o.id, o.name, o.tz, o.hours FROM offices o "
int read_office(sqlite3_stmt *st, void *out);

/* Shifts with their rotation, term and person, read into a struct shift
 * by read_shift (store/shifts.c); shared by every shift query. */
#define SHIFT_COLS \
	"SELECT s.id, s.uid, s.rotation_id, r.name, r.tier, r.tz, s.term_id, t.name, " \
	"s.slot, s.person_id, p.handle, s.start_at, s.end_at, s.origin, s.sequence, " \
	"s.cancelled_at IS NOT NULL, s.slot_start, s.slot_end, s.updated_at " \
	"FROM shifts s JOIN rotations r ON r.id = s.rotation_id " \
	"JOIN terms t ON t.id = s.term_id JOIN persons p ON p.id = s.person_id "
int read_shift(sqlite3_stmt *st, void *out);

#endif
