import Crypto
import DixianCore
import Foundation

/// A household as the API gives it: its record, members (ID numbers masked), episodes, and
/// the entity tag that a change must present (`If-Match`).
struct HouseholdDocument: Codable, Sendable {
    struct MemberDocument: Codable, Sendable {
        var residentID: String
        var name: String
        var relation: String
        var laborCapacity: String
        var health: String
        var disabilityGrade: Int?
    }

    struct EpisodeDocument: Codable, Sendable {
        var id: Int64
        var channel: String
        var reportedOn: String
        var status: String
        var riskTypes: [String]
    }

    var number: String
    var village: String
    var headName: String
    var category: String
    var monitoredKind: String?
    var helper: String?
    var size: Int
    var members: [MemberDocument]
    var episodes: [EpisodeDocument]
    var etag: String

    init(_ view: HouseholdView) {
        let household = view.household
        number = household.number
        village = household.area.villageCode
        headName = household.headName
        category = household.category.rawValue
        monitoredKind = household.monitoredKind?.rawValue
        helper = household.helper
        size = view.size
        members = view.members.map {
            MemberDocument(residentID: $0.residentID.masked, name: $0.name, relation: $0.relation,
                           laborCapacity: $0.laborCapacity.rawValue, health: $0.health.rawValue, disabilityGrade: $0.disabilityGrade)
        }
        episodes = view.episodes.map {
            EpisodeDocument(id: $0.id, channel: $0.channel.rawValue, reportedOn: $0.reportedOn.description, status: $0.status.rawValue,
                            riskTypes: $0.riskTypes.map(\.rawValue).sorted())
        }
        etag = Self.etag(of: household)
    }

    /// The entity tag of a household record: a hash of every field, so any change alters it.
    static func etag(of household: Household) -> String {
        // Every field of the record, each ended by U+001F (which no field holds).
        let fields = [household.number, household.area.villageCode, household.area.group ?? "\u{0}", household.headName,
                      household.category.rawValue, household.monitoredKind?.rawValue ?? "\u{0}",
                      String(household.flags.rawValue), household.helper ?? "\u{0}"]
        let digest = SHA256.hash(data: Data(fields.map { $0 + "\u{1F}" }.joined().utf8))
        return "\"" + digest.prefix(12).hexadecimal + "\""
    }
}

/// A change to a household's record through the API: the fields a township may edit.
struct HouseholdEdit: Codable, Sendable {
    var helper: String?
    var headName: String?
}

/// A monitoring report through the API.
struct ReportRequest: Codable, Sendable {
    var channel: String
    var on: String?
    var notes: String?
}

/// A monitoring step through the API.
struct StepRequest: Codable, Sendable {
    var on: String?
    var notes: String?
    var accepted: Bool?
    var reasons: String?
    var riskTypes: [String]?
    var kind: String?
    var stage: String?
}

/// An episode after a step: its id and status.
struct EpisodeStatusDocument: Encodable, Sendable {
    var episode: Int64
    var status: String
}

/// A visit through the API.
struct VisitRequest: Codable, Sendable {
    var household: String
    var on: String?
    var visitor: String
    var role: String
    var notes: String?
}

/// One pushed warning through the API.
struct WarningRequest: Codable, Sendable {
    var department: String
    var residentID: String
    var receivedOn: String
    var reason: String

    /// As the snake_case keys read once converted (`resident_id` is `residentId`).
    enum CodingKeys: String, CodingKey {
        case department, receivedOn, reason
        case residentID = "residentId"
    }
}

/// Encodes and decodes the API's JSON: snake_case keys.
enum APICoding {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
