#pragma once
// A segment model: ordered segments, each a rule, some with sub-classes; the first segment whose
// rule holds takes the customer, and within it the first sub-class whose rule holds. The presets
// (`vanke5`, `pulte11`) are models written in the same rule language as users' own.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "modules/segments/rules/facts.hpp"
#include "modules/segments/rules/rule.hpp"

namespace hearth::segments {

/// A segment as written: its code, name, rule, published share (a preset's, 0–1) and sub-classes.
struct SegmentDef {
  std::string code;
  std::string name;
  std::string rule;
  std::optional<double> published_share;
  std::string description;  ///< who they are, in the words of the source (基本状况、生活形态…)
  std::vector<SegmentDef> subs;
};

struct ModelDef {
  std::string code;  ///< vanke5, pulte11; empty for a user's own
  std::string name;
  std::string description;
  std::vector<SegmentDef> segments;
};

/// A rule's error where it is: `segments[2].rule` or `segments[1].subs[0].rule`.
struct ModelError {
  std::string field;
  RuleError error;
};

/// Where a customer falls: the segment's index, and the sub-class's (-1: none); segment -1 when
/// no rule holds (未归类).
struct Placement {
  int segment = -1;
  int sub = -1;
};

/// A model with its rules parsed.
class CompiledModel {
 public:
  /// Parses every rule; all errors are returned, each with its field and position.
  static std::variant<CompiledModel, std::vector<ModelError>> Compile(const ModelDef& def);

  Placement Place(const FactRow& facts) const;
  const ModelDef& def() const { return def_; }
  /// The facts any of the model's rules read (only those need computing).
  const std::vector<std::size_t>& facts() const { return facts_; }

 private:
  struct Compiled {
    Rule rule;
    std::vector<Rule> subs;
  };
  ModelDef def_;
  std::vector<Compiled> segments_;
  std::vector<std::size_t> facts_;
};

/// The models that ship: Vanke's five classes with their life-cycle sub-classes, and Pulte's
/// eleven by life stage and ability to pay.
const std::vector<ModelDef>& Presets();
const ModelDef* PresetByCode(const std::string& code);

}  // namespace hearth::segments
