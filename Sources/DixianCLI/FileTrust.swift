import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether a `dixian.toml` found in the working folder, which no one named, may be read. A file
/// planted in a folder others can write (`/tmp`, an upload folder) would otherwise redirect the
/// registry and the plugin folders of a command run there by root or by the user dixian. The
/// file must be a plain file (not a symbolic link, which would let the link's owner aim it at any
/// file), and it and its folder must belong to the user running dixian or to root, neither
/// writable by group or others (a sticky folder such as `/tmp` still lets anyone create files in
/// it). A file named with `--config` or `DIXIAN_CONFIG` is trusted: someone chose it.
enum FileTrust {
    enum Distrust: Error, Hashable {
        /// The file belongs to another user (its uid).
        case ownedByOther(owner: UInt32)
        case fileWritableByOthers
        case folderWritableByOthers
        /// The folder belongs to another user (its uid), who may put any file there.
        case folderOwnedByOther(owner: UInt32)
        /// The file is a symbolic link.
        case symbolicLink
    }

    /// The contents of `file` when the user `user` may trust it, else why not. The folder and
    /// the file are opened once (`O_NOFOLLOW`), checked through their descriptors (`fstat`) and
    /// read through the same descriptor, so a file swapped between the check and the read (a
    /// link planted, a file replaced) is never the one read. Nil when the file is gone: reading
    /// it then says so.
    static func read(_ file: URL, user: uid_t) -> Result<Data, Distrust>? {
        let folder = open(file.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return nil }
        defer { close(folder) }
        let descriptor = openat(folder, file.lastPathComponent, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return errno == ELOOP ? .failure(.symbolicLink) : nil }
        defer { close(descriptor) }
        var fileStatus = stat(), folderStatus = stat()
        guard fstat(descriptor, &fileStatus) == 0, fstat(folder, &folderStatus) == 0 else { return nil }
        if let distrust = distrust(file: fileStatus, folder: folderStatus, user: user) { return .failure(distrust) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            data.append(contentsOf: buffer[..<count])
        }
        return .success(data)
    }

    /// Why `file` may not be trusted by the user `user`, or nil when it may (or is gone).
    static func distrust(of file: URL, user: uid_t) -> Distrust? {
        if case .failure(let distrust)? = read(file, user: user) { return distrust }
        return nil
    }

    /// Why a file and its folder of these statuses may not be trusted by `user`, or nil.
    static func distrust(file: stat, folder: stat, user: uid_t) -> Distrust? {
        if file.st_mode & S_IFMT != S_IFREG { return .symbolicLink }
        if file.st_uid != user && file.st_uid != 0 { return .ownedByOther(owner: file.st_uid) }
        if file.st_mode & (S_IWGRP | S_IWOTH) != 0 { return .fileWritableByOthers }
        if folder.st_mode & (S_IWGRP | S_IWOTH) != 0 { return .folderWritableByOthers }
        if folder.st_uid != user && folder.st_uid != 0 { return .folderOwnedByOther(owner: folder.st_uid) }
        return nil
    }
}
