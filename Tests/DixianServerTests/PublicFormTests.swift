import DixianCore
import DixianServer
import DixianTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Issue 25, item 18: the public self-report form answers everyone alike, and staff are told.
struct PublicFormTests {
    static func form(name: String, resident: ResidentID) -> ByteBuffer {
        ByteBuffer(string: "name=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&resident_id=\(resident.rawValue)"
                   + "&phone=13900000000&risk=illness&difficulty=%E4%BD%8F%E9%99%A2")
    }

    @Test(arguments: ServerBackend.allCases)
    func aRegisteredPersonAPersonWithAnOpenCaseAndAStrangerGetByteIdenticalAnswers(_ backend: ServerBackend) async throws {
        try await Self.answersAreIdentical(on: try backend.open())
    }

    private static func answersAreIdentical(on store: some ServerStore) async throws {
        let (server, _) = try await ServerAccessTests.server(store)
        // A member of a household with no open episode; the fixture household's head has one.
        let registered = try ServerAccessTests.elsewhereHead()
        try await server.store.apply([.insert(.member(registered))], as: "test")
        let stranger = try ResidentID(areaCode: "620621", birthDate: LocalDate(iso: "1980-06-15")!, sequence: 71)
        let submissions = [
            (registered.name, registered.residentID), (Fixtures.head.name, Fixtures.head.residentID), ("钱陌生", stranger),
        ]
        let headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        let answers = try await Application(router: server.router()).test(.router) { client in
            var answers: [(HTTPResponse.Status, [UInt8], String?)] = []
            for (name, resident) in submissions {
                let answer = try await client.execute(uri: "/self-report", method: .post, headers: headers,
                                                      body: Self.form(name: name, resident: resident)) { response in
                    (response.status, Array(buffer: response.body), response.headers[.contentType])
                }
                answers.append(answer)
            }
            return answers
        }
        #expect(answers[0].0 == .ok)
        #expect(String(decoding: answers[0].1, as: UTF8.self).contains("申报已受理"))
        for answer in answers.dropFirst() {
            #expect(answer.0 == answers[0].0)
            #expect(answer.1 == answers[0].1)
            #expect(answer.2 == answers[0].2)
        }
        // Staff are told: an episode for the registered person, warnings awaiting verification for the others.
        let episodes = try await server.store.records(in: .monitoringEpisode, where: "household_number",
                                                      equals: ServerAccessTests.elsewhere.number)
        #expect((episodes.first?.value as? MonitoringEpisode)?.channel == .selfReport)
        for (name, resident) in submissions.dropFirst() {
            let warnings = try await server.store.records(in: .departmentWarning, where: "resident_id", equals: resident.rawValue)
            let warning = try #require(warnings.compactMap { $0.value as? DepartmentWarning }.first { $0.department == .other }, "\(name)")
            #expect(warning.reason.contains("农户自主申报") && warning.reason.contains(name) && warning.reason.contains("13900000000"))
        }
    }
}
