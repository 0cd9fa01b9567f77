#ifndef SITEGEN_LINUX_SHIMS_H
#define SITEGEN_LINUX_SHIMS_H
/* glibc declares renameat2 only under _GNU_SOURCE, which Swift's Glibc module does not set. */
#if defined(__linux__)
/* No system header here: types it declared (struct stat) would then belong to this module. */
int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned int flags);
#endif
#endif
