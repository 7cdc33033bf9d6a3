/* Publishing feeds into a folder: see publish.h. */
#include <config.h>  /* autoconf's, not common/config.h */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/HTMLtree.h>
#include <libxml/tree.h>

#include "calendars/publish.h"
#include "common/atomic.h"
#include "common/err.h"
#include "common/html-save.h"
#include "common/strset.h"
#include "common/timefmt.h"
#include "common/tz.h"
#include "common/xalloc.h"

#define TMP_PREFIX ATOMIC_TMP_PREFIX
#define INDEX_FILE "index.html"
/* A manager should plan the next term before the schedule runs out. */
#define SHORT_NOTICE (28 * 86400)

int
feed_token_new(char *buf)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char raw[FEED_TOKEN_LEN / 2];
	size_t got = 0;

	while (got < sizeof raw) {
		ssize_t r = getrandom(raw + got, sizeof raw - got, 0);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return rota_fail(EX_OSERR, "cannot read the OS random source: %s",
					 strerror(errno));
		got += (size_t)r;
	}
	for (size_t i = 0; i < sizeof raw; i++) {
		buf[2 * i] = hex[raw[i] >> 4];
		buf[2 * i + 1] = hex[raw[i] & 15];
	}
	buf[FEED_TOKEN_LEN] = '\0';
	return 0;
}

bool
feed_token_valid(const char *token)
{
	for (int i = 0; i < FEED_TOKEN_LEN; i++)
		if (!((token[i] >= '0' && token[i] <= '9') || (token[i] >= 'a' && token[i] <= 'f')))
			return false;
	return token[FEED_TOKEN_LEN] == '\0';
}

int
feed_token_file(const char *name)
{
	char token[FEED_TOKEN_LEN + 1];

	if (strlen(name) != FEED_TOKEN_LEN + 4 || strcmp(name + FEED_TOKEN_LEN, ".ics") != 0)
		return 0;
	memcpy(token, name, FEED_TOKEN_LEN);
	token[FEED_TOKEN_LEN] = '\0';
	return feed_token_valid(token);
}

/* Rotation R's name as a file name, without ".ics": every byte but
 * letters, digits, '_', '-' and a '.' not in front made '-', and "-ID"
 * after it when a byte was changed, or when it would be "index" or a
 * token's name (those files are spoken for). */
static void
rotation_base(const struct rotation *r, char *buf, size_t len)
{
	char safe[NAME_MAX_];
	int changed = 0;
	size_t i;

	for (i = 0; r->name[i] != '\0' && i < sizeof safe - 1; i++) {
		char c = r->name[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '_' || c == '-' || (c == '.' && i > 0)) {
			safe[i] = c;
		} else {
			safe[i] = '-';
			changed = 1;
		}
	}
	safe[i] = '\0';
	if (strcmp(safe, "index") == 0 || feed_token_valid(safe))
		changed = 1;
	if (changed)
		snprintf(buf, len, "%s-%lld", safe, (long long)r->id);
	else
		snprintf(buf, len, "%s", safe);
}

static int
by_id(const void *a, const void *b)
{
	const struct rotation *x = *(const struct rotation *const *)a;
	const struct rotation *y = *(const struct rotation *const *)b;

	return (x->id > y->id) - (x->id < y->id);
}

void
feed_rotation_files(const struct rotation *rot, size_t n, char (*file)[FEED_FILE_MAX])
{
	const struct rotation **order = xcalloc(n ? n : 1, sizeof *order);
	struct strset taken = { 0 };

	for (size_t k = 0; k < n; k++)
		order[k] = &rot[k];
	qsort(order, n, sizeof *order, by_id);
	/* In the order the rotations were made: a name another rotation has
	 * already is the earlier one's, and the later gets "-ID" (again,
	 * should that be taken too: only by a name of 127 bytes or fewer, so
	 * it ends within FEED_FILE_MAX). A rotation made later never takes
	 * an earlier one's file. */
	for (size_t k = 0; k < n; k++) {
		char name[FEED_FILE_MAX - 4];

		rotation_base(order[k], name, sizeof name);
		while (!strset_add(&taken, name, NULL)) {
			size_t len = strlen(name);

			snprintf(name + len, sizeof name - len, "-%lld", (long long)order[k]->id);
		}
		snprintf(file[order[k] - rot], FEED_FILE_MAX, "%s.ics", name);
	}
	strset_free(&taken);
	free(order);
}

