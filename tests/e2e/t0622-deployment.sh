#!/bin/sh
# rota(1)'s DEPLOYMENT, step by step, on this machine as far as a test
# can: a service account made with useradd --system --create-home, the
# database created by it (0600), people and their keys added by it with
# rota key add (the default authorized_keys in its home), OpenSSH's sshd
# run as that account reading that file, a volunteer's swap from a
# laptop-side client config, the feeds published by the unit's command
# and served by nginx without a listing, and a backup with sqlite3
# .backup. The real clock throughout: the server's rota never sees the
# tests' ROTA_NOW, as a deployed one would not.
#
# It needs root (useradd; CI runs the suite as root). Each run makes an
# account of its own, rota-dep-PID, with its home in the test's folder,
# and removes it however the run ends; an account left by a run killed
# outright (SIGKILL) goes at the start of the next. Steps share one
# folder, $DEP.
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-keys.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-ssh.sh"
. "${ROTA_SRCDIR:-$(dirname "$0")/../..}/tests/e2e/lib-nginx.sh"

SVC=rota-dep-$$

# dep_account_gone USER: the OS user USER removed, if there is one, with
# whatever it still runs (the sshd of a run killed outright).
dep_account_gone() {
	id -u "$1" >/dev/null 2>&1 || return 0
	ps -o pid= -u "$1" | xargs -r kill 2>/dev/null
	test_wait_for 5 "$1's processes to end" userdel "$1" >&2
}

# Accounts of earlier runs whose process is gone (never another account:
# t0601's rota-t-svc and the bench's rota-bench are kept on purpose).
for u in $(getent passwd | cut -d: -f1 | grep '^rota-dep-[0-9][0-9]*$'); do
	kill -0 "${u#rota-dep-}" 2>/dev/null || dep_account_gone "$u"
done
# This run's account goes at its end, after lib.sh's test_cleanup has
# stopped its servers; an interrupt or a kill (INT, TERM, HUP) exits
# through this trap too (lib.sh's traps for them exit).
trap 'test_cleanup; dep_account_gone $SVC' EXIT
DEP=$TEST_ROOT/dep
HOMEDIR=$DEP/var-lib-rota
# Step 3's configuration: the account's own, which sshd's sessions read
# too (the test leaves /etc/rota/rota.conf alone).
CONF=$HOMEDIR/.config/rota/rota.conf
mkdir -p "$DEP" && chmod 755 "$DEP"
# The account reaches its home through the test root.
chmod 711 "$TEST_ROOT"

# svc CMD...: CMD as the service account, in its home, with its HOME and
# the system configuration, and no test clock.
svc() {
	(cd "$HOMEDIR" && env -u ROTA_NOW -u ROTA_DB -u ROTA_CONFIG HOME="$HOMEDIR" \
		setpriv --reuid=$SVC --regid="$(id -g $SVC)" --init-groups "$@")
}

# svc_rota ARGS...: rota as the service account.
svc_rota() {
	svc ${ROTA_VALGRIND:-} "$ROTA_BIN" "$@"
}

# laptop HANDLE rota ARGS...: rota on HANDLE's laptop: their rota.conf
# (step 10) and no test clock.
laptop() {
	local h=$1
	shift 2
	(unset ROTA_NOW ROTA_DB && ROTA_CONFIG="$PWD/keys/$h.conf" rota "$@")
}

test_expect_success 'step 2: the service account, with a shell and keys-only login' '
	test "$(id -u)" = 0 &&
	useradd --system --create-home --home-dir "$HOMEDIR" --shell /bin/sh $SVC &&
	usermod -p "*" $SVC &&
	test "$(stat -c %U "$HOMEDIR")" = $SVC &&
	test "$(getent passwd $SVC | cut -d: -f6,7)" = "$HOMEDIR:/bin/sh" &&
	test "$(getent shadow $SVC | cut -d: -f2)" = "*"
'

test_expect_success 'steps 3 and 4: the database, made by the account, 0600 with its -wal and -shm' '
	svc mkdir -p "$(dirname "$CONF")" &&
	printf "[core]\ndatabase = %s/rota.db\n[serve]\ncommand = %s\n" "$HOMEDIR" "$ROTA_BIN" |
		svc sh -c "cat >\"\$1\"" sh "$CONF" &&
	(umask 002 && svc_rota init >out) &&
	(cd "$HOMEDIR" && ls -d rota.db*) >files &&
	printf "rota.db\nrota.db-shm\nrota.db-wal\n" | cmp - files &&
	for f in "$HOMEDIR"/rota.db*; do
		test "$(stat -c "%a %U %G" "$f")" = "600 $SVC $SVC" || return 1
	done &&
	svc_rota person list >out 2>err &&
	test ! -s err
