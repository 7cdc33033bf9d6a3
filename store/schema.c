/* The schema, as an ordered list of migrations applied against
 * PRAGMA user_version (FreeBSD pkg's db_upgrades habit). A database at
 * version N gets migrations N+1.. in one transaction. Never edit a
 * migration that has shipped: add the next one. */
#include "config.h"

#include <stddef.h>

#include "store/store-private.h"

static const char migration_1[] =
	/* Offices: a time zone, business hours and public holidays. */
	"CREATE TABLE offices ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  tz TEXT NOT NULL,"
	"  hours TEXT NOT NULL DEFAULT 'Mon-Fri 09:00-18:00',"
	"  created_at INTEGER NOT NULL);"
	"CREATE TABLE holidays ("
	"  id INTEGER PRIMARY KEY,"
	"  office_id INTEGER NOT NULL REFERENCES offices(id) ON DELETE CASCADE,"
	"  day TEXT NOT NULL,"                        /* YYYY-MM-DD, office-local */
	"  name TEXT NOT NULL,"
	"  source TEXT NOT NULL DEFAULT 'manual',"    /* manual | a feed's URL or path */
	"  source_uid TEXT,"                          /* UID of the imported event */
	"  recurrence_id TEXT NOT NULL DEFAULT '',"
	"  UNIQUE (office_id, day, source, source_uid, recurrence_id));"
	"CREATE TABLE persons ("
	"  id INTEGER PRIMARY KEY,"
	"  handle TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL,"
	"  email TEXT NOT NULL,"
	"  tz TEXT NOT NULL,"
	"  office_id INTEGER REFERENCES offices(id),"
	"  is_manager INTEGER NOT NULL DEFAULT 0 CHECK (is_manager IN (0, 1)),"
	"  sleep_start INTEGER NOT NULL DEFAULT 1320,"  /* minutes after midnight, own zone */
	"  sleep_end INTEGER NOT NULL DEFAULT 420,"
	"  feed_token TEXT UNIQUE,"                     /* 128 random bits, hex */
	"  removed_at INTEGER,"                         /* kept for history once removed */
	"  created_at INTEGER NOT NULL);"
	"CREATE TABLE rotations ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  tier TEXT NOT NULL CHECK (tier IN ('primary', 'escalation')),"
	"  tz TEXT NOT NULL,"
	"  handoff_dow INTEGER NOT NULL DEFAULT 1 CHECK (handoff_dow BETWEEN 0 AND 6),"
	"  handoff_minute INTEGER NOT NULL DEFAULT 600 CHECK (handoff_minute BETWEEN 0 AND 1439),"
	"  shift_days INTEGER NOT NULL DEFAULT 7 CHECK (shift_days BETWEEN 1 AND 28),"
	"  created_at INTEGER NOT NULL);"
	"CREATE TABLE terms ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  rotation_id INTEGER NOT NULL REFERENCES rotations(id),"
	"  start_at INTEGER NOT NULL,"                  /* first handoff, UTC */
	"  end_at INTEGER NOT NULL,"                    /* last handoff, UTC */
	"  weeks INTEGER NOT NULL CHECK (weeks > 0),"
	"  created_at INTEGER NOT NULL);"
	"CREATE INDEX terms_rotation ON terms (rotation_id, start_at);"
	"CREATE TABLE memberships ("
	"  term_id INTEGER NOT NULL REFERENCES terms(id) ON DELETE CASCADE,"
	"  person_id INTEGER NOT NULL REFERENCES persons(id),"
	"  joined_at INTEGER NOT NULL,"
	"  left_at INTEGER,"                            /* NULL while a member */
	"  PRIMARY KEY (term_id, person_id));"
	/* A shift is a slot of a term (its identity: term and slot index,
	 * which survive swaps, overrides and time edits, hence uid) held by a
	 * person. Shifts are never deleted while a feed may still show them:
	 * a removed one gets cancelled_at and a raised sequence. */
	"CREATE TABLE shifts ("
	"  id INTEGER PRIMARY KEY,"
	"  uid TEXT NOT NULL UNIQUE,"
	"  rotation_id INTEGER NOT NULL REFERENCES rotations(id),"
	"  term_id INTEGER NOT NULL REFERENCES terms(id),"
	"  slot INTEGER NOT NULL,"
	"  person_id INTEGER NOT NULL REFERENCES persons(id),"
	"  start_at INTEGER NOT NULL,"
	"  end_at INTEGER NOT NULL CHECK (end_at > start_at),"
	"  origin TEXT NOT NULL DEFAULT 'generated' CHECK (origin IN ('generated', 'swap', 'override')),"
	"  sequence INTEGER NOT NULL DEFAULT 0,"
	"  cancelled_at INTEGER,"
	"  updated_at INTEGER NOT NULL,"
	"  UNIQUE (term_id, slot));"
	"CREATE INDEX shifts_rotation_time ON shifts (rotation_id, start_at);"
	"CREATE INDEX shifts_person_time ON shifts (person_id, start_at);"
	"CREATE TABLE swaps ("
	"  id INTEGER PRIMARY KEY,"
	"  shift_id INTEGER NOT NULL REFERENCES shifts(id),"
	"  requester_id INTEGER NOT NULL REFERENCES persons(id),"
	"  target_id INTEGER REFERENCES persons(id),"   /* NULL: anyone in the term */
	"  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'declined', 'cancelled')),"
	"  created_at INTEGER NOT NULL,"
	"  decided_at INTEGER,"
	"  decided_by INTEGER REFERENCES persons(id));"
	"CREATE INDEX swaps_shift ON swaps (shift_id);"
	"CREATE TABLE leave ("
	"  id INTEGER PRIMARY KEY,"
	"  person_id INTEGER NOT NULL REFERENCES persons(id),"
	"  start_at INTEGER NOT NULL,"
	"  end_at INTEGER NOT NULL CHECK (end_at > start_at),"
	"  reason TEXT NOT NULL DEFAULT '',"
	"  source TEXT NOT NULL DEFAULT 'manual',"      /* manual | a feed's URL or path */
	"  source_uid TEXT,"
	"  recurrence_id TEXT NOT NULL DEFAULT '',"
	"  created_at INTEGER NOT NULL);"
	"CREATE INDEX leave_person_time ON leave (person_id, start_at);"
	/* Pay policies are configured in rota.conf; a snapshot of the one used
	 * is kept with each pay run so a past month's pay can be explained. */
	"CREATE TABLE policies ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  currency TEXT NOT NULL,"
	"  settings TEXT NOT NULL,"                     /* JSON: the [policy] keys, minor units */
	"  updated_at INTEGER NOT NULL);"
	"CREATE TABLE pages ("
	"  id INTEGER PRIMARY KEY,"
	"  source TEXT NOT NULL,"                       /* pagerduty | opsgenie | generic */
	"  source_id TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"
	"  acknowledged_at INTEGER,"
	"  resolved_at INTEGER,"
	"  responder_id INTEGER REFERENCES persons(id),"
	"  responder_name TEXT,"                        /* as the source named them */
	"  rotation_id INTEGER REFERENCES rotations(id),"
	"  service TEXT NOT NULL DEFAULT '',"
	"  alert TEXT NOT NULL DEFAULT '',"
	"  urgency TEXT NOT NULL DEFAULT '',"
	"  escalated INTEGER NOT NULL DEFAULT 0,"
	"  escalation_person_id INTEGER REFERENCES persons(id),"
	"  runbook_url TEXT NOT NULL DEFAULT '',"
	"  acted INTEGER NOT NULL DEFAULT 1,"           /* 0: resolved without anyone acting */
	"  class TEXT,"                                 /* in_hours | out_of_hours | sleep */
	"  imported_at INTEGER NOT NULL,"
	"  UNIQUE (source, source_id));"
	"CREATE INDEX pages_time ON pages (created_at);"
	"CREATE INDEX pages_responder_time ON pages (responder_id, created_at);"
	"CREATE TABLE audit_events ("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL,"
	"  actor TEXT NOT NULL,"                        /* login, and 'as HANDLE' when acting for someone */
	"  action TEXT NOT NULL,"                       /* person.add, swap.accept, ... */
	"  object TEXT NOT NULL,"
	"  before TEXT,"                                /* JSON or NULL */
	"  after TEXT);"
	"CREATE INDEX audit_time ON audit_events (at);";

