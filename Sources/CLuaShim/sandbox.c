// The C side of Dixian's Lua sandbox: the capped allocator, the instruction-budget hook, the
// message handler and the trampoline for Swift callbacks. Everything
// that raises a Lua error lives here, so that Lua's longjmp never crosses a Swift frame.

#define _GNU_SOURCE  // gettid, SIGEV_THREAD_ID
#include "CLuaShim.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/// The chunk name of the Swift-side sandbox prelude; its frames are skipped when locating errors.
#define CLUA_PRELUDE_SOURCE "dixian.sandbox"
/// Instructions between two firings of the count hook while the budget lasts.
#define CLUA_HOOK_INTERVAL 100000

void clua_guard_patterns(lua_State *L); // patterns.c

clua_control *clua_control_of(lua_State *L) {
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return (clua_control *)ud;
}

static void copy_text(char *dst, size_t capacity, const char *src) {
    size_t n = strlen(src);
    if (n >= capacity) n = capacity - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/// Finds the innermost frame of plugin code (a Lua function outside the prelude) at or above `level`.
static int locate(lua_State *L, int level, char *source, size_t capacity, int *line) {
    lua_Debug ar;
    for (; lua_getstack(L, level, &ar); level++) {
        if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0) continue;
        if (strcmp(ar.short_src, CLUA_PRELUDE_SOURCE) == 0) continue;
        copy_text(source, capacity, ar.short_src);
        *line = ar.currentline;
        return 1;
    }
    return 0;
}

// MARK: - Memory cap

static void record_refusal(clua_control *ctl) {
    ctl->memory_refused = 1;
    if (ctl->refused_line > 0 || ctl->main == NULL) return;
    // Reading the stack allocates nothing; it tells the user where the script was.
    locate(ctl->main, 0, ctl->refused_source, sizeof ctl->refused_source, &ctl->refused_line);
}

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    clua_control *ctl = (clua_control *)ud;
    if (ptr == NULL) osize = 0; // osize then encodes the object's type
    if (nsize == 0) {
        free(ptr);
        ctl->used -= osize;
        return NULL;
    }
    if (nsize > osize && ctl->enforce && ctl->used - osize + nsize > ctl->limit) {
        record_refusal(ctl);
        return NULL;
    }
    void *block = realloc(ptr, nsize);
    if (block == NULL) {
        if (!ctl->enforce) {
            // Only the host allocates with the cap lifted; a Lua memory error there would
            // unwind through Swift, so the process stops instead.
            fputs("dixian: the system is out of memory while the host fills a Lua state\n", stderr);
            abort();
        }
        record_refusal(ctl);
        return NULL;
    }
    ctl->used = ctl->used - osize + nsize;
    return block;
}

static int panic(lua_State *L) {
    const char *message = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "(not a string)";
    fprintf(stderr, "dixian: unprotected Lua error: %s\n", message);
    abort();
    return 0;
}

// MARK: - Instruction budget and interrupts

void clua_interrupt(lua_State *L) { clua_control_of(L)->interrupt_requested = 1; }

void clua_clear_interrupt(lua_State *L) { clua_control_of(L)->interrupt_requested = 0; }

/// The state SIGINT interrupts, and whether one arrived.
static clua_control *volatile sigint_target = NULL;
static volatile sig_atomic_t sigint_arrived = 0;

static void on_sigint(int signal) {
    (void)signal;
    sigint_arrived = 1;
    clua_control *ctl = sigint_target;
    if (ctl) ctl->interrupt_requested = 1;
}

int clua_interrupt_on_sigint(lua_State *L) {
    sigint_target = clua_control_of(L);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;  // no SA_RESTART: a read at the prompt returns with EINTR
    return sigaction(SIGINT, &action, NULL);
}

int clua_take_sigint(void) {
    int arrived = sigint_arrived;
    sigint_arrived = 0;
    return arrived;
}

