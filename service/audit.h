/* The audit trail as each reader may see it. Managers and root read every
 * event whole; anyone else reads nobody else's private data (DESIGN.md,
 * "Who may do what"): the reason of someone else's leave and the source
 * (a file or a calendar's secret URL) of someone else's leave import are
 * left out of the event's before and after. See service/service.h for the
 * conventions. */
#ifndef ROTA_SERVICE_AUDIT_H
#define ROTA_SERVICE_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "service/service.h"

/* The events from SINCE on (INT64_MIN: all), oldest first, only those
 * about OBJECT when it is not NULL, with what the actor may not read left
 * out. Free *V with store_audit_free. */
int audit_list(const struct svc *s, int64_t since, const char *object,
	       struct audit_event **v, size_t *n);
/* The same events, each handed to FN (a struct audit_event) as it is
 * read: nothing held. */
int audit_each(const struct svc *s, int64_t since, const char *object, store_row_fn *fn,
	       void *arg);

#endif
