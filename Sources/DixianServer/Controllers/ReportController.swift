import DixianCore
import DixianPlugins
import DixianReports
import DixianSheets
import HTTPTypes
import Hummingbird
import NIOCore

/// `/api/v1/reports/:id`: a report of the plugin rendered for the user's area, as HTML, Markdown
/// or CSV.
struct ReportController<Store: ServerStore>: Sendable {
    let server: DixianServer<Store>

    var routes: RouteCollection<ServerContext> {
        RouteCollection(context: ServerContext.self).get(":id", use: render)
    }

    /// The longest report id.
    static var reportIDLength: Int { 64 }

    /// Whether `id` is written as a plugin's report ids are: lowercase ASCII letters, digits
    /// and hyphens, starting with a letter or digit, at most `reportIDLength` long.
    static func isReportID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        func allowed(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
        guard let first = bytes.first, allowed(first), bytes.count <= reportIDLength else { return false }
        return bytes.allSatisfy { allowed($0) || $0 == UInt8(ascii: "-") }
    }

    /// The area `user`'s reports cover: their one area; nil for a user of several (a report
    /// covers one area, and none is more than what the user was given).
    static func area(for user: ServerUser) -> String? {
        user.areas.count == 1 ? user.areas[0] : nil
    }

    /// The report as of `as_of` (today if not given) in `format` (HTML if not given).
    @Sendable func render(_ request: Request, context: ServerContext) async throws -> Response {
        let user = try context.require(.read)
        let query = try QueryParameters(request, allowed: ["as_of", "format"])
        let id = try context.parameters.require("id")
        guard Self.isReportID(id) else { throw ProblemDetails.badField("id", .notAReportID(maxLength: Self.reportIDLength)) }
        let asOf = try server.date(query["as_of"], field: "as_of")
        let format = query["format"] ?? "html"
        guard let sheet = SheetFormat(rawValue: format), sheet != .xlsx, sheet != .pdf else {
            throw ProblemDetails.badField("format", .reportFormats)
        }
        guard let area = Self.area(for: user) else { throw ProblemDetails.badField("area", .reportNeedsOneArea) }
        let document: SheetDocument
        do {
            document = try await ReportRun(chain: server.chain, reportID: id, asOf: asOf, area: area).render(from: server.store)
        } catch let error as PluginError {
            throw ProblemDetails(.notFound, detail: .refusal(error.text(in: server.plugin.language)))
        }
        let (text, type) = switch sheet {
        case .html: (document.html, "text/html; charset=utf-8")
        case .csv: (document.csv, "text/csv; charset=utf-8")
        case .md: (document.markdown, "text/markdown; charset=utf-8")
        case .xlsx, .pdf: preconditionFailure("refused above: a page answers with text")
        }
        var headers: HTTPFields = [.contentType: type]
        // A report's HTML has a stylesheet of its own, which the policy allows by its hash.
        if sheet == .html { headers[.contentSecurityPolicy] = ResponseMiddleware.policy(forDocument: text) }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