/* P's stored feed token is not one rota makes: EX_DATAERR, naming the row
 * and what to do. */
static int
bad_token(struct store *db, const struct person *p)
{
	return rota_fail(EX_DATAERR, "%s: person %lld (%s) has a feed token rota never "
			 "makes ('%s'), which cannot name a file: the database is damaged "
			 "or was edited by hand; give them a new one with rota feed "
			 "rotate-token %s", store_path(db), (long long)p->id, p->handle,
			 p->feed_token, p->handle);
}

int
feed_token_ensure(struct store *db, struct person *p)
{
	char token[FEED_TOKEN_LEN + 1];
	int r;

	if (p->feed_token[0] != '\0')
		return 0;
	if ((r = feed_token_new(token)) != 0 ||
	    (r = store_person_set_feed_token(db, p->id, token)) != 0)
		return r == STORE_NOT_FOUND ? EX_SOFTWARE : r;
	snprintf(p->feed_token, sizeof p->feed_token, "%s", token);
	return 0;
}

/* Files written to temporary names in DIR (common/atomic.h: 0600 until
 * renamed), renamed into place together once all of them are on disk. */
struct batch {
	const char *dir;
	struct atomic_file **files;
	size_t n, cap;
};

/* Starts the file that becomes DIR/NAME: *F to write it to, closed by
 * stage_close(). Messages name it LABEL (NULL: DIR/NAME). */
static int
stage_open(struct batch *b, const char *name, const char *label, FILE **f)
{
	char dest[4096];
	struct atomic_file *a;
	int r;

	if ((size_t)snprintf(dest, sizeof dest, "%s/%s", b->dir, name) >= sizeof dest)
		return rota_fail(EX_CANTCREAT, "%s: the folder's name is too long", b->dir);
	if (b->n == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 16;
		b->files = xreallocarray(b->files, b->cap, sizeof *b->files);
	}
	a = b->files[b->n++] = xmalloc(sizeof *a);
	/* A file the user writes: 0666 less the umask (a web server running as
	 * someone else reads it under the usual 022), or the mode it has. */
	r = atomic_open_as(a, dest, ATOMIC_MODE_DEFAULT, label != NULL ? label : dest);
	*f = a->f;
	return r;
}

/* Closes the file stage_open() started, every write checked. */
static int
stage_close(struct batch *b)
{
	return atomic_close(b->files[b->n - 1], false);
}

/* DIR/NAME to become DATA (LEN bytes); LABEL as for stage_open(). */
static int
stage(struct batch *b, const char *name, const char *label, const char *data, size_t len)
{
	FILE *f;
	int r;

	if ((r = stage_open(b, name, label, &f)) != 0)
		return r;
	fwrite(data, 1, len, f);
	return stage_close(b);
}

/* Gets every staged file onto the disk (one syncfs(2) for the lot: a
 * thousand fsync calls cost seconds), then renames each into place. */
static int
batch_commit(struct batch *b)
{
	int r;

	if (b->n > 0) {
		int fd = open(b->dir, O_RDONLY | O_DIRECTORY);

		if (fd < 0 || syncfs(fd) != 0) {
			int e = errno;

			if (fd >= 0)
				close(fd);
			return rota_fail(EX_IOERR, "cannot sync %s: %s", b->dir, strerror(e));
		}
		close(fd);
	}
	for (size_t i = 0; i < b->n; i++)
		if ((r = atomic_rename(b->files[i])) != 0)
			return r;
	return 0;
}

/* Removes what is left of the batch's temporary files and frees it. */
static void
batch_free(struct batch *b)
{
	for (size_t i = 0; i < b->n; i++) {
		atomic_discard(b->files[i]);
		free(b->files[i]);
	}
	free(b->files);
	memset(b, 0, sizeof *b);
}

/* Shifts grouped by rotation, each group in feed order (feed_personal()
 * groups them by person). */
static int
by_rotation(const void *a, const void *b)
{
	const struct shift *x = a, *y = b;

	if (x->rotation_id != y->rotation_id)
		return x->rotation_id < y->rotation_id ? -1 : 1;
	return feed_order(a, b);
}

