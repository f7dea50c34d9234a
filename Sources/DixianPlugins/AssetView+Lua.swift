import DixianCore
import LuaHost

/// An asset as asset checks see it: its fields, income by year and the uses of that income
/// (documented in docs/plugin-api.md, "The asset view"). Amounts are in yuan. The asset and its
/// distribution rows carry read-only metatables (`tables`) that refuse a field they lack.
struct LuaAssetView: LuaPushable {
    let view: AssetView
    let tables: AssetViewTables

    /// The fields of an asset table.
    enum Field: String, CaseIterable {
        case id, project, `class`, value, village, township, custodian
        case ownershipRegistered = "ownership_registered"
        case status
        case formedOn = "formed_on"
        case statusSince = "status_since"
        case incomes, distributions

        static let names = allCases.map(\.rawValue)
    }

    /// The fields of a distribution row.
    enum DistributionField: String, CaseIterable {
        case year, purpose, amount

        static let names = allCases.map(\.rawValue)
    }

    func push(onto stack: LuaStack) {
        let asset = view.asset
        stack.pushTable(fieldCount: Field.allCases.count)
        tables.asset.setAsMetatable(ofTableAt: -1, in: stack)
        stack.setField(Field.id.rawValue, asset.id)
        stack.setField(Field.project.rawValue, asset.project)
        stack.setField(Field.class.rawValue, asset.assetClass.rawValue)
        stack.setField(Field.value.rawValue, asset.value.yuan)
        stack.setField(Field.village.rawValue, asset.villageCode)
        stack.setField(Field.township.rawValue, String(asset.villageCode.prefix(9)))
        stack.setField(Field.custodian.rawValue, asset.custodian)
        stack.setField(Field.ownershipRegistered.rawValue, asset.ownershipRegistered)
        stack.setField(Field.status.rawValue, asset.status.rawValue)
        stack.setField(Field.formedOn.rawValue, asset.formedOn.description)
        stack.setField(Field.statusSince.rawValue, asset.statusSince?.description)
        stack.setField(Field.incomes.rawValue, Pushed { stack in
            stack.pushTable(fieldCount: view.incomes.count)
            for income in view.incomes {
                stack.setIndex(income.year, income.income.yuan)
            }
        })
        stack.setField(Field.distributions.rawValue, Pushed { stack in
            stack.pushTable(arrayCount: view.distributions.count)
            for (index, distribution) in view.distributions.enumerated() {
                stack.pushTable(fieldCount: DistributionField.allCases.count)
                tables.distribution.setAsMetatable(ofTableAt: -1, in: stack)
                stack.setField(DistributionField.year.rawValue, distribution.year)
                stack.setField(DistributionField.purpose.rawValue, distribution.purpose)
                stack.setField(DistributionField.amount.rawValue, distribution.amount.yuan)
                stack.popIntoIndex(index + 1)
            }
        })
    }
}

/// The metatables of an asset view's asset table and distribution rows.
struct AssetViewTables {
    let asset, distribution: LuaTableReference
}

/// A value pushed by a closure: for nested tables that need no type of their own.
struct Pushed: LuaPushable {
    let body: (LuaStack) -> Void

    func push(onto stack: LuaStack) { body(stack) }
}
