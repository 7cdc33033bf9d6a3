#include "config.h"

#include "cli/keys.h"
#include "common/out.h"

/* A key's fields: headers in capitals in a table, capitalised words in
 * an object's "Header: value" lines, as every rota command prints them. */
static void
key_fields(const struct ssh_key *k, bool row)
{
	out_str("handle", row ? "HANDLE" : "Handle:", k->handle);
	out_str("type", row ? "TYPE" : "Type:", k->type);
	out_str("fingerprint", row ? "FINGERPRINT" : "Fingerprint:", k->fingerprint);
	out_str("comment", row ? "COMMENT" : "Comment:", k->comment);
}

void
print_key(const struct ssh_key *k)
{
	out_object_begin(NULL);
	key_fields(k, false);
	out_object_end();
}

void
print_keys(const struct ssh_key *v, size_t n)
{
	out_list_begin(NULL, NULL);
	for (size_t i = 0; i < n; i++) {
		out_row_begin();
		key_fields(&v[i], true);
		out_row_end();
	}
	out_list_end();
}