static void budget_hook(lua_State *L, lua_Debug *ar) {
    clua_control *ctl = clua_control_of(L);
    if (ctl->recount_requested) {
        // A repeatable call ran long without counting: it is abandoned, to be run again
        // counted from its start. Re-armed to fire on every instruction, as for the budget.
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
        lua_pushliteral(L, "the call ran long without counting its instructions; it is run again, counted");
        lua_error(L);
    }
    if (ctl->interrupt_requested && !ctl->interrupted) {
        ctl->interrupt_requested = 0;
        ctl->interrupted = 1;
    }
    if (ctl->interrupted) {
        // Re-armed to fire on every instruction, as for the budget: pcall cannot swallow it.
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
        if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0)
            lua_pushfstring(L, "%s:%d: interrupted", ar->short_src, ar->currentline);
        else
            lua_pushliteral(L, "interrupted");
        lua_error(L);
    }
    if (!ctl->budget_exceeded) {
        ctl->budget_remaining -= lua_gethookcount(L);
        if (ctl->budget_remaining > 0) {
            int next = ctl->budget_remaining < CLUA_HOOK_INTERVAL ? (int)ctl->budget_remaining : CLUA_HOOK_INTERVAL;
            if (next != lua_gethookcount(L)) lua_sethook(L, budget_hook, LUA_MASKCOUNT, next);
            return;
        }
        ctl->budget_exceeded = 1;
    }
    // Re-armed to fire on every instruction: a script's own pcall cannot swallow the stop.
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
    if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0)
        lua_pushfstring(L, "%s:%d: instruction budget of %I instructions exceeded",
                        ar->short_src, ar->currentline, (lua_Integer)ctl->budget);
    else
        lua_pushfstring(L, "instruction budget of %I instructions exceeded", (lua_Integer)ctl->budget);
    lua_error(L);
}

// MARK: - Repeatable calls: counted only when they run long

/// CPU nanoseconds a repeatable call may run uncounted per instruction of its budget: a
/// quarter of a nanosecond. The fastest Lua loops run at 1.1 ns an instruction uncounted on the
/// machine of BENCHMARKS.md, so a call over its budget has always run longer than this and is
/// run again, counted.
#define CLUA_UNCOUNTED_NANOSECONDS_PER_INSTRUCTION 0.25
/// The signal the per-thread CPU timer sends when a repeatable call has run that long.
#define CLUA_SLOW_CALL_SIGNAL SIGURG

/// The control block of the repeatable call running uncounted on this thread, if any.
static _Thread_local clua_control *volatile uncounted_call = NULL;
/// This thread's CPU-time timer, made on its first repeatable call.
static _Thread_local timer_t slow_call_timer;
static _Thread_local int slow_call_timer_made = 0;
static pthread_once_t slow_call_signal_once = PTHREAD_ONCE_INIT;
static pthread_key_t slow_call_timer_key;

static void on_slow_call(int signal) {
    (void)signal;
    clua_control *ctl = uncounted_call;
    if (ctl == NULL) return;  // the call ended as the timer expired
    ctl->recount_requested = 1;
    // As lua.c does from its SIGINT handler: lua_sethook is safe to call from a signal handler
    // (it only stores fields the interpreter polls), and this one runs on the call's own thread.
    lua_sethook(ctl->main, budget_hook, LUA_MASKCOUNT, 1);
}

static void delete_slow_call_timer(void *timer) {
    timer_delete(*(timer_t *)timer);
    free(timer);
}

static void install_slow_call_signal(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_slow_call;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(CLUA_SLOW_CALL_SIGNAL, &action, NULL);
    pthread_key_create(&slow_call_timer_key, delete_slow_call_timer);
}

/// Arms this thread's CPU timer to signal after `nanoseconds` of its CPU time; 0 when it cannot.
static int arm_slow_call_timer(int64_t nanoseconds) {
    pthread_once(&slow_call_signal_once, install_slow_call_signal);
    if (!slow_call_timer_made) {
        // Dispatch's worker threads block signals; this one is handled, on this thread only.
        sigset_t slow_call;
        sigemptyset(&slow_call);
        sigaddset(&slow_call, CLUA_SLOW_CALL_SIGNAL);
        if (pthread_sigmask(SIG_UNBLOCK, &slow_call, NULL) != 0) return 0;
        struct sigevent event;
        memset(&event, 0, sizeof event);
        event.sigev_notify = SIGEV_THREAD_ID;
        event.sigev_signo = CLUA_SLOW_CALL_SIGNAL;
        event._sigev_un._tid = gettid();
        if (timer_create(CLOCK_THREAD_CPUTIME_ID, &event, &slow_call_timer) != 0) return 0;
        slow_call_timer_made = 1;
        timer_t *owned = malloc(sizeof *owned);
        if (owned != NULL) {
            *owned = slow_call_timer;
            pthread_setspecific(slow_call_timer_key, owned);  // deleted when the thread ends
        }
    }
    struct itimerspec after;
    memset(&after, 0, sizeof after);
    after.it_value.tv_sec = nanoseconds / 1000000000;
    after.it_value.tv_nsec = nanoseconds % 1000000000;
    if (after.it_value.tv_sec == 0 && after.it_value.tv_nsec == 0) after.it_value.tv_nsec = 1;
    return timer_settime(slow_call_timer, 0, &after, NULL) == 0;
}

