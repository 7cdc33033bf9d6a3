/* Publishing to a CalDAV collection: the transport (libcurl), the
 * multistatus reader (libxml2), the plan and its execution. */
#include "config.h"

#include <curl/curl.h>
#include <errno.h>
#include <libical/ical.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "calendars/caldav.h"
#include "common/err.h"
#include "common/secret.h"
#include "common/xalloc.h"
#include "http/http.h"

#define NS_DAV "DAV:"
#define NS_CALDAV "urn:ietf:params:xml:ns:caldav"

/* ---- credentials ---- */

void
caldav_credentials_free(char *username, char *password)
{
	free(username);
	secret_free(password);
}

int
caldav_credentials(const struct config *cfg, char **username, char **password)
{
	const char *user = config_get(cfg, "caldav", NULL, "username", NULL);
	const char *env = getenv("ROTA_CALDAV_PASSWORD");
	const char *file = config_get(cfg, "caldav", NULL, "password_file", NULL);
	int r;

	*username = NULL;
	*password = NULL;
	if (user == NULL || user[0] == '\0') {
		if ((env != NULL && env[0] != '\0') || file != NULL)
			return rota_fail(EX_CONFIG, "a CalDAV password is set but no [caldav] "
					 "username (see rota.conf(5))");
		return 0;
	}
	if ((r = secret_get(cfg, "ROTA_CALDAV_PASSWORD", "caldav", "password_file",
			    password)) != 0)
		return r;
	if (*password == NULL)
		return rota_fail(EX_CONFIG, "[caldav] username is set but there is no password: "
				 "set ROTA_CALDAV_PASSWORD or [caldav] password_file "
				 "(see rota.conf(5))");
	*username = xstrdup(user);
	return 0;
}

/* ---- the connection ---- */

struct caldav {
	struct http_session *session;
	char *url;                    /* the collection, ending in '/' */
	char *username, *password;
	long timeout;
	struct http_retry retry;
};

static const struct http_peer caldav_peer = {
	.name = "the CalDAV server",
	.timeout_key = "[caldav] timeout",
	.auth_hint = "check [caldav] username and the password",
	.missing_hint = "create the collection first (MKCALENDAR) or fix the URL",
};

int
caldav_open(const struct caldav_options *o, struct caldav **out)
{
	CURLU *u = xnonnull(curl_url());
	char *scheme = NULL, *user = NULL, *pass = NULL, *url = NULL;
	struct caldav *c;
	int bad;

	*out = NULL;
	if ((bad = http_init()) != 0)
		return bad;
	bad = curl_url_set(u, CURLUPART_URL, o->url, 0) != CURLUE_OK ||
		curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK;
	if (!bad && (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0))
		bad = 2;
	if (!bad && (curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK ||
		     curl_url_get(u, CURLUPART_PASSWORD, &pass, 0) == CURLUE_OK))
		bad = 3;
	if (!bad && curl_url_get(u, CURLUPART_URL, &url, 0) != CURLUE_OK)
		bad = 1;
	curl_free(scheme);
	curl_free(user);
	if (pass != NULL) {
		explicit_bzero(pass, strlen(pass));
		curl_free(pass);
	}
	curl_url_cleanup(u);
	if (bad) {
		curl_free(url);
		if (bad == 3)
			return rota_fail(EX_USAGE, "publish --caldav: credentials do not go in "
					 "the URL: set [caldav] username and the password "
					 "(see rota.conf(5))");
		return rota_fail(EX_USAGE, "publish --caldav: '%s' is not an http:// or "
				 "https:// URL", o->url);
	}
	c = xcalloc(1, sizeof *c);
	c->url = url[0] && url[strlen(url) - 1] == '/' ? xstrdup(url) : xasprintf("%s/", url);
	curl_free(url);
	c->username = o->username ? xstrdup(o->username) : NULL;
	c->password = o->password ? xstrdup(o->password) : NULL;
	c->timeout = o->timeout > 0 ? o->timeout : 30;
	c->retry = o->retry;
	if ((c->session = http_session_new()) == NULL) {
		caldav_close(c);
		return EX_SOFTWARE;
	}
	*out = c;
	return 0;
}

