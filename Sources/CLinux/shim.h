#ifndef VISITD_CLINUX_SHIM_H
#define VISITD_CLINUX_SHIM_H
// Linux-only descriptors the daemon sleeps on: timerfd (wall-clock jumps), signalfd, eventfd, poll;
// malloc_trim to hand freed heap back after a big read.
#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>
#endif