/* Outbound state: what was published where, what was sent, and the HTTP
 * validators of fetched calendars, so that runs are idempotent. */
static const char migration_2[] =
	"CREATE TABLE notifications ("
	"  id INTEGER PRIMARY KEY,"
	"  kind TEXT NOT NULL,"                         /* handoff | swap | burnout */
	"  dedup_key TEXT NOT NULL UNIQUE,"             /* the same notice is sent once */
	"  channel TEXT NOT NULL,"                      /* webhook | email */
	"  recipient TEXT NOT NULL,"
	"  subject TEXT NOT NULL DEFAULT '',"
	"  body TEXT NOT NULL,"
	"  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  last_error TEXT,"
	"  created_at INTEGER NOT NULL,"
	"  sent_at INTEGER);"
	"CREATE TABLE http_cache ("
	"  url TEXT PRIMARY KEY,"
	"  etag TEXT,"
	"  last_modified TEXT,"
	"  fetched_at INTEGER NOT NULL);"
	"CREATE TABLE caldav_events ("
	"  collection TEXT NOT NULL,"
	"  uid TEXT NOT NULL,"
	"  href TEXT NOT NULL,"
	"  etag TEXT,"
	"  sequence INTEGER NOT NULL,"
	"  PRIMARY KEY (collection, uid));";

