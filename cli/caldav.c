/* rota publish --caldav URL. */
#include "config.h"

#include "cli/caldav.h"
#include "cli/util.h"
#include "common/out.h"
#include "service/feeds.h"

int
publish_caldav(struct ctx *ctx, const char *url)
{
	struct svc s = cmd_svc(ctx);
	struct caldav_summary sum;
	int r;

	if ((r = feed_publish_caldav(&s, url, &sum)) != 0)
		return r;
	out_object_begin(NULL);
	out_str("collection", NULL, url);
	out_int("put", NULL, (int64_t)sum.put);
	out_int("updated", NULL, (int64_t)sum.updated);
	out_int("deleted", NULL, (int64_t)sum.deleted);
	out_int("unchanged", NULL, (int64_t)sum.unchanged);
	out_int("conflicts", NULL, (int64_t)sum.conflicts);
	out_object_end();
	out_note("put %zu, updated %zu, deleted %zu, unchanged %zu", sum.put, sum.updated,
		 sum.deleted, sum.unchanged);
	return 0;
}
