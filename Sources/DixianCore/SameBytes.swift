/// Whether `a` and `b` are the same text byte for byte (or both nil): quicker than `==`, which
/// compares texts as Unicode, character by character. For records one plugin wrote, compared
/// with what it writes again.
func sameBytes(_ a: String?, _ b: String?) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case var (first?, second?):
        // Their contiguous UTF-8 (a string read from the store already is), compared as buffers.
        return first.withUTF8 { one in second.withUTF8 { other in one.count == other.count && one.elementsEqual(other) } }
    default: return false
    }
}
