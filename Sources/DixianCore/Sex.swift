/// Sex as a resident ID number records it (GB 11643: the sequence code is odd for men).
public enum Sex: String, Hashable, Sendable, CaseIterable {
    /// 男.
    case male
    /// 女.
    case female
}
