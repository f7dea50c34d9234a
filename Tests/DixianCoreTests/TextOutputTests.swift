import DixianCore
import Testing

/// Text from the registry goes out safely: formulas neutralised in CSV (OWASP "CSV injection")
/// and restored exactly on import, control characters shown escaped on a terminal.
struct TextOutputTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"), ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+2", "'+1+2"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
        ("'=1+2", "''=1+2"), ("''@x", "'''@x"),
    ])
    func formulasGetOneQuoteInFront(text: String, neutralised: String) {
        #expect(text.formulaNeutralised == neutralised)
        #expect(neutralised.formulaRestored == text)
    }

    @Test(arguments: ["张三", "-12.05", "+7800", "-0.5", "'quoted", "'-12", "", "a=b", "2024-09-27"])
    func otherTextIsLeftAsItIs(text: String) {
        #expect(text.formulaNeutralised == text)
        #expect(text.formulaRestored == text)
    }

    @Test func csvFieldsAreNeutralisedThenQuoted() {
        #expect("=1+2".csvField == "'=1+2")
        #expect("=SUM(1,2)".csvField == "\"'=SUM(1,2)\"")
        #expect("-12.05".csvField == "-12.05")
    }

    @Test func controlCharactersAreShownEscapedOnATerminal() {
        #expect("张三\u{1B}[2J\u{7}".terminalEscaped == "张三\\x1B[2J\\x07")
        #expect("a\tb\rc\u{0}d\u{9B}e\u{7F}".terminalEscaped == "a\\tb\\rc\\x00d\\u{9B}e\\x7F")
        #expect("两行\n文字".terminalEscaped == "两行\n文字")
    }
}
