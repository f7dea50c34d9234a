/// The registry's places by code, for showing names where records hold codes, finding
/// villages by name, and the village-level facts derived from other records (空白村).
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

    /// The villages (within `area`, a code prefix, when given) with no monitored household in
    /// the three years up to `day` (空白村): none of their households has an episode identified
    /// on or before `day` and not eliminated before three years earlier. Derived, never stored:
    /// `episodes` are the registry's monitoring episodes.
    public func blankVillages(asOf day: LocalDate, episodes: [MonitoringEpisode], within area: String? = nil) -> [Place] {
        let windowStart = day.adding(months: -36)
        var monitored = Set<String>()
        for episode in episodes {
            guard let identified = episode.identifiedOn, identified <= day else { continue }
            if let eliminated = episode.eliminatedOn, eliminated < windowStart { continue }
            monitored.insert(String(episode.householdNumber.prefix(12)))
        }
        return villages(in: area).filter { !monitored.contains($0.code) }
    }
}
