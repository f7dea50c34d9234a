import Mustache

/// A page's values as the templates read them: each struct or class turned, once, into a
/// dictionary of its stored properties. swift-mustache finds a name in a struct by reflecting
/// on it (`Mirror`) at every lookup, and on every value of the context stack as it climbs to a
/// name of an outer section, which took a fifth of a household page's time; a dictionary it
/// reads by key. What a template can see does not change: the stored properties, an absent
/// optional as missing, and values that print themselves (`CustomStringConvertible`: dates,
/// amounts) kept whole, so that `{{dueOn}}` prints the date as before.
enum TemplateValues {
    /// `value` with its structs and classes as dictionaries, its arrays' elements likewise;
    /// nil for an absent optional.
    static func tree(_ value: Any) -> Any? {
        // The leaves most fields hold, without the cost of reflecting on them.
        switch value {
        case is String, is Int, is Bool: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { tree($0.value) }
        case .collection:
            return mirror.children.compactMap { tree($0.value) }
        case .struct, .class:
            if value is any CustomStringConvertible || value is any MustacheParent || value is any MustacheCustomRenderable
                || value is MustacheLambda || value is any MustacheTransformable
            {
                return value
            }
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let field = tree(child.value) { fields[label] = field }
            }
            return fields
        default:
            return value
        }
    }
}
