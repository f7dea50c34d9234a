import LuaHost
import Testing

/// Values cross between Swift and Lua without loss, and Swift types push themselves directly.
struct ValueConversionTests {
    @Test func scalarsKeepTheirLuaTypes() throws {
        let results = try Sandbox().run("return 1, 1.0, 2^53, -0.5, 'text', true, nil, math.huge")
        #expect(results == [.integer(1), .number(1), .number(9_007_199_254_740_992), .number(-0.5), "text", true, .nil,
                            .number(.infinity)])
    }

    @Test func tablesCopyDeeplyWithSequenceAndFields() throws {
        let result = try Sandbox().run("return {10, 20, {30}, name = '李四', [7] = 'seven', [true] = 1}")
        #expect(result == [.table(LuaTable(array: [10, 20, [30]], fields: ["name": "李四", 7: "seven", true: 1]))])
        #expect(result[0]["name"] == "李四")
        #expect(result[0][3][1] == 30)
    }

    @Test func cyclesAreMarkedNotFollowed() throws {
        let result = try Sandbox().run("local t = {name = 'loop'}; t.self = t; return t, print")
        #expect(result[0]["self"] == .opaque("table (cycle)"))
        #expect(result[1] == .opaque("function"))
    }

    @Test func swiftValuesRoundTrip() throws {
        let sandbox = try Sandbox()
        let identity = try sandbox.state.load("return ...", name: "identity", in: sandbox.environment)
        let value: LuaValue = ["members": [["name": "王五", "age": 67]], "flags": [true, false], "income": 7800.5]
        #expect(try sandbox.state.call(identity, [value, 3, "户"]) == [value, 3, "户"])
    }

    struct Member: LuaPushable {
        var name: String
        var age: Int
        var disabilityGrade: Int?

        func push(onto stack: LuaStack) {
            stack.pushTable(fieldCount: 3)
            stack.setField("name", name)
            stack.setField("age", age)
            stack.setField("disability_grade", disabilityGrade)
        }
    }

    @Test func pushableTypesArriveAsTables() throws {
        let sandbox = try Sandbox()
        let check = try sandbox.state.load("""
            local members = ...
            local elderly, disabled = 0, 0
            for _, m in ipairs(members) do
              if m.age >= 60 then elderly = elderly + 1 end
              if m.disability_grade then disabled = disabled + 1 end
            end
            return #members, elderly, disabled, members[1].name
            """, name: "check", in: sandbox.environment)
        let members = [Member(name: "赵六", age: 71, disabilityGrade: 2), Member(name: "赵七", age: 40)]
        #expect(try sandbox.state.call(check, with: members) == [2, 1, 1, "赵六"])
    }

    @Test func displayFollowsLuaSyntax() {
        let value = LuaValue.table(LuaTable(
            array: [1, 2.0, "a\"b", ["nested": true]], fields: ["key with space": 1, "end": 2, "name": "x"]))
        #expect(value.description == #"{1, 2.0, "a\"b", {nested = true}, ["end"] = 2, ["key with space"] = 1, name = "x"}"#)
        #expect(LuaValue.string("bare").displayText == "bare")
        #expect(LuaValue.number(1e100).description == "1e+100")
    }
}