/* Speed: the index of a rotation's shifts by time also carries the columns
 * that `rota now` and the generator's member history read (cancelled_at,
 * end_at, person_id, term_id), so those queries walk the index alone and
 * never fetch a row of the table. Replaces shifts_rotation_time. And the
 * managers alone, which every command counts (while there are none, anyone
 * may manage): the count no longer reads every person. */
static const char migration_3[] =
	"DROP INDEX IF EXISTS shifts_rotation_time;"
	"CREATE INDEX IF NOT EXISTS shifts_rotation_cover ON shifts (rotation_id, start_at, "
	"  cancelled_at, end_at, person_id, term_id);"
	"CREATE INDEX IF NOT EXISTS persons_managers ON persons (is_manager) "
	"  WHERE is_manager AND removed_at IS NULL;";

/* Speed: sqlite 3.40 evaluates the CHECK "origin IN (...)" of every shift
 * it writes by building a temporary b-tree of the three words, a fifth of
 * the cost of inserting a shift. The same rule as equalities joined by OR
 * costs three comparisons. A CHECK cannot be altered in place: the table
 * is rebuilt (sqlite's "12-step" procedure, with foreign keys off around
 * the migration, see store_migrate) with its rows, ids and indexes. */
static const char migration_4[] =
	"CREATE TABLE shifts_v4 ("
	"  id INTEGER PRIMARY KEY,"
	"  uid TEXT NOT NULL UNIQUE,"
	"  rotation_id INTEGER NOT NULL REFERENCES rotations(id),"
	"  term_id INTEGER NOT NULL REFERENCES terms(id),"
	"  slot INTEGER NOT NULL,"
	"  person_id INTEGER NOT NULL REFERENCES persons(id),"
	"  start_at INTEGER NOT NULL,"
	"  end_at INTEGER NOT NULL CHECK (end_at > start_at),"
	"  origin TEXT NOT NULL DEFAULT 'generated' CHECK (origin = 'generated' "
	"    OR origin = 'swap' OR origin = 'override'),"
	"  sequence INTEGER NOT NULL DEFAULT 0,"
	"  cancelled_at INTEGER,"
	"  updated_at INTEGER NOT NULL,"
	"  UNIQUE (term_id, slot));"
	"INSERT INTO shifts_v4 (id, uid, rotation_id, term_id, slot, person_id, start_at, "
	"  end_at, origin, sequence, cancelled_at, updated_at) "
	"SELECT id, uid, rotation_id, term_id, slot, person_id, start_at, end_at, origin, "
	"  sequence, cancelled_at, updated_at FROM shifts ORDER BY id;"
	"DROP TABLE shifts;"
	"ALTER TABLE shifts_v4 RENAME TO shifts;"
	"CREATE INDEX shifts_person_time ON shifts (person_id, start_at);"
	"CREATE INDEX shifts_rotation_cover ON shifts (rotation_id, start_at, "
	"  cancelled_at, end_at, person_id, term_id);";

