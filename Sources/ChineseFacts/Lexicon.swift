/// The words the quantity extractor knows, as data: one table each.
///
/// Examples of the entries are in `Tests/ChineseFactsTests/QuantityTests.swift` and the golden files.
public enum FactLexicon {
    /// Measure words that make a count: `11个`, `50余次`, `1200余人次`.
    public static let measureWords: [String] = [
        "人次", "场次", "户次", "架次", "车次", "批次", "件次", "个", "家", "名", "人", "次", "项", "场", "本", "批", "所",
        "支", "条", "辆", "户", "座", "套", "件", "台", "艘", "架", "列", "株", "头", "只", "处", "间", "部", "起",
        "宗", "例", "位", "篇", "张", "份", "种", "对", "门", "栋", "幢", "棵", "匹", "枚", "块", "片", "颗", "轮",
        "节", "届", "级", "期", "回", "口", "组", "队", "趟", "家次", "所次",
    ]

    /// Currencies and their ISO 4217 codes: `元` CNY, `美元` USD, `港元` HKD …
    public static let currencies: [(word: String, code: String)] = [
        ("元人民币", "CNY"), ("人民币", "CNY"), ("元", "CNY"), ("美元", "USD"), ("美金", "USD"), ("港元", "HKD"),
        ("港币", "HKD"), ("欧元", "EUR"), ("日元", "JPY"), ("英镑", "GBP"), ("澳元", "AUD"), ("加元", "CAD"),
        ("卢布", "RUB"), ("韩元", "KRW"), ("新台币", "TWD"), ("澳门元", "MOP"), ("瑞士法郎", "CHF"),
        ("新加坡元", "SGD"), ("块钱", "CNY"), ("元整", "CNY"), ("圆整", "CNY"), ("圆", "CNY"), ("泰铢", "THB"),
        ("台币", "TWD"), ("日币", "JPY"), ("韩币", "KRW"), ("卢比", "INR"),
    ]

    /// Units of measure, kept as written: `3.5万亩` → 35000 亩, `2.6倍` → 2.6 倍.
    public static let units: [String] = [
        "吨标准煤", "吨公里", "人公里", "平方公里", "平方千米", "平方米", "立方米", "千瓦时", "千瓦", "兆瓦", "标准箱",
        "公顷", "公里", "千米", "厘米", "毫米", "千克", "公斤", "吨", "亩", "岁", "米", "克", "斤", "倍", "摄氏度",
        "升", "毫升", "海里", "光年", "度", "GB", "TB", "MB", "Mbps", "M", "G", "km", "kg", "部/百人",
    ]

    /// Units of time that make a duration: `2个月`, `50年`.
    public static let durations: [String] = [
        "个工作日", "个小时", "个月", "个星期", "周岁", "小时", "分钟", "星期", "年", "天", "周", "秒",
    ]

    /// Words after a number that make it an ordinal: `75周年`, and after 第: `第九批` …
    public static let ordinalUnits: [String] = [
        "周年", "批", "届", "级", "次", "期", "个", "名", "位", "轮", "章", "条", "款", "项", "类", "年", "天",
        "阶段", "组", "站", "号", "步", "部", "代", "把手", "梯队",
    ]

    /// Percentage points: `2.2个百分点` → 2.2 pp.
    public static let percentagePoints: [String] = ["个百分点", "個百分點", "百分点", "百分點"]

    /// Words that name the property measured, split off into `attribute`:
    /// `科技贷款余额超30亿元` → subject 科技贷款, attribute 余额.
    public static let attributes: [String] = [
        "资产总额", "覆盖率", "完成率", "占比", "比重", "余额", "总额", "增加值", "增速", "产量", "城镇化率",
        "利润", "利润总额", "播种面积", "装机容量", "保有量", "零售额", "进出口额", "出口额", "进口额", "比例", "普及率",
        "发电量", "营业收入", "总量", "规模", "面积", "速率", "数量", "投资额", "成交额", "贷款余额", "存款余额",
        "增长率", "合格率", "达标率", "优良率", "参保率", "就业率", "产值", "税收", "销售额", "营收", "总产值",
        "货运量", "客运量", "吞吐量", "货物吞吐量", "周转量", "用电量", "交易额", "业务量", "接入流量", "存栏", "出栏",
        "软件业务收入", "营业收入利润率", "资产负债率", "产能利用率", "调查失业率", "失业率", "平均汇率", "汇率",
        "总产量", "出口", "进口", "进出口", "投资", "总投资", "生产总值", "地区生产总值", "国内生产总值", "人均国内生产总值",
        "固定资产投资", "全社会固定资产投资", "民间投资", "实际使用外资", "对华直接投资", "网上零售额", "非金融类直接投资额",
        "对外非金融类直接投资额", "完成营业额", "人均地区生产总值", "对外直接投资", "外商直接投资", "实际利用外资",
        "实际利用外商直接投资", "进出口总额", "销售面积", "待售面积", "网签面积", "零售总额", "存贷款余额",
    ]

