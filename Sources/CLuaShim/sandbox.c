// The C side of Dixian's Lua sandbox: the capped allocator, the instruction-budget hook, the
// message handler and the trampoline for Swift callbacks. Everything
// that raises a Lua error lives here, so that Lua's longjmp never crosses a Swift frame.

#define _GNU_SOURCE  // gettid, SIGEV_THREAD_ID
#include "CLuaShim.h"
#include "sandbox_internal.h"

#include <pthread.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/// Host chunks (the prelude "dixian.sandbox/prelude.lua", the plugin API's "dixian.api/*.lua")
/// are named with this prefix, which no plugin's chunk can have (plugin ids hold no '.'); their
/// frames are skipped when locating errors, which belong to plugin code.
#define CLUA_HOST_SOURCE_PREFIX "dixian."
/// Instructions between two firings of the count hook while the budget lasts.
#define CLUA_HOOK_INTERVAL 100000
/// Bytes a script may allocate per instruction of its budget: copying strings (`..`, rep, gsub,
/// concat) is work in C that no instruction counts, so every byte allocated is charged.
#define CLUA_BYTES_PER_INSTRUCTION 64

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

/// Whether `source` (a short_src) names a host chunk.
static int is_host_source(const char *source) {
    return strncmp(source, CLUA_HOST_SOURCE_PREFIX, sizeof CLUA_HOST_SOURCE_PREFIX - 1) == 0;
}

/// Finds the innermost frame of plugin code (a Lua function outside the host chunks) at or above `level`.
static int locate(lua_State *L, int level, char *source, size_t capacity, int *line) {
    lua_Debug ar;
    for (; lua_getstack(L, level, &ar); level++) {
        if (!lua_getinfo(L, "Sl", &ar) || ar.currentline <= 0) continue;
        if (is_host_source(ar.short_src)) continue;
        copy_text(source, capacity, ar.short_src);
        *line = ar.currentline;
        return 1;
    }
    return 0;
}

// MARK: - Memory cap

static void record_refusal(clua_control *ctl) {
    ctl->memory_refused = 1;
    if (ctl->main == NULL) return;
    // Reading the stack allocates nothing; it tells the user where the script was (the latest
    // refusal: one a script caught is followed by the one that stops it).
    lua_State *thread = ctl->running != NULL ? ctl->running : ctl->main;
    locate(thread, 0, ctl->refused_source, sizeof ctl->refused_source, &ctl->refused_line);
}

static void budget_hook(lua_State *L, lua_Debug *ar);
static double clua_counted_cpu_seconds(int64_t budget);

/// Charges a growing block against the instruction budget. When that spends the budget, the
/// count hook of the running thread (and of the main one) is armed to fire at the next
/// instruction, which stops the script as an endless loop is stopped.
static void charge_allocation(clua_control *ctl, size_t growth) {
    ctl->budget_remaining -= (int64_t)(growth / CLUA_BYTES_PER_INSTRUCTION);
    if (ctl->budget_remaining > 0 || ctl->main == NULL) return;
    // As from a signal handler: lua_sethook only stores fields the interpreter polls.
    lua_State *threads[2] = {ctl->main, ctl->running};
    for (int i = 0; i < 2; i++)
        if (threads[i] != NULL && (lua_gethook(threads[i]) != budget_hook || lua_gethookcount(threads[i]) != 1))
            lua_sethook(threads[i], budget_hook, LUA_MASKCOUNT, 1);
}

