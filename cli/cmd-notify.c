/* rota notify: sends the handoff reminders, swap news, shift changes and
 * burnout alerts that are due, each once (notify/notify.h); meant for a
 * timer. */
#include "config.h"

#include <stdlib.h>

#include "notify/notify.h"
#include "cli/cmd.h"
#include "common/err.h"
#include "common/out.h"
#include "common/timefmt.h"

static void
print_row(const struct notification *n)
{
	char created[32], sent[32];

	out_row_begin();
	out_int("id", "ID", n->id);
	out_str("kind", "KIND", n->kind);
	out_str("key", NULL, n->dedup_key);
	out_str("channel", "CHANNEL", n->channel);
	out_str("recipient", "TO", n->recipient);
	out_str("state", "STATE", notification_state_name(n->state));
	out_str("subject", "SUBJECT", n->subject);
	if (out_json()) {
		out_str("body", NULL, n->body);
		out_int("attempts", NULL, n->attempts);
		if (n->last_error[0] != '\0')
			out_str("error", NULL, n->last_error);
		else
			out_null("error", NULL);
		time_format_utc(n->created, created, sizeof created);
		out_str("created", NULL, created);
		if (n->sent != 0) {
			time_format_utc(n->sent, sent, sizeof sent);
			out_str("sent", NULL, sent);
		} else {
			out_null("sent", NULL);
		}
	}
	out_row_end();
}

/* How the table gives way on a narrow terminal (common/out-fit.h): who
 * gets what stays, the subject wrapped under itself; the id goes first,
 * then the channel, the kind and the state; then a long recipient is
 * cut. */
static const struct out_col columns[] = {
	{ "SUBJECT", 0, OUT_WRAP },
	{ "TO", 0, OUT_CUT },
	{ "STATE", 1, OUT_KEEP },
	{ "KIND", 2, OUT_KEEP },
	{ "CHANNEL", 3, OUT_KEEP },
	{ "ID", 4, OUT_KEEP },
	{ NULL, 0, OUT_KEEP },
};

static int
exec_notify(struct ctx *ctx, int argc, char **argv)
{
	struct notify_config c;
	struct notify_outcome o;
	bool dry_run = cmd_flag(ctx, "dry-run");
	int r;

	if (argc != 1)
		return cmd_usage_error(ctx, "notify takes no arguments");
	if ((r = notify_config_load(ctx->cfg, !dry_run, &c)) != 0)
		return r;
	if (!c.email && !c.webhook) {
		notify_config_free(&c);
		return rota_fail(EX_CONFIG, "no channel is on: set email = yes or "
				 "webhook = yes in [notify] (see rota.conf(5))");
	}
	r = notify_run(ctx->db, &c, ctx->now, dry_run, &o);
	out_columns(columns);
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < o.n; i++)
		print_row(&o.v[i]);
	out_list_end();
	if (r == 0 && dry_run)
		out_note("%zu to send (dry run: nothing sent, nothing recorded).", o.n);
	else if (r == 0)
		out_note("%zu sent, %zu failed.", o.n - o.failed, o.failed);
	for (size_t i = 0; i < o.n; i++)
		if (o.v[i].state == NOTIFICATION_FAILED && o.v[i].attempts > 0 && !dry_run)
			(void)rota_fail(EX_TEMPFAIL, "notification %lld (%s to %s) failed: %s", (long long)o.v[i].id,
				  o.v[i].channel, o.v[i].recipient, o.v[i].last_error);
	if (r == 0 && o.failed > 0)
		r = rota_fail(EX_TEMPFAIL, "%zu of %zu notifications failed; they stay due and "
			      "the next rota notify sends them", o.failed, o.n);
	store_notification_free(o.v, o.n);
	notify_config_free(&c);
	return r;
}

const struct cmd_entry cmd_notify_entry = {
	.name = "notify",
	.args = "",
	.options = (const struct cmd_option[]){
		{ "dry-run", 0, NULL, "list what would be sent; send nothing, record nothing",
		  0, 0 },
		{ NULL, 0, NULL, NULL, 0, 0 },
	},
	.summary = "send the reminders, swap news and shift changes due",
	.help = "Sends, by email and/or to a chat webhook as [notify] in rota.conf(5)\n"
		"says: a reminder to the outgoing and the incoming person before each\n"
		"handoff (lead_minutes), a message to the people a swap request asks,\n"
		"one to its requester when it is accepted or declined, a message to\n"
		"each person whose shifts changed since the last run (generate,\n"
		"override, swap; a new term's schedule as one summary a person;\n"
		"nothing that has ended), and the burnout alerts the reports\n"
		"recorded. Each is sent once: what was sent is recorded, and a\n"
		"second run sends nothing new. A send that fails is reported, kept,\n"
		"and sent by the next run; the run then exits 75.\n"
		"Meant for a timer: see rota-notify.timer.\n",
	.exec = exec_notify,
};
