// The C surface of ncursesw that Swift can use: the headers with the wide-character API switched
// on, plus static inline wrappers for the macros and global variables that Swift cannot import,
// or cannot touch under Swift 6 strict concurrency (every global is "shared mutable state").
#ifndef MLPTOP_CNCURSESW_SHIM_H
#define MLPTOP_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D flags, and without this cchar_t, setcchar, get_wch and
// mvaddnwstr are not declared.
#define NCURSES_WIDECHAR 1

#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

// Attributes (macros built from NCURSES_BITS, not importable).
static inline attr_t mlptop_attr_normal(void) { return A_NORMAL; }
static inline attr_t mlptop_attr_bold(void) { return A_BOLD; }
static inline attr_t mlptop_attr_dim(void) { return A_DIM; }
static inline attr_t mlptop_attr_reverse(void) { return A_REVERSE; }
static inline attr_t mlptop_attr_underline(void) { return A_UNDERLINE; }

// Globals of the current screen.
static inline WINDOW *mlptop_stdscr(void) { return stdscr; }
static inline int mlptop_lines(void) { return LINES; }
static inline int mlptop_cols(void) { return COLS; }
static inline int mlptop_colors(void) { return COLORS; }
static inline int mlptop_color_pairs(void) { return COLOR_PAIRS; }
static inline int mlptop_escdelay(void) { return ESCDELAY; }

// The size of a window: getmaxyx assigns to its arguments, so it cannot be a Swift call.
static inline void mlptop_getmaxyx(WINDOW *window, int *rowCount, int *columnCount) {
    int y = 0, x = 0;
    getmaxyx(window, y, x);
    *rowCount = y;
    *columnCount = x;
}

// Mouse reports: left button presses and clicks, and the wheel (buttons 4 and 5); reported at
// once (no click interval), so a press is never held back waiting for its release.
static inline void mlptop_enable_mouse(void) {
    mmask_t old = 0;
    mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, &old);
    mouseinterval(0);
}

// The mouse event behind a KEY_MOUSE: 1 for the left button, 4 wheel up, 5 wheel down, 0 other
// (or none to read); the cell in *column and *row.
static inline int mlptop_read_mouse(int *column, int *row) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *column = event.x;
    *row = event.y;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) return 1;
    if (event.bstate & BUTTON4_PRESSED) return 4;
#ifdef BUTTON5_PRESSED
    if (event.bstate & BUTTON5_PRESSED) return 5;
#endif
    return 0;
}

// The key code of a mouse event (a macro in some ncurses builds).
static inline int mlptop_key_mouse(void) { return KEY_MOUSE; }

// The key code of function key n (KEY_F is a function-like macro).
static inline int mlptop_key_f(int n) { return KEY_F(n); }

// newterm on the process's own stdout/stdin (Glibc's stdout is a mutable global in Swift 6).
// Returns NULL instead of exiting when the terminal type is unusable, unlike initscr.
static inline SCREEN *mlptop_newterm(const char *terminalType) {
    return newterm(terminalType, stdout, stdin);
}

// newterm reading keys from inputDescriptor (the controlling terminal, /dev/tty, when standard
// input carries data: `ssh host tail -F run.jsonl | mlptop watch -`).
static inline SCREEN *mlptop_newterm_input(const char *terminalType, int inputDescriptor) {
    FILE *input = fdopen(inputDescriptor, "r");
    return input != NULL ? newterm(terminalType, stdout, input) : NULL;
}

// Frees cur_term (the TERMINAL that setupterm or newterm made current) if there is one.
static inline int mlptop_del_cur_term(void) {
    TERMINAL *current = cur_term;
    return current != NULL ? del_curterm(current) : OK;
}

// Checks a terminal type without touching the screen and without ever exiting: loads its terminfo
// entry for fd 1 with setupterm's error pointer, asks for the cursor-addressing capability, and
// frees the entry again. Returns 1 when the terminal can move the cursor, 0 when it cannot (TERM=dumb),
// -1 when setupterm failed; then *setupError holds setupterm's code (0 unknown type, -1 no database).
static inline int mlptop_check_terminal(const char *terminalType, int *setupError) {
    *setupError = 1;
    if (setupterm(terminalType, 1, setupError) != OK) {
        return -1;
    }
    char *cursorAddress = tigetstr("cup");
    int canAddress = cursorAddress != NULL && cursorAddress != (char *)-1 && cursorAddress[0] != '\0';
    mlptop_del_cur_term();
    return canAddress ? 1 : 0;
}

// The number of columns a wide character takes (glibc declares wcwidth only for _XOPEN_SOURCE).
extern int wcwidth(wchar_t character);
static inline int mlptop_wcwidth(wchar_t character) { return wcwidth(character); }

// Sets attributes and an extended colour pair (above 32767, which setcchar's short cannot hold).
static inline int mlptop_attr_set(attr_t attributes, int pair) {
    return attr_set(attributes, (short)0, &pair);
}

#endif