    /// Verbs whose object is the statistic named: cut with the attribute, so that the entity before
    /// them is the subject (`省重大项目完成投资7290亿元` → 省重大项目 and 投资) or, where none is, the
    /// attribute alone (`完成投资46.9亿元` → 投资). Unlike `clauseOpeners`, no noun among them (组织).
    public static let verbsBeforeAttributes: [String] = ["完成", "实现", "累计完成", "计划", "确保", "争取", "力争", "提出", "拉动", "带动"]

    /// Verbs and function words that open a clause: the subject starts after them.
    /// `新成立非公企业党组织11个` → 非公企业党组织.
    public static let clauseOpeners: [String] = [
        "新成立", "成立", "发放", "开展", "组织", "培养", "申报", "认定", "达到", "完成", "实现", "累计", "提供", "进行",
        "举办", "签订", "开发", "安排", "引进", "吸引", "推荐", "建立", "建设", "设立", "新建", "新增", "提拔", "使用",
        "晋升", "聘任", "调整", "优化", "配发", "配备", "立项", "解决", "参加", "参与", "带头", "指导", "协助", "帮助",
        "获批", "达成", "打造", "实施", "推动", "推进", "落实", "召开", "覆盖", "现有", "共有", "拥有", "为", "对",
        "在", "向", "给", "从", "由", "将", "把", "被", "让", "使", "达", "共计", "合计", "总计", "有", "是",
        "占", "超过", "其中", "包括", "全年", "年末", "年初", "认定", "选派", "招聘", "接待", "培训", "救助", "帮扶",
        "资助", "慰问", "新开工", "开工", "竣工", "投产", "创建", "评选", "表彰", "走访", "排查", "化解", "整治",
        "力争", "确保", "争取", "带动", "提出", "盘活", "预计",
    ]

    /// Words right before a number that are not part of its subject: `受众达1000余人次` → 受众.
    /// The change words (`changeWords`: 增长 下降 …) are trimmed as well.
    public static let trailingFunctionWords: [String] = [
        "达到", "达", "为", "共计", "合计", "总计", "累计", "共", "有", "是", "超过", "超", "约", "近", "占", "的",
        "同比", "比上年", "比上年末", "比上年同期", "分别", "均", "各", "逾", "突破", "达成", "完成", "实现", "以上",
        "升值", "环比", "拉动", "折合", "折", "比上年增长", "比上年下降", "同比增长", "同比下降",
        "年均", "平均", "成为", "稳定在", "控制在", "保持在", "维持在", "放在", "在", "从", "由", "比去年", "较上年", "较去年",
        "拟按",
    ]

    /// Verbs from one value to the next: in `研发投入强度由1.07%提高到1.49%`, 1.49% is what
    /// 1.07% was, and takes its subject.
    public static let fromToVerbs: [String] = [
        "提高到", "提高至", "增加到", "增加至", "增长到", "增长至", "扩大到", "扩大至", "上升到", "上升至",
        "提升到", "提升至", "下降到", "下降至", "减少到", "减少至", "降低到", "降低至", "缩小到", "缩小至",
        "增至", "升至", "降至", "减至",
    ]

    /// Words that end in a trailing function word and stay whole at a subject's end: the 均 of
    /// `全省农民人均达到1.2万元` is not cut from 人均 (subject 全省农民人均), nor the 约 of 签约
    /// (`项目签约3543亿元`: 项目签约).
    public static let wordsKeptWhole: [String] = ["人均", "户均", "日均", "月均", "亩均", "签约"]

    /// Words that end in a clause opener but are no verb: the phrase is not cut after the 有 of
    /// 国有 in `国有控股企业增加值增长4.2%` (subject 国有控股企业). At a phrase's end 有 is the verb
    /// (`我国有13亿人`), so these are not kept there.
    public static let openerLookalikes: [String] = ["国有", "公有"]

    /// Time words that open a phrase but are not its subject: `二季度增长4.7%`.
    public static let leadingTimeWords: [String] = [
        "前三季度", "一季度", "二季度", "三季度", "四季度", "第一季度", "第二季度", "第三季度", "第四季度", "上半年",
        "下半年", "全年", "年末", "年初", "年底", "当年", "同期", "其中",
    ]

    /// Words before a quantity that make it a change: `同比增长32%` → increase.
    public static let changeWords: [(word: String, change: Change)] = [
        ("增长", .increase), ("增加", .increase), ("提高", .increase), ("上升", .increase), ("上涨", .increase),
        ("增产", .increase), ("多增", .increase), ("扩大", .increase), ("提升", .increase),
        ("下降", .decrease), ("减少", .decrease), ("降低", .decrease), ("减产", .decrease), ("回落", .decrease),
        ("贬值", .decrease), ("少增", .decrease), ("收窄", .decrease), ("净增", .increase),
    ]

    /// ASCII-letter suffixes that make a number part of a name, not a quantity: `5G`, `3D`, `4G`.
    public static let techNames: [String] = ["5G", "4G", "3G", "6G", "3D", "2D", "4D", "4K", "8K", "5A", "4A", "3A"]

    /// Words before a number that make it a rate base, not an amount: `每百元`.
    public static let rateBases: [String] = ["每"]
}
