#include "modules/customers/search_terms.hpp"

#include <algorithm>
#include <set>

namespace hearth::customers {

namespace {

// Splits UTF-8 text into code points (as byte strings).
std::vector<std::string_view> CodePoints(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + len > text.size()) len = text.size() - i;
    out.push_back(text.substr(i, len));
    i += len;
  }
  return out;
}

void AddBigrams(std::string_view normalized, std::set<std::string>& terms) {
  const auto cps = CodePoints(normalized);
  for (std::size_t i = 0; i + 1 < cps.size(); ++i) terms.insert(std::string(cps[i]) + std::string(cps[i + 1]));
}

// Every window of `width` digits: 4 for fragments, 8 for longer ones (birth dates, heads of ID
// numbers), whose 4-digit windows are years and region codes, each held by a tenth of all records.
void AddWindows(std::string_view digits, std::size_t width, std::set<std::string>& terms) {
  for (std::size_t i = 0; i + width <= digits.size(); ++i) terms.insert(std::string(digits.substr(i, width)));
}

void AddNumber(std::string_view digits, std::set<std::string>& terms) {
  AddWindows(digits, 4, terms);
  AddWindows(digits, kLongWindow, terms);
}

}  // namespace

std::string NormalizeName(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      out += ch;
    } else if (std::isalnum(c)) {
      out += static_cast<char>(std::tolower(c));
    }
  }
  return out;
}

std::string DigitsOf(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') out += c;
  }
  if (!text.empty() && (text.back() == 'X' || text.back() == 'x')) out += 'x';
  return out;
}

std::string IndexTerms(std::string_view name, const std::vector<std::string>& phones, std::string_view id_number,
                       const std::vector<std::string>& extra) {
  std::set<std::string> terms;
  const std::string normalized = NormalizeName(name);
  AddBigrams(normalized, terms);
  const auto cps = CodePoints(normalized);
  if (cps.size() >= 2) {
    terms.insert("e" + normalized);
    terms.insert("p" + std::string(cps[0]) + std::string(cps[1]));
  }
  for (const auto& p : phones) {
    const std::string digits = DigitsOf(p);
    AddNumber(digits, terms);
    if (digits.size() >= 4) terms.insert("t" + digits.substr(digits.size() - 4));
  }
  const std::string id_digits = DigitsOf(id_number);
  AddNumber(id_digits, terms);
  if (id_digits.size() >= 4) terms.insert("i" + id_digits.substr(id_digits.size() - 4));
  for (const auto& e : extra) AddBigrams(NormalizeName(e), terms);
  std::string out;
  for (const auto& t : terms) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

SearchQuery ParseQuery(std::string_view q) {
  SearchQuery query;
  std::string compact;
  for (char c : q) {
    if (c != ' ' && c != '-' && c != '\t') compact += c;
  }
  const bool numeric = !compact.empty() && std::all_of(compact.begin(), compact.end() - 1, [](char c) {
    return c >= '0' && c <= '9';
  }) && ((compact.back() >= '0' && compact.back() <= '9') || compact.back() == 'x' || compact.back() == 'X');
  if (numeric) {
    query.needle = DigitsOf(compact);
    if (query.needle.size() < 4) return query;  // too short to be told apart among a million numbers
    query.kind = SearchQuery::Kind::kNumber;
    // "Contains" reads windows that cover the needle without overlapping (and the last one):
    // any record holding the needle holds them, and the candidates are checked against it.
    // Overlapping windows add no rows to drop but read a long list each (1953, 9530, 5304…).
    // From 8 digits on, 8-digit windows: one short list (a birth date's, about 50 records in a
    // million) instead of two long ones. Only the last (and the first from 16 digits): the first
    // 8 digits of an ID number are its region and century, held by a tenth of all records, and
    // intersecting that list cost more than checking the last window's few candidates.
    const std::size_t width = query.needle.size() >= kLongWindow ? kLongWindow : 4;
    std::set<std::string> grams;
    if (width == kLongWindow) {
      if (query.needle.size() >= 2 * kLongWindow) grams.insert(query.needle.substr(0, kLongWindow));
    } else {
      for (std::size_t i = 0; i + width <= query.needle.size(); i += width) grams.insert(query.needle.substr(i, width));
    }
    grams.insert(query.needle.substr(query.needle.size() - width));
    std::vector<std::string> contains(grams.begin(), grams.end());
    const std::string last4 = query.needle.substr(query.needle.size() - 4);
    // The tail tiers read the short list of one tail term (about 100 records in a million);
    // candidates are checked against the needle. Adding a window of the needle would read
    // that window's list too: those of years and region codes hold a tenth of all records.
    // From 8 digits on the tail term is read with the needle's last 8-digit window: the
    // records that end so and hold the rest (a handful) instead of all that end so.
    auto with = [&](std::string term) {
      std::vector<std::string> tier{std::move(term)};
      if (width == kLongWindow) tier.push_back(query.needle.substr(query.needle.size() - kLongWindow));
      return tier;
    };
    query.tiers = {with("t" + last4), with("i" + last4), contains};
    return query;
  }
  query.needle = NormalizeName(q);
  std::set<std::string> grams;
  AddBigrams(query.needle, grams);
  if (grams.empty()) return query;
  query.kind = SearchQuery::Kind::kName;
  std::vector<std::string> contains(grams.begin(), grams.end());
  const auto cps = CodePoints(query.needle);
  std::vector<std::string> prefix = contains;
  prefix.push_back("p" + std::string(cps[0]) + std::string(cps[1]));
  query.tiers = {{"e" + query.needle}, prefix, contains};
  return query;
}

}  // namespace hearth::customers
