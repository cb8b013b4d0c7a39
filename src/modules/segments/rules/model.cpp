#include "modules/segments/rules/model.hpp"

#include <algorithm>

namespace hearth::segments {

std::variant<CompiledModel, std::vector<ModelError>> CompiledModel::Compile(const ModelDef& def) {
  CompiledModel m;
  m.def_ = def;
  std::vector<ModelError> errors;
  auto parse = [&](const std::string& text, const std::string& field) -> std::optional<Rule> {
    auto parsed = Rule::Parse(text, Facts());
    if (auto* e = std::get_if<RuleError>(&parsed)) {
      errors.push_back({field, *e});
      return std::nullopt;
    }
    auto& rule = std::get<Rule>(parsed);
    for (const std::size_t f : rule.facts()) {
      if (std::find(m.facts_.begin(), m.facts_.end(), f) == m.facts_.end()) m.facts_.push_back(f);
    }
    return std::move(rule);
  };
  for (std::size_t i = 0; i < def.segments.size(); ++i) {
    const auto& s = def.segments[i];
    const std::string at = "segments[" + std::to_string(i) + "]";
    auto rule = parse(s.rule, at + ".rule");
    Compiled c;
    if (rule) c.rule = std::move(*rule);
    for (std::size_t j = 0; j < s.subs.size(); ++j) {
      auto sub = parse(s.subs[j].rule, at + ".subs[" + std::to_string(j) + "].rule");
      if (sub) c.subs.push_back(std::move(*sub));
    }
    m.segments_.push_back(std::move(c));
  }
  if (!errors.empty()) return errors;
  std::sort(m.facts_.begin(), m.facts_.end());
  return m;
}

Placement CompiledModel::Place(const FactRow& facts) const {
  for (std::size_t i = 0; i < segments_.size(); ++i) {
    if (!segments_[i].rule.Matches(facts)) continue;
    Placement p{static_cast<int>(i), -1};
    for (std::size_t j = 0; j < segments_[i].subs.size(); ++j) {
      if (segments_[i].subs[j].Matches(facts)) {
        p.sub = static_cast<int>(j);
        break;
      }
    }
    return p;
  }
  return {};
}

const std::vector<ModelDef>& Presets() {
  static const std::vector<ModelDef> presets{
      {"vanke5",
       "万科五类客户",
       "万科按家庭生命周期、收入（支付能力）与置业动机，将客户分为五大类，并以生命周期细分子类；"
       "每类以基本状况、生活形态、房屋价值、房屋需求描述。富贵之家先于其他类判定（支付能力优先）。",
       {
           {"wealthy", "富贵之家",
            "income_level = 'high' and (age >= 35 or units_owned >= 2 or home_value >= 5000000)", 0.09,
            "收入高、多套房产，注重产品品质、社会标签与私车交通；与社会地位相当的人住一起，物业管理良好。", {}},
           {"healthy_ageing", "健康养老",
            "age >= 55 or elders > 0 or purchase_motive = 'retirement' or life_stage in ('senior', 'three_generations')", 0.23,
            "家有老人或自己步入老年，注重医疗、环境与生活便利；生活有规律，注重饮食、环境和安全。",
            {
                {"three_generations", "孩子三代", "life_stage = 'three_generations' or (elders > 0 and children > 0)", {}, "", {}},
                {"elder_generation", "老年一代", "true", {}, "", {}},
            }},
           {"child_first", "望子成龙",
            "children > 0 and youngest_child_age < 18 and (purchase_motive = 'school' or income_level in ('middle', 'high'))", 0.18,
            "希望孩子有更好的生活、学习条件，对教育配套与交通有较高要求，注重教育与医疗、社区环境，喜欢举家出游。",
            {
                {"little_sun", "小太阳", "youngest_child_age < 12", {}, "", {}},
                {"after_little_sun", "后小太阳", "youngest_child_age >= 12", {}, "", {}},
            }},
           {"new_achievers", "社会新锐", "age < 35 and not children > 0", 0.28,
            "年轻、事业起步，重视生活便利与社交，首次或过渡置业。",
            {
                {"young_home", "青年之家", "not marital_status = 'married'", {}, "", {}},
                {"young_couple", "青年持家", "marital_status = 'married'", {}, "", {}},
            }},
           {"practical_family", "务实之家", "children > 0 or marital_status = 'married' or age between 35 and 54", 0.23,
            "收入中等、精打细算，注重生活便利性与性价比，以家庭为中心。", {}},
       }},
      {"pulte11",
       "帕尔迪十一类",
       "帕尔迪（Pulte）按生命阶段与支付能力（低、中、高）划分的 11 类目标客户；按顺序判定，先符合者归入。",
       {
           {"active_adults_affluent", "活跃老年人（高支付能力）", "age >= 55 and income_level = 'high'", {},
            "55 岁以上、身体活跃、支付能力高，重视社区活动、医疗与品质。", {}},
           {"active_adults", "活跃老年人", "age >= 55", {}, "55 岁以上、身体活跃，重视社区活动与医疗。", {}},
           {"empty_nesters", "空巢家庭", "youngest_child_age >= 18", {}, "子女已成年离家，夫妇二人。", {}},
           {"single_parents", "有孩子的单亲家庭", "children > 0 and marital_status in ('single', 'divorced', 'widowed')", {},
            "独自抚养子女，看重安全、学校与价格。", {}},
           {"young_families", "有婴儿的夫妇／孩子小于12岁的新成立家庭", "youngest_child_age < 12", {},
            "新成立的家庭，孩子年幼，看重户型、安全与配套。", {}},
           {"mature_families", "有孩子的成熟家庭", "children > 0", {}, "孩子 12 岁以上，改善型需求，看重学区与空间。", {}},
           {"dual_income_dinks", "双人工作丁克家庭", "marital_status = 'married' and income_level = 'high'", {},
            "夫妇二人均工作、无子女，支付能力高，看重品质与交通。", {}},
           {"single_income_dinks", "单人工作丁克家庭", "marital_status = 'married'", {}, "夫妇二人、无子女，一人工作。", {}},
           {"mature_singles", "大龄单身贵族", "age >= 35", {}, "35 岁以上单身，支付能力较强，看重品质与便利。", {}},
           {"mobile_professionals", "常年工作流动人士", "income_level = 'high'", {}, "年轻、收入高、工作流动，看重交通与服务。", {}},
           {"first_time_buyers", "首次置业者", "age < 35", {}, "年轻、支付能力较低，首次购房。", {}},
       }},
  };
  return presets;
}

const ModelDef* PresetByCode(const std::string& code) {
  for (const auto& p : Presets()) {
    if (p.code == code) return &p;
  }
  return nullptr;
}

}  // namespace hearth::segments
