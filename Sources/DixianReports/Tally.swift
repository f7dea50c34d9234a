import LuaHost

/// Sums of a few metrics in groups keyed by a report's chosen dimensions (township, category,
/// risk type, ...), handed to Lua as a list of rows sorted by their keys: each row has the
/// dimension values, their names for officials (`township_name`), and the metrics.
struct Tally {
    /// The dimensions grouped by, in order.
    let dimensions: [String]
    /// The metrics summed.
    let metrics: [String]
    private var groups: [[String]: [Double]] = [:]
    private var distinct: [[String]: Set<String>] = [:]
    /// The metric counted as distinct keys (households), if any.
    private let distinctMetric: String?

    /// A tally of `metrics` by `dimensions`; `distinctMetric` counts distinct keys per group.
    init(by dimensions: [String], metrics: [String], distinctMetric: String? = nil) {
        self.dimensions = dimensions
        self.metrics = metrics
        self.distinctMetric = distinctMetric
    }

    /// Adds `values` (one per metric) to the group of every combination of `keys` (one list
    /// of values per dimension: a household with two risk types counts under both).
    mutating func add(_ keys: [[String]], _ values: [Double], distinctKey: String? = nil) {
        var combinations: [[String]] = [[]]
        for options in keys {
            combinations = combinations.flatMap { prefix in options.map { prefix + [$0] } }
        }
        for combination in combinations {
            groups[combination, default: Array(repeating: 0, count: metrics.count)].add(values)
            if let distinctKey { distinct[combination, default: []].insert(distinctKey) }
        }
    }

    /// The rows, sorted by their dimension values; `name` gives a value's name for officials.
    func rows(name: (_ dimension: String, _ value: String) -> String) -> LuaValue {
        let rows = groups.keys.sorted { $0.lexicographicallyPrecedes($1) }.map { keys -> LuaValue in
            var fields: [LuaValue: LuaValue] = [:]
            for (dimension, value) in zip(dimensions, keys) {
                fields[.string(dimension)] = .string(value)
                fields[.string(dimension + "_name")] = .string(name(dimension, value))
            }
            for (metric, value) in zip(metrics, groups[keys]!) {
                fields[.string(metric)] = value.rounded() == value ? .integer(Int64(value)) : .number(value)
            }
            if let distinctMetric { fields[.string(distinctMetric)] = .integer(Int64(distinct[keys]?.count ?? 0)) }
            return .table(LuaTable(fields: fields))
        }
        return .table(LuaTable(array: rows))
    }
}

extension Array where Element == Double {
    fileprivate mutating func add(_ values: [Double]) {
        for index in indices { self[index] += values[index] }
    }
}
