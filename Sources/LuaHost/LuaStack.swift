import CLua
import CLuaShim

/// The stack of a Lua thread, for pushing Swift values and reading Lua values back.
///
/// A `LuaStack` is only valid inside the call that handed it out (a `LuaPushable.push(onto:)`,
/// a host function); it must not be stored. Every operation on it is one that cannot raise a
/// Lua error: values are pushed while the host has lifted the state's memory cap, tables are
/// written raw, and reads never convert in place.
public struct LuaStack {
    @usableFromInline let L: OpaquePointer

    @usableFromInline init(_ L: OpaquePointer) {
        self.L = L
    }

    /// The index of the top slot (the number of values on the stack).
    public var top: Int32 { lua_gettop(L) }

    /// Makes room for `count` more values; running out of stack is a host bug.
    @inlinable func reserve(_ count: Int32) {
        guard lua_checkstack(L, count) != 0 else {
            preconditionFailure("the Lua stack cannot grow by \(count) slots")
        }
    }

    /// Removes the top `count` values.
    @inlinable public func pop(_ count: Int32 = 1) {
        clua_pop(L, count)
    }

    // MARK: Pushing

    /// Pushes `nil`.
    @inlinable public func pushNil() { reserve(1); lua_pushnil(L) }
    /// Pushes a boolean.
    @inlinable public func push(_ value: Bool) { reserve(1); lua_pushboolean(L, value ? 1 : 0) }
    /// Pushes an integer.
    @inlinable public func push(_ value: Int) { reserve(1); lua_pushinteger(L, lua_Integer(value)) }
    /// Pushes an integer.
    @inlinable public func push(_ value: Int64) { reserve(1); lua_pushinteger(L, lua_Integer(value)) }
    /// Pushes a float.
    @inlinable public func push(_ value: Double) { reserve(1); lua_pushnumber(L, value) }

    /// Pushes a string as its UTF-8 bytes.
    @inlinable public func push(_ value: String) {
        reserve(1)
        var text = value
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
    }

    /// Pushes a string given as UTF-8 bytes (for text formatted without making a `String`).
    @inlinable public func push(utf8 bytes: UnsafeRawBufferPointer) {
        reserve(1)
        _ = lua_pushlstring(L, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count)
    }

