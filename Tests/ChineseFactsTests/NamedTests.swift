import ChineseFacts
import Testing

/// The facts of one kind in `text`, as `text=value` strings.
func found(_ kind: FactKind, in text: String) -> [String] {
    FactExtractor(kinds: [kind]).facts(in: text).map { "\($0.text)=\($0.value)" }
}

func foundFacts(_ kind: FactKind, in text: String) -> [Fact] {
    FactExtractor(kinds: [kind]).facts(in: text)
}

@Suite("Dates")
struct DateTests {
    @Test(arguments: [
        ("2024年，安庆高新区", "2024年=2024"),
        ("二〇二四年是关键一年", "二〇二四年=2024"),
        ("二零二四年", "二零二四年=2024"),
        ("２０２４年", "２０２４年=2024"),
        ("国家统计局 2025年2月28日", "2025年2月28日=2025-02-28"),
        ("2026年02月10日发布", "2026年02月10日=2026-02-10"),
        ("二〇二六年一月二十七日", "二〇二六年一月二十七日=2026-01-27"),
        ("截至2024年6月", "2024年6月=2024-06"),
        ("2024年上半年增长", "2024年上半年=2024-H1"),
        ("2024年下半年", "2024年下半年=2024-H2"),
        ("2024年一季度", "2024年一季度=2024-Q1"),
        ("2024年第一季度", "2024年第一季度=2024-Q1"),
        ("2024年第四季度", "2024年第四季度=2024-Q4"),
        ("2024年前三季度", "2024年前三季度=2024-Q1/2024-Q3"),
        ("2013—2017年", "2013—2017年=2013/2017"),
        ("2013年至2017年", "2013年至2017年=2013/2017"),
        ("2013-2017年", "2013-2017年=2013/2017"),
        ("2024第三届", "2024=2024"),
        ("共有5家，2024第三届", "2024=2024"),
        ("编号1234，2024第三届", "2024=2024"),
    ])
    func dates(_ input: String, _ expected: String) {
        #expect(found(.date, in: input) == [expected])
    }

    /// Every quarter or half and every part of the lexicon, right after a year and after a month:
    /// the first-character filters built from the lists let each one through.
    @Test func everyYearDivisionAndDatePart() throws {
        for (word, suffix) in NamedLexicon.yearDivisions {
            let f = try #require(foundFacts(.date, in: "2024年\(word)，").first, "\(word)")
            let value = suffix.split(separator: "/").map { "2024-\($0)" }.joined(separator: "/")
            #expect(f.text == "2024年\(word)" && f.value == .text(value), "\(word)")
        }
        for (word, part) in NamedLexicon.dateParts {
            let f = try #require(foundFacts(.date, in: "2024年6月\(word)，").first, "\(word)")
            #expect(f.text == "2024年6月\(word)" && f.part == part, "\(word)")
        }
    }

    @Test func fiscalSinceAndParts() throws {
        let fiscal = try #require(foundFacts(.date, in: "2024年度组织工作要点").first)
        #expect(fiscal.text == "2024年度" && fiscal.fiscal == true)
        let since = try #require(foundFacts(.date, in: "2024年以来累计发放").first)
        #expect(since.text == "2024年以来" && since.since == true && since.value == .text("2024"))
        let end = try #require(foundFacts(.date, in: "预计到2024年12月末").first)
        #expect(end.text == "2024年12月末" && end.part == "end" && end.value == .text("2024-12"))
        let yearEnd = try #require(foundFacts(.date, in: "2012年底").first)
        #expect(yearEnd.part == "end" && yearEnd.value == .text("2012"))
        let start = try #require(foundFacts(.date, in: "2025年初").first)
        #expect(start.part == "start")
        let early = try #require(foundFacts(.date, in: "2025年6月上旬").first)
        #expect(early.part == "start" && early.value == .text("2025-06"))
        let middle = try #require(foundFacts(.date, in: "2025年6月中旬").first)
        #expect(middle.part == "middle")
        let late = try #require(foundFacts(.date, in: "2025年6月下旬").first)
        #expect(late.part == "end")
    }

