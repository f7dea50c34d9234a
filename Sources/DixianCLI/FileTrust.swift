import Foundation

/// Whether a `dixian.toml` found in the working folder, which no one named, may be read. A file
/// planted in a folder others can write (`/tmp`, an upload folder) would otherwise redirect the
/// registry and the plugin folders of a command run there by root or by the user dixian. The
/// file must be a plain file (not a symbolic link, which would let the link's owner aim it at any
/// file), and it and its folder must belong to the user running dixian or to root, neither
/// writable by group or others (a sticky folder such as `/tmp` still lets anyone create files in
/// it). A file named with `--config` or `DIXIAN_CONFIG` is trusted: someone chose it.
enum FileTrust {
    enum Distrust: Hashable {
        /// The file belongs to another user (its uid).
        case ownedByOther(owner: UInt32)
        case fileWritableByOthers
        case folderWritableByOthers
        /// The folder belongs to another user (its uid), who may put any file there.
        case folderOwnedByOther(owner: UInt32)
        /// The file is a symbolic link.
        case symbolicLink
    }

    /// Why `file` may not be trusted by the user `user`, or nil when it may.
    static func distrust(of file: URL, user: uid_t) -> Distrust? {
        var fileStatus = stat(), folderStatus = stat()
        guard lstat(file.path, &fileStatus) == 0 else { return nil }  // gone: reading it says so
        if fileStatus.st_mode & S_IFMT == S_IFLNK { return .symbolicLink }
        if fileStatus.st_uid != user && fileStatus.st_uid != 0 { return .ownedByOther(owner: fileStatus.st_uid) }
        if fileStatus.st_mode & (S_IWGRP | S_IWOTH) != 0 { return .fileWritableByOthers }
        let folder = file.deletingLastPathComponent().path
        if stat(folder, &folderStatus) != 0 || folderStatus.st_mode & (S_IWGRP | S_IWOTH) != 0 { return .folderWritableByOthers }
        if folderStatus.st_uid != user && folderStatus.st_uid != 0 { return .folderOwnedByOther(owner: folderStatus.st_uid) }
        return nil
    }
}
