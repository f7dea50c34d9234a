import Foundation

/// Prints a workbook to PDF with LibreOffice headless, page setup and all (A4, fitted to the
/// page's width, the header on every page: `XLSXSheet.setUpPrinting`), as the county office
/// would print it from Excel. LibreOffice is installed by `scripts/bootstrap`
/// (libreoffice-calc-nogui).
public enum PDFPrinter {
    /// Where LibreOffice is.
    static let soffice = "/usr/bin/soffice"
    /// How long a conversion may take before it is given up: a county's ledger of a few
    /// thousand pages takes minutes.
    static let timeout: Double = 900

    /// Prints the workbook `xlsx` to `pdf` (replaced in one step if it exists; nothing is left
    /// there if printing fails). Blocks the calling thread while LibreOffice prints.
    /// - Throws: `SheetError` when LibreOffice is missing, fails or runs out of time.
    public static func print(xlsx: URL, to pdf: URL) throws {
        try requireLibreOffice()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("dixian-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let process = Process()
        // Through timeout(1), which ends the whole of LibreOffice (soffice starts soffice.bin as
        // a child of its own) when the time is up, and kills it 30 seconds later if need be.
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        // A profile of its own, so that it neither waits for nor disturbs another LibreOffice.
        process.arguments = ["-k", "30", String(Int(timeout)), soffice,
                             "-env:UserInstallation=\(work.appendingPathComponent("profile").absoluteString)",
                             "--headless", "--convert-to", "pdf", "--outdir", work.path, xlsx.path]
        let log = work.appendingPathComponent("soffice.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        done.wait()
        guard process.terminationStatus != 124, process.terminationStatus != 137 else {
            throw SheetError(.printTimedOut(seconds: Int(timeout)))
        }
        let printed = work.appendingPathComponent(xlsx.deletingPathExtension().lastPathComponent + ".pdf")
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: printed.path) else {
            let said = (try? String(contentsOf: log, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            throw SheetError(.printFailed(status: process.terminationStatus, output: said))
        }
        // Copied next to `pdf`, then renamed over it in one step.
        let beside = pdf.deletingLastPathComponent().appendingPathComponent(".\(pdf.lastPathComponent).\(UUID().uuidString)")
        do {
            try FileManager.default.copyItem(at: printed, to: beside)
            guard rename(beside.path, pdf.path) == 0 else {
                throw SheetError(.cannotPlacePDF(path: pdf.path, reason: String(cString: strerror(errno))))
            }
        } catch {
            try? FileManager.default.removeItem(at: beside)
            throw error
        }
    }

    /// Throws unless LibreOffice is here to print with.
    public static func requireLibreOffice() throws {
        guard FileManager.default.isExecutableFile(atPath: soffice) else {
            throw SheetError(.libreOfficeMissing(path: soffice))
        }
    }
}
