// The pattern guard. Lua's pattern matcher backtracks without bound and runs in C, where the
// instruction budget cannot reach it: 'a-a-a-a-a-a-b' on a long run of 'a' takes longer than the
// universe. Before string.find, match, gmatch and gsub run, the guard bounds the matcher's work
// from the pattern's structure and the subject, and refuses calls over the state's limit.
//
// The bound: every quantified single-character item (*, +, -) tries at most one length per
// subject character its class matches, and of those only the ones where the next item also
// matches go deeper; when nothing after an item can fail, its first length already succeeds.
// So the number of paths is at most  starts x product(survivors) x (1 + sum(matches) + items),
// where starts is 1 for an anchored pattern and the subject length + 1 otherwise; a '?' that
// can be followed by a failure doubles it.

#include "CLuaShim.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define MAX_ITEMS 256

enum guarded_function { GUARD_FIND, GUARD_MATCH, GUARD_GMATCH, GUARD_GSUB };

enum item_kind { ITEM_SINGLE, ITEM_OTHER, ITEM_END };

typedef struct {
    enum item_kind kind;
    const char *p, *ep; // the single-character class [p, ep)
    char quantifier;    // '*', '+', '-', '?' or 0
} item;

/// The end of the single-character class starting at p, or NULL with *error set.
static const char *class_end(const char *p, const char *pend, const char **error) {
    char c = *p++;
    if (c == '%') {
        if (p >= pend) {
            *error = "malformed pattern (ends with '%')";
            return NULL;
        }
        return p + 1;
    }
    if (c == '[') {
        if (p < pend && *p == '^') p++;
        for (;;) { // the first character of a set is literal, even ']'
            if (p >= pend) break;
            if (*p++ == '%' && p < pend) p++;
            if (p >= pend) break;
            if (*p == ']') return p + 1;
        }
        *error = "malformed pattern (missing ']')";
        return NULL;
    }
    return p;
}

static int match_class(int c, int class) {
    int result;
    switch (tolower(class)) {
    case 'a': result = isalpha(c); break;
    case 'c': result = iscntrl(c); break;
    case 'd': result = isdigit(c); break;
    case 'g': result = isgraph(c); break;
    case 'l': result = islower(c); break;
    case 'p': result = ispunct(c); break;
    case 's': result = isspace(c); break;
    case 'u': result = isupper(c); break;
    case 'w': result = isalnum(c); break;
    case 'x': result = isxdigit(c); break;
    default: return class == c;
    }
    if (isupper(class)) result = !result;
    return result != 0;
}

/// Whether c is in the set [p, last] where *p == '[' and *last == ']'.
static int match_set(int c, const char *p, const char *last) {
    int in = 1;
    p++;
    if (*p == '^') {
        in = 0;
        p++;
    }
    while (p < last) {
        if (*p == '%' && p + 1 < last) {
            if (match_class(c, (unsigned char)p[1])) return in;
            p += 2;
        } else if (p + 2 < last && p[1] == '-') {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2]) return in;
            p += 3;
        } else {
            if ((unsigned char)*p == c) return in;
            p++;
        }
    }
    return !in;
}

static int single_match(int c, const item *it) {
    switch (*it->p) {
    case '.': return 1;
    case '%': return match_class(c, (unsigned char)it->p[1]);
    case '[': return match_set(c, it->p, it->ep - 1);
    default: return (unsigned char)*it->p == c;
    }
}

static double count_matches(const char *s, size_t ls, const item *it) {
    if (*it->p == '.') return (double)ls;
    double n = 0;
    for (size_t i = 0; i < ls; i++) n += single_match((unsigned char)s[i], it);
    return n;
}

