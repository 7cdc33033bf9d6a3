#include "config.h"

#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/actor.h"
#include "common/err.h"

/* While nobody is a manager, everyone is: the first manager added ends it. */
static int
bootstrapping(struct ctx *ctx, bool *yes)
{
	int64_t managers;
	int r = store_manager_count(ctx->db, &managers);

	*yes = r == 0 && managers == 0;
	return r;
}

int
actor_resolve(struct ctx *ctx, const char *as)
{
	struct actor *a = &ctx->actor;
	struct passwd *pw = getpwuid(getuid());
	struct person login_person;
	bool bootstrap;
	int r;

	snprintf(a->login, sizeof a->login, "%s", pw ? pw->pw_name : "unknown");
	a->root = getuid() == 0;
	snprintf(a->label, sizeof a->label, "%s", a->login);
	if (ctx->db == NULL)
		return 0;
	r = store_person_get(ctx->db, a->login, &login_person);
	if (r > STORE_NOT_FOUND)
		return r;
	if (r == 0) {
		a->known = true;
		a->person = login_person;
	}
	if ((r = bootstrapping(ctx, &bootstrap)) != 0)
		return r;
	a->privileged = a->root || bootstrap || (a->known && login_person.is_manager);
	if (as == NULL)
		return 0;
	if (!a->privileged)
		return rota_fail(EX_NOPERM, "--as: only managers and root may act "
				 "for someone else (you are %s)", a->login);
	r = store_person_get(ctx->db, as, &a->person);
	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "--as: unknown person '%s' (see rota person list)", as);
	if (r != 0)
		return r;
	a->known = true;
	/* Acting as someone is acting with their rights: root or a manager
	 * acting as a volunteer may do what that volunteer may, no more. */
	a->privileged = a->person.is_manager || bootstrap;
	if (strcmp(as, a->login) != 0)
		snprintf(a->label, sizeof a->label, "%s as %s", a->login, as);
	return 0;
}

int
actor_become(struct ctx *ctx, const char *handle)
{
	struct actor *a = &ctx->actor;
	bool bootstrap;
	int r = store_person_get(ctx->db, handle, &a->person);

	if (r == STORE_NOT_FOUND)
		return rota_fail(EX_DATAERR, "unknown person '%s' (see rota person list)", handle);
	if (r != 0 || (r = bootstrapping(ctx, &bootstrap)) != 0)
		return r;
	snprintf(a->login, sizeof a->login, "%s", handle);
	snprintf(a->label, sizeof a->label, "%s", handle);
	a->root = false;
	a->known = true;
	a->privileged = a->person.is_manager || bootstrap;
	return 0;
}
