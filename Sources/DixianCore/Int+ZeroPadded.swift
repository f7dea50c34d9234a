extension Int {
    /// The number in decimal with leading zeros to `width` digits (`7.zeroPadded(3)` is `007`).
    public func zeroPadded(_ width: Int) -> String {
        let digits = String(self)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
