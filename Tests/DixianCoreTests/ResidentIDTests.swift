import DixianCore
import Testing

/// ResidentID accepts exactly the numbers GB 11643 allows.
struct ResidentIDTests {
    /// Random valid numbers from a fixed seed: real provinces, real days from 1900 to 2025.
    static func generated(count: Int, seed: UInt64) -> [ResidentID] {
        var random = SplitMix64(seed: seed)
        let provinces = [11, 13, 34, 45, 62, 64, 65, 71, 81, 82, 23, 51]
        return (0..<count).map { _ in
            let province = provinces[Int(random.next() % UInt64(provinces.count))]
            let area = String(province) + Int(random.next() % 10_000).zeroPadded(4)
            let birth = LocalDate(dayNumber: -25_567 + Int(random.next() % 46_000))  // 1900-01-01 on
            return try! ResidentID(areaCode: area, birthDate: birth, sequence: 1 + Int(random.next() % 999))
        }
    }

    @Test func knownNumbersValidate() throws {
        // The standard's worked example, with an X check character.
        let id = try ResidentID("11010519491231002X")
        #expect(id.sex == .female)
        #expect(id.birthDate == LocalDate(year: 1949, month: 12, day: 31))
    }

    @Test func everyGeneratedNumberValidates() throws {
        for id in Self.generated(count: 20_000, seed: 11643) {
            let reparsed = try ResidentID(id.rawValue)
            #expect(reparsed == id)
            #expect(reparsed.sex == (id.sequence % 2 == 1 ? .male : .female))
        }
    }

    @Test func everySingleCharacterChangeIsCaught() {
        let alphabet = Array("0123456789X")
        var checked = 0
        for id in Self.generated(count: 300, seed: 2_260) {
            let characters = Array(id.rawValue)
            for position in 0..<18 {
                for replacement in alphabet where replacement != characters[position] {
                    var changed = characters
                    changed[position] = replacement
                    #expect(throws: ResidentIDError.self, "\(String(changed)) passed") {
                        try ResidentID(String(changed))
                    }
                    checked += 1
                }
            }
        }
        #expect(checked == 300 * 18 * 10)
    }

    @Test(arguments: [
        ("11010519491231002", ResidentIDError.Reason.length(17)),
        ("1101051949123100211", .length(19)),
        ("11010519491231002Y", .character(position: 18, found: "Y")),
        ("1101051949123A002X", .character(position: 14, found: "A")),
        ("99010519491231002X", .province("99")),
        ("110105194902300022", .birthDate("19490230")),
        ("110105189912310021", .birthDate("18991231")),
        ("110105194912310021", .checkCharacter(expected: "X", found: "1")),
    ])
    func eachKindOfMistakeIsNamed(text: String, reason: ResidentIDError.Reason) {
        #expect(throws: ResidentIDError(reason)) { try ResidentID(text) }
    }

    @Test func lowercaseCheckCharacterIsNormalised() throws {
        #expect(try ResidentID("11010519491231002x").rawValue == "11010519491231002X")
    }

    @Test func partsAreReadBack() throws {
        let id = try ResidentID(areaCode: "620621", birthDate: LocalDate(year: 1958, month: 3, day: 1)!, sequence: 37)
        #expect(id.areaCode == "620621")
        #expect(id.sequence == 37)
        #expect(id.sex == .male)
        #expect(id.age(on: LocalDate(year: 2024, month: 2, day: 29)!) == 65)
        #expect(id.age(on: LocalDate(year: 2024, month: 3, day: 1)!) == 66)
    }

    @Test func printingMasksTheNumber() throws {
        let id = try ResidentID("11010519491231002X")
        #expect(id.masked == "110105********002X")
        #expect("\(id)" == "110105********002X")
    }
}

/// A number typed with full-width digits (as a Chinese input method gives them) is named as
/// such, with its characters counted as characters, not bytes.
struct ResidentIDFullWidthTests {
    @Test func fullWidthDigitsAreNamedAsNonASCIINotAsAWrongLength() {
        let fullWidth = "６２０６２１１９６８０３０１００３１"  // 18 full-width characters
        do {
            _ = try ResidentID(fullWidth)
            Issue.record("a full-width number was accepted")
        } catch {
            #expect(error.reason == .nonASCII(position: 1, found: "６", length: 18))
            #expect(error.description.contains("full-width"))
            #expect(!error.description.contains("not 18"))
        }
    }

    @Test func oneFullWidthDigitAmongASCIIIsLocated() {
        do {
            _ = try ResidentID("62062119680301003１")
            Issue.record("a number with a full-width digit was accepted")
        } catch {
            #expect(error.reason == .nonASCII(position: 18, found: "１", length: 18))
        }
    }
}
