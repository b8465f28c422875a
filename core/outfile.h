/*
 * core/outfile.h -- every output file is written here: atomically.
 *
 * DESIGN.md, "Outputs": a file is written under a temporary name in its
 * target directory and renamed into place only when complete, so a
 * failed or killed run never leaves a partial file and an older good
 * file stays until a new good one replaces it. The temporary names are
 * ".<name>.sbtmp-XXXXXX" (created with O_EXCL), so that the next run,
 * holding the directory's lock, can recognize and remove those a killed
 * run left. Shared by every stage that writes, as model.h is shared by
 * every stage that reads.
 */
#ifndef SB_OUTFILE_H
#define SB_OUTFILE_H

#include <stddef.h>

#include "core/model.h"

/* Writes data to a new temporary file beside path (mode 0666 less the
   umask); *tmp gets its name (give it to sb_out_commit or
   sb_out_unstage). SB_ECANTCREAT with the reason (a directory in the
   way, no space, no permission). */
sb_status sb_out_stage(const char *path, const void *data, size_t len,
                       char **tmp, sb_error *err);
/* Renames a staged file onto path; frees tmp (removing the file if the
   rename fails). */
sb_status sb_out_commit(char *tmp, const char *path, sb_error *err);
/* Removes a staged file and frees its name; NULL is ignored. */
void sb_out_unstage(char *tmp);
/* Stage and commit. */
sb_status sb_out_write(const char *path, const void *data, size_t len,
                       sb_error *err);

/* Called by sb_out_commit with the staged file just before it is renamed
   onto path: the run records what the file will be before it is there,
   so that a kill at any moment leaves its record of outputs true (see
   cli/run.c). One per process; NULL removes it. */
typedef void (*sb_out_hook)(void *ctx, const char *path, const char *tmp);
void sb_out_set_hook(sb_out_hook fn, void *ctx);

/* Writes all of data to fd (write may take less than asked); -1 with
   errno on failure. */
int sb_out_write_all(int fd, const void *data, size_t len);

/* 1 when a file name (no directory) is one of our temporary names. */
int sb_out_is_temp(const char *name);

#endif