/* The range of V (sorted by KEY) whose key is ID. */
static size_t
range(const struct shift *v, size_t n, int64_t id, int person, size_t *count)
{
	size_t lo = 0, hi = n, end;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t k = person ? v[mid].person_id : v[mid].rotation_id;

		if (k < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < n && (person ? v[end].person_id : v[end].rotation_id) == id; end++)
		;
	*count = end - lo;
	return lo;
}

/* -- the index for managers -- */

static xmlNodePtr
el(xmlNodePtr parent, const char *name, const char *text)
{
	return xmlNewTextChild(parent, NULL, (const xmlChar *)name, (const xmlChar *)text);
}

static void
attr(xmlNodePtr node, const char *name, const char *value)
{
	xmlNewProp(node, (const xmlChar *)name, (const xmlChar *)value);
}

static xmlNodePtr
table(xmlNodePtr parent, const char *const *headers)
{
	xmlNodePtr t = el(parent, "table", NULL), tr = el(el(t, "thead", NULL), "tr", NULL);

	for (; *headers != NULL; headers++)
		el(tr, "th", *headers);
	return el(t, "tbody", NULL);
}

static void
when(int64_t t, const char *tzname, char *buf, size_t len)
{
	const struct tz_zone *zone = tz_lookup(tzname);

	if (zone == NULL)
		zone = tz_utc();
	time_format_local(t, zone, buf, len);
}

static const char style[] =
	"body{font-family:system-ui,sans-serif;margin:2em;color:#222}"
	"table{border-collapse:collapse;margin-bottom:2em}"
	"th,td{border-bottom:1px solid #ddd;padding:.3em .8em;text-align:left}"
	"th{background:#f4f4f4}.short{color:#b00;font-weight:bold}"
	"p.note{color:#555;max-width:50em}";

/* Who answers now in the rotation of SH, the shift in force: *WHO, its
 * holder or, for a rotation covering out of hours in office hours, the
 * service owners, from *SINCE to *UNTIL (as rota now says, through
 * fs->oncall). 0, or fs->oncall's error. */
static int
on_call_now(const struct shift *sh, const struct feed_settings *fs, const char **who,
	    int64_t *since, int64_t *until)
{
	struct time_span *w = NULL;
	size_t nw = 0, k;
	bool windows = false;
	int r = 0;

	*who = sh->handle;
	*since = sh->start;
	*until = sh->end;
	if (fs->oncall == NULL || (r = fs->oncall(fs->oncall_arg, sh, &windows, &w, &nw)) != 0 ||
	    !windows) {
		free(w);
		return r;
	}
	for (k = 0; k < nw && w[k].to <= fs->now; k++)
		*since = w[k].to;               /* office hours since the last window */
	if (k < nw && w[k].from <= fs->now) {
		*since = w[k].from;
		*until = w[k].to;
	} else {
		*who = "in hours: service owners";
		if (k < nw)
			*until = w[k].from;
	}
	free(w);
	return 0;
}

