/// The one paging scheme of the API's lists: `limit` items (1 to `maximumLimit`, 100 when not
/// given) after skipping `offset` (0 to `maximumOffset`), answered as a `PageDocument`.
struct Paging: Sendable {
    /// The most items one page holds.
    static let maximumLimit = 1000
    /// The most items a request may skip.
    static let maximumOffset = 1_000_000
    /// The parameters a list takes for paging.
    static let parameters = ["limit", "offset"]

    let limit: Int
    let offset: Int

    /// The paging `query` asks for, or 400 naming the parameter out of its range.
    init(_ query: QueryParameters) throws {
        limit = try query.integer("limit", in: 1...Self.maximumLimit, default: 100)
        offset = try query.integer("offset", in: 0...Self.maximumOffset, default: 0)
    }

    /// The page of `items` (all there are, in order).
    func page<Item: Encodable & Sendable>(of items: some Sequence<Item>) -> PageDocument<Item> {
        var taken = Array(items.dropFirst(offset).prefix(limit + 1))
        let more = taken.count > limit
        if more { taken.removeLast() }
        return PageDocument(items: taken, nextOffset: more ? offset + limit : nil)
    }
}

/// One page of a list: its items, and the offset of the next page (absent on the last).
struct PageDocument<Item: Encodable & Sendable>: Encodable, Sendable {
    var items: [Item]
    var nextOffset: Int?
}
