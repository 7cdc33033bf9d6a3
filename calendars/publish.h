/* Publishing feeds into a folder that a web server serves (`rota publish
 * --dir`), and the per-person feed tokens.
 *
 * The folder holds:
 *   TOKEN.ics       one personal feed per person (not removed), named by
 *                   the person's feed token: 32 hex digits, 128 bits from
 *                   getrandom(2). The file name is the secret: it appears
 *                   nowhere else in the folder, in no audit event and in
 *                   no output but `rota feed url`.
 *   ROTATION.ics    one feed per rotation, named after it (characters
 *                   other than letters, digits, '.', '_' and '-' become
 *                   '-', and the rotation's id is appended then).
 *   index.html      for managers: who is on call now and next, how far
 *                   each rotation is scheduled, links to the rotation
 *                   feeds; no personal feed links; when it was
 *                   published, in fs->zone. Its name also keeps
 *                   common servers from listing the folder.
 * Every file is written to a temporary file in the folder (common/atomic.h:
 * mode 0600, every write checked); one syncfs(2) puts them all on disk;
 * then each gets its mode 0644 and is renamed over the old one. A failure
 * (a full disk) leaves every old file as it was, and no temporary; those
 * a killed run left are removed by the next before it writes. A reader
 * never sees half a feed, nor a new name before its data are on disk. Personal
 * feeds that no longer belong to anyone (a rotated token, a removed
 * person) are removed. */
#ifndef ROTA_PUBLISH_H
#define ROTA_PUBLISH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "calendars/feed.h"
#include "store/store.h"

#define FEED_TOKEN_LEN 32

/* A new token: FEED_TOKEN_LEN lowercase hex digits and a NUL into BUF
 * (at least FEED_TOKEN_LEN + 1 bytes). 0, or EX_OSERR after printing. */
int feed_token_new(char *buf);

/* Whether TOKEN has the form feed_token_new() makes: a token read back
 * from the database is checked before it names a file (a tampered
 * "../../x" would write outside the folder). */
bool feed_token_valid(const char *token);

/* Whether NAME is a personal feed's file name: 32 hex digits + ".ics". */
int feed_token_file(const char *name);

/* The longest name feed_rotation_files() gives, with its NUL. */
#define FEED_FILE_MAX (NAME_MAX_ + 32)

/* The feed file names of the N rotations ROT ("primary.ics"), into
 * FILE[k] for ROT[k]: the name made safe, with "-ID" when it had to be
 * changed; distinct, the earliest made keeping a name two would share and
 * the later given its id, so a rotation added later never renames another's
 * feed. Documented in rota(1), publish. */
void feed_rotation_files(const struct rotation *rot, size_t n, char (*file)[FEED_FILE_MAX]);

/* Gives the person a feed token if they have none (stored, and copied
 * into p->feed_token). 0 or a store status. */
int feed_token_ensure(struct store *db, struct person *p);

struct publish_stats {
	size_t personal, rotations;       /* feeds written */
	size_t events;                    /* events in the rotation feeds */
	size_t removed;                   /* stale personal feeds removed */
	size_t tokens;                    /* tokens created */
};

/* Called after each file written, with how many of TOTAL are done. */
typedef void (*publish_progress)(size_t done, size_t total, void *arg);

/* Publishes every feed and the index into DIR (created if missing, one
 * level). 0, or an exit status after printing why (73 when DIR or a file
 * in it cannot be created). */
int publish_dir(struct store *db, const struct feed_settings *fs, const char *dir,
		publish_progress progress, void *arg, struct publish_stats *out);

#endif