static void disarm_slow_call_timer(void) {
    struct itimerspec never;
    memset(&never, 0, sizeof never);
    timer_settime(slow_call_timer, 0, &never, NULL);
}

/// coroutine.create and coroutine.wrap: a coroutine would run without the hook of the thread
/// that counts, so an uncounted call that makes one is run again, counted.
static int count_before_coroutines(lua_State *L) {
    clua_control *ctl = clua_control_of(L);
    if (!ctl->counting) {
        ctl->recount_requested = 1;
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

static void guard_coroutines(lua_State *L) {
    lua_getglobal(L, LUA_COLIBNAME);
    for (int i = 0; i < 2; i++) {
        const char *name = i == 0 ? "create" : "wrap";
        lua_getfield(L, -1, name);
        lua_pushcclosure(L, count_before_coroutines, 1);
        lua_setfield(L, -2, name);
    }
    lua_pop(L, 1);
}

static void arm_budget(lua_State *L, clua_control *ctl) {
    int first = ctl->budget < CLUA_HOOK_INTERVAL ? (int)ctl->budget : CLUA_HOOK_INTERVAL;
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, first > 0 ? first : 1);
}

// MARK: - Message handler

/// Turns any error object into a message, and records where it was raised and the traceback.
static int message_handler(lua_State *L) {
    clua_control *ctl = clua_control_of(L);
    const char *message = NULL;
    int type = lua_type(L, 1);
    if (type == LUA_TSTRING || type == LUA_TNUMBER) {
        lua_pushvalue(L, 1);
        message = lua_tostring(L, -1);
    } else if (luaL_getmetafield(L, 1, "__tostring") != LUA_TNIL) {
        lua_pushvalue(L, 1);
        if (lua_pcall(L, 1, 1, 0) == LUA_OK && lua_type(L, -1) == LUA_TSTRING)
            message = lua_tostring(L, -1);
        else
            lua_pop(L, 1);
    }
    if (message == NULL)
        lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));

    locate(L, 1, ctl->error_source, sizeof ctl->error_source, &ctl->error_line);
    luaL_traceback(L, L, NULL, 1);
    free(ctl->traceback);
    ctl->traceback = strdup(lua_tostring(L, -1));
    lua_pop(L, 1);
    return 1;
}

// MARK: - Swift callbacks

static int trampoline(lua_State *L) {
    clua_control *ctl = clua_control_of(L);
    lua_Integer index = lua_tointeger(L, lua_upvalueindex(1));
    int enforced = ctl->enforce;
    ctl->enforce = 0; // Swift pushes with the cap lifted: a memory error must not unwind through it
    int results = ctl->dispatch(L, ctl->host, index);
    ctl->enforce = enforced;
    if (results < 0) {
        if (results == -1 && lua_type(L, -1) == LUA_TSTRING) {
            luaL_where(L, 1);
            lua_insert(L, -2);
            lua_concat(L, 2);
        }
        return lua_error(L);
    }
    if (enforced && ctl->used > ctl->limit) {
        ctl->memory_refused = 1;
        return luaL_error(L, "memory cap of %I bytes exceeded", (lua_Integer)ctl->limit);
    }
    return results;
}

void clua_pushcallback(lua_State *L, lua_Integer index) {
    lua_pushinteger(L, index);
    lua_pushcclosure(L, trampoline, 1);
}

// MARK: - State lifecycle and calls

