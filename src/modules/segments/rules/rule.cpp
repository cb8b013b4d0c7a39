#include "modules/segments/rules/rule.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fmt/format.h>

namespace hearth::segments {

std::size_t FactCatalog::Add(FactDef def) {
  defs_.push_back(std::move(def));
  return defs_.size() - 1;
}

std::optional<std::size_t> FactCatalog::Find(std::string_view name) const {
  for (std::size_t i = 0; i < defs_.size(); ++i) {
    if (defs_[i].code == name || (!defs_[i].label.empty() && defs_[i].label == name)) return i;
  }
  return std::nullopt;
}

enum class Op { kEq, kNe, kLt, kLe, kGt, kGe };

struct Node {
  enum class Kind { kOr, kAnd, kNot, kCompare, kIn, kBetween, kIsNull, kContains, kBoolFact, kConst };
  Kind kind = Kind::kConst;
  std::vector<std::unique_ptr<Node>> kids;  // or/and/not
  std::size_t fact = 0;                     // compare (left), in, between, is null, contains, bool fact
  Op op = Op::kEq;
  FactValue value;                          // compare's right side, a constant's value
  std::vector<FactValue> values;            // in's list; between's low and high
  bool negated = false;                     // not in, not between, is not null
};

namespace {

enum class Tok { kEnd, kIdent, kNumber, kText, kLParen, kRParen, kComma, kOp, kAndSym, kOrSym, kNotSym };

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;  // identifier, text literal (unquoted), number's digits, operator
  std::size_t at = 0;  // byte offset
};

bool IsIdentByte(unsigned char c, bool first) {
  return std::isalpha(c) != 0 || c == '_' || c >= 0x80 || (!first && std::isdigit(c) != 0);
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

/// A word as a keyword: lower case, and the Chinese 且 / 并且, 或 / 或者, 非 as and, or, not.
std::string Keyword(const std::string& word) {
  if (word == "且" || word == "并且") return "and";
  if (word == "或" || word == "或者") return "or";
  if (word == "非") return "not";
  return Lower(word);
}

class Parser {
 public:
  Parser(std::string_view text, const FactCatalog& catalog) : normalized_(WithAsciiSigns(text)), text_(normalized_), catalog_(catalog) {}

  /// The comparison signs of a Chinese keyboard (＞ ＜ ＝ ！) as ASCII: one character for one, so an
  /// error's position (counted in characters) is the same in what was typed.
  static std::string WithAsciiSigns(std::string_view text) {
    std::string out(text);
    static constexpr std::pair<std::string_view, char> kSigns[] = {{"\uFF1E", '>'}, {"\uFF1C", '<'}, {"\uFF1D", '='}, {"\uFF01", '!'}};
    for (const auto& [wide, ascii] : kSigns) {
      for (auto at = out.find(wide); at != std::string::npos; at = out.find(wide, at + 1)) out.replace(at, wide.size(), 1, ascii);
    }
    return out;
  }

  std::variant<std::unique_ptr<Node>, RuleError> Run() {
    if (!Lex()) return error_;
    if (tokens_.size() == 1) return Err(0, "the rule is empty");
    auto root = Or();
    if (!root) return error_;
    if (Peek().kind != Tok::kEnd) return Err(Peek().at, fmt::format("unexpected '{}': expected and, or or the end", Peek().text));
    if (!IsBoolean(*root)) return Err(0, "the rule must be a condition (a comparison, or a yes/no fact)");
    return root;
  }

  std::vector<std::size_t> facts;

 private:
  // The 1-based character position of byte offset `at`.
  int Position(std::size_t at) const {
    int chars = 0;
    for (std::size_t i = 0; i < at && i < text_.size(); ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++chars;
    }
    return chars + 1;
  }

  RuleError Err(std::size_t at, std::string message) {
    error_ = {Position(at), std::move(message)};
    return error_;
  }
  std::unique_ptr<Node> Fail(std::size_t at, std::string message) {
    Err(at, std::move(message));
    return nullptr;
  }

  bool Lex() {
    std::size_t i = 0;
    while (i < text_.size()) {
      const auto c = static_cast<unsigned char>(text_[i]);
      if (std::isspace(c) != 0) {
        ++i;
        continue;
      }
      // The ideographic space and full-width parentheses and comma of a Chinese keyboard.
      if (text_.substr(i, 3) == "\u3000") {
        i += 3;
        continue;
      }
      Token t;
      t.at = i;
      if (text_.substr(i, 3) == "\uFF08" || c == '(') {
        t.kind = Tok::kLParen;
        t.text = "(";
        i += c == '(' ? 1 : 3;
      } else if (text_.substr(i, 3) == "\uFF09" || c == ')') {
        t.kind = Tok::kRParen;
        t.text = ")";
        i += c == ')' ? 1 : 3;
      } else if (text_.substr(i, 3) == "\uFF0C" || c == ',') {
        t.kind = Tok::kComma;
        t.text = ",";
        i += c == ',' ? 1 : 3;
      } else if (c == '\'' || c == '"' || text_.substr(i, 3) == "\u2018" || text_.substr(i, 3) == "\u201C") {
        // 'text', "text", and the curly quotes an editor may put in.
        std::string_view close = c == '\'' ? "'" : c == '"' ? "\"" : text_.substr(i, 3) == "\u2018" ? "\u2019" : "\u201D";
        const std::size_t open = c < 0x80 ? 1 : 3;
        const std::size_t end = text_.find(close, i + open);
        if (end == std::string_view::npos) return (Err(i, "a text is not closed: a quote is missing"), false);
        t.kind = Tok::kText;
        t.text = std::string(text_.substr(i + open, end - i - open));
        i = end + close.size();
      } else if (std::isdigit(c) != 0 || (c == '-' && i + 1 < text_.size() && std::isdigit(static_cast<unsigned char>(text_[i + 1])) != 0 &&
                                          (tokens_.empty() || tokens_.back().kind == Tok::kOp || tokens_.back().kind == Tok::kLParen ||
                                           tokens_.back().kind == Tok::kComma || Keyword(tokens_.back().text) == "and" ||
                                           Keyword(tokens_.back().text) == "between"))) {
        std::size_t j = i + 1;
        while (j < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[j])) != 0 || text_[j] == '.')) ++j;
        t.kind = Tok::kNumber;
        t.text = std::string(text_.substr(i, j - i));
        i = j;
      } else if (IsIdentByte(c, true)) {
        std::size_t j = i;
        while (j < text_.size() && IsIdentByte(static_cast<unsigned char>(text_[j]), false)) {
          // Stop before full-width punctuation, which is not part of a name.
          const auto rest = text_.substr(j, 3);
          if (rest == "\uFF08" || rest == "\uFF09" || rest == "\uFF0C" || rest == "\u3000" || rest == "\u2018" || rest == "\u201C") break;
          ++j;
        }
        t.kind = Tok::kIdent;
        t.text = std::string(text_.substr(i, j - i));
        i = j;
      } else if (c == '&' || c == '|') {
        if (i + 1 >= text_.size() || text_[i + 1] != text_[i]) return (Err(i, fmt::format("'{0}' alone: write {0}{0}", text_[i])), false);
        t.kind = c == '&' ? Tok::kAndSym : Tok::kOrSym;
        t.text = std::string(text_.substr(i, 2));
        i += 2;
      } else if (c == '=' || c == '<' || c == '>' || c == '!') {
        std::size_t len = 1;
        if (i + 1 < text_.size() && (text_[i + 1] == '=' || (c == '<' && text_[i + 1] == '>'))) len = 2;
        if (c == '=' && len == 2) len = 2;  // == is =
        t.text = std::string(text_.substr(i, len));
        t.kind = t.text == "!" ? Tok::kNotSym : Tok::kOp;
        i += len;
      } else {
        const std::size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        return (Err(i, fmt::format("'{}' is not part of the rule language", text_.substr(i, len))), false);
      }
      tokens_.push_back(std::move(t));
    }
    Token end;
    end.at = text_.size();
    end.text = "the end";
    tokens_.push_back(end);
    return true;
  }

  const Token& Peek(std::size_t ahead = 0) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
  bool IsWord(const Token& t, std::string_view word) const { return t.kind == Tok::kIdent && Keyword(t.text) == word; }
  bool AcceptWord(std::string_view word) {
    if (!IsWord(Peek(), word)) return false;
    ++pos_;
    return true;
  }

  static bool IsBoolean(const Node& n) {
    return n.kind != Node::Kind::kConst || std::holds_alternative<bool>(n.value);
  }

  std::unique_ptr<Node> Or() {
    auto left = And();
    while (left && (Peek().kind == Tok::kOrSym || IsWord(Peek(), "or"))) {
      const std::size_t at = Peek().at;
      ++pos_;
      auto right = And();
      if (!right) return nullptr;
      if (!IsBoolean(*left) || !IsBoolean(*right)) return Fail(at, "or joins conditions");
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::kOr;
      n->kids.push_back(std::move(left));
      n->kids.push_back(std::move(right));
      left = std::move(n);
    }
    return left;
  }

  std::unique_ptr<Node> And() {
    auto left = Unary();
    while (left && (Peek().kind == Tok::kAndSym || IsWord(Peek(), "and"))) {
      const std::size_t at = Peek().at;
      ++pos_;
      auto right = Unary();
      if (!right) return nullptr;
      if (!IsBoolean(*left) || !IsBoolean(*right)) return Fail(at, "and joins conditions");
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::kAnd;
      n->kids.push_back(std::move(left));
      n->kids.push_back(std::move(right));
      left = std::move(n);
    }
    return left;
  }

  std::unique_ptr<Node> Unary() {
    if (Peek().kind == Tok::kNotSym || IsWord(Peek(), "not")) {
      const std::size_t at = Peek().at;
      ++pos_;
      auto kid = Unary();
      if (!kid) return nullptr;
      if (!IsBoolean(*kid)) return Fail(at, "not applies to a condition");
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::kNot;
      n->kids.push_back(std::move(kid));
      return n;
    }
    return Comparison();
  }

  /// An operand: a constant, a fact (kind kBoolFact with `fact` set, whatever the fact's kind:
  /// the caller decides), or a parenthesised condition.
  std::unique_ptr<Node> Operand() {
    const Token t = Peek();
    auto n = std::make_unique<Node>();
    switch (t.kind) {
      case Tok::kNumber: {
        double v = 0;
        const auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
        if (ec != std::errc{} || p != t.text.data() + t.text.size()) return Fail(t.at, fmt::format("'{}' is not a number", t.text));
        ++pos_;
        n->value = v;
        return n;
      }
      case Tok::kText:
        ++pos_;
        n->value = t.text;
        return n;
      case Tok::kLParen: {
        ++pos_;
        auto inner = Or();
        if (!inner) return nullptr;
        if (Peek().kind != Tok::kRParen) return Fail(Peek().at, fmt::format("expected ')' before '{}'", Peek().text));
        ++pos_;
        return inner;
      }
      case Tok::kIdent: {
        const std::string word = Keyword(t.text);
        if (word == "true" || word == "false") {
          ++pos_;
          n->value = word == "true";
          return n;
        }
        static constexpr std::string_view kKeywords[] = {"and", "or", "not", "in", "between", "is", "null", "contains"};
        if (std::find(std::begin(kKeywords), std::end(kKeywords), word) != std::end(kKeywords)) {
          return Fail(t.at, fmt::format("expected a fact, a number or a text before '{}'", t.text));
        }
        const auto fact = catalog_.Find(Lower(t.text));  // codes in any case; labels as written
        if (!fact) return Fail(t.at, fmt::format("unknown fact '{}'{}", t.text, Suggestion(t.text)));
        ++pos_;
        n->kind = Node::Kind::kBoolFact;
        n->fact = *fact;
        Use(*fact);
        return n;
      }
      default:
        return Fail(t.at, fmt::format("expected a fact, a number or a text before '{}'", t.text));
    }
  }

  std::string Suggestion(const std::string& name) const {
    // The fact whose code or label starts the same way, or differs least in length.
    for (const auto& d : catalog_.defs()) {
      if (!name.empty() && (d.code.rfind(Lower(name).substr(0, 3), 0) == 0)) return fmt::format(" (did you mean {}?)", d.code);
    }
    return "";
  }

  void Use(std::size_t fact) {
    if (std::find(facts.begin(), facts.end(), fact) == facts.end()) facts.push_back(fact);
  }

  // A literal compared with fact `f`: its kind must fit, and a text one of the fact's words.
  bool CheckLiteral(const FactDef& f, const Node& lit, std::size_t at) {
    if (lit.kind != Node::Kind::kConst) return (Err(at, fmt::format("compare {} with a number or a text, not another fact", f.code)), false);
    switch (f.kind) {
      case FactKind::kNumber:
        if (!std::holds_alternative<double>(lit.value)) return (Err(at, fmt::format("{} is a number: compare it with a number", f.code)), false);
        return true;
      case FactKind::kBool:
        if (!std::holds_alternative<bool>(lit.value)) return (Err(at, fmt::format("{} is yes or no: compare it with true or false", f.code)), false);
        return true;
      case FactKind::kText:
      case FactKind::kList: {
        const auto* s = std::get_if<std::string>(&lit.value);
        if (s == nullptr) return (Err(at, fmt::format("{} is a text: put the value in quotes", f.code)), false);
        if (!f.words.empty() && std::find(f.words.begin(), f.words.end(), *s) == f.words.end()) {
          std::string words;
          for (const auto& w : f.words) words += (words.empty() ? "" : ", ") + w;
          return (Err(at, fmt::format("'{}' is not a value of {}: one of {}", *s, f.code, words)), false);
        }
        return true;
      }
    }
    return true;
  }

  std::unique_ptr<Node> Comparison() {
    const std::size_t left_at = Peek().at;
    auto left = Operand();
    if (!left) return nullptr;
    const Token t = Peek();
    const bool is_fact = left->kind == Node::Kind::kBoolFact;
    const FactDef* f = is_fact ? &catalog_.defs()[left->fact] : nullptr;
    auto needs_fact = [&](std::string_view what) {
      return Fail(left_at, fmt::format("{} needs a fact on its left", what));
    };
    if (t.kind == Tok::kOp) {
      ++pos_;
      if (!is_fact) return needs_fact(t.text);
      const std::size_t right_at = Peek().at;
      auto right = Operand();
      if (!right) return nullptr;
      if (!CheckLiteral(*f, *right, right_at)) return nullptr;
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::kCompare;
      n->fact = left->fact;
      n->value = std::move(right->value);
      const std::string& o = t.text;
      n->op = o == "=" || o == "==" ? Op::kEq : o == "!=" || o == "<>" ? Op::kNe : o == "<" ? Op::kLt : o == "<=" ? Op::kLe : o == ">" ? Op::kGt : Op::kGe;
      if (n->op != Op::kEq && n->op != Op::kNe && f->kind != FactKind::kNumber) {
        return Fail(t.at, fmt::format("{} is not a number: only = and != compare it", f->code));
      }
      if (f->kind == FactKind::kList) return Fail(t.at, fmt::format("{} is a list: ask {} contains '…'", f->code, f->code));
      return n;
    }
    bool negated = false;
    if (IsWord(t, "not") && (IsWord(Peek(1), "in") || IsWord(Peek(1), "between"))) {
      negated = true;
      ++pos_;
    }
    if (AcceptWord("in")) {
      if (!is_fact) return needs_fact("in");
      if (f->kind == FactKind::kList) return Fail(t.at, fmt::format("{} is a list: ask {} contains '…'", f->code, f->code));
      if (Peek().kind != Tok::kLParen) return Fail(Peek().at, "expected '(' after in");
      ++pos_;
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::kIn;
      n->fact = left->fact;
      n->negated = negated;
      while (true) {
        const std::size_t at = Peek().at;
        auto lit = Operand();
        if (!lit) return nullptr;
        if (!CheckLiteral(*f, *lit, at)) return nullptr;
        n->values.push_back(std::move(lit->value));
        if (Peek().kind == Tok::kComma) {
          ++pos_;
          continue;
        }
        if (Peek().kind == Tok::kRParen) {
          ++pos_;
          break;
        }
        return Fail(Peek().at, fmt::format("expected ',' or ')' before '{}'", Peek().text));
      }
      return n;
    }
    if (AcceptWord("between")) {
      if (!is_fact) return needs_fact("between");
      if (f->kind != FactKind::kNumber) return Fail(t.at, fmt::format("{} is not a number: between needs one", f->code));
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::kBetween;
      n->fact = left->fact;
      n->negated = negated;
      for (int side = 0; side < 2; ++side) {
        const std::size_t at = Peek().at;
        auto lit = Operand();
        if (!lit) return nullptr;
        if (!CheckLiteral(*f, *lit, at)) return nullptr;
        n->values.push_back(std::move(lit->value));
        if (side == 0 && !AcceptWord("and")) return Fail(Peek().at, "expected and between the two bounds");
      }
      return n;
    }
    if (negated) return Fail(t.at, "expected in or between after not");
    if (AcceptWord("is")) {
      if (!is_fact) return needs_fact("is null");
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::kIsNull;
      n->fact = left->fact;
      n->negated = AcceptWord("not");
      if (!AcceptWord("null")) return Fail(Peek().at, "expected null after is");
      return n;
    }
    if (AcceptWord("contains")) {
      if (!is_fact) return needs_fact("contains");
      if (f->kind != FactKind::kList) return Fail(t.at, fmt::format("{} is not a list: use = or in", f->code));
      const std::size_t at = Peek().at;
      auto lit = Operand();
      if (!lit) return nullptr;
      if (!CheckLiteral(*f, *lit, at)) return nullptr;
      auto n = std::make_unique<Node>();
      n->kind = Node::Kind::kContains;
      n->fact = left->fact;
      n->value = std::move(lit->value);
      return n;
    }
    // A fact alone must be a yes/no one.
    if (is_fact && f->kind != FactKind::kBool) {
      return Fail(t.at, fmt::format("{} alone is not a condition: compare it (=, <, in, between…)", f->code));
    }
    return left;
  }

  std::string normalized_;  ///< the rule with ASCII comparison signs (before text_, which views it)
  std::string_view text_;
  const FactCatalog& catalog_;
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  RuleError error_;
};