/// Splits a pattern into items; returns the number of items, or -1 with *error set.
static int parse_pattern(const char *p, const char *pend, item *items, int *anchored_end, const char **error) {
    int n = 0;
    *anchored_end = 0;
    while (p < pend) {
        if (n >= MAX_ITEMS - 1) {
            *error = "pattern too long for the sandbox (more than 255 items)";
            return -1;
        }
        item *it = &items[n];
        it->quantifier = 0;
        if (*p == '(' || *p == ')') { p++; continue; }
        if (*p == '$' && p + 1 == pend) {
            *anchored_end = 1;
            break;
        }
        if (*p == '%' && p + 1 < pend && (p[1] == 'b' || p[1] == 'f' || isdigit((unsigned char)p[1]))) {
            it->kind = ITEM_OTHER;
            if (p[1] == 'b') {
                if (p + 4 > pend) {
                    *error = "malformed pattern (missing arguments to '%b')";
                    return -1;
                }
                p += 4;
            } else if (p[1] == 'f') {
                p += 2;
                if (p >= pend || *p != '[') {
                    *error = "missing '[' after '%f' in pattern";
                    return -1;
                }
                if ((p = class_end(p, pend, error)) == NULL) return -1;
            } else {
                p += 2;
            }
            n++;
            continue;
        }
        const char *ep = class_end(p, pend, error);
        if (ep == NULL) return -1;
        it->kind = ITEM_SINGLE;
        it->p = p;
        it->ep = ep;
        if (ep < pend && strchr("*+-?", *ep) != NULL) it->quantifier = *ep++;
        p = ep;
        n++;
    }
    items[n].kind = ITEM_END;
    items[n].quantifier = 0;
    return n;
}

/// An upper bound on the paths the matcher explores, or -1 with *error set.
static double pattern_cost(const char *s, size_t ls, const char *p, size_t lp, const char **error) {
    item items[MAX_ITEMS];
    const char *pend = p + lp;
    int anchored = lp > 0 && *p == '^';
    if (anchored) p++;
    int anchored_end;
    int n = parse_pattern(p, pend, items, &anchored_end, error);
    if (n < 0) return -1;

    // tail_safe[i]: items i.. cannot fail (only *, - and ? items up to an unanchored end), so
    // the first length an item before them tries already succeeds.
    int tail_safe[MAX_ITEMS];
    tail_safe[n] = !anchored_end;
    for (int i = n - 1; i >= 0; i--) {
        const item *it = &items[i];
        int optional = it->kind == ITEM_SINGLE && it->quantifier != 0 && it->quantifier != '+';
        tail_safe[i] = optional && tail_safe[i + 1];
    }

    double starts = anchored ? 1 : (double)ls + 1;
    double paths = 1, matches = 0;
    for (int i = 0; i < n; i++) {
        const item *it = &items[i];
        if (it->kind != ITEM_SINGLE || it->quantifier == 0) continue;
        if (it->quantifier == '?') {
            if (!tail_safe[i + 1]) paths *= 2;
            continue;
        }
        double count = count_matches(s, ls, it);
        matches += count;
        const item *next = &items[i + 1];
        double survivors;
        if (tail_safe[i + 1] || next->kind == ITEM_END)
            survivors = 1;
        else if (next->kind == ITEM_SINGLE && next->quantifier == 0) {
            if (tail_safe[i + 2]) {
                survivors = 1;
            } else {
                double following = count_matches(s, ls, next);
                survivors = (following < count ? following : count) + 1;
            }
        } else
            survivors = count + 1;
        paths *= survivors;
    }
    return starts * paths * (matches + 1 + n);
}

static int has_specials(const char *p, size_t lp) {
    for (size_t i = 0; i < lp; i++)
        if (strchr("^$*+?.([%-", p[i]) != NULL) return 1;
    return 0;
}

static int pattern_guard(lua_State *L) {
    enum guarded_function function = (enum guarded_function)lua_tointeger(L, lua_upvalueindex(2));
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    int plain = function == GUARD_FIND && lua_toboolean(L, 4);
    if (!plain && has_specials(p, lp)) {
        const char *error = NULL;
        double cost = pattern_cost(s, ls, p, lp, &error);
        if (cost < 0) return luaL_error(L, "%s", error);
        double limit = clua_control_of(L)->pattern_cost_limit;
        if (cost > limit) {
            char shown[48];
            snprintf(shown, sizeof shown, "%.*s%s", lp > 40 ? 40 : (int)lp, p, lp > 40 ? "..." : "");
            return luaL_error(L,
                              "pattern '%s' is too costly for a subject of %I bytes "
                              "(up to %f matcher steps; the sandbox allows %f)",
                              shown, (lua_Integer)ls, (lua_Number)cost, (lua_Number)limit);
        }
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/// Replaces string.find, match, gmatch and gsub with guarded versions (string table on the stack).
void clua_guard_patterns(lua_State *L) {
    static const char *const names[] = {"find", "match", "gmatch", "gsub"};
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    lua_getfield(L, -1, LUA_STRLIBNAME);
    for (int i = 0; i < 4; i++) {
        lua_getfield(L, -1, names[i]);
        lua_pushinteger(L, i);
        lua_pushcclosure(L, pattern_guard, 2);
        lua_setfield(L, -2, names[i]);
    }
    lua_pop(L, 2);
}
