#include "cicu.h"
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/uversion.h>

struct cicu_brk {
    UBreakIterator *it;
};

static const UBreakIteratorType kinds[] = {UBRK_CHARACTER, UBRK_WORD, UBRK_LINE, UBRK_SENTENCE};

cicu_brk *cicu_brk_open(int32_t kind, const char *locale, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    if (kind < 0 || kind > 3) {
        *status = U_ILLEGAL_ARGUMENT_ERROR;
        return NULL;
    }
    UBreakIterator *it = ubrk_open(kinds[kind], locale, NULL, 0, &err);
    *status = (int32_t)err;
    if (U_FAILURE(err) || it == NULL) {
        return NULL;
    }
    cicu_brk *brk = (cicu_brk *)malloc(sizeof(cicu_brk));
    if (brk == NULL) {
        ubrk_close(it);
        *status = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    brk->it = it;
    return brk;
}

void cicu_brk_set_text(cicu_brk *brk, const uint16_t *text, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    ubrk_setText(brk->it, (const UChar *)text, length, &err);
    *status = (int32_t)err;
}

int32_t cicu_brk_first(cicu_brk *brk) { return ubrk_first(brk->it); }

int32_t cicu_brk_next(cicu_brk *brk) {
    int32_t b = ubrk_next(brk->it);
    return b == UBRK_DONE ? -1 : b;
}

int32_t cicu_brk_rule_status(cicu_brk *brk) { return ubrk_getRuleStatus(brk->it); }

void cicu_brk_close(cicu_brk *brk) {
    if (brk == NULL) return;
    ubrk_close(brk->it);
    free(brk);
}

const char *cicu_version(void) { return U_ICU_VERSION; }
