#!/bin/sh
# bench-lists: `rota leave list` over a table of N leave rows (default
# 1,000,000): wall time and peak resident memory of the whole process, as
# a table, as --json, and with a filter that keeps one row (the floor);
# then `rota person list` over a table of M people (--people, default
# 1,000,000; 0 skips it), as a table and as --json.
# Run by hand, not a test (bench/README.md, "Lists: bench-lists"):
#
#   bench/bench-lists.sh --rota ./rota [--rows N] [--people M] [--db PATH] [--keep]
#
# The databases are made once (100 people, leave rows spread over 100
# years from 1971; PATH-people, M people; through the sqlite3 shell) and
# reused when --keep finds them.
set -eu

ROTA=./rota
ROWS=1000000
PEOPLE=1000000
DB=bench-lists.db
KEEP=0
while [ $# -gt 0 ]; do
	case $1 in
	--rota) ROTA=$2; shift 2 ;;
	--rows) ROWS=$2; shift 2 ;;
	--people) PEOPLE=$2; shift 2 ;;
	--db) DB=$2; shift 2 ;;
	--keep) KEEP=1; shift ;;
	*) echo "usage: $0 [--rota PATH] [--rows N] [--people M] [--db PATH] [--keep]" >&2
	   exit 64 ;;
	esac
done

HOME=$(mktemp -d)
export HOME ROTA_NOW=2027-01-01T00:00:00Z LANG=C TZ=UTC
trap 'rm -rf "$HOME"' EXIT

if [ "$KEEP" = 0 ] || [ ! -f "$DB" ]; then
	rm -f "$DB" "$DB-wal" "$DB-shm"
	"$ROTA" --db "$DB" person add boss --name Boss --email boss@example.com \
		--tz Europe/Dublin --manager >/dev/null
	sqlite3 "$DB" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 99)
INSERT INTO persons (handle, name, email, tz, created_at)
SELECT 'p' || i, 'Person ' || i, 'p' || i || '@example.com',
       CASE i % 3 WHEN 0 THEN 'Europe/Dublin' WHEN 1 THEN 'America/New_York'
                  ELSE 'Asia/Kolkata' END, 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < $ROWS - 1)
INSERT INTO leave (person_id, start_at, end_at, reason, source, created_at)
SELECT 1 + i % 100, 31536000 + i * 3000, 31536000 + i * 3000 + 86400,
       'holiday ' || i, 'manual', 0 FROM n;
SQL
fi
echo "database: $DB, $(sqlite3 "$DB" 'SELECT count(*) FROM leave') leave rows," \
	"$(( $(stat -c %s "$DB") / 1048576 )) MiB"

# run LABEL ARGS...: runs rota ARGS with stdout to /dev/null; prints the
# wall time, the peak RSS (the child's, from wait4) and the exit status.
run() {
	label=$1
	shift
	/usr/bin/python3 - "$label" "$ROTA" --db "$DB" "$@" <<'PY'
import os, sys, time
label, argv = sys.argv[1], sys.argv[2:]
t0 = time.monotonic()
pid = os.fork()
if pid == 0:
    fd = os.open(os.devnull, os.O_WRONLY)
    os.dup2(fd, 1)
    os.execv(argv[0], argv)
_, status, ru = os.wait4(pid, 0)
wall = time.monotonic() - t0
print("%-28s %7.2f s  %8.1f MB peak RSS  exit %d" %
      (label, wall, ru.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)))
PY
}

run "leave list (table)" leave list --from 1970-01-01
run "leave list --json" --json leave list --from 1970-01-01
run "leave list, one row" leave list p7 --from 2000-01-01 --to 2000-01-01

[ "$PEOPLE" -gt 0 ] || exit 0
if [ "$KEEP" = 0 ] || [ ! -f "$DB-people" ]; then
	rm -f "$DB-people" "$DB-people-wal" "$DB-people-shm"
	"$ROTA" --db "$DB-people" init >/dev/null
	sqlite3 "$DB-people" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $PEOPLE)
INSERT INTO persons (handle, name, email, tz, created_at)
SELECT printf('p%07d', i), 'Person ' || i, 'p' || i || '@example.com',
       CASE i % 3 WHEN 0 THEN 'Europe/Dublin' WHEN 1 THEN 'America/New_York'
                  ELSE 'Asia/Kolkata' END, 0 FROM n;
SQL
fi
DB=$DB-people
echo "database: $DB, $(sqlite3 "$DB" 'SELECT count(*) FROM persons') people," \
	"$(( $(stat -c %s "$DB") / 1048576 )) MiB"
run "person list (table)" person list
run "person list --json" --json person list