/* Speed of `rota now`: the index of a rotation's shifts by time carries
 * their origin too, so the shift in force in each rotation is read from
 * the index alone, without a page of the table per rotation; and the
 * rotations in the order every list shows them (primary first, then by
 * name), so listing them sorts nothing. */
static const char migration_5[] =
	"DROP INDEX IF EXISTS shifts_rotation_cover;"
	"CREATE INDEX shifts_rotation_cover ON shifts (rotation_id, start_at, "
	"  cancelled_at, end_at, person_id, term_id, origin);"
	"CREATE INDEX IF NOT EXISTS rotations_listed ON rotations (tier = 'escalation', name);";

/* Speed of generating a schedule: the shifts table rebuilt (as in
 * migration 4) without the UNIQUE index on uid, the largest of its indexes
 * and the dearest to write: a uid is a hash of the rotation's and term's
 * names and the slot (shift_uid_make), so its entries land at random in
 * the index, and nothing looks a shift up by uid. The shift's identity
 * stays unique through UNIQUE (term_id, slot). (A time-ordered index of
 * the shifts in force was tried here for `rota now`: it halved the query
 * but cost generation 20%, past its 2 s; bench/README.md.) */
static const char migration_6[] =
	"CREATE TABLE shifts_v6 ("
	"  id INTEGER PRIMARY KEY,"
	"  uid TEXT NOT NULL,"
	"  rotation_id INTEGER NOT NULL REFERENCES rotations(id),"
	"  term_id INTEGER NOT NULL REFERENCES terms(id),"
	"  slot INTEGER NOT NULL,"
	"  person_id INTEGER NOT NULL REFERENCES persons(id),"
	"  start_at INTEGER NOT NULL,"
	"  end_at INTEGER NOT NULL CHECK (end_at > start_at),"
	"  origin TEXT NOT NULL DEFAULT 'generated' CHECK (origin = 'generated' "
	"    OR origin = 'swap' OR origin = 'override'),"
	"  sequence INTEGER NOT NULL DEFAULT 0,"
	"  cancelled_at INTEGER,"
	"  updated_at INTEGER NOT NULL,"
	"  UNIQUE (term_id, slot));"
	"INSERT INTO shifts_v6 (id, uid, rotation_id, term_id, slot, person_id, start_at, "
	"  end_at, origin, sequence, cancelled_at, updated_at) "
	"SELECT id, uid, rotation_id, term_id, slot, person_id, start_at, end_at, origin, "
	"  sequence, cancelled_at, updated_at FROM shifts ORDER BY id;"
	"DROP TABLE shifts;"
	"ALTER TABLE shifts_v6 RENAME TO shifts;"
	"CREATE INDEX shifts_person_time ON shifts (person_id, start_at);"
	"CREATE INDEX shifts_rotation_cover ON shifts (rotation_id, start_at, "
	"  cancelled_at, end_at, person_id, term_id, origin);";

/* Speed of `rota report monthly`: its six-month trend reads the time and
 * responder of every out-of-hours and sleep page of the five months
 * before (300,000 pages of 10,000,000 on a busy team). This partial index
 * holds those pages alone and carries both columns, so the trend's query
 * (store_report_ooh_times, whose WHERE names the same classes) walks it
 * without fetching a row of the table: 0.2 s less on 10,000,000 pages. */
static const char migration_7[] =
	"CREATE INDEX IF NOT EXISTS pages_ooh_time ON pages (created_at, responder_id) "
	"  WHERE class IN ('out_of_hours', 'sleep');";

/* Speed of a large page import: the key of a page, (source, source_id),
 * as a named UNIQUE index instead of a constraint of the table, so that a
 * large import into a table with no pages of its source can drop it and
 * build it again after the rows (store/pages-bulk.c): kept up row by row,
 * its entries land at random (ids sort as text) and it was half of the
 * import's sqlite time. The table is rebuilt (sqlite's 12 steps, as in
 * migration 4), ids kept. */
