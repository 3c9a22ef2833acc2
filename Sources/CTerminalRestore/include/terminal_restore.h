/* Restores the terminal when the process dies of a fatal signal while the UI is up. */
#ifndef MLPTOP_TERMINAL_RESTORE_H
#define MLPTOP_TERMINAL_RESTORE_H

/* Arms the restore: on SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE or SIGSEGV, `text` (the escape
   sequences that leave the UI: main screen, cursor shown, attributes and mouse reporting off;
   at most 255 bytes) is written to standard output, then the signal goes on to the handler that
   was in place before (Swift's backtracer, or the default action). Call once the UI is up. */
void mlptop_terminal_restore_arm(const char *text);

/* Disarms it and puts the previous handlers back. Call before the UI is closed normally. */
void mlptop_terminal_restore_disarm(void);

#endif