static int
write_index(struct batch *batch, const struct feed_settings *fs,
	    const struct rotation *rot, size_t nrot, char (*rot_file)[FEED_FILE_MAX],
	    const struct person *people, size_t npeople,
	    const struct shift *byrot, size_t nbyrot,
	    const struct shift *byp, size_t nbyp)
{
	static const char *const now_cols[] = { "Rotation", "Tier", "On call", "Since", "Until",
						"Zone", NULL };
	static const char *const rot_cols[] = { "Rotation", "Tier", "Zone", "Next handoff",
						"Next on call", "Scheduled until", "Feed", NULL };
	static const char *const people_cols[] = { "Person", "Name", "Current or next shift", "Rotation",
						   "Shifts ahead", NULL };
	htmlDocPtr doc = htmlNewDocNoDtD(NULL, NULL);
	xmlNodePtr html, head, body, tb, tr, node;
	FILE *f;
	char buf[256], stamp[32];
	int r, anyone = 0;

	xmlCreateIntSubset(doc, (const xmlChar *)"html", NULL, NULL);
	html = xmlNewNode(NULL, (const xmlChar *)"html");
	xmlDocSetRootElement(doc, html);
	attr(html, "lang", "en");
	head = el(html, "head", NULL);
	attr(el(head, "meta", NULL), "charset", "utf-8");
	el(head, "title", "rota: on-call feeds");
	el(head, "style", style);
	body = el(html, "body", NULL);
	el(body, "h1", "On call");
	node = el(body, "p", "Published ");
	time_format_local(fs->now, fs->zone, buf, sizeof buf);
	time_format_utc(fs->now, stamp, sizeof stamp);
	attr(el(node, "time", buf), "datetime", stamp);
	snprintf(buf, sizeof buf, " (%s) by rota. Calendar clients refresh the feeds every %d "
		 "minutes.", fs->zone_name, fs->refresh_minutes);
	xmlNodeAddContent(node, (const xmlChar *)buf);
	attr(node, "id", "published");

	el(body, "h2", "On call now");
	tb = table(body, now_cols);
	for (size_t i = 0; i < nbyrot; i++) {
		const struct shift *sh = &byrot[i];
		const char *who;
		int64_t since, until;

		if (sh->cancelled || sh->start > fs->now || sh->end <= fs->now)
			continue;
		if ((r = on_call_now(sh, fs, &who, &since, &until)) != 0) {
			xmlFreeDoc(doc);
			return r;
		}
		anyone = 1;
		tr = el(tb, "tr", NULL);
		el(tr, "td", sh->rotation);
		el(tr, "td", tier_name(sh->tier));
		el(tr, "td", who);
		when(since, sh->tz, buf, sizeof buf);
		el(tr, "td", buf);
		when(until, sh->tz, buf, sizeof buf);
		el(tr, "td", buf);
		el(tr, "td", sh->tz);
	}
	if (!anyone)
		el(body, "p", "Nobody is on call now.");

	el(body, "h2", "Rotations");
	tb = table(body, rot_cols);
	for (size_t k = 0; k < nrot; k++) {
		const struct shift *next = NULL;
		int64_t until = 0;
		size_t count, first = range(byrot, nbyrot, rot[k].id, 0, &count);

		for (size_t i = first; i < first + count; i++) {
			if (byrot[i].cancelled)
				continue;
			if (next == NULL && byrot[i].start > fs->now)
				next = &byrot[i];
			if (byrot[i].end > until)
				until = byrot[i].end;
		}
		tr = el(tb, "tr", NULL);
		el(tr, "td", rot[k].name);
		el(tr, "td", tier_name(rot[k].tier));
		el(tr, "td", rot[k].tz);
		if (next != NULL) {
			when(next->start, rot[k].tz, buf, sizeof buf);
			el(tr, "td", buf);
			el(tr, "td", next->handle);
		} else {
			el(tr, "td", "-");
			el(tr, "td", "-");
		}
		if (until > fs->now)
			when(until, rot[k].tz, buf, sizeof buf);
		else
			snprintf(buf, sizeof buf, "nothing scheduled");
		node = el(tr, "td", buf);
		if (until < fs->now + SHORT_NOTICE)
			attr(node, "class", "short");
		node = el(el(tr, "td", NULL), "a", rot_file[k]);
		attr(node, "href", rot_file[k]);
	}
	el(body, "p", "Subscribe to a rotation's feed with its link; shifts in the last "
	   "weeks stay in the feeds as history. A schedule that ends within four weeks "
	   "is marked: add the next term (rota term add) and generate it.");

	el(body, "h2", "People");
	tb = table(body, people_cols);
	for (size_t k = 0; k < npeople; k++) {
		const struct shift *next = NULL;
		size_t count, first = range(byp, nbyp, people[k].id, 1, &count), ahead = 0;

		for (size_t i = first; i < first + count; i++) {
			if (byp[i].cancelled || byp[i].end <= fs->now)
				continue;
			ahead++;
			if (next == NULL)
				next = &byp[i];
		}
		tr = el(tb, "tr", NULL);
		el(tr, "td", people[k].handle);
		el(tr, "td", people[k].name);
		if (next != NULL) {
			when(next->start, people[k].tz, buf, sizeof buf);
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf), " (%s)", people[k].tz);
			el(tr, "td", buf);
			el(tr, "td", next->rotation);
		} else {
			el(tr, "td", "-");
			el(tr, "td", "-");
		}
		snprintf(buf, sizeof buf, "%zu", ahead);
		el(tr, "td", buf);
	}
	node = el(body, "p", "Personal feeds are not linked here: a personal feed's address "
		  "is its secret. Each person gets theirs with ");
	el(node, "code", "rota feed url HANDLE");
	xmlNodeAddContent(node, (const xmlChar *)"; a leaked one is replaced with ");
	el(node, "code", "rota feed rotate-token HANDLE");
	xmlNodeAddContent(node, (const xmlChar *)".");
	attr(node, "class", "note");

	if ((r = stage_open(batch, INDEX_FILE, NULL, &f)) == 0 &&
	    (r = html_save(doc, f, batch->files[batch->n - 1]->label)) == 0)
		r = stage_close(batch);
	xmlFreeDoc(doc);
	return r;
}

