import DixianCore
import LuaHost

/// A household written in a spec file, turned into the same `HouseholdView` screening reads
/// from the registry (so specs exercise the real view, not a copy of its shape). Every field
/// has a default except the ones a rule is about; unknown fields and impossible values are
/// errors naming the spec.
struct SpecFixture {
    let spec: String
    let asOf: LocalDate
    let defaultVillage: String

    func view(from value: LuaValue) throws -> HouseholdView {
        let fields = try table(value, "household", allowed: [
            "number", "village", "group", "head_name", "category", "monitored_kind", "relocated", "minimum_living_allowance",
            "extreme_poverty_support", "no_member_able_to_work", "left_behind", "helper", "members", "incomes",
            "monthly_incomes", "survey", "episodes", "plans", "visits", "hospital_stays", "complaints", "loans",
            "village_name", "village_disaster_on", "village_disaster",
        ])
        let number = try text(fields["number"], "household.number") ?? "SPEC-0001"
        let villageCode = try text(fields["village"], "household.village") ?? defaultVillage
        guard let area = Area(villageCode: villageCode, group: try text(fields["group"], "household.group")) else {
            throw problem("household.village must be a 12-digit village code, got \(villageCode)")
        }
        let members = try list(fields["members"], "household.members").enumerated().map { index, entry in
            try member(entry, index: index, household: number, county: area.countyCode)
        }
        let kind: MonitoredKind? = try term(fields["monitored_kind"], "household.monitored_kind")
        let category: HouseholdCategory = try term(fields["category"], "household.category") ?? (kind == nil ? .general : .monitored)
        var flags: Household.Flags = []
        let flagFields: [(String, Household.Flags)] = [
            ("relocated", .relocated), ("minimum_living_allowance", .minimumLivingAllowance),
            ("extreme_poverty_support", .extremePovertySupport), ("left_behind", .leftBehind),
        ]
        for (name, flag) in flagFields where try bool(fields[name], "household.\(name)") ?? false { flags.insert(flag) }
        let noLabor = try bool(fields["no_member_able_to_work"], "household.no_member_able_to_work")
            ?? (!members.isEmpty && members.allSatisfy { $0.laborCapacity == .none })
        if noLabor { flags.insert(.noMemberAbleToWork) }
        let episodes = try list(fields["episodes"], "household.episodes").enumerated().map {
            try episode($1, index: $0, household: number)
        }
        let household = Household(
            number: number, area: area, headName: try text(fields["head_name"], "household.head_name") ?? members.first?.name ?? "户主",
            category: category, monitoredKind: kind, flags: flags, helper: try text(fields["helper"], "household.helper"))
        return HouseholdView(
            household: household, members: members,
            incomes: try list(fields["incomes"], "household.incomes").enumerated().map { try income($1, index: $0, household: number) }
                .sorted { $0.year < $1.year },
            monthlyIncomes: try list(fields["monthly_incomes"], "household.monthly_incomes").enumerated().map {
                try monthly($1, index: $0, household: number)
            },
            latestSurvey: try fields["survey"].map { try survey($0, household: number) },
            episodes: episodes.map(\.0), steps: episodes.flatMap(\.1),
            plans: try list(fields["plans"], "household.plans").enumerated().map { try plan($1, index: $0, household: number) },
            visits: try list(fields["visits"], "household.visits").enumerated().map { try visit($1, index: $0) },
            hospitalStays: try list(fields["hospital_stays"], "household.hospital_stays").enumerated().map {
                try hospitalStay($1, index: $0, household: number, members: members)
            },
            complaints: try list(fields["complaints"], "household.complaints").enumerated().map {
                try complaint($1, index: $0, household: number)
            },
            loans: try list(fields["loans"], "household.loans").enumerated().map { try loan($1, index: $0, household: number) },
            village: try village(fields, code: villageCode))
    }

    /// The household's village as the places would hold it, when the spec gives its name or a
    /// disaster (`village_name`, `village_disaster_on`, `village_disaster`); nil otherwise.
    private func village(_ fields: [String: LuaValue], code: String) throws -> Place? {
        let name = try text(fields["village_name"], "household.village_name")
        let disasterOn = try date(fields["village_disaster_on"], "household.village_disaster_on")
        let disaster = try text(fields["village_disaster"], "household.village_disaster")
        guard name != nil || disasterOn != nil || disaster != nil else { return nil }
        if disaster != nil && disasterOn == nil {
            throw problem("household.village_disaster needs household.village_disaster_on, the day the disaster was recorded for")
        }
        return Place(code: code, name: name ?? "", level: .village, disasterOn: disasterOn, disaster: disaster ?? "")
    }