void
caldav_close(struct caldav *c)
{
	if (c == NULL)
		return;
	http_session_free(c->session);
	free(c->url);
	free(c->username);
	secret_free(c->password);
	free(c);
}

const char *
caldav_url(const struct caldav *c)
{
	return c->url;
}

/* A request to the server as the connection makes it. */
static struct http_request
req(const struct caldav *c, const char *method, const char *url)
{
	struct http_request rq = {
		.peer = &caldav_peer, .method = method, .url = url,
		.username = c->username, .password = c->password, .timeout = c->timeout,
		.retry = c->retry, .session = c->session,
	};

	return rq;
}

/* Says why the server refused METHOD on URL (http.h's words): 69 or 75. */
static int
status_error(struct caldav *c, const char *method, const char *url,
	     const struct http_response *r)
{
	struct http_request rq = req(c, method, url);

	return http_fail(&rq, r);
}

/* Sends one request with HEADERS (NULL-ended) and BODY; 0 with R filled
 * for any HTTP answer, else the status after printing why. */
static int
request(struct caldav *c, const char *method, const char *url,
	const char *const *headers, const char *body, struct http_response *r)
{
	struct http_request rq = req(c, method, url);
	int rc;

	rq.headers = headers;
	rq.body = body;
	rq.body_len = body != NULL ? strlen(body) : 0;
	http_send(&rq, r);
	if (r->status != 0 && r->outcome != HTTP_TOO_LARGE)
		return 0;
	rc = http_fail(&rq, r);
	http_response_free(r);
	return rc;
}

/* The absolute URL of HREF, resolved against the collection. */
static char *
resolve(const struct caldav *c, const char *href)
{
	CURLU *u = curl_url();
	char *s = NULL, *out;

	if (u == NULL || curl_url_set(u, CURLUPART_URL, c->url, 0) != CURLUE_OK ||
	    curl_url_set(u, CURLUPART_URL, href, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_URL, &s, 0) != CURLUE_OK) {
		curl_url_cleanup(u);
		return xasprintf("%s%s", c->url, href);
	}
	out = xstrdup(s);
	curl_free(s);
	curl_url_cleanup(u);
	return out;
}

/* ---- the multistatus reader ---- */

static bool
is_elem(const xmlNode *n, const char *ns, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE && n->ns != NULL &&
		strcmp((const char *)n->ns->href, ns) == 0 &&
		strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *
child(const xmlNode *n, const char *ns, const char *name)
{
	for (const xmlNode *k = n->children; k != NULL; k = k->next)
		if (is_elem(k, ns, name))
			return k;
	return NULL;
}

/* The element's text, trimmed, malloc'd. */
static char *
text_of(const xmlNode *n)
{
	xmlChar *t = xmlNodeGetContent(n);
	const char *s = t ? (const char *)t : "";
	size_t len;
	char *out;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
			   s[len - 1] == '\r' || s[len - 1] == '\n'))
		len--;
	out = xmalloc(len + 1);
	memcpy(out, s, len);
	out[len] = '\0';
	xmlFree(t);
	return out;
}

/* Whether a DAV:status element (absent: yes) says 2xx. */
static bool
status_ok(const xmlNode *status)
{
	char *t;
	int code = 0;
	bool ok;

	if (status == NULL)
		return true;
	t = text_of(status);
	ok = sscanf(t, "HTTP/%*s %d", &code) == 1 && code >= 200 && code < 300;
	free(t);
	return ok;
}

static int64_t
instant(icalcomponent *ev, struct icaltimetype t)
{
	(void)ev;
	if (icaltime_is_null_time(t))
		return 0;
	return (int64_t)icaltime_as_timet_with_zone(t, t.zone ? t.zone :
						     icaltimezone_get_utc_timezone());
}

