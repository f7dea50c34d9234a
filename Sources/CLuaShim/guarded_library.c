// Library functions the sandbox replaces: each would otherwise run script code where the count
// hook does not fire (xpcall's message handler), do C work the instruction budget does not see
// (collectgarbage, string.rep of empty strings, table.insert/remove/move/sort), or raise an
// error that names no place in the script (error across a tail call, coroutine.yield, a memory
// error caught by pcall).

#include "sandbox_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/// Bytes of the heap a full collection may traverse per instruction it is charged.
#define CLUA_GC_BYTES_PER_INSTRUCTION 16

// MARK: - pcall and xpcall

/// A memory error a script caught says where the allocation was refused.
void clua_locate_memory_error(lua_State *L, int status) {
    clua_control *ctl = clua_control_of(L);
    if (!ctl->memory_refused || ctl->refused_line <= 0) return;
    // coroutine.wrap re-raises the memory error of its coroutine as an ordinary error.
    if (status != LUA_ERRMEM
        && !(lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "not enough memory") == 0))
        return;
    int enforced = ctl->enforce;
    ctl->enforce = 0;  // a few bytes over the cap, to say where the script was
    lua_pushfstring(L, "%s:%d: not enough memory (memory cap of %I bytes exceeded)", ctl->refused_source,
                    ctl->refused_line, (lua_Integer)ctl->limit);
    ctl->enforce = enforced;
    snprintf(ctl->memory_refusal, sizeof ctl->memory_refusal, "%s", lua_tostring(L, -1));
    lua_replace(L, -2);
}

