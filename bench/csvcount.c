/*
 * bench/csvcount.c -- the baseline and the stopwatch for `make bench`.
 *
 *   csvcount count FILE     one raw libcsv pass (64 KiB reads, fields and
 *                           records counted, nothing kept): the speed of
 *                           the parser that statbrief's loader is held to
 *   csvcount time CMD...    runs CMD, prints "SECONDS MAX_RSS_KIB
 *                           CPU_SECONDS" on stderr (wall clock; wait4's
 *                           peak RSS and user + system time, threads
 *                           included), CMD's output goes to /dev/null
 *   csvcount touch MB       maps MB MiB of new memory, marked for huge
 *                           pages as statbrief's heap is, writes a byte
 *                           in each 4 KiB page, prints the seconds that
 *                           took: what the machine charges for the new
 *                           pages a dataset of that size needs, a cost
 *                           the floor (which allocates nothing) never
 *                           pays. On a VM that hands freed memory back
 *                           to its host (virtio-balloon free page
 *                           reporting) it is dear after a pause and
 *                           cheap right after another process freed
 *                           some: big.sh measures both.
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

static void on_field(void *s, size_t len, void *data)
{
    (void)s;
    (void)len;
    ((unsigned long *)data)[0]++;
}

static void on_record(int c, void *data)
{
    (void)c;
    ((unsigned long *)data)[1]++;
}

static int count(const char *path)
{
    static char buf[64 * 1024];
    unsigned long n[2] = {0, 0};
    struct csv_parser p;
    FILE *fp = fopen(path, "rb");
    size_t got;

    if (fp == NULL || csv_init(&p, CSV_APPEND_NULL) != 0)
        return 1;
    while ((got = fread(buf, 1, sizeof buf, fp)) > 0)
        if (csv_parse(&p, buf, got, on_field, on_record, n) != got)
            return 1;
    csv_fini(&p, on_field, on_record, n);
    csv_free(&p);
    fclose(fp);
    printf("%lu fields, %lu records\n", n[0], n[1]);
    return 0;
}

static int stopwatch(char **argv)
{
    struct timespec t0, t1;
    struct rusage ru;
    int status, fd;
    pid_t pid;

    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid = fork();
    if (pid == 0) {
        fd = open("/dev/null", O_WRONLY);
        dup2(fd, 1);
        execvp(argv[0], argv);
        _exit(127);
    }
    if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
        return 1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    fprintf(stderr, "%.3f %ld %.3f\n",
            (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9,
            ru.ru_maxrss,
            (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
                (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

static int touch(const char *mb)
{
    size_t n = (size_t)strtoul(mb, NULL, 10) << 20, i;
    struct timespec t0, t1;
    char *p;

    if (n == 0)
        return 2;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
             -1, 0);
    if (p == MAP_FAILED)
        return 1;
#ifdef MADV_HUGEPAGE
    (void)madvise(p, n, MADV_HUGEPAGE);
#endif
    for (i = 0; i < n; i += 4096)
        ((volatile char *)p)[i] = 1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    printf("%.3f\n", (double)(t1.tv_sec - t0.tv_sec) +
                         (t1.tv_nsec - t0.tv_nsec) / 1e9);
    return munmap(p, n) != 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "count") == 0)
        return count(argv[2]);
    if (argc >= 3 && strcmp(argv[1], "time") == 0)
        return stopwatch(argv + 2);
    if (argc == 3 && strcmp(argv[1], "touch") == 0)
        return touch(argv[2]);
    fputs("usage: csvcount count FILE | csvcount time CMD... | "
          "csvcount touch MB\n", stderr);
    return 2;
}
