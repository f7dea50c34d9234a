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
// The items that match one way only add work along each path: a balanced match %bxy scans up
// to the whole subject (when x occurs in it; as the first item, only from the starts at an x),
// and a back-reference %1 compares up to the whole subject; a frontier %f tests one character.
// A character tested against a set costs a step per 64 characters of the set. A pattern
// without specials (or a plain find) compares up to its length at every start, 64 bytes a step.
// gmatch has no anchor: its '^' is an ordinary character.

#include "CLuaShim.h"
#include "sandbox_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define MAX_ITEMS 256

enum guarded_function { GUARD_FIND, GUARD_MATCH, GUARD_GMATCH, GUARD_GSUB };

enum item_kind { ITEM_SINGLE, ITEM_BALANCE, ITEM_FRONTIER, ITEM_BACKREFERENCE, ITEM_END };

/// Characters of a set the matcher tests in one step of the bound.
#define SET_CHARACTERS_PER_STEP 64
/// Sets longer than this are not evaluated character by character: every character may match.
#define LONGEST_EVALUATED_SET 1024
/// Bytes compared in one step of the bound when a pattern has no specials.
#define PLAIN_BYTES_PER_STEP 64

typedef struct {
    enum item_kind kind;
    const char *p, *ep; // the single-character class [p, ep); for %bxy, p points at x
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

/// How many characters of the subject item `it`'s class matches, from the subject's histogram.
static double count_matches(const double histogram[256], double ls, const item *it) {
    if (*it->p == '.' || it->ep - it->p > LONGEST_EVALUATED_SET) return ls;
    double n = 0;
    for (int c = 0; c < 256; c++)
        if (histogram[c] > 0 && single_match(c, it)) n += histogram[c];
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
            if (p[1] == 'b') {
                if (p + 4 > pend) {
                    *error = "malformed pattern (missing arguments to '%b')";
                    return -1;
                }
                it->kind = ITEM_BALANCE;
                it->p = p + 2;
                p += 4;
            } else if (p[1] == 'f') {
                p += 2;
                if (p >= pend || *p != '[') {
                    *error = "missing '[' after '%f' in pattern";
                    return -1;
                }
                it->kind = ITEM_FRONTIER;
                it->p = p;
                if ((p = class_end(p, pend, error)) == NULL) return -1;
                it->ep = p;
            } else {
                it->kind = ITEM_BACKREFERENCE;
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

/// Characters in the longest set of the items: a step tests a character against 64 of them.
static double set_step_cost(const item *items, int n) {
    double longest = 0;
    for (int i = 0; i < n; i++)
        if ((items[i].kind == ITEM_SINGLE || items[i].kind == ITEM_FRONTIER) && *items[i].p == '[') {
            double length = (double)(items[i].ep - items[i].p);
            if (length > longest) longest = length;
        }
    return 1 + longest / SET_CHARACTERS_PER_STEP;
}

/// An upper bound on the steps the matcher takes, or -1 with *error set.
static double pattern_cost(const char *s, size_t ls, const char *p, size_t lp, int anchorable, const char **error) {
    item items[MAX_ITEMS];
    const char *pend = p + lp;
    int anchored = anchorable && lp > 0 && *p == '^';
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

    // How often each byte occurs in the subject: one pass, made only for the items that need it.
    double histogram[256] = {0};
    for (int i = 0; i < n; i++)
        if (items[i].kind == ITEM_BALANCE || (items[i].kind == ITEM_SINGLE && items[i].quantifier != 0
                                              && items[i].quantifier != '?')) {
            for (size_t j = 0; j < ls; j++) histogram[(unsigned char)s[j]] += 1;
            break;
        }
    double length = (double)ls;

    double starts = anchored ? 1 : length + 1;
    double paths = 1, matches = 0, scans = 0, first_scans = 0;
    for (int i = 0; i < n; i++) {
        const item *it = &items[i];
        if (it->kind == ITEM_BALANCE || it->kind == ITEM_BACKREFERENCE) {
            // %bxy scans only from an x; a back-reference compares up to the capture's length.
            double occurrences = it->kind == ITEM_BALANCE ? histogram[(unsigned char)*it->p] : length;
            if (i == 0 && !anchored)
                first_scans = occurrences * length;
            else if (occurrences > 0)
                scans += length;
            continue;
        }
        if (it->kind != ITEM_SINGLE || it->quantifier == 0) continue;
        if (it->quantifier == '?') {
            if (!tail_safe[i + 1]) paths *= 2;
            continue;
        }
        double count = count_matches(histogram, length, it);
        matches += count;
        const item *next = &items[i + 1];
        double survivors;
        if (tail_safe[i + 1] || next->kind == ITEM_END)
            survivors = 1;
        else if (next->kind == ITEM_SINGLE && next->quantifier == 0) {
            if (tail_safe[i + 2]) {
                survivors = 1;
            } else {
                double following = count_matches(histogram, length, next);
                survivors = (following < count ? following : count) + 1;
            }
        } else
            survivors = count + 1;
        paths *= survivors;
    }
    return (starts * paths * (matches + 1 + n + scans) + first_scans) * set_step_cost(items, n);
}

/// The bound for a pattern without specials: a comparison of up to its length at every start.
static double plain_cost(size_t ls, size_t lp) {
    return ((double)ls + 1) * ((double)lp / PLAIN_BYTES_PER_STEP + 1);
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
    int plain = (function == GUARD_FIND && lua_toboolean(L, 4)) || !has_specials(p, lp);
    const char *error = NULL;
    double cost = plain ? plain_cost(ls, lp) : pattern_cost(s, ls, p, lp, function != GUARD_GMATCH, &error);
    if (cost < 0) return clua_located_error(L, "%s", error);
    double limit = clua_control_of(L)->pattern_cost_limit;
    if (cost > limit) {
        char shown[48];
        snprintf(shown, sizeof shown, "%.*s%s", lp > 40 ? 40 : (int)lp, p, lp > 40 ? "..." : "");
        clua_push_where(L, 1, 1);
        lua_pushfstring(L, "pattern '%s' is too costly for a subject of %I bytes "
                           "(up to %f matcher steps; the sandbox allows %f)",
                        shown, (lua_Integer)ls, (lua_Number)cost, (lua_Number)limit);
        lua_concat(L, 2);
        // Kept for the host, which tells this stop from the script's own errors by it.
        snprintf(clua_control_of(L)->pattern_refusal, sizeof clua_control_of(L)->pattern_refusal, "%s", lua_tostring(L, -1));
        return lua_error(L);
    }
    // The library's own function, run in this frame: its errors name the caller's line.
    return lua_tocfunction(L, lua_upvalueindex(1))(L);
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
