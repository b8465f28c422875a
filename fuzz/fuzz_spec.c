/*
 * fuzz/fuzz_spec.c -- libFuzzer target: the report spec parser on
 * arbitrary YAML (aliases, nesting, every key). The spec's data paths
 * name files that usually do not exist: an error, never a crash.
 */
#include "cli/spec.h"
#include "input/spec.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[] = "/tmp/sbfuzz-XXXXXX.yaml";
    sb_spec *s = NULL;
    sb_error err = {0};
    int fd = mkstemps(path, 5);

    if (fd < 0)
        return 0;
    if (write(fd, data, size) == (ssize_t)size)
        spec_parse(path, cli_spec_vocab(), &s, &err);
    close(fd);
    spec_destroy(s);
    unlink(path);
    return 0;
}