/* The UID (malloc'd, or NULL) and digest (see caldav_event_digest) of
 * the first VEVENT of an iCalendar text. */
static void
read_ics(const char *ics, char **uid_out, char **digest_out)
{
	icalcomponent *root = icalparser_parse_string(ics), *ev;
	const char *uid, *summary, *desc;

	*uid_out = NULL;
	*digest_out = NULL;
	if (root == NULL)
		return;
	ev = icalcomponent_isa(root) == ICAL_VEVENT_COMPONENT ? root :
		icalcomponent_get_first_component(root, ICAL_VEVENT_COMPONENT);
	if (ev != NULL) {
		if ((uid = icalcomponent_get_uid(ev)) != NULL && uid[0] != '\0')
			*uid_out = xstrdup(uid);
		summary = icalcomponent_get_summary(ev);
		desc = icalcomponent_get_description(ev);
		*digest_out = xasprintf("%lld/%lld\n%s\n%s",
			(long long)instant(ev, icalcomponent_get_dtstart(ev)),
			(long long)instant(ev, icalcomponent_get_dtend(ev)),
			summary ? summary : "", desc ? desc : "");
	}
	icalcomponent_free(root);
}

char *
caldav_event_digest(const char *ics)
{
	char *uid, *digest;

	read_ics(ics, &uid, &digest);
	free(uid);
	return digest;
}

static int
hexval(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* The href's last segment, percent-decoded, less ".ics". */
static char *
uid_of_href(const char *href)
{
	const char *seg = strrchr(href, '/');
	size_t len, j = 0;
	char *out;

	seg = seg ? seg + 1 : href;
	len = strlen(seg);
	if (len > 4 && strcmp(seg + len - 4, ".ics") == 0)
		len -= 4;
	out = xmalloc(len + 1);
	for (size_t i = 0; i < len; i++) {
		if (seg[i] == '%' && i + 2 < len + 1 && hexval(seg[i + 1]) >= 0 &&
		    hexval(seg[i + 2]) >= 0) {
			out[j++] = (char)(hexval(seg[i + 1]) * 16 + hexval(seg[i + 2]));
			i += 2;
		} else {
			out[j++] = seg[i];
		}
	}
	out[j] = '\0';
	return out;
}

static void
read_response(const xmlNode *resp, struct caldav_resource **v, size_t *n, size_t *cap)
{
	const xmlNode *href = child(resp, NS_DAV, "href");
	char *etag = NULL, *data = NULL, *h;
	struct caldav_resource *r;

	if (href == NULL || !status_ok(child(resp, NS_DAV, "status")))
		return;
	h = text_of(href);
	if (h[0] == '\0' || h[strlen(h) - 1] == '/') {
		free(h);
		return;
	}
	for (const xmlNode *ps = resp->children; ps != NULL; ps = ps->next) {
		const xmlNode *prop;

		if (!is_elem(ps, NS_DAV, "propstat") || !status_ok(child(ps, NS_DAV, "status")) ||
		    (prop = child(ps, NS_DAV, "prop")) == NULL)
			continue;
		for (const xmlNode *p = prop->children; p != NULL; p = p->next) {
			if (is_elem(p, NS_DAV, "getetag") && etag == NULL)
				etag = text_of(p);
			else if (is_elem(p, NS_CALDAV, "calendar-data") && data == NULL)
				data = text_of(p);
		}
	}
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	r = &(*v)[(*n)++];
	r->href = h;
	r->etag = etag ? etag : xstrdup("");
	r->uid = r->digest = NULL;
	if (data != NULL)
		read_ics(data, &r->uid, &r->digest);
	if (r->uid == NULL)
		r->uid = uid_of_href(h);
	free(data);
}

int
caldav_parse_multistatus(const char *xml, size_t len, struct caldav_resource **v, size_t *n)
{
	xmlDoc *doc;
	const xmlNode *root;
	size_t cap = 0;

	*v = NULL;
	*n = 0;
	if (len > INT32_MAX)
		return -1;
	doc = xmlReadMemory(xml, (int)len, "multistatus.xml", NULL,
			    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (doc == NULL)
		return -1;
	root = xmlDocGetRootElement(doc);
	if (!is_elem(root, NS_DAV, "multistatus")) {
		xmlFreeDoc(doc);
		return -1;
	}
	for (const xmlNode *k = root->children; k != NULL; k = k->next)
		if (is_elem(k, NS_DAV, "response"))
			read_response(k, v, n, &cap);
	xmlFreeDoc(doc);
	return 0;
}

void
caldav_resources_free(struct caldav_resource *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].href);
		free(v[i].etag);
		free(v[i].uid);
		free(v[i].digest);
	}
	free(v);
}

