/* SSH keys: rota key add, list and remove, and the authorized_keys they
 * write (service/keys.h says how). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common/atomic.h"
#include "common/err.h"
#include "common/text.h"
#include "common/xalloc.h"
#include "service/keys.h"
#include "service/team.h"

#ifndef BINDIR
#define BINDIR "/usr/local/bin"
#endif

/* -- Reading a key --------------------------------------------------------- */

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Whether the LEN bytes at P name an OpenSSH key type: ssh-ed25519,
 * ssh-rsa, ecdsa-sha2-nistp256, sk-ssh-ed25519@openssh.com, their
 * certificates... (ssh-keygen decides whether it is one it knows). */
static bool
is_key_type(const char *p, size_t len)
{
	static const char *const prefixes[] = { "ssh-", "ecdsa-sha2-", "sk-", NULL };
	bool prefixed = false;

	for (size_t i = 0; prefixes[i] != NULL; i++)
		if (len > strlen(prefixes[i]) && strncmp(p, prefixes[i], strlen(prefixes[i])) == 0)
			prefixed = true;
	if (!prefixed || len >= KEY_TYPE_MAX)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= '0' && p[i] <= '9') ||
		      p[i] == '-' || p[i] == '@' || p[i] == '.'))
			return false;
	return true;
}

static bool
is_base64(const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!((p[i] >= 'A' && p[i] <= 'Z') || (p[i] >= 'a' && p[i] <= 'z') ||
		      (p[i] >= '0' && p[i] <= '9') || p[i] == '+' || p[i] == '/' || p[i] == '='))
			return false;
	return len > 0;
}

/* The next word of [*P, END), blank-separated: its start, *LEN its length;
 * NULL when there is none. */
static const char *
next_word(const char **p, const char *end, size_t *len)
{
	const char *w;

	while (*p < end && is_blank(**p))
		(*p)++;
	if (*p == end)
		return NULL;
	w = *p;
	while (*p < end && !is_blank(**p))
		(*p)++;
	*len = (size_t)(*p - w);
	return w;
}

/* Runs ssh-keygen -l -E sha256 -f PATH (no shell) into OUT: its first
 * line. 0, 1 when it refused the file, or EX_UNAVAILABLE after saying
 * why it could not run. */
static int
run_keygen(const char *path, char *out, size_t len)
{
	char *const argv[] = { "ssh-keygen", "-l", "-E", "sha256", "-f", (char *)path, NULL };
	int fds[2], status;
	size_t got = 0;
	ssize_t k;
	pid_t pid;

	if (pipe(fds) != 0)
		return rota_fail(EX_OSERR, "cannot run ssh-keygen: %s", strerror(errno));
	if ((pid = fork()) < 0) {
		close(fds[0]);
		close(fds[1]);
		return rota_fail(EX_OSERR, "cannot run ssh-keygen: %s", strerror(errno));
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		dup2(fds[1], STDOUT_FILENO);
		if (null >= 0) {
			dup2(null, STDIN_FILENO);
			dup2(null, STDERR_FILENO);
		}
		close(fds[0]);
		close(fds[1]);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(fds[1]);
	while ((k = read(fds[0], out + got, len - 1 - got)) != 0) {
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0 || (got += (size_t)k) == len - 1)
			break;
	}
	out[got] = '\0';
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return rota_fail(EX_OSERR, "cannot run ssh-keygen: %s", strerror(errno));
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		return rota_fail(EX_UNAVAILABLE, "cannot run ssh-keygen to check the key: "
				 "install OpenSSH's client (Debian: openssh-client)");
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}

/* Checks the key K (type and blob) with ssh-keygen -l, setting its
 * fingerprint. */
