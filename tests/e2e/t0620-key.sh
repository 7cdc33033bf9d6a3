#!/bin/sh
# rota key add, list and remove: managers give people SSH keys that reach
# rota serve as them; authorized_keys is written from the database, every
# line rota did not write kept where it was.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-keys.sh"

AK=ssh/authorized_keys

test_expect_success 'key add writes a forced command for the person, 0600 in a 0700 folder' '
	keys_team &&
	expect_status 0 rota key add ana ana.pub &&
	expect_file "Handle:                  ana
Type:                    ssh-ed25519
Fingerprint:             $(fp ana)
Comment:                 ana@laptop
Added: ana logs in with it as ana (rota serve ana)." out &&
	test ! -s err &&
	expect_file "$(ak_line ana ana)" $AK &&
	test "$(stat -c %a ssh)" = 700 &&
	test "$(stat -c %a $AK)" = 600 &&
	test -z "$(ls -A ssh | grep -v "^authorized_keys\$")"
'

test_expect_success 'key add - reads standard input; key list shows holder, type, fingerprint, comment' '
	keys_team &&
	rota key add ana ana.pub >/dev/null &&
	rota key add cy - <cy.pub >/dev/null &&
	rota key add ana - <ana2.pub >/dev/null &&
	expect_status 0 rota key list &&
	cat >expected <<-EOT &&
	HANDLE  TYPE         FINGERPRINT                                         COMMENT
	ana     ssh-ed25519  $(fp ana)  ana@laptop
	ana     ssh-ed25519  $(fp ana2)  ana@phone
	cy      ssh-ed25519  $(fp cy)  cy@desk
	EOT
	diff -u expected out &&
	expect_file "$(ak_line ana ana)
