/* Notifications on the wire, through libcurl: a POST to a Slack-compatible
 * incoming webhook, and a mail over SMTP (smtp:// with optional STARTTLS,
 * or smtps://), TLS verification always on. */
#ifndef ROTA_NOTIFY_SEND_H
#define ROTA_NOTIFY_SEND_H

#include <stdbool.h>
#include <stddef.h>

/* The [notify] settings that say where and how to send (calendars/notify.c
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
	long lead_minutes;              /* handoff reminders this long before */
	long catch_up_hours;            /* swap news older than this is not told */
	const struct config *cfg;       /* the whole configuration (reports' thresholds) */
};

/* Posts PAYLOAD (JSON) to the webhook. 0, or -1 with a reason in ERR that
 * never holds the URL ("HTTP 500", "Couldn't connect to server"). */
int send_webhook(const struct notify_config *c, const char *payload,
		 char *err, size_t errlen);

/* Sends MESSAGE (RFC 5322, CRLF) to RCPT (a bare address) from c->from's
 * address. 0, or -1 with a reason in ERR. */
int send_mail(const struct notify_config *c, const char *rcpt, const char *message,
	      char *err, size_t errlen);

#endif