    @Test(arguments: ["全年", "上年末", "年末", "12月份", "一季度", "上半年", "50年", "12345年", "1800年", "关键一年", "12024第三届", "024第"])
    func noDateWithoutAYear(_ input: String) {
        #expect(found(.date, in: input).isEmpty)
    }

    @Test func quantitiesCarryTheYearOfTheirClause() throws {
        let facts = FactExtractor(kinds: [.money, .date]).facts(in: "2024年以来累计发放贷款23亿元。")
        #expect(facts.map(\.kind) == [.date, .money])
        #expect(facts[1].date == "2024")
    }
}

@Suite("Plans and meetings")
struct PlanMeetingTests {
    @Test(arguments: [
        ("“十四五”规划", "十四五=14", "2021/2025"),
        ("“十五五”", "十五五=15", "2026/2030"),
        ("十三五时期", "十三五=13", "2016/2020"),
        ("十一五期间", "十一五=11", "2006/2010"),
        ("第十四个五年规划", "第十四个五年规划=14", "2021/2025"),
        ("第十五个五年计划", "第十五个五年计划=15", "2026/2030"),
    ])
    func plans(_ input: String, _ expected: String, _ period: String) {
        let facts = foundFacts(.plan, in: input)
        #expect(facts.map { "\($0.text)=\($0.value)" } == [expected])
        #expect(facts.first?.period == period)
    }

    @Test(arguments: ["十四五个", "二十四五", "十四五六个"])
    func notPlans(_ input: String) {
        #expect(found(.plan, in: input).isEmpty)
    }

    @Test(arguments: [
        ("党的二十大", ["二十大=20/-"]),
        ("二十届三中全会精神", ["二十届三中全会=20/3"]),
        ("党的二十大三中全会", ["二十大三中全会=20/3"]),
        ("二十届二中、三中全会", ["二十届二中=20/2", "三中全会=20/3"]),
        ("十四届全国人大二次会议", ["十四届全国人大二次会议=14/2"]),
        ("第十四届全国人民代表大会第二次会议", ["第十四届全国人民代表大会第二次会议=14/2"]),
        ("十四届全国政协二次会议", ["十四届全国政协二次会议=14/2"]),
        ("十九届六中全会。贯彻四中全会精神", ["十九届六中全会=19/6", "四中全会=19/4"]),
        ("十八大以来", ["十八大=18/-"]),
    ])
    func meetings(_ input: String, _ expected: [String]) {
        let got = foundFacts(.meeting, in: input).map { "\($0.text)=\($0.value)/\($0.plenum.map(String.init) ?? "-")" }
        #expect(got == expected)
    }

    @Test(arguments: ["统一搭建“五大”平台", "十大工程", "三中全会", "二十大项任务"])
    func notMeetings(_ input: String) {
        #expect(found(.meeting, in: input).isEmpty)
    }
}

