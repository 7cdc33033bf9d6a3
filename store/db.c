/* Opening the database, migrations, transactions and the statement cache. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/err.h"
#include "common/xalloc.h"
#include "store/store-private.h"

/* The group of the databases created from now on, and its name; none:
 * (gid_t)-1. */
static gid_t create_gid = (gid_t)-1;
static char create_group_name[64];

/* Whether this process is a member of the group GID. */
static bool
in_group(gid_t gid)
{
	int n = getgroups(0, NULL);
	gid_t *groups = xcalloc(n > 0 ? (size_t)n : 1, sizeof *groups);
	bool in = getegid() == gid;

	n = getgroups(n, groups);
	for (int i = 0; i < n && !in; i++)
		in = groups[i] == gid;
	free(groups);
	return in;
}

/* Why the folder of PATH cannot take a new file: an errno, or 0. */
static int
folder_errno(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int e;

	if (slash == NULL)
		strcpy(dir, ".");
	else
		slash[slash == dir] = '\0';
	e = access(dir, W_OK | X_OK) == 0 ? 0 : errno;

	free(dir);
	return e;
}

/* The one map from an sqlite result CODE (with the system's ERRNO when
 * sqlite gives one) to an exit status and a message that says what to do:
 * the machine's faults (a full disk, a read-only file, a damaged one) are
 * the user's to fix, and EX_SOFTWARE is left for what rota cannot explain. */
static int
db_fail(const char *path, int code, int sys_errno, const char *msg)
{
	/* sqlite says FULL, or an I/O error whose cause was ENOSPC. */
	if ((code & 0xff) == SQLITE_IOERR && (sys_errno == ENOSPC || sys_errno == EDQUOT))
		code = SQLITE_FULL;
	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return rota_fail(EX_TEMPFAIL, "%s: database is busy (another rota "
				 "is writing); try again", path);
	case SQLITE_FULL:
		return rota_fail(EX_IOERR, "%s: the disk is full; free some space "
				 "and try again", path);
	case SQLITE_IOERR:
		return rota_fail(EX_IOERR, "%s: input/output error (%s); check the "
				 "disk, then try again", path,
				 sys_errno != 0 ? strerror(sys_errno) : msg);
	case SQLITE_READONLY:
	case SQLITE_PERM:
		return rota_fail(EX_NOPERM, "%s: the database is read-only (%s); make "
				 "the file and its folder writable by you", path, msg);
	case SQLITE_CANTOPEN:
		/* sqlite's last system call may be its read-only retry (ENOENT
		 * for a file it could not create): the folder says why. */
		if (sys_errno == ENOENT || sys_errno == 0)
			sys_errno = folder_errno(path);
		/* Shared with a group ([core] group) this user is not in. */
		if (sys_errno == EACCES && create_gid != (gid_t)-1 && !in_group(create_gid))
			return rota_fail(EX_NOPERM, "%s: cannot open the database: %s; it is "
					 "shared with group %s ([core] group), which you are "
					 "not in: ask an administrator to add you", path,
					 strerror(sys_errno), create_group_name);
		if (sys_errno == EACCES || sys_errno == EPERM || sys_errno == EROFS)
			return rota_fail(EX_NOPERM, "%s: cannot open the database: %s; "
					 "make the file and its folder writable by "
					 "you", path, strerror(sys_errno));
		return rota_fail(EX_CANTCREAT, "%s: cannot open database: %s", path,
				 sys_errno != 0 ? strerror(sys_errno) : msg);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return rota_fail(EX_DATAERR, "%s: the database is damaged or not a "
				 "rota database (%s); recover it (sqlite3 %s .recover) "
				 "or restore a backup", path, msg, path);
	case SQLITE_NOMEM:
		return rota_fail(EX_OSERR, "%s: out of memory", path);
	default:
		return rota_fail(EX_SOFTWARE, "%s: database error: %s", path, msg);
	}
}

