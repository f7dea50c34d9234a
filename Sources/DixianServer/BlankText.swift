extension String {
    /// The characters a name or reason may not consist of alone: Unicode's space separators
    /// (Zs), tab and the line breaks. The API document's `Name` and `Reason` patterns exclude
    /// the same list, so that the server and the document agree on every character.
    static let blankScalars: Set<Unicode.Scalar> = Set(
        [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000]
            .compactMap(Unicode.Scalar.init) + (0x2000...0x200A).compactMap(Unicode.Scalar.init))

    /// Whether the text is empty or holds only `blankScalars`.
    var isBlank: Bool { unicodeScalars.allSatisfy(Self.blankScalars.contains) }
}
