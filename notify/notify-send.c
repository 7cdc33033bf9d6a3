/* Notifications on the wire (see notify-send.h). */
#include "config.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "notify/notify-message.h"
#include "notify/notify-send.h"
#include "http/http.h"

static const struct http_peer webhook = {
	.name = "the webhook",
	.timeout_key = "[notify] timeout_seconds",
	.auth_hint = "check its address ([notify] webhook_url or ROTA_WEBHOOK_URL)",
	.missing_hint = "check its address ([notify] webhook_url or ROTA_WEBHOOK_URL)",
	/* The webhook's address is a secret: never in a message. */
	.secret_url = true,
};

int
send_webhook(const struct notify_config *c, const char *payload, char *err, size_t errlen)
{
	static const char *const headers[] = { "Content-Type: application/json", NULL };
	struct http_request rq = {
		.peer = &webhook, .method = "POST", .url = c->webhook_url, .headers = headers,
		.body = payload, .body_len = strlen(payload), .timeout = c->timeout_seconds,
		.max_bytes = 65536, .ca_file = c->ca_file, .retry = c->retry,
	};
	struct http_response rs;
	char *msg;
	int r = 0;

	if (http_send(&rq, &rs) != HTTP_OK) {
		http_explain(&rq, &rs, &msg);
		snprintf(err, errlen, "%s", msg ? msg : "failed");
		free(msg);
		r = -1;
	}
	http_response_free(&rs);
	return r;
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
	if (http_init() != 0 || (h = curl_easy_init()) == NULL) {
		snprintf(err, errlen, "cannot start libcurl");
		return -1;
	}
	snprintf(from, sizeof from, "<%s>", addr);
	snprintf(who, sizeof who, "<%s>", rcpt);
	to = curl_slist_append(to, who);
#if LIBCURL_VERSION_NUM >= 0x075500   /* 7.85: CURLOPT_PROTOCOLS_STR */
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
#else
	curl_easy_setopt(h, CURLOPT_PROTOCOLS, (long)(CURLPROTO_SMTP | CURLPROTO_SMTPS));
#endif
	http_secure(h, c->timeout_seconds, c->ca_file);
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
