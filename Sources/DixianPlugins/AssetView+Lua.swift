import DixianCore
import LuaHost

/// An asset as asset checks see it: its fields, income by year and the uses of that income
/// (documented in docs/plugin-api.md, "The asset view"). Amounts are in yuan.
struct LuaAssetView: LuaPushable {
    let view: AssetView

    func push(onto stack: LuaStack) {
        let asset = view.asset
        stack.pushTable(fieldCount: 13)
        stack.setField("id", asset.id)
        stack.setField("project", asset.project)
        stack.setField("class", asset.assetClass.rawValue)
        stack.setField("value", asset.value.yuan)
        stack.setField("village", asset.villageCode)
        stack.setField("township", String(asset.villageCode.prefix(9)))
        stack.setField("custodian", asset.custodian)
        stack.setField("ownership_registered", asset.ownershipRegistered)
        stack.setField("status", asset.status.rawValue)
        stack.setField("formed_on", asset.formedOn.description)
        stack.setField("incomes", Pushed { stack in
            stack.pushTable(fieldCount: view.incomes.count)
            for income in view.incomes {
                stack.setIndex(income.year, income.income.yuan)
            }
        })
        stack.setField("distributions", Pushed { stack in
            stack.pushTable(arrayCount: view.distributions.count)
            for (index, distribution) in view.distributions.enumerated() {
                stack.pushTable(fieldCount: 3)
                stack.setField("year", distribution.year)
                stack.setField("purpose", distribution.purpose)
                stack.setField("amount", distribution.amount.yuan)
                stack.popIntoIndex(index + 1)
            }
        })
    }
}

/// A value pushed by a closure: for nested tables that need no type of their own.
struct Pushed: LuaPushable {
    let body: (LuaStack) -> Void

    func push(onto stack: LuaStack) { body(stack) }
}
