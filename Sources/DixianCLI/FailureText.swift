import DixianCore
import DixianPlugins
import DixianPostgres
import DixianSQLite
import DixianSheets

/// The text of an error a library threw that the run prints as it stops, in the run's language,
/// for the errors a catalogue words (`PluginError.said`, `SheetError.said`, a registry that will
/// not open); the libraries' own descriptions stay English for logs and developers.
enum FailureText {
    /// `error` in `language`, or nil when no catalogue words it (it is then printed as it is).
    static func of(_ error: any Error, in language: Language) -> String? {
        switch error {
        case let error as PluginError where error.said != nil: error.text(in: language)
        case let error as SheetError where error.said != nil: error.text(in: language)
        case let error as PostgresStoreError where error.said != nil: error.said?.text(in: language)
        case let error as RegistryOpenError: CommandMessage.registryUnopenable(path: error.path, reason: error.reason).text(in: language)
        default: nil
        }
    }
}