static int
keygen_check(struct ssh_key *k, const char *label)
{
	const char *tmpdir = getenv("TMPDIR");
	char *path = xasprintf("%s/rota-key.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	char out[512], *fp, *end;
	int fd = mkstemp(path), r;
	FILE *f;

	if (fd < 0 || (f = fdopen(fd, "w")) == NULL) {
		r = rota_fail(EX_CANTCREAT, "cannot create %s: %s", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
		free(path);
		return r;
	}
	fprintf(f, "%s %s\n", k->type, k->blob);
	if (fclose(f) != 0) {
		r = rota_fail(EX_IOERR, "cannot write %s: %s", path, strerror(errno));
		unlink(path);
		free(path);
		return r;
	}
	r = run_keygen(path, out, sizeof out);
	unlink(path);
	free(path);
	if (r > 1)
		return r;
	/* "256 SHA256:BASE64 COMMENT (ED25519)", one line. */
	fp = strchr(out, ' ');
	if (r == 0 && fp != NULL && strncmp(fp + 1, "SHA256:", 7) == 0) {
		fp++;
		end = fp + strcspn(fp, " \n");
		if ((size_t)(end - fp) < sizeof k->fingerprint && strchr(end, '\n') != NULL &&
		    strchr(end, '\n')[1] == '\0') {
			memcpy(k->fingerprint, fp, (size_t)(end - fp));
			k->fingerprint[end - fp] = '\0';
			return 0;
		}
	}
	return rota_fail_at(EX_DATAERR, label, 1, "not a valid %s public key (ssh-keygen -l "
			    "refuses it)", k->type);
}

int
key_parse(const char *text, size_t len, const char *label, struct ssh_key *out)
{
	const char *end = text + len, *line = NULL, *line_end = NULL, *p, *w, *nl, *type, *blob;
	size_t wlen, type_len, blob_len;
	long lineno = 0, at = 0;
	char why[96], *copy;

	memset(out, 0, sizeof *out);
	if (len > KEY_INPUT_MAX)
		return rota_fail(EX_DATAERR, "%s: too long for a public key (over %d bytes)",
				 label, KEY_INPUT_MAX);
	if (memchr(text, '\0', len) != NULL)
		return rota_fail(EX_DATAERR, "%s: binary data, not a public key", label);
	/* Even a mention: the message must not quote a private key. */
	for (p = text; (p = memchr(p, '-', (size_t)(end - p))) != NULL; p++)
		if ((size_t)(end - p) > 11 && strncmp(p, "-----BEGIN ", 11) == 0)
			return rota_fail(EX_DATAERR, "%s: a private key (-----BEGIN ...): give its "
					 "public half, the .pub file, and keep the private key "
					 "to its owner", label);
	/* One line that is not blank; others may be blank only. */
	for (p = text; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		nl = nl ? nl : end;
		at++;
		for (w = p; w < nl && (is_blank(*w) || *w == '\r'); w++)
			;
		if (w < nl && line != NULL)
			return rota_fail_at(EX_DATAERR, label, at, "a second line: one public "
					    "key per rota key add");
		if (w < nl) {
			line = p;
			line_end = nl;
			lineno = at;
		}
	}
	if (line == NULL)
		return rota_fail(EX_DATAERR, "%s: empty: give a public key, such as "
				 "~/.ssh/id_ed25519.pub", label);
	end = line_end;
	while (end > line && (is_blank(end[-1]) || end[-1] == '\r'))
		end--;
	copy = xmalloc((size_t)(end - line) + 1);
	memcpy(copy, line, (size_t)(end - line));
	copy[end - line] = '\0';
	if (text_fault(copy, TEXT_LINE, why, sizeof why) != 0) {
		free(copy);
		return rota_fail_at(EX_DATAERR, label, lineno, "%s", why);
	}
	free(copy);
	p = line;
	type = next_word(&p, end, &type_len);
	if (!is_key_type(type, type_len)) {
		while ((w = next_word(&p, end, &wlen)) != NULL)
			if (is_key_type(w, wlen))
				return rota_fail_at(EX_DATAERR, label, lineno, "options before the "
						    "key (command=, restrict...): give the key "
						    "alone, rota writes the options");
		return rota_fail_at(EX_DATAERR, label, lineno, "not an OpenSSH public key: "
				    "expected TYPE BASE64 [COMMENT], as in "
				    "~/.ssh/id_ed25519.pub");
	}
	blob = next_word(&p, end, &blob_len);
	if (blob == NULL || !is_base64(blob, blob_len))
		return rota_fail_at(EX_DATAERR, label, lineno, "not an OpenSSH public key: "
				    "no base64 key after %.*s", (int)type_len, type);
	if (blob_len >= sizeof out->blob)
		return rota_fail_at(EX_DATAERR, label, lineno, "key too long");
	while (p < end && is_blank(*p))
		p++;
	if ((size_t)(end - p) >= sizeof out->comment)
		return rota_fail_at(EX_DATAERR, label, lineno, "comment longer than %zu bytes",
				    sizeof out->comment - 1);
	memcpy(out->type, type, type_len);
	memcpy(out->blob, blob, blob_len);
	memcpy(out->comment, p, (size_t)(end - p));
	return keygen_check(out, label);
}

/* -- authorized_keys --------------------------------------------------------- */

/* Where authorized_keys is: [serve] authorized_keys (absolute), else
 * ~/.ssh/authorized_keys of the OS user running rota. Malloc'd. */
static int
keys_path(const struct svc *s, char **out)
{
	long line = 0;
	const char *v = config_get(s->cfg, "serve", NULL, "authorized_keys", &line);
	struct passwd *pw;

	if (v != NULL) {
		if (v[0] != '/')
			return rota_fail_at(EX_CONFIG, config_path(s->cfg), line,
					    "authorized_keys: '%s' is not an absolute path", v);
		*out = xstrdup(v);
		return 0;
	}
	if ((pw = getpwuid(geteuid())) == NULL || pw->pw_dir == NULL || pw->pw_dir[0] != '/')
		return rota_fail(EX_CONFIG, "no home folder for the user running rota: set "
				 "[serve] authorized_keys in rota.conf");
	*out = xasprintf("%s/.ssh/authorized_keys", strcmp(pw->pw_dir, "/") ? pw->pw_dir : "");
	return 0;
}

/* The program the forced commands run: [serve] command, else the rota
 * installed in BINDIR. */
static int
serve_command(const struct svc *s, const char **out)
{
	long line = 0;
	const char *v = config_get(s->cfg, "serve", NULL, "command", &line);

	if (v == NULL) {
		*out = BINDIR "/rota";
		return 0;
	}
	if (v[0] != '/' || strpbrk(v, "\"\\") != NULL)
		return rota_fail_at(EX_CONFIG, config_path(s->cfg), line, "command: '%s' must "
				    "be an absolute path without quotes or backslashes", v);
	*out = v;
	return 0;
}

/* A line of authorized_keys: whether it is rota's, and its key's base64
 * (NULL when it holds no key rota can read). */
struct ak_line {
	bool rota;
	const char *blob;
	size_t blob_len;
};

/* Reads the options word at *P: quoted strings may hold blanks. */
static void
skip_options(const char **p, const char *end)
{
	bool quoted = false;

	for (; *p < end && (quoted || !is_blank(**p)); (*p)++) {
		if (**p == '\\' && quoted && *p + 1 < end)
			(*p)++;
		else if (**p == '"')
			quoted = !quoted;
	}
}

static void
ak_parse(const char *p, const char *end, struct ak_line *out)
{
	static const char head[] = "command=\"", tail[] = "\",restrict";
	const char *type, *q, *h;
	size_t type_len;

	memset(out, 0, sizeof *out);
	while (p < end && is_blank(*p))
		p++;
	if (p == end || *p == '#')
		return;
	/* rota's: command="CMD serve HANDLE",restrict TYPE BLOB ..., where
	 * CMD holds no quote or backslash. */
	if ((size_t)(end - p) > sizeof head && strncmp(p, head, sizeof head - 1) == 0 &&
	    (q = memchr(p + sizeof head - 1, '"', (size_t)(end - p) - (sizeof head - 1))) != NULL &&
	    (size_t)(end - q) > sizeof tail - 1 && strncmp(q, tail, sizeof tail - 1) == 0 &&
	    is_blank(q[sizeof tail - 1]) && memchr(p, '\\', (size_t)(q - p)) == NULL) {
		for (h = q; h[-1] != ' ' && h[-1] != '"'; h--)
			;
		out->rota = h < q && h - 7 > p + sizeof head - 1 && strncmp(h - 7, " serve ", 7) == 0;
	}
	type = next_word(&p, end, &type_len);
	if (type != NULL && !is_key_type(type, type_len)) {
		p = type;
		skip_options(&p, end);
		type = next_word(&p, end, &type_len);
	}
	if (type == NULL || !is_key_type(type, type_len))
		return;
	out->blob = next_word(&p, end, &out->blob_len);
}

static bool
same_blob(const struct ak_line *l, const char *blob)
{
	return l->blob != NULL && l->blob_len == strlen(blob) &&
		memcmp(l->blob, blob, l->blob_len) == 0;
}

/* The file as it was before the transaction, to put back unless it
 * commits. */
struct ak_undo {
	char *path;
	char *old;                /* NULL: there was no file */
	size_t len;
	bool written;             /* the new file has replaced it */
};

static void
ak_end(void *arg, bool committed)
{
	struct ak_undo *u = arg;

	if (!committed && u->written) {
		if (u->old == NULL) {
			if (unlink(u->path) != 0 && errno != ENOENT)
				rota_warn("cannot remove %s: %s", u->path, strerror(errno));
		} else if (atomic_write_file(u->path, u->old, u->len, 0600) != 0) {
			rota_warn("%s could not be put back as it was", u->path);
		}
	}
	free(u->path);
	free(u->old);
	free(u);
}

/* Reads PATH whole into *BUF (NULL when there is no file). */
static int
read_whole(const char *path, char **buf, size_t *len)
{
	FILE *f = fopen(path, "r");
	size_t cap = 4096, k;

	*buf = NULL;
	*len = 0;
	if (f == NULL) {
		if (errno == ENOENT)
			return 0;
		return rota_fail(errno == EACCES ? EX_NOPERM : EX_NOINPUT, "cannot read %s: %s",
				 path, strerror(errno));
	}
	*buf = xmalloc(cap);
	while ((k = fread(*buf + *len, 1, cap - *len, f)) > 0)
		if ((*len += k) == cap)
			*buf = xreallocarray(*buf, cap *= 2, 1);
	if (ferror(f)) {
		fclose(f);
		free(*buf);
		*buf = NULL;
		return rota_fail(EX_IOERR, "cannot read %s: %s", path, strerror(errno));
	}
	fclose(f);
	return 0;
}

/* The owner of PATH's folder into *ST (root writing the service
 * account's file gives it to the account, or sshd and rota, run as the
 * account, could not read it). */
static bool
folder_owner(const char *path, struct stat *st)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	bool ok;

	if (slash != NULL)
		slash[slash == dir] = '\0';
	ok = stat(dir, st) == 0;
	free(dir);
	return ok;
}

/* Creates the folder of PATH, mode 0700, if it is missing (as root: the
 * owner of the folder it is in owns it). */
static int
make_folder(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	struct stat st;
	int r = 0;

	if (slash != NULL && slash != dir) {
		*slash = '\0';
		if (mkdir(dir, 0700) == 0) {
			if (geteuid() == 0 && folder_owner(dir, &st) && chown(dir, st.st_uid, st.st_gid) != 0)
				r = rota_fail(EX_CANTCREAT, "cannot give %s to its owner: %s", dir,
					      strerror(errno));
		} else if (errno != EEXIST) {
			r = rota_fail(EX_CANTCREAT, "cannot create %s: %s", dir, strerror(errno));
		}
	}
	free(dir);
	return r;
}

static void
write_key_line(FILE *f, const char *cmd, const struct ssh_key *k)
{
	fprintf(f, "command=\"%s serve %s\",restrict %s %s%s%s\n", cmd, k->handle, k->type,
		k->blob, *k->comment ? " " : "", k->comment);
}

/* Rewrites authorized_keys from the database: rota's lines in place (or
 * left out when their key is gone), the keys not yet in it at the end,
 * every other line as it was. With NEW_BLOB, first refuses a key already
 * on a line rota did not write. The file is put back as it was unless
 * the transaction commits (store_on_end). */
static int
sync_file(const struct svc *s, const char *new_blob)
{
	struct ak_undo *u = xcalloc(1, sizeof *u), *hooked;
	struct atomic_file a = { 0 };
	struct ssh_key *v = NULL;
	bool *done = NULL;
	const char *cmd = NULL, *p, *nl, *end;
	struct ak_line l;
	struct stat st;
	size_t n = 0;
	long lineno = 0;
	int r;

	if ((r = serve_command(s, &cmd)) != 0 || (r = keys_path(s, &u->path)) != 0 ||
	    (r = read_whole(u->path, &u->old, &u->len)) != 0)
		goto out;
	if ((r = store_on_end(s->db, ak_end, u)) != 0)
		goto out;
	hooked = u;
	u = NULL;
	end = hooked->old ? hooked->old + hooked->len : NULL;
	for (p = hooked->old; new_blob != NULL && p != NULL && p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		nl = nl ? nl : end;
		lineno++;
		ak_parse(p, nl, &l);
		if (!l.rota && same_blob(&l, new_blob)) {
			r = rota_fail_at(EX_DATAERR, hooked->path, lineno, "this key is already here, "
					 "on a line rota did not write: remove it there first "
					 "(one key, one identity)");
			goto out;
		}
	}
	if ((r = store_key_list(s->db, 0, &v, &n)) != 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		if (!handle_valid(v[i].handle)) {
			r = rota_fail(EX_DATAERR, "key %s: its holder's handle '%s' cannot be "
				      "written into authorized_keys", v[i].fingerprint, v[i].handle);
			goto out;
		}
	done = xcalloc(n + 1, sizeof *done);
	if ((r = make_folder(hooked->path)) != 0 ||
	    (r = atomic_open(&a, hooked->path, 0600)) != 0)
		goto out;
	for (p = hooked->old; p != NULL && p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		nl = nl ? nl : end;
		ak_parse(p, nl, &l);
		if (!l.rota) {
			fwrite(p, 1, (size_t)(nl - p), a.f);
			fputc('\n', a.f);
			continue;
		}
		for (size_t i = 0; i < n; i++)
			if (!done[i] && same_blob(&l, v[i].blob)) {
				write_key_line(a.f, cmd, &v[i]);
				done[i] = true;
			}
	}
	for (size_t i = 0; i < n; i++)
		if (!done[i])
			write_key_line(a.f, cmd, &v[i]);
	if (geteuid() == 0 && folder_owner(hooked->path, &st) &&
	    fchown(a.fd, st.st_uid, st.st_gid) != 0) {
		r = rota_fail(EX_CANTCREAT, "cannot give %s to its owner: %s", hooked->path,
			      strerror(errno));
		goto out;
	}
	/* Written before the rename: a failed rename may have replaced it. */
	hooked->written = true;
	r = atomic_commit(&a);
out:
	atomic_discard(&a);
	if (u != NULL) {
		free(u->path);
		free(u->old);
		free(u);
	}
	free(done);
	free(v);
	return r;
}

/* -- Commands ---------------------------------------------------------------- */

static json_t *
key_json(const struct ssh_key *k)
{
	return json_pack("{s:s, s:s, s:s, s:s}", "handle", k->handle, "type", k->type,
			 "fingerprint", k->fingerprint, "comment", k->comment);
}

int
key_add(const struct svc *s, const char *handle, const char *text, size_t len,
	const char *label, struct ssh_key *out)
{
	struct person p;
	struct ssh_key other;
	int r;

	if ((r = svc_require_manager(s, "key add")) != 0 ||
	    (r = svc_find_person(s, handle, &p)) != 0 ||
	    (r = key_parse(text, len, label, out)) != 0)
		return r;
	r = store_key_get_blob(s->db, out->blob, &other);
	if (r == 0)
		return rota_fail(EX_DATAERR, "%s: this key is already %s's (%s): one key, one "
				 "person", label, other.handle, other.fingerprint);
	if (r != STORE_NOT_FOUND)
		return r;
	out->person_id = p.id;
	snprintf(out->handle, sizeof out->handle, "%s", p.handle);
	if ((r = store_key_add(s->db, out, s->now)) != 0 ||
	    (r = svc_audit(s, "key.add", p.handle, NULL, key_json(out))) != 0)
		return r;
	return sync_file(s, out->blob);
}

int
key_list(const struct svc *s, const char *handle, struct ssh_key **v, size_t *n)
{
	struct person p;
	int r;

	*v = NULL;
	*n = 0;
	if (handle == NULL && s->actor->privileged)
		return store_key_list(s->db, 0, v, n);
	if ((r = svc_subject_person(s, "key list", handle, &p)) != 0)
		return r;
	return store_key_list(s->db, p.id, v, n);
}

/* Removes the keys of V that FINGERPRINT names (all for NULL), audited,
 * moving them to the front of V; *REMOVED gets their number. */
static int
remove_keys(const struct svc *s, const char *fingerprint, struct ssh_key *v, size_t n,
	    size_t *removed)
{
	int r;

	*removed = 0;
	for (size_t i = 0; i < n; i++) {
		if (fingerprint != NULL && strcmp(v[i].fingerprint, fingerprint) != 0)
			continue;
		if ((r = store_key_remove(s->db, v[i].id)) != 0 ||
		    (r = svc_audit(s, "key.remove", v[i].handle, key_json(&v[i]), NULL)) != 0)
			return r == STORE_NOT_FOUND ? EX_SOFTWARE : r;
		v[(*removed)++] = v[i];
	}
	return 0;
}

int
key_remove(const struct svc *s, const char *handle, const char *fingerprint,
	   struct ssh_key **v, size_t *n)
{
	struct person p;
	size_t all;
	int r;

	*v = NULL;
	*n = 0;
	if ((r = svc_require_manager(s, "key remove")) != 0 ||
	    (r = svc_find_person(s, handle, &p)) != 0 ||
	    (r = store_key_list(s->db, p.id, v, &all)) != 0 ||
	    (r = remove_keys(s, fingerprint, *v, all, n)) != 0)
		return r;
	if (*n == 0 && fingerprint != NULL)
		return rota_fail(EX_DATAERR, "%s has no key %s (see rota key list %s)", p.handle,
				 fingerprint, p.handle);
	if (*n == 0)
		return rota_fail(EX_DATAERR, "%s has no keys (see rota key list)", p.handle);
	return sync_file(s, NULL);
}

int
keys_remove_person(const struct svc *s, const struct person *p)
{
	struct ssh_key *v;
	size_t n, removed;
	int r;

	if ((r = store_key_list(s->db, p->id, &v, &n)) == 0 &&
	    (r = remove_keys(s, NULL, v, n, &removed)) == 0 && removed > 0)
		r = sync_file(s, NULL);
	free(v);
	return r;
}
