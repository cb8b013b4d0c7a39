#pragma once
// The club's community events (社区活动) — capacity never exceeded however many sign up at once
// (a compare-and-set on the event's count), check-in earning the event's points once — and the
// partner merchants' offers (合作商家优惠) for members of a tier and above.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/paging.hpp"
#include "core/request_context.hpp"
#include "db/database.hpp"
#include "modules/club/members/club_service.hpp"
#include "platform/audit.hpp"

namespace hearth::club {

struct ClubEvent {
  std::int64_t id = 0;
  std::int64_t org_unit_id = 0;
  std::string org_unit_name;
  std::string title;
  std::string description;
  std::string place;
  Timestamp starts_at;
  Timestamp ends_at;
  int capacity = 0;
  int signed_up = 0;
  int checked_in = 0;
  std::int64_t points = 0;
  std::optional<std::string> tier_min;
  std::string status = "open";
  int version = 1;
  bool editable = false;  ///< the caller runs it (staff of its company who may write)
};

struct EventInput {
  std::optional<std::string> title, description, place, status;
  std::optional<Timestamp> starts_at, ends_at;
  std::optional<int> capacity;
  std::optional<std::int64_t> points;
  std::optional<std::optional<std::string>> tier_min;  ///< set to null: every member
  std::optional<std::int64_t> org_unit_id;             ///< on create: the company holding it (default: the caller's unit)
};

struct Signup {
  std::int64_t id = 0;
  std::int64_t event_id = 0;
  std::int64_t member_id = 0;
  std::string member_no;
  std::string customer_name;
  std::string tier_name;
  std::string status = "signed";
  Timestamp signed_at;
  std::optional<Timestamp> checked_in_at;
};

struct Offer {
  std::int64_t id = 0;
  std::int64_t org_unit_id = 0;
  std::string org_unit_name;
  std::string merchant;
  std::string title;
  std::string description;
  std::optional<std::string> tier_min;
  std::optional<std::int64_t> points_cost;
  std::string valid_from;
  std::string valid_to;
  std::string status = "active";
  int version = 1;
  bool editable = false;
};

struct OfferInput {
  std::optional<std::string> merchant, title, description, valid_from, valid_to, status;
  std::optional<std::optional<std::string>> tier_min;
  std::optional<std::optional<std::int64_t>> points_cost;
};

/// A page of items and how many match.
template <typename T>
struct CountedPage {
  std::vector<T> items;
  std::optional<std::string> next_cursor;
  std::int64_t total = 0;
};

class EventService {
 public:
  EventService(db::Database& db, const Clock& clock, platform::AuditLog& audit, ClubService& members);

  Result<CountedPage<ClubEvent>> Events(const RequestContext& ctx, bool upcoming_only, const Page& page);
  Result<ClubEvent> Event(const RequestContext& ctx, std::int64_t id);
  Result<ClubEvent> CreateEvent(const RequestContext& ctx, const EventInput& in);
  Result<ClubEvent> UpdateEvent(const RequestContext& ctx, std::int64_t id, const EventInput& in, std::optional<std::int64_t> if_match);
  Result<std::vector<Signup>> Signups(const RequestContext& ctx, std::int64_t event_id);
  /// 409 event_full when every place is taken (also when many sign up at once), event_closed,
  /// already_signed; 422 tier_too_low.
  Result<Signup> SignUp(const RequestContext& ctx, std::int64_t event_id, std::int64_t member_id);
  Result<Signup> CancelSignup(const RequestContext& ctx, std::int64_t signup_id);
  /// The member came: the event's points earned once.
  Result<Signup> CheckIn(const RequestContext& ctx, std::int64_t signup_id);

  Result<CountedPage<Offer>> Offers(const RequestContext& ctx, bool current_only, const Page& page);
  Result<Offer> CreateOffer(const RequestContext& ctx, const OfferInput& in);
  Result<Offer> UpdateOffer(const RequestContext& ctx, std::int64_t id, const OfferInput& in, std::optional<std::int64_t> if_match);

 private:
  std::optional<ClubEvent> FindEvent(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  Result<ClubEvent> VisibleEvent(db::Tx& tx, const Actor& actor, std::int64_t id);
  std::optional<Signup> FindSignup(db::Tx& tx, std::int64_t id);
  void NameSignups(db::Tx& tx, std::int64_t tenant_id, std::vector<Signup>& signups);
  Result<void> CheckTier(db::Tx& tx, std::int64_t tenant_id, const std::optional<std::string>& tier, const char* field);
  std::optional<Offer> FindOffer(db::Tx& tx, std::int64_t tenant_id, std::int64_t id);
  std::string Today() const;

  db::Database& db_;
  const Clock& clock_;
  platform::AuditLog& audit_;
  ClubService& members_;
};

}  // namespace hearth::club