@Suite("Titles and terms")
struct TitleTermTests {
    @Test func titles() {
        #expect(found(.title, in: "学习《条例》") == ["《条例》=条例"])
        #expect(
            found(.title, in: "《党的二十大三中全会〈决定〉学习辅导百问》")
                == ["《党的二十大三中全会〈决定〉学习辅导百问》=党的二十大三中全会〈决定〉学习辅导百问"])
        #expect(found(.title, in: "《零容忍》《正风反腐就在身边》") == ["《零容忍》=零容忍", "《正风反腐就在身边》=正风反腐就在身边"])
        // Left open at the end of a paragraph: nothing.
        #expect(found(.title, in: "印发《高新区“两个\n下一段") == [])
        #expect(found(.title, in: "《》") == [])
        // Nested 《 counted.
        #expect(found(.title, in: "《关于《条例》的说明》") == ["《关于《条例》的说明》=关于《条例》的说明"])
    }

    @Test func datesAndMeetingsInsideTitlesCount() {
        let facts = FactExtractor().facts(in: "《2024年山口乡党建工作要点》")
        #expect(facts.map(\.kind) == [.title, .date])
        #expect(!facts.contains { $0.kind == .place })
    }

    @Test func terms() {
        #expect(found(.term, in: "精准运用“四下基层”工作法") == ["“四下基层”=四下基层"])
        #expect(found(.term, in: "「一网通办」") == ["「一网通办」=一网通办"])
        #expect(found(.term, in: "“走出去+请进来”") == ["“走出去+请进来”=走出去+请进来"])
        #expect(found(.term, in: "“红心向党颂盛世 踔厉奋发谱华章”") == ["“红心向党颂盛世 踔厉奋发谱华章”=红心向党颂盛世 踔厉奋发谱华章"])
    }

    @Test(arguments: ["“好”", "“聚”", "“育苗”", "“五大”平台", "“十四五”", "“两个", "他说：“我们要继续努力，做得更好。”"])
    func notTerms(_ input: String) {
        #expect(found(.term, in: input).isEmpty)
    }

    @Test func namesInsideTermsAndTitlesAreNotFacts() {
        #expect(found(.place, in: "“海聚英才 智汇宣城”") == [])
        #expect(found(.place, in: "《安庆高新区2024年度党的建设工作要点》") == [])
    }
}

@Suite("Organisations, places and persons")
struct NameTests {
    @Test func everyProvince() {
        for (short, full) in NamedLexicon.provinces {
            #expect(found(.place, in: "考察\(full)，") == ["\(full)=\(full)"])
            #expect(found(.place, in: "考察\(short)，") == ["\(short)=\(short)"])
        }
    }

    @Test func everyCityWithShi() {
        for city in NamedLexicon.cities {
            #expect(found(.place, in: "前往\(city)市调研") == ["\(city)市=\(city)市"], "\(city)")
            let bare = found(.place, in: "前往\(city)调研")
            if NamedLexicon.citiesNeedingSuffix.contains(city) {
                #expect(bare.isEmpty, "\(city)")
            } else {
                #expect(bare == ["\(city)=\(city)"], "\(city)")
            }
        }
    }

    /// A list of names before 等 and a head (企业) gives each member, whether the member before 等
    /// has two, three or four characters; without 、 there is no list.
    @Test func listMembersBeforeDeng() {
        #expect(found(.org, in: "引进宝武、奇瑞等企业。") == ["宝武=宝武", "奇瑞=奇瑞"])
        #expect(found(.org, in: "引进宝武、比亚迪等企业。") == ["宝武=宝武", "比亚迪=比亚迪"])
        #expect(found(.org, in: "引进宝武、海螺水泥等企业。") == ["宝武=宝武", "海螺水泥=海螺水泥"])
        #expect(found(.org, in: "引进宝武、海螺水泥、奇瑞等企业。") == ["宝武=宝武", "海螺水泥=海螺水泥", "奇瑞=奇瑞"])
        #expect(found(.org, in: "引进宝武和奇瑞等企业。").isEmpty)
    }

    @Test func placeSuffixes() {
        #expect(found(.place, in: "安庆高新区坚持") == ["安庆高新区=安庆高新区"])
        #expect(found(.place, in: "到上海化工区和苏州市") == ["上海化工区=上海化工区", "苏州市=苏州市"])
        #expect(found(.place, in: "合肥经开区") == ["合肥经开区=合肥经开区"])
        #expect(found(.place, in: "到山口乡及5个村") == ["山口乡=山口乡"])
        #expect(found(.place, in: "、太湖县。") == ["太湖县=太湖县"])
        #expect(found(.place, in: "，哈克镇。") == ["哈克镇=哈克镇"])
        // A province takes 省, a city does not: 芜湖省级.
        #expect(found(.place, in: "合肥、芜湖省级") == ["合肥=合肥", "芜湖=芜湖"])
    }

