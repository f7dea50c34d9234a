import Foundation

/// Headless Chromium, as the tests drive it: the browser the county offices' pages are checked in.
enum Chromium {
    /// The browser's binary (Debian's `chromium` package).
    static let executable = "/usr/bin/chromium"

    /// Prints the page `html` to `pdf` as a user's "print to PDF" would, without the browser's
    /// own header and footer, so that what the page's `@page` rules put in the margins is what
    /// prints there. The browser keeps its profile in `profile`, a folder of the test's own.
    static func print(_ html: URL, to pdf: URL, profile: URL) async throws -> (status: Int32, output: String) {
        try await Tool.run(executable, [
            "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)", "--print-to-pdf=\(pdf.path)",
            "--no-pdf-header-footer", html.absoluteString,
        ])
    }
}
