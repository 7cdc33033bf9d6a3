/* rota override: a manager gives a shift to someone directly. */
#include "config.h"

#include <getopt.h>

#include "cli/cmd.h"
#include "service/shift-check.h"
#include "cli/swaps.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"

static int
exec_override(struct ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	bool force = false;
	struct shift sh, before;
	struct person p;
	struct shift_verdict v;
	char object[48];
	json_t *after;
	int c, r;

	optind = 0;
	while ((c = getopt_long(argc, argv, ":", opts, NULL)) != -1) {
		switch (c) {
		case 'f': force = true; break;
		default: return cmd_bad_option(ctx, c, argv);
		}
	}
	if (optind != argc - 2)
		return cmd_usage_error(ctx, "override takes a SHIFT and a HANDLE");
	if ((r = require_manager(ctx, "override")) != 0 ||
	    (r = find_shift(ctx, argv[optind], 0, &sh)) != 0 ||
	    (r = find_person(ctx, argv[optind + 1], &p)) != 0)
		return r;
	if (sh.end <= ctx->now)
		return rota_fail(EX_DATAERR, "override: shift %lld has ended: the past is "
				 "not rewritten", (long long)sh.id);
	if (sh.person_id == p.id)
		return rota_fail(EX_DATAERR, "shift %lld is already %s's", (long long)sh.id,
				 p.handle);
	if ((r = shift_check(ctx->db, ctx->cfg, &sh, &p, &v)) != 0)
		return r;
	if (v.code != 0 && !force)
		return rota_fail(EX_DATAERR, "%s cannot take shift %lld: %s (use --force to "
				 "override anyway)", p.handle, (long long)sh.id, v.why);
	if (v.code != 0)
		rota_warn("%s takes shift %lld although %s", p.handle, (long long)sh.id, v.why);
	before = sh;
	if ((r = store_shift_assign(ctx->db, sh.id, p.id, ORIGIN_OVERRIDE, ctx->now)) != 0 ||
	    (r = store_swap_close_for_shift(ctx->db, sh.id, ctx->now)) != 0 ||
	    (r = store_shift_get(ctx->db, sh.id, &sh)) != 0)
		return r;
	snprintf(object, sizeof object, "shift %lld", (long long)sh.id);
	after = shift_to_json(&sh);
	if (v.code != 0)
		json_object_set_new(after, "forced", json_string(v.why));
	if ((r = audit(ctx, "shift.override", object, shift_to_json(&before), after)) != 0)
		return r;
	print_shift_object(&sh);
	return 0;
}

const struct cmd_entry cmd_override_entry = {
	.name = "override",
	.args = "SHIFT|DATE HANDLE [--force]",
	.summary = "give a shift to someone directly (managers)",
	.help = "  SHIFT|DATE   the shift's id (rota schedule show), or a time inside it\n"
		"  HANDLE       who takes it\n"
		"  --force      take it even when that breaks a hard rule (leave, other\n"
		"               tier, minimum gap, managers-only tier, membership); the\n"
		"               rule broken is kept in the audit trail\n"
		"\n"
		"The shift is marked as overridden, so re-generating the schedule keeps\n"
		"it; open swap requests for it are cancelled. A shift in progress may be\n"
		"overridden, one that has ended may not.\n",
	.flags = CMD_WRITE,
	.exec = exec_override,
};