static int finish_pcall(lua_State *L, int status, lua_KContext extra) {
    if (status != LUA_OK && status != LUA_YIELD) {
        clua_locate_memory_error(L, status);
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - (int)extra;
}

/// pcall as Lua's, but a memory error names the line where memory ran out.
static int sandbox_pcall(lua_State *L) {
    luaL_checkany(L, 1);
    lua_pushboolean(L, 1);
    lua_insert(L, 1);
    int status = lua_pcallk(L, lua_gettop(L) - 2, LUA_MULTRET, 0, 0, finish_pcall);
    return finish_pcall(L, status, 0);
}

/// After the protected call of xpcall failed: calls the handler (slot 1) with the error object,
/// and returns false and what the handler returns, or false and the handler's own error.
static int finish_xpcall(lua_State *L, int status, lua_KContext extra) {
    if (status == LUA_OK || status == LUA_YIELD) return lua_gettop(L) - (int)extra;
    clua_locate_memory_error(L, status);
    lua_pushvalue(L, 1);
    lua_insert(L, -2);
    lua_pcall(L, 1, 1, 0);
    lua_pushboolean(L, 0);
    lua_insert(L, -2);
    return 2;
}

/// xpcall(f, handler, ...): Lua calls a message handler before unwinding, from inside the count
/// hook when the hook stopped the script, where no hook fires: a loop in the handler would never
/// end. This one calls the handler after the protected call has returned, as ordinary code that
/// the hook counts and stops. It returns what Lua's does (true and f's results, or false and the
/// handler's one result); the handler cannot see the failed call's stack, which the sandbox
/// gives no means to read anyway.
static int sandbox_xpcall(lua_State *L) {
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushboolean(L, 1);  // f handler args... true
    lua_pushvalue(L, 1);    // f handler args... true f
    lua_rotate(L, 3, 2);    // f handler true f args...
    lua_remove(L, 1);       // handler true f args...
    int status = lua_pcallk(L, n - 2, LUA_MULTRET, 0, 1, finish_xpcall);
    return finish_xpcall(L, status, 1);
}

// MARK: - error and coroutine.yield

/// error(message, level) as Lua's, but when the frame `level` names was replaced by a tail call
/// (or is a C function), the message names the nearest line of plugin code instead of nothing.
static int sandbox_error(lua_State *L) {
    lua_Integer level = luaL_optinteger(L, 2, 1);
    lua_settop(L, 1);
    if (lua_type(L, 1) == LUA_TSTRING && level > 0) {
        clua_push_where(L, level > 1000000 ? 1000000 : (int)level, 0);
        lua_pushvalue(L, 1);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

/// coroutine.yield as Lua's, but a yield outside a coroutine (or across a C call) is an error
/// at the line that yields.
static int sandbox_yield(lua_State *L) {
    if (!lua_isyieldable(L)) {
        int main = lua_pushthread(L);
        lua_pop(L, 1);
        return clua_located_error(L, main ? "attempt to yield from outside a coroutine"
                                          : "attempt to yield across a C-call boundary");
    }
    return lua_yield(L, lua_gettop(L));
}

// MARK: - Counted C work

/// Runs the library's own function (upvalue 1, a C function without upvalues) in this frame, so
/// that its errors name the caller's line as they always did.
static int call_original(lua_State *L) {
    return lua_tocfunction(L, lua_upvalueindex(1))(L);
}

/// collectgarbage: a collection (or a step, which may finish one) traverses the heap, so it is
/// charged one instruction per CLUA_GC_BYTES_PER_INSTRUCTION bytes in use; "count" and
/// "isrunning" are free.
static int counted_collectgarbage(lua_State *L) {
    const char *option = lua_type(L, 1) == LUA_TSTRING ? lua_tostring(L, 1) : "collect";
    if (strcmp(option, "count") != 0 && strcmp(option, "isrunning") != 0)
        clua_charge(L, 1 + (int64_t)(clua_control_of(L)->used / CLUA_GC_BYTES_PER_INSTRUCTION));
    return call_original(L);
}

/// string.rep: Lua copies the empty string n - 1 times, which for 2^53 never ends.
static int guarded_rep(lua_State *L) {
    size_t length, separator = 0;
    luaL_checklstring(L, 1, &length);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &separator);
    if (n > 0 && length + separator == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    return call_original(L);
}

/// The length of the table argument 1 (its __len, if any, runs as the function will run it).
static double table_length(lua_State *L) {
    return (double)luaL_len(L, 1);
}

/// Argument `index` as an integer (a float with an integer value too), in *value; 0 if it is none.
static int integer_argument(lua_State *L, int index, double *value) {
    int isnum = 0;
    lua_Integer n = lua_tointegerx(L, index, &isnum);
    *value = (double)n;
    return isnum;
}

/// Charges `elements` moved or compared, as one instruction each (clamped to the budget type).
static void charge_elements(lua_State *L, double elements) {
    if (elements <= 0) return;
    clua_charge(L, elements > 9e18 ? INT64_MAX : (int64_t)elements);
}

/// table.insert(t, pos, v) shifts the elements from pos up; table.insert(t, v) moves none.
static int counted_insert(lua_State *L) {
    double position;
    if (lua_gettop(L) == 3 && lua_type(L, 1) == LUA_TTABLE && integer_argument(L, 2, &position))
        charge_elements(L, table_length(L) + 1 - position);
    return call_original(L);
}

/// table.remove(t, pos) shifts the elements above pos down.
static int counted_remove(lua_State *L) {
    double position;
    if (lua_type(L, 1) == LUA_TTABLE && integer_argument(L, 2, &position))
        charge_elements(L, table_length(L) - position);
    return call_original(L);
}

/// table.move(a1, f, e, t) copies e - f + 1 elements, one C loop for all of them.
static int counted_move(lua_State *L) {
    double first, last;
    if (integer_argument(L, 2, &first) && integer_argument(L, 3, &last)) charge_elements(L, last - first + 1);
    return call_original(L);
}

/// table.sort(t) compares about n log2 n pairs.
static int counted_sort(lua_State *L) {
    if (lua_type(L, 1) == LUA_TTABLE) {
        double n = table_length(L);
        if (n > 1) charge_elements(L, n * log2(n));
    }
    return call_original(L);
}

static void replace(lua_State *L, const char *name, lua_CFunction guard) {
    lua_getfield(L, -1, name);
    lua_pushcclosure(L, guard, 1);
    lua_setfield(L, -2, name);
}

void clua_guard_library(lua_State *L) {
    lua_pushglobaltable(L);
    lua_pushcfunction(L, sandbox_pcall);
    lua_setfield(L, -2, "pcall");
    lua_pushcfunction(L, sandbox_xpcall);
    lua_setfield(L, -2, "xpcall");
    lua_pushcfunction(L, sandbox_error);
    lua_setfield(L, -2, "error");
    replace(L, "collectgarbage", counted_collectgarbage);
    lua_pop(L, 1);

    lua_getglobal(L, LUA_COLIBNAME);
    lua_pushcfunction(L, sandbox_yield);
    lua_setfield(L, -2, "yield");
    lua_pop(L, 1);

    lua_getglobal(L, LUA_STRLIBNAME);
    replace(L, "rep", guarded_rep);
    lua_pop(L, 1);

    lua_getglobal(L, LUA_TABLIBNAME);
    replace(L, "insert", counted_insert);
    replace(L, "remove", counted_remove);
    replace(L, "move", counted_move);
    replace(L, "sort", counted_sort);
    lua_pop(L, 1);
}