/* Sends a PROPFIND or REPORT and reads its multistatus. */
static int
multistatus(struct caldav *c, const char *method, const char *url, const char *depth,
	    const char *body, struct caldav_resource **v, size_t *n, bool *missing)
{
	const char *hd[] = { "Content-Type: application/xml; charset=utf-8", depth, "Expect:",
			     NULL };
	struct http_response r;
	int rc;

	*v = NULL;
	*n = 0;
	if ((rc = request(c, method, url, hd, body, &r)) != 0)
		return rc;
	if (missing != NULL && (r.status == 404 || r.status == 410)) {
		*missing = true;
		http_response_free(&r);
		return 0;
	}
	if (r.status != 207) {
		rc = r.status >= 200 && r.status < 300 ?
			rota_fail(EX_UNAVAILABLE, "%s %s: the server answered HTTP %ld, not a "
				  "multistatus (is this a CalDAV collection?)", method, url, r.status) :
			status_error(c, method, url, &r);
		http_response_free(&r);
		return rc;
	}
	if (caldav_parse_multistatus(r.body ? r.body : "", r.len, v, n) != 0) {
		http_response_free(&r);
		return rota_fail(EX_UNAVAILABLE, "%s %s: the server's answer is not a WebDAV "
				 "multistatus (is this a CalDAV collection?)", method, url);
	}
	http_response_free(&r);
	return 0;
}

/* Scheme, host and port of URL, and its path percent-decoded; 0 or -1. */
static int
url_split(const char *url, char **origin, char **path)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *port = NULL;
	int r = -1;

	*origin = *path = NULL;
	if (u != NULL && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
		char *p = NULL;

		if (curl_url_get(u, CURLUPART_PATH, &p, CURLU_URLDECODE) == CURLUE_OK) {
			*origin = xasprintf("%s://%s:%s", scheme, host, port);
			*path = xstrdup(p);
			r = 0;
		}
		curl_free(p);
	}
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	return r;
}

/* Whether HREF names a resource inside the collection: the same scheme,
 * host and port (credentials go nowhere else) and a path below its own. */
static bool
inside(const struct caldav *c, const char *href)
{
	char *url = resolve(c, href), *o1, *p1, *o2, *p2;
	bool ok = false;

	if (url_split(c->url, &o1, &p1) == 0) {
		if (url_split(url, &o2, &p2) == 0) {
			ok = strcmp(o1, o2) == 0 && strncmp(p1, p2, strlen(p1)) == 0 &&
				p2[strlen(p1)] != '\0';
			free(o2);
			free(p2);
		}
		free(o1);
		free(p1);
	}
	free(url);
	return ok;
}

