/*
 * fuzz/fuzz_load.c -- libFuzzer target: a whole file through the loader,
 * as every role, shape and export layout would read it. The first byte
 * chooses the options (shape, decimal comma, encoding); the rest is the
 * file. Errors are fine; crashes, leaks and hangs are not.
 */
#include "input/load.h"

#include <glib.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[] = "/tmp/sbfuzz-XXXXXX.csv";
    const char *args[1] = {path};
    input_options o = {0};
    input_report rep = {0};
    sb_dataset *ds = NULL;
    sb_diag diag;
    sb_error err = {0};
    int fd;

    if (size < 1)
        return 0;
    fd = mkstemps(path, 4);
    if (fd < 0)
        return 0;
    if (write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
        close(fd);
        unlink(path);
        return 0;
    }
    close(fd);
    o.layout.shape = (input_shape)(data[0] % 5);
    o.decimal_comma = (data[0] >> 3) & 1;
    o.encoding = (input_encoding)((data[0] >> 4) % 3);
    sb_diag_init(&diag);
    input_load(args, 1, &o, &ds, &rep, &diag, &err);
    sb_dataset_destroy(ds);
    input_report_clear(&rep);
    sb_diag_clear(&diag);
    unlink(path);
    return 0;
}
