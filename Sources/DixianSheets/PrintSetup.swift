/// How a form is printed for handing in, as its plugin declares it.
public struct PrintSetup: Hashable, Sendable {
    /// The way the page is turned.
    public enum Orientation: String, Hashable, Sendable {
        case portrait, landscape
    }

    /// The declared orientation; nil to choose by the width of the columns (landscape when
    /// they are wider than a portrait page holds).
    public var orientation: Orientation?
    /// The labels of the line printed under the form for the office to sign (填报单位（盖章）：,
    /// 填表人：, 审核人：, 填报日期：); none for no line.
    public var signOff: [String]

    /// How many characters of column a portrait A4 page holds at 100% with Excel's default
    /// margins; wider columns print landscape unless the plugin says otherwise.
    static let portraitWidth = 90.0

    /// The orientation to print columns `width` characters wide in: the declared one, or
    /// landscape when they are wider than a portrait page holds.
    public func orientation(forWidth width: Double) -> Orientation {
        orientation ?? (width > Self.portraitWidth ? .landscape : .portrait)
    }

    /// A setup.
    public init(orientation: Orientation? = nil, signOff: [String] = []) {
        self.orientation = orientation
        self.signOff = signOff
    }
}