int
caldav_list(struct caldav *c, struct caldav_resource **v, size_t *n)
{
	static const char body[] =
		"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		"<C:calendar-query xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">\n"
		" <D:prop><D:getetag/><C:calendar-data/></D:prop>\n"
		" <C:filter><C:comp-filter name=\"VCALENDAR\">"
		"<C:comp-filter name=\"VEVENT\"/></C:comp-filter></C:filter>\n"
		"</C:calendar-query>\n";

	size_t k = 0;
	int r;

	if ((r = multistatus(c, "REPORT", c->url, "Depth: 1", body, v, n, NULL)) != 0)
		return r;
	for (size_t i = 0; i < *n; i++) {
		struct caldav_resource *e = &(*v)[i];

		if (!inside(c, e->href)) {
			rota_warn("ignoring %s, which the CalDAV server lists in %s but is "
				  "not inside it", e->href, c->url);
			free(e->href);
			free(e->etag);
			free(e->uid);
			free(e->digest);
			continue;
		}
		(*v)[k++] = *e;
	}
	*n = k;
	return 0;
}

/* The ETag the server now has for HREF (a PROPFIND, Depth: 0): 0 with
 * *etag malloc'd, STORE_NOT_FOUND when it is gone, or a status. */
static int
reread(struct caldav *c, const char *href, char **etag)
{
	static const char body[] =
		"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		"<D:propfind xmlns:D=\"DAV:\"><D:prop><D:getetag/></D:prop></D:propfind>\n";
	struct caldav_resource *v;
	bool missing = false;
	char *url = resolve(c, href);
	size_t n;
	int rc;

	*etag = NULL;
	rc = multistatus(c, "PROPFIND", url, "Depth: 0", body, &v, &n, &missing);
	free(url);
	if (rc != 0)
		return rc;
	if (missing || n == 0) {
		caldav_resources_free(v, n);
		return STORE_NOT_FOUND;
	}
	*etag = xstrdup(v[0].etag);
	caldav_resources_free(v, n);
	return 0;
}

/* ---- the plan ---- */

static int
cmp_state_uid(const void *key, const void *elem)
{
	return strcmp(key, ((const struct caldav_event *)elem)->uid);
}

static const struct caldav_event *
state_find(const struct caldav_event *state, size_t n, const char *uid)
{
	return n == 0 ? NULL : bsearch(uid, state, n, sizeof *state, cmp_state_uid);
}

/* Indices of an array sorted by the uid of its elements (qsort has no
 * argument for its comparison: the array being sorted is kept here). */
static const char *(*sort_uid)(size_t i);
static const struct caldav_resource *sort_server;
static const struct caldav_item *sort_items;

static const char *
server_uid(size_t i)
{
	return sort_server[i].uid;
}

static const char *
item_uid(size_t i)
{
	return sort_items[i].uid;
}

static int
cmp_index(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	int c = strcmp(sort_uid(i), sort_uid(j));

	return c ? c : (i > j) - (i < j);
}

static size_t *
sorted_index(size_t n, const char *(*uid)(size_t))
{
	size_t *order = xcalloc(n + 1, sizeof *order);

	for (size_t i = 0; i < n; i++)
		order[i] = i;
	sort_uid = uid;
	qsort(order, n, sizeof *order, cmp_index);
	return order;
}

/* The first position in ORDER whose uid (by UID_OF) is not below UID. */
static size_t
lower_bound(const size_t *order, size_t n, const char *(*uid_of)(size_t), const char *uid)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(uid_of(order[mid]), uid) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static struct caldav_action *
push(struct caldav_action **v, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	memset(&(*v)[*n], 0, sizeof **v);
	return &(*v)[(*n)++];
}

void
caldav_plan(const struct caldav_item *items, size_t n_items,
	    const struct caldav_resource *server, size_t n_server,
	    const struct caldav_event *state, size_t n_state,
	    caldav_classify_fn classify, void *arg,
	    struct caldav_action **v, size_t *n)
{
	size_t *sorder, *iorder, cap = 0, p;
	bool *taken = xcalloc(n_server + 1, sizeof *taken);

	*v = NULL;
	*n = 0;
	sort_server = server;
	sort_items = items;
	sorder = sorted_index(n_server, server_uid);
	iorder = sorted_index(n_items, item_uid);

