/* kt_text.h: text from the data made safe to show a person.
 *
 * Names, ids and messages come from files keten did not write.  Printed raw, an ESC clears a
 * terminal, a CR or LF forges a line of its own ("file:1: error ..."), and a control character
 * makes an SVG title or a Markdown line something else.  Every writer of text for people
 * (tables, diagnostics, Markdown, CSV, diagram names) passes data through kt_text_escape().
 * JSON needs none of this: cJSON escapes every control character itself. */
#ifndef KT_TEXT_H
#define KT_TEXT_H

#include <stddef.h>

/* Write s through put(ctx, bytes, n, escaped), with each control character written as visible text
 * (a call of its own, escaped 1; the text between, escaped 0):
 * LF, CR and TAB as \n \r \t; other C0 bytes and DEL as \xHH; C1 controls (U+0080-U+009F,
 * which some terminals obey) as \u0080-\u009f; a byte that is not valid UTF-8 as \xHH.  All
 * other text, including any valid UTF-8, is written as it is.  Complexity: O(strlen(s)). */
void kt_text_escape(const char *s, void (*put)(void *ctx, const char *bytes, size_t n, int escaped), void *ctx);

/* Whether s needs kt_text_escape() at all (the common answer is no).  O(strlen(s)). */
int kt_text_needs_escape(const char *s);

/* Length (1-4) of the valid UTF-8 character at s, or 0 when the bytes there are not one (no
 * overlong forms, surrogates, U+FFFE/U+FFFF, or code points above U+10FFFF). */
size_t kt_text_utf8_len(const unsigned char *s);

#endif
