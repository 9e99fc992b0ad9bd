/// The characters and words of Chinese numerals, as data.
///
/// Examples of the entries are in `Tests/ChineseNumeralsTests/GrammarTests.swift` and `ScannerTests.swift`.
public enum NumeralLexicon {
    /// Single-digit characters and their values: 零〇○ 0, 一壹幺 1, 二两贰兩貳俩 2, 三叁參仨 3 …
    public static let digits: [Unicode.Scalar: Int] = [
        "零": 0, "〇": 0, "○": 0,
        "一": 1, "壹": 1, "幺": 1,
        "二": 2, "两": 2, "贰": 2, "兩": 2, "貳": 2, "俩": 2, "倆": 2,
        "三": 3, "叁": 3, "參": 3, "仨": 3,
        "四": 4, "肆": 4,
        "五": 5, "伍": 5,
        "六": 6, "陆": 6, "陸": 6,
        "七": 7, "柒": 7,
        "八": 8, "捌": 8,
        "九": 9, "玖": 9,
    ]

    /// Whether a scalar value is an ASCII or full-width decimal digit: `7`, `７`.
    @inline(__always) public static func isDigit(_ value: UInt32) -> Bool {
        (value >= 0x30 && value <= 0x39) || (value >= 0xFF10 && value <= 0xFF19)
    }

    /// Tens written as one character: 廿 20, 卅 30, 卌 40 (read as 二十, 三十, 四十).
    public static let tens: [Unicode.Scalar: Int] = ["廿": 2, "卅": 3, "卌": 4]

    /// Small units and their powers of ten: 十拾 1, 百佰 2, 千仟 3.
    public static let smallUnits: [Unicode.Scalar: Int] = [
        "十": 1, "拾": 1, "百": 2, "佰": 2, "千": 3, "仟": 3,
    ]

    /// Large units and their powers of ten: 万萬 4, 亿億 8, 兆 12.
    ///
    /// 兆 is read as 10^12 (万亿), the reading of Taiwan and of the traditional
    /// 中数 system that mainland financial prose also uses for "trillion"; 兆
    /// followed by 瓦 帕 赫 字 焦 欧 伏 比 (兆瓦, megawatt) is an SI prefix, not a numeral.
    public static let largeUnits: [Unicode.Scalar: Int] = ["万": 4, "萬": 4, "亿": 8, "億": 8, "兆": 12]

    /// Characters after 兆 that make it the SI prefix mega (兆瓦 MW, 兆帕 MPa, 兆字节 MB).
    public static let megaFollowers: Set<Unicode.Scalar> = ["瓦", "帕", "赫", "字", "焦", "欧", "伏", "比", "位"]

    /// Characters after 千 or 百 that make it part of a unit (千瓦 千米 千克 千焦 百帕), not a numeral.
    public static let unitPrefixFollowers: Set<Unicode.Scalar> = ["瓦", "米", "克", "焦", "帕", "卡", "伏", "赫", "字"]

    /// The decimal point in Chinese numerals: 点 (三点五), 點.
    public static let points: Set<Unicode.Scalar> = ["点", "點"]

    /// Hedges written inside or right after a numeral, and their qualifiers:
    /// 余 多 (4000余万, 十多) → over; 来 (二十来) → about.
    public static let innerHedges: [Unicode.Scalar: Qualifier] = ["余": .over, "多": .over, "来": .about, "餘": .over]

    /// Hedges before a numeral, longest first: 超过 超 逾 → over; 近 将近 不到 不足 → under;
    /// 约 大约 → about; 不少于 至少 → atLeast; 不超过 最多 → atMost.
    public static let prefixHedges: [(String, Qualifier)] = [
        ("超过了", .over), ("至少有", .atLeast),
        ("不少于", .atLeast), ("不超过", .atMost), ("不低于", .atLeast), ("不高于", .atMost),
        ("超过", .over), ("将近", .under), ("接近", .under), ("不到", .under), ("不足", .under),
        ("大约", .about), ("至少", .atLeast), ("最多", .atMost),
        ("超", .over), ("逾", .over), ("近", .under), ("约", .about),
    ]

    /// Words that end in a prefix hedge's characters but are no hedge: the 约 of `签约3543亿元`
    /// (signed, not about), the 近 of `最近5年` (most recent, not nearly).
    public static let hedgeLookalikes: [String] = [
        "签约", "履约", "违约", "节约", "制约", "预约", "合约", "公约", "条约", "契约", "集约", "特约", "邀约", "如约",
        "最近", "附近", "邻近", "就近",
    ]

    /// Hedges after a numeral (or after its unit), longest first: 以上 → over,
    /// 及以上 → atLeast, 及以下 → atMost, 左右 上下 → about, 以下 → under.
    public static let suffixHedges: [(String, Qualifier)] = [
        ("及以上", .atLeast), ("及以下", .atMost), ("以上", .over), ("以下", .under),
        ("左右", .about), ("上下", .about),
    ]

    /// Range connectors between two numerals: 3至5, 3到5, 3—5, 3~5, 3-5, 2——3万 (longest first).
    public static let rangeConnectors: [String] = ["——", "--", "至", "到", "—", "–", "~", "～", "-", "－", "〜"]

