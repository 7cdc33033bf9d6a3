#!/bin/sh
# bench-serve: the write rate a team reaches through SSH. CLIENTS
# concurrent clients (default 8) each swap a shift back and forth between
# two people for SECONDS (default 60): swap request, then swap accept by
# the other, through rota in client mode, OpenSSH on loopback and rota
# serve on the server's side; then the same commands run locally (rota
# --as) for as long. Prints the count and the latency of each command,
# median and 95th percentile, both ways. Run by hand, not a test
# (bench/README.md, "Served over SSH: bench-serve"):
#
#   bench/bench-serve.sh --rota ./rota [--clients N] [--seconds S]
#
# sshd runs as the user running the bench, which is the only user an sshd
# not run by root can log in; as root it runs as the account rota-bench
# (made if missing, as tests/e2e/lib-ssh.sh makes its own). Every file is
# in a temporary folder, removed at the end with sshd stopped.
set -eu

ROTA=./rota
CLIENTS=8
SECONDS_RUN=60
while [ $# -gt 0 ]; do
	case $1 in
	--rota) ROTA=$2; shift 2 ;;
	--clients) CLIENTS=$2; shift 2 ;;
	--seconds) SECONDS_RUN=$2; shift 2 ;;
	*) echo "usage: $0 [--rota PATH] [--clients N] [--seconds S]" >&2; exit 64 ;;
	esac
done
ROTA=$(cd "$(dirname "$ROTA")" && pwd)/$(basename "$ROTA")

