/* The team: people, and who volunteers in which term. Each operation
 * checks who may do it, changes the store and writes its audit event (see
 * service/service.h for the conventions). The command line checks the
 * shape of what was typed (a handle's characters, an address, a zone);
 * these decide what may happen. */
#ifndef ROTA_SERVICE_TEAM_H
#define ROTA_SERVICE_TEAM_H

#include <stdbool.h>
#include <stddef.h>

#include "service/service.h"

/* Adds P (managers only); sets p->id. */
int person_add(const struct svc *s, struct person *p);

/* Stores P's new details (p->id names who; everything else is the new
 * value). People may change their own details, managers anyone's. With
 * SET_MANAGER, p->is_manager is asked for too (--manager, --no-manager:
 * managers only, even when it changes nothing); without, it stays. */
int person_set(const struct svc *s, const struct person *p, bool set_manager);

/* Person PERSON_ID's zone, office, sleep hours and manager flag as kept
 * (store_person_history), oldest first, with who made each change. */
int person_history(const struct svc *s, int64_t person_id, struct person_attrs **v,
		   size_t *n);

/* Removes HANDLE (managers only), who must hold no current or future
 * shift (EX_DATAERR saying how to hand them on); their history stays. */
int person_remove(const struct svc *s, const char *handle);

/* The person a command is about: HANDLE, or the actor when HANDLE is
 * NULL. Acting for someone else needs a manager or root (EX_NOPERM, naming
 * WHAT). */
int svc_subject_person(const struct svc *s, const char *what, const char *handle,
		       struct person *out);

/* What volunteer join and leave did. */
struct membership_change {
	struct term term;
	struct rotation rotation;
	struct person person;
	int64_t at;                     /* from when */
	size_t shifts_held;             /* leave: their shifts of the term from now on */
};

/* HANDLE (NULL: the actor; someone else: managers) joins or leaves term
 * TERM from now (or the term's start, when joining before it). A term
 * that has ended is history (EX_DATAERR); the escalation tier takes
 * managers only; joining twice, or leaving a term one is not in, is
 * EX_DATAERR. */
int volunteer_join(const struct svc *s, const char *term, const char *handle,
		   struct membership_change *out);
int volunteer_leave(const struct svc *s, const char *term, const char *handle,
		    struct membership_change *out);

#endif
