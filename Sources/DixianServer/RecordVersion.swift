import Crypto
import Foundation

/// The version a form carries of the record it edits (a measure, a problem, a department
/// warning): a hash of every field, as a household's entity tag is (`HouseholdDocument.etag`).
/// Any change of the record alters it, so a form filled in before someone else changed the
/// record is refused as stale (409) instead of overwriting what they did.
enum RecordVersion {
    /// The version of `record` as it stands.
    static func of(_ record: some Hashable & Sendable) -> String {
        // The record's every field with its name and type, as Swift prints it.
        let digest = SHA256.hash(data: Data(String(reflecting: record).utf8))
        return digest.prefix(12).letters  // shown in the form: letters, never a run of digits
    }
}