int
db_error(struct store *s)
{
	s->failed = db_fail(s->path, sqlite3_errcode(s->db), sqlite3_system_errno(s->db),
			    sqlite3_errmsg(s->db));
	return s->failed;
}

int
db_failed(const struct store *s)
{
	return s->failed != 0 ? s->failed : EX_SOFTWARE;
}

/* Waits while a page import's writer thread uses the connection. */
static void
await_writer(struct store *s)
{
	if (s->await_writer != NULL)
		s->await_writer(s->await_arg);
}

sqlite3_stmt *
db_stmt(struct store *s, const char *sql)
{
	sqlite3_stmt *st;

	await_writer(s);
	for (size_t i = 0; i < s->ncache; i++) {
		if (s->cache[i].sql == sql) {
			sqlite3_reset(s->cache[i].stmt);
			sqlite3_clear_bindings(s->cache[i].stmt);
			return s->cache[i].stmt;
		}
	}
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
			       &st, NULL) != SQLITE_OK) {
		db_error(s);
		return NULL;
	}
	/* Grown, never evicted: callers hold the statement they were given
	 * while preparing others (a list read while each row is looked up). */
	s->cache = xpush(s->cache, &s->ncache, sizeof *s->cache);
	s->cache[s->ncache - 1] = (struct cached_stmt){ .sql = sql, .stmt = st };
	return st;
}

int
db_step_done(struct store *s, sqlite3_stmt *st)
{
	int r = sqlite3_step(st);

	sqlite3_reset(st);
	if (r != SQLITE_DONE && r != SQLITE_ROW)
		return db_error(s);
	return 0;
}

void
db_text(sqlite3_stmt *st, int col, char *buf, size_t len)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	size_t n;

	if (t == NULL) {
		buf[0] = '\0';
		return;
	}
	n = strlen((const char *)t);
	if (n >= len)
		n = len - 1;
	memcpy(buf, t, n);
	buf[n] = '\0';
}

int64_t
db_int(sqlite3_stmt *st, int col, int64_t def)
{
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return def;
	return sqlite3_column_int64(st, col);
}

void
db_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

void
db_bind_int(sqlite3_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(st, i, v);
}

void
db_bind_id(sqlite3_stmt *st, int i, int64_t id)
{
	if (id == 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, id);
}