    /// Words that contain numeral characters but are not numbers, with the longer
    /// words that override them (十分 "very" is no number, but 十分钟 and 十分之一 are).
    ///
    /// The scanner skips a numeral character that one of these words covers.
    public static let notNumbers: [(word: String, unless: [String])] = [
        ("一些", []), ("一旦", []), ("统一", []), ("一流", []), ("举一反三", []), ("万一", []),
        ("百姓", []), ("零容忍", []), ("四海", []), ("十分", ["十分钟", "十分之"]), ("一致", []),
        ("进一步", []), ("千方百计", []), ("一体", []), ("一起", []), ("一样", []), ("一定", []),
        ("一直", []), ("一般", []), ("一切", []), ("一律", []), ("一道", []), ("一线", []),
        ("一把手", []), ("一站式", []), ("一揽子", []), ("一批", []), ("唯一", []), ("之一", []),
        ("一方面", []), ("另一方面", []), ("一系列", []), ("万众一心", []), ("一心一意", []),
        ("一以贯之", []), ("一张蓝图", []), ("一如既往", []), ("一手", []), ("第一手", []),
        ("第一时间", []), ("第一议题", []), ("第一产业", []), ("第二产业", []), ("第三产业", []),
        ("第三方", []), ("一次性", []), ("一带一路", []), ("三会一课", []), ("四下基层", []),
        ("一是", []), ("二是", []), ("三是", []), ("四是", []), ("五是", []), ("六是", []),
        ("七是", []), ("八是", []), ("九是", []), ("十是", []), ("一方", []), ("一同", []),
        ("一齐", []), ("一贯", []), ("一向", []), ("一度", []), ("一时", []), ("一味", []),
        ("一环", []), ("一项项", []), ("一件件", []), ("一个个", []), ("一批批", []), ("一代代", []),
        ("千家万户", []), ("万物", []), ("万家", []), ("百花", []), ("百年大计", []),
        ("五湖四海", []), ("三农", []), ("双一流", []), ("一网通办", []), ("一网统管", []),
        ("一件事", []), ("一码通", []), ("一卡通", []), ("一门式", []), ("一窗", []),
        ("两委", []), ("两新", []), ("两重", []), ("两个确立", []), ("两个维护", []),
        ("四个意识", []), ("四个自信", []), ("五位一体", []), ("四个全面", []), ("三严三实", []),
        ("十四五", []), ("十五五", []), ("十三五", []), ("十二五", []), ("十一五", []),
        ("亿万", []), ("千万不", []), ("千万要", []), ("千万别", []),
        ("一二·九", []), ("九州", []), ("八方", []), ("一帆风顺", []), ("三令五申", []),
        ("一马当先", []), ("九牛一毛", []), ("七上八下", []), ("乱七八糟", []), ("一鼓作气", []),
        ("一丝不苟", []), ("一锤接着一锤", []), ("一张图", []),
        ("百分百", []), ("一往无前", []), ("一体化", []), ("不二", []), ("三思", []),
        ("一元化", []), ("二元", ["二元钱"]), ("一审", []), ("二审", []), ("再一次", []),
        ("一家人", []), ("一线城市", []), ("一把", []),
        ("一下", []), ("一点", ["一点五", "一点二", "一点三", "一点四", "一点六", "一点七", "一点八", "一点九", "一点一", "一点零"]),
        ("一番", []), ("一举", []), ("一概", []), ("一再", []),
        ("十足", []), ("十全十美", []), ("三番五次", []), ("一日千里", []), ("日新月异", []),
        ("不一", []), ("之二", []), ("之三", []), ("关键一年", []), ("一次能源", []), ("三轮汽车", []),
        ("二手", []), ("二氧化", []), ("百货", []), ("一二三产业", []), ("三次产业", []), ("一年来", []),
        ("一年一度", []), ("一年又一年", []),
        // 个百分点: the 百 of 百分点 is part of the unit.
        ("百分点", []), ("百分點", []),
        // Place names and words with a numeral character (四川, 大陆, 队伍, 收拾, 放肆).
        ("四川", []), ("一看", []), ("两两", []), ("陆地", []), ("大陆", []), ("登陆", []), ("着陆", []),
        ("内陆", []), ("海陆", []), ("陆续", []), ("陆军", []), ("陆路", []), ("水陆", []), ("队伍", []),
        ("入伍", []), ("退伍", []), ("伍仁", []), ("收拾", []), ("拾取", []), ("拾起", []), ("拾到", []),
        ("拾金不昧", []), ("放肆", []), ("肆意", []), ("肆无忌惮", []), ("大肆", []),
        // 半 as a numeral is only 半个 (half of one); these words hold a 半 that is no number.
        ("上半年", []), ("下半年", []), ("半数", []), ("多半", []), ("大半", []), ("过半", []), ("半导体", []),
        ("半岛", []), ("半径", []), ("半夜", []), ("半个世纪", []), ("半个多世纪", []),
    ]

    /// Financial and traditional digits that alone are more often a word than a number
    /// (伍 in 队伍, 拾 in 收拾, 陆 in 陆地): one of them alone is read only before 元 or 圆.
    public static let loneFinancialDigits: Set<Unicode.Scalar> = [
        "壹", "贰", "貳", "叁", "參", "肆", "伍", "陆", "陸", "柒", "捌", "玖", "拾", "佰", "仟",
    ]
}
