#!/bin/sh
# The README's tour runs as written, command after command.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"

test_expect_success 'every command of the README tour succeeds' '
	awk "/^## A short tour/ { f = 1 } f && /^\`\`\`sh/ { g = 1; next } g && /^\`\`\`/ { exit } g" \
		"$ROTA_SRCDIR/README.md" | sed "s/  *#.*//" >tour &&
	test "$(wc -l <tour)" -gt 20 &&
	while read -r line; do
		eval "$line" >>tour.out 2>&1 || { echo "failed: $line"; cat tour.out; exit 1; }
	done <tour &&
	test "$(sqlite3 rota.db "SELECT p.handle, s.origin FROM shifts s JOIN persons p ON p.id = s.person_id WHERE s.start_at <= strftime('"'"'%s'"'"', '"'"'2027-03-10'"'"') ORDER BY s.start_at DESC LIMIT 1")" = "bo|override"
'

test_done
