/* rota key add: let a person reach rota serve with an SSH key. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli/cmd.h"
#include "cli/keys.h"
#include "cli/util.h"
#include "common/err.h"
#include "common/out.h"
#include "service/keys.h"

/* Reads at most KEY_INPUT_MAX + 1 bytes of FILE, or of standard input for
 * "-": enough to tell a key from something too long for one. */
static int
read_input(const char *file, char *buf, size_t *len)
{
	FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "rb");
	int r = 0;

	if (f == NULL)
		return rota_fail(errno == ENOENT ? EX_NOINPUT : EX_NOPERM, "cannot read %s: %s",
				 file, strerror(errno));
	*len = fread(buf, 1, KEY_INPUT_MAX + 1, f);
	if (ferror(f))
		r = rota_fail(EX_IOERR, "cannot read %s: %s", f == stdin ? "standard input" : file,
			      strerror(errno));
	if (f != stdin)
		fclose(f);
	return r;
}

static int
exec_key_add(struct ctx *ctx, int argc, char **argv)
{
	struct svc s = cmd_svc(ctx);
	static char buf[KEY_INPUT_MAX + 1];
	static struct ssh_key k;
	size_t len = 0;
	int r;

	if (argc != 3)
		return cmd_usage_error(ctx, "key add takes a HANDLE and a FILE (- for standard "
				       "input)");
	if ((r = read_input(argv[2], buf, &len)) != 0 ||
	    (r = key_add(&s, argv[1], buf, len, strcmp(argv[2], "-") ? argv[2] :
			 "standard input", &k)) != 0)
		return r;
	print_key(&k);
	out_note("Added: %s logs in with it as %s (rota serve %s).", k.handle, k.handle,
		 k.handle);
	return 0;
}

const struct cmd_entry cmd_key_add_entry = {
	.name = "key add",
	.args = "HANDLE FILE|-",
	.summary = "let a person reach rota over SSH with a key (managers)",
	.help = "  HANDLE   the person the key is for\n"
		"  FILE     a public key (.pub file: TYPE BASE64 [COMMENT], one line);\n"
		"           - reads it from standard input\n"
		"Checks the key with ssh-keygen -l, records it and rewrites the service\n"
		"account's authorized_keys ([serve] authorized_keys in rota.conf, default\n"
		"~/.ssh/authorized_keys of the user running rota) with the line\n"
		"  command=\"BINDIR/rota serve HANDLE\",restrict TYPE BASE64 COMMENT\n"
		"([serve] command replaces BINDIR/rota), keeping every line rota did not\n"
		"write. Refused (65, nothing changed): several keys, options before the\n"
		"key, a private key, anything that is not a public key, and a key that is\n"
		"already someone's. With --json: {handle, type, fingerprint, comment}.\n",
	.flags = CMD_WRITE,
	.exec = exec_key_add,
};
