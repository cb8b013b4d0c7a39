#include <algorithm>

#include "modules/service/config/service_config.hpp"

namespace hearth::service {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> PathOf(std::string_view text) {
  std::vector<std::string_view> names;
  for (std::size_t start = 0;;) {
    const auto slash = text.find('/', start);
    names.push_back(Trim(text.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start)));
    if (slash == std::string_view::npos) return names;
    start = slash + 1;
  }
}

}  // namespace

Result<std::int64_t> FindCategory(const std::vector<Category>& categories, std::string_view text) {
  const auto names = PathOf(text);
  if (std::any_of(names.begin(), names.end(), [](std::string_view n) { return n.empty(); })) {
    return FailField("category", "not_found");
  }
  // Walk down from the top for a path; a bare name may sit at any depth.
  std::vector<const Category*> at;
  for (const Category& c : categories) {
    if (c.active && c.name == names.front() && (names.size() == 1 || !c.parent_id)) at.push_back(&c);
  }
  for (std::size_t depth = 1; depth < names.size() && !at.empty(); ++depth) {
    std::vector<const Category*> below;
    for (const Category& c : categories) {
      if (!c.active || c.name != names[depth] || !c.parent_id) continue;
      if (std::any_of(at.begin(), at.end(), [&](const Category* p) { return p->id == *c.parent_id; })) below.push_back(&c);
    }
    at = std::move(below);
  }
  if (at.empty()) return FailField("category", "not_found");
  if (at.size() > 1) return FailField("category", "ambiguous");
  return at.front()->id;
}

bool ServiceConfig::IsUnder(std::int64_t category, std::int64_t ancestor) const {
  std::optional<std::int64_t> at = category;
  for (int depth = 0; at && depth < 16; ++depth) {
    if (*at == ancestor) return true;
    auto it = std::find_if(categories.begin(), categories.end(), [&](const Category& c) { return c.id == *at; });
    if (it == categories.end()) return false;
    at = it->parent_id;
  }
  return false;
}

std::int64_t ServiceConfig::RootOf(std::int64_t category) const {
  std::int64_t at = category;
  for (int depth = 0; depth < 16; ++depth) {
    auto it = std::find_if(categories.begin(), categories.end(), [&](const Category& c) { return c.id == at; });
    if (it == categories.end() || !it->parent_id) return at;
    at = *it->parent_id;
  }
  return at;
}

std::optional<std::string> ServiceConfig::WarrantyOf(std::int64_t category) const {
  std::optional<std::int64_t> at = category;
  for (int depth = 0; at && depth < 16; ++depth) {
    auto it = std::find_if(categories.begin(), categories.end(), [&](const Category& c) { return c.id == *at; });
    if (it == categories.end()) return std::nullopt;
    if (it->warranty) return it->warranty;
    at = it->parent_id;
  }
  return std::nullopt;
}

}  // namespace hearth::service
