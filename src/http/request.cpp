#include "http/request.hpp"

#include <charconv>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace hearth::http {

std::optional<std::string_view> Request::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k == name) return std::string_view(v);
  }
  return std::nullopt;
}

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int hi = hex(text[i + 1]), lo = hex(text[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::optional<std::string> Request::Query(std::string_view name) const {
  std::string_view rest = query;
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    const auto eq = pair.find('=');
    auto key = PercentDecode(pair.substr(0, eq), true);
    if (!key || *key != name) continue;
    if (eq == std::string_view::npos) return std::string();
    return PercentDecode(pair.substr(eq + 1), true);
  }
  return std::nullopt;
}

Result<std::int64_t> Request::PathId(std::string_view name) const {
  for (const auto& [k, v] : path_params) {
    if (k != name) continue;
    std::int64_t id = 0;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), id);
    if (ec != std::errc() || ptr != v.data() + v.size() || id <= 0) break;
    return id;
  }
  return NotFound("no such record");
}

Result<boost::json::object> Request::JsonObject() const {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(body, ec);
  if (ec) return Fail(ErrorCode::kBadRequest, "bad_request", "the body is not valid JSON");
  if (!value.is_object()) return Fail(ErrorCode::kBadRequest, "bad_request", "the body must be a JSON object");
  return std::move(value.as_object());
}

Response Json(int status, boost::json::value body) {
  return Response{status, "application/json", boost::json::serialize(body), {}};
}

Response NoContent() { return Response{kNoContent, "", "", {}}; }

SharedBytes Request::TakeBytes() {
  if (upload) return {upload, upload->bytes()};
  auto owned = std::make_shared<const std::string>(std::move(body));
  body.clear();
  return {owned, *owned};
}

}  // namespace hearth::http
