#ifndef DIXIAN_CEDITLINE_SHIM_H
#define DIXIAN_CEDITLINE_SHIM_H
// libedit's readline interface, as installed by Debian's libedit-dev (pkg-config libedit).
#include <stdio.h>
#include <editline/readline.h>

/// Sets up readline for the console: its name, no signal handling of its own (Ctrl-C belongs
/// to the console), `complete` as the completion function, nothing appended after a match.
static inline void dixian_editline_setup(rl_completion_func_t *complete) {
    rl_readline_name = "dixian";
    rl_catch_signals = 0;
    rl_attempted_completion_function = complete;
    rl_completion_append_character = 0;
}

/// Called from the completion function: no file-name completion after the console's own.
static inline void dixian_editline_completion_over(void) {
    rl_attempted_completion_over = 1;
}
#endif
