/* libFuzzer target of rota.conf (common/config.h, config_load) and of
 * the readers of its values: any bytes in, a configuration or a refusal
 * at FILE:LINE out, never a crash, a leak or an undefined behaviour.
 * Seeds: fuzz/config-seeds/.
 *
 * A file that loads is then read as the commands read it: the pay policy
 * of rotation primary ([rotation "primary"] policy, else "standard"), the
 * schedule settings of primary, the report's zone and thresholds, the feed's
 * settings, the HTTP retry policy of [pagerduty] and [notify] (not for
 * sending: no secrets are read). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "calendars/feed.h"
#include "common/config.h"
#include "fuzz/fuzz.h"
#include "http/http.h"
#include "notify/notify.h"
#include "reports/month.h"
#include "reports/monthly.h"
#include "reports/pay-month.h"
#include "service/plan.h"

static void
read_values(const struct config *cfg)
{
	const int64_t now = 1798804800;         /* 2027-01-01 12:00 UTC */
	const char *policy;
	long line = 0;
	struct pay_policy pay;
	struct plan_settings plan;
	struct ind_thresholds th;
	struct feed_settings feed;
	struct http_retry retry;
	struct notify_config notify = { 0 };
	const struct tz_zone *zone;
	const char *zone_name;

	if ((policy = config_get(cfg, "rotation", "primary", "policy", &line)) == NULL)
		policy = "standard";
	(void)pay_policy_load(cfg, policy, line, &pay);
	(void)plan_settings_get(cfg, "primary", &plan);
	(void)report_zone(cfg, &zone, &zone_name);
	(void)monthly_thresholds(cfg, &th);
	(void)feed_settings_load(cfg, now, &feed);
	(void)http_retry_load(cfg, "pagerduty", &retry);
	if (notify_config_load(cfg, false, &notify) == 0)
		notify_config_free(&notify);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct config *cfg = NULL;

	fuzz_quiet();
	if (config_load(fuzz_file(data, size), &cfg) == 0) {
		read_values(cfg);
		config_free(cfg);
	}
	return 0;
}
