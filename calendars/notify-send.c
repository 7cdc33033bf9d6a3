/* Notifications on the wire (see notify-send.h). */
#include "config.h"

#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#include "calendars/notify-message.h"
#include "calendars/notify-send.h"

/* Only these schemes, whatever the URL says (no file://, no redirects). */
static void
allow(CURL *h, const char *schemes)
{
#if LIBCURL_VERSION_NUM >= 0x075500   /* 7.85: CURLOPT_PROTOCOLS_STR */
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, schemes);
#else
	long bits = 0;

	if (strstr(schemes, "http") != NULL)
		bits |= CURLPROTO_HTTP | CURLPROTO_HTTPS;
	if (strstr(schemes, "smtp") != NULL)
		bits |= CURLPROTO_SMTP | CURLPROTO_SMTPS;
	curl_easy_setopt(h, CURLOPT_PROTOCOLS, bits);
#endif
}

static void
common_options(CURL *h, const struct notify_config *c)
{
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, c->timeout_seconds);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, c->timeout_seconds);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	if (c->ca_file != NULL)
		curl_easy_setopt(h, CURLOPT_CAINFO, c->ca_file);
	curl_easy_setopt(h, CURLOPT_USERAGENT, "rota/" PACKAGE_VERSION);
}

static size_t
discard(char *p, size_t size, size_t n, void *data)
{
	(void)p;
	(void)data;
	return size * n;
}

int
send_webhook(const struct notify_config *c, const char *payload, char *err, size_t errlen)
{
	struct curl_slist *headers = NULL;
	long status = 0;
	CURLcode res;
	CURL *h;

	if ((h = curl_easy_init()) == NULL) {
		snprintf(err, errlen, "cannot start libcurl");
		return -1;
	}
	headers = curl_slist_append(headers, "Content-Type: application/json");
	allow(h, "http,https");
	common_options(h, c);
	curl_easy_setopt(h, CURLOPT_URL, c->webhook_url);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(h, CURLOPT_POSTFIELDS, payload);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
	res = curl_easy_perform(h);
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	curl_slist_free_all(headers);
	curl_easy_cleanup(h);
	/* curl's own error buffer names the host and port: the webhook's
	 * address is a secret, so only the generic text is given. */
	if (res != CURLE_OK) {
		snprintf(err, errlen, "%s", curl_easy_strerror(res));
		return -1;
	}
	if (status < 200 || status > 299) {
		snprintf(err, errlen, "HTTP %ld", status);
		return -1;
	}
	return 0;
}

struct reader {
	const char *p;
	size_t left;
};

static size_t
read_message(char *buf, size_t size, size_t n, void *data)
{
	struct reader *r = data;
	size_t k = size * n < r->left ? size * n : r->left;

	memcpy(buf, r->p, k);
	r->p += k;
	r->left -= k;
	return k;
}

int
send_mail(const struct notify_config *c, const char *rcpt, const char *message,
	  char *err, size_t errlen)
{
	struct reader rd = { message, strlen(message) };
	struct curl_slist *to = NULL;
	char from[EMAIL_MAX + 2], addr[EMAIL_MAX], who[EMAIL_MAX + 2];
	long status = 0;
	CURLcode res;
	CURL *h;

	if (mail_address(c->from, addr, sizeof addr) != 0) {
		snprintf(err, errlen, "[notify] from holds no address");
		return -1;
	}
	if ((h = curl_easy_init()) == NULL) {
		snprintf(err, errlen, "cannot start libcurl");
		return -1;
	}
	snprintf(from, sizeof from, "<%s>", addr);
	snprintf(who, sizeof who, "<%s>", rcpt);
	to = curl_slist_append(to, who);
	allow(h, "smtp,smtps");
	common_options(h, c);
	curl_easy_setopt(h, CURLOPT_URL, c->smtp_url);
	if (c->starttls)
		curl_easy_setopt(h, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
	if (c->username != NULL) {
		curl_easy_setopt(h, CURLOPT_USERNAME, c->username);
		curl_easy_setopt(h, CURLOPT_PASSWORD, c->password != NULL ? c->password : "");
	}
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, to);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, read_message);
	curl_easy_setopt(h, CURLOPT_READDATA, &rd);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	res = curl_easy_perform(h);
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	curl_slist_free_all(to);
	curl_easy_cleanup(h);
	if (res != CURLE_OK) {
		if (status >= 400)
			snprintf(err, errlen, "SMTP %ld: %s", status, curl_easy_strerror(res));
		else
			snprintf(err, errlen, "%s", curl_easy_strerror(res));
		return -1;
	}
	return 0;
}
