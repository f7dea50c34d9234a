import Foundation

/// Writes a file all or nothing: into a hidden file beside it, renamed into place only when
/// the writing succeeded. A failed report or checklist leaves no partial file at its path, and
/// an earlier file there stays as it was.
public enum AtomicOutput {
    /// Calls `body` with the temporary path to write, then moves it to `url`.
    public static func write<Result>(to url: URL, _ body: (URL) throws -> Result) throws -> Result {
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
        do {
            let result = try body(temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw SheetError(.cannotPlaceFile(path: url.path, reason: String(cString: strerror(errno))))
            }
            return result
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}

/// A folder of files written all or nothing (an export): into a hidden folder beside it,
/// which replaces it only once every file is written. A killed or failed writing leaves the
/// folder as it was; a finished one replaces it in two renames.
///
/// A folder already there that holds only files the writing makes (an earlier export) is moved
/// aside, the new one renamed into its place, and the old one removed. A folder that holds
/// anything else is never moved or removed: each new file is renamed into it, replacing the
/// file of that name, so that every file is whole though a kill between the renames can leave
/// some files of the earlier writing.
public final class AtomicFolder {
    /// The folder the files end up in.
    public let destination: URL
    /// The hidden folder to write the files into.
    public let temporary: URL
    private let parent: URL
    private var finished = false

    /// Prepares to replace `destination`: makes the hidden folder beside it, after removing
    /// any such folder a writing that was killed left there.
    /// - Throws: `SheetError` when `destination` is a file, or the hidden folder cannot be made.
    public init(replacing destination: URL) throws {
        self.destination = destination.standardizedFileURL
        parent = self.destination.deletingLastPathComponent()
        temporary = parent.appendingPathComponent(".\(self.destination.lastPathComponent).partial-\(getpid())")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: self.destination.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw SheetError(.notAFolder(self.destination.path))
        }
        removeLeftovers()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: temporary)
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw SheetError(.cannotMakeFolder(beside: self.destination.path, reason: error.localizedDescription))
        }
    }

    deinit {
        if !finished { try? FileManager.default.removeItem(at: temporary) }
    }

    /// Puts the written files in place of the destination's.
    /// - Throws: `SheetError` when a rename fails; the destination is then as it was, or (in
    ///   the moment between the two renames) kept whole in the hidden `.NAME.previous-PID`.
    public func commit(replacing names: Set<String>) throws {
        let fileManager = FileManager.default
        let existing = (try? fileManager.contentsOfDirectory(atPath: destination.path)) ?? nil
        if let existing, !Set(existing).isSubset(of: names) {
            for name in try fileManager.contentsOfDirectory(atPath: temporary.path) {
                try move(temporary.appendingPathComponent(name), to: destination.appendingPathComponent(name))
            }
            try? fileManager.removeItem(at: temporary)
        } else if existing != nil {
            let previous = parent.appendingPathComponent(".\(destination.lastPathComponent).previous-\(getpid())")
            try? fileManager.removeItem(at: previous)
            try move(destination, to: previous)
            do {
                try move(temporary, to: destination)
            } catch {
                try? move(previous, to: destination)
                throw error
            }
            try? fileManager.removeItem(at: previous)
        } else {
            try move(temporary, to: destination)
        }
        finished = true
    }

    /// Removes the hidden folder and what was written into it.
    public func abandon() {
        try? FileManager.default.removeItem(at: temporary)
        finished = true
    }

    private func move(_ source: URL, to target: URL) throws {
        guard rename(source.path, target.path) == 0 else {
            throw SheetError(.cannotPlaceFile(path: target.path, reason: String(cString: strerror(errno))))
        }
    }

    /// Removes the hidden folders of writings to the same destination by processes that are
    /// gone (killed before they finished); a running one's are left alone.
    private func removeLeftovers() {
        let prefixes = [".\(destination.lastPathComponent).partial-", ".\(destination.lastPathComponent).previous-"]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }), let pid = pid_t(name.dropFirst(prefix.count)),
                pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            // A previous folder whose destination is gone is the only copy of that export: kept.
            if prefix == prefixes[1] && !FileManager.default.fileExists(atPath: destination.path) { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}