	for (size_t i = 0; i < n_items; i++) {
		const struct caldav_event *st = state_find(state, n_state, items[i].uid);
		struct caldav_action *a = push(v, n, &cap);
		size_t k = SIZE_MAX;

		p = lower_bound(sorder, n_server, server_uid, items[i].uid);
		for (; p < n_server && strcmp(server[sorder[p]].uid, items[i].uid) == 0; p++)
			if (!taken[sorder[p]]) {
				k = sorder[p];
				break;
			}
		a->item = i;
		a->uid = items[i].uid;
		if (k == SIZE_MAX) {
			a->op = CALDAV_CREATE;
			a->etag = "";
			continue;
		}
		taken[k] = true;
		a->href = server[k].href;
		a->etag = server[k].etag;
		a->op = st != NULL && st->sequence == items[i].sequence &&
			(st->etag[0] == '\0' || strcmp(st->etag, server[k].etag) == 0) &&
			(items[i].digest == NULL || server[k].digest == NULL ||
			 strcmp(items[i].digest, server[k].digest) == 0) ?
			CALDAV_UNCHANGED : CALDAV_UPDATE;
	}
	/* Listed resources no item claimed, in listing order. */
	for (size_t k = 0; k < n_server; k++) {
		const struct caldav_resource *r = &server[k];
		struct caldav_action *a;
		bool del;

		if (taken[k] || r->uid[0] == '\0')
			continue;
		p = lower_bound(iorder, n_items, item_uid, r->uid);
		/* A second resource with an item's UID: the item took the first. */
		del = p < n_items && strcmp(items[iorder[p]].uid, r->uid) == 0;
		if (!del) {
			switch (classify(arg, r->uid)) {
			case CALDAV_SHIFT_ACTIVE:
				break;
			case CALDAV_SHIFT_CANCELLED:
				del = true;
				break;
			case CALDAV_SHIFT_NONE:
				del = state_find(state, n_state, r->uid) != NULL;
				break;
			}
		}
		if (!del)
			continue;
		a = push(v, n, &cap);
		a->op = CALDAV_DELETE;
		a->uid = r->uid;
		a->href = r->href;
		a->etag = r->etag;
	}
	/* Recorded events the server no longer lists (and no item puts back). */
	for (size_t j = 0; j < n_state; j++) {
		const char *uid = state[j].uid;
		struct caldav_action *a;

		p = lower_bound(sorder, n_server, server_uid, uid);
		if (p < n_server && strcmp(server[sorder[p]].uid, uid) == 0)
			continue;
		p = lower_bound(iorder, n_items, item_uid, uid);
		if (p < n_items && strcmp(items[iorder[p]].uid, uid) == 0)
			continue;
		a = push(v, n, &cap);
		a->op = CALDAV_FORGET;
		a->uid = uid;
		a->etag = "";
	}
	free(sorder);
	free(iorder);
	free(taken);
}

/* ---- the publish ---- */

/* What classify_store() reads: the store and the first instant published. */
struct classify_arg {
	struct store *s;
	int64_t from;
};

static enum caldav_shift
classify_store(void *arg, const char *uid)
{
	const struct classify_arg *ca = arg;
	bool cancelled = false;
	int64_t start;
	int r;

	/* A window has no row of its own: one that began before the
	 * published range has left it, as a past shift does; a later one
	 * that is not published any more is gone. */
	if (feed_window_uid_start(uid, &start) == 0)
		return start < ca->from ? CALDAV_SHIFT_ACTIVE : CALDAV_SHIFT_NONE;
	r = store_shift_uid_state(ca->s, uid, &cancelled);

	if (r == STORE_NOT_FOUND)
		return CALDAV_SHIFT_NONE;
	if (r != 0)                     /* printed; keep the event, the commit fails */
		return CALDAV_SHIFT_ACTIVE;
	return cancelled ? CALDAV_SHIFT_CANCELLED : CALDAV_SHIFT_ACTIVE;
}