'

test_expect_success 'step 5: people and their keys, added by the account into its own authorized_keys' '
	svc_rota person add cy --name Cy --email cy@example.com --tz Europe/Dublin --manager >/dev/null &&
	svc_rota person add ana --name Ana --email ana@example.com --tz Europe/Dublin >/dev/null &&
	svc_rota person add bo --name Bo --email bo@example.com --tz Europe/Dublin >/dev/null &&
	ssh-keygen -q -t ed25519 -N "" -C "ana@phone" -f "$DEP/ana2" &&
	for h in ana bo cy; do
		ssh-keygen -q -t ed25519 -N "" -C "$h@laptop" -f "$DEP/$h" &&
		svc_rota key add $h - <"$DEP/$h.pub" >/dev/null || return 1
	done &&
	test "$(stat -c "%U %a" "$HOMEDIR/.ssh")" = "$SVC 700" &&
	test "$(stat -c "%U %a" "$HOMEDIR/.ssh/authorized_keys")" = "$SVC 600" &&
	for h in ana bo cy; do
		echo "command=\"$ROTA_BIN serve $h\",restrict $(cat "$DEP/$h.pub")" || return 1
	done >expected &&
	diff -u expected "$HOMEDIR/.ssh/authorized_keys" &&
	svc_rota key list >out &&
	test "$(cut -c1-4 out | tr -d " " | tr "\n" " ")" = "HAND ana bo cy "
'

test_expect_success 'the database is the account'"'"'s alone: another OS user cannot open it' '
	{ env -u ROTA_NOW setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups \
		"$ROTA_BIN" --db "$HOMEDIR/rota.db" person list >out 2>err; test $? != 0; } &&
	grep -i "permission denied\|cannot open\|unable to open" err
'

# A term from next Monday on, ana and bo its members, generated by the
# account (the manager's work, on the server).
test_expect_success 'a schedule on the server, from next Monday' '
	start=$(date -u -d "next monday" +%F) &&
	svc_rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	svc_rota term add t1 --rotation ops --start $start --weeks 4 >/dev/null &&
	svc_rota volunteer join t1 ana >/dev/null &&
	svc_rota volunteer join t1 bo >/dev/null &&
	svc_rota schedule generate t1 >/dev/null &&
	test "$(sqlite3 "$HOMEDIR/rota.db" "SELECT count(*) FROM shifts")" = 4
'