static void *capped_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    clua_control *ctl = (clua_control *)ud;
    if (ptr == NULL) osize = 0; // osize then encodes the object's type
    if (nsize == 0) {
        free(ptr);
        ctl->used -= osize;
        return NULL;
    }
    if (nsize > osize && ctl->enforce) {
        if (ctl->used - osize + nsize > ctl->limit) {
            record_refusal(ctl);
            return NULL;
        }
        charge_allocation(ctl, nsize - osize);
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

/// Raises the stop (budget or interrupt) again: with the message of where the script was first
/// stopped, after arming the hook of this thread and of the main one to fire at every
/// instruction, so that no pcall, xpcall or coroutine swallows it.
static int raise_stop(lua_State *L) {
    clua_control *ctl = clua_control_of(L);
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
    if (L != ctl->main) lua_sethook(ctl->main, budget_hook, LUA_MASKCOUNT, 1);
    lua_pushstring(L, ctl->stop_message);
    return lua_error(L);
}

/// Records the first stop's message: `what` after the location of the plugin code running.
static void record_stop(lua_State *L, lua_Debug *ar, const char *what) {
    clua_control *ctl = clua_control_of(L);
    if (ctl->stop_message[0] != '\0') return;
    char source[256];
    int line = -1;
    if (ar != NULL && lua_getinfo(L, "Sl", ar) && ar->currentline > 0 && !is_host_source(ar->short_src)) {
        copy_text(source, sizeof source, ar->short_src);
        line = ar->currentline;
    } else {
        locate(L, ar != NULL ? 0 : 1, source, sizeof source, &line);
    }
    if (line > 0)
        snprintf(ctl->stop_message, sizeof ctl->stop_message, "%s:%d: %s", source, line, what);
    else
        snprintf(ctl->stop_message, sizeof ctl->stop_message, "%s", what);
}

static void record_budget_stop(lua_State *L, lua_Debug *ar) {
    char what[96];
    snprintf(what, sizeof what, "instruction budget of %lld instructions exceeded",
             (long long)clua_control_of(L)->budget);
    record_stop(L, ar, what);
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
    if (ctl->cpu_exceeded) {
        // A counted call whose instructions are few but slow (C work no instruction counts:
        // comparing long strings, long __index chains): its CPU time is the backstop.
        char what[160];
        snprintf(what, sizeof what, "instruction budget of %lld instructions exceeded (the call ran %.1f s of CPU time)",
                 (long long)ctl->budget, clua_counted_cpu_seconds(ctl->budget));
        ctl->budget_exceeded = 1;  // a budget stop, told apart only by its message
        record_stop(L, ar, what);
        raise_stop(L);
    }
    if (ctl->interrupt_requested && !ctl->interrupted) {
        ctl->interrupt_requested = 0;
        ctl->interrupted = 1;
    }
    if (ctl->interrupted) {
        record_stop(L, ar, "interrupted");
        raise_stop(L);
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
    record_budget_stop(L, ar);
    raise_stop(L);
}

// MARK: - Repeatable calls: counted only when they run long

/// CPU nanoseconds a repeatable call may run uncounted per instruction of its budget: a
/// quarter of a nanosecond. The fastest Lua loops run at 1.1 ns an instruction uncounted on the
/// machine of BENCHMARKS.md, so a call over its budget has always run longer than this and is
/// run again, counted.
#define CLUA_UNCOUNTED_NANOSECONDS_PER_INSTRUCTION 0.25
/// The signal the per-thread CPU timer sends when a repeatable call has run that long.
#define CLUA_SLOW_CALL_SIGNAL SIGURG
/// CPU nanoseconds a counted call may run per instruction of its budget (at least
/// CLUA_COUNTED_MINIMUM_NANOSECONDS), Swift callbacks not included: a backstop for C work that
/// no instruction counts (an instruction comparing two 10 MB strings takes a millisecond). The
/// counted interpreter runs at about 2 ns an instruction, so a call stopped by it has spent
/// 25 times the CPU its budget stands for.
#define CLUA_COUNTED_NANOSECONDS_PER_INSTRUCTION 50
#define CLUA_COUNTED_MINIMUM_NANOSECONDS 100000000

static double clua_counted_cpu_seconds(int64_t budget) {
    double nanoseconds = (double)budget * CLUA_COUNTED_NANOSECONDS_PER_INSTRUCTION;
    if (nanoseconds < CLUA_COUNTED_MINIMUM_NANOSECONDS) nanoseconds = CLUA_COUNTED_MINIMUM_NANOSECONDS;
    return nanoseconds / 1e9;
}

/// The control block of the call this thread's CPU timer watches (a repeatable call running
/// uncounted, or a counted call), if any.
static _Thread_local clua_control *volatile timed_call = NULL;
/// This thread's CPU-time timer, made on its first repeatable call.
static _Thread_local timer_t slow_call_timer;
static _Thread_local int slow_call_timer_made = 0;
static pthread_once_t slow_call_signal_once = PTHREAD_ONCE_INIT;
static pthread_key_t slow_call_timer_key;

static void on_slow_call(int signal) {
    (void)signal;
    clua_control *ctl = timed_call;
    if (ctl == NULL) return;  // the call ended as the timer expired
    if (ctl->counting)
        ctl->cpu_exceeded = 1;
    else
        ctl->recount_requested = 1;
    // As lua.c does from its SIGINT handler: lua_sethook is safe to call from a signal handler
    // (it only stores fields the interpreter polls), and this one runs on the call's own thread.
    lua_sethook(ctl->main, budget_hook, LUA_MASKCOUNT, 1);
    lua_State *running = ctl->running;
    if (running != NULL) lua_sethook(running, budget_hook, LUA_MASKCOUNT, 1);
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

/// Stops this thread's timer, keeping in `left` what was left of it; 0 if it was not running.
static int pause_slow_call_timer(struct itimerspec *left) {
    struct itimerspec never;
    memset(&never, 0, sizeof never);
    if (timer_settime(slow_call_timer, 0, &never, left) != 0) return 0;
    return left->it_value.tv_sec != 0 || left->it_value.tv_nsec != 0;
}

static void resume_slow_call_timer(const struct itimerspec *left) { timer_settime(slow_call_timer, 0, left, NULL); }

/// Whether the current call is being stopped (budget spent, interrupted, or to be run again).
static int stopping(clua_control *ctl) { return ctl->budget_exceeded || ctl->interrupted || ctl->recount_requested || ctl->cpu_exceeded; }

/// The registry key of the weak set of coroutines a stop killed. The stop was raised inside the
/// count hook, where hooks are off, and a dead coroutine keeps them off: its __close
/// metamethods would run where no budget reaches, so such a coroutine is never closed.
static const char stopped_coroutines_key = 0;

static void push_stopped_coroutines(lua_State *L) {
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &stopped_coroutines_key) == LUA_TTABLE) return;
    lua_pop(L, 1);
    lua_newtable(L);
    lua_newtable(L);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &stopped_coroutines_key);
}

