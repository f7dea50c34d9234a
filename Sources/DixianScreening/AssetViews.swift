import DixianCore

/// Reads the assets in an area with their incomes and distributions (a county has thousands,
/// not millions: they are read at once).
public enum AssetViews {
    /// The assets whose village is within `area` (nil: all), with their incomes and distributions.
    public static func read(from store: some RegistryStore, area: String?) throws -> [AssetView] {
        var views: [AssetView] = []
        var position: [Int64: Int] = [:]
        try store.forEachRecord(in: .asset) { record in
            guard case .asset(let asset) = record, area.map({ asset.villageCode.hasPrefix($0) }) ?? true else { return }
            position[asset.id] = views.count
            views.append(AssetView(asset: asset))
        }
        try store.forEachRecord(in: .assetIncome) { record in
            guard case .assetIncome(let income) = record, let index = position[income.assetID] else { return }
            views[index].incomes.append(income)
        }
        try store.forEachRecord(in: .assetDistribution) { record in
            guard case .assetDistribution(let distribution) = record, let index = position[distribution.assetID] else { return }
            views[index].distributions.append(distribution)
        }
        return views
    }
}