    /// An asset written in a spec: `project`, `class`, `value`, `village`, `custodian`,
    /// `ownership_registered`, `status`, `formed_on`, `status_since`, `incomes` (`{ { year =, income = } }`) and
    /// `distributions` (`{ { year =, purpose =, amount = } }`), amounts in yuan.
    func asset(from value: LuaValue) throws -> AssetView {
        let fields = try table(value, "asset", allowed: [
            "project", "class", "value", "village", "custodian", "ownership_registered", "status", "formed_on", "status_since",
            "incomes", "distributions",
        ])
        let village = try text(fields["village"], "asset.village") ?? defaultVillage
        guard village.count == 12, village.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw problem("asset.village must be a 12-digit village code, got \(village)")
        }
        let asset = Asset(
            id: 1, project: try text(fields["project"], "asset.project") ?? "帮扶项目",
            assetClass: try term(fields["class"], "asset.class") ?? .operating, value: try money(fields["value"], "asset.value"),
            villageCode: village, custodian: try text(fields["custodian"], "asset.custodian"),
            ownershipRegistered: try bool(fields["ownership_registered"], "asset.ownership_registered") ?? true,
            status: try term(fields["status"], "asset.status") ?? .inUse,
            formedOn: try date(fields["formed_on"], "asset.formed_on") ?? LocalDate(year: 2020, month: 1, day: 1)!,
            statusSince: try date(fields["status_since"], "asset.status_since"))
        let incomes = try list(fields["incomes"], "asset.incomes").enumerated().map { index, entry in
            let path = "asset.incomes[\(index + 1)]"
            let income = try table(entry, path, allowed: ["year", "income"])
            guard let year = try integer(income["year"], "\(path).year") else { throw problem("\(path) needs a year") }
            return AssetIncome(assetID: 1, year: year, income: try money(income["income"], "\(path).income"))
        }
        let distributions = try list(fields["distributions"], "asset.distributions").enumerated().map { index, entry in
            let path = "asset.distributions[\(index + 1)]"
            let use = try table(entry, path, allowed: ["year", "purpose", "amount"])
            guard let year = try integer(use["year"], "\(path).year"), let purpose = try text(use["purpose"], "\(path).purpose") else {
                throw problem("\(path) needs a year and a purpose")
            }
            return AssetDistribution(assetID: 1, year: year, purpose: purpose, amount: try money(use["amount"], "\(path).amount"))
        }
        return AssetView(asset: asset, incomes: incomes, distributions: distributions)
    }

    private func member(_ value: LuaValue, index: Int, household: String, county: String) throws -> Member {
        let path = "household.members[\(index + 1)]"
        let fields = try table(value, path, allowed: [
            "name", "relation", "age", "born", "sex", "labor_capacity", "health", "disability_grade", "school_stage",
            "school_status", "medical_insurance", "migrant_work_months", "local_work", "public_welfare_post",
        ])
        let born: LocalDate
        if let text = try text(fields["born"], "\(path).born") {
            guard let date = LocalDate(iso: text) else { throw problem("\(path).born must be a date written YYYY-MM-DD") }
            born = date
        } else {
            let age = try integer(fields["age"], "\(path).age") ?? 40
            guard (0...120).contains(age) else { throw problem("\(path).age must be 0 to 120, got \(age)") }
            born = LocalDate(year: asOf.year - age, month: asOf.month, day: min(asOf.day, 28))!
        }
        let sex = try text(fields["sex"], "\(path).sex") ?? "male"
        guard let male = ["male": true, "男": true, "female": false, "女": false][sex] else {
            throw problem("\(path).sex must be male or female, got \(sex)")
        }
        let id: ResidentID
        do {
            id = try ResidentID(areaCode: county, birthDate: born, sequence: (index + 1) * 2 - (male ? 1 : 0) + 100)
        } catch {
            throw problem("\(path): cannot make an ID number for it (\(error))")
        }
        let grade = try integer(fields["disability_grade"], "\(path).disability_grade")
        if let grade, !(1...4).contains(grade) { throw problem("\(path).disability_grade must be 1 to 4, got \(grade)") }
        let months = try integer(fields["migrant_work_months"], "\(path).migrant_work_months") ?? 0
        guard (0...12).contains(months) else { throw problem("\(path).migrant_work_months must be 0 to 12, got \(months)") }
        return Member(
            residentID: id, householdNumber: household, name: try text(fields["name"], "\(path).name") ?? "成员\(index + 1)",
            relation: try text(fields["relation"], "\(path).relation") ?? (index == 0 ? Member.headRelation : "其他"),
            laborCapacity: try term(fields["labor_capacity"], "\(path).labor_capacity") ?? .full,
            health: try term(fields["health"], "\(path).health") ?? .healthy, disabilityGrade: grade,
            schoolStage: try term(fields["school_stage"], "\(path).school_stage"),
            schoolStatus: try term(fields["school_status"], "\(path).school_status"),
            medicalInsurance: try bool(fields["medical_insurance"], "\(path).medical_insurance") ?? true,
            migrantWorkMonths: months, localWork: try bool(fields["local_work"], "\(path).local_work") ?? false,
            publicWelfarePost: try bool(fields["public_welfare_post"], "\(path).public_welfare_post") ?? false)
    }

    private func income(_ value: LuaValue, index: Int, household: String) throws -> IncomeRecord {
        let path = "household.incomes[\(index + 1)]"
        let fields = try table(value, path, allowed: [
            "year", "wage", "operating", "property", "transfer", "production_costs", "medical_spending", "education_spending",
        ])
        guard let year = try integer(fields["year"], "\(path).year") else { throw problem("\(path) needs a year") }
        func amount(_ name: String) throws -> Money { try money(fields[name], "\(path).\(name)") }
        return IncomeRecord(
            householdNumber: household, year: year, wage: try amount("wage"), operating: try amount("operating"),
            property: try amount("property"), transfer: try amount("transfer"), productionCosts: try amount("production_costs"),
            medicalSpending: try amount("medical_spending"), educationSpending: try amount("education_spending"))
    }

    private func monthly(_ value: LuaValue, index: Int, household: String) throws -> MonthlyIncome {
        let path = "household.monthly_incomes[\(index + 1)]"
        let fields = try table(value, path, allowed: ["year", "month", "net"])
        guard let year = try integer(fields["year"], "\(path).year"), let month = try integer(fields["month"], "\(path).month"),
            (1...12).contains(month)
        else { throw problem("\(path) needs a year and a month (1 to 12)") }
        guard let net = fields["net"]?.doubleValue else { throw problem("\(path) needs net (yuan)") }
        return MonthlyIncome(householdNumber: household, year: year, month: month, netIncome: Money(fen: Int64((net * 100).rounded())))
    }

    private func survey(_ value: LuaValue, household: String) throws -> GuaranteeSurvey {
        let names = ["food_and_clothing", "compulsory_education", "basic_medical", "safe_housing", "housing_assessed",
                     "water_quantity", "water_quality"]
        let fields = try table(value, "household.survey", allowed: Set(names + ["surveyed_on", "notes"]))
        var flags: [String: Bool] = [:]
        for name in names { flags[name] = try bool(fields[name], "household.survey.\(name)") ?? true }
        return GuaranteeSurvey(
            householdNumber: household, surveyedOn: try date(fields["surveyed_on"], "household.survey.surveyed_on") ?? asOf,
            foodAndClothing: flags["food_and_clothing"]!, compulsoryEducation: flags["compulsory_education"]!,
            basicMedical: flags["basic_medical"]!, safeHousing: flags["safe_housing"]!, housingAssessed: flags["housing_assessed"]!,
            waterQuantity: flags["water_quantity"]!, waterQuality: flags["water_quality"]!,
            notes: try text(fields["notes"], "household.survey.notes") ?? "")
    }

    /// An episode with its `steps` (`{ { transition, taken_on, actor, stage, accepted, risk_types } }`).
    private func episode(_ value: LuaValue, index: Int, household: String) throws -> (MonitoringEpisode, [MonitoringStep]) {
        let path = "household.episodes[\(index + 1)]"
        let fields = try table(value, path, allowed: [
            "id", "channel", "reported_on", "status", "risk_types", "identified_on", "eliminated_on", "steps",
        ])
        guard let reported = try date(fields["reported_on"], "\(path).reported_on") else { throw problem("\(path) needs reported_on") }
        let risks = try riskTypes(fields["risk_types"], "\(path).risk_types")
        let episode = MonitoringEpisode(
            id: Int64(try integer(fields["id"], "\(path).id") ?? index + 1), householdNumber: household,
            channel: try term(fields["channel"], "\(path).channel") ?? .cadreVisit, reportedOn: reported,
            status: try term(fields["status"], "\(path).status") ?? .identified, riskTypes: risks,
            identifiedOn: try date(fields["identified_on"], "\(path).identified_on"),
            eliminatedOn: try date(fields["eliminated_on"], "\(path).eliminated_on"))
        let steps = try list(fields["steps"], "\(path).steps").enumerated().map { position, value in
            try step(value, path: "\(path).steps[\(position + 1)]", id: Int64(position + 1), episode: episode)
        }
        return (episode, steps)
    }

    private func riskTypes(_ value: LuaValue?, _ path: String) throws -> Set<RiskType> {
        Set(try list(value, path).map { entry in
            guard let risk: RiskType = try term(entry, path) else { throw problem("\(path) holds a nil") }
            return risk
        })
    }

    private func step(_ value: LuaValue, path: String, id: Int64, episode: MonitoringEpisode) throws -> MonitoringStep {
        let fields = try table(value, path, allowed: ["transition", "taken_on", "actor", "stage", "accepted", "risk_types"])
        guard let transition: MonitoringTransition = try term(fields["transition"], "\(path).transition") else {
            throw problem("\(path) needs transition")
        }
        guard let taken = try date(fields["taken_on"], "\(path).taken_on") else { throw problem("\(path) needs taken_on") }
        let risks = try riskTypes(fields["risk_types"], "\(path).risk_types")
        return MonitoringStep(
            id: id, episodeID: episode.id, householdNumber: episode.householdNumber, transition: transition, takenOn: taken,
            actor: try text(fields["actor"], "\(path).actor") ?? "", stage: try term(fields["stage"], "\(path).stage"),
            accepted: try bool(fields["accepted"], "\(path).accepted"), riskTypes: risks)
    }

    private func plan(_ value: LuaValue, index: Int, household: String) throws -> AssistancePlan {
        let path = "household.plans[\(index + 1)]"
        let fields = try table(value, path, allowed: ["id", "episode_id", "made_on", "adjusted_on"])
        guard let made = try date(fields["made_on"], "\(path).made_on") else { throw problem("\(path) needs made_on") }
        return AssistancePlan(
            id: Int64(try integer(fields["id"], "\(path).id") ?? index + 1), householdNumber: household,
            episodeID: try integer(fields["episode_id"], "\(path).episode_id").map(Int64.init), madeOn: made,
            adjustedOn: try date(fields["adjusted_on"], "\(path).adjusted_on"))
    }

    /// A stay of the member named `member` (the first member when not given): `admitted_on`,
    /// `discharged_on`, `hospital`, `cost` and `reimbursed` in yuan.
    private func hospitalStay(_ value: LuaValue, index: Int, household: String, members: [Member]) throws -> HospitalStay {
        let path = "household.hospital_stays[\(index + 1)]"
        let fields = try table(value, path, allowed: ["member", "admitted_on", "discharged_on", "hospital", "cost", "reimbursed"])
        guard let admitted = try date(fields["admitted_on"], "\(path).admitted_on") else { throw problem("\(path) needs admitted_on") }
        let name = try text(fields["member"], "\(path).member")
        guard let member = name.map({ name in members.first { $0.name == name } }) ?? members.first else {
            throw problem("\(path).member must name one of the household's members" + (name.map { ", got \($0)" } ?? ""))
        }
        let discharged = try date(fields["discharged_on"], "\(path).discharged_on")
        if let discharged, discharged < admitted { throw problem("\(path).discharged_on is before admitted_on") }
        let cost = try money(fields["cost"], "\(path).cost"), reimbursed = try money(fields["reimbursed"], "\(path).reimbursed")
        guard reimbursed <= cost else { throw problem("\(path).reimbursed is more than its cost") }
        return HospitalStay(
            id: Int64(index + 1), householdNumber: household, residentID: member.residentID, admittedOn: admitted,
            dischargedOn: discharged, hospital: try text(fields["hospital"], "\(path).hospital") ?? "县人民医院", cost: cost,
            reimbursed: reimbursed)
    }

    /// A complaint: `received_on`, `channel` (hotline by default), `summary`, `closed_on`.
    private func complaint(_ value: LuaValue, index: Int, household: String) throws -> Complaint {
        let path = "household.complaints[\(index + 1)]"
        let fields = try table(value, path, allowed: ["received_on", "channel", "summary", "closed_on"])
        guard let received = try date(fields["received_on"], "\(path).received_on") else { throw problem("\(path) needs received_on") }
        let closed = try date(fields["closed_on"], "\(path).closed_on")
        if let closed, closed < received { throw problem("\(path).closed_on is before received_on") }
        return Complaint(
            id: Int64(index + 1), householdNumber: household, receivedOn: received,
            channel: try term(fields["channel"], "\(path).channel") ?? .hotline,
            summary: try text(fields["summary"], "\(path).summary") ?? "反映帮扶政策落实问题", closedOn: closed)
    }

    /// A microcredit loan: `borrowed_on`, `due_on` (three years later by default), `amount`
    /// (50,000 yuan by default), `purpose` (`household-use` by default), `repaid_on`.
    private func loan(_ value: LuaValue, index: Int, household: String) throws -> MicrocreditLoan {
        let path = "household.loans[\(index + 1)]"
        let fields = try table(value, path, allowed: ["borrowed_on", "due_on", "amount", "purpose", "repaid_on"])
        guard let borrowed = try date(fields["borrowed_on"], "\(path).borrowed_on") else { throw problem("\(path) needs borrowed_on") }
        let due = try date(fields["due_on"], "\(path).due_on") ?? borrowed.adding(months: 36)
        guard due >= borrowed else { throw problem("\(path).due_on is before borrowed_on") }
        let repaid = try date(fields["repaid_on"], "\(path).repaid_on")
        if let repaid, repaid < borrowed { throw problem("\(path).repaid_on is before borrowed_on") }
        let amount = fields["amount"] == nil ? Money(yuan: 50000) : try money(fields["amount"], "\(path).amount")
        return MicrocreditLoan(id: Int64(index + 1), householdNumber: household, borrowedOn: borrowed, dueOn: due, amount: amount,
                               purpose: try term(fields["purpose"], "\(path).purpose") ?? .householdUse, repaidOn: repaid)
    }

    private func visit(_ value: LuaValue, index: Int) throws -> HouseholdView.VisitEntry {
        let path = "household.visits[\(index + 1)]"
        let fields = try table(value, path, allowed: ["visited_on", "role"])
        guard let day = try date(fields["visited_on"], "\(path).visited_on") else { throw problem("\(path) needs visited_on") }
        return HouseholdView.VisitEntry(visitedOn: day, role: try term(fields["role"], "\(path).role") ?? .residentTeam)
    }

    // MARK: Reading Lua values

    private func problem(_ message: String) -> PluginError { PluginError(.spec, "spec '\(spec)': \(message)") }

    private func table(_ value: LuaValue, _ path: String, allowed: Set<String>) throws -> [String: LuaValue] {
        guard let table = value.tableValue, table.array.isEmpty || table.fields.isEmpty else {
            throw problem("\(path) must be a table of fields, got \(value.displayText)")
        }
        var fields: [String: LuaValue] = [:]
        for (key, field) in table.fields {
            guard let name = key.stringValue, allowed.contains(name) else {
                throw problem("unknown field '\(key.displayText)' in \(path) (known fields: \(allowed.sorted().joined(separator: ", ")))")
            }
            fields[name] = field
        }
        return fields
    }

    private func list(_ value: LuaValue?, _ path: String) throws -> [LuaValue] {
        guard let value, value != .nil else { return [] }
        guard let table = value.tableValue, table.fields.isEmpty else { throw problem("\(path) must be a list") }
        return table.array
    }

    private func text(_ value: LuaValue?, _ path: String) throws -> String? {
        guard let value, value != .nil else { return nil }
        guard let text = value.stringValue else { throw problem("\(path) must be a string, got \(value.displayText)") }
        return text
    }

    private func integer(_ value: LuaValue?, _ path: String) throws -> Int? {
        guard let value, value != .nil else { return nil }
        guard let number = value.integerValue else { throw problem("\(path) must be an integer, got \(value.displayText)") }
        return Int(number)
    }

    private func bool(_ value: LuaValue?, _ path: String) throws -> Bool? {
        guard let value, value != .nil else { return nil }
        guard case .boolean(let flag) = value else { throw problem("\(path) must be true or false, got \(value.displayText)") }
        return flag
    }

    private func money(_ value: LuaValue?, _ path: String) throws -> Money {
        guard let value, value != .nil else { return .zero }
        guard let yuan = value.doubleValue, yuan >= 0 else {
            throw problem("\(path) must be an amount in yuan, not negative, got \(value.displayText)")
        }
        return Money(fen: Int64((yuan * 100).rounded()))
    }

    private func date(_ value: LuaValue?, _ path: String) throws -> LocalDate? {
        guard let text = try text(value, path) else { return nil }
        guard let date = LocalDate(iso: text) else { throw problem("\(path) must be a date written YYYY-MM-DD, got \(text)") }
        return date
    }

    private func term<T: OfficialTerm>(_ value: LuaValue?, _ path: String) throws -> T? {
        guard let text = try text(value, path) else { return nil }
        guard let term = T(term: text) else {
            throw problem("\(path): unknown value '\(text)' (known: \(T.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return term
    }
}
