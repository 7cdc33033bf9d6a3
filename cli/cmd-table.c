/* The command table of the full program (rota-full): every command. The
 * program users start, `rota`, has a table of its own with the quick
 * read-only commands, and starts this program for every other one
 * (cli/cmd-table-quick.c). */
#include "config.h"

#include <stddef.h>

#include "cli/cmd.h"
#include "cli/remote.h"

/* This program runs every command itself. */
int (*const cmd_elsewhere)(char **argv) = NULL;
int (*const cmd_remote)(const struct config *, const char *, int, char **) = remote_run;

extern const struct cmd_entry cmd_init_entry;
extern const struct cmd_entry cmd_person_add_entry;
extern const struct cmd_entry cmd_person_list_entry;
extern const struct cmd_entry cmd_person_show_entry;
extern const struct cmd_entry cmd_person_set_entry;
extern const struct cmd_entry cmd_person_remove_entry;
/* -- people, offices, holidays, leave -- */
extern const struct cmd_entry cmd_office_add_entry;
extern const struct cmd_entry cmd_office_list_entry;
extern const struct cmd_entry cmd_holiday_add_entry;
extern const struct cmd_entry cmd_holiday_list_entry;
extern const struct cmd_entry cmd_holiday_remove_entry;
extern const struct cmd_entry cmd_leave_add_entry;
extern const struct cmd_entry cmd_leave_list_entry;
extern const struct cmd_entry cmd_leave_remove_entry;
/* -- rotations, terms, schedule -- */
extern const struct cmd_entry cmd_rotation_add_entry;
extern const struct cmd_entry cmd_rotation_set_entry;
extern const struct cmd_entry cmd_rotation_list_entry;
extern const struct cmd_entry cmd_term_add_entry;
extern const struct cmd_entry cmd_term_list_entry;
extern const struct cmd_entry cmd_term_show_entry;
extern const struct cmd_entry cmd_volunteer_join_entry;
extern const struct cmd_entry cmd_volunteer_leave_entry;
extern const struct cmd_entry cmd_schedule_generate_entry;
extern const struct cmd_entry cmd_schedule_show_entry;
extern const struct cmd_entry cmd_schedule_check_entry;
extern const struct cmd_entry cmd_now_entry;
extern const struct cmd_entry cmd_next_entry;
/* -- swaps, overrides, audit -- */
extern const struct cmd_entry cmd_swap_request_entry;
extern const struct cmd_entry cmd_swap_list_entry;
extern const struct cmd_entry cmd_swap_accept_entry;
extern const struct cmd_entry cmd_swap_decline_entry;
extern const struct cmd_entry cmd_swap_cancel_entry;
extern const struct cmd_entry cmd_swap_suggest_entry;
extern const struct cmd_entry cmd_override_entry;
extern const struct cmd_entry cmd_audit_entry;
extern const struct cmd_entry cmd_report_fairness_entry;
/* -- feeds, publish --dir -- */
extern const struct cmd_entry cmd_feed_export_entry;
extern const struct cmd_entry cmd_feed_url_entry;
extern const struct cmd_entry cmd_feed_rotate_token_entry;
extern const struct cmd_entry cmd_publish_entry;
/* -- leave and holiday import -- */
extern const struct cmd_entry cmd_leave_import_entry;
extern const struct cmd_entry cmd_holiday_import_entry;
/* -- caldav -- */
/* -- notify -- */
extern const struct cmd_entry cmd_notify_entry;
/* -- pages -- */
extern const struct cmd_entry cmd_page_import_entry;
extern const struct cmd_entry cmd_page_list_entry;
extern const struct cmd_entry cmd_page_pull_entry;
/* -- pay -- */
extern const struct cmd_entry cmd_pay_entry;
/* -- monthly report -- */
extern const struct cmd_entry cmd_report_monthly_entry;
/* -- ssh keys -- */
extern const struct cmd_entry cmd_key_add_entry;
extern const struct cmd_entry cmd_key_list_entry;
extern const struct cmd_entry cmd_key_remove_entry;
/* -- demo, completion -- */
extern const struct cmd_entry cmd_demo_entry;
extern const struct cmd_entry cmd_completion_entry;
extern const struct cmd_entry cmd_help_entry;
/* -- rota served over SSH -- */
extern const struct cmd_entry cmd_serve_entry;

const struct cmd_entry *const cmd_table[] = {
	&cmd_init_entry,
	&cmd_person_add_entry,
	&cmd_person_list_entry,
	&cmd_person_show_entry,
	&cmd_person_set_entry,
	&cmd_person_remove_entry,
	/* -- people, offices, holidays, leave -- */
	&cmd_office_add_entry,
	&cmd_office_list_entry,
	&cmd_holiday_add_entry,
	&cmd_holiday_list_entry,
	&cmd_holiday_remove_entry,
	&cmd_leave_add_entry,
	&cmd_leave_list_entry,
	&cmd_leave_remove_entry,
	/* -- rotations, terms, schedule -- */
	&cmd_rotation_add_entry,
	&cmd_rotation_set_entry,
	&cmd_rotation_list_entry,
	&cmd_term_add_entry,
	&cmd_term_list_entry,
	&cmd_term_show_entry,
	&cmd_volunteer_join_entry,
	&cmd_volunteer_leave_entry,
	&cmd_schedule_generate_entry,
	&cmd_schedule_show_entry,
	&cmd_schedule_check_entry,
	&cmd_now_entry,
	&cmd_next_entry,
	/* -- swaps, overrides, audit -- */
	&cmd_swap_request_entry,
	&cmd_swap_list_entry,
	&cmd_swap_accept_entry,
	&cmd_swap_decline_entry,
	&cmd_swap_cancel_entry,
	&cmd_swap_suggest_entry,
	&cmd_override_entry,
	&cmd_audit_entry,
	&cmd_report_fairness_entry,
	/* -- feeds, publish --dir -- */
	&cmd_feed_export_entry,
	&cmd_feed_url_entry,
	&cmd_feed_rotate_token_entry,
	&cmd_publish_entry,
	/* -- leave and holiday import -- */
	&cmd_leave_import_entry,
	&cmd_holiday_import_entry,
	/* -- caldav -- */
	/* -- notify -- */
	&cmd_notify_entry,
	/* -- pages -- */
	&cmd_page_import_entry,
	&cmd_page_list_entry,
	&cmd_page_pull_entry,
	/* -- pay -- */
	&cmd_pay_entry,
	/* -- monthly report -- */
	&cmd_report_monthly_entry,
	/* -- ssh keys -- */
	&cmd_key_add_entry,
	&cmd_key_list_entry,
	&cmd_key_remove_entry,
	/* -- demo, completion -- */
	&cmd_demo_entry,
	&cmd_completion_entry,
	&cmd_help_entry,
	&cmd_serve_entry,
	NULL,
};

