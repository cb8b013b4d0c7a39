#include "modules/campaigns/campaign.hpp"

#include <algorithm>

#include <boost/json.hpp>

namespace hearth::campaigns {
namespace {

constexpr std::int64_t kHourMs = 3'600'000;
constexpr std::int64_t kDayMs = 24 * kHourMs;
constexpr std::int64_t kChina = 8 * kHourMs;

/// The start of a UTF-8 character (not a continuation byte).
bool Starts(unsigned char c) { return (c & 0xC0) != 0x80; }

}  // namespace

std::optional<Audience> ReadAudience(const boost::json::value* v, std::vector<FieldError>& errors) {
  if (!v || !v->is_object()) {
    errors.push_back({"audience", "required"});
    return std::nullopt;
  }
  const auto& o = v->as_object();
  const auto fault = [&](const std::string& field, const std::string& reason) {
    errors.push_back({"audience." + field, reason});
    return std::nullopt;
  };
  const auto* kind_v = o.if_contains("kind");
  if (!kind_v || !kind_v->is_string()) return fault("kind", "required");
  const auto kind = kAudienceKinds.Parse(std::string_view(kind_v->as_string()));
  if (!kind) return fault("kind", "invalid");
  const auto id_of = [&](const char* key) -> std::int64_t {
    const auto* x = o.if_contains(key);
    return x && x->is_int64() && x->as_int64() > 0 ? x->as_int64() : 0;
  };
  Audience a;
  a.kind = *kind;
  switch (a.kind) {
    case AudienceKind::kSegment: {
      a.model_id = id_of("model_id");
      if (a.model_id == 0) return fault("model_id", "required");
      const auto* codes = o.if_contains("segments");
      if (!codes || !codes->is_array() || codes->as_array().empty() || codes->as_array().size() > 50) {
        return fault("segments", "must_be_array_of_1_to_50");
      }
      for (const auto& c : codes->as_array()) {
        if (!c.is_string() || c.as_string().empty() || c.as_string().size() > 40) return fault("segments", "invalid");
        a.segments.emplace_back(c.as_string());
      }
      break;
    }
    case AudienceKind::kProject:
      a.project_id = id_of("project_id");
      if (a.project_id == 0) return fault("project_id", "required");
      break;
    case AudienceKind::kTier:
      if (const auto* t = o.if_contains("tier"); t && !t->is_null()) {
        if (!t->is_string() || t->as_string().empty() || t->as_string().size() > 20) return fault("tier", "invalid");
        a.tier = std::string(t->as_string());
      }
      break;
    case AudienceKind::kAll:
      break;
    case AudienceKind::kCustomers: {
      const auto* ids = o.if_contains("customer_ids");
      if (!ids || !ids->is_array() || ids->as_array().empty() || ids->as_array().size() > Audience::kMaxPicked) {
        return fault("customer_ids", "must_be_array_of_1_to_10000");
      }
      for (const auto& id : ids->as_array()) {
        if (!id.is_int64() || id.as_int64() <= 0) return fault("customer_ids", "invalid");
        a.customer_ids.push_back(id.as_int64());
      }
      std::sort(a.customer_ids.begin(), a.customer_ids.end());
      a.customer_ids.erase(std::unique(a.customer_ids.begin(), a.customer_ids.end()), a.customer_ids.end());
      break;
    }
  }
  return a;
}

boost::json::object ToJson(const Audience& a) {
  boost::json::object o{{"kind", kAudienceKinds.Name(a.kind)}};
  switch (a.kind) {
    case AudienceKind::kSegment: {
      boost::json::array codes;
      for (const auto& c : a.segments) codes.push_back(boost::json::value(c));
      o["model_id"] = a.model_id;
      o["segments"] = std::move(codes);
      break;
    }
    case AudienceKind::kProject:
      o["project_id"] = a.project_id;
      break;
    case AudienceKind::kTier:
      o["tier"] = a.tier ? boost::json::value(*a.tier) : nullptr;
      break;
    case AudienceKind::kAll:
      break;
    case AudienceKind::kCustomers: {
      boost::json::array ids;
      for (auto id : a.customer_ids) ids.push_back(id);
      o["customer_ids"] = std::move(ids);
      break;
    }
  }
  return o;
}

Audience AudienceOf(const std::string& json) {
  std::vector<FieldError> errors;
  boost::system::error_code ec;
  const auto v = boost::json::parse(json, ec);
  auto a = ec ? std::nullopt : ReadAudience(&v, errors);
  return a.value_or(Audience{});
}

std::optional<TemplateFault> CheckTemplate(const std::string& text) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!Starts(static_cast<unsigned char>(text[i]))) continue;
    if (text[i] == '{') {
      const auto close = text.find('}', i);
      if (close == std::string::npos) return TemplateFault{"unclosed_brace", chars};
      const std::string word = text.substr(i + 1, close - i - 1);
      if (word != "name" && word != "unsubscribe") return TemplateFault{"unknown_placeholder", chars};
      chars += close - i + 1;  // the placeholder is ASCII: one character per byte
      i = close;
      continue;
    }
    if (text[i] == '}') return TemplateFault{"unopened_brace", chars};
    ++chars;
  }
  return std::nullopt;
}

std::string Render(const std::string& text, const std::string& name, const std::string& unsubscribe_link, Channel channel) {
  std::string out;
  out.reserve(text.size() + name.size() + unsubscribe_link.size() + 40);
  bool placed = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 6, "{name}") == 0) {
      out += name;
      i += 5;
    } else if (text.compare(i, 13, "{unsubscribe}") == 0) {
      out += unsubscribe_link;
      placed = true;
      i += 12;
    } else {
      out += text[i];
    }
  }
  if (!placed && !unsubscribe_link.empty()) {
    out += channel == Channel::kEmail ? "\n\n不想再收到这类邮件？退订：" : " 退订：";
    out += unsubscribe_link;
  }
  return out;
}

Timestamp NextSendTime(Timestamp now, bool quiet_hours) {
  if (!quiet_hours) return now;
  const std::int64_t local = now.ms + kChina;
  const std::int64_t day = local / kDayMs * kDayMs;
  const std::int64_t hour = (local - day) / kHourMs;
  if (hour >= 8 && hour < 21) return now;
  const std::int64_t next_eight = (hour < 8 ? day : day + kDayMs) + 8 * kHourMs;
  return Timestamp{next_eight - kChina};
}

SendPace PaceOf(int rate_per_minute) {
  const int rate = std::clamp(rate_per_minute, 1, 6000);
  if (rate <= kMaxBatch) return {rate, 60'000};
  // Faster than one batch a minute: full batches, as often as the rate asks.
  return {kMaxBatch, 60'000LL * kMaxBatch / rate};
}

}  // namespace hearth::campaigns
