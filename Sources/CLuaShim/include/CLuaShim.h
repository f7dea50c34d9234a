#ifndef DIXIAN_CLUASHIM_H
#define DIXIAN_CLUASHIM_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

// ---------------------------------------------------------------------------
// The macro API, which Swift cannot import. Each wrapper is exactly the macro.
// ---------------------------------------------------------------------------

static inline int clua_registryindex(void) { return LUA_REGISTRYINDEX; }
static inline void clua_pop(lua_State *L, int n) { lua_pop(L, n); }
static inline int clua_isinteger(lua_State *L, int idx) { return lua_isinteger(L, idx); }
static inline lua_Integer clua_tointeger(lua_State *L, int idx) { return lua_tointeger(L, idx); }
static inline lua_Number clua_tonumber(lua_State *L, int idx) { return lua_tonumber(L, idx); }

// ---------------------------------------------------------------------------
// The sandbox's C side. Everything here that can raise a Lua error is C, so that
// no Lua error ever unwinds through a Swift frame.
// ---------------------------------------------------------------------------

/// Called by the callback trampoline: runs Swift callback `index` on `L`.
/// Returns the number of results pushed, or -1 when an error message is on top of the stack
/// (the trampoline raises it prefixed with the caller's position), or -2 when the error value
/// on top is to be raised as it is (an error coming back from a nested call).
typedef int (*clua_dispatch_fn)(lua_State *L, void *host, lua_Integer index);

/// Per-state control block: memory accounting, the instruction budget, error
/// details gathered by the message handler, and the Swift dispatcher.
typedef struct clua_control {
    // Memory cap (custom allocator).
    size_t used;
    size_t limit;
    int enforce;              // 1 while Lua code runs under the cap
    int memory_refused;       // an allocation was refused during the current call
    char refused_source[256]; // where Lua was when the cap was hit
    int refused_line;
    char memory_refusal[320]; // the located message a script's pcall got for the refusal, or ""
    lua_State *main;
    lua_State *running;       // the coroutine the sandbox's resume runs, or NULL: the main thread

    // Instruction budget (count hook).
    int64_t budget;           // per top-level call
    int64_t budget_remaining;
    int budget_exceeded;
    int interrupted;          // the current call was stopped by clua_interrupt()
    int counting;             // the count hook is armed (0 during an uncounted repeatable call)
    volatile sig_atomic_t recount_requested;  // the uncounted call ran long: run it again, counted
    volatile sig_atomic_t cpu_exceeded;  // the counted call ran longer in CPU time than its budget allows
    volatile sig_atomic_t interrupt_requested;  // set by clua_interrupt (a signal handler may)
    char stop_message[320];   // the budget's or interrupt's message, where the script was first stopped

    // Pattern guard: upper bound on the steps of one string.find/match/gmatch/gsub.
    double pattern_cost_limit;
    char pattern_refusal[512];  // the message of the guard's last refusal in the current call, or ""

    // Filled by the message handler.
    char error_source[256];
    int error_line;
    char *traceback;          // malloc'ed, or NULL

    // Swift callbacks.
    clua_dispatch_fn dispatch;
    void *host;
} clua_control;

/// Creates a state with a capped allocator and a panic handler.
/// Returns NULL (and frees nothing but what it made) when the state cannot be created.
lua_State *clua_newstate(size_t memory_limit, int64_t instruction_budget, double pattern_cost_limit);

/// The control block of a state (or of any of its threads).
clua_control *clua_control_of(lua_State *L);

/// Closes the state and frees its control block.
void clua_close(lua_State *L);

/// Opens the libraries the sandbox builds on (base, string, table, math, utf8, os, coroutine)
/// into the state's private global table, and wraps the pattern functions of `string` with the guard.
/// Runs protected; returns a Lua status code.
int clua_openlibs(lua_State *L);

/// Asks the state to stop the Lua code it is running, at its next instruction-budget check
/// (within about a hundred thousand instructions): the call fails with "interrupted", and the
/// script's own pcall cannot catch it. Async-signal-safe.
void clua_interrupt(lua_State *L);

/// Withdraws an interrupt no call has taken yet (a Ctrl-C at the prompt).
void clua_clear_interrupt(lua_State *L);

/// Makes SIGINT (Ctrl-C) interrupt the state's running call instead of ending the process; a
/// read waiting at the prompt returns with EINTR. Returns 0, or -1 when the handler cannot be set.
int clua_interrupt_on_sigint(lua_State *L);

/// Whether a SIGINT arrived since the last call (and forgets it).
int clua_take_sigint(void);

/// Starts a top-level call: a fresh instruction budget and a clean error record.
/// A `repeatable` call (one whose effects do not matter if it runs twice) runs without the
/// count hook, which slows every instruction, until it has used budget × 0.25 ns of CPU time; a
/// call that runs that long is stopped and `clua_end_call` says to run it again, counted.
void clua_begin_call(lua_State *L, int repeatable);
/// Ends a top-level call begun by `clua_begin_call`. Returns 1 when the call was stopped to be
/// run again, counted from its start (its outcome is to be discarded), 0 otherwise.
int clua_end_call(lua_State *L);

/// Calls the function below `nargs` arguments on top of the stack in protected mode, with the
/// message handler and the memory cap enforced. Returns a Lua status code; on error the message is
/// on top of the stack and the control block holds its location and traceback.
int clua_pcall(lua_State *L, int nargs, int nresults);

/// Pushes a Lua C closure that calls Swift callback `index` through the trampoline.
void clua_pushcallback(lua_State *L, lua_Integer index);

/// Loads a text chunk (never binary) without running it. Returns a Lua status code.
int clua_loadtext(lua_State *L, const char *text, size_t length, const char *chunkname);

/// Pushes `where(level)`, which returns "chunk:line" of the function `level` frames up the call
/// stack. For trusted host chunks only (it reads what the debug library would).
void clua_pushcallerlocation(lua_State *L);

/// The limits that stop a call, as `clua_stop_kind` tells them apart.
#define CLUA_STOP_NONE 0       // the script's own error
#define CLUA_STOP_BUDGET 1     // the instruction budget (or its CPU time)
#define CLUA_STOP_INTERRUPT 2  // clua_interrupt
#define CLUA_STOP_RECOUNT 3    // an uncounted repeatable call ran long and is run again
#define CLUA_STOP_MEMORY 4     // the memory cap
#define CLUA_STOP_STACK 5      // Lua's stack or the C stack overflowed
#define CLUA_STOP_PATTERN 6    // the pattern guard refused a call

/// Whether the error `message` (NULL for an error object that is not a string) raised in the
/// current call is a limit's stop, and which; CLUA_STOP_NONE for the script's own error. The
/// budget, an interrupt and a recount stop every instruction that follows, so any error after
/// them is theirs; the memory cap's and the pattern guard's are the messages the sandbox made
/// for them (or Lua's bare "not enough memory"); Lua's stack overflows are told by Lua's own
/// words ("stack overflow", "C stack overflow", "error in error handling").
int clua_stop_kind(lua_State *L, const char *message);

/// Pushes `stop_kind(error)`, which returns the name of the stop an error caught in the current
/// call is ('budget', 'interrupt', 'recount', 'memory', 'stack', 'pattern'), or nil for the
/// script's own error: for the host chunks' runners.
void clua_pushstopkind(lua_State *L);

/// Pushes `charge(n)`, for host chunks only: charges the running call's instruction budget `n`
/// instructions (the work a host function did for the script that no instruction counted),
/// raising the budget's stop when it runs out.
void clua_pushcharge(lua_State *L);

#endif
