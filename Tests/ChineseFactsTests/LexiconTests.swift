import ChineseFacts
import Testing

/// One example per lexicon entry: each word, in a sentence, does what its table says.
@Suite("Lexicon entries")
struct LexiconTests {
    func quantities(_ text: String) -> [Fact] { QuantityFacts().facts(in: text) }

    @Test func everyMeasureWordMakesACount() {
        // 届 期 级 are ordinals unless counted (连续举办十一届); 次 after 第 is an ordinal.
        for w in FactLexicon.measureWords where !["届", "期", "级", "块"].contains(w) {
            let f = quantities("今年新建3\(w)。").first
            let isCount = f?.kind == .count && f?.unit == w && f?.value == .number(ExactDecimal(3))
            // A few measure words are also units or durations (对 is a measure word; 周 is a duration).
            #expect(isCount || f?.unit == w, "\(w): \(String(describing: f))")
        }
        #expect(quantities("连续举办十一届。").first?.kind == .count)
        #expect(quantities("七级管理岗位").first?.kind == .ordinal)
        #expect(quantities("乡村两级班子").first?.kind == .count)
        #expect(quantities("第三期").first?.kind == .ordinal)
        // 块 is money at a clause's end (十块), a count before a noun (两块地).
        #expect(quantities("花了十块。").first?.unit == "CNY")
        #expect(quantities("整理出两块地").first?.unit == "块")
    }

    @Test func everyCurrencyMakesMoneyInItsCode() {
        for (w, code) in FactLexicon.currencies {
            let f = quantities("投入5\(w)。").first
            #expect(f?.kind == .money && f?.unit == code, "\(w): \(String(describing: f))")
        }
    }

    @Test func everyUnitMakesAMeasure() {
        for w in FactLexicon.units {
            let f = quantities("面积8\(w)。").first
            #expect(f?.kind == .measure && f?.unit == w, "\(w): \(String(describing: f))")
        }
        #expect(quantities("3.5万亩").first?.value == .number(ExactDecimal(35000)))
    }

    @Test func everyDurationMakesADuration() {
        for w in FactLexicon.durations {
            let f = quantities("用时2\(w)。").first
            #expect(f?.kind == .duration && f?.unit == w, "\(w): \(String(describing: f))")
        }
    }

    @Test func everyOrdinalUnitAfterDi() {
        for w in FactLexicon.ordinalUnits {
            let f = quantities("荣获第3\(w)。").first
            #expect(f?.kind == .ordinal && f?.unit == w, "\(w): \(String(describing: f))")
        }
    }

    @Test func percentagePointsArePP() {
        for w in FactLexicon.percentagePoints {
            let f = quantities("提高2.2\(w)。").first
            #expect(f?.kind == .percent && f?.unit == "pp" && f?.change == .increase, "\(w)")
        }
    }

    @Test func everyAttributeIsSplitOff() {
        for w in FactLexicon.attributes {
            let f = quantities("；园区企业\(w)为12%。").first
            #expect(f?.attribute == w, "\(w): \(String(describing: f?.subject)) / \(String(describing: f?.attribute))")
        }
    }

    /// A phrase is not cut after the 有 of 国有 or 公有, which are no verbs; at the phrase's end 有 is.
    @Test func everyOpenerLookalikeStaysInTheSubject() {
        let examples = ["国有": ("，国有控股企业增加值增长4.2%。", "国有控股企业"), "公有": ("，非公有制经济增加值增长6%。", "非公有制经济")]
        #expect(Set(examples.keys) == Set(FactLexicon.openerLookalikes))
        for (w, (text, subject)) in examples {
            #expect(quantities(text).first?.subject == subject, "\(w)")
        }
        #expect(quantities("。我国有13亿人。").first?.subject == "我国")
    }

    /// A verb whose object is the statistic is cut with it: the entity before it is the subject.
    @Test func everyVerbBeforeAnAttributeIsCut() {
        for w in FactLexicon.verbsBeforeAttributes {
            let f = quantities("，省重大项目\(w)投资7290亿元。").first
            #expect(f?.subject == "省重大项目" && f?.attribute == "投资", "\(w): \(String(describing: f?.subject))")
            let alone = quantities("，\(w)投资46.9亿元。").first
            #expect(alone?.subject == "投资" && alone?.attribute == nil, "\(w): \(String(describing: alone?.subject))")
        }
        // 组织 opens clauses but is a noun too: 妇联组织覆盖率 keeps it.
        #expect(quantities("，妇联组织覆盖率达到98%。").first?.subject == "妇联组织")
    }