/* The collection's path followed by UID, percent-encoded, and ".ics". */
static char *
new_href(const struct caldav *c, const char *uid)
{
	CURLU *u = curl_url();
	char *path = NULL, *out, *o;
	size_t plen;

	if (u == NULL || curl_url_set(u, CURLUPART_URL, c->url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PATH, &path, 0) != CURLUE_OK) {
		curl_url_cleanup(u);
		path = NULL;
	}
	plen = path ? strlen(path) : 0;
	out = o = xmalloc(plen + 3 * strlen(uid) + 8);
	if (path != NULL) {
		memcpy(o, path, plen);
		o += plen;
	}
	for (const unsigned char *p = (const unsigned char *)uid; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' || *p == '_' || *p == '~')
			*o++ = (char)*p;
		else
			o += sprintf(o, "%%%02X", *p);
	}
	strcpy(o, ".ics");
	curl_free(path);
	curl_url_cleanup(u);
	return out;
}

static int
record(struct caldav *c, struct store *s, const char *uid, const char *href,
       const char *etag, int sequence)
{
	struct caldav_event e;

	memset(&e, 0, sizeof e);
	if (strlen(uid) >= sizeof e.uid || strlen(href) >= sizeof e.href)
		return rota_fail(EX_SOFTWARE, "CalDAV href of %s too long to record", uid);
	strcpy(e.uid, uid);
	strcpy(e.href, href);
	if (strlen(etag) < sizeof e.etag)
		strcpy(e.etag, etag);
	e.sequence = sequence;
	return store_caldav_put(s, c->url, &e);
}

/* PUTs ITEM at HREF (NULL: a new resource, named after its UID), with
 * If-Match: ETAG, or If-None-Match: * when new. A 412 is resolved once by
 * re-reading the resource's ETag. */
static int
put_event(struct caldav *c, struct store *s, const struct caldav_item *it,
	  const char *href, const char *etag, struct caldav_summary *sum)
{
	bool create = href == NULL;
	char *h = create ? new_href(c, it->uid) : xstrdup(href);
	char *tag = xstrdup(etag ? etag : ""), *cond = NULL, *url = NULL;
	int rc = 0;

	for (int attempt = 0;; attempt++) {
		struct http_response r;

		free(cond);
		free(url);
		cond = create ? xstrdup("If-None-Match: *") :
			tag[0] ? xasprintf("If-Match: %s", tag) : NULL;
		url = resolve(c, h);
		const char *hd[] = { "Content-Type: text/calendar; charset=utf-8", "Expect:",
				     cond, NULL };

		rc = request(c, "PUT", url, hd, it->ics, &r);
		if (rc != 0)
			break;
		if (r.status >= 200 && r.status < 300) {
			rc = record(c, s, it->uid, h, r.etag ? r.etag : "", it->sequence);
			if (create)
				sum->put++;
			else
				sum->updated++;
			http_response_free(&r);
			break;
		}
		if (r.status != 412 || attempt > 0) {
			rc = r.status == 412 ?
				rota_fail(EX_TEMPFAIL, "the event %s keeps changing on the CalDAV "
					  "server (%s): try again later", it->uid, url) :
				status_error(c, "PUT", url, &r);
			http_response_free(&r);
			break;
		}
		http_response_free(&r);
		/* Someone else wrote it since it was listed: read it again. */
		free(tag);
		rc = reread(c, h, &tag);
		if (rc != 0 && rc != STORE_NOT_FOUND)
			break;
		if (rc == STORE_NOT_FOUND)
			tag = xstrdup("");
		rota_warn("the event %s was %s on the CalDAV server since rota listed it; "
			  "rota's version replaces it", it->uid,
			  rc == STORE_NOT_FOUND ? "removed" : create ? "created" : "changed");
		create = rc == STORE_NOT_FOUND;
		sum->conflicts++;
		rc = 0;
	}
	free(cond);
	free(url);
	free(tag);
	free(h);
	return rc;
}