int
db_insert(struct store *s, sqlite3_stmt *st, const char *what, int64_t *id)
{
	int r = sqlite3_step(st);

	sqlite3_reset(st);
	if (r == SQLITE_CONSTRAINT)
		return rota_fail(EX_DATAERR, "%s already exists", what);
	if (r != SQLITE_DONE)
		return db_error(s);
	if (id != NULL)
		*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

static int
exec(struct store *s, const char *sql)
{
	await_writer(s);
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_error(s);
	return 0;
}

static int
user_version(struct store *s, int *version)
{
	sqlite3_stmt *st;
	int r;

	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return db_error(s);
	r = sqlite3_step(st);
	*version = r == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	return r == SQLITE_ROW ? 0 : db_error(s);
}

/* 0 when every foreign key of the database holds, else EX_SOFTWARE after
 * naming the first that does not. */
static int
foreign_key_check(struct store *s)
{
	sqlite3_stmt *st;
	int r;

	if (sqlite3_prepare_v2(s->db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
		return db_error(s);
	r = sqlite3_step(st);
	if (r == SQLITE_ROW)
		r = rota_fail(EX_SOFTWARE, "%s: migration broke a reference of table %s "
			      "(row %lld) to %s", s->path, sqlite3_column_text(st, 0),
			      (long long)sqlite3_column_int64(st, 1), sqlite3_column_text(st, 2));
	else
		r = r == SQLITE_DONE ? 0 : db_error(s);
	sqlite3_finalize(st);
	return r;
}

/* 0 unless a database at schema VERSION 0 (a new file, which migration 1
 * fills) has tables: then EX_DATAERR, as tables without a schema version
 * are not a database rota made (or its user_version was reset). */
static int
no_tables(struct store *s, int version)
{
	sqlite3_stmt *st;
	int r;

	if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' "
			       "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' LIMIT 1", -1,
			       &st, NULL) != SQLITE_OK)
		return db_error(s);
	r = sqlite3_step(st);
	sqlite3_finalize(st);
	if (r == SQLITE_DONE || (r == SQLITE_ROW && version != 0))
		return 0;
	if (r != SQLITE_ROW)
		return db_error(s);
	return rota_fail(EX_DATAERR, "%s: the database has tables but is not at a "
			 "known schema version (PRAGMA user_version is 0): it is not a "
			 "rota database, or it was damaged; restore a backup", s->path);
}

int
store_migrate(struct store *s, int target)
{
	int version, r;
	char pragma[48];

	/* Up to date (every command but the first after an upgrade): nothing
	 * to write, so no write lock, which a reader such as `rota now` would
	 * otherwise wait for and take. */
	if ((r = user_version(s, &version)) != 0)
		return r;
	/* Reading the schema here finds a damaged one before any command's
	 * first statement would. */
	if ((r = no_tables(s, version)) != 0)
		return r;
	/* Versions may skip a number (one reserved for work not merged yet):
	 * compare with the latest, not the count. */
	if (version >= target && version <= store_latest_version())
		return 0;
	/* Foreign keys off while migrating (they cannot change inside a
	 * transaction): a migration that rebuilds a table drops the old one
	 * while other tables still refer to it. They are checked before the
	 * commit instead. */
	if ((r = exec(s, "PRAGMA foreign_keys = OFF")) != 0)
		return r;
	if ((r = exec(s, "BEGIN IMMEDIATE")) != 0)
		goto on;
	if ((r = user_version(s, &version)) != 0 ||
	    (r = no_tables(s, version)) != 0)
		goto fail;
	if (version > store_latest_version()) {
		r = rota_fail(EX_CONFIG, "%s: database schema version %d is newer "
			      "than this rota understands (%d); upgrade rota",
			      s->path, version, store_latest_version());
		goto fail;
	}
	for (size_t i = 0; i < store_n_migrations; i++) {
		const struct store_migration *m = &store_migrations[i];
		if (m->version <= version || m->version > target)
			continue;
		if ((r = exec(s, m->sql)) != 0)
			goto fail;
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", m->version);
		if ((r = exec(s, pragma)) != 0)
			goto fail;
	}
	if ((r = foreign_key_check(s)) != 0 || (r = exec(s, "COMMIT")) != 0)
		goto fail;
	return exec(s, "PRAGMA foreign_keys = ON");
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
on:
	sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	return r;
}

int
store_schema_version(struct store *s, int *version)
{
	return user_version(s, version);
}

int
store_latest_version(void)
{
	return store_migrations[store_n_migrations - 1].version;
}

/* Makes every missing parent folder of PATH (mode 0700: the database holds
 * feed tokens). */
static int
make_parents(const char *path)
{
	char *dir = xstrdup(path);
	int r = 0;

	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
			r = rota_fail(errno == EACCES || errno == EPERM || errno == EROFS ?
				      EX_NOPERM : EX_CANTCREAT, "%s: cannot create "
				      "folder: %s", dir, strerror(errno));
			break;
		}
		*p = '/';
	}
	free(dir);
	return r;
}

void
store_create_group(const char *name, gid_t gid)
{
	snprintf(create_group_name, sizeof create_group_name, "%s", name ? name : "");
	create_gid = name ? gid : (gid_t)-1;
}

/* Gives FD (PATH) to the group, mode MODE. */
static int
give_group(int fd, const char *path, mode_t mode)
{
	if ((create_gid != (gid_t)-1 && fchown(fd, (uid_t)-1, create_gid) != 0) ||
	    fchmod(fd, mode) != 0)
		return rota_fail(EX_NOPERM, "%s: cannot give it to group %s: %s (are you a "
				 "member of it?)", path, create_group_name, strerror(errno));
	return 0;
}

