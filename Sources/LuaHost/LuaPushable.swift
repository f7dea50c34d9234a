import CLua

/// A Swift value that can put itself on a Lua stack as one Lua value.
///
/// Conform domain types that scripts read (a household view, a finding) so they go to Lua
/// directly, field by field, without an intermediate `LuaValue`.
public protocol LuaPushable {
    /// Pushes exactly one value onto `stack`.
    func push(onto stack: LuaStack)
}

extension Bool: LuaPushable {
    /// Pushes a boolean.
    @inlinable public func push(onto stack: LuaStack) { stack.push(self) }
}

extension Int: LuaPushable {
    /// Pushes an integer.
    @inlinable public func push(onto stack: LuaStack) { stack.push(self) }
}

extension Int64: LuaPushable {
    /// Pushes an integer.
    @inlinable public func push(onto stack: LuaStack) { stack.push(self) }
}

extension Double: LuaPushable {
    /// Pushes a float.
    @inlinable public func push(onto stack: LuaStack) { stack.push(self) }
}

extension String: LuaPushable {
    /// Pushes a string.
    @inlinable public func push(onto stack: LuaStack) { stack.push(self) }
}

extension Optional: LuaPushable where Wrapped: LuaPushable {
    /// Pushes the wrapped value, or `nil`.
    @inlinable public func push(onto stack: LuaStack) {
        if let value = self { value.push(onto: stack) } else { stack.pushNil() }
    }
}

extension Array: LuaPushable where Element: LuaPushable {
    /// Pushes a sequence `{e1, e2, ...}`.
    @inlinable public func push(onto stack: LuaStack) {
        stack.pushTable(arrayCount: count)
        for (offset, element) in enumerated() {
            stack.setIndex(offset + 1, element)
        }
    }
}

extension Dictionary: LuaPushable where Key == String, Value: LuaPushable {
    /// Pushes a table of fields.
    @inlinable public func push(onto stack: LuaStack) {
        stack.pushTable(fieldCount: count)
        for (key, value) in self {
            stack.setField(key, value)
        }
    }
}

extension LuaValue: LuaPushable {
    /// Pushes the value; opaque values (which have no data) push `nil`, and so do table keys
    /// Lua cannot hold (`nil`, NaN), which are left out.
    public func push(onto stack: LuaStack) {
        switch self {
        case .nil, .opaque: stack.pushNil()
        case .boolean(let value): stack.push(value)
        case .integer(let value): stack.push(value)
        case .number(let value): stack.push(value)
        case .string(let value): stack.push(value)
        case .table(let table):
            stack.pushTable(arrayCount: table.array.count, fieldCount: table.fields.count)
            for (offset, element) in table.array.enumerated() {
                stack.setIndex(offset + 1, element)
            }
            for (key, value) in table.fields where key.isValidTableKey {
                key.push(onto: stack)
                value.push(onto: stack)
                lua_rawset(stack.L, -3)
            }
        }
    }

    private var isValidTableKey: Bool {
        switch self {
        case .nil, .opaque: false
        case .number(let value): !value.isNaN
        default: true
        }
    }
}
