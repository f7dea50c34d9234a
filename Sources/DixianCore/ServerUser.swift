/// What a user of the server may do. Each role is scoped to the areas the user is given.
public enum UserRole: String, OfficialTerm {
    /// 县级管理员: everything within the county.
    case countyAdministrator = "county-administrator"
    /// 乡镇工作人员: reads the township's households and takes the workflow actions there.
    case townshipStaff = "township-staff"
    /// 村干部: reads and works on the village's households.
    case villageCadre = "village-cadre"
    /// 行业部门: pushes warnings, and nothing else.
    case department
    /// 审计人员: reads everything within its areas, changes nothing.
    case auditor

    public var chineseName: String {
        switch self {
        case .countyAdministrator: "县级管理员"
        case .townshipStaff: "乡镇工作人员"
        case .villageCadre: "村干部"
        case .department: "行业部门"
        case .auditor: "审计人员"
        }
    }
}

/// A user of the server: a role within areas, the hash of their access token (for the API) and
/// of their password (for the pages).
public struct ServerUser: Hashable, Sendable {
    /// The login name (also the audit trail's actor, as `user:NAME`).
    public var name: String
    /// The role.
    public var role: UserRole
    /// The area codes (prefixes of village codes) the user works in.
    public var areas: [String]
    /// SHA-256 of the salt and the token's secret, hexadecimal.
    public var tokenHash: String
    /// The salt, hexadecimal.
    public var salt: String
    /// The last day the token is good for.
    public var expiresOn: LocalDate
    /// Whether the user's access was revoked.
    public var revoked: Bool
    /// The bcrypt hash of the user's password (`$2b$…`, salt and cost included), or nil when
    /// none is set: such a user signs in with the token only.
    public var passwordHash: String?

    /// A user.
    public init(name: String, role: UserRole, areas: [String], tokenHash: String, salt: String, expiresOn: LocalDate,
                revoked: Bool = false, passwordHash: String? = nil) {
        self.name = name
        self.role = role
        self.areas = areas
        self.tokenHash = tokenHash
        self.salt = salt
        self.expiresOn = expiresOn
        self.revoked = revoked
        self.passwordHash = passwordHash
    }

    /// Whether `code` (a village or township code) lies within the user's areas.
    public func covers(_ code: String) -> Bool {
        areas.contains { code.hasPrefix($0) }
    }
}

/// Where the server's users are kept: beside the registry, in the same store.
public protocol UserStore: Sendable {
    /// Adds `user`, or replaces the user of that name (a new token).
    func saveUser(_ user: ServerUser) async throws
    /// `saveUser(_:)`, with the change audited as made by `actor` where the store audits users.
    func saveUser(_ user: ServerUser, as actor: String) async throws
    /// The user named `name`, if any.
    func user(named name: String) async throws -> ServerUser?
    /// Every user, by name.
    func users() async throws -> [ServerUser]
}

extension UserStore {
    /// By default the store does not audit its users: `saveUser(_:)`.
    public func saveUser(_ user: ServerUser, as actor: String) async throws { try await saveUser(user) }
}

extension ServerUser {
    /// The actor of user changes made without one (a token refreshed by the server).
    public static let defaultActor = "dixian"
}
