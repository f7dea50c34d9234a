// What the C files of the sandbox share and Swift never calls.
#ifndef DIXIAN_SANDBOX_INTERNAL_H
#define DIXIAN_SANDBOX_INTERNAL_H

#include "CLuaShim.h"

/// Replaces string.find, match, gmatch and gsub with guarded versions (patterns.c).
void clua_guard_patterns(lua_State *L);

/// Replaces the library functions that would run script code outside the count hook or unbounded
/// C work outside the budget (guarded_library.c).
void clua_guard_library(lua_State *L);

/// The message handler of every host call: records where the error was raised and the
/// traceback, and runs no script code.
int clua_message_handler(lua_State *L);

/// Pushes "chunk:line: " of the function `level` frames up, as luaL_where does; when that frame
/// has no line (a tail call replaced it, or it is a C function), or with `plugin_only` is in a
/// host chunk, of the nearest frame of plugin code instead; "" when there is none.
void clua_push_where(lua_State *L, int level, int plugin_only);

/// Raises an error whose message is `format` (lua_pushfstring's) after the location of the
/// plugin code that called the running C function.
int clua_located_error(lua_State *L, const char *format, ...);

/// Charges C work worth `instructions` against the budget; when that spends it, stops the
/// script with the budget's error, as the count hook does.
void clua_charge(lua_State *L, int64_t instructions);

/// Replaces "not enough memory" on the top of the stack, the error of a call that ran out of
/// memory (`status` LUA_ERRMEM, or a plain message a coroutine passed on), with the location
/// where the allocation was refused.
void clua_locate_memory_error(lua_State *L, int status);

#endif
