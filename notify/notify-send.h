/* Notifications on the wire: a POST to a Slack-compatible incoming
 * webhook through http/http.h (its retry policy, messages and outcomes),
 * and a mail over SMTP with libcurl (smtp:// with optional STARTTLS, or
 * smtps://), TLS verification always on (http_secure). */
#ifndef ROTA_NOTIFY_SEND_H
#define ROTA_NOTIFY_SEND_H

#include <stdbool.h>
#include <stddef.h>

#include "http/http.h"

/* The [notify] settings that say where and how to send (notify/notify.c
 * reads them). Strings are malloc'd, NULL when unset. */
struct config;

struct notify_config {
	bool email, webhook;            /* the channels that are on */
	char *webhook_url;              /* a secret: never printed, never stored */
	char *smtp_url;
	char *from;                     /* "rota <rota@example.com>" */
	char *username, *password;
	char *ca_file;                  /* extra CA bundle, or NULL: the system's */
	bool starttls;                  /* smtp:// must upgrade to TLS */
	long timeout_seconds;
	struct http_retry retry;        /* the webhook's 429 and 503 asked again */
	long lead_minutes;              /* handoff reminders this long before */
	long catch_up_hours;            /* swap news older than this is not told */
	bool shift_news;                /* tell people when their shifts change */
	const struct config *cfg;       /* the whole configuration (reports' thresholds) */
};

/* Posts PAYLOAD (JSON) to the webhook. 0, or -1 with http.h's message in
 * ERR, which never holds the URL ("the webhook answered HTTP 500 Internal
 * Server Error: try again later"). */
int send_webhook(const struct notify_config *c, const char *payload,
		 char *err, size_t errlen);

/* Sends MESSAGE (RFC 5322, CRLF) to RCPT (a bare address) from c->from's
 * address. 0, or -1 with a reason in ERR. */
int send_mail(const struct notify_config *c, const char *rcpt, const char *message,
	      char *err, size_t errlen);

#endif
