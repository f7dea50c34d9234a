/// The registry's places by code, for showing names where records hold codes, finding
/// villages by name.
public struct PlaceDirectory: Sendable {
    /// The places by code.
    public private(set) var places: [String: Place] = [:]

    /// A directory of `places`; a later place of the same code replaces an earlier one.
    public init(_ places: [Place] = []) {
        for place in places { add(place) }
    }

    /// Adds `place`, replacing the place of its code.
    public mutating func add(_ place: Place) { places[place.code] = place }

    /// The places of `store`'s place table.
    public static func read(from store: any RegistryStore) throws -> PlaceDirectory {
        var directory = PlaceDirectory()
        try store.forEachRecord(in: .place) { record in
            if case .place(let place) = record { directory.add(place) }
        }
        return directory
    }

    /// The places of `store`'s place table, read without holding a thread (the server's).
    public static func load(from store: any RegistryStore) async throws -> PlaceDirectory {
        PlaceDirectory(try await store.records(in: .place, where: "code", from: "0", below: ":").compactMap { record -> Place? in
            if case .place(let place) = record { place } else { nil }
        })
    }

    /// The name of the place with `code`, if known.
    public func name(of code: String) -> String? { places[code]?.name }

    /// Names by code, for the templates and plugins that take a dictionary.
    public var names: [String: String] { places.mapValues(\.name) }

    /// The villages of the township with `code` (every village when nil), in code order.
    public func villages(in township: String? = nil) -> [Place] {
        places.values.filter { place in place.level == .village && township.map { place.code.hasPrefix($0) } ?? true }
            .sorted { $0.code < $1.code }
    }

    /// The codes of the villages whose name holds `text` (`红沙` finds 红沙岗村), in code order.
    public func villageCodes(named text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        return villages().filter { $0.name.contains(text) }.map(\.code)
    }
}