/* DELETEs the event at HREF with If-Match: ETAG; gone already is fine. */
static int
delete_event(struct caldav *c, struct store *s, const char *uid, const char *href,
	     const char *etag, struct caldav_summary *sum)
{
	char *tag = xstrdup(etag), *url = resolve(c, href), *cond = NULL;
	int rc = 0;

	for (int attempt = 0;; attempt++) {
		struct http_response r;

		free(cond);
		cond = tag[0] ? xasprintf("If-Match: %s", tag) : NULL;
		const char *hd[] = { "Expect:", cond, NULL };

		rc = request(c, "DELETE", url, hd, NULL, &r);
		if (rc != 0)
			break;
		if ((r.status >= 200 && r.status < 300) || r.status == 404 || r.status == 410) {
			rc = store_caldav_remove(s, c->url, uid);
			if (rc == STORE_NOT_FOUND)
				rc = 0;
			sum->deleted++;
			http_response_free(&r);
			break;
		}
		if (r.status != 412 || attempt > 0) {
			rc = r.status == 412 ?
				rota_fail(EX_TEMPFAIL, "the event %s keeps changing on the CalDAV "
					  "server (%s): try again later", uid, url) :
				status_error(c, "DELETE", url, &r);
			http_response_free(&r);
			break;
		}
		http_response_free(&r);
		free(tag);
		rc = reread(c, href, &tag);
		if (rc == STORE_NOT_FOUND) {
			rc = store_caldav_remove(s, c->url, uid);
			if (rc == STORE_NOT_FOUND)
				rc = 0;
			sum->deleted++;
			break;
		}
		if (rc != 0)
			break;
		rota_warn("the event %s was changed on the CalDAV server since rota listed it; "
			  "deleting it all the same (its shift is gone)", uid);
		sum->conflicts++;
	}
	free(cond);
	free(tag);
	free(url);
	return rc;
}

int
caldav_sync(struct caldav *c, struct store *s, const struct caldav_item *items,
	    size_t n_items, int64_t from, struct caldav_summary *sum)
{
	struct classify_arg ca = { s, from };
	struct caldav_resource *server = NULL;
	struct caldav_event *state = NULL;
	struct caldav_action *plan = NULL;
	size_t n_server = 0, n_state = 0, n_plan = 0;
	int rc;

	memset(sum, 0, sizeof *sum);
	if ((rc = caldav_list(c, &server, &n_server)) != 0)
		return rc;
	if ((rc = store_caldav_list(s, c->url, &state, &n_state)) != 0) {
		caldav_resources_free(server, n_server);
		return rc;
	}
	caldav_plan(items, n_items, server, n_server, state, n_state, classify_store, &ca,
		    &plan, &n_plan);
	for (size_t i = 0; i < n_plan && rc == 0; i++) {
		const struct caldav_action *a = &plan[i];
		const struct caldav_item *it = &items[a->item];
		const struct caldav_event *st;

		switch (a->op) {
		case CALDAV_UNCHANGED:
			sum->unchanged++;
			st = state_find(state, n_state, a->uid);
			if (st != NULL && (strcmp(st->etag, a->etag) != 0 ||
					   strcmp(st->href, a->href) != 0))
				rc = record(c, s, a->uid, a->href, a->etag, it->sequence);
			break;
		case CALDAV_CREATE:
			rc = put_event(c, s, it, NULL, NULL, sum);
			break;
		case CALDAV_UPDATE:
			st = state_find(state, n_state, a->uid);
			if (st != NULL && st->sequence == it->sequence)
				rota_warn("the event %s was changed on the CalDAV server; "
					  "rota's version replaces it", a->uid);
			rc = put_event(c, s, it, a->href, a->etag, sum);
			break;
		case CALDAV_DELETE:
			rc = delete_event(c, s, a->uid, a->href, a->etag, sum);
			break;
		case CALDAV_FORGET:
			rc = store_caldav_remove(s, c->url, a->uid);
			if (rc == STORE_NOT_FOUND)
				rc = 0;
			break;
		}
	}
	free(plan);
	free(state);
	caldav_resources_free(server, n_server);
	return rc;
}