    @Test func everyClauseOpenerIsTrimmed() {
        for w in FactLexicon.clauseOpeners {
            let f = quantities("，\(w)非公企业党组织11个。").first
            #expect(f?.subject == "非公企业党组织", "\(w): \(String(describing: f?.subject))")
        }
    }

    @Test func everyTrailingWordIsTrimmed() {
        for w in FactLexicon.trailingFunctionWords {
            let f = quantities("，党员人数\(w)120人。").first
            #expect(f?.subject == "党员人数" || f?.subject == "党员" , "\(w): \(String(describing: f?.subject))")
        }
    }

    @Test func everyWordKeptWholeStaysInTheSubject() {
        for w in FactLexicon.wordsKeptWhole {
            let f = quantities("，全省农民\(w)达到1.2万元。").first
            #expect(f?.subject == "全省农民" + w, "\(w): \(String(describing: f?.subject))")
        }
        // The words cut whole instead: 年均 and 平均 before the number, not their 均 alone.
        let gdp = quantities("，全省生产总值年均增长6%。").first
        #expect(gdp?.subject == "全省" && gdp?.attribute == "生产总值")
        let rate = quantities("，城镇调查失业率平均为5.2%。").first
        #expect(rate?.subject == "城镇" && rate?.attribute == "调查失业率")
        let firms = quantities("，全省企业数量成为100家。").first
        #expect(firms?.subject == "全省企业" && firms?.attribute == "数量")
    }

    @Test func everyFromToVerbPassesTheSubjectOn() {
        for w in FactLexicon.fromToVerbs {
            let f = quantities("，研发投入强度由1.07%\(w)1.49%。")
            #expect(f.map(\.subject) == ["研发投入强度", "研发投入强度"], "\(w): \(f.map(\.subject))")
        }
        // A count's noun is not the verb after it: 由7种扩大到15种.
        #expect(quantities("，国家免疫规划疫苗由7种扩大到15种。").map(\.subject) == ["国家免疫规划疫苗", "国家免疫规划疫苗"])
        // Another unit is another quantity: 从5个增加到10家 passes nothing on.
        #expect(quantities("，全省工厂从5个增加到10家。").last?.subject != "全省工厂")
        // With no value before it, the verb is cut from the subject: 覆盖率提高到60%.
        for w in FactLexicon.fromToVerbs {
            let f = quantities("，全省森林覆盖率\(w)60%。").first
            #expect(f?.subject == "全省森林" && f?.attribute == "覆盖率", "\(w): \(String(describing: f?.subject))")
        }
    }

    @Test func everyChangeWordSetsChange() {
        for (w, c) in FactLexicon.changeWords {
            let f = quantities("，收入同比\(w)32%。").first
            #expect(f?.change == c, "\(w)")
        }
    }

    @Test func everyLeadingTimeWordIsNotTheSubject() {
        for w in FactLexicon.leadingTimeWords {
            let f = quantities("，\(w)国内生产总值增长4.7%。").first { $0.kind == .percent }
            #expect(f?.subject == "国内生产总值", "\(w): \(String(describing: f?.subject))")
        }
    }

    @Test func techNamesAreNoQuantities() {
        for w in FactLexicon.techNames {
            #expect(quantities("建成\(w)基站1000个").map(\.text) == ["1000个"], "\(w)")
            // The numeral alone, before another letter or a unit, is still read.
            let other = String(w.dropLast()) + "X"
            #expect(quantities("建成\(other)型号，\(w.dropLast())个").map(\.text) == ["\(w.dropLast())个"], "\(w)")
        }
    }

    /// 元 with its tenths (角 or 毛) and hundredths (分), each an Arabic or Chinese digit and its
    /// mark; a hedged amount or a 零 in between keeps only the 元.
    @Test func yuanWithJiaoAndFen() {
        let cases: [(String, String, String)] = [
            ("拨款123元4角5分。", "123元4角5分", "123.45"), ("花了十块三毛。", "十块三毛", "10.3"),
            ("共计壹佰壹拾万贰仟陆佰壹拾肆元陆角。", "壹佰壹拾万贰仟陆佰壹拾肆元陆角", "1102614.6"),
            ("价格2元5毛。", "2元5毛", "2.5"), ("收费3元8分。", "3元8分", "3.08"), ("收费3元零8分。", "3元", "3"),
            ("约3元4角。", "约3元", "3"), ("共5元五角。", "5元五角", "5.5"),
        ]
        for (text, surface, value) in cases {
            let f = quantities(text).first
            #expect(f?.text == surface && f?.value == .number(ExactDecimal(value)!) && f?.unit == "CNY", "\(text)")
        }
    }
}
