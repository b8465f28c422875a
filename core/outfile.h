/*
 * core/outfile.h -- every output file is written here: atomically, and
 * only as a regular file.
 *
 * DESIGN.md, "Outputs": a file is written under a temporary name in its
 * target directory and renamed into place only when complete, so a
 * failed or killed run never leaves a partial file and an older good
 * file stays until a new good one replaces it. The temporary names are
 * ".<name>.sbtmp-XXXXXX" (created with O_EXCL). Its writer holds an
 * flock on each from its creation until it is renamed or removed, so
 * that a sweep (any run, any shard, any host of an NFS share) removes
 * only those whose writer is gone, never one still being written.
 *
 * statbrief runs as root in folders that others write to: an output
 * path where something other than a regular file stands (a symbolic
 * link, a device, a FIFO, a socket, a directory) is refused, never
 * followed or renamed over; files kept open in place (the lock, the
 * journals) are opened without following links. Shared by every stage
 * that writes, as model.h is shared by every stage that reads.
 */
#ifndef SB_OUTFILE_H
#define SB_OUTFILE_H

#include <stddef.h>

#include "core/model.h"

/* Writes data to a new temporary file beside path (mode 0666 less the
   umask), holding its flock; *tmp gets its name (give it to
   sb_out_commit or sb_out_unstage, which release it). SB_ECANTCREAT
   with the reason (something not a regular file at path, no space, no
   permission), or the hook's refusal; nothing is left behind. */
sb_status sb_out_stage(const char *path, const void *data, size_t len,
                       char **tmp, sb_error *err);
/* Renames a staged file onto path; frees tmp (removing the file if the
   hook refuses it or the rename fails). */
sb_status sb_out_commit(char *tmp, const char *path, sb_error *err);
/* Removes a staged file and frees its name; NULL is ignored. */
void sb_out_unstage(char *tmp);
/* Stage and commit. */
sb_status sb_out_write(const char *path, const void *data, size_t len,
                       sb_error *err);

/* The run's say over each write (cli/run.c): called by sb_out_stage
   with tmp NULL before anything is created, and by sb_out_commit with
   the staged file just before it is renamed onto path, so that the run
   records what the file will be before it is there (a kill at any
   moment leaves its record of outputs true). Anything but SB_OK, with
   the reason in err, refuses the write. One per process; NULL removes
   it. */
typedef sb_status (*sb_out_hook)(void *ctx, const char *path,
                                 const char *tmp, sb_error *err);
void sb_out_set_hook(sb_out_hook fn, void *ctx);

/* What the files written next are, in words ("the default chart of
   gdp"), for the run's record of who made each file: set by the stage
   that makes them before it asks the run whether to make them, NULL
   once they are done. Copied; process-wide, as the hook. */
void sb_out_set_what(const char *what);
/* The words last set, or NULL; valid until the next sb_out_set_what. */
const char *sb_out_what(void);

/* SB_OK when path is a regular file or nothing; else SB_ECANTCREAT
   naming it and what stands there (a symbolic link, which statbrief
   never follows unless it made it; a FIFO, device, socket or
   directory). */
sb_status sb_out_check_path(const char *path, sb_error *err);

/* Opens a file that is written in place (the lock file, a journal)
   with flags (O_CREAT: made with mode 0666 less the umask): never
   through a symbolic link and never opening a FIFO, device or socket
   (the open itself could block or act), and, when it is opened for
   writing, refused when it has other names (a hard link could be any
   file of the system). Returns the descriptor (O_CLOEXEC), or -1 with
   SB_ECANTCREAT in err naming path; errno is then the open's, or 0
   when what stands there was refused. */
int sb_out_open_kept(const char *path, int flags, sb_error *err);

/* What path names for writing, as text equal for two paths exactly
   when writing one replaces the other: the device and inode of its
   directory and its own name; when the directory does not exist yet,
   the canonical path. Never NULL; g_free it. */
char *sb_out_identity(const char *path);
/* 1 when a and b name one file: the same identity, or both exist with
   one device and inode. */
int sb_out_same_file(const char *a, const char *b);

/* Removes from dir the temporary files whose writer is gone (killed):
   those whose flock can be taken. Returns how many; a file it cannot
   remove (a read-only folder) stays, unsaid. */
size_t sb_out_sweep(const char *dir);

/* Writes all of data to fd (write may take less than asked); -1 with
   errno on failure. */
int sb_out_write_all(int fd, const void *data, size_t len);

/* 1 when a file name (no directory) is one of our temporary names. */
int sb_out_is_temp(const char *name);

#endif