/// Marks coroutine `co` (on L's stack at `index`) as killed by a stop, if it is.
static void mark_if_stopped(lua_State *L, lua_State *co, int index) {
    if (!stopping(clua_control_of(L)) || lua_status(co) == LUA_OK || lua_status(co) == LUA_YIELD) return;
    index = lua_absindex(L, index);
    push_stopped_coroutines(L);
    lua_pushvalue(L, index);
    lua_pushboolean(L, 1);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

static int was_stopped(lua_State *L, int index) {
    index = lua_absindex(L, index);
    push_stopped_coroutines(L);
    lua_pushvalue(L, index);
    int stopped = lua_rawget(L, -2) != LUA_TNIL;
    lua_pop(L, 2);
    return stopped;
}

/// coroutine.resume, with the coroutine recorded as the running thread while it runs, so that an
/// allocation that spends the budget arms the hook of the thread that runs.
static int tracked_resume(lua_State *L) {
    clua_control *ctl = clua_control_of(L);
    lua_State *co = lua_tothread(L, 1);
    if (co == NULL) return lua_tocfunction(L, lua_upvalueindex(1))(L);  // Lua's argument error
    lua_State *previous = ctl->running;
    ctl->running = co;  // anchored on this stack while it runs
    int results = lua_tocfunction(L, lua_upvalueindex(1))(L);  // false and a message on errors
    ctl->running = previous;
    mark_if_stopped(L, co, 1);  // the coroutine stays in slot 1, below the results
    // A coroutine that ran out of memory: false and where the allocation was refused.
    if (results == 2 && lua_type(L, -2) == LUA_TBOOLEAN && !lua_toboolean(L, -2)) clua_locate_memory_error(L, LUA_ERRRUN);
    return results;
}

/// The function coroutine.wrap returns, for the coroutine in upvalue 1: as Lua's, but a
/// coroutine killed by a stop is not closed, and the stop is raised again.
static int tracked_wrap(lua_State *L) {
    clua_control *ctl = clua_control_of(L);
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int arguments = lua_gettop(L);
    if (!lua_checkstack(co, arguments)) return luaL_error(L, "too many arguments to resume");
    lua_xmove(L, co, arguments);
    lua_State *previous = ctl->running;
    ctl->running = co;
    int results = 0;
    int status = lua_resume(co, L, arguments, &results);
    ctl->running = previous;
    if (status == LUA_OK || status == LUA_YIELD) {
        if (!lua_checkstack(L, results + 1)) {
            lua_pop(co, results);
            return luaL_error(L, "too many results to resume");
        }
        lua_xmove(co, L, results);
        return results;
    }
    mark_if_stopped(L, co, lua_upvalueindex(1));
    if (stopping(ctl)) return raise_stop(L);
    int closed = status;
    if (!was_stopped(L, lua_upvalueindex(1)))
        closed = lua_resetthread(co);  // closes its to-be-closed variables, as Lua's wrap does
    lua_xmove(co, L, 1);
    if (closed != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

/// coroutine.close: a coroutine killed by a stop is not closed (see stopped_coroutines_key).
static int guarded_close(lua_State *L) {
    if (stopping(clua_control_of(L))) return raise_stop(L);
    if (lua_type(L, 1) == LUA_TTHREAD && was_stopped(L, 1)) {
        lua_pushboolean(L, 0);
        lua_pushliteral(L, "the coroutine was stopped by the sandbox; its to-be-closed variables stay open");
        return 2;
    }
    return lua_tocfunction(L, lua_upvalueindex(1))(L);
}

/// coroutine.create and coroutine.wrap: a coroutine would run without the hook of the thread
/// that counts, so an uncounted call that makes one is run again, counted. What wrap returns
/// is tracked_wrap.
static int count_before_coroutines(lua_State *L) {
    clua_control *ctl = clua_control_of(L);
    if (!ctl->counting) {
        ctl->recount_requested = 1;
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
    }
    int wrap = lua_toboolean(L, lua_upvalueindex(2));
    int results = lua_tocfunction(L, lua_upvalueindex(1))(L);  // in this frame, as Lua's own
    if (wrap && results == 1 && lua_getupvalue(L, -1, 1) != NULL) {  // the closure's coroutine
        lua_pushcclosure(L, tracked_wrap, 1);
        lua_replace(L, -2);
    }
    return results;
}

static void guard_coroutines(lua_State *L) {
    lua_getglobal(L, LUA_COLIBNAME);
    for (int i = 0; i < 2; i++) {
        const char *name = i == 0 ? "create" : "wrap";
        lua_getfield(L, -1, name);
        lua_pushboolean(L, i == 1);
        lua_pushcclosure(L, count_before_coroutines, 2);
        lua_setfield(L, -2, name);
    }
    lua_getfield(L, -1, "resume");
    lua_pushcclosure(L, tracked_resume, 1);
    lua_setfield(L, -2, "resume");
    lua_getfield(L, -1, "close");
    lua_pushcclosure(L, guarded_close, 1);
    lua_setfield(L, -2, "close");
    lua_pop(L, 1);
}

static void arm_budget(lua_State *L, clua_control *ctl) {
    int first = ctl->budget < CLUA_HOOK_INTERVAL ? (int)ctl->budget : CLUA_HOOK_INTERVAL;
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, first > 0 ? first : 1);
}

// MARK: - Message handler

/// Turns an error object into a message, and records where it was raised and the traceback.
/// It may run inside the count hook (a budget stop), where no hook fires: so it runs no script
/// code. An object with a `__tostring` is left as it is, for `clua_pcall` to describe, counted.
int clua_message_handler(lua_State *L) {
    clua_control *ctl = clua_control_of(L);
    int type = lua_type(L, 1);
    if (type == LUA_TSTRING || type == LUA_TNUMBER) {
        lua_pushvalue(L, 1);
        lua_tostring(L, -1);
    } else if (luaL_getmetafield(L, 1, "__tostring") != LUA_TNIL) {  // a raw read
        lua_pop(L, 1);
        lua_pushvalue(L, 1);
    } else {
        lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }

    locate(L, 1, ctl->error_source, sizeof ctl->error_source, &ctl->error_line);
    luaL_traceback(L, L, NULL, 1);
    free(ctl->traceback);
    ctl->traceback = strdup(lua_tostring(L, -1));
    lua_pop(L, 1);
    return 1;
}

/// The string `__tostring` makes of argument 1, or nil when it makes none.
static int call_tostring(lua_State *L) {
    if (!luaL_callmeta(L, 1, "__tostring") || lua_type(L, -1) != LUA_TSTRING) lua_pushnil(L);
    return 1;
}

/// Replaces the error object on top (one with a `__tostring`) by its message. The metamethod is
/// script code: it runs after the failed call has unwound, with the count hook, within what is
/// left of the budget. Returns the status of the call, or the status of a stop (budget,
/// interrupt, memory) that ended the metamethod.
static int describe_error_object(lua_State *L, int status) {
    clua_control *ctl = clua_control_of(L);
    char source[sizeof ctl->error_source];
    memcpy(source, ctl->error_source, sizeof source);
    int line = ctl->error_line;
    char *traceback = ctl->traceback;
    ctl->traceback = NULL;

    int object = lua_gettop(L);
    lua_pushcfunction(L, clua_message_handler);
    lua_pushcfunction(L, call_tostring);
    lua_pushvalue(L, object);
    int described = lua_pcall(L, 1, 1, object + 1);
    if (described != LUA_OK && (ctl->budget_exceeded || ctl->interrupted || described == LUA_ERRMEM)) {
        free(traceback);  // the stop is what the caller reports, where it happened
        lua_replace(L, object);
        lua_settop(L, object);
        return described;
    }
    if (described != LUA_OK || lua_type(L, -1) != LUA_TSTRING) {
        lua_pop(L, 1);
        lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, object));
    }
    lua_replace(L, object);
    lua_settop(L, object);
    memcpy(ctl->error_source, source, sizeof source);
    ctl->error_line = line;
    free(ctl->traceback);
    ctl->traceback = traceback;
    return status;
}