test_expect_success 'steps 6 and 10: sshd run as the account; a volunteer swaps from the laptop' '
	SSH_PORT=$(free_port) && S=$HOMEDIR/sshd &&
	mkdir -m 700 "$S" &&
	ssh-keygen -q -t ed25519 -N "" -f "$S/hostkey" &&
	cat >"$S/sshd_config" <<-EOF &&
	Port $SSH_PORT
	ListenAddress 127.0.0.1
	HostKey $S/hostkey
	PidFile $S/sshd.pid
	AuthorizedKeysFile .ssh/authorized_keys
	PasswordAuthentication no
	KbdInteractiveAuthentication no
	UsePAM no
	StrictModes no
	LogLevel VERBOSE
	EOF
	chown -R $SVC "$S" &&
	test_bg setpriv --reuid=$SVC --regid="$(id -g $SVC)" --init-groups \
		/usr/sbin/sshd -D -f "$S/sshd_config" -E "$S/sshd.log" &&
	mkdir -p keys &&
	test_wait_for 10 "sshd on port $SSH_PORT" ssh_keyscan &&
	cat >keys/ssh_config <<-EOF &&
	Host *
	  UserKnownHostsFile $PWD/keys/known_hosts
	  GlobalKnownHostsFile /dev/null
	  StrictHostKeyChecking yes
	  IdentitiesOnly yes
	  BatchMode yes
	  LogLevel ERROR
	EOF
	for h in ana bo; do
		printf "#!/bin/sh\nexec ssh -F %s -i %s \"\$@\"\n" "$PWD/keys/ssh_config" "$DEP/$h" \
			>keys/ssh-$h && chmod 755 keys/ssh-$h &&
		printf "[remote]\nhost = %s@127.0.0.1:%s\nssh = %s\n" $SVC $SSH_PORT "$PWD/keys/ssh-$h" \
			>keys/$h.conf || return 1
	done &&
	expect_status 0 laptop ana rota swap list &&
	test ! -s err &&
	expect_status 77 laptop ana rota schedule generate t1 &&
	expect_err "managers only" &&
	expect_status 77 laptop ana rota key add bo - <"$DEP/ana2.pub" &&
	expect_err "managers only" &&
	grep "Accepted publickey for $SVC" "$S/sshd.log" &&
	expect_status 0 laptop ana rota schedule show --rotation ops &&
	expect_out ana &&
	shift=$(sqlite3 "$HOMEDIR/rota.db" "SELECT s.id FROM shifts s JOIN persons p
		ON p.id = s.person_id WHERE p.handle = '"'"'ana'"'"' ORDER BY s.start_at LIMIT 1") &&
	test -n "$shift" &&
	expect_status 0 laptop ana rota swap request $shift --with bo &&
	id=$(sqlite3 "$HOMEDIR/rota.db" "SELECT max(id) FROM swaps") &&
	expect_status 0 laptop bo rota swap accept $id &&
	test "$(sqlite3 "$HOMEDIR/rota.db" "SELECT p.handle FROM shifts s JOIN persons p
		ON p.id = s.person_id WHERE s.id = $shift")" = bo &&
	test "$(sqlite3 "$HOMEDIR/rota.db" "SELECT actor FROM audit_events
		WHERE action = '"'"'swap.accept'"'"'")" = bo
'

test_expect_success 'steps 7 and 8: the publish unit'"'"'s command as the account; nginx never lists the feeds' '
	cmd=$(sed -n "s|^ExecStart=||p" "$ROTA_BUILDDIR/etc/rota-publish.service" |
		sed "s|^[^ ]*/rota |$ROTA_BIN |; s|/var/lib/rota|$HOMEDIR|g") &&
	svc $cmd >out &&
	test "$(stat -c %a "$HOMEDIR/feeds")" = 711 &&
	chmod 711 "$HOMEDIR" &&
	nginx_start "$HOMEDIR/feeds" /feeds/ &&
	token=$(sqlite3 "$HOMEDIR/rota.db" "SELECT feed_token FROM persons WHERE handle = '"'"'ana'"'"'") &&
	test -n "$token" && test -e "$HOMEDIR/feeds/$token.ics" &&
	test "$(curl -s -o index -w "%{http_code}" "http://127.0.0.1:$PORT/feeds/")" = 200 &&
	cmp index "$HOMEDIR/feeds/index.html" &&
	! grep -F "$token" index &&
	mv "$HOMEDIR/feeds/index.html" "$HOMEDIR/index.html.away" &&
	test "$(curl -s -o listing -w "%{http_code}" "http://127.0.0.1:$PORT/feeds/")" = 403 &&
	! grep -F "$token" listing &&
	mv "$HOMEDIR/index.html.away" "$HOMEDIR/feeds/index.html" &&
	test "$(curl -s -o ana.ics -w "%{http_code} %{content_type}" \
		"http://127.0.0.1:$PORT/feeds/$token.ics")" = "200 text/calendar" &&
	grep "^BEGIN:VCALENDAR" ana.ics &&
	test "$(curl -s -o ops.ics -w "%{http_code} %{content_type}" \
		"http://127.0.0.1:$PORT/feeds/ops.ics")" = "200 text/calendar" &&
	grep "^BEGIN:VCALENDAR" ops.ics
'

test_expect_success 'step 9: a backup with sqlite3 .backup under umask 077 holds the swap, 0600' '
	svc sh -c "umask 077 && sqlite3 $HOMEDIR/rota.db \".backup $HOMEDIR/backup.db\"" &&
	test "$(stat -c "%a %U" "$HOMEDIR/backup.db")" = "600 $SVC" &&
	test "$(sqlite3 "$HOMEDIR/backup.db" "SELECT count(*) FROM swaps WHERE state = '"'"'accepted'"'"'")" = 1 &&
	test "$(sqlite3 "$HOMEDIR/backup.db" "PRAGMA integrity_check")" = ok &&
	test ! -e "$HOMEDIR/rota.db-wal" && test ! -e "$HOMEDIR/rota.db-shm" &&
	svc_rota person list >/dev/null &&
	for f in "$HOMEDIR"/rota.db "$HOMEDIR"/rota.db-wal "$HOMEDIR"/rota.db-shm; do
		test "$(stat -c "%a %U" "$f")" = "600 $SVC" || return 1
	done
'

test_expect_success 'the service account goes' '
	userdel $SVC &&
	! id -u $SVC
'

test_done
