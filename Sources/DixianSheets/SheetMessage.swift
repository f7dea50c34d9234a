import DixianCore

/// What writing a file or reading a workbook says when it fails, for officials
/// (`SheetError.said`). LibreOffice's, libxlsxwriter's and the system's own words stay as
/// they wrote them.
public enum SheetMessage: MessageCatalogue, Hashable {
    /// LibreOffice is not installed at `path`.
    case libreOfficeMissing(path: String)
    /// LibreOffice did not finish within `seconds`.
    case printTimedOut(seconds: Int)
    /// LibreOffice ended with `status` and no PDF, having written `output`.
    case printFailed(status: Int32, output: String)
    /// The printed PDF could not be put at `path`, for `reason` (the system's words).
    case cannotPlacePDF(path: String, reason: String)
    /// A finished file could not be moved into place (`AtomicOutput`).
    case cannotPlaceFile(path: String, reason: String)
    /// An output folder that is a file.
    case notAFolder(String)
    /// No folder could be made beside the output folder, for `reason`.
    case cannotMakeFolder(beside: String, reason: String)
    /// A file could not be created.
    case cannotCreate(String)
    /// libxlsxwriter could not start the workbook at `path`.
    case cannotWriteWorkbook(path: String, reason: String)
    /// libxlsxwriter could not add a sheet of that name.
    case cannotAddSheet(String)
    /// libxlsxwriter failed while writing (its words).
    case workbookWriter(String)
    /// Not a ZIP archive a workbook is (ZIPFoundation's words).
    case notAWorkbook(String)
    /// More parts than a workbook has.
    case tooManyParts(Int)
    /// A row number outside a sheet's.
    case rowNumber(Int, largest: Int)
    /// A cell beyond column XFD on a row.
    case beyondLastColumn(row: Int)
    /// More cells than the reader takes.
    case tooManyCells(Int)
    /// A part every workbook has, missing.
    case missingPart(String)
    /// A part that inflates beyond the reader's limit (MiB).
    case partTooLarge(String, mebibytes: Int)

    public static var samples: [SheetMessage] {
        [.libreOfficeMissing(path: "/usr/bin/soffice"), .printTimedOut(seconds: 120), .printFailed(status: 1, output: ""), .printFailed(status: 77, output: "soffice.bin"),
         .cannotPlacePDF(path: "/tmp/a.pdf", reason: "Permission denied"), .cannotPlaceFile(path: "/tmp/a.xlsx", reason: "Permission denied"),
         .notAFolder("/tmp/out"), .cannotMakeFolder(beside: "/tmp/out", reason: "Permission denied"), .cannotCreate("/tmp/a.csv"),
         .cannotWriteWorkbook(path: "/tmp/a.xlsx", reason: "libxlsxwriter"),
         .cannotAddSheet("台账"), .workbookWriter("ENOSPC"), .notAWorkbook("unreadable archive"),
         .tooManyParts(10_000), .rowNumber(0, largest: 1_048_576), .beyondLastColumn(row: 3), .tooManyCells(50_000_000),
         .missingPart("xl/workbook.xml"), .partTooLarge("xl/worksheets/sheet1.xml", mebibytes: 512)]
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
        case .cannotPlaceFile(let path, let reason): ("无法把写好的文件放到 \(path)：\(reason)", "cannot move the finished file to \(path): \(reason)")
        case .notAFolder(let path): ("\(path) 是文件，不是文件夹", "\(path) is a file, not a folder")
        case .cannotMakeFolder(let path, let reason): ("无法在 \(path) 旁建立文件夹：\(reason)", "cannot make a folder beside \(path): \(reason)")
        case .cannotCreate(let path): ("无法创建 \(path)", "cannot create \(path)")
        case .cannotWriteWorkbook(let path, let reason): ("无法写入 XLSX 工作簿 \(path)：\(reason)", "cannot write the XLSX workbook \(path): \(reason)")
        case .cannotAddSheet(let name): ("无法在 XLSX 工作簿中添加名为“\(name)”的工作表", "cannot add a sheet named \(name)")
        case .workbookWriter(let reason): ("写入 XLSX 工作簿时出错：\(reason)", "writing the XLSX workbook failed: \(reason)")
        case .notAWorkbook(let reason): ("不是 XLSX 工作簿（\(reason)）", "not an XLSX workbook (\(reason))")
        case .tooManyParts(let limit): ("部件超过 \(limit) 个，多于任何工作簿", "has more than \(limit) parts, more than a workbook has")
        case .rowNumber(let number, let largest): ("第一个工作表有行号为 \(number) 的行，行号应为 1 至 \(largest)", "the first sheet has a row numbered \(number), not 1 to \(largest)")
        case .beyondLastColumn(let row): ("第 \(row) 行有超出 XFD 列（工作表最后一列）的单元格", "row \(row) has a cell beyond column XFD, the last a sheet has")
        case .tooManyCells(let limit): ("第一个工作表的单元格超过 \(limit) 个", "the first sheet has more than \(limit) cells")
        case .missingPart(let path): ("工作簿缺少 \(path)", "the workbook has no \(path)")
        case .partTooLarge(let path, let mebibytes):
            ("\(path) 解压后超过 \(mebibytes) MiB，超出工作簿部件的上限（文件已损坏或有恶意，或应把该表另存为 CSV）",
             "\(path) inflates to more than \(mebibytes) MiB, more than a workbook part may have (a damaged or malicious file, or a table to save as CSV)")
        }
    }
}
