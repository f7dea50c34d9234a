import DixianCore

extension HouseholdGenerator {
    /// One to three assets in a village formed by assistance projects from 2016 to 2021, with
    /// the income of the operating ones and its uses. Nearly all are in use, registered and in
    /// someone's care; a few are idle or lost, since a day a year or more after they were formed
    /// and a month or more before the county's date (`statusSince`), and now and then a year's
    /// income is handed out per head (简单分红) instead of going to the uses the rules allow.
    mutating func assets(villageCode: String) -> [RegistryRecord] {
        var records: [RegistryRecord] = []
        for _ in 0..<random.int(1...3) {
            let assetClass: AssetClass = [.publicWelfare, .operating, .household][random.weighted([50, 35, 15])]
            let project = switch assetClass {
            case .publicWelfare: random.pick(["村组道路硬化", "高标准农田灌溉渠", "村级饮水工程", "村卫生室"])
            case .operating: random.pick(["村级光伏电站", "日光温室", "农产品冷链仓储", "肉牛养殖基地"])
            case .household: random.pick(["到户基础母牛", "到户养殖圈舍", "到户果树苗木"])
            }
            let status: AssetStatus = [.inUse, .idle, .lost][random.weighted([97.5, 2, 0.5])]
            var asset = Asset(
                id: nextID(&nextAsset), project: project, assetClass: assetClass, value: Money(yuan: Int64(random.int(50...2000) * 1000)),
                villageCode: villageCode, custodian: random.chance(0.99) ? "村股份经济合作社" : nil,
                ownershipRegistered: random.chance(0.985), status: status,
                formedOn: LocalDate(year: random.int(2016...2021), month: random.int(1...12), day: random.int(1...28))!)
            if status != .inUse {
                asset.statusSince = assetStatusRandom.day(from: asset.formedOn.adding(days: 365), to: asOf.adding(days: -30))
            }
            records.append(asset.registryRecord)
            guard assetClass == .operating, status == .inUse else { continue }
            for year in Self.incomeYears {
                let income = random.int(20...150) * 1000
                records.append(AssetIncome(assetID: asset.id, year: year, income: Money(yuan: Int64(income))).registryRecord)
                let shares = random.chance(0.02) ? [("按人均分配到户", 100)]
                    : [("公益岗位工资", 40), ("村级公益事业", 25), ("管护维修", 15), ("村集体积累", 20)]
                for (purpose, percent) in shares.sorted(by: { $0.0 < $1.0 }) {
                    records.append(AssetDistribution(assetID: asset.id, year: year, purpose: purpose,
                                                     amount: Money(yuan: Int64(income * percent / 100))).registryRecord)
                }
            }
        }
        return records
    }
}
