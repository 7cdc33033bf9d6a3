/* Writing a libxml2 HTML document to a stream, every result checked: the
 * one HTML writer of the monthly report and the published index. */
#ifndef ROTA_HTML_SAVE_H
#define ROTA_HTML_SAVE_H

#include <stdio.h>

#include <libxml/HTMLtree.h>

/* Writes DOC to F as libxml2's htmlDocDumpMemoryFormat() would (indented,
 * non-ASCII as character references). Text that is not valid UTF-8 (a
 * database edited by hand) is first repaired in DOC, each bad byte
 * becoming U+FFFD as in every JSON output (utf8_repaired), so libxml2's
 * encoder never fails on it ("I/O error : encoder error" used to end the
 * page in the middle). The page is made whole in memory before its first
 * byte is written: should libxml2 fail all the same, nothing is written
 * and EX_IOERR is returned after printing "cannot write NAME: REASON". A
 * failed write to F returns 0 with F's error set: F's owner reports it
 * with its reason (atomic_close(), out_finish()). */
int html_save(htmlDocPtr doc, FILE *f, const char *name);

#endif
