#include "config.h"

#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
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

/* Whether the OS user running rota owns the database file: the service
 * account of a served team (publish and notify from its timer), or the
 * person whose own file it is. Whoever owns the file can change any of it
 * with sqlite3, so rota gives them a manager's rights rather than
 * pretend otherwise. */
static bool
owns_database(const struct ctx *ctx)
{
	struct stat st;

	return ctx->db_path != NULL && stat(ctx->db_path, &st) == 0 && st.st_uid == getuid();
}

/* The actor, whose login is set, acts as the person AS with that
 * person's rights; the audit label says who did it for them when that is
 * someone else. */
static int
act_for(struct ctx *ctx, const char *as, bool bootstrap)
{
	struct actor *a = &ctx->actor;
	int r = store_person_get(ctx->db, as, &a->person);

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
	a->privileged = a->root || bootstrap || owns_database(ctx) ||
			(a->known && login_person.is_manager);
	if (as == NULL)
		return 0;
	if (!a->privileged)
		return rota_fail(EX_NOPERM, "--as: only managers and root may act "
				 "for someone else (you are %s)", a->login);
	return act_for(ctx, as, bootstrap);
}

int
actor_serve(struct ctx *ctx, const char *handle, const char *as)
{
	struct actor *a = &ctx->actor;
	int r;

	memset(a, 0, sizeof *a);
	if ((r = store_person_get(ctx->db, handle, &a->person)) == STORE_NOT_FOUND)
		return rota_fail(EX_NOPERM, "serve: '%s' is no person in rota: the key's "
				 "command=\"rota serve %s\" in authorized_keys names nobody; "
				 "ask a manager", handle, handle);
	if (r != 0)
		return r;
	snprintf(a->login, sizeof a->login, "%s", handle);
	snprintf(a->label, sizeof a->label, "%s", handle);
	a->known = true;
	/* The key's own rights, never the service account's: no root, no
	 * owner of the database, no team being set up. */
	a->privileged = a->person.is_manager;
	if (as == NULL)
		return 0;
	if (!a->person.is_manager)
		return rota_fail(EX_NOPERM, "serve: --as is not allowed here: only managers "
				 "act for someone else (you are %s)", handle);
	return act_for(ctx, as, false);
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
