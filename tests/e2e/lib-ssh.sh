# rota served over SSH, for real: OpenSSH's sshd on a loopback port, run
# as an unprivileged service account that owns the database (0600, in a
# folder of its own, 0700), each person's key in its authorized_keys with
# the forced command `rota serve HANDLE`; the client is this user's ssh,
# with its own config, keys and known_hosts in the test's folder.
#
# As root (CI) the service account is rota-t-svc, made once and left for
# the next run (as t0030 makes its users), with /bin/sh as its shell (sshd
# runs the forced command with it) and '*' as its password, which unlocks
# it for keys only (sshd with UsePAM no refuses a locked account). As
# anyone else the service account is that user: an sshd not run by root
# logs in only the user running it, which is the deployment itself. A
# non-root sshd needs no /run/sshd and no privilege separation user.

SSH_SVC=rota-t-svc
ssh_skip=
if [ ! -x /usr/sbin/sshd ] || ! command -v ssh >/dev/null || ! command -v ssh-keygen >/dev/null; then
	ssh_skip="needs OpenSSH (Debian packages openssh-server and openssh-client)"
elif [ "$(id -u)" = 0 ]; then
	tries=0
	until id -u $SSH_SVC >/dev/null 2>&1; do
		useradd -M -N -d / -s /bin/sh -c "rota test service account" $SSH_SVC \
			>/dev/null 2>&1 && usermod -p '*' $SSH_SVC && break
		tries=$((tries + 1))
		[ $tries -lt 10 ] || { ssh_skip="could not create the OS user $SSH_SVC"; break; }
		sleep 1
	done
	# The service account goes through the test root to its folders,
	# and runs the built rota (a copy when the build is out of its reach).
	chmod 711 "$TEST_ROOT"
	if [ -z "$ssh_skip" ] && ! setpriv --reuid=$SSH_SVC --regid="$(id -g $SSH_SVC)" \
		--init-groups test -x "$ROTA_BIN"; then
		mkdir -m 755 "$TEST_ROOT/bin" &&
		cp "$ROTA_BIN" "$TEST_ROOT/bin/" &&
		{ ! [ -e "$ROTA_BUILDDIR/rota-full" ] || cp "$ROTA_BUILDDIR/rota-full" "$TEST_ROOT/bin/"; } &&
			ROTA_BIN=$TEST_ROOT/bin/rota
	fi
else
	SSH_SVC=$(id -un)
fi

# as_svc CMD...: CMD as the service account.
as_svc() {
	if [ "$(id -u)" = 0 ]; then
		setpriv --reuid=$SSH_SVC --regid="$(id -g $SSH_SVC)" --init-groups "$@"
	else
		"$@"
	fi
}

# ssh_server HANDLE...: the database ./rota.db handed to the service
# account (it and the test's folder theirs alone), sshd started as that
# account on SSH_PORT with a key for each HANDLE in its authorized_keys
# (command="... rota --db ./rota.db serve HANDLE",restrict), and the
# client's side in ./keys: a key per HANDLE, known_hosts from
# ssh-keyscan, ssh_config (StrictHostKeyChecking yes, IdentitiesOnly,
# BatchMode) and a program keys/ssh-HANDLE, ssh with that config and key,
# for [remote] ssh. The clock and locale of the tests travel in the
# forced command (sshd passes no environment).
ssh_server() {
	local dir=$PWD h
	mkdir -m 700 srv keys &&
	ssh-keygen -q -t ed25519 -N "" -C "rota test host" -f srv/hostkey &&
	SSH_PORT=$(free_port) &&
	cat >srv/sshd_config <<-EOF_SSHD &&
	Port $SSH_PORT
	ListenAddress 127.0.0.1
	HostKey $dir/srv/hostkey
	PidFile $dir/srv/sshd.pid
	AuthorizedKeysFile $dir/srv/authorized_keys
	PasswordAuthentication no
	KbdInteractiveAuthentication no
	UsePAM no
	StrictModes no
	PermitUserEnvironment no
	LogLevel VERBOSE
	EOF_SSHD
	cat >keys/ssh_config <<-EOF_SSH &&
	Host *
	  UserKnownHostsFile $dir/keys/known_hosts
	  GlobalKnownHostsFile /dev/null
	  StrictHostKeyChecking yes
	  IdentitiesOnly yes
	  BatchMode yes
	  LogLevel ERROR
	EOF_SSH
	: >srv/authorized_keys &&
	for h in "$@"; do
		ssh-keygen -q -t ed25519 -N "" -C "$h@laptop" -f keys/$h &&
		printf 'command="TZ=UTC LANG=C LC_ALL=C NO_COLOR=1 ROTA_NOW=%s %s %s --db %s serve %s",restrict %s\n' \
			"$ROTA_NOW" "${ROTA_VALGRIND:-}" "$ROTA_BIN" "$dir/rota.db" "$h" \
			"$(cat keys/$h.pub)" >>srv/authorized_keys &&
		printf '#!/bin/sh\nexec ssh -F %s -i %s "$@"\n' "$dir/keys/ssh_config" \
			"$dir/keys/$h" >keys/ssh-$h &&
		chmod 755 keys/ssh-$h || return 1
	done &&
	if [ "$(id -u)" = 0 ]; then
		chown -R $SSH_SVC "$dir/srv" "$dir/rota.db" &&
		chown $SSH_SVC "$dir" &&
		chmod 700 "$dir" || return 1
	fi &&
	chmod 600 rota.db &&
	rm -f rota.db-wal rota.db-shm &&
	test_bg as_svc /usr/sbin/sshd -D -f "$dir/srv/sshd_config" -E "$dir/srv/sshd.log" &&
	test_wait_for 10 "sshd on port $SSH_PORT" ssh_keyscan
}

# ssh_keyscan: the server's host key into keys/known_hosts, once it answers.
ssh_keyscan() {
	ssh-keyscan -T 2 -p "$SSH_PORT" 127.0.0.1 >keys/known_hosts.new 2>/dev/null &&
	test -s keys/known_hosts.new &&
	mv keys/known_hosts.new keys/known_hosts
}

# ssh_raw HANDLE LINE: LINE sent as it is by HANDLE's key (ssh -T), what
# sshd hands rota serve as SSH_ORIGINAL_COMMAND.
ssh_raw() {
	keys/ssh-$1 -T -p "$SSH_PORT" $SSH_SVC@127.0.0.1 "$2"
}

# remote HANDLE rota ARGS...: rota in client mode on HANDLE's laptop:
# ROTA_REMOTE=svc@127.0.0.1:PORT, [remote] ssh = keys/ssh-HANDLE.
remote() {
	local h=$1
	shift
	[ "$1" = rota ] || { echo "remote: say 'rota ...', not '$1'"; return 2; }
	shift
	printf '[remote]\nssh = %s\n' "$PWD/keys/ssh-$h" >keys/$h.conf &&
	ROTA_CONFIG=$PWD/keys/$h.conf ROTA_REMOTE=$SSH_SVC@127.0.0.1:$SSH_PORT rota "$@"
}
