/* SSH keys (issue 23): who may reach `rota serve`, and as whom.
 *
 * The database is the source of truth (store/keys.c: one row a key, one
 * holder a key); the service account's authorized_keys is written from
 * it on every change. rota's lines there have the form
 *
 *   command="CMD serve HANDLE",restrict TYPE BASE64 [COMMENT]
 *
 * (CMD: [serve] command, default BINDIR/rota) and are rewritten in place;
 * every other line (other keys, comments, blank lines) is kept byte for
 * byte, where it was. The file is replaced atomically, mode 0600, and
 * put back as it was when the transaction does not commit: the database
 * and the file change together or not at all. See service/service.h for
 * the conventions. */
#ifndef ROTA_SERVICE_KEYS_H
#define ROTA_SERVICE_KEYS_H

#include <stddef.h>

#include "service/service.h"

/* The most a key's text (a .pub file) may hold, in bytes. */
#define KEY_INPUT_MAX 8192

/* Reads one public key from TEXT (LEN bytes, which may hold anything: a
 * file's content) into OUT's type, blob, comment and fingerprint, checked
 * by ssh-keygen -l. LABEL names the input in messages ("LABEL:LINE: ...").
 * 0, EX_DATAERR naming what is wrong (empty, binary, too long, several
 * lines, options before the key, a private key, not a key), or
 * EX_UNAVAILABLE when ssh-keygen cannot be run. */
int key_parse(const char *text, size_t len, const char *label, struct ssh_key *out);

/* Adds the key in TEXT (see key_parse) to HANDLE (managers only) and
 * rewrites authorized_keys; OUT gets it. EX_DATAERR when the key is
 * already anyone's, in the database or on a line of authorized_keys rota
 * did not write. Audited as key.add. */
int key_add(const struct svc *s, const char *handle, const char *text, size_t len,
	    const char *label, struct ssh_key *out);

/* HANDLE's keys, or everyone's for NULL; a volunteer sees only their own
 * (NULL: theirs; another's handle: EX_NOPERM). Free *V. */
int key_list(const struct svc *s, const char *handle, struct ssh_key **v, size_t *n);

/* Removes HANDLE's key FINGERPRINT, or every key of HANDLE for NULL
 * (managers only), and rewrites authorized_keys; *V gets what was
 * removed (free it). EX_DATAERR when there is no such key. Audited as
 * key.remove, one event a key. */
int key_remove(const struct svc *s, const char *handle, const char *fingerprint,
	       struct ssh_key **v, size_t *n);

/* Removes every key of person P (person remove) and rewrites
 * authorized_keys when there were any. */
int keys_remove_person(const struct svc *s, const struct person *p);

#endif