    @Test(arguments: [
        "高新区大图", "走进高新区", "推进城乡融合", "推动县域经济", "脱贫县", "全县", "乡村振兴", "各乡镇", "大同社会", "日照时数",
        "开封使用", "中国特色社会主义", "京津冀协同", "乡风文明",
    ])
    func notPlaces(_ input: String) {
        #expect(found(.place, in: input).isEmpty, "\(input)")
    }

    @Test(arguments: [
        ("园区企业与北京大学、复旦大学等一批知名高校", ["北京大学", "复旦大学"]),
        ("参加山东大学、安庆师范大学、安庆医学院等9所高校", ["山东大学", "安庆师范大学", "安庆医学院"]),
        ("赴安庆市检察院、独秀园", ["安庆市检察院"]),
        ("、太湖县廉洁文化馆等", ["太湖县廉洁文化馆"]),
        ("，泽升科技、坤坤药业等4家企业", ["泽升科技", "坤坤药业"]),
        ("帮助虹泰新材料成功获批", ["虹泰新材料"]),
        ("组织长宏科技、双启医药等5家企业", ["长宏科技", "双启医药"]),
        ("指导普利药业、迪合永欣依托", ["普利药业", "迪合永欣"]),
        ("报送曙光、亿成、虹泰等产业链重点企业", ["曙光", "亿成", "虹泰"]),
        ("重点企业聚石化学集团体悟实训", ["聚石化学集团"]),
        ("安庆欧美同学会会员", ["安庆欧美同学会"]),
        ("国家统计局发布", ["国家统计局"]),
        ("在党中央、国务院坚强领导下", ["党中央", "国务院"]),
        ("中国人民银行", ["中国人民银行"]),
        ("招商银行", ["招商银行"]),
        ("河南化工技师学院", ["河南化工技师学院"]),
        ("走访海螺集团，", ["海螺集团"]), ("走访华夏股份，", ["华夏股份"]),
    ])
    func organisations(_ input: String, _ expected: [String]) {
        #expect(foundFacts(.org, in: input).map(\.text) == expected)
    }

    @Test(arguments: [
        "集团公司", "党支部集中学习", "量子科技、聚变能源、深空探测", "海洋生物医药", "改扩建基础教育学校", "新增普通高中学位",
        "建成300家二级以上医院", "城乡中小学", "积极推广小规模学校", "科技贷款", "股份制企业", "县级综合医院", "世界一流大学",
        "固定资产投资", "大学生", "，大型商业银行", "，区人民医院", "改造薄弱学校", "，城投公司", "，管理委员会",
        "推进海螺集团化改革", "推动华夏股份制改革",
    ])
    func notOrganisations(_ input: String) {
        #expect(found(.org, in: input).isEmpty, "\(input)")
    }

    @Test func placesInsideOrganisationsAreNotFacts() {
        let facts = FactExtractor(kinds: [.org, .place]).facts(in: "邀请安庆师范大学、河南化工技师学院赴企业")
        #expect(facts.map(\.kind) == [.org, .org])
    }

    @Test func persons() {
        #expect(found(.person, in: "深入学习贯彻习近平总书记") == ["习近平=习近平"])
        #expect(found(.person, in: "通讯员 袁国 周正方 程槐静\n本版照片由陈嵩拍摄") == [
            "袁国=袁国", "周正方=周正方", "程槐静=程槐静", "陈嵩=陈嵩",
        ])
        #expect(found(.person, in: "记者　欧阳明日") == ["欧阳明日=欧阳明日"])
        #expect(found(.person, in: "邓稼先故居") == ["邓稼先=邓稼先"])
        for p in NamedLexicon.persons {
            #expect(found(.person, in: "纪念\(p)。") == ["\(p)=\(p)"])
        }
    }

    @Test(arguments: ["记者走访了企业", "通讯员队伍建设", "由此拍摄", "本版照片由我们拍摄", "在国际市场汪洋大海中搏击"])
    func notPersons(_ input: String) {
        #expect(found(.person, in: input).isEmpty, "\(input)")
    }
}
