// The declaration in include/CFuzzDriver.h is all this target provides; the definition
// comes from libFuzzer (-sanitize=fuzzer).
#include "CFuzzDriver.h"
