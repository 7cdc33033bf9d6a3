/* Writing an HTML document, checked. See html-save.h. */
#include <config.h>  /* autoconf's, not common/config.h */

#include <stdarg.h>

#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>

#include "common/err.h"
#include "common/html-save.h"

/* libxml2's messages during the save: rota prints its own. */
static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int
html_save(htmlDocPtr doc, FILE *f, const char *name)
{
	/* What htmlDocDumpMemoryFormat() uses for a document whose charset
	 * is UTF-8: the "HTML" encoder (ASCII, entities for the rest). */
	xmlCharEncodingHandlerPtr enc = xmlFindCharEncodingHandler("HTML");
	xmlOutputBufferPtr buf;
	int error, flushed;

	if ((buf = xmlOutputBufferCreateFile(f, enc)) == NULL)
		return rota_fail(EX_IOERR, "cannot write %s: libxml2 cannot make an output "
				 "buffer", name);
	xmlSetGenericErrorFunc(NULL, quiet);
	htmlDocContentDumpFormatOutput(buf, doc, NULL, 1);
	flushed = xmlOutputBufferFlush(buf);
	error = buf->error;
	xmlOutputBufferClose(buf);
	xmlSetGenericErrorFunc(NULL, NULL);
	if (error == XML_IO_ENCODER)
		return rota_fail(EX_IOERR, "cannot write %s: text that is not valid UTF-8 "
				 "(libxml2 cannot encode it)", name);
	/* A failed write leaves F's error set: F's owner reports it with
	 * its reason (atomic_close(), out_finish()). */
	if ((error != 0 || flushed < 0) && !ferror(f))
		return rota_fail(EX_IOERR, "cannot write %s: libxml2 error %d", name, error);
	return 0;
}
