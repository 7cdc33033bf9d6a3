#!/bin/sh
# bench-csv-record.sh [ROTA] [MB]: the memory a page import holds for a CSV
# whose one record is MB megabytes (default 200) long, read from the file
# and from a pipe (as rota serve passes a caller's file). rota refuses a
# record past 1 MiB (reports/csv.h, CSV_RECORD_MAX) without reading the
# rest of it. Prints exit status, seconds and peak RSS (GNU time).
set -eu
rota=${1:-./rota}
mb=${2:-200}
dir=$(mktemp -d "${TMPDIR:-/tmp}/rota-bench-csv.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export ROTA_DB="$dir/rota.db" ROTA_NOW=2027-02-01T00:00:00Z
"$rota" person add ana --name Ana --email ana@example.com --tz Europe/Dublin >/dev/null
python3 -c "
import sys
sys.stdout.write('id,created_at,acknowledged_at,resolved_at,responder,service,alert,urgency,escalated,runbook_url\n')
sys.stdout.write('X,2027-01-05T23:10:00Z,,,ana,db,\"' + 'a' * ($mb * 1000000) + '\",high,false,\n')" >"$dir/huge.csv"
/usr/bin/time -f "file: exit %x, %e s, %M KB peak RSS" "$rota" page import "$dir/huge.csv" >/dev/null 2>"$dir/err" || true
tail -1 "$dir/err"
cat "$dir/huge.csv" | /usr/bin/time -f "pipe: exit %x, %e s, %M KB peak RSS" "$rota" page import - >/dev/null 2>"$dir/err" || true
tail -1 "$dir/err"
