# OS users for the stories of who may do what (t0030, t0630-t0649): rota
# run by ordinary OS users, each login mapped to the person whose handle
# it is (cli/actor.c), never root. Source it after lib.sh and lib-swap.sh.
#
# The set-up creates three OS users, once, and leaves them for the next
# run (two runs at once share them, so neither may remove them):
# rota-t-vol, a volunteer; rota-t-mgr, a manager; rota-t-out, who is no
# person in rota. It needs root for that: run as anyone else, every test
# reports SKIP with the reason (CI runs as root, where none skips).

VOL=rota-t-vol MGR=rota-t-mgr OUT=rota-t-out

# make_user NAME: the OS user NAME, without a home or a group of its own.
# Another run may be making it at the same time: useradd then fails (the
# user exists, or /etc/passwd is locked), so try again until it exists.
make_user() {
	local tries=0
	until id -u "$1" >/dev/null 2>&1; do
		useradd -M -N -d /nonexistent -s /usr/sbin/nologin -c "rota test user" "$1" \
			>/dev/null 2>&1 && break
		tries=$((tries + 1))
		[ "$tries" -lt 10 ] || { echo "useradd $1 failed" >&2; return 1; }
		sleep 1
	done
}

# make_group GROUP USER...: the group GROUP, with the USERs among its
# members, made once and left for the next run as the users are (a run
# at the same time may be changing /etc/group: try again until it is so).
make_group() {
	local group=$1 tries=0 u
	shift
	until getent group "$group" >/dev/null; do
		groupadd "$group" >/dev/null 2>&1 && break
		tries=$((tries + 1))
		[ "$tries" -lt 10 ] || { echo "groupadd $group failed" >&2; return 1; }
		sleep 1
	done
	for u in "$@"; do
		tries=0
		until id -nG "$u" | tr " " "\n" | grep -qx "$group"; do
			usermod -a -G "$group" "$u" >/dev/null 2>&1 && break
			tries=$((tries + 1))
			[ "$tries" -lt 10 ] || { echo "usermod -a -G $group $u failed" >&2; return 1; }
			sleep 1
		done
	done
}

perm_skip=
if [ "$(id -u)" != 0 ]; then
	perm_skip="needs root to create the OS users $VOL, $MGR and $OUT (run make check as root, as CI does)"
elif ! command -v useradd >/dev/null || ! command -v setpriv >/dev/null; then
	perm_skip="needs useradd and setpriv (util-linux) to run rota as other OS users"
else
	make_user $VOL && make_user $MGR && make_user $OUT ||
		perm_skip="could not create the OS users $VOL, $MGR and $OUT"
fi
if [ -z "$perm_skip" ]; then
	# mktemp made the test root 0700: the users go through it to each
	# test's folder, which they may write (sqlite puts -wal and -shm there).
	chmod 711 "$TEST_ROOT"
	if ! setpriv --reuid=$VOL --regid="$(id -g $VOL)" --init-groups test -x "$TEST_ROOT"; then
		perm_skip="$VOL cannot reach $TEST_ROOT (is TMPDIR private to root?)"
	elif ! setpriv --reuid=$VOL --regid="$(id -g $VOL)" --init-groups test -x "$ROTA_BIN"; then
		# A build under a private folder (/root/...): the users run a
		# copy, with the full program that rota runs beside it.
		mkdir -m 755 "$TEST_ROOT/bin" &&
		cp "$ROTA_BIN" "$TEST_ROOT/bin/" &&
		{ ! [ -e "$ROTA_BUILDDIR/rota-full" ] || cp "$ROTA_BUILDDIR/rota-full" "$TEST_ROOT/bin/"; } &&
			ROTA_BIN=$TEST_ROOT/bin/rota
	fi
fi

# test_expect_success_users DESC BODY: test_expect_success, or a TAP skip
# with the reason when the OS users cannot be had.
test_expect_success_users() {
	if [ -n "$perm_skip" ]; then
		test_count=$((test_count + 1))
		echo "ok $test_count - $1 # SKIP $perm_skip"
		return 0
	fi
	test_expect_success "$@"
}

# as_user USER rota ARGS...: runs rota as the OS user USER (its uid, its
# group, its groups), keeping the environment (ROTA_DB, ROTA_NOW, HOME).
as_user() {
	local user=$1
	shift
	[ "$1" = rota ] || { echo "as_user: say 'rota ...', not '$1'"; return 2; }
	shift
	setpriv --reuid="$user" --regid="$(id -g "$user")" --init-groups \
		${ROTA_VALGRIND:-} "$ROTA_BIN" "$@"
}
as_vol() { as_user $VOL "$@"; }
as_mgr() { as_user $MGR "$@"; }
as_out() { as_user $OUT "$@"; }

# open_db: lets the OS users write the database and its folder.
open_db() {
	chmod 777 . &&
	chmod 666 rota.db* &&
	umask 000
}

# perm_team: set up by root, then opened to the OS users. rota-t-mgr is
# the manager; rota-t-vol, ana, bo and cy volunteer in term h1 of ops
# (Europe/Dublin, six weeks from Mon 2027-01-04 10:00Z), whose weeks go
# to rota-t-vol ana bo ana bo rota-t-vol (shifts 1-6; cy has none); term
# h2 follows it, with no members yet; zed is in no term. Office Dublin
# has holiday 1, 17 March. The clock is 2027-01-01T12:00:00Z, before the
# first shift.
perm_team() {
	rota person add $MGR --name "Mia Manager" --email mia@example.com --tz Europe/Dublin \
		--manager >/dev/null &&
	rota person add $VOL --name "Val Volunteer" --email val@example.com --tz Europe/Dublin >/dev/null &&
	for h in ana bo cy zed; do
		rota person add $h --name "Person $h" --email $h@example.com --tz Europe/Dublin >/dev/null ||
			return 1
	done &&
	rota office add Dublin --tz Europe/Dublin >/dev/null &&
	rota holiday add Dublin 2027-03-17 --name Patrick >/dev/null &&
	rota rotation add ops --tier primary --tz Europe/Dublin >/dev/null &&
	rota term add h1 --rotation ops --start 2027-01-04 --weeks 6 >/dev/null &&
	rota term add h2 --rotation ops --start 2027-02-15 --weeks 6 >/dev/null &&
	for h in $VOL ana bo cy; do
		rota volunteer join h1 $h >/dev/null || return 1
	done &&
	lay h1 $VOL ana bo ana bo $VOL &&
	open_db
}

# ooo FILE SUMMARY: a one-event calendar, 1-2 March 2027, all day.
ooo() {
	printf '%s\r\n' BEGIN:VCALENDAR VERSION:2.0 PRODID:-//rota-tests//EN BEGIN:VEVENT \
		UID:ooo@example.com DTSTAMP:20261201T000000Z "DTSTART;VALUE=DATE:20270301" \
		"DTEND;VALUE=DATE:20270303" "SUMMARY:$2" END:VEVENT END:VCALENDAR >"$1"
}
