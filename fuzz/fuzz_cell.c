/*
 * fuzz/fuzz_cell.c -- libFuzzer target: the cell grammar (input/cell.h)
 * on arbitrary bytes, in both decimal modes. A value that parses must be
 * finite or a marked missing value, and its flags must be letters or '*'.
 */
#include "input/cell.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    input_cell c;
    char msg[200];
    int dc;

    for (dc = 0; dc < 2; dc++) {
        if (input_cell_parse((const char *)data, size, dc, &c, msg,
                             sizeof msg) != 0)
            continue;
        if (c.missing ? !isnan(c.value) : !isfinite(c.value))
            abort();                   /* no inf, no unmarked NaN */
        if (strlen(c.flags) > INPUT_CELL_MAX_FLAGS)
            abort();
    }
    input_cell_digits_after_comma((const char *)data, size);
    return 0;
}
