import DixianCore

/// Names and facts of synthetic villages: a first part from the landscape and the old
/// settlements of the northwest (红沙, 新河, 东湖 …) and an ending (岗村, 村, 湾村 …), unique
/// within a township, and a few villages hit by a disaster in the two years before the day the
/// county describes. Drawn from a stream of their own, so that the households stay as they were.
struct VillageNames {
    static let firsts = [
        "红沙", "新河", "东湖", "西渠", "南湖", "北滩", "大坝", "小坝", "黄岭", "白杨", "双树", "三合", "四坝", "五星", "六坝",
        "红星", "胜利", "团结", "和平", "前进", "新华", "永丰", "丰收", "金川", "青松", "柳林", "杨柳", "沙井", "泉水", "石羊",
        "宋和", "中和", "上沟", "下沟", "东坡", "西坡", "营盘", "马莲", "羊圈", "枣树", "花园", "高台", "新沟", "老庄", "红柳",
        "苏山", "东风", "西湖", "南山", "北关", "东关", "新胜", "新民", "兴隆", "天成", "复兴", "建设", "长城", "水源", "龙泉",
    ]
    static let endings = ["村", "岗村", "湾村", "滩村", "庄村", "沟村", "墩村", "堡村"]
    static let disasters = ["暴雨洪涝", "冰雹", "干旱", "霜冻", "沙尘暴", "大风"]

    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed ^ 0x5649_4C4C_4147_4553) }

    /// The villages of a township, their codes given: each named once within the township.
    /// A disaster (a storm, hail, drought…) strikes about two townships in five, once, on a day
    /// between 2022-07-01 and 2024-06-30: one of their villages and about a quarter of the others.
    mutating func villages(codes: [String]) -> [Place] {
        var used = Set<String>()
        let names = codes.map { _ in
            var name = random.pick(Self.firsts) + random.pick(Self.endings)
            var attempt = 1
            while used.contains(name) {
                attempt += 1
                name = random.pick(Self.firsts) + (attempt > 20 ? "\(attempt)" : "") + random.pick(Self.endings)
            }
            used.insert(name)
            return name
        }
        var hit = Set<Int>()
        var event: (on: LocalDate, what: String)?
        if random.chance(0.4) {
            event = (random.day(from: LocalDate(year: 2022, month: 7, day: 1)!, to: SyntheticCounty.asOf), random.pick(Self.disasters))
            hit.insert(random.int(0...(codes.count - 1)))
            for index in codes.indices where random.chance(0.25) { hit.insert(index) }
        }
        return codes.indices.map { index in
            guard let event, hit.contains(index) else { return Place(code: codes[index], name: names[index], level: .village) }
            return Place(code: codes[index], name: names[index], level: .village, disasterOn: event.on, disaster: event.what)
        }
    }
}
