/* fuzz_text.c — libFuzzer target: the text reader and the text stage. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  return fuzz_read(data, size, TD_FORMAT_TEXT);
}