static int
cmp_token(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Removes personal feeds whose token is no longer anyone's, and
 * temporary files left by an interrupted run (runs never overlap: each
 * holds the database's write lock). */
static int
remove_stale(const char *dir, const struct person *people, size_t npeople, size_t *removed)
{
	const char **tokens = xcalloc(npeople ? npeople : 1, sizeof *tokens);
	char path[4096];
	struct dirent *d;
	DIR *dp;

	for (size_t i = 0; i < npeople; i++)
		tokens[i] = people[i].feed_token;
	qsort(tokens, npeople, sizeof *tokens, cmp_token);
	if ((dp = opendir(dir)) == NULL) {
		free(tokens);
		return rota_fail(EX_IOERR, "cannot read %s: %s", dir, strerror(errno));
	}
	while ((d = readdir(dp)) != NULL) {
		char token[FEED_TOKEN_LEN + 1];
		const char *key = token;
		int stale;

		if (strncmp(d->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) == 0) {
			stale = 1;
		} else if (feed_token_file(d->d_name)) {
			memcpy(token, d->d_name, FEED_TOKEN_LEN);
			token[FEED_TOKEN_LEN] = '\0';
			stale = bsearch(&key, tokens, npeople, sizeof *tokens, cmp_token) == NULL;
			*removed += (size_t)stale;
		} else {
			stale = 0;
		}
		if (!stale)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, d->d_name);
		if (unlink(path) != 0 && errno != ENOENT) {
			int e = errno;

			closedir(dp);
			free(tokens);
			return rota_fail(EX_IOERR, "cannot remove %s: %s", path, strerror(e));
		}
	}
	closedir(dp);
	free(tokens);
	return 0;
}

/* Removes the temporary files an earlier run left when it was killed
 * (each is 0600: nobody else could read them), before writing. */
static int
remove_leftovers(const char *dir)
{
	char path[4096];
	struct dirent *d;
	DIR *dp;
	int r = 0;

	if ((dp = opendir(dir)) == NULL)
		return rota_fail(EX_IOERR, "cannot read %s: %s", dir, strerror(errno));
	while (r == 0 && (d = readdir(dp)) != NULL) {
		if (strncmp(d->d_name, TMP_PREFIX, strlen(TMP_PREFIX)) != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, d->d_name);
		if (unlink(path) != 0 && errno != ENOENT)
			r = rota_fail(EX_IOERR, "cannot remove %s: %s", path, strerror(errno));
	}
	closedir(dp);
	return r;
}

static int
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY);

	if (fd < 0 || fsync(fd) != 0) {
		int e = errno;

		if (fd >= 0)
			close(fd);
		return rota_fail(EX_IOERR, "cannot sync %s: %s", dir, strerror(e));
	}
	close(fd);
	return 0;
}