$(ak_line cy cy)
$(ak_line ana2 ana)" $AK &&
	expect_status 0 rota --json key list cy &&
	test "$(json "[(k[\"handle\"], k[\"type\"], k[\"fingerprint\"], k[\"comment\"]) for k in j]")" = \
		"[('"'"'cy'"'"', '"'"'ssh-ed25519'"'"', '"'"'$(fp cy)'"'"', '"'"'cy@desk'"'"')]"
'

test_expect_success 'every line rota did not write stays, byte for byte, where it was' '
	keys_team &&
	mkdir -m 700 ssh &&
	printf "%s\n" "# keys of the admins" "" "$(key_part cy) admin-shell" \
		"no-pty,from=\"10.0.0.1\" ssh-rsa AAAAB3Nza other" >$AK &&
	cp $AK original &&
	rota key add ana ana.pub >/dev/null &&
	rota key add ana ana2.pub >/dev/null &&
	{ cat original && ak_line ana ana && ak_line ana2 ana; } >expected &&
	diff -u expected $AK &&
	rota key remove ana "$(fp ana)" >/dev/null &&
	{ cat original && ak_line ana2 ana; } >expected &&
	diff -u expected $AK &&
	rota key remove ana >/dev/null &&
	cmp original $AK
'

test_expect_success 'rota'"'"'s lines are rewritten in place, among the others' '
	keys_team &&
	mkdir -m 700 ssh &&
	printf "%s\n" "# before" "$(ak_line ana ana)" "# after" >$AK &&
	sqlite3 rota.db "INSERT INTO ssh_keys (person_id, type, blob, comment, fingerprint, added_at)
		SELECT id, '"'"'ssh-ed25519'"'"', '"'"'$(key_part ana | cut -d" " -f2)'"'"', '"'"'ana@laptop'"'"',
		'"'"'$(fp ana)'"'"', 0 FROM persons WHERE handle = '"'"'ana'"'"'" &&
	rota key add cy cy.pub >/dev/null &&
	printf "%s\n" "# before" "$(ak_line ana ana)" "# after" "$(ak_line cy cy)" >expected &&
	diff -u expected $AK &&
	printf "%s\n" "# before" "command=\"/old/rota serve ana\",restrict $(cat ana.pub)" \
		"command=\"/old/rota serve gone\",restrict $(cat ana2.pub)" "# after" \
		"$(ak_line cy cy)" >$AK &&
	rota key remove cy >/dev/null &&
	printf "%s\n" "# before" "$(ak_line ana ana)" "# after" >expected &&
	diff -u expected $AK
'

test_expect_success 'key remove takes one key by fingerprint, or all of a person'"'"'s' '
	keys_team &&
	rota key add ana ana.pub >/dev/null &&
	rota key add ana ana2.pub >/dev/null &&
	rota key add cy cy.pub >/dev/null &&
	expect_status 0 rota key remove ana "$(fp ana2)" &&
	cat >expected <<-EOT &&
	HANDLE  TYPE         FINGERPRINT                                         COMMENT
	ana     ssh-ed25519  $(fp ana2)  ana@phone
	Removed 1 key.
	EOT
	diff -u expected out &&
	expect_file "$(ak_line ana ana)
$(ak_line cy cy)" $AK &&
	rota key add ana ana2.pub >/dev/null &&
	expect_status 0 rota --json key remove ana &&
	test "$(json "sorted(k[\"fingerprint\"] for k in j)")" = \
		"$(/usr/bin/python3 -c "import sys; print(sorted(sys.argv[1:]))" "$(fp ana)" "$(fp ana2)")" &&
	expect_file "$(ak_line cy cy)" $AK &&
	expect_status 0 rota key list ana &&
	expect_file "No keys for ana: add one with rota key add." out
'

test_expect_success 'key remove of a key or person that has none: 65, nothing changed' '
	keys_team &&
	rota key add ana ana.pub >/dev/null &&
	cp $AK ak.before &&
	expect_unchanged 65 rota key remove ana "$(fp cy)" &&
	expect_file "rota: ana has no key $(fp cy) (see rota key list ana)" err &&
	expect_unchanged 65 rota key remove cy &&
	expect_file "rota: cy has no keys (see rota key list)" err &&
	expect_unchanged 65 rota key remove nobody &&
	expect_err "unknown person '"'"'nobody'"'"'" &&
	expect_unchanged 65 rota key add nobody cy.pub &&
	expect_err "unknown person '"'"'nobody'"'"'" &&
	cmp ak.before $AK
'

test_expect_success 'a volunteer may not add or remove keys (77) and lists only their own' '
	keys_team &&
	rota key add ana ana.pub >/dev/null &&
	rota key add cy cy.pub >/dev/null &&
	cp $AK ak.before &&
	expect_unchanged 77 rota --as ana key add ana ana2.pub &&
	expect_file "rota: key add: managers only (you are root as ana)" err &&
	expect_unchanged 77 rota --as ana key remove ana &&
	expect_file "rota: key remove: managers only (you are root as ana)" err &&
	expect_unchanged 77 rota --as ana key remove cy "$(fp cy)" &&
	expect_status 77 rota --as ana key list cy &&
	expect_file "rota: key list for someone else: managers only (you are root as ana)" err &&
	test ! -s out &&
	expect_status 0 rota --as ana key list &&
	expect_file "HANDLE  TYPE         FINGERPRINT                                         COMMENT
ana     ssh-ed25519  $(fp ana)  ana@laptop" out &&
	expect_status 0 rota --as ana key list ana &&
	expect_file "HANDLE  TYPE         FINGERPRINT                                         COMMENT
ana     ssh-ed25519  $(fp ana)  ana@laptop" out &&
	cmp ak.before $AK
'

test_expect_success 'the audit trail shows each key added and removed, and by whom' '
	keys_team &&
	rota --as cy key add ana ana.pub >/dev/null &&
	rota key remove ana >/dev/null &&
	sqlite3 rota.db "SELECT actor, action, object, before, after FROM audit_events
		WHERE action LIKE '"'"'key.%'"'"' ORDER BY id" >got &&
	cat >expected <<-EOT &&
	root as cy|key.add|ana||{"handle":"ana","type":"ssh-ed25519","fingerprint":"$(fp ana)","comment":"ana@laptop"}
	root|key.remove|ana|{"handle":"ana","type":"ssh-ed25519","fingerprint":"$(fp ana)","comment":"ana@laptop"}|
	EOT
	diff -u expected got &&
	expect_status 0 rota --json audit &&
	test "$(json "[e[\"action\"] for e in j][-2:]")" = "['"'"'key.add'"'"', '"'"'key.remove'"'"']"
'

test_expect_success 'person remove removes the person'"'"'s keys, audited, keeping the rest' '
	keys_team &&
	mkdir -m 700 ssh && echo "# admins" >$AK &&
	rota key add ana ana.pub >/dev/null &&
	rota key add ana ana2.pub >/dev/null &&
	rota key add cy cy.pub >/dev/null &&
	expect_status 0 rota person remove ana &&
	expect_file "# admins
$(ak_line cy cy)" $AK &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM ssh_keys")" = 1 &&
	test "$(sqlite3 rota.db "SELECT group_concat(action || '"'"' '"'"'|| object, '"'"','"'"')
		FROM audit_events WHERE id > (SELECT max(id) - 3 FROM audit_events)")" = \
		"key.remove ana,key.remove ana,person.remove ana" &&
	rota person add ana --name Ana --email ana@example.com --tz UTC >/dev/null &&
	expect_status 0 rota key list ana &&
	expect_file "No keys for ana: add one with rota key add." out
'

test_expect_success 'when the database change fails after the file is written, the file is put back' '
	keys_team &&
	rota key add ana ana.pub >/dev/null &&
	cp $AK ak.before &&
	sqlite3 rota.db "CREATE TRIGGER no_removal BEFORE INSERT ON audit_events
		WHEN NEW.action = '"'"'person.remove'"'"' BEGIN SELECT RAISE(ABORT, '"'"'refused'"'"'); END" &&
	db_dump >before.sql &&
	expect_status 65 rota person remove ana &&
	expect_file "rota: audit event already exists" err &&
	db_dump >after.sql && diff -u before.sql after.sql &&
	cmp ak.before $AK &&
	test -z "$(ls -A ssh | grep -v "^authorized_keys\$")"
'

test_expect_success 'when authorized_keys cannot be read or written, the database is unchanged' '
	keys_team &&
	echo "I am a file" >notadir &&
	printf "[serve]\nauthorized_keys = %s/notadir/authorized_keys\n" "$PWD" >rota.conf &&
	expect_unchanged 66 rota key add ana ana.pub &&
	expect_file "rota: cannot read $PWD/notadir/authorized_keys: Not a directory" err &&
	mkdir -m 700 ssh && echo "# kept" >$AK && cp $AK ak.before &&
	printf "[serve]\nauthorized_keys = %s/ssh/authorized_keys\n" "$PWD" >rota.conf &&
	db_dump >before.sql &&
	{ rota_on_full_fs ssh key add ana ana.pub; test $? = 74; } &&
	expect_err "cannot write $PWD/ssh/authorized_keys: No space left on device" &&
	db_dump >after.sql && diff -u before.sql after.sql &&
	cmp ak.before ssh.after/authorized_keys &&
	test "$(ls -A ssh.after)" = authorized_keys
'

test_expect_success 'concurrent adds lose no line' '
	keys_team &&
	for i in 1 2 3 4 5 6; do
		new_key k$i k$i || return 1
	done &&
	mkdir -m 700 ssh && echo "# kept" >$AK &&
	for i in 1 2 3 4 5 6; do
		rota key add ana k$i.pub >out.$i 2>err.$i &
	done &&
	wait &&
	cat err.* &&
	test "$(grep -c "serve ana" $AK)" = 6 &&
	for i in 1 2 3 4 5 6; do
		grep -F "$(cat k$i.pub)" $AK >/dev/null || return 1
	done &&
	test "$(head -n 1 $AK)" = "# kept" &&
	test "$(sqlite3 rota.db "SELECT count(*) FROM ssh_keys")" = 6 &&
	test -z "$(ls -A ssh | grep -v "^authorized_keys\$")"
'

test_expect_success '[serve] settings: absolute paths, a command without quotes (78)' '
	keys_team &&
	printf "[serve]\nauthorized_keys = ssh/ak\n" >rota.conf &&
	expect_unchanged 78 rota key add ana ana.pub &&
	expect_file "rota: $PWD/rota.conf:2: authorized_keys: '"'"'ssh/ak'"'"' is not an absolute path" err &&
	printf "[serve]\nauthorized_keys = %s/ak\ncommand = /x\\\"y/rota\n" "$PWD" >rota.conf &&
	expect_unchanged 78 rota key add ana ana.pub &&
	expect_err "rota.conf:3: command: " &&
	test ! -e ak &&
	printf "[serve]\nauthorized_keys = %s/ak\ncommand = /srv/my rota/rota\n" "$PWD" >rota.conf &&
	expect_status 0 rota key add ana ana.pub &&
	expect_file "command=\"/srv/my rota/rota serve ana\",restrict $(cat ana.pub)" ak
'

test_done
