#include "http/conventions.hpp"

#include <algorithm>

#include <charconv>

namespace hearth::http {

namespace {
std::optional<std::int64_t> ParseInt(std::string_view s) {
  std::int64_t v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}
}  // namespace

Result<std::optional<std::int64_t>> IfMatchVersion(const Request& req) {
  auto header = req.Header("if-match");
  if (!header) return std::optional<std::int64_t>();
  std::string_view v = *header;
  if (v.starts_with("W/")) v.remove_prefix(2);
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  auto version = ParseInt(v);
  if (!version || *version < 1) {
    return Fail(ErrorCode::kBadRequest, "bad_request", "If-Match must hold a version number",
                {{"If-Match", "invalid_value"}});
  }
  return std::optional<std::int64_t>(*version);
}

Result<PatchParts> ReadPatch(const Request& req) {
  HEARTH_ASSIGN(const std::int64_t id, req.PathId("id"));
  HEARTH_ASSIGN(auto version, IfMatchVersion(req));
  HEARTH_ASSIGN(auto body, req.JsonObject());
  return PatchParts{id, version, std::move(body)};
}

Result<Page> PageOf(const Request& req) { return ParsePage(req.Query("limit"), req.Query("cursor")); }

Result<std::optional<std::int64_t>> QueryInt(const Request& req, std::string_view name) {
  auto text = req.Query(name);
  if (!text || text->empty()) return std::optional<std::int64_t>();
  auto v = ParseInt(*text);
  if (!v) return Fail(ErrorCode::kBadRequest, "bad_request", "not an integer", {{std::string(name), "must_be_integer"}});
  return std::optional<std::int64_t>(*v);
}

Result<std::optional<std::string>> QueryEnum(const Request& req, std::string_view name,
                                             const std::vector<std::string>& allowed) {
  auto text = req.Query(name);
  if (!text || text->empty()) return std::optional<std::string>();
  if (std::find(allowed.begin(), allowed.end(), *text) == allowed.end()) {
    return Fail(ErrorCode::kBadRequest, "bad_request", std::string(name) + " is not one of its values",
                {{std::string(name), "invalid_value"}});
  }
  return text;
}

Result<std::optional<bool>> QueryBool(const Request& req, std::string_view name) {
  const auto text = req.Query(name);
  if (!text || text->empty()) return std::optional<bool>();
  if (*text == "true" || *text == "false") return std::optional<bool>(*text == "true");
  return BadQuery(name, "invalid_value", std::string(name) + " is true or false");
}

tl::unexpected<Error> BadQuery(std::string_view name, std::string_view reason, std::string message) {
  return Fail(ErrorCode::kBadRequest, "bad_request", std::move(message), {{std::string(name), std::string(reason)}});
}

}  // namespace hearth::http
