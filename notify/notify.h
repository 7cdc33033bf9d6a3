/* Notifications: what is due, the record of what was sent, and sending it.
 *
 * Every notice is recorded before it is sent, as rows of the notifications
 * table (one per channel and recipient, each with a unique dedup key), and
 * sent from there; so a notice is sent once, and one that failed is sent by
 * a later run.
 *
 *   rota notify  = notify_run():
 *     1. one transaction: find what is due now (handoffs within
 *        [notify] lead_minutes, swap requests opened and answered within
 *        [notify] catch_up_hours, shift news) and add a row for each
 *        channel and recipient whose dedup key is new; commit;
 *     2. for each row still pending or failed, oldest first: send it, then
 *        record the outcome of that row alone (sent with its time, or
 *        failed with the reason and one more attempt), each in its own
 *        statement, committed at once.
 *   A failure leaves its row failed (retried next run) and never undoes
 *   the rows sent before it. A crash between a send and its record sends
 *   that one message again next run: at least once, never lost. Two runs
 *   at once could both send a row: the systemd unit (a oneshot service)
 *   never overlaps itself.
 *
 * Dedup keys of the rows: the notice's key (notify/notify-message.h),
 * then "/email/HANDLE" or "/webhook".
 *
 * -- Shift news --
 *
 * Not a log of changes but a comparison: the store keeps each week's
 * parts as the last run told them (store_told_changed and friends), and
 * a run tells every week whose parts from now on differ from those, in
 * one notice named by the run ("shifts:RUN", a row of notify_runs), then
 * records the weeks as told in the same transaction. So any code that
 * changes shifts is covered without telling notify, several changes
 * between runs are told as their net effect, and a change is told once.
 *
 * -- Burnout alerts --
 *
 * rota notify itself enqueues every indicator red in the reporting month
 * so far (reports/findings.h, monthly_red); notify_burnout enqueues one
 * alert of the caller's:
 *
 *   struct burnout_alert a = { .handle = "ana", .indicator = "sleep_interruptions",
 *           .month = "2027-03", .status = "red",
 *           .text = "7 sleep interruptions this month; red from 5." };
 *   r = notify_burnout(store, cfg, &a, now);
 *
 * enqueues the alert inside the caller's transaction (nothing is sent:
 * the next rota notify sends it), by email to every manager; never to the
 * chat webhook, since it is about a person's health. Its key is
 * "burnout:PERSON:INDICATOR:YYYY-MM": the same alert enqueued again, by a
 * re-run report say, adds nothing. With email off in [notify] it records
 * nothing. Returns 0, or an exit status after printing why (EX_CONFIG for
 * a bad [notify] section, the store's status). */
#ifndef ROTA_NOTIFY_H
#define ROTA_NOTIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "notify/notify-message.h"
#include "notify/notify-send.h"
#include "common/config.h"
#include "store/store.h"

/* Reads [notify]. FOR_SENDING also requires and reads what sending needs
 * (the addresses, the SMTP password from $ROTA_SMTP_PASSWORD or
 * password_file, the webhook URL from $ROTA_WEBHOOK_URL or webhook_url).
 * 0 or EX_CONFIG after printing why. Free with notify_config_free. */
int notify_config_load(const struct config *cfg, bool for_sending,
		       struct notify_config *c);
void notify_config_free(struct notify_config *c);

/* Adds the rows of notice N for the channels on in C (an email per
 * recipient with an address, the chat line once); *added (may be NULL) is
 * raised by the number of new rows. */
int notify_enqueue(struct store *s, const struct notify_config *c,
		   const struct notice *n, int64_t now, size_t *added);

/* Step 1 above, without its transaction. */
int notify_collect(struct store *s, const struct notify_config *c, int64_t now,
		   size_t *added);

/* The burnout alert API (see above). */
int notify_burnout(struct store *s, const struct config *cfg,
		   const struct burnout_alert *a, int64_t now);

/* What one run did: the rows it handled, with their state after it. */
struct notify_outcome {
	struct notification *v;         /* store_notification_free(v, n) */
	size_t n;
	size_t added;                   /* new rows this run */
	size_t failed;                  /* rows whose send failed this run */
};

/* rota notify: steps 1 and 2. DRY_RUN: step 1 in a transaction rolled
 * back, nothing sent; the outcome lists what would be sent (pending). 0,
 * or an exit status (a failed send is not one: see out->failed). */
int notify_run(struct store *s, const struct notify_config *c, int64_t now,
	       bool dry_run, struct notify_outcome *out);

#endif
