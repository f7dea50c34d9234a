import DixianCore
import Hummingbird

extension ServerContext {
    /// The household number of the request's path, refused with 400 problem details unless it
    /// is a household number (`Household.numberProblem`): a malformed one is never looked up,
    /// nor its prefix taken for a village.
    func householdNumber() throws -> String {
        let number = try parameters.require("number")
        if let problem = Household.numberProblem(number) { throw ProblemDetails.badField("number", .field(problem)) }
        return number
    }
}