bool Compare(const FactValue& v, Op op, const FactValue& c) {
  if (const auto* d = std::get_if<double>(&v)) {
    const double r = std::get<double>(c);
    switch (op) {
      case Op::kEq: return *d == r;
      case Op::kNe: return *d != r;
      case Op::kLt: return *d < r;
      case Op::kLe: return *d <= r;
      case Op::kGt: return *d > r;
      case Op::kGe: return *d >= r;
    }
  }
  if (const auto* s = std::get_if<std::string>(&v)) return (*s == std::get<std::string>(c)) == (op == Op::kEq);
  if (const auto* b = std::get_if<bool>(&v)) return (*b == std::get<bool>(c)) == (op == Op::kEq);
  return false;  // unknown
}

bool Eval(const Node& n, const FactRow& facts) {
  switch (n.kind) {
    case Node::Kind::kOr: return Eval(*n.kids[0], facts) || Eval(*n.kids[1], facts);
    case Node::Kind::kAnd: return Eval(*n.kids[0], facts) && Eval(*n.kids[1], facts);
    case Node::Kind::kNot: return !Eval(*n.kids[0], facts);
    case Node::Kind::kConst: return std::get<bool>(n.value);
    case Node::Kind::kBoolFact: {
      const auto* b = std::get_if<bool>(&facts[n.fact]);
      return b != nullptr && *b;
    }
    case Node::Kind::kCompare: return Compare(facts[n.fact], n.op, n.value);
    case Node::Kind::kIsNull: return std::holds_alternative<std::monostate>(facts[n.fact]) != n.negated;
    case Node::Kind::kIn: {
      const FactValue& v = facts[n.fact];
      if (std::holds_alternative<std::monostate>(v)) return false;
      const bool found = std::any_of(n.values.begin(), n.values.end(), [&](const FactValue& c) { return Compare(v, Op::kEq, c); });
      return found != n.negated;
    }
    case Node::Kind::kBetween: {
      const auto* d = std::get_if<double>(&facts[n.fact]);
      if (d == nullptr) return false;
      const bool inside = *d >= std::get<double>(n.values[0]) && *d <= std::get<double>(n.values[1]);
      return inside != n.negated;
    }
    case Node::Kind::kContains: {
      const auto* list = std::get_if<std::vector<std::string>>(&facts[n.fact]);
      if (list == nullptr) return false;
      return std::find(list->begin(), list->end(), std::get<std::string>(n.value)) != list->end();
    }
  }
  return false;
}

}  // namespace

Rule::Rule() = default;
Rule::~Rule() = default;
Rule::Rule(Rule&&) noexcept = default;
Rule& Rule::operator=(Rule&&) noexcept = default;

std::variant<Rule, RuleError> Rule::Parse(std::string_view text, const FactCatalog& catalog) {
  Parser p(text, catalog);
  auto parsed = p.Run();
  if (auto* e = std::get_if<RuleError>(&parsed)) return *e;
  Rule r;
  r.root_ = std::move(std::get<std::unique_ptr<Node>>(parsed));
  r.facts_ = std::move(p.facts);
  return r;
}

bool Rule::Matches(const FactRow& facts) const { return root_ && Eval(*root_, facts); }

}  // namespace hearth::segments