int
publish_dir(struct store *db, const struct feed_settings *fs, const char *dir,
	    publish_progress progress, void *arg, struct publish_stats *out)
{
	struct person *people = NULL;
	struct rotation *rot = NULL;
	struct shift *all = NULL, *esc = NULL, *byp = NULL, *rel = NULL;
	char (*rot_file)[FEED_FILE_MAX] = NULL;
	size_t npeople = 0, nrot = 0, nall = 0, nesc = 0, nrel = 0, done = 0, total;
	int64_t from = feed_window_start(fs);
	struct batch batch = { .dir = dir };
	struct stat st;
	int r;

	memset(out, 0, sizeof *out);
	/* 0711: the web server may pass, nobody may list the secret names. */
	if (mkdir(dir, 0711) != 0 && errno != EEXIST)
		return rota_fail(EX_CANTCREAT, "cannot create %s: %s", dir, strerror(errno));
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return rota_fail(EX_CANTCREAT, "%s is not a folder", dir);
	if (access(dir, W_OK | X_OK) != 0)
		return rota_fail(EX_CANTCREAT, "cannot write to %s: %s", dir, strerror(errno));
	if ((r = remove_leftovers(dir)) != 0)
		return r;

	if ((r = store_person_list(db, &people, &npeople)) != 0 ||
	    (r = store_rotation_list(db, &rot, &nrot)) != 0 ||
	    (r = store_feed_shifts(db, 0, 0, from, fs->now, &all, &nall)) != 0 ||
	    (r = store_feed_escalations(db, from, &esc, &nesc)) != 0 ||
	    (r = store_feed_releases(db, 0, fs->now, &rel, &nrel)) != 0)
		goto done;
	/* Every token names a file: all checked before anything is written. */
	for (size_t i = 0; i < npeople; i++)
		if (people[i].feed_token[0] != '\0' && !feed_token_valid(people[i].feed_token)) {
			r = bad_token(db, &people[i]);
			goto done;
		}
	for (size_t i = 0; i < npeople; i++) {
		if (people[i].feed_token[0] != '\0')
			continue;
		if ((r = feed_token_ensure(db, &people[i])) != 0)
			goto done;
		out->tokens++;
	}
	/* "all" is in feed order; a copy grouped by person, with the shifts
	 * each gave away, and "all" itself grouped by rotation (a stable
	 * regrouping: start order is kept within each group by the
	 * comparisons). */
	byp = feed_personal(all, nall, rel, nrel);
	if (nall > 0)           /* ALL is NULL when there is no shift */
		qsort(all, nall, sizeof *all, by_rotation);

	total = npeople + nrot + 1;
	for (size_t k = 0; k < npeople; k++) {
		char name[NAME_MAX_ + HANDLE_MAX + 16], file[sizeof people->feed_token + 8], *text;
		char *label;
		size_t count, first = range(byp, nall + nrel, people[k].id, 1, &count);

		snprintf(name, sizeof name, "On call \xe2\x80\x94 %s", people[k].name);
		snprintf(file, sizeof file, "%s.ics", people[k].feed_token);
		if ((r = feed_build(name, byp + first, count, esc, nesc, fs, &text, NULL)) != 0)
			goto done;
		/* The file's name is the feed's secret: never in a message. */
		label = xasprintf("the personal feed of %s in %s", people[k].handle, dir);
		r = stage(&batch, file, label, text, strlen(text));
		free(label);
		free(text);
		if (r != 0)
			goto done;
		out->personal++;
		if (progress != NULL)
			progress(++done, total, arg);
	}
	rot_file = xcalloc(nrot ? nrot : 1, sizeof *rot_file);
	feed_rotation_files(rot, nrot, rot_file);
	for (size_t k = 0; k < nrot; k++) {
		char name[NAME_MAX_ + 16], *text;
		size_t count, events, first = range(all, nall, rot[k].id, 0, &count);

		snprintf(name, sizeof name, "On call \xe2\x80\x94 %s", rot[k].name);
		if ((r = feed_build(name, all + first, count, esc, nesc, fs, &text, &events)) != 0)
			goto done;
		r = stage(&batch, rot_file[k], NULL, text, strlen(text));
		free(text);
		if (r != 0)
			goto done;
		out->rotations++;
		out->events += events;
		if (progress != NULL)
			progress(++done, total, arg);
	}
	if ((r = write_index(&batch, fs, rot, nrot, rot_file, people, npeople, all, nall,
			     byp, nall + nrel)) != 0 ||
	    (r = batch_commit(&batch)) != 0)
		goto done;
	if (progress != NULL)
		progress(++done, total, arg);
	if ((r = remove_stale(dir, people, npeople, &out->removed)) != 0)
		goto done;
	r = sync_dir(dir);
done:
	feed_cleanup();
	batch_free(&batch);
	free(people);
	free(rot);
	free(all);
	free(esc);
	free(byp);
	free(rel);
	free(rot_file);
	return r;
}
