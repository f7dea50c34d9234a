/// Whether `a` and `b` are the same text byte for byte (or both nil): quicker than `==`, which
/// compares texts as Unicode, character by character. For records one plugin wrote, compared
/// with what it writes again.
func sameBytes(_ a: String?, _ b: String?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case let (first?, second?): first.utf8.elementsEqual(second.utf8)
    default: false
    }
}
