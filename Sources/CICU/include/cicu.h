#ifndef CICU_H
#define CICU_H
/*
 * A thin C shim over ICU 72's break iterators.
 *
 * The header deliberately uses no ICU type: Foundation on Linux carries its
 * own ICU (76) whose C types clash with the system ICU's when both are
 * visible to Swift. Handles are opaque; text is UTF-16 owned by the caller.
 */
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** An opaque break iterator. Not thread-safe: use one per task. */
typedef struct cicu_brk cicu_brk;

/** Iterator kinds. */
enum {
    CICU_BRK_CHARACTER = 0,
    CICU_BRK_WORD = 1,
    CICU_BRK_LINE = 2,
    CICU_BRK_SENTENCE = 3
};

/** Word rule-status ranges reported by cicu_brk_rule_status (ICU's UWordBreak). */
enum {
    CICU_WORD_NONE = 0,
    CICU_WORD_NUMBER = 100,
    CICU_WORD_LETTER = 200,
    CICU_WORD_KANA = 300,
    CICU_WORD_IDEO = 400
};

/** Opens an iterator of `kind` for `locale` (e.g. "zh"). Returns NULL and sets
 *  *status > 0 on failure; warnings (status < 0) are not failures. */
cicu_brk *cicu_brk_open(int32_t kind, const char *locale, int32_t *status);

/** Sets the UTF-16 text (not copied: it must outlive the iterator's use). */
void cicu_brk_set_text(cicu_brk *brk, const uint16_t *text, int32_t length, int32_t *status);

/** Returns the first boundary (always 0). */
int32_t cicu_brk_first(cicu_brk *brk);

/** Returns the next boundary, or -1 when done. */
int32_t cicu_brk_next(cicu_brk *brk);

/** Returns the rule status of the boundary just returned. */
int32_t cicu_brk_rule_status(cicu_brk *brk);

/** Closes the iterator. NULL is allowed. */
void cicu_brk_close(cicu_brk *brk);

/** The ICU version string, e.g. "72.1". */
const char *cicu_version(void);

#ifdef __cplusplus
}
#endif
#endif