static const char migration_8[] =
	"CREATE TABLE pages_v8 ("
	"  id INTEGER PRIMARY KEY,"
	"  source TEXT NOT NULL,"
	"  source_id TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"
	"  acknowledged_at INTEGER,"
	"  resolved_at INTEGER,"
	"  responder_id INTEGER REFERENCES persons(id),"
	"  responder_name TEXT,"
	"  rotation_id INTEGER REFERENCES rotations(id),"
	"  service TEXT NOT NULL DEFAULT '',"
	"  alert TEXT NOT NULL DEFAULT '',"
	"  urgency TEXT NOT NULL DEFAULT '',"
	"  escalated INTEGER NOT NULL DEFAULT 0,"
	"  escalation_person_id INTEGER REFERENCES persons(id),"
	"  runbook_url TEXT NOT NULL DEFAULT '',"
	"  acted INTEGER NOT NULL DEFAULT 1,"
	"  class TEXT,"
	"  imported_at INTEGER NOT NULL);"
	"INSERT INTO pages_v8 SELECT id, source, source_id, created_at, acknowledged_at, "
	"  resolved_at, responder_id, responder_name, rotation_id, service, alert, urgency, "
	"  escalated, escalation_person_id, runbook_url, acted, class, imported_at "
	"  FROM pages ORDER BY id;"
	"DROP TABLE pages;"
	"ALTER TABLE pages_v8 RENAME TO pages;"
	"CREATE UNIQUE INDEX pages_source ON pages (source, source_id);"
	"CREATE INDEX pages_time ON pages (created_at);"
	"CREATE INDEX pages_responder_time ON pages (responder_id, created_at);"
	"CREATE INDEX pages_ooh_time ON pages (created_at, responder_id) "
	"  WHERE class IN ('out_of_hours', 'sleep');";

/* Speed of a large page import, which builds pages_source again after its
 * rows when nothing of the import's source was stored (store/pages-bulk.c):
 * - pages_responder_time goes. A large import had to build it again too
 *   (kept up row by row, its entries land in 50 places at once), a fifth
 *   of the import's time. Its one reader, the sleep pages of a member's
 *   last shift when a term is drawn (store_member_history), walks that
 *   week of pages_ooh_time instead: a week of the team's out-of-hours
 *   pages, not the whole table.
 * - the key is (source_id, source): the same pages are unique, but a sort
 *   of the keys tells two apart at their first column instead of reading
 *   past a source name that all of an import's pages share (a quarter less
 *   time to build it). */
static const char migration_9[] =
	"DROP INDEX IF EXISTS pages_responder_time;"
	"DROP INDEX pages_source;"
	"CREATE UNIQUE INDEX pages_source ON pages (source_id, source);";

/* Shifts are time ranges (issue 19): a week of a term's grid (its slot)
 * may be covered by several consecutive parts, each a row held by one
 * person. A row's identity is (term, slot, start): its start never
 * changes (a merge extends the earlier part's end and cancels the later
 * one), so the UID made from it is stable. slot_start and slot_end keep
 * the week the part belongs to, which pay pro-rates by.
 * shift_releases: a part that left a person's hands, shown in their own
 * feed as CANCELLED until it has ended. swaps.from_at/to_at: the range a
 * request asks to be covered (NULL in older rows: the whole shift), in a
 * rebuilt table (as the shifts', so that the migration may run again).
 * swap_declines: who declined a request open to the whole term. */