    /// Pushes the first `count` bytes of `value`'s UTF-8 (a prefix of a code, say) without copying it first.
    @inlinable public func push(prefix count: Int, of value: String) {
        reserve(1)
        var text = value
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, min(count, $0.count)) }
        }
    }

    /// Pushes any value that knows how to push itself.
    @inlinable public func push(_ value: some LuaPushable) {
        value.push(onto: self)
    }

    /// Pushes a new empty table, sized for `arrayCount` sequence elements and `fieldCount` other fields.
    @inlinable public func pushTable(arrayCount: Int = 0, fieldCount: Int = 0) {
        reserve(3)
        lua_createtable(L, Int32(clamping: arrayCount), Int32(clamping: fieldCount))
    }

    /// Sets field `key` of the table on top of the stack (one created by `pushTable`) to `value`.
    /// A literal key is passed to Lua without copying. The set is raw: no metamethod runs, so
    /// filling a table never raises (a view's read-only metatable does not see the host).
    @inlinable public func setField(_ key: StaticString, _ value: some LuaPushable) {
        precondition(key.hasPointerRepresentation, "field names are literals")
        reserve(2)
        key.utf8Start.withMemoryRebound(to: CChar.self, capacity: key.utf8CodeUnitCount + 1) {
            _ = lua_pushstring(L, $0)
        }
        value.push(onto: self)
        lua_rawset(L, -3)
    }

    /// Pushes `keys` (field names used again and again) and returns the stack index of the
    /// first; `setField(keyAt:_:)` then sets fields with them without looking the names up.
    /// Pop them (`pop(Int32(keys.count))`) when done.
    public func pushKeys(_ keys: [StaticString]) -> Int32 {
        reserve(Int32(keys.count) + 1)
        let base = lua_gettop(L) + 1
        for key in keys {
            precondition(key.hasPointerRepresentation, "field names are literals")
            key.utf8Start.withMemoryRebound(to: CChar.self, capacity: key.utf8CodeUnitCount + 1) {
                _ = lua_pushstring(L, $0)
            }
        }
        return base
    }

    /// Pushes `keys` (field names made at run time, used again and again) and returns the stack
    /// index of the first, as `pushKeys(_:)` of literals does.
    public func pushKeys(_ keys: [String]) -> Int32 {
        reserve(Int32(keys.count) + 1)
        let base = lua_gettop(L) + 1
        for key in keys { push(key) }
        return base
    }

    /// Sets field (the string at stack index `keyIndex`, from `pushKeys`) of the table on top of
    /// the stack to `value`, raw.
    @inlinable public func setField(keyAt keyIndex: Int32, _ value: some LuaPushable) {
        reserve(2)
        lua_pushvalue(L, keyIndex)
        value.push(onto: self)
        lua_rawset(L, -3)
    }

    /// Moves the value on top of the stack down to index `position`, dropping everything that
    /// was between (the keys pushed for filling it, say).
    public func keepTop(at position: Int32) {
        lua_rotate(L, position, 1)
        lua_settop(L, position)
    }

    /// Sets field `key` of the table on top of the stack to `value`.
    @inlinable public func setField(_ key: String, _ value: some LuaPushable) {
        push(key)
        value.push(onto: self)
        lua_rawset(L, -3)
    }

    /// Sets element `index` of the table on top of the stack to `value`.
    @inlinable public func setIndex(_ index: Int, _ value: some LuaPushable) {
        value.push(onto: self)
        lua_rawseti(L, -2, lua_Integer(index))
    }

    /// Pushes `where(level)`, a function returning "chunk:line" of the function `level` frames up
    /// the Lua call stack (1: the function that calls `where`). Trusted host chunks use it to
    /// locate a plugin's declarations; it reveals nothing a plugin should not see, but it is
    /// not part of the sandbox's library either.
    public func pushCallerLocationFunction() {
        reserve(1)
        clua_pushcallerlocation(L)
    }

    /// Pushes `stop_kind(error)`, which tells whether an error a host chunk caught in the
    /// current call is a limit's stop: the name of the limit ('budget', 'interrupt', 'recount',
    /// 'memory', 'stack', 'pattern'), or nil for the script's own error. For trusted host chunks.
    public func pushStopKindFunction() {
        reserve(1)
        clua_pushstopkind(L)
    }

    /// Pushes `charge(n)`, which charges the running call's instruction budget `n` instructions
    /// (raising its stop when it runs out): for host chunks whose Swift functions do work for a
    /// script that no instruction counts. Never hand it to plugin code.
    public func pushChargeFunction() {
        reserve(1)
        clua_pushcharge(L)
    }

    /// Pushes element `position` of the table at `parent` if it is a table; otherwise creates a
    /// table (sized for `fieldCount` fields), stores it there and pushes it. For refilling the
    /// same tables call after call instead of allocating new ones.
    /// Returns true when the table was made now.
    @discardableResult
    @inlinable public func pushReusedTable(at position: Int, ofTableAt parent: Int32, fieldCount: Int) -> Bool {
        let table = lua_absindex(L, parent)
        reserve(2)
        guard lua_rawgeti(L, table, lua_Integer(position)) != LUA_TTABLE else { return false }
        lua_settop(L, -2)
        lua_createtable(L, 0, Int32(clamping: fieldCount))
        lua_pushvalue(L, -1)
        lua_rawseti(L, table, lua_Integer(position))
        return true
    }

    /// Pushes field (the string at stack index `keyIndex`, from `pushKeys`) of the table at
    /// `parent` if it is a table; otherwise creates one (sized for `arrayCount` elements), stores
    /// it there and pushes it.
    /// Returns true when the table was made now.
    @discardableResult
    @inlinable public func pushReusedTable(fieldAt keyIndex: Int32, ofTableAt parent: Int32, arrayCount: Int) -> Bool {
        let table = lua_absindex(L, parent)
        reserve(3)
        lua_pushvalue(L, keyIndex)
        guard lua_rawget(L, table) != LUA_TTABLE else { return false }
        lua_settop(L, -2)
        lua_pushvalue(L, keyIndex)
        lua_createtable(L, Int32(clamping: arrayCount), 0)
        lua_pushvalue(L, -1)
        lua_rotate(L, -3, 1)  // the table below the key, kept once the key is set
        lua_rawset(L, table)
        return true
    }

    /// Removes the integer keys of the table at `index` that `kept` refuses (years of a refilled
    /// table keyed by year, say).
    public func removeIntegerKeys(ofTableAt index: Int32, except kept: (Int) -> Bool) {
        let table = lua_absindex(L, index)
        var stale: [lua_Integer] = []
        reserve(3)
        lua_pushnil(L)
        while lua_next(L, table) != 0 {
            lua_settop(L, -2)
            var isInteger: Int32 = 0
            let key = lua_tointegerx(L, -1, &isInteger)
            if isInteger != 0 && !kept(Int(key)) { stale.append(key) }
        }
        for key in stale {
            lua_pushnil(L)
            lua_rawseti(L, table, key)
        }
    }

    /// Removes the elements after `length` from the sequence in the table at `index`.
    @inlinable public func truncateSequence(at index: Int32, to length: Int) {
        let table = lua_absindex(L, index)
        var position = lua_Integer(length + 1)
        reserve(1)
        while lua_rawgeti(L, table, position) != LUA_TNIL {
            lua_settop(L, -2)
            lua_pushnil(L)
            lua_rawseti(L, table, position)
            position += 1
        }
        lua_settop(L, -2)
    }

    /// Pops the value on top of the stack into element `index` of the table just below it
    /// (for building a list of tables without a Swift type per element).
    @inlinable public func popIntoIndex(_ index: Int) {
        lua_rawseti(L, -2, lua_Integer(index))
    }

    // MARK: Reading

    /// Reads element `position` of the table at `index` without metamethods, as `read` sees it
    /// on top of the stack (then popped): for reading long result lists without copying them whole.
    public func element<Result>(_ position: Int, ofTableAt index: Int32, _ read: (LuaStack) -> Result) -> Result {
        let table = lua_absindex(L, index)
        reserve(1)
        lua_rawgeti(L, table, lua_Integer(position))
        defer { pop() }
        return read(self)
    }

    /// The integer at `index`, nil if the value is not an integer (or a float with an integral value).
    public func integer(at index: Int32) -> Int64? {
        var isInteger: Int32 = 0
        let value = lua_tointegerx(L, index, &isInteger)
        return isInteger != 0 ? value : nil
    }

    /// Pushes field `name` of the table at `index` (raw access, no metamethods).
    public func pushField(_ name: String, ofTableAt index: Int32) {
        let table = lua_absindex(L, index)
        push(name)
        lua_rawget(L, table)
    }

    /// Copies the value at `index` into Swift (tables deeply, cycles marked, never calling metamethods).
    public func value(at index: Int32) -> LuaValue {
        var visiting: Set<UnsafeRawPointer> = []
        return value(at: lua_absindex(L, index), depth: 0, visiting: &visiting)
    }

    /// The string at `index` if it is a string (numbers are not converted).
    public func string(at index: Int32) -> String? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let bytes = lua_tolstring(L, index, &length) else { return nil }
        return bytes.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// The Lua type name of the value at `index`.
    public func typeName(at index: Int32) -> String {
        String(cString: lua_typename(L, lua_type(L, index)))
    }

    private static let maximumDepth = 200

    private func value(at index: Int32, depth: Int, visiting: inout Set<UnsafeRawPointer>) -> LuaValue {
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if clua_isinteger(L, index) != 0 { return .integer(Int64(clua_tointeger(L, index))) }
            return .number(clua_tonumber(L, index))
        case LUA_TSTRING: return .string(string(at: index) ?? "")
        case LUA_TTABLE: return table(at: index, depth: depth, visiting: &visiting)
        default: return .opaque(typeName(at: index))
        }
    }

    private func table(at index: Int32, depth: Int, visiting: inout Set<UnsafeRawPointer>) -> LuaValue {
        guard let identity = lua_topointer(L, index) else { return .opaque("table") }
        if visiting.contains(identity) || depth >= LuaStack.maximumDepth { return .opaque("table (cycle)") }
        visiting.insert(identity)
        defer { visiting.remove(identity) }
        reserve(3)

        let length = Int(lua_rawlen(L, index))
        var array: [LuaValue] = []
        array.reserveCapacity(length)
        for position in 0..<length {
            lua_rawgeti(L, index, lua_Integer(position + 1))
            array.append(value(at: lua_gettop(L), depth: depth + 1, visiting: &visiting))
            pop()
        }
        var fields: [LuaValue: LuaValue] = [:]
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            let keyIndex = lua_gettop(L) - 1
            let isSequenceKey = length > 0 && clua_isinteger(L, keyIndex) != 0
                && (1...length).contains(Int(clua_tointeger(L, keyIndex)))
            if !isSequenceKey {
                let key = value(at: keyIndex, depth: depth + 1, visiting: &visiting)
                fields[key] = value(at: lua_gettop(L), depth: depth + 1, visiting: &visiting)
            }
            pop()
        }
        return .table(LuaTable(array: array, fields: fields))
    }
}