lua_State *clua_newstate(size_t memory_limit, int64_t instruction_budget, double pattern_cost_limit) {
    clua_control *ctl = calloc(1, sizeof *ctl);
    if (ctl == NULL) return NULL;
    ctl->limit = memory_limit;
    ctl->budget = instruction_budget;
    ctl->pattern_cost_limit = pattern_cost_limit;
    ctl->error_line = -1;
    ctl->refused_line = -1;
    lua_State *L = lua_newstate(capped_alloc, ctl);
    if (L == NULL) {
        free(ctl);
        return NULL;
    }
    ctl->main = L;
    lua_atpanic(L, panic);
    lua_gc(L, LUA_GCGEN, 0, 0);
    return L;
}

void clua_close(lua_State *L) {
    clua_control *ctl = clua_control_of(L);
    ctl->enforce = 0;
    lua_close(L);
    free(ctl->traceback);
    free(ctl);
}

static int open_libraries(lua_State *L) {
    static const luaL_Reg libraries[] = {
        {LUA_GNAME, luaopen_base},        {LUA_STRLIBNAME, luaopen_string},
        {LUA_TABLIBNAME, luaopen_table},  {LUA_MATHLIBNAME, luaopen_math},
        {LUA_UTF8LIBNAME, luaopen_utf8},  {LUA_OSLIBNAME, luaopen_os},
        {LUA_COLIBNAME, luaopen_coroutine},
    };
    for (size_t i = 0; i < sizeof libraries / sizeof libraries[0]; i++) {
        luaL_requiref(L, libraries[i].name, libraries[i].func, 1);
        lua_pop(L, 1);
    }
    clua_guard_patterns(L);
    guard_coroutines(L);
    return 0;
}

int clua_openlibs(lua_State *L) {
    lua_pushcfunction(L, open_libraries);
    return lua_pcall(L, 0, 0, 0);
}

void clua_begin_call(lua_State *L, int repeatable) {
    clua_control *ctl = clua_control_of(L);
    ctl->recount_requested = 0;
    ctl->budget_remaining = ctl->budget;
    ctl->budget_exceeded = 0;
    ctl->interrupted = 0;
    ctl->memory_refused = 0;
    ctl->refused_source[0] = '\0';
    ctl->refused_line = -1;
    ctl->error_source[0] = '\0';
    ctl->error_line = -1;
    free(ctl->traceback);
    ctl->traceback = NULL;
    if (repeatable && uncounted_call == NULL) {
        // Marked uncounted before the timer runs, so that its signal always finds the call.
        ctl->counting = 0;
        lua_sethook(ctl->main, NULL, 0, 0);
        uncounted_call = ctl;
        int64_t uncounted = (int64_t)((double)ctl->budget * CLUA_UNCOUNTED_NANOSECONDS_PER_INSTRUCTION);
        if (arm_slow_call_timer(uncounted)) return;
        uncounted_call = NULL;
    }
    ctl->counting = 1;
    arm_budget(ctl->main, ctl);
}

int clua_end_call(lua_State *L) {
    clua_control *ctl = clua_control_of(L);
    if (uncounted_call == ctl) {
        uncounted_call = NULL;
        disarm_slow_call_timer();
    }
    ctl->counting = 1;
    return ctl->recount_requested;
}

int clua_pcall(lua_State *L, int nargs, int nresults) {
    clua_control *ctl = clua_control_of(L);
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, message_handler);
    lua_insert(L, base);
    int enforced = ctl->enforce;
    ctl->enforce = 1;
    int status = lua_pcall(L, nargs, nresults, base);
    ctl->enforce = enforced;
    lua_remove(L, base);
    return status;
}

int clua_loadtext(lua_State *L, const char *text, size_t length, const char *chunkname) {
    return luaL_loadbufferx(L, text, length, chunkname, "t");
}

// MARK: - Locating callers (for trusted host chunks)

/// where(level): "chunk:line" of the function `level` frames up from where() is called
/// (1: the caller of where), or nil when the stack is not that deep.
static int caller_location(lua_State *L) {
    lua_Integer level = luaL_optinteger(L, 1, 1);
    lua_Debug ar;
    if (level < 0 || !lua_getstack(L, (int)level, &ar) || !lua_getinfo(L, "Sl", &ar)) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushfstring(L, "%s:%d", ar.short_src, ar.currentline);
    return 1;
}

void clua_pushcallerlocation(lua_State *L) {
    lua_pushcfunction(L, caller_location);
}