static const char migration_10[] =
	"CREATE TABLE shifts_v10 ("
	"  id INTEGER PRIMARY KEY,"
	"  uid TEXT NOT NULL,"
	"  rotation_id INTEGER NOT NULL REFERENCES rotations(id),"
	"  term_id INTEGER NOT NULL REFERENCES terms(id),"
	"  slot INTEGER NOT NULL,"
	"  slot_start INTEGER NOT NULL,"
	"  slot_end INTEGER NOT NULL,"
	"  person_id INTEGER NOT NULL REFERENCES persons(id),"
	"  start_at INTEGER NOT NULL,"
	"  end_at INTEGER NOT NULL CHECK (end_at > start_at),"
	"  origin TEXT NOT NULL DEFAULT 'generated' CHECK (origin = 'generated' "
	"    OR origin = 'swap' OR origin = 'override'),"
	"  sequence INTEGER NOT NULL DEFAULT 0,"
	"  cancelled_at INTEGER,"
	"  updated_at INTEGER NOT NULL,"
	"  CHECK (slot_start <= start_at AND end_at <= slot_end),"
	"  UNIQUE (term_id, slot, start_at));"
	"INSERT INTO shifts_v10 (id, uid, rotation_id, term_id, slot, slot_start, slot_end, "
	"  person_id, start_at, end_at, origin, sequence, cancelled_at, updated_at) "
	"SELECT id, uid, rotation_id, term_id, slot, start_at, end_at, person_id, start_at, "
	"  end_at, origin, sequence, cancelled_at, updated_at FROM shifts ORDER BY id;"
	"DROP TABLE shifts;"
	"ALTER TABLE shifts_v10 RENAME TO shifts;"
	"CREATE INDEX shifts_person_time ON shifts (person_id, start_at);"
	"CREATE INDEX shifts_rotation_cover ON shifts (rotation_id, start_at, "
	"  cancelled_at, end_at, person_id, term_id, origin);"
	"CREATE TABLE IF NOT EXISTS shift_releases ("
	"  shift_id INTEGER NOT NULL REFERENCES shifts(id),"
	"  person_id INTEGER NOT NULL REFERENCES persons(id),"
	"  start_at INTEGER NOT NULL,"
	"  end_at INTEGER NOT NULL CHECK (end_at > start_at),"
	"  released_at INTEGER NOT NULL,"
	"  PRIMARY KEY (shift_id, person_id));"
	"CREATE INDEX IF NOT EXISTS shift_releases_person ON shift_releases (person_id, end_at);"
	"CREATE TABLE swaps_v10 ("
	"  id INTEGER PRIMARY KEY,"
	"  shift_id INTEGER NOT NULL REFERENCES shifts(id),"
	"  requester_id INTEGER NOT NULL REFERENCES persons(id),"
	"  target_id INTEGER REFERENCES persons(id),"
	"  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'declined', 'cancelled')),"
	"  created_at INTEGER NOT NULL,"
	"  decided_at INTEGER,"
	"  decided_by INTEGER REFERENCES persons(id),"
	"  from_at INTEGER,"
	"  to_at INTEGER);"
	"INSERT INTO swaps_v10 (id, shift_id, requester_id, target_id, state, created_at, "
	"  decided_at, decided_by) SELECT id, shift_id, requester_id, target_id, state, "
	"  created_at, decided_at, decided_by FROM swaps ORDER BY id;"
	"DROP TABLE swaps;"
	"ALTER TABLE swaps_v10 RENAME TO swaps;"
	"CREATE INDEX swaps_shift ON swaps (shift_id);"
	"CREATE TABLE IF NOT EXISTS swap_declines ("
	"  swap_id INTEGER NOT NULL REFERENCES swaps(id),"
	"  person_id INTEGER NOT NULL REFERENCES persons(id),"
	"  declined_at INTEGER NOT NULL,"
	"  PRIMARY KEY (swap_id, person_id));";

/* What rota notify last told people of their shifts (issue 19): the parts
 * of each week of a term as they were then (shifts_told), the terms whose
 * schedule has been told at all (terms_told: a term not in it is new, and
 * its schedule is told as one summary), and the runs that told shift news
 * (notify_runs: a run's id names its notices, "shifts:ID"). Seeded with
 * the schedule as it stands, so that an upgraded database tells only the
 * changes made after the upgrade, not every shift at once. */
static const char migration_11[] =
	"CREATE TABLE IF NOT EXISTS shifts_told ("
	"  term_id INTEGER NOT NULL REFERENCES terms(id),"
	"  slot INTEGER NOT NULL,"
	"  slot_start INTEGER NOT NULL,"
	"  slot_end INTEGER NOT NULL,"
	"  start_at INTEGER NOT NULL,"
	"  end_at INTEGER NOT NULL CHECK (end_at > start_at),"
	"  person_id INTEGER NOT NULL REFERENCES persons(id),"
	"  PRIMARY KEY (term_id, slot, start_at));"
	"CREATE TABLE IF NOT EXISTS terms_told ("
	"  term_id INTEGER PRIMARY KEY REFERENCES terms(id));"
	"CREATE TABLE IF NOT EXISTS notify_runs ("
	"  id INTEGER PRIMARY KEY,"
	"  at INTEGER NOT NULL);"
	"INSERT OR IGNORE INTO shifts_told (term_id, slot, slot_start, slot_end, start_at, "
	"  end_at, person_id) SELECT term_id, slot, slot_start, slot_end, start_at, end_at, "
	"  person_id FROM shifts WHERE cancelled_at IS NULL;"
	"INSERT OR IGNORE INTO terms_told (term_id) SELECT DISTINCT term_id FROM shifts;";

