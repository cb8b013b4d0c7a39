#pragma once
// The segment rule language: a small, safe expression over a customer's facts, parsed once and
// evaluated for each customer. Pure (no database), tested by tables (rule_test.cpp).
//
//   rule       := or
//   or         := and { ("or" | "||") and }
//   and        := unary { ("and" | "&&") unary }
//   unary      := ("not" | "!") unary | comparison
//   comparison := operand [ ("=" | "!=" | "<>" | "<" | "<=" | ">" | ">=") operand
//                         | ["not"] "in" "(" literal { "," literal } ")"
//                         | ["not"] "between" operand "and" operand
//                         | "is" ["not"] "null"
//                         | "contains" literal ]
//   operand    := number | 'text' | "text" | true | false | fact | "(" or ")"
//
// A fact is named by its code (`age`) or its Chinese label (`年龄`). Keywords are in any case;
// 且 (并且), 或 (或者) and 非 are and, or and not, set apart by spaces like every word.
// Types are checked when parsing: a number fact is compared with numbers, a text fact with texts
// (one of its words when it has a vocabulary), `contains` asks a list (tags), a bare fact must be
// a yes/no one. A comparison with an unknown fact is false (`is null` asks for it); `not` of it
// is true. Errors name the character position (1-based, counted in characters, not bytes).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hearth::segments {

enum class FactKind { kNumber, kText, kList, kBool };

/// A fact the rules may name: its code, its label, its kind and, for a text, its words.
struct FactDef {
  std::string code;                ///< age
  std::string label;               ///< 年龄
  FactKind kind = FactKind::kNumber;
  std::vector<std::string> words;  ///< the values a text fact takes (empty: any)
  std::string unit;                ///< 岁, 元…, for people reading the catalog
};

/// One customer's value of a fact: unknown, a number, a text, a list of texts or yes/no.
using FactValue = std::variant<std::monostate, double, std::string, std::vector<std::string>, bool>;

/// The facts rules may name, in the order their values come in a FactRow.
class FactCatalog {
 public:
  /// Adds a fact; its index in every FactRow is the returned number.
  std::size_t Add(FactDef def);
  const std::vector<FactDef>& defs() const { return defs_; }
  /// The index of the fact named `name` (code or label), or nullopt.
  std::optional<std::size_t> Find(std::string_view name) const;
  std::size_t size() const { return defs_.size(); }

 private:
  std::vector<FactDef> defs_;
};

/// One customer's facts, indexed as in the catalog.
using FactRow = std::vector<FactValue>;

/// A parse error: the character position (1-based) and what was wrong there.
struct RuleError {
  int position = 0;
  std::string message;
};

struct Node;

/// A parsed rule: evaluated against a customer's facts.
class Rule {
 public:
  Rule();
  ~Rule();
  Rule(Rule&&) noexcept;
  Rule& operator=(Rule&&) noexcept;

  /// Parses `text` against `catalog` (which must outlive nothing: the rule keeps fact indexes).
  static std::variant<Rule, RuleError> Parse(std::string_view text, const FactCatalog& catalog);

  bool Matches(const FactRow& facts) const;
  /// The indexes of the facts the rule reads (a model computes only those).
  const std::vector<std::size_t>& facts() const { return facts_; }

 private:
  std::unique_ptr<Node> root_;
  std::vector<std::size_t> facts_;
};

}  // namespace hearth::segments