DIR=$(mktemp -d "${TMPDIR:-/tmp}/bench-serve.XXXXXX")
chmod 755 "$DIR"
cleanup() {
	[ ! -s "$DIR/srv/sshd.pid" ] || kill "$(cat "$DIR/srv/sshd.pid")" 2>/dev/null || true
	rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
export LANG=C LC_ALL=C TZ=UTC NO_COLOR=1 ROTA_NOW=2027-01-01T12:00:00Z
export HOME=$DIR ROTA_DB=$DIR/srv/rota.db
unset ROTA_CONFIG ROTA_REMOTE XDG_CONFIG_HOME XDG_DATA_HOME

if [ "$(id -u)" = 0 ]; then
	SVC=rota-bench
	id -u $SVC >/dev/null 2>&1 || {
		useradd -M -N -d / -s /bin/sh -c "rota bench service account" $SVC &&
		usermod -p '*' $SVC
	}
	as_svc() { setpriv --reuid=$SVC --regid="$(id -g $SVC)" --init-groups "$@"; }
	if ! as_svc test -x "$ROTA"; then
		mkdir -m 755 "$DIR/bin"
		cp "$ROTA" "$DIR/bin/"
		[ ! -e "$(dirname "$ROTA")/rota-full" ] || cp "$(dirname "$ROTA")/rota-full" "$DIR/bin/"
		ROTA=$DIR/bin/rota
	fi
else
	SVC=$(id -un)
	as_svc() { "$@"; }
fi

# The team: 2 x CLIENTS volunteers, one shift each in a term of as many
# weeks from 2027-02-01; client i swaps week i+1 back and forth between its
# holder and the holder of week i+1+CLIENTS, CLIENTS weeks later.
PEOPLE=$((2 * CLIENTS))
mkdir -m 700 "$DIR/srv" "$DIR/keys"
"$ROTA" person add boss --name Boss --email boss@example.com --tz UTC --manager >/dev/null
"$ROTA" rotation add ops --tier primary --tz UTC >/dev/null
"$ROTA" term add t1 --rotation ops --start 2027-02-01 --weeks $PEOPLE >/dev/null
i=0
while [ $i -lt $PEOPLE ]; do
	"$ROTA" person add p$i --name "Person $i" --email p$i@example.com --tz UTC >/dev/null
	"$ROTA" volunteer join t1 p$i >/dev/null
	i=$((i + 1))
done
"$ROTA" schedule generate t1 >/dev/null
# week N: "HANDLE SHIFT", the holder and id of the Nth week (from 1).
week() {
	sqlite3 -cmd ".timeout 5000" "$ROTA_DB" "SELECT p.handle || ' ' || s.id FROM shifts s
		JOIN persons p ON p.id = s.person_id WHERE s.cancelled_at IS NULL
		ORDER BY s.start_at LIMIT 1 OFFSET $1 - 1"
}

# sshd on a free loopback port, the keys, the client's config.
PORT=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
ssh-keygen -q -t ed25519 -N "" -f "$DIR/srv/hostkey"
cat >"$DIR/srv/sshd_config" <<EOF_SSHD
Port $PORT
ListenAddress 127.0.0.1
HostKey $DIR/srv/hostkey
PidFile $DIR/srv/sshd.pid
AuthorizedKeysFile $DIR/srv/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
MaxStartups 100
LogLevel ERROR
EOF_SSHD
cat >"$DIR/keys/ssh_config" <<EOF_SSH
Host *
  UserKnownHostsFile $DIR/keys/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  IdentitiesOnly yes
  BatchMode yes
  LogLevel ERROR
EOF_SSH
: >"$DIR/srv/authorized_keys"
i=0
while [ $i -lt $PEOPLE ]; do
	ssh-keygen -q -t ed25519 -N "" -f "$DIR/keys/p$i"
	echo "command=\"TZ=UTC LANG=C ROTA_NOW=$ROTA_NOW $ROTA --db $ROTA_DB serve p$i\",restrict $(cat "$DIR/keys/p$i.pub")" \
		>>"$DIR/srv/authorized_keys"
	printf '#!/bin/sh\nexec ssh -F %s -i %s "$@"\n' "$DIR/keys/ssh_config" "$DIR/keys/p$i" \
		>"$DIR/keys/ssh-p$i"
	printf '[remote]\nhost = %s@127.0.0.1:%s\nssh = %s\n' "$SVC" "$PORT" "$DIR/keys/ssh-p$i" \
		>"$DIR/keys/p$i.conf"
	chmod 755 "$DIR/keys/ssh-p$i"
	i=$((i + 1))
done
if [ "$(id -u)" = 0 ]; then chown -R $SVC "$DIR/srv"; fi
chmod 600 "$ROTA_DB"
as_svc /usr/sbin/sshd -D -f "$DIR/srv/sshd_config" -E "$DIR/srv/sshd.log" &
n=0
until ssh-keyscan -T 2 -p "$PORT" 127.0.0.1 >"$DIR/keys/known_hosts" 2>/dev/null &&
	[ -s "$DIR/keys/known_hosts" ]; do
	n=$((n + 1))
	[ $n -lt 50 ] || { echo "sshd did not start: $(cat "$DIR/srv/sshd.log")" >&2; exit 1; }
	sleep 0.1
done

# client MODE I: swaps week I+1 (its pair in $DIR/pair.I) back and forth
# for SECONDS_RUN seconds, each command's latency in microseconds to $DIR/MODE-request.I and
# $DIR/MODE-accept.I. MODE ssh: rota in client mode with the person's
# key; local: rota --as on the database itself.
client() {
	local mode=$1 i=$2 a b t end t0 t1 id shift
	a=$(sed -n 1p "$DIR/pair.$i") b=$(sed -n 2p "$DIR/pair.$i") shift=$(sed -n 3p "$DIR/pair.$i")
	# The last run may have left the shift with the other.
	[ "$(holder_of "$shift")" = "$a" ] || { t=$a a=$b b=$t; }
	end=$(($(date +%s) + SECONDS_RUN))
	: >"$DIR/$mode-request.$i"
	: >"$DIR/$mode-accept.$i"
	while [ "$(date +%s)" -lt $end ]; do
		t0=$(date +%s%N)
		id=$(run "$mode" $a --json swap request "$shift" --with $b |
			sed -n 's/^ *"id": \([0-9]*\),*$/\1/p' | head -n 1)
		t1=$(date +%s%N)
		[ -n "$id" ] || { echo "client $i: swap request failed" >&2; return 1; }
		echo $(((t1 - t0) / 1000)) >>"$DIR/$mode-request.$i"
		t0=$(date +%s%N)
		run "$mode" $b swap accept "$id" >/dev/null ||
			{ echo "client $i: swap accept failed" >&2; return 1; }
		t1=$(date +%s%N)
		echo $(((t1 - t0) / 1000)) >>"$DIR/$mode-accept.$i"
		t=$a a=$b b=$t
	done
}
# holder_of SHIFT: the handle holding the shift now.
holder_of() {
	sqlite3 -cmd ".timeout 5000" "$ROTA_DB" "SELECT p.handle FROM shifts s
		JOIN persons p ON p.id = s.person_id WHERE s.id = $1"
}
run() {
	local mode=$1 who=$2
	shift 2
	if [ "$mode" = ssh ]; then
		ROTA_CONFIG=$DIR/keys/$who.conf "$ROTA" "$@"
	else
		as_svc "$ROTA" --db "$ROTA_DB" --as "$who" "$@"
	fi
}

# stats MODE CMD: count, median and 95th percentile (ms) of MODE's CMD.
stats() {
	cat "$DIR/$1-$2".* | sort -n | awk -v what="$1 $2" -v secs=$SECONDS_RUN '
		{ v[NR] = $1 }
		END {
			if (NR == 0) { printf "%-20s no commands\n", what; exit }
			m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.95 + 0.999)]
			printf "%-20s %6d commands %7.1f/s   median %7.1f ms   p95 %7.1f ms\n",
				what, NR, NR / secs, m / 1000, p / 1000
		}'
}

# Each client's pair and shift, read before they start.
i=0
while [ $i -lt $CLIENTS ]; do
	set -- $(week $((i + 1))) $(week $((i + 1 + CLIENTS)))
	printf '%s\n' "$1" "$3" "$2" >"$DIR/pair.$i"
	i=$((i + 1))
done
for mode in ssh local; do
	pids=
	i=0
	while [ $i -lt $CLIENTS ]; do
		client $mode $i &
		pids="$pids $!"
		i=$((i + 1))
	done
	for p in $pids; do wait $p; done
done
echo "bench-serve: $CLIENTS clients, $SECONDS_RUN s each way, sshd on loopback as $SVC"
for mode in ssh local; do
	stats $mode request
	stats $mode accept
done
