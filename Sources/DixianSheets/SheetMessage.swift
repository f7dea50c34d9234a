import DixianCore

/// What printing a PDF says when it fails, for officials (`SheetError.said`). LibreOffice's
/// own output stays as it wrote it.
public enum SheetMessage: MessageCatalogue, Hashable {
    /// LibreOffice is not installed at `path`.
    case libreOfficeMissing(path: String)
    /// LibreOffice did not finish within `seconds`.
    case printTimedOut(seconds: Int)
    /// LibreOffice ended with `status` and no PDF, having written `output`.
    case printFailed(status: Int32, output: String)
    /// The printed PDF could not be put at `path`, for `reason` (the system's words).
    case cannotPlacePDF(path: String, reason: String)

    public static var samples: [SheetMessage] {
        [.libreOfficeMissing(path: "/usr/bin/soffice"), .printTimedOut(seconds: 120), .printFailed(status: 1, output: ""), .printFailed(status: 77, output: "soffice.bin"),
         .cannotPlacePDF(path: "/tmp/a.pdf", reason: "Permission denied")]
    }

    public var texts: (chinese: String, english: String) {
        switch self {
        case .libreOfficeMissing(let path):
            ("PDF 由 LibreOffice 打印，本机未安装（\(path)）：请安装 libreoffice-calc-nogui（scripts/bootstrap 会安装），"
                + "或改写 XLSX 后用 Excel 打印",
             "a PDF is printed by LibreOffice, which is not installed here (\(path)): "
                + "install libreoffice-calc-nogui (scripts/bootstrap does), or write XLSX and print it from Excel")
        case .printTimedOut(let seconds): ("LibreOffice 未在 \(seconds) 秒内打印出 PDF", "LibreOffice did not print the PDF within \(seconds) seconds")
        case .printFailed(let status, let output):
            ("LibreOffice 未打印出 PDF（退出码 \(status)）" + (output.isEmpty ? "" : "：\(output)"),
             "LibreOffice printed no PDF (exit \(status))" + (output.isEmpty ? "" : ": \(output)"))
        case .cannotPlacePDF(let path, let reason): ("无法把 PDF 放到 \(path)：\(reason)", "cannot put the PDF at \(path): \(reason)")
        }
    }
}