/* Creates the database file PATH, empty, for its owner only (0600), or
 * for its group too (0660, owned by the group) when one is set, whatever
 * the umask: sqlite gives the -wal and -shm files it creates the database
 * file's mode. An existing file is left as it is; a failure to create is
 * left for sqlite to report. */
static int
create_private(const char *path)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	int r;

	if (fd < 0)
		return 0;
	if ((r = give_group(fd, path, create_gid == (gid_t)-1 ? 0600 : 0660)) != 0)
		unlink(path);
	close(fd);
	return r;
}

/* With a group set, the -wal and -shm files of PATH that this user made
 * are given to it as well (sqlite makes them with the database's mode but
 * the user's own group). */
static int
group_companions(const char *path)
{
	static const char *const ext[] = { "-wal", "-shm" };
	struct stat st;
	int r = 0;

	for (size_t i = 0; i < 2 && r == 0 && create_gid != (gid_t)-1; i++) {
		char *f = xasprintf("%s%s", path, ext[i]);
		int fd = open(f, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);

		if (fd >= 0 && fstat(fd, &st) == 0 && st.st_uid == geteuid() &&
		    st.st_gid != create_gid)
			r = give_group(fd, f, st.st_mode & 0660);
		if (fd >= 0)
			close(fd);
		free(f);
	}
	return r;
}

/* Runs a PRAGMA journal_mode statement, MODE set to the mode it answers
 * ("" if none): SQLITE_ROW, or sqlite's result code. */
static int
journal_mode(struct store *s, const char *sql, char *mode, size_t size)
{
	sqlite3_stmt *st;
	int rc;

	mode[0] = '\0';
	if ((rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL)) != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
		snprintf(mode, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc;
}

/* Puts the database in WAL mode unless it is already (it stays so once
 * set: every command but the first finds it so). Only the switch needs
 * the database to itself, and sqlite answers BUSY at once, without the
 * busy handler, while another connection uses it (a page import in the
 * rollback journal's mode, store_bulk_begin): then this command works in
 * that mode, waiting for locks as usual, and a later one switches. */
static int
use_wal(struct store *s)
{
	char mode[16];
	int rc;

	/* Asking reads the file's header, so waits behind a writer. */
	if ((rc = journal_mode(s, "PRAGMA journal_mode", mode, sizeof mode)) != SQLITE_ROW)
		return db_error(s);
	if (strcmp(mode, "wal") == 0)
		return 0;
	rc = journal_mode(s, "PRAGMA journal_mode = WAL", mode, sizeof mode);
	if (rc == SQLITE_ROW || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return 0;
	return db_error(s);
}

static bool sqlite_configured;

/* How long a command waits for another one's lock before giving up. */
#define BUSY_TIMEOUT_MS 5000

int
store_open_version(const char *path, int target, struct store **out)
{
	struct store *s;
	int r;

	/* sqlite would open a private temporary database, and forget it. */
	if (path[0] == '\0' || path[0] == ':')
		return rota_fail(EX_USAGE, "'%s' is not a database file name: give "
				 "a path, as in --db ./rota.db", path);
	if ((r = make_parents(path)) != 0 || (r = create_private(path)) != 0)
		return r;
	/* rota is one thread: sqlite need not lock a mutex on every
	 * allocation and page-cache call (it does by default, and it is a
	 * twentieth of generating a schedule). Possible before sqlite is
	 * first used only, so once; a later call would fail harmlessly. */
	if (!sqlite_configured) {
		sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
		sqlite_configured = true;
	}
	s = xcalloc(1, sizeof *s);
	s->path = xstrdup(path);
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
			    NULL) != SQLITE_OK) {
		r = s->db != NULL ? db_error(s) : rota_fail(EX_OSERR, "out of memory");
		store_close(s);
		return r;
	}
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	/* Keep the -wal and -shm files when the last connection closes:
	 * otherwise every command, even `rota now`, creates both files on
	 * opening and deletes them on closing, a tenth of its time. The
	 * journal size limit (below) has the last connection empty the WAL
	 * instead, so that the next one has no log to read back. */
	sqlite3_file_control(s->db, "main", SQLITE_FCNTL_PERSIST_WAL, &(int){ 1 });
	sqlite3_extended_result_codes(s->db, 0);
	/* A 64 MB page cache (the default is 2 MB): one transaction that
	 * generates thousands of terms keeps its pages in memory instead of
	 * reading them back from the WAL. Allocated only as used. Reads go
	 * through a memory map instead of read() into that cache (no copies),
	 * except for the quick look-ups (store_read_few). */
	if ((r = exec(s, "PRAGMA foreign_keys = ON; "
		      "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; "
		      "PRAGMA mmap_size = 1073741824; PRAGMA temp_store = MEMORY; "
		      "PRAGMA journal_size_limit = 16777216")) != 0 ||
	    (r = use_wal(s)) != 0 || (r = store_migrate(s, target)) != 0 ||
	    (r = group_companions(path)) != 0) {
		store_close(s);
		return r;
	}
	*out = s;
	return 0;
}

