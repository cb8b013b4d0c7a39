#pragma once
// A campaign's rules that need no database: the audience and template a client sends, checked
// with every fault named by its field; the text each recipient gets; when a message may go.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/vocabulary.hpp"

namespace hearth::campaigns {

enum class Channel { kSms, kEmail, kWeChat };
inline constexpr Vocabulary<Channel, 3> kChannels{{"sms", "email", "wechat"}};
constexpr std::string_view WordOf(Channel c) { return kChannels.Name(c); }

/// Whom a campaign is for. `all`: every customer in the campaign's scope; `customers`: picked ones.
enum class AudienceKind { kSegment, kProject, kTier, kAll, kCustomers };
inline constexpr Vocabulary<AudienceKind, 5> kAudienceKinds{{"segment", "project", "tier", "all", "customers"}};

struct Audience {
  AudienceKind kind = AudienceKind::kAll;
  std::int64_t model_id = 0;              ///< segment: the segment model
  std::vector<std::string> segments;      ///< segment: the segments' codes (one or more)
  std::int64_t project_id = 0;            ///< project: its owners
  std::optional<std::string> tier;        ///< tier: the club tier's code (none: every member)
  std::vector<std::int64_t> customer_ids; ///< customers: at most kMaxPicked, ascending, unique
  static constexpr std::size_t kMaxPicked = 10'000;
};

/// The audience from a request's "audience" object; faults as `audience.<field>`.
std::optional<Audience> ReadAudience(const boost::json::value* v, std::vector<FieldError>& errors);
boost::json::object ToJson(const Audience& a);
Audience AudienceOf(const std::string& json);

/// The words a template may hold: {name} (the customer's name), {unsubscribe} (their link).
/// Returns the first fault: "unknown_placeholder" or "unclosed_brace", with the character
/// (counted in UTF-8 characters from 0) where it is.
struct TemplateFault {
  std::string reason;
  std::size_t at = 0;
};
std::optional<TemplateFault> CheckTemplate(const std::string& text);

/// What a recipient gets: the template with their name and link, and the link appended (with
/// 退订 before it) when the template does not place it. An SMS's text is what the provider gets
/// after its 【signature】.
std::string Render(const std::string& text, const std::string& name, const std::string& unsubscribe_link, Channel channel);

/// When a message may go: at once between 08:00 and 21:00 China time, else at the next 08:00
/// (marketing messages are not sent at night). Without quiet hours, at once.
Timestamp NextSendTime(Timestamp now, bool quiet_hours);

/// How many recipients one run of the sender takes (a run a minute): the rate, at most kMaxBatch;
/// a faster rate runs again sooner.
struct SendPace {
  int batch = 0;
  std::int64_t every_ms = 0;
};
SendPace PaceOf(int rate_per_minute);
inline constexpr int kMaxBatch = 1'000;

}  // namespace hearth::campaigns
