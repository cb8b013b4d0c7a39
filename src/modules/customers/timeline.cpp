#include "modules/customers/timeline.hpp"

#include <sodium.h>

#include <charconv>

namespace hearth::customers {

namespace {

constexpr std::string_view kAppend = R"sql(
INSERT INTO timeline_events (tenant_id, customer_id, at, kind, ref_type, ref_id, summary, actor_id, created_at, updated_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9))sql";
constexpr std::string_view kAppendToInserted = R"sql(
INSERT INTO timeline_events (tenant_id, customer_id, at, kind, ref_type, ref_id, summary, actor_id, created_at, updated_at)
SELECT $1, id, $4, $5, 'customer', id, $6, $7, $4, $4 FROM customers WHERE id BETWEEN $2 AND $3)sql";
// Row values keep the range on the (customer_id, at, id) index on both engines.
constexpr std::string_view kPage = R"sql(
SELECT id, customer_id, at, kind, ref_type, ref_id, summary FROM timeline_events
 WHERE customer_id = $1 AND tenant_id = $2 AND (at, id) < ($3, $4)
 ORDER BY at DESC, id DESC LIMIT $5)sql";
constexpr std::string_view kPageOfKind = R"sql(
SELECT id, customer_id, at, kind, ref_type, ref_id, summary FROM timeline_events
 WHERE customer_id = $1 AND kind = $6 AND tenant_id = $2 AND (at, id) < ($3, $4)
 ORDER BY at DESC, id DESC LIMIT $5)sql";
constexpr std::string_view kMove = "UPDATE timeline_events SET customer_id = $3 WHERE customer_id = $2 AND tenant_id = $1";

}  // namespace

void Timeline::Append(db::Tx& tx, std::int64_t tenant_id, const TimelineEvent& e,
                      std::optional<std::int64_t> actor_id, Timestamp now) {
  tx.Execute(kAppend, tenant_id, e.customer_id, e.at, e.kind,
             e.ref_type.empty() ? std::optional<std::string>() : std::optional<std::string>(e.ref_type), e.ref_id,
             e.summary, actor_id, now);
}

void Timeline::AppendToInserted(db::Tx& tx, std::int64_t tenant_id, std::int64_t first_id, std::int64_t last_id,
                                std::string_view kind, std::string_view summary, std::optional<std::int64_t> actor_id,
                                Timestamp now) {
  if (first_id <= last_id) {
    tx.Execute(kAppendToInserted, tenant_id, first_id, last_id, now, std::string(kind), std::string(summary), actor_id);
  }
}

std::vector<TimelineEvent> Timeline::Page(db::Tx& tx, std::int64_t tenant_id, std::int64_t customer_id,
                                          const std::optional<std::string>& kind, const std::optional<Cursor>& cursor,
                                          int limit) {
  const std::int64_t at = cursor ? cursor->at_ms : INT64_MAX;
  const std::int64_t id = cursor ? cursor->id : INT64_MAX;
  auto rows = kind ? tx.Execute(kPageOfKind, customer_id, tenant_id, at, id, limit + 1, *kind)
                   : tx.Execute(kPage, customer_id, tenant_id, at, id, limit + 1);
  std::vector<TimelineEvent> out;
  out.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto r = rows[i];
    out.push_back({r.Int(0), r.Int(1), r.Time(2), r.Text(3), r.Text(4), r.OptInt(5), r.Text(6)});
  }
  return out;
}

void Timeline::Move(db::Tx& tx, std::int64_t tenant_id, std::int64_t from, std::int64_t into) {
  tx.Execute(kMove, tenant_id, from, into);
}

boost::json::object ToJson(const TimelineEvent& e) {
  return {{"id", e.id},
          {"at", FormatRfc3339(e.at)},
          {"kind", e.kind},
          {"ref_type", e.ref_type.empty() ? boost::json::value(nullptr) : boost::json::value(e.ref_type)},
          {"ref_id", e.ref_id ? boost::json::value(*e.ref_id) : boost::json::value(nullptr)},
          {"summary", e.summary}};
}

std::string EncodeTimelineCursor(const Timeline::Cursor& c) {
  const std::string plain = "c2:" + std::to_string(c.at_ms) + ":" + std::to_string(c.id);
  std::string out(sodium_base64_ENCODED_LEN(plain.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(out.find('\0'));
  return out;
}

std::optional<Timeline::Cursor> DecodeTimelineCursor(const std::string& text) {
  if (text.size() > 80) return std::nullopt;
  unsigned char buf[64];
  std::size_t len = 0;
  if (sodium_base642bin(buf, sizeof(buf), text.data(), text.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return std::nullopt;
  }
  std::string_view plain(reinterpret_cast<const char*>(buf), len);
  if (!plain.starts_with("c2:")) return std::nullopt;
  plain.remove_prefix(3);
  const auto colon = plain.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  Timeline::Cursor c{};
  auto a = std::from_chars(plain.data(), plain.data() + colon, c.at_ms);
  auto b = std::from_chars(plain.data() + colon + 1, plain.data() + plain.size(), c.id);
  if (a.ec != std::errc() || b.ec != std::errc() || b.ptr != plain.data() + plain.size()) return std::nullopt;
  return c;
}

}  // namespace hearth::customers
