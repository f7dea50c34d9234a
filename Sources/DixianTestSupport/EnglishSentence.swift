/// Finds English prose in text meant for Chinese readers. An English sentence is three or more
/// English words in a row, separated by spaces: a word is letters A-Z only, once the punctuation
/// around it (ASCII or Chinese) is taken off. What is not a word breaks the run: an option
/// (`--db`), a placeholder (`<file>`), a file name or anything else with a dot inside
/// (`households.csv`, `NAME.SECRET`), a URL, a path, a code identifier (`head_name`,
/// `monitor('report'`, `plugin.lua`), a number or a code with digits (`UTF-8`, `YYYY-MM-DD`),
/// and Chinese text. A command line is not prose either: `dixian` and the words after it
/// (`dixian import warnings`) are its program and subcommands. So `请用 dixian help
/// <subcommand> 查看` has no sentence, and `Show help information.` is one.
public enum EnglishSentence {
    /// The first run of three or more English words in `text`, or nil.
    public static func first(in text: String) -> String? {
        var run: [Substring] = []
        func isWord(_ token: Substring) -> Bool {
            let trimmed = token.trimmingPunctuation
            guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
            // Punctuation may end a word or start one (`(see`), but not stand inside it or open
            // an option or a placeholder.
            return !(token.hasPrefix("-") || token.hasPrefix("<") || token.hasPrefix("$"))
        }
        for line in text.split(whereSeparator: \.isNewline) {
            run = []
            var inCommand = false
            for token in line.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                // A word that ends a clause (`find,`) still continues the sentence.
                if isWord(token) {
                    if token.trimmingPunctuation == "dixian" { inCommand = true }
                    if inCommand { continue }
                    run.append(token)
                    if run.count >= 3 { return run.joined(separator: " ") }
                } else {
                    run = []
                    inCommand = false
                }
            }
        }
        return nil
    }
}

extension Substring {
    /// Without the punctuation at either end: ASCII `,.;:!?()[]{}"'` and the full-width forms
    /// Chinese text uses (，。；：！？（）“”‘’、《》).
    fileprivate var trimmingPunctuation: Substring {
        let punctuation: Set<Character> = [",", ".", ";", ":", "!", "?", "(", ")", "[", "]", "{", "}", "\"", "'", "`",
                                           "，", "。", "；", "：", "！", "？", "（", "）", "“", "”", "‘", "’", "、", "《", "》"]
        var text = self
        while let first = text.first, punctuation.contains(first) { text = text.dropFirst() }
        while let last = text.last, punctuation.contains(last) { text = text.dropLast() }
        return text
    }
}