int
store_open(const char *path, struct store **out)
{
	return store_open_version(path, store_latest_version(), out);
}

void
store_read_few(struct store *s)
{
	/* A 256 kB cache: the pages such a command reads are each read once,
	 * and a small cache reuses its buffers where a large one would fault
	 * in fresh memory for every page. */
	sqlite3_exec(s->db, "PRAGMA mmap_size = 0; PRAGMA cache_size = -256",
		     NULL, NULL, NULL);
}

void
store_read_stream(struct store *s)
{
	/* As store_read_few; and a sort over the whole table (leave list
	 * orders 10^6 rows by start, which no index gives) spills to a
	 * temporary file rather than memory: 98 MB of sorter in memory
	 * otherwise (temp_store = MEMORY, store_open). */
	store_read_few(s);
	sqlite3_exec(s->db, "PRAGMA temp_store = FILE", NULL, NULL, NULL);
}

/* Calls and clears store_on_end's hook, if any. */
static void
end_hook(struct store *s, bool committed)
{
	void (*fn)(void *, bool) = s->on_end;

	s->on_end = NULL;
	if (fn != NULL)
		fn(s->on_end_arg, committed);
}

void
store_close(struct store *s)
{
	if (s == NULL)
		return;
	end_hook(s, false);
	for (size_t i = 0; i < s->ncache; i++)
		sqlite3_finalize(s->cache[i].stmt);
	free(s->cache);
	person_history_forget(s);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

const char *
store_path(const struct store *s)
{
	return s->path;
}

int
store_begin(struct store *s)
{
	/* IMMEDIATE takes the write lock now, so two writers (two accepts of
	 * one swap, say) are serialised and the second sees the first's work. */
	return exec(s, "BEGIN IMMEDIATE");
}

int
store_commit(struct store *s)
{
	int r = exec(s, "COMMIT");

	if (r == 0)
		end_hook(s, true);
	return r;
}

int
store_read_begin(struct store *s, bool *began)
{
	int r = 0;

	*began = sqlite3_get_autocommit(s->db) != 0;
	if (*began && (r = exec(s, "BEGIN")) != 0)
		*began = false;
	return r;
}

void
store_read_end(struct store *s, bool began)
{
	if (began)
		store_rollback(s);
}

void
store_rollback(struct store *s)
{
	await_writer(s);
	person_history_forget(s);
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	end_hook(s, false);
}

int
store_on_end(struct store *s, void (*fn)(void *arg, bool committed), void *arg)
{
	if (s->on_end != NULL)
		return rota_fail(EX_SOFTWARE, "internal error: two end-of-transaction hooks");
	s->on_end = fn;
	s->on_end_arg = arg;
	return 0;
}

bool
store_bulk_begin(struct store *s)
{
	char mode[16];

	/* Leaving WAL mode needs the database to itself: ask once, without
	 * waiting, and stay in WAL mode if another connection has it open. */
	sqlite3_busy_timeout(s->db, 0);
	journal_mode(s, "PRAGMA journal_mode = TRUNCATE", mode, sizeof mode);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	if (strcmp(mode, "truncate") != 0)
		return false;
	/* NORMAL is safe against power loss in WAL mode only. */
	sqlite3_exec(s->db, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = OFF", NULL,
		     NULL, NULL);
	return true;
}

void
store_bulk_end(struct store *s)
{
	char mode[16];

	/* Should this fail (another process holding the database this very
	 * moment), the next store_open() puts the WAL back. */
	journal_mode(s, "PRAGMA journal_mode = WAL", mode, sizeof mode);
	sqlite3_exec(s->db, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON", NULL,
		     NULL, NULL);
}

bool
store_is_constraint_error(const struct store *s)
{
	return sqlite3_errcode(s->db) == SQLITE_CONSTRAINT;
}

int
db_bad_value(sqlite3_stmt *st, const char *what, int64_t id, const char *column,
	     const char *value)
{
	const char *path = sqlite3_db_filename(sqlite3_db_handle(st), "main");
	char shown[32];
	size_t i;

	/* The value comes from a damaged file: no control byte reaches the
	 * terminal, and no more than a word of it. */
	for (i = 0; value[i] != '\0' && i < sizeof shown - 1; i++)
		shown[i] = (unsigned char)value[i] < 0x20 || value[i] == 0x7f ? '?' : value[i];
	shown[i] = '\0';
	if (path == NULL || path[0] == '\0')
		path = "database";
	return rota_fail(EX_DATAERR, "%s: %s %lld has an unknown %s '%s%s': the database "
			 "is damaged or was edited by hand; recover it (sqlite3 %s .recover) "
			 "or restore a backup", path, what, (long long)id, column, shown,
			 value[i] != '\0' ? "..." : "", path);
}

int
db_one(struct store *s, sqlite3_stmt *st, db_read_fn *read, void *out)
{
	int r;

	if (st == NULL)
		return db_failed(s);
	r = sqlite3_step(st);
	if (r == SQLITE_ROW) {
		r = read(st, out);
		sqlite3_reset(st);
		return r;
	}
	sqlite3_reset(st);
	return r == SQLITE_DONE ? STORE_NOT_FOUND : db_error(s);
}

int
db_list_owning(struct store *s, sqlite3_stmt *st, db_read_fn *read,
	       void (*drop)(void *elem), size_t size, void **v, size_t *n)
{
	int r, err = 0;

	*v = NULL;
	*n = 0;
	if (st == NULL)
		return db_failed(s);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		*v = xpush(*v, n, size);
		if ((err = read(st, (char *)*v + (*n - 1) * size)) != 0)
			break;
	}
	sqlite3_reset(st);
	if (err == 0 && r != SQLITE_DONE)
		err = db_error(s);
	if (err != 0) {
		/* The element READ failed on owns what it read before failing. */
		for (size_t i = 0; drop != NULL && i < *n; i++)
			drop((char *)*v + i * size);
		free(*v);
		*v = NULL;
		*n = 0;
	}
	return err;
}

int
db_list(struct store *s, sqlite3_stmt *st, db_read_fn *read, size_t size, void **v,
	size_t *n)
{
	return db_list_owning(s, st, read, NULL, size, v, n);
}

int
db_each(struct store *s, sqlite3_stmt *st, db_read_fn *read, void (*drop)(void *row),
	void *row, size_t size, store_row_fn *each, void *arg)
{
	int r, err = 0;

	if (st == NULL)
		return db_failed(s);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		memset(row, 0, size);
		if ((err = read(st, row)) == 0)
			err = each(row, arg);
		if (drop != NULL)
			drop(row);
		if (err != 0)
			break;
	}
	sqlite3_reset(st);
	if (err == 0 && r != SQLITE_DONE)
		err = db_error(s);
	return err;
}

int
db_changed(struct store *s, sqlite3_stmt *st)
{
	int r = db_step_done(s, st);

	if (r != 0)
		return r;
	return sqlite3_changes(s->db) == 0 ? STORE_NOT_FOUND : 0;
}
