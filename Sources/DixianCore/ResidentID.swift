/// An 18-digit citizen identity number (公民身份号码) as GB 11643-1999 defines it: a 6-digit
/// address code (GB/T 2260), an 8-digit birth date, a 3-digit sequence code whose parity gives
/// the sex, and an ISO 7064 MOD 11-2 check character (`0`-`9` or `X`).
///
/// A `ResidentID` cannot hold an invalid number: every initializer checks all four parts.
public struct ResidentID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 18 characters, with a lowercase check `x` normalised to `X`.
    public let rawValue: String

    /// Validates `text` as a resident ID number.
    /// - Throws: `ResidentIDError` saying which part is wrong.
    public init(_ text: some StringProtocol) throws(ResidentIDError) {
        var string = String(text)
        let checked = string.withUTF8 { ResidentID.validate($0) }
        switch checked {
        case .success(let upperCaseX): rawValue = upperCaseX ? String(string.dropLast()) + "X" : string
        case .failure(let error): throw error
        }
    }

    /// Checks the 18 bytes of a number; success says whether the check character is a lowercase
    /// `x` to normalise.
    private static func validate(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Bool, ResidentIDError> {
        if let wide = bytes.firstIndex(where: { $0 >= 0x80 }) {
            // Counted in characters: `１２` is two characters of three bytes each.
            let text = String(decoding: bytes, as: UTF8.self)
            let position = String(decoding: bytes[..<wide], as: UTF8.self).count + 1
            let found = text.dropFirst(position - 1).first ?? "\u{FFFD}"
            return .failure(ResidentIDError(.nonASCII(position: position, found: found, length: text.count)))
        }
        guard bytes.count == 18 else {
            return .failure(ResidentIDError(.length(String(decoding: bytes, as: UTF8.self).count)))
        }
        var sum = 0
        for offset in 0..<17 {
            let byte = bytes[offset]
            guard byte >= 0x30, byte <= 0x39 else {
                return .failure(ResidentIDError(.character(position: offset + 1, found: Character(Unicode.Scalar(byte)))))
            }
            sum += Int(byte - 0x30) * weights[offset]
        }
        let last = bytes[17]
        guard (0x30...0x39).contains(last) || last == UInt8(ascii: "X") || last == UInt8(ascii: "x") else {
            return .failure(ResidentIDError(.character(position: 18, found: Character(Unicode.Scalar(last)))))
        }
        let check: Character = last == UInt8(ascii: "x") ? "X" : Character(Unicode.Scalar(last))
        guard provinceCodes.contains(number(bytes, 0..<2)) else {
            return .failure(ResidentIDError(.province(String(decoding: bytes[0..<2], as: UTF8.self))))
        }
        guard birthDate(bytes) != nil else {
            return .failure(ResidentIDError(.birthDate(String(decoding: bytes[6..<14], as: UTF8.self))))
        }
        let expected = checkCharacters[sum % 11]
        guard check == expected else { return .failure(ResidentIDError(.checkCharacter(expected: expected, found: check))) }
        return .success(last == UInt8(ascii: "x"))
    }

    /// Builds the valid number for an address code, birth date and sequence code (1 to 999;
    /// odd for a man, even for a woman), computing the check character.
    public init(areaCode: String, birthDate: LocalDate, sequence: Int) throws(ResidentIDError) {
        guard (1...999).contains(sequence), (1900...9999).contains(birthDate.year) else {
            throw ResidentIDError(.birthDate(birthDate.description))
        }
        let body = areaCode + birthDate.description.filter(\.isASCIIDigit) + sequence.zeroPadded(3)
        let digits = body.compactMap(\.wholeNumberValue)
        guard digits.count == 17, body.count == 17 else { throw ResidentIDError(.length(body.count + 1)) }
        try self.init(body + String(ResidentID.checkCharacter(for: digits)))
    }

    /// The 6-digit address code of the place of first registration (GB/T 2260).
    public var areaCode: Substring { rawValue.prefix(6) }

    /// The date of birth.
    public var birthDate: LocalDate {
        var text = rawValue
        return text.withUTF8 { ResidentID.birthDate($0)! }
    }

    /// The 3-digit sequence code.
    public var sequence: Int {
        var text = rawValue
        return text.withUTF8 { ResidentID.number($0, 14..<17) }
    }

    /// The sex the sequence code records: odd for men, even for women.
    public var sex: Sex { sequence % 2 == 1 ? .male : .female }

    /// The age in whole years on `date`.
    public func age(on date: LocalDate) -> Int { birthDate.years(until: date) }

    /// The number with the birth date and sequence hidden (`620621********123X`): what exports,
    /// notices and logs show unless an authorised user asks for the whole number.
    public var masked: String { rawValue.prefix(6) + String(repeating: "*", count: 8) + rawValue.suffix(4) }

    /// The number, masked: a `ResidentID` never prints itself in full by accident.
    public var description: String { masked }

    public static func < (lhs: ResidentID, rhs: ResidentID) -> Bool { lhs.rawValue < rhs.rawValue }

    // MARK: The parts of the standard

    /// Province-level codes of GB/T 2260 that appear in resident ID numbers.
    static let provinceCodes: Set<Int> = [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ]

    /// ISO 7064 MOD 11-2 weights, 2^(17-i) mod 11 for positions 1 to 17.
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// The check characters by the weighted sum modulo 11.
    static let checkCharacters = Array("10X98765432")

    /// The check character for the first 17 digits.
    static func checkCharacter(for digits: [Int]) -> Character {
        checkCharacters[zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 } % 11]
    }

    /// The decimal number in `range` of `bytes` (known to be ASCII digits).
    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        range.reduce(0) { $0 * 10 + Int(bytes[$1] &- 0x30) }
    }

    /// The birth date in digits 7 to 14, if it is a real day from 1900 on.
    private static func birthDate(_ bytes: UnsafeBufferPointer<UInt8>) -> LocalDate? {
        let year = number(bytes, 6..<10)
        guard year >= 1900 else { return nil }
        return LocalDate(year: year, month: number(bytes, 10..<12), day: number(bytes, 12..<14))
    }
}

/// Why a text is not a valid resident ID number.
public struct ResidentIDError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The part of the number that is wrong.
    public enum Reason: Hashable, Sendable {
        /// It has this many characters, not 18.
        case length(Int)
        /// The character at this position (1-based) is not allowed there.
        case character(position: Int, found: Character)
        /// The character at this position (1-based) is a full-width digit or another non-ASCII
        /// character; the text has `length` characters.
        case nonASCII(position: Int, found: Character, length: Int)
        /// The first two digits are no province's code.
        case province(String)
        /// Digits 7 to 14 are not a real birth date from 1900 on.
        case birthDate(String)
        /// The check character does not match the other 17.
        case checkCharacter(expected: Character, found: Character)
    }

    /// What is wrong.
    public let reason: Reason

    /// An error for `reason`.
    public init(_ reason: Reason) { self.reason = reason }

    /// A sentence saying what is wrong, without repeating the number.
    public var description: String {
        switch reason {
        case .length(let count): "has \(count) characters, not 18"
        case .character(let position, let found):
            "character \(position) is '\(found)', not a digit\(position == 18 ? " or X" : "")"
        case .nonASCII(let position, let found, let length):
            "character \(position) is '\(found)', a full-width or other non-ASCII character: "
                + "type the number with the digits 0-9 and X (\(length) characters)"
        case .province(let code): "starts with \(code), which is no province's code"
        case .birthDate(let text): "birth date \(text) is not a real day"
        case .checkCharacter(let expected, let found): "check character is \(found) but should be \(expected)"
        }
    }
}
