import DixianCore

extension Language {
    /// The footer of each printed page of a sheet, centred: "第 1 页 共 3 页" (`&P` is the
    /// page, `&N` the pages, in Excel's header and footer codes).
    public var pageFooter: String {
        switch self {
        case .chinese: "&C第 &P 页 共 &N 页"
        case .english: "&CPage &P of &N"
        }
    }

    /// The same footer in CSS, for a printed HTML page's `@page` margin box.
    var cssPageFooter: String {
        switch self {
        case .chinese: #""第 " counter(page) " 页 共 " counter(pages) " 页""#
        case .english: #""Page " counter(page) " of " counter(pages)"#
        }
    }
}
