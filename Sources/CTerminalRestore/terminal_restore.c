/* A crash (a Swift runtime trap is SIGILL) must not leave the user's terminal on the alternate
 * screen with the cursor hidden and mouse reports on. The handler only does async-signal-safe
 * work: one write() of bytes prepared when armed, then it hands the signal on unchanged. */
#include "terminal_restore.h"
#include <signal.h>
#include <string.h>
#include <unistd.h>

static const int fatal_signals[] = {SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV};
enum { FATAL_COUNT = sizeof fatal_signals / sizeof fatal_signals[0] };
static struct sigaction previous[FATAL_COUNT];
static char sequence[256];
static size_t sequence_length;
static volatile sig_atomic_t armed;

static void restore_then_pass_on(int signal_number) {
    if (armed) {
        armed = 0;
        ssize_t written = write(STDOUT_FILENO, sequence, sequence_length);
        (void)written;
    }
    for (int i = 0; i < FATAL_COUNT; i++) {
        if (fatal_signals[i] == signal_number) sigaction(signal_number, &previous[i], NULL);
    }
    /* Blocked while this handler runs: delivered to the previous handler as it returns (a fault
       would also recur when the faulting instruction runs again). */
    raise(signal_number);
}

void mlptop_terminal_restore_arm(const char *text) {
    if (armed) return;
    sequence_length = strlen(text);
    if (sequence_length > sizeof sequence - 1) sequence_length = sizeof sequence - 1;
    memcpy(sequence, text, sequence_length);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = restore_then_pass_on;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK;
    for (int i = 0; i < FATAL_COUNT; i++) sigaction(fatal_signals[i], &action, &previous[i]);
    armed = 1;
}

void mlptop_terminal_restore_disarm(void) {
    if (!armed) return;
    armed = 0;
    for (int i = 0; i < FATAL_COUNT; i++) sigaction(fatal_signals[i], &previous[i], NULL);
}