// MARK: - Locating plugin code and stopping it

void clua_push_where(lua_State *L, int level, int plugin_only) {
    lua_Debug ar;
    if (level > 0 && lua_getstack(L, level, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0
        && !(plugin_only && is_host_source(ar.short_src))) {
        lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
        return;
    }
    // A tail call replaced the frame (or, for plugin_only, it is a C function's or the host's):
    // the nearest plugin frame inside it (among the innermost hundred), else outside it.
    char source[256];
    int line = -1, tail_call = 0;
    for (int inner = 1; inner < level && inner <= 100 && lua_getstack(L, inner, &ar); inner++) {
        if (!lua_getinfo(L, "Slt", &ar)) continue;
        if (ar.istailcall) tail_call = 1;
        if (ar.currentline > 0 && !is_host_source(ar.short_src)) {
            copy_text(source, sizeof source, ar.short_src);
            line = ar.currentline;
        }
    }
    if (!plugin_only && !tail_call) {
        lua_pushliteral(L, "");  // as Lua: the frame asked for has no line
        return;
    }
    if (line > 0 || locate(L, level > 1 ? level : 1, source, sizeof source, &line))
        lua_pushfstring(L, "%s:%d: ", source, line);
    else
        lua_pushliteral(L, "");
}

int clua_located_error(lua_State *L, const char *format, ...) {
    va_list arguments;
    va_start(arguments, format);
    clua_push_where(L, 1, 1);
    lua_pushvfstring(L, format, arguments);
    va_end(arguments);
    lua_concat(L, 2);
    return lua_error(L);
}

void clua_charge(lua_State *L, int64_t instructions) {
    clua_control *ctl = clua_control_of(L);
    ctl->budget_remaining -= instructions;
    if (ctl->budget_remaining > 0 && !ctl->budget_exceeded) return;
    ctl->budget_exceeded = 1;
    record_budget_stop(L, NULL);
    raise_stop(L);
}

// MARK: - Swift callbacks

static int trampoline(lua_State *L) {
    clua_control *ctl = clua_control_of(L);
    lua_Integer index = lua_tointeger(L, lua_upvalueindex(1));
    int enforced = ctl->enforce;
    ctl->enforce = 0; // Swift pushes with the cap lifted: a memory error must not unwind through it
    // The host's own work (a console query over the registry) is not the script's CPU time:
    // the backstop of a counted call is paused while Swift runs.
    struct itimerspec left;
    int paused = ctl->counting && timed_call == ctl && pause_slow_call_timer(&left);
    int results = ctl->dispatch(L, ctl->host, index);
    if (paused) resume_slow_call_timer(&left);
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
    clua_guard_library(L);
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
    ctl->stop_message[0] = '\0';
    ctl->pattern_refusal[0] = '\0';
    ctl->memory_refusal[0] = '\0';
    ctl->running = NULL;
    ctl->memory_refused = 0;
    ctl->refused_source[0] = '\0';
    ctl->refused_line = -1;
    ctl->error_source[0] = '\0';
    ctl->error_line = -1;
    free(ctl->traceback);
    ctl->traceback = NULL;
    ctl->cpu_exceeded = 0;
    if (repeatable && timed_call == NULL) {
        // Marked uncounted before the timer runs, so that its signal always finds the call.
        ctl->counting = 0;
        lua_sethook(ctl->main, NULL, 0, 0);
        timed_call = ctl;
        int64_t uncounted = (int64_t)((double)ctl->budget * CLUA_UNCOUNTED_NANOSECONDS_PER_INSTRUCTION);
        if (arm_slow_call_timer(uncounted)) return;
        timed_call = NULL;
    }
    ctl->counting = 1;
    arm_budget(ctl->main, ctl);
    if (timed_call == NULL) {
        // Counted, and watched by the CPU timer as a backstop (marked before the timer runs).
        timed_call = ctl;
        if (!arm_slow_call_timer((int64_t)(clua_counted_cpu_seconds(ctl->budget) * 1e9))) timed_call = NULL;
    }
}

int clua_end_call(lua_State *L) {
    clua_control *ctl = clua_control_of(L);
    if (timed_call == ctl) {
        timed_call = NULL;
        disarm_slow_call_timer();
    }
    ctl->counting = 1;
    return ctl->recount_requested;
}

int clua_pcall(lua_State *L, int nargs, int nresults) {
    clua_control *ctl = clua_control_of(L);
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, clua_message_handler);
    lua_insert(L, base);
    int enforced = ctl->enforce;
    ctl->enforce = 1;
    int status = lua_pcall(L, nargs, nresults, base);
    if (status != LUA_OK && lua_type(L, -1) != LUA_TSTRING) status = describe_error_object(L, status);
    if (status == LUA_OK && (ctl->budget_exceeded || ctl->interrupted) && ctl->stop_message[0] != '\0') {
        // The script caught the stop (in a coroutine, say) and ended before its hook fired again.
        lua_settop(L, base);
        lua_pushstring(L, ctl->stop_message);
        status = LUA_ERRRUN;
    }
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

// MARK: - Telling stops from a script's own errors

int clua_stop_kind(lua_State *L, const char *message) {
    clua_control *ctl = clua_control_of(L);
    if (ctl->interrupted) return CLUA_STOP_INTERRUPT;
    if (ctl->budget_exceeded || ctl->cpu_exceeded) return CLUA_STOP_BUDGET;
    if (ctl->recount_requested) return CLUA_STOP_RECOUNT;
    if (message == NULL) return CLUA_STOP_NONE;
    if (ctl->pattern_refusal[0] != '\0' && strcmp(message, ctl->pattern_refusal) == 0) return CLUA_STOP_PATTERN;
    if (ctl->memory_refused
        && (strcmp(message, "not enough memory") == 0
            || (ctl->memory_refusal[0] != '\0' && strcmp(message, ctl->memory_refusal) == 0)))
        return CLUA_STOP_MEMORY;
    if (strstr(message, "stack overflow") != NULL || strcmp(message, "error in error handling") == 0) return CLUA_STOP_STACK;
    return CLUA_STOP_NONE;
}

static int stop_kind(lua_State *L) {
    static const char *const names[] = {NULL, "budget", "interrupt", "recount", "memory", "stack", "pattern"};
    int kind = clua_stop_kind(L, lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : NULL);
    if (kind == CLUA_STOP_NONE)
        lua_pushnil(L);
    else
        lua_pushstring(L, names[kind]);
    return 1;
}

static int charge(lua_State *L) {
    lua_Integer instructions = luaL_checkinteger(L, 1);
    if (instructions > 0) clua_charge(L, instructions);
    return 0;
}

void clua_pushcharge(lua_State *L) {
    lua_pushcfunction(L, charge);
}

void clua_pushstopkind(lua_State *L) {
    lua_pushcfunction(L, stop_kind);
}
