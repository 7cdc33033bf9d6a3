/* jansson with every result checked: see jsonx.h. */
#include <config.h>  /* autoconf's, not common/config.h */

#include <stdlib.h>

#include "common/err.h"
#include "common/escape.h"
#include "common/jsonx.h"

static void __attribute__((noreturn))
failed(const char *key)
{
	rota_fail(EX_SOFTWARE, "cannot build the JSON output%s%s%s", key ? " (at \"" : "",
		  key ? key : "", key ? "\")" : "");
	exit(EX_SOFTWARE);
}

json_t *
jx_string(const char *s)
{
	char *fixed;
	json_t *v;

	if (s == NULL)
		return jx_new(json_null());
	fixed = utf8_repaired(s);
	v = jx_new(json_string(fixed ? fixed : s));
	free(fixed);
	return v;
}

json_t *
jx_new(json_t *v)
{
	if (v == NULL)
		failed(NULL);
	return v;
}

void
jx_set(json_t *object, const char *key, json_t *v)
{
	if (v == NULL || json_object_set_new(object, key, v) != 0)
		failed(key);
}

void
jx_append(json_t *array, json_t *v)
{
	if (v == NULL || json_array_append_new(array, v) != 0)
		failed(NULL);
}