/* Out-of-hours rotations (issue 20): a rotation with a row in
 * rotation_cover is on call only while none of its offices is in
 * business hours; its offices are those of rotation_offices, or when it
 * has none there, those of its terms' members. A rotation with no row
 * covers every hour, as before. Tables of their own, so that the
 * migration may run again. */
static const char migration_12[] =
	"CREATE TABLE IF NOT EXISTS rotation_cover ("
	"  rotation_id INTEGER PRIMARY KEY REFERENCES rotations(id),"
	"  covers TEXT NOT NULL CHECK (covers = 'out_of_hours'));"
	"CREATE TABLE IF NOT EXISTS rotation_offices ("
	"  rotation_id INTEGER NOT NULL REFERENCES rotation_cover(rotation_id),"
	"  office_id INTEGER NOT NULL REFERENCES offices(id),"
	"  PRIMARY KEY (rotation_id, office_id));";

/* A person's zone, office, sleep hours and manager flag as history
 * (issue 23): each row holds the values in force from valid_from (UTC; 0:
 * from the beginning) until the person's next row. Every rule that judges
 * a past instant (a page's class, pay, the monthly report) reads the row
 * in force then (store_person_attrs_at), so a change never reclassifies
 * what came before it. The persons row keeps the current values, for the
 * schedule's future. Each person's values as they stand become their
 * first row, valid from the beginning. */
static const char migration_13[] =
	"CREATE TABLE IF NOT EXISTS person_history ("
	"  person_id INTEGER NOT NULL REFERENCES persons(id),"
	"  valid_from INTEGER NOT NULL,"
	"  tz TEXT NOT NULL,"
	"  office_id INTEGER REFERENCES offices(id),"
	"  is_manager INTEGER NOT NULL CHECK (is_manager IN (0, 1)),"
	"  sleep_start INTEGER NOT NULL,"
	"  sleep_end INTEGER NOT NULL,"
	"  PRIMARY KEY (person_id, valid_from)) WITHOUT ROWID;"
	"INSERT OR IGNORE INTO person_history (person_id, valid_from, tz, office_id, "
	"  is_manager, sleep_start, sleep_end) SELECT id, 0, tz, office_id, is_manager, "
	"  sleep_start, sleep_end FROM persons ORDER BY id;";

/* SSH public keys, one identity each (issue 23): authorized_keys is
 * written from this table (service/keys.c). A table of its own, so that
 * the migration may run again. */
static const char migration_14[] =
	"CREATE TABLE IF NOT EXISTS ssh_keys ("
	"  id INTEGER PRIMARY KEY,"
	"  person_id INTEGER NOT NULL REFERENCES persons(id),"
	"  type TEXT NOT NULL,"
	"  blob TEXT NOT NULL UNIQUE,"                 /* the key's base64 */
	"  comment TEXT NOT NULL DEFAULT '',"
	"  fingerprint TEXT NOT NULL UNIQUE,"          /* SHA256:..., from ssh-keygen -l */
	"  added_at INTEGER NOT NULL);"
	"CREATE INDEX IF NOT EXISTS ssh_keys_person ON ssh_keys (person_id);";

const struct store_migration store_migrations[] = {
	{ 1, migration_1 },
	{ 2, migration_2 },
	{ 3, migration_3 },
	{ 4, migration_4 },
	{ 5, migration_5 },
	{ 6, migration_6 },
	{ 7, migration_7 },
	{ 8, migration_8 },
	{ 9, migration_9 },
	{ 10, migration_10 },
	{ 11, migration_11 },
	{ 12, migration_12 },
	{ 13, migration_13 },
	{ 14, migration_14 },
};
const size_t store_n_migrations =
	sizeof store_migrations / sizeof store_migrations[0];
